#pragma once

#include "chat/chatoutcome.h"
#include "core/domainevents.h"
#include "core/records.h"
#include "ratelimit/abuselimits.h"
#include "ratelimit/ratelimiter.h"

#include <QObject>
#include <QUrl>
#include <optional>

namespace Frontdesk {

class PresenceService;
class SiteDirectory;
class AgentStore;
class ConversationStore;
class MailPolicy;

/// @brief What a console needs when it connects: the open conversations, the
/// team with each member's status, how many agents are online, the sites.
struct AgentSnapshot {
    QList<ConversationSummary> conversations;
    QList<TeamMember> team;
    int agentsOnline = 0;
    QList<SiteRecord> sites; ///< oldest first
    QUrl publicUrl; ///< the server's --public-url; empty when it has none (the console then uses the URL it connected to)
};

/// @brief The rules of a conversation: who may say what in it, and when it
/// changes hands. Each change is stored first and, once committed, published
/// on the bus (the fan-out tells visitors and agents).
class ConversationService : public QObject
{
    Q_OBJECT

public:
    ConversationService(ConversationStore *conversations, AgentStore *agents, const SiteDirectory *sites,
                        const PresenceService *presence, DomainEventBus *events, const AbuseLimits &limits,
                        const QUrl &publicUrl = {}, QObject *parent = nullptr);

    // The visitor's side
    /// Stores the message (opening a conversation if none is open); @p origin
    /// is the sending connection, which is not sent its own message back.
    void postVisitorMessage(const VisitorRecord &visitor, const QString &clientId, const QString &body, const void *origin,
                            ChatCallback<AppendResult> done);
    void visitorTyping(const VisitorRecord &visitor, bool active);
    void visitorRead(const VisitorRecord &visitor, qint64 messageId, ChatCallback<ConversationRecord> done);
    /// Rates the visitor's latest conversation, which must be closed.
    void rate(const VisitorRecord &visitor, int rating, const QString &comment, ChatCallback<ConversationRecord> done);
    /// Messages of the visitor's current conversation after @p afterId.
    void visitorMessagesAfter(const VisitorRecord &visitor, qint64 afterId, ChatCallback<QList<MessageRecord>> done);

    // The team's side
    void accept(const AgentRecord &agent, qint64 conversationId, ChatCallback<ConversationRecord> done);
    /// Gives the conversation to @p targetAgentId (any state but closed), with a system line.
    void transfer(const AgentRecord &agent, qint64 conversationId, qint64 targetAgentId, ChatCallback<ConversationRecord> done);
    void reply(const AgentRecord &agent, qint64 conversationId, const QString &clientId, const QString &body, const void *origin,
               ChatCallback<AppendResult> done);
    void close(const AgentRecord &agent, qint64 conversationId, ChatCallback<ConversationRecord> done);
    /// not_found when the conversation is not open.
    [[nodiscard]] std::optional<ProtocolError> agentTyping(const AgentRecord &agent, qint64 conversationId, bool active);
    void agentRead(const AgentRecord &agent, qint64 conversationId, qint64 messageId, ChatCallback<ConversationRecord> done);
    void history(qint64 conversationId, qint64 beforeId, int limit, ChatCallback<QList<MessageRecord>> done);
    /// Everything a console shows on connecting. The store answers in queue
    /// order, so every event after this read reaches an agent attached in @p done.
    void snapshot(const AgentRecord &agent, ChatCallback<AgentSnapshot> done);

    /// Which emails the messages ask for, written with them; nullptr: none.
    void setMailPolicy(const MailPolicy *policy) { m_mailPolicy = policy; }

private:
    /// Moves @p reader's read mark and publishes it.
    void markRead(qint64 conversationId, AuthorKind reader, qint64 messageId, ChatCallback<ConversationRecord> done);

    ConversationStore *m_conversations;
    AgentStore *m_agents;
    const SiteDirectory *m_sites;
    const PresenceService *m_presence;
    DomainEventBus *m_events;
    const QUrl m_publicUrl;
    const MailPolicy *m_mailPolicy = nullptr;
    RateLimiter m_visitorMessages; ///< by visitor id, across tabs and transports
};

} // namespace Frontdesk
