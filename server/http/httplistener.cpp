#include "httplistener.h"

#include "httpconnection.h"
#include "httplogging.h"
#include "ratelimit/addresskey.h"

#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// Gives a socket's slot back when the socket is destroyed. A child of the
// socket rather than a connection to its destroyed() signal, because the
// QWebSocket that takes an upgraded socket over calls disconnect() on it
// (QWebSocketPrivate::releaseConnections), which would drop that connection.
// It keeps the address key the socket is counted under, which changes when
// a proxy's connection carries requests of another client.
class SocketSlot : public QObject
{
public:
    SocketSlot(QTcpSocket *socket, const QHostAddress &key, std::function<void(const QHostAddress &)> release)
        : QObject(socket), m_key(key), m_release(std::move(release))
    {
        setObjectName(name());
    }
    // Found by name: without Q_OBJECT (a metaobject per socket's helper is not
    // worth it) findChild<SocketSlot *> would match any child.
    static QString name() { return QStringLiteral("frontdesk-socket-slot"); }
    static SocketSlot *of(QTcpSocket *socket)
    {
        return static_cast<SocketSlot *>(socket->findChild<QObject *>(name(), Qt::FindDirectChildrenOnly));
    }
    ~SocketSlot() override { m_release(m_key); }

    QHostAddress m_key; ///< null: counted overall only
    std::function<void(const QHostAddress &)> m_release;
};

} // namespace

HttpListener::HttpListener(const HttpLimits &limits, QObject *parent) : QObject(parent), m_limits(limits) { }

HttpListener::~HttpListener()
{
    // Connections use the router and the limits: they go before the members do.
    qDeleteAll(findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly));
    delete m_server;
}

void HttpListener::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = configuration;
    // QSslServer copies its configuration into each socket it accepts, so the
    // swap needs no lock and cannot reach a connection that is already open.
    if (auto *server = qobject_cast<QSslServer *>(m_server))
        server->setSslConfiguration(configuration);
}

void HttpListener::setUpgradeHandler(UpgradeCheck check, UpgradeTakeOver takeOver)
{
    m_upgradeCheck = std::move(check);
    m_upgradeTakeOver = std::move(takeOver);
}

