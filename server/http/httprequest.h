#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace Frontdesk {

/// @brief One parsed HTTP/1.1 request.
struct HttpRequest {
    QByteArray method; ///< "GET", "POST", ...
    QString path; ///< percent-decoded, without the query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; ///< names lower-cased, in arrival order
    QByteArray body;
    /// The client: the socket's peer, or, from a trusted proxy, the client it names (ProxyTrust).
    QHostAddress peerAddress;
    QByteArray scheme; ///< "http" or "https": as the client reached us (through a trusted proxy, as it says)
    QHash<QString, QString> pathParameters; ///< filled by the router from `{name}` segments
    bool keepAlive = true;
    bool upgrade = false; ///< `Connection: Upgrade` was asked for

    /// The first header of that name (case-insensitive), or an empty array.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] QString pathParameter(const QString &name) const { return pathParameters.value(name); }
};

} // namespace Frontdesk
