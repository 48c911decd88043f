#include "socketsession.h"

#include "protocol/wirecodec.h"

#include <QLoggingCategory>
#include <QMetaMethod>
#include <QTimerEvent>
#include <QWebSocket>
#include <chrono>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRealtime)

namespace Frontdesk {

namespace {

qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

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
    // The peer read: the backlog may be back under the mark.
    connect(m_socket, &QWebSocket::bytesWritten, this, [this] {
        if (m_backlogTimer != 0 && m_socket->bytesToWrite() <= m_limits.outputHighWaterBytes) {
            killTimer(m_backlogTimer);
            m_backlogTimer = 0;
        }
    });
    watchPings();
}

void SocketSession::watchPings()
{
    // QWebSocket (6.4 and later) answers pings itself and reports none of
    // them; its frame reader, a child object, emits pingReceived(QByteArray),
    // after QWebSocket's own slot has queued the pong. Found through the
    // meta-object, so a Qt without it is a warning, not a build failure.
    static const QMetaMethod slot = staticMetaObject.method(staticMetaObject.indexOfSlot("onPingReceived()"));
    const QList<QObject *> children = m_socket->findChildren<QObject *>(Qt::FindDirectChildrenOnly);
    for (QObject *child : children) {
        const int index = child->metaObject()->indexOfSignal("pingReceived(QByteArray)");
        if (index >= 0) {
            connect(child, child->metaObject()->method(index), this, slot);
            return;
        }
    }
    static bool warned = false;
    if (!std::exchange(warned, true))
        qCWarning(lcRealtime)
            << "This Qt's QWebSocket reports no pings: WebSocket ping floods are not limited (unread pongs still "
               "count as unsent output).";
}

void SocketSession::sendEncoded(const QByteArray &bytes)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (m_socket->bytesToWrite() + bytes.size() > m_limits.maxOutputBytes) {
        drop(u"its unsent output would pass the %1-byte cap"_s.arg(m_limits.maxOutputBytes));
        return;
    }
    // QWebSocket takes text frames only as QString (and encodes them again):
    // the one conversion per connection this API leaves.
    m_socket->sendTextMessage(QString::fromUtf8(bytes));
    checkBacklog();
}

void SocketSession::checkBacklog()
{
    // bytesToWrite() counts what this event-loop turn queued too: above the
    // mark only starts the clock. The peer has the grace period to read it.
    if (m_backlogTimer == 0 && m_socket->bytesToWrite() > m_limits.outputHighWaterBytes)
        m_backlogTimer = startTimer(m_limits.outputGraceMs);
}

void SocketSession::onPingReceived()
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return; // closing already
    const qint64 now = monotonicMs();
    if (now - m_pingWindowStartMs >= m_limits.pingWindowMs) {
        m_pingWindowStartMs = now;
        m_pingsInWindow = 0;
    }
    if (++m_pingsInWindow > m_limits.maxPingsPerWindow) {
        qCInfo(lcRealtime).noquote() << u"Closing the WebSocket of %1 with 1008: more than %2 pings within %3 ms."_s.arg(
            m_socket->peerAddress().toString(), QString::number(m_limits.maxPingsPerWindow),
            QString::number(m_limits.pingWindowMs));
        closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated, u"too many pings"_s);
        return;
    }
    if (m_socket->bytesToWrite() > m_limits.maxOutputBytes) {
        drop(u"its unread pongs passed the %1-byte cap"_s.arg(m_limits.maxOutputBytes));
        return;
    }
    checkBacklog();
}

void SocketSession::closeForPolicy(QWebSocketProtocol::CloseCode code, const QString &reason)
{
    if (m_lingerTimer == 0)
        m_lingerTimer = startTimer(m_limits.closeLingerMs, Qt::CoarseTimer);
    m_socket->close(code, reason);
}

void SocketSession::drop(const QString &reason)
{
    qCInfo(lcRealtime).noquote() << u"Dropped the WebSocket of %1 with %3 bytes unsent: %2."_s.arg(
        m_socket->peerAddress().toString(), reason, QString::number(m_socket->bytesToWrite()));
    m_socket->abort(); // emits disconnected(): the session deletes itself
}

void SocketSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_backlogTimer) {
        killTimer(m_backlogTimer);
        m_backlogTimer = 0;
        if (m_socket->bytesToWrite() > m_limits.outputHighWaterBytes)
            drop(u"its unsent output stayed above %1 bytes for %2 ms, it reads slower than the server writes"_s.arg(
                QString::number(m_limits.outputHighWaterBytes), QString::number(m_limits.outputGraceMs)));
        return;
    }
    if (event->timerId() == m_lingerTimer) {
        killTimer(m_lingerTimer);
        m_lingerTimer = 0;
        if (m_socket->state() != QAbstractSocket::UnconnectedState) {
            qCDebug(lcRealtime) << "aborting the socket of" << m_socket->peerAddress() << ": it did not close within"
                                << m_limits.closeLingerMs << "ms of our close frame";
            m_socket->abort();
        }
        return;
    }
    QObject::timerEvent(event);
}

} // namespace Frontdesk
