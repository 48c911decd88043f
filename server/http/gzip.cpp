#include "gzip.h"

#include "httprequest.h"

#include <zlib.h>

namespace Frontdesk {

namespace {

// The q-value of one Accept-Encoding element, e.g. `gzip;q=0.5`; 1 when absent.
double qualityOf(const QList<QByteArray> &parameters)
{
    for (qsizetype i = 1; i < parameters.size(); ++i) {
        const QByteArray parameter = parameters.at(i).trimmed();
        if (parameter.size() > 2 && (parameter.startsWith("q=") || parameter.startsWith("Q="))) {
            bool ok = false;
            const double quality = parameter.mid(2).toDouble(&ok);
            return ok ? quality : 0.0;
        }
    }
    return 1.0;
}

} // namespace

QByteArray gzipCompress(const QByteArray &data, int level)
{
    z_stream stream{};
    // windowBits 15 + 16 asks zlib for a gzip header and trailer instead of a zlib one.
    if (deflateInit2(&stream, qBound(0, level, 9), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};

    QByteArray out;
    out.resize(qsizetype(deflateBound(&stream, uLong(data.size()))) + 32);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());

    // deflateBound() guarantees one Z_FINISH call is enough.
    const int result = deflate(&stream, Z_FINISH);
    const auto written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

bool acceptsGzip(const HttpRequest &request)
{
    const QByteArray acceptEncoding = request.header("accept-encoding");
    bool gzipNamed = false;
    bool gzipAllowed = false;
    bool wildcardAllowed = false;
    for (const QByteArray &element : acceptEncoding.split(',')) {
        const QList<QByteArray> parameters = element.split(';');
        const QByteArray coding = parameters.first().trimmed().toLower();
        const bool allowed = qualityOf(parameters) > 0.0;
        if (coding == "gzip" || coding == "x-gzip") {
            gzipNamed = true;
            gzipAllowed = gzipAllowed || allowed;
        } else if (coding == "*") {
            wildcardAllowed = allowed;
        }
    }
    // An explicit `gzip;q=0` wins over `*`.
    return gzipNamed ? gzipAllowed : wildcardAllowed;
}

} // namespace Frontdesk
