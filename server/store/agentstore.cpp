// The AgentStore's jobs about agents, their login sessions and tokens.
#include "agentstore.h"

#include "storerows.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

using namespace StoreRows;

// Agents

QFuture<StoreResult<AgentRecord>> AgentStore::createAgent(const AgentRecord &agent)
{
    return submit<AgentRecord>(m_writer, [agent](SqlSession &s) -> StoreResult<AgentRecord> {
        const QString email = agent.email.trimmed().toLower();
        const auto taken = exists(s, u"SELECT 1 FROM agents WHERE email = ?"_s, {email}, u"look up agent %1"_s.arg(email));
        if (!taken)
            return failed<AgentRecord>(s);
        if (*taken)
            return conflict<AgentRecord>(u"an agent with the email %1 already exists"_s.arg(email));
        PreparedQuery q;
        if (!s.exec(q, u"INSERT INTO agents (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"_s,
                    {email, agent.name, toString(agent.role), agent.passwordHash, nowOr(agent.createdAt)},
                    u"insert agent %1"_s.arg(email))) {
            if (s.lastWasUniqueViolation())
                return conflict<AgentRecord>(u"an agent with the email %1 already exists"_s.arg(email));
            return failed<AgentRecord>(s);
        }
        return loadAgent(s, u"a.id = ?"_s, insertedId(q), u"agent %1"_s.arg(email));
    });
}

QFuture<StoreResult<AgentRecord>> AgentStore::agentByEmail(const QString &email)
{
    return submit<AgentRecord>(m_writer, [email = email.trimmed().toLower()](SqlSession &s) {
        return loadAgent(s, u"a.email = ?"_s, email, u"agent with email %1"_s.arg(email));
    });
}

QFuture<StoreResult<AgentRecord>> AgentStore::agentById(qint64 agentId)
{
    return submit<AgentRecord>(
        m_writer, [agentId](SqlSession &s) { return loadAgent(s, u"a.id = ?"_s, agentId, u"agent %1"_s.arg(agentId)); });
}

QFuture<StoreResult<QList<AgentRecord>>> AgentStore::listAgents()
{
    return submit<QList<AgentRecord>>(m_writer, [](SqlSession &s) -> StoreResult<QList<AgentRecord>> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + AgentColumns + u" FROM agents a ORDER BY a.id"_s, {}, u"list agents"_s))
            return failed<QList<AgentRecord>>(s);
        QList<AgentRecord> agents;
        while (q.next())
            agents.append(readAgent(q));
        return StoreResult<QList<AgentRecord>>::success(agents);
    });
}

QFuture<StoreResult<QStringList>> AgentStore::setAgentPassword(qint64 agentId, const QByteArray &passwordHash,
                                                               const QString &keepSessionId)
{
    return submit<QStringList>(m_writer, [=](SqlSession &s) -> StoreResult<QStringList> {
        const QString what = u"agent %1"_s.arg(agentId);
        const auto found = exists(s, u"SELECT 1 FROM agents WHERE id = ?"_s, {agentId}, u"look up "_s + what);
        if (!found)
            return failed<QStringList>(s);
        if (!*found)
            return notFound<QStringList>(what + u" does not exist"_s);
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE agents SET password_hash = ? WHERE id = ?"_s, {passwordHash, agentId},
                    u"set the password of "_s + what))
            return failed<QStringList>(s);
        // In the same transaction: no token issued under the old password outlives it.
        const auto ended = endSessions(s, agentId, keepSessionId, what);
        if (!ended)
            return failed<QStringList>(s);
        return StoreResult<QStringList>::success(*ended);
    });
}

QFuture<StoreResult<QStringList>> AgentStore::setAgentDisabled(qint64 agentId, bool disabled)
{
    return submit<QStringList>(m_writer, [=](SqlSession &s) -> StoreResult<QStringList> {
        const QString what = u"agent %1"_s.arg(agentId);
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE agents SET disabled = ? WHERE id = ?"_s, {disabled ? 1 : 0, agentId}, u"disable "_s + what))
            return failed<QStringList>(s);
        if (q.numRowsAffected() == 0)
            return notFound<QStringList>(what + u" does not exist"_s);
        if (!disabled)
            return StoreResult<QStringList>::success({});
        const auto ended = endSessions(s, agentId, QString(), what);
        if (!ended)
            return failed<QStringList>(s);
        return StoreResult<QStringList>::success(*ended);
    });
}

QFuture<StoreResult<QStringList>> AgentStore::deleteAgent(qint64 agentId)
{
    return submit<QStringList>(m_writer, [agentId](SqlSession &s) -> StoreResult<QStringList> {
        const QString what = u"agent %1"_s.arg(agentId);
        const auto found = exists(s, u"SELECT 1 FROM agents WHERE id = ?"_s, {agentId}, u"look up "_s + what);
        if (!found)
            return failed<QStringList>(s);
        if (!*found)
            return notFound<QStringList>(what + u" does not exist"_s);
        const auto ended = endSessions(s, agentId, QString(), what);
        if (!ended)
            return failed<QStringList>(s);
        // Conversations and messages stay and lose the link (ON DELETE SET NULL).
        PreparedQuery q;
        if (!s.exec(q, u"DELETE FROM agents WHERE id = ?"_s, {agentId}, u"delete "_s + what))
            return failed<QStringList>(s);
        return StoreResult<QStringList>::success(*ended);
    });
}

