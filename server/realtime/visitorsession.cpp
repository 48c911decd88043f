#include "visitorsession.h"

#include "chat/chatservices.h"
#include "protocol/visitorchannel.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QTimerEvent>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRealtime)

namespace Frontdesk {

VisitorSession::VisitorSession(QWebSocket *socket, ChatServices *chat, const SiteRecord &site, const ClientContext &client,
                               const RealtimeLimits &limits, QObject *parent)
    : SocketSession(socket, limits, parent)
    , m_channel(new VisitorChannel(
          chat, site, client, [this](const QByteArray &frame) { sendEncoded(frame); }, this))
{
    connect(m_channel, &VisitorChannel::flooding, this,
            [this] { m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"too many frames"_s); });
    connect(m_channel, &VisitorChannel::ended, this,
            [this](const QString &reason) { m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason); });
    // A socket that never says hello holds memory for nothing. A bare timer
    // id rather than a QTimer: thousands of idle visitors each keep one session.
    m_helloDeadline = startTimer(m_limits.visitorHelloTimeoutMs, Qt::CoarseTimer);
}

void VisitorSession::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_helloDeadline)
        return SocketSession::timerEvent(event);
    killTimer(m_helloDeadline);
    m_helloDeadline = 0;
    if (m_channel->visitor())
        return;
    qCInfo(lcRealtime) << "closing visitor socket from" << m_socket->peerAddress() << ": no hello within"
                       << m_limits.visitorHelloTimeoutMs << "ms";
    closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated, u"say hello first"_s);
}

void VisitorSession::receive(QByteArrayView bytes)
{
    m_channel->handleBytes(bytes,
                           [this](const VisitorChannel::Answer &answer) { sendEncoded(VisitorChannel::socketFrame(answer)); });
    if (m_helloDeadline != 0 && m_channel->visitor()) {
        killTimer(m_helloDeadline);
        m_helloDeadline = 0;
    }
}

} // namespace Frontdesk
