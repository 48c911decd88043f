#pragma once

#include "protocol/protocolerror.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Frontdesk {

/// @brief An HTTP response to be written by the listener.
struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; ///< besides Content-Length/Connection/Date, which the listener writes
    QByteArray body;

    HttpResponse &setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(QByteArrayView name) const;

    /// "Cache-Control: no-store": for answers about one client (its session, its events).
    HttpResponse &noStore();

    /// A body that is JSON already (the protocol's codecs encode every body).
    [[nodiscard]] static HttpResponse encodedJson(int status, const QByteArray &body);
    /// The one shape every error takes on the wire:
    /// `{"error":{"code":"<code>","message":"<sentence>"}}`.
    /// The listener's and the router's own refusals (busy, timed out, no such path) use it directly.
    [[nodiscard]] static HttpResponse error(int status, const QString &code, const QString &message);
    /// A protocol refusal: the code's HTTP status, and Retry-After when it says when to try again.
    [[nodiscard]] static HttpResponse error(const ProtocolError &error);
    [[nodiscard]] static HttpResponse noContent();
    [[nodiscard]] static QByteArray reasonPhrase(int status);
};

} // namespace Frontdesk
