#pragma once

#include <QByteArray>

namespace Frontdesk {

struct HttpRequest;

/// Compresses @p data into the gzip format (RFC 1952) that `Content-Encoding: gzip`
/// means; qCompress() writes a zlib stream with a length prefix, which browsers reject.
/// Returns an empty array if zlib fails.
[[nodiscard]] QByteArray gzipCompress(const QByteArray &data, int level = 9);

/// True when the request's Accept-Encoding allows gzip (`gzip`, `x-gzip` or `*`
/// with a non-zero q-value).
[[nodiscard]] bool acceptsGzip(const HttpRequest &request);

} // namespace Frontdesk
