#pragma once

#include "store/records.h"

#include <QObject>
#include <functional>

namespace Frontdesk {

class Store;

/// @brief Creating agents and setting their passwords: the password rules
/// and Argon2id hashing in one place, for the first start, the command line
/// and the console's team settings alike.
class AgentAccounts
{
public:
    using Created = std::function<void(bool ok, const QString &message, const AgentRecord &agent)>;

    /// Validates, hashes (off the calling thread) and stores a new agent;
    /// @p done runs on @p context's thread with a sentence either way.
    static void create(Store *store, const QString &email, const QString &name, const QString &password, AgentRole role,
                       QObject *context, Created done);
    /// Validates, hashes and stores a new password for @p agentId.
    static void setPassword(Store *store, qint64 agentId, const QString &password, QObject *context,
                            std::function<void(bool ok, const QString &message)> done);
};

} // namespace Frontdesk
