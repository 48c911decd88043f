#pragma once

#include "chat/banlist.h"
#include "chat/endpoints.h"
#include "chat/sitedirectory.h"
#include "chat/waitingqueues.h"
#include "core/records.h"
#include "core/storeresult.h"
#include "protocol/protocolerror.h"
#include "ratelimit/abuselimits.h"
#include "ratelimit/loginthrottle.h"
#include "ratelimit/ratelimiter.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <functional>
#include <variant>

namespace Frontdesk {

class Store;

/// Answer of an asynchronous chat operation: the value or the error to send.
template<typename T> using ChatOutcome = std::variant<T, ProtocolError>;
template<typename T> using ChatCallback = std::function<void(ChatOutcome<T>)>;

/// @brief What a visitor says when it connects (hello, on either transport).
/// @brief A logged-in user of the embedding site, vouched for by the site's
/// server with an HMAC of the id (identify() in the widget).
struct VisitorIdentity {
    QString userId;
    QString name;
    QString email;
    QString hash; ///< hex HMAC-SHA256 of userId with the site's identity secret
};

struct VisitorHello {
    QHostAddress address; ///< of the connection; new visitors are limited per address
    std::optional<VisitorIdentity> identity;
    QString visitorId; ///< empty for a new visitor
    QString token; ///< the session token the server issued with that id
    qint64 after = -1; ///< last message id the client has; -1: send recent history
    QString pageUrl;
    QString pageTitle;
    QString referrer;
    QString userAgent;
    QString locale;
    QString timezone; ///< IANA name from the browser, e.g. Europe/Oslo
};

/// @brief What the server answers a hello with.
struct VisitorWelcome {
    VisitorRecord visitor;
    QString token;
    std::optional<ConversationRecord> conversation;
    QList<MessageRecord> messages;
    int agentsOnline = 0;
    int queuePosition = 0; ///< 1-based place among waiting conversations; 0 when not waiting
};

/// @brief Where a connection or login comes from: limits count
/// per address, and the session remembers it for the agent's session list.
struct ClientContext {
    QHostAddress address;
    QString userAgent;
};

/// @brief A successful agent login.
struct AgentLogin {
    AgentRecord agent;
    LoginSession session;
    QString token;
};

/// @brief Why an agent's sessions end; the reason goes to the console.
enum class SessionEnd { LoggedOut, EndedByAgent, PasswordChanged, PasswordReset, Disabled, Deleted };

/// @brief The rules of a chat: who may say what in which conversation, and
/// who hears about it.
///
/// Lives on the network thread. Transports (WebSocket sessions, long polling)
/// attach endpoints for the visitors and agents connected now; operations go
/// to the store and, once it has committed, are answered through a callback
/// and fanned out to every endpoint concerned. Every event the service pushes
/// is a protocol v1 frame (docs/protocol.md).
class ChatService : public QObject
{
    Q_OBJECT

public:
    ChatService(Store *store, SiteDirectory *sites, const AbuseLimits &limits = {}, QObject *parent = nullptr);

    /// Loads what the service keeps in memory (open conversations per visitor).
    void start(std::function<void(bool ok, QString error)> done);

    [[nodiscard]] Store *store() const { return m_store; }
    [[nodiscard]] SiteDirectory *sites() const { return m_sites; }
    [[nodiscard]] const AbuseLimits &limits() const { return m_limits; }
    /// Agents with a console open whose status is "online" (away agents do not count).
    [[nodiscard]] int agentsOnline() const;
    /// "online", "away" or "offline" (no console open).
    [[nodiscard]] QString agentStatus(qint64 agentId) const;
    /// Sets a connected agent's status ("online" or "away") and tells everyone concerned.
    void setAgentStatus(const AgentRecord &agent, const QString &status);
    /// Sends @p event to every authenticated agent connection.
    void broadcastToAgents(const QJsonObject &event) { pushToAgents(event); }
    /// Gives the conversation to @p targetAgentId (any state but closed), with a system line.
    void transferConversation(const AgentRecord &agent, qint64 conversationId, qint64 targetAgentId,
                              ChatCallback<ConversationRecord> done);
    /// The site as agents see it; the identity secret only for admins.
    [[nodiscard]] static QJsonObject siteJson(const SiteRecord &site, bool withSecret);
    [[nodiscard]] bool isVisitorOnline(const QString &visitorId) const { return m_visitorEndpoints.contains(visitorId); }

