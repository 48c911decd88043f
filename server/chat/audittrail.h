#pragma once

#include "core/records.h"

class QObject;

namespace Frontdesk {

class AuditLogStore;

/// @brief Writes the audit log's lines for admins' actions.
///
/// Actions whose store call can carry the line write it in the same
/// transaction (export, erase, ban, unban); the others (agent accounts) write
/// it right after their own commit, through record().
class AuditTrail
{
public:
    /// A line by @p by, now.
    [[nodiscard]] static AuditEntry entry(const AgentRecord &by, const QString &action, const QString &target,
                                          const QString &detail = {});
    /// Stores @p entry; a failure is logged (the action itself has committed).
    static void record(AuditLogStore *log, QObject *context, const AuditEntry &entry);
};

} // namespace Frontdesk
