#pragma once

#include "httplimits.h"
#include "httprouter.h"
#include "proxytrust.h"

#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QSslConfiguration>
#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace Frontdesk {

class HttpConnection;

/// @brief The one port Frontdesk listens on: HTTP/1.1 parsed with
/// libhttp-parser, and WebSocket upgrades handed on unread.
///
/// Enforces HttpLimits (header size, body size per route, header/body/idle
/// timeouts, connections overall and per address) and sets TCP_NODELAY on
/// every accepted socket. With a TLS configuration it serves HTTPS/WSS on the
/// same port through QSslServer.
class HttpListener : public QObject
{
    Q_OBJECT

public:
    /// Decides on an upgrade request: std::nullopt accepts it, a response refuses it (e.g. 403).
    using UpgradeCheck = std::function<std::optional<HttpResponse>(const HttpRequest &request)>;
    /// Receives an accepted upgrade's socket with the handshake still unread in it
    /// (for QWebSocketServer::handleConnection). The socket stays counted
    /// against the connection limits until it is destroyed.
    using UpgradeTakeOver = std::function<void(QTcpSocket *socket)>;

    explicit HttpListener(const HttpLimits &limits, QObject *parent = nullptr);
    ~HttpListener() override;

    /// Serve TLS on this port: before listen(). While listening it replaces the
    /// certificate for the handshakes still to come (a renewal); every open
    /// connection keeps the one it was accepted with.
    void setTlsConfiguration(const QSslConfiguration &configuration);
    void setUpgradeHandler(UpgradeCheck check, UpgradeTakeOver takeOver);
    /// The reverse proxies whose forwarding headers name the client; call before listen().
    void setProxyTrust(const ProxyTrust &trust) { m_proxyTrust = trust; }
    [[nodiscard]] const ProxyTrust &proxyTrust() const { return m_proxyTrust; }
    [[nodiscard]] HttpRouter &router() { return m_router; }
    [[nodiscard]] const HttpLimits &limits() const { return m_limits; }

    /// Starts accepting; on failure returns false with a sentence in @p error.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    void close();
    [[nodiscard]] quint16 serverPort() const;
    [[nodiscard]] QHostAddress serverAddress() const;
    [[nodiscard]] bool isTls() const;
    /// Open sockets, HTTP and upgraded.
    [[nodiscard]] int connectionCount() const { return m_connectionCount; }
    /// Connections and requests refused since the start, by error code (metrics).
    [[nodiscard]] const QMap<QString, qint64> &refusedByCode() const { return m_refusedByCode; }

Q_SIGNALS:
    /// A client was turned away or dropped by a limit; @p reason is a sentence for logs.
    void clientRejected(const QHostAddress &peer, const QString &reason);

private:
    void acceptPending();
    /// Counts @p socket, per address under @p key (null: not yet known, a proxy's connection).
    void track(QTcpSocket *socket, const QHostAddress &key);
    void release(const QHostAddress &key);
    /// Counts a proxy's connection under the client its latest request names;
    /// false (and nothing changed) when that client has its limit of connections already.
    [[nodiscard]] bool countForClient(QTcpSocket *socket, const QHostAddress &client);

    HttpLimits m_limits;
    HttpRouter m_router;
    QTcpServer *m_server = nullptr;
    std::optional<QSslConfiguration> m_tls;
    UpgradeCheck m_upgradeCheck;
    UpgradeTakeOver m_upgradeTakeOver;
    ProxyTrust m_proxyTrust;
    QHash<QHostAddress, int> m_connectionsPerIp;
    int m_connectionCount = 0;
    QMap<QString, qint64> m_refusedByCode;

    friend class HttpConnection;
};

} // namespace Frontdesk