    // Bans and erasure (admins' commands: VisitorDataCommands)
    [[nodiscard]] const BanList &bans() const { return m_bans; }
    /// The ban in force now on @p address for @p siteId, if any.
    [[nodiscard]] std::optional<BanRecord> addressBan(const QHostAddress &address, qint64 siteId) const;
    /// The ban in force now on @p visitorId for @p siteId, if any.
    [[nodiscard]] std::optional<BanRecord> visitorBan(const QString &visitorId, qint64 siteId) const;
    /// A stored ban applies from now on: the connections it covers are closed at once.
    /// Returns how many were closed.
    int applyBan(const BanRecord &ban);
    void liftBan(qint64 banId);
    /// The visitor's rows are gone: closes their connections, drops them from
    /// the queue and the maps, tells agents (visitor_erased) and the other
    /// waiting visitors their new places.
    void forgetVisitor(const VisitorErasure &erased);
    /// The error every banned client is refused with.
    [[nodiscard]] static ProtocolError bannedError();

    // Visitors
    void helloVisitor(const SiteRecord &site, const VisitorHello &hello, ChatCallback<VisitorWelcome> done);
    void attachVisitor(VisitorEndpoint *endpoint, const VisitorRecord &visitor);
    void detachVisitor(VisitorEndpoint *endpoint, const QString &visitorId);
    /// Stores and delivers the message; @p origin (may be null) is not sent its own message back.
    void postVisitorMessage(const VisitorRecord &visitor, const QString &clientId, const QString &body, VisitorEndpoint *origin,
                            ChatCallback<AppendResult> done);
    void visitorTyping(const VisitorRecord &visitor, bool active);
    void visitorRead(const VisitorRecord &visitor, qint64 messageId, ChatCallback<ConversationRecord> done);
    void visitorPage(const VisitorRecord &visitor, const QString &url, const QString &title);
    /// Messages of the visitor's current conversation after @p afterId.
    void visitorMessagesAfter(const VisitorRecord &visitor, qint64 afterId, ChatCallback<QList<MessageRecord>> done);
    void verifyVisitor(const SiteRecord &site, const QString &visitorId, const QString &token, ChatCallback<VisitorRecord> done);
    /// The profile change an identity stands for, or identity_rejected when its hash is wrong.
    [[nodiscard]] static ChatOutcome<VisitorPatch> checkIdentity(const SiteRecord &site, const VisitorIdentity &identity);
    /// Applies a profile change (identify, pre-chat form, setAttributes) and tells the agents.
    void patchVisitor(const VisitorRecord &visitor, const VisitorPatch &patch, ChatCallback<VisitorRecord> done);
    /// Rates the visitor's latest conversation, which must be closed.
    void rateConversation(const VisitorRecord &visitor, int rating, const QString &comment,
                          ChatCallback<ConversationRecord> done);
    /// 1-based place of the visitor's conversation in its site's queue; 0 when it is not waiting.
    [[nodiscard]] int queuePosition(const QString &visitorId) const;

