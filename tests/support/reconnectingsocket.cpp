#include "reconnectingsocket.h"

#include <QJsonDocument>
#include <QWebSocket>

namespace Frontdesk {

namespace {

// Short, so a restarted server sees its clients at once; a refused
// connection costs next to nothing.
constexpr int RetryDelayMs = 100;
// A handshake to a server that died halfway through it would never finish.
constexpr int AttemptTimeoutMs = 10'000;

} // namespace

ReconnectingSocket::ReconnectingSocket(const QNetworkRequest &request, QObject *parent) : QObject(parent), m_request(request)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(RetryDelayMs);
    connect(&m_retry, &QTimer::timeout, this, &ReconnectingSocket::connectOnce);
    m_attemptDeadline.setSingleShot(true);
    m_attemptDeadline.setInterval(AttemptTimeoutMs);
    connect(&m_attemptDeadline, &QTimer::timeout, this, [this] {
        if (m_socket && !m_isUp)
            m_socket->abort();
    });
}

ReconnectingSocket::~ReconnectingSocket()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void ReconnectingSocket::open()
{
    m_wanted = true;
    if (!m_socket)
        connectOnce();
}

void ReconnectingSocket::close()
{
    m_wanted = false;
    m_retry.stop();
    m_attemptDeadline.stop();
    if (m_socket) {
        m_socket->close();
        dropSocket();
    }
}

bool ReconnectingSocket::isConnected() const
{
    return m_isUp;
}

int ReconnectingSocket::send(QJsonObject frame)
{
    if (!m_isUp)
        return 0;
    const int id = m_nextRequestId++;
    frame.insert(QStringLiteral("id"), id);
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    return id;
}

void ReconnectingSocket::connectOnce()
{
    if (!m_wanted || m_socket)
        return;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *socket = m_socket;
    connect(socket, &QWebSocket::connected, this, [this] {
        m_attemptDeadline.stop();
        m_isUp = true;
        ++m_connections;
        Q_EMIT connected();
    });
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { Q_EMIT frameReceived(QJsonDocument::fromJson(text.toUtf8()).object()); });
    // A failed attempt may report only the error, a lost connection only
    // disconnected(): both end this socket, once.
    const auto ended = [this, socket] {
        if (m_socket != socket || socket->state() != QAbstractSocket::UnconnectedState)
            return;
        const bool wasUp = m_isUp;
        dropSocket();
        if (wasUp)
            Q_EMIT disconnected();
        retryLater();
    };
    connect(socket, &QWebSocket::disconnected, this, ended);
    // Qt 6.4 calls it error(); errorOccurred() comes with 6.5.
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, ended);
    m_attemptDeadline.start();
    socket->open(m_request);
}

void ReconnectingSocket::retryLater()
{
    if (m_wanted && !m_retry.isActive())
        m_retry.start();
}

void ReconnectingSocket::dropSocket()
{
    m_isUp = false;
    m_attemptDeadline.stop();
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->deleteLater();
    m_socket = nullptr;
}

} // namespace Frontdesk
