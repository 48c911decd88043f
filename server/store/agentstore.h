#pragma once

#include "core/records.h"
#include "core/storeresult.h"

#include <QFuture>
#include <optional>

namespace Frontdesk {

class WriterQueue;

/// @brief The agents and their login sessions (tokens are stored only as SHA-256 hashes).
///
/// One part of the Store (see store.h): every call is a job for the one
/// writer thread and answers through a QFuture once its transaction committed.
class AgentStore
{
public:
    explicit AgentStore(const WriterQueue &writer) : m_writer(writer) { }

    QFuture<StoreResult<AgentRecord>> createAgent(const AgentRecord &agent);
    QFuture<StoreResult<AgentRecord>> agentByEmail(const QString &email);
    QFuture<StoreResult<AgentRecord>> agentById(qint64 agentId);
    QFuture<StoreResult<QList<AgentRecord>>> listAgents();
    /// Sets the password and ends every session of the agent but @p keepSessionId
    /// (the one that changed its own password), in one transaction. Resolves
    /// with the ids of the sessions it ended.
    QFuture<StoreResult<QStringList>> setAgentPassword(qint64 agentId, const QByteArray &passwordHash,
                                                       const QString &keepSessionId = {});
    /// Disabling ends every session (their ids are the answer); a disabled agent cannot log in.
    QFuture<StoreResult<QStringList>> setAgentDisabled(qint64 agentId, bool disabled);
    /// Deletes the agent and its sessions (their ids are the answer).
    QFuture<StoreResult<QStringList>> deleteAgent(qint64 agentId);
    /// Stores a new session; NotFound when the agent does not exist or is disabled.
    QFuture<StoreResult<Done>> createAgentToken(const LoginSession &session, const QByteArray &tokenHash);
    /// NotFound when the token is unknown, expired at @p now, or its agent disabled.
    /// Notes @p now as the session's last use.
    QFuture<StoreResult<AgentAuthentication>> agentByTokenHash(const QByteArray &tokenHash, qint64 now);
    /// Ends the session of that token (logout); NotFound when no such token is stored.
    QFuture<StoreResult<LoginSession>> deleteAgentToken(const QByteArray &tokenHash);
    /// The agent's unexpired sessions, most recently used first.
    QFuture<StoreResult<QList<LoginSession>>> agentSessions(qint64 agentId, qint64 now);
    /// NotFound unless @p sessionId is one of @p agentId's sessions.
    QFuture<StoreResult<Done>> deleteAgentSession(qint64 agentId, const QString &sessionId);

private:
    const WriterQueue &m_writer;
};

} // namespace Frontdesk
