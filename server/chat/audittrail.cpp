#include "audittrail.h"

#include "core/continuewith.h"
#include "store/store.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAudit, "frontdesk.audit")

namespace Frontdesk {

AuditEntry AuditTrail::entry(const AgentRecord &by, const QString &action, const QString &target, const QString &detail)
{
    return AuditEntry{0, QDateTime::currentMSecsSinceEpoch(), by.id, by.email, action, target, detail};
}

void AuditTrail::record(AuditLogStore *log, QObject *context, const AuditEntry &entry)
{
    continueWith(log->appendAudit(entry), context, [entry](const StoreResult<Done> &written) {
        if (!written.ok())
            qCWarning(lcAudit).noquote() << "could not write the audit entry" << entry.action << entry.target << "by"
                                         << entry.agentEmail << ":" << written.message;
    });
}

} // namespace Frontdesk
