#include "agentsession.h"

#include "chat/chatservices.h"
#include "protocol/agentchannel.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRealtime)

namespace Frontdesk {

AgentSession::AgentSession(QWebSocket *socket, ChatServices *chat, const ClientContext &client, const RealtimeLimits &limits,
                           QObject *parent)
    : SocketSession(socket, limits, parent)
    , m_channel(new AgentChannel(
          chat, client, [this](const QByteArray &answer) { sendEncoded(answer); },
          [this](const QByteArray &event) { sendEncoded(event); }, this))
{
    connect(m_channel, &AgentChannel::sessionEnded, this, [this](const QString &reason) {
        m_socket->close(QWebSocketProtocol::CloseCode(WireLimits::sessionEndedCloseCode), reason);
    });
    connect(m_channel, &AgentChannel::flooding, this,
            [this] { m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"too many frames"_s); });
    // An unauthenticated socket costs memory and proves nothing: give it a deadline.
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this] {
        qCInfo(lcRealtime) << "closing agent socket from" << m_socket->peerAddress() << ": no auth within"
                           << m_limits.agentAuthTimeoutMs << "ms";
        closeForPolicy(QWebSocketProtocol::CloseCodePolicyViolated, u"authenticate first"_s);
    });
    connect(m_channel, &AgentChannel::authenticated, deadline, &QTimer::stop);
    deadline->start(m_limits.agentAuthTimeoutMs);
}

void AgentSession::receive(QByteArrayView bytes)
{
    m_channel->handleBytes(bytes);
}

} // namespace Frontdesk
