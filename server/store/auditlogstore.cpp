// The AuditLogStore's jobs: appending to the audit log and reading it back.
#include "auditlogstore.h"

#include "storerows.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Frontdesk {

using namespace StoreRows;

QFuture<StoreResult<Done>> AuditLogStore::appendAudit(const AuditEntry &entry)
{
    return submit<Done>(m_writer, [entry](SqlSession &s) -> StoreResult<Done> {
        if (!insertAudit(s, entry))
            return failed<Done>(s);
        return StoreResult<Done>::success({});
    });
}

QFuture<StoreResult<QList<AuditEntry>>> AuditLogStore::listAudit(qint64 beforeId, int limit)
{
    const qint64 upper = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    return submit<QList<AuditEntry>>(m_writer, [upper, limit](SqlSession &s) -> StoreResult<QList<AuditEntry>> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT id, at, agent_id, agent_email, action, target, detail FROM audit_log"
                    " WHERE id < ? ORDER BY id DESC LIMIT ?"_s,
                    {upper, std::max(limit, 0)}, u"read the audit log"_s))
            return failed<QList<AuditEntry>>(s);
        QList<AuditEntry> entries;
        while (q.next())
            entries.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toString(),
                            q.value(4).toString(), q.value(5).toString(), q.value(6).toString()});
        return StoreResult<QList<AuditEntry>>::success(entries);
    });
}

} // namespace Frontdesk
