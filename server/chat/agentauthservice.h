#pragma once

#include "chat/chatoutcome.h"
#include "core/domainevents.h"
#include "core/records.h"
#include "ratelimit/abuselimits.h"
#include "ratelimit/loginthrottle.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

namespace Frontdesk {

class AgentStore;

/// @brief Where a connection or login comes from: limits count per address,
/// and the session remembers it for the agent's session list.
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

/// @brief Agents proving who they are: login (throttled per address and
/// account) and logout, the token every connection authenticates with, and
/// the sessions an agent may list and end.
///
/// An ended session is published (SessionsEnded), which closes its
/// connections; it is also remembered a while, so an authentication that
/// read its token just before is refused when it would attach.
class AgentAuthService : public QObject
{
    Q_OBJECT

public:
    AgentAuthService(AgentStore *agents, DomainEventBus *events, const AbuseLimits &limits, QObject *parent = nullptr);

    /// Checks the password and opens a session.
    void login(const QString &email, const QString &password, const ClientContext &context, ChatCallback<AgentLogin> done);
    /// Ends the session of @p token and closes its connections.
    void logout(const QString &token, ChatCallback<LoginSession> done);
    void authenticate(const QString &token, ChatCallback<AgentAuthentication> done);
    /// Checks an agent's current password through the same throttle as logins
    /// (invalid_credentials or rate_limited when it fails).
    void verifyPassword(const AgentRecord &agent, const QString &password, const ClientContext &context, ChatCallback<bool> done);
    /// The agent's own unexpired sessions.
    void sessions(const AgentRecord &agent, ChatCallback<QList<LoginSession>> done);
    /// Ends one of the agent's own sessions (not_found for another's).
    void endSession(const AgentRecord &agent, const QString &sessionId, SessionEnd why, ChatCallback<bool> done);
    /// Sessions already deleted from the store end now: their connections close.
    void endSessions(const QStringList &sessionIds, SessionEnd why);
    /// Whether @p sessionId ended lately (checked before a connection attaches).
    [[nodiscard]] bool isSessionEnded(const QString &sessionId) const { return m_endedSessions.contains(sessionId); }
    /// Addresses banned for too many wrong passwords since the start (metrics).
    [[nodiscard]] qint64 loginBansStarted() const { return m_loginThrottle.bansStarted(); }

private:
    AgentStore *m_agents;
    DomainEventBus *m_events;
    LoginThrottle m_loginThrottle;
    QHash<QString, qint64> m_endedSessions; ///< session id → when it ended; pruned
};

} // namespace Frontdesk
