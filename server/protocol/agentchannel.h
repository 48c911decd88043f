#pragma once

#include "chat/agentauthservice.h"
#include "chat/chatoutcome.h"
#include "chat/endpoints.h"
#include "protocol/sitecommands.h"
#include "protocol/teamcommands.h"
#include "protocol/visitordatacommands.h"
#include "protocol/webhookcommands.h"
#include "protocol/wirecodec.h"
#include "ratelimit/abuselimits.h"
#include "ratelimit/tokenbucket.h"

#include <QObject>
#include <functional>
#include <optional>

namespace Frontdesk {

class ChatServices;
struct AgentSnapshot;

/// @brief One agent connection's side of protocol v1: auth first, then
/// commands (accept, reply, close, typing, read, history, visitor) and the
/// events the chat service pushes.
///
/// Transport-free like VisitorChannel: the WebSocket session feeds it frames
/// and sends what it gives back: answers and events, both encoded here.
class AgentChannel : public QObject, public AgentEndpoint
{
    Q_OBJECT

public:
    /// Answers to the agent's own frames (always sent, even the last one of an ended session).
    using Send = std::function<void(const QByteArray &frame)>;
    using Push = std::function<void(const QByteArray &frame)>;

    /// @p client is the connection's address and user agent (for the password throttle).
    AgentChannel(ChatServices *chat, const ClientContext &client, Send send, Push push, QObject *parent = nullptr);
    ~AgentChannel() override;

    void handleBytes(QByteArrayView bytes);
    void handle(const WireMessage &message);

    [[nodiscard]] bool isAuthenticated() const { return m_auth.has_value(); }

    void pushToAgent(const QByteArray &frame) override;
    [[nodiscard]] QString sessionId() const override { return m_auth ? m_auth->session.id : QString(); }
    [[nodiscard]] bool isAdmin() const override { return m_auth && m_auth->agent.role == AgentRole::Admin; }
    void endSession(SessionEnd why) override;

Q_SIGNALS:
    /// The agent proved who it is; the snapshot has been sent.
    void authenticated();
    /// The session ended (session_ended was sent): close the connection with
    /// WireLimits' session-ended close code and @p reason.
    void sessionEnded(const QString &reason);
    /// The client kept sending over its frame rate after being told: close it.
    void flooding();

private:
    void send(const QJsonObject &frame);
    void handleAuth(const WireMessage &message);
    void handleAccept(const WireMessage &message);
    void handleReply(const WireMessage &message);
    void handleClose(const WireMessage &message);
    void handleTyping(const WireMessage &message);
    void handleRead(const WireMessage &message);
    void handleHistory(const WireMessage &message);
    void handleVisitor(const WireMessage &message);
    void handleSetStatus(const WireMessage &message);
    void handleTransfer(const WireMessage &message);
    void handleListSessions(const WireMessage &message);
    void handleEndSession(const WireMessage &message);
    void handleLogout(const WireMessage &message);
    /// The frame rate limit; false after answering rate_limited (or signalling flooding()).
    bool admitFrame(const WireMessage &message);
    void sendError(const ProtocolError &error, const WireMessage &message);
    void sendResult(const WireMessage &message, QJsonObject fields);
    /// Where a command set's answer to @p message goes: its result frame or its error.
    CommandAnswer answerFor(const WireMessage &message);
    /// Reads the conversationId every command carries; false after answering with the error.
    bool readConversationId(const WireMessage &message, qint64 *conversationId);
    /// A callback that answers @p message with the conversation, or the error.
    ChatCallback<ConversationRecord> answerWithConversation(const WireMessage &message);
    /// The snapshot frame: open conversations with their visitors, the team, the sites.
    [[nodiscard]] QJsonObject snapshotFrame(const AgentRecord &agent, const AgentSnapshot &snapshot) const;

    ChatServices *m_chat;
    ClientContext m_client;
    AbuseLimits m_limits;
    Send m_send;
    Push m_push;
    TeamCommands m_team;
    SiteCommands m_sites;
    WebhookCommands m_webhooks;
    VisitorDataCommands m_visitorData;
    std::optional<AgentAuthentication> m_auth;
    const AgentRecord *m_agent = nullptr; ///< &m_auth->agent once authenticated
    bool m_authPending = false;
    bool m_ended = false;
    TokenBucket m_frames;
    int m_refusedInARow = 0;
};

} // namespace Frontdesk