bool HttpListener::listen(const QHostAddress &address, quint16 port, QString *error)
{
    delete m_server;
    if (m_tls) {
        auto *server = new QSslServer(this);
        server->setSslConfiguration(*m_tls);
        server->setHandshakeTimeout(m_limits.tlsHandshakeTimeoutMs);
        connect(server, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qCInfo(lcHttp).noquote() << u"TLS connection from %1 failed before its first request (%2); dropped it."_s.arg(
                socket->peerAddress().toString(), socket->errorString());
        });
        connect(server, &QSslServer::handshakeInterruptedOnError, this, [](QSslSocket *socket, const QSslError &sslError) {
            qCInfo(lcHttp).noquote() << u"TLS handshake with %1 failed (%2); dropped the connection."_s.arg(
                socket->peerAddress().toString(), sslError.errorString());
        });
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    // pendingConnectionAvailable() is the one QSslServer emits once the
    // handshake is done; newConnection() is kept for plain QTcpServer.
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpListener::acceptPending);
    connect(m_server, &QTcpServer::newConnection, this, &HttpListener::acceptPending);
    connect(m_server, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        // Typically EMFILE: the process ran out of descriptors.
        qCWarning(lcHttp).noquote() << u"Could not accept a connection: %1; still listening."_s.arg(m_server->errorString());
    });

    if (!m_server->listen(address, port)) {
        if (error)
            *error = u"Could not listen on %1 port %2: %3."_s.arg(address.toString(), QString::number(port),
                                                                  m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    qCInfo(lcHttp).noquote() << u"Listening for %1 on %2 port %3."_s.arg(
        isTls() ? u"HTTPS"_s : u"HTTP"_s, serverAddress().toString(), QString::number(serverPort()));
    return true;
}

void HttpListener::close()
{
    if (m_server)
        m_server->close();
}

quint16 HttpListener::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

QHostAddress HttpListener::serverAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

bool HttpListener::isTls() const
{
    return m_tls.has_value();
}

void HttpListener::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        const QHostAddress peer = socket->peerAddress();
        // A proxy's connections are counted under the client each request
        // names (countForClient); the proxy's own address has no cap of its own.
        const bool proxied = m_proxyTrust.trusts(peer);
        const QHostAddress key = proxied ? QHostAddress() : AddressKey::of(peer);

        int status = 0;
        QString code;
        QString reason;
        if (m_connectionCount >= m_limits.maxConnections) {
            status = 503;
            code = u"server_busy"_s;
            reason
                = u"Refused a connection from %1: the server has its limit of %2 open connections; answered 503 and closed it."_s
                      .arg(peer.toString(), QString::number(m_limits.maxConnections));
        } else if (!proxied && m_connectionsPerIp.value(key) >= m_limits.maxConnectionsPerIp) {
            status = 429;
            code = u"too_many_connections"_s;
            reason
                = u"Refused a connection from %1: that address already has %2 open connections, the limit; answered 429 and closed it."_s
                      .arg(peer.toString(), QString::number(m_limits.maxConnectionsPerIp));
        }
        if (status != 0) {
            ++m_refusedByCode[code];
            qCInfo(lcHttp).noquote() << reason;
            Q_EMIT clientRejected(peer, reason);
            // A short answer the browser can show, then the close. The
            // socket is not counted; the timer bounds a client that never reads.
            const HttpResponse response = HttpResponse::error(status, code, u"Too many open connections; try again shortly."_s);
            QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpResponse::reasonPhrase(status) + "\r\n";
            for (const auto &[name, value] : response.headers)
                out += name + ": " + value + "\r\n";
            out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n"
                + response.body;
            socket->write(out);
            socket->flush();
            connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(2'000, socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
            socket->disconnectFromHost();
            continue;
        }

        // Chat messages are small writes that must leave now, not after Nagle's 40 ms.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        // Bound what one client can make us buffer (pipelined requests while
        // we answer, a header flood): room for a full header block plus slack.
        socket->setReadBufferSize(qMax<qint64>(64 * 1024, qint64(m_limits.maxHeaderBytes) + 16 * 1024));
        track(socket, key);
        new HttpConnection(socket, peer, this);
    }
}

void HttpListener::track(QTcpSocket *socket, const QHostAddress &key)
{
    ++m_connectionCount;
    if (!key.isNull())
        ++m_connectionsPerIp[key];
    // Counted until the object is gone, not until HTTP lets go of it: an
    // upgraded WebSocket holds a descriptor just the same.
    new SocketSlot(socket, key, [listener = QPointer<HttpListener>(this)](const QHostAddress &counted) {
        if (!listener)
            return;
        listener->release(counted);
    });
}

void HttpListener::release(const QHostAddress &key)
{
    --m_connectionCount;
    if (key.isNull())
        return;
    auto it = m_connectionsPerIp.find(key);
    if (it != m_connectionsPerIp.end() && --it.value() <= 0)
        m_connectionsPerIp.erase(it);
}

bool HttpListener::countForClient(QTcpSocket *socket, const QHostAddress &client)
{
    SocketSlot *slot = SocketSlot::of(socket);
    const QHostAddress key = AddressKey::of(client);
    if (!slot || slot->m_key == key)
        return true;
    if (m_connectionsPerIp.value(key) >= m_limits.maxConnectionsPerIp)
        return false;
    if (!slot->m_key.isNull()) {
        auto it = m_connectionsPerIp.find(slot->m_key);
        if (it != m_connectionsPerIp.end() && --it.value() <= 0)
            m_connectionsPerIp.erase(it);
    }
    ++m_connectionsPerIp[key];
    slot->m_key = key;
    return true;
}

} // namespace Frontdesk
