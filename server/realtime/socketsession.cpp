#include "socketsession.h"

#include "protocol/wirecodec.h"

#include <QLoggingCategory>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRealtime)

namespace Frontdesk {

SocketSession::SocketSession(QWebSocket *socket, const RealtimeLimits &limits, QObject *parent)
    : QObject(parent), m_socket(socket), m_limits(limits)
{
    m_socket->setParent(this);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) { receive(text.toUtf8()); });
    // Binary frames are accepted as UTF-8 JSON too, so a client whose text is
    // broken gets an invalid_utf8 error instead of a closed socket.
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &bytes) { receive(bytes); });
    connect(m_socket, &QWebSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        qCDebug(lcRealtime) << "socket error from" << m_socket->peerAddress() << ":" << m_socket->errorString();
    });
}

void SocketSession::send(const QJsonObject &frame)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    // QWebSocket queues without bound; a peer that never reads would make us
    // hold its events forever. It can reconnect and resume with hello's "after".
    if (m_socket->bytesToWrite() > m_limits.maxPendingOutputBytes) {
        qCInfo(lcRealtime) << "dropping" << m_socket->peerAddress() << ": it stopped reading (" << m_socket->bytesToWrite()
                           << "bytes waiting)";
        m_socket->abort();
        return;
    }
    m_socket->sendTextMessage(QString::fromUtf8(WireCodec::encode(frame)));
}

} // namespace Frontdesk