    // Agents
    /// Checks the password (throttled per address and account) and opens a session.
    void loginAgent(const QString &email, const QString &password, const ClientContext &context, ChatCallback<AgentLogin> done);
    void authenticateAgent(const QString &token, ChatCallback<AgentAuthentication> done);
    /// Ends the session of @p token (logout) and closes its connections.
    void logoutAgent(const QString &token, ChatCallback<LoginSession> done);
    /// The agent's own unexpired sessions.
    void agentSessions(const AgentRecord &agent, ChatCallback<QList<LoginSession>> done);
    /// Ends one of the agent's own sessions (not_found for another's) and closes its connections.
    void endAgentSession(const AgentRecord &agent, const QString &sessionId, SessionEnd why, ChatCallback<bool> done);
    /// Checks an agent's current password through the same throttle as logins
    /// (invalid_credentials or rate_limited when it fails).
    void verifyPassword(const AgentRecord &agent, const QString &password, const ClientContext &context, ChatCallback<bool> done);
    /// Closes the connections of @p sessionIds (already deleted from the store)
    /// and refuses them if an authentication was in flight.
    void endSessions(const QStringList &sessionIds, SessionEnd why);
    [[nodiscard]] static QString sessionEndReason(SessionEnd why);
    /// The snapshot frame: open conversations with their visitors and last messages.
    void agentSnapshot(const AgentRecord &agent, ChatCallback<QJsonObject> done);
    /// From now on @p endpoint receives agent events. Call it in the snapshot's
    /// callback, after sending the snapshot: the store answers in queue order,
    /// so every event after the snapshot's read reaches the agent, after it.
    void attachAgent(AgentEndpoint *endpoint, const AgentRecord &agent);
    /// Whether @p sessionId ended lately: an authentication that read its token
    /// just before must not attach (checked before the snapshot is sent).
    [[nodiscard]] bool isSessionEnded(const QString &sessionId) const { return m_endedSessions.contains(sessionId); }
    void detachAgent(AgentEndpoint *endpoint, const AgentRecord &agent);
    void acceptConversation(const AgentRecord &agent, qint64 conversationId, ChatCallback<ConversationRecord> done);
    void replyToConversation(const AgentRecord &agent, qint64 conversationId, const QString &clientId, const QString &body,
                             AgentEndpoint *origin, ChatCallback<AppendResult> done);
    void closeConversation(const AgentRecord &agent, qint64 conversationId, ChatCallback<ConversationRecord> done);
    [[nodiscard]] std::optional<ProtocolError> agentTyping(const AgentRecord &agent, qint64 conversationId, bool active);
    void agentRead(const AgentRecord &agent, qint64 conversationId, qint64 messageId, ChatCallback<ConversationRecord> done);
    void conversationHistory(qint64 conversationId, qint64 beforeId, int limit, ChatCallback<QList<MessageRecord>> done);
    /// The right-hand panel: visitor, pages visited, earlier conversations.
    void visitorContext(const QString &visitorId, ChatCallback<QJsonObject> done);

    [[nodiscard]] static ProtocolError storeError(StoreError error, const QString &message);
    /// A read mark's failure: NotFound names the message.
    [[nodiscard]] static ProtocolError readError(const StoreResult<ConversationRecord> &result, qint64 messageId);

private:
    void pushToVisitor(const QString &visitorId, const QJsonObject &event, VisitorEndpoint *except = nullptr);
    void pushToAgents(const QJsonObject &event, AgentEndpoint *except = nullptr);
    void announceConversationChange(const ConversationChange &change);
    /// Keeps the maps of open conversations and the queues up to date with
    /// @p conversation's new state, and tells the waiting visitors it moved.
    void trackOpenConversation(const ConversationRecord &conversation);
    void broadcastAgentsOnline();
    /// Tells each connected visitor of @p conversationIds its place, if it changed.
    void announcePlaces(const QList<qint64> &conversationIds);
    /// Tells @p visitorId, if it was told a place, that it is no longer waiting.
    void announceNotWaiting(const QString &visitorId);

    Store *m_store;
    SiteDirectory *m_sites;
    QMultiHash<QString, VisitorEndpoint *> m_visitorEndpoints; ///< by visitor id; a visitor may have many tabs
    QHash<QString, qint64> m_visitorSite; ///< connected visitor id → site id
    QSet<AgentEndpoint *> m_agentEndpoints;
    struct AgentPresence {
        int connections = 0;
        QString status; ///< "online" or "away"
        QString name;
    };
    QHash<qint64, AgentPresence> m_agentPresence; ///< agents with a console open
    int m_lastAgentsOnline = 0; ///< what visitors were last told
    QHash<qint64, QString> m_openConversationVisitor; ///< open conversation id → visitor id
    QHash<QString, qint64> m_visitorOpenConversation; ///< visitor id → open conversation id
    WaitingQueues m_queues; ///< each site's waiting conversations, oldest first
    QHash<QString, int> m_announcedPosition; ///< connected waiting visitor id → queue place last sent

    AbuseLimits m_limits;
    LoginThrottle m_loginThrottle;
    RateLimiter m_visitorMessages; ///< by visitor id, across tabs and transports
    RateLimiter m_newVisitors; ///< by address key
    BanList m_bans;
    /// Sessions ended lately, so an authentication that read its token just
    /// before the session ended is refused when it attaches (by end time, pruned).
    QHash<QString, qint64> m_endedSessions;
};

} // namespace Frontdesk
