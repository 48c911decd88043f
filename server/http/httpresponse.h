#pragma once

#include <QByteArray>
#include <QJsonObject>
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

    [[nodiscard]] static HttpResponse json(int status, const QJsonObject &object);
    /// A body that is JSON already (assembled from encoded frames).
    [[nodiscard]] static HttpResponse encodedJson(int status, const QByteArray &body);
    /// The one shape every error takes on the wire:
    /// `{"error":{"code":"<code>","message":"<sentence>"}}`.
    [[nodiscard]] static HttpResponse error(int status, const QString &code, const QString &message);
    [[nodiscard]] static HttpResponse noContent();
    [[nodiscard]] static QByteArray reasonPhrase(int status);
};

} // namespace Frontdesk
