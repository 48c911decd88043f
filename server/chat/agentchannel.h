#pragma once

#include "chat/chatservice.h"
#include "chat/endpoints.h"
#include "chat/teamcommands.h"
#include "protocol/wirecodec.h"

#include <QObject>
#include <functional>
#include <optional>

namespace Frontdesk {

/// @brief One agent connection's side of protocol v1: auth first, then
/// commands (accept, reply, close, typing, read, history, visitor) and the
/// events the chat service pushes.
///
/// Transport-free like VisitorChannel: the WebSocket session feeds it frames
/// and sends what it gives back.
class AgentChannel : public QObject, public AgentEndpoint
{
    Q_OBJECT

public:
    using Send = std::function<void(const QJsonObject &frame)>;

    AgentChannel(ChatService *chat, Send send, QObject *parent = nullptr);
    ~AgentChannel() override;

    void handleBytes(QByteArrayView bytes);
    void handle(const WireMessage &message);

    [[nodiscard]] bool isAuthenticated() const { return m_agent.has_value(); }
    [[nodiscard]] const std::optional<AgentRecord> &agent() const { return m_agent; }

    void pushToAgent(const QJsonObject &event) override;

Q_SIGNALS:
    /// The agent proved who it is; the snapshot has been sent.
    void authenticated();

private:
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
    void sendError(const ProtocolError &error, const WireMessage &message);
    void sendResult(const WireMessage &message, QJsonObject fields);
    /// Reads the conversationId every command carries; false after answering with the error.
    bool readConversationId(const WireMessage &message, qint64 *conversationId);
    /// A callback that answers @p message with the conversation, or the error.
    ChatCallback<ConversationRecord> answerWithConversation(const WireMessage &message);

    ChatService *m_chat;
    Send m_send;
    TeamCommands m_team;
    std::optional<AgentRecord> m_agent;
    bool m_authPending = false;
};

} // namespace Frontdesk
