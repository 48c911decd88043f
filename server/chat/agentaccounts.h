#pragma once

#include "core/records.h"
#include "protocol/protocolerror.h"

#include <QObject>
#include <functional>

namespace Frontdesk {

class AgentStore;

/// @brief What creating an agent or setting a password came to: ok with a
/// sentence for the log, or the protocol error to answer with.
struct AccountOutcome {
    bool ok = false;
    ErrorCode code = ErrorCode::InvalidField; ///< when not ok
    QString message; ///< a sentence either way
    AgentRecord agent; ///< the created agent
    QStringList endedSessions; ///< setPassword: the sessions the new password ended
};

/// @brief Creating agents and setting their passwords: the password rules
/// and Argon2id hashing in one place, for the first start, the command line
/// and the console's team settings alike.
class AgentAccounts
{
public:
    using Done = std::function<void(const AccountOutcome &outcome)>;

    /// Validates, hashes (off the calling thread) and stores a new agent;
    /// @p done runs on @p context's thread.
    static void create(AgentStore *agents, const QString &email, const QString &name, const QString &password, AgentRole role,
                       QObject *context, Done done);
    /// Validates, hashes and stores a new password for @p agentId, ending all
    /// its sessions but @p keepSessionId (their ids come in the outcome).
    static void setPassword(AgentStore *agents, qint64 agentId, const QString &password, const QString &keepSessionId,
                            QObject *context, Done done);
};

} // namespace Frontdesk