QFuture<StoreResult<Done>> AgentStore::createAgentToken(const LoginSession &session, const QByteArray &tokenHash)
{
    return submit<Done>(m_writer, [session, tokenHash](SqlSession &s) -> StoreResult<Done> {
        const QString what = u"agent %1"_s.arg(session.agentId);
        const auto found
            = exists(s, u"SELECT 1 FROM agents WHERE id = ? AND disabled = 0"_s, {session.agentId}, u"look up "_s + what);
        if (!found)
            return failed<Done>(s);
        if (!*found)
            return notFound<Done>(what + u" does not exist or is disabled"_s);
        PreparedQuery q;
        if (!s.exec(q,
                    u"INSERT INTO agent_tokens (token_hash, agent_id, expires_at, session_id, created_at, last_used_at,"
                    " user_agent, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    {tokenHash, session.agentId, session.expiresAt, session.id, session.createdAt, session.createdAt,
                     session.userAgent, session.address},
                    u"insert a login token for "_s + what)) {
            if (s.lastWasUniqueViolation())
                return conflict<Done>(u"the login token for %1 already exists"_s.arg(what));
            return failed<Done>(s);
        }
        return StoreResult<Done>::success({});
    });
}

QFuture<StoreResult<AgentAuthentication>> AgentStore::agentByTokenHash(const QByteArray &tokenHash, qint64 now)
{
    return submit<AgentAuthentication>(m_writer, [tokenHash, now](SqlSession &s) -> StoreResult<AgentAuthentication> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + AgentColumns + u", "_s + SessionColumns
                        + u" FROM agent_tokens t JOIN agents a ON a.id = t.agent_id"
                          " WHERE t.token_hash = ? AND t.expires_at > ? AND a.disabled = 0"_s,
                    {tokenHash, now}, u"look up an agent login token"_s))
            return failed<AgentAuthentication>(s);
        if (!q.next())
            return notFound<AgentAuthentication>(u"the login token is unknown or expired"_s);
        AgentAuthentication found{readAgent(q), readSession(q, AgentColumnCount)};
        PreparedQuery touch;
        if (!s.exec(touch, u"UPDATE agent_tokens SET last_used_at = ? WHERE token_hash = ?"_s, {now, tokenHash},
                    u"note the use of a login token"_s))
            return failed<AgentAuthentication>(s);
        found.session.lastUsedAt = now;
        return StoreResult<AgentAuthentication>::success(found);
    });
}

QFuture<StoreResult<LoginSession>> AgentStore::deleteAgentToken(const QByteArray &tokenHash)
{
    return submit<LoginSession>(m_writer, [tokenHash](SqlSession &s) -> StoreResult<LoginSession> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + SessionColumns + u" FROM agent_tokens t WHERE t.token_hash = ?"_s, {tokenHash},
                    u"look up an agent login token"_s))
            return failed<LoginSession>(s);
        if (!q.next())
            return notFound<LoginSession>(u"the login token is unknown"_s);
        const LoginSession session = readSession(q);
        PreparedQuery remove;
        if (!s.exec(remove, u"DELETE FROM agent_tokens WHERE token_hash = ?"_s, {tokenHash}, u"delete an agent login token"_s))
            return failed<LoginSession>(s);
        return StoreResult<LoginSession>::success(session);
    });
}

QFuture<StoreResult<QList<LoginSession>>> AgentStore::agentSessions(qint64 agentId, qint64 now)
{
    return submit<QList<LoginSession>>(m_writer, [agentId, now](SqlSession &s) -> StoreResult<QList<LoginSession>> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + SessionColumns
                        + u" FROM agent_tokens t WHERE t.agent_id = ? AND t.expires_at > ? ORDER BY t.last_used_at DESC"_s,
                    {agentId, now}, u"list the sessions of agent %1"_s.arg(agentId)))
            return failed<QList<LoginSession>>(s);
        QList<LoginSession> sessions;
        while (q.next())
            sessions.append(readSession(q));
        return StoreResult<QList<LoginSession>>::success(sessions);
    });
}

QFuture<StoreResult<Done>> AgentStore::deleteAgentSession(qint64 agentId, const QString &sessionId)
{
    return submit<Done>(m_writer, [agentId, sessionId](SqlSession &s) -> StoreResult<Done> {
        PreparedQuery q;
        if (!s.exec(q, u"DELETE FROM agent_tokens WHERE agent_id = ? AND session_id = ?"_s, {agentId, sessionId},
                    u"end session %1 of agent %2"_s.arg(sessionId).arg(agentId)))
            return failed<Done>(s);
        if (q.numRowsAffected() == 0)
            return notFound<Done>(u"agent %1 has no session %2"_s.arg(agentId).arg(sessionId));
        return StoreResult<Done>::success({});
    });
}

} // namespace Frontdesk
