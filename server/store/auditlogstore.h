#pragma once

#include "core/records.h"
#include "core/storeresult.h"

#include <QFuture>
#include <optional>

namespace Frontdesk {

class WriterQueue;

/// @brief The audit log: who did what to which data, for the admins.
///
/// One part of the Store (see store.h): every call is a job for the one
/// writer thread and answers through a QFuture once its transaction committed.
class AuditLogStore
{
public:
    explicit AuditLogStore(const WriterQueue &writer) : m_writer(writer) { }

    QFuture<StoreResult<Done>> appendAudit(const AuditEntry &entry);
    /// Entries with id < @p beforeId (all when 0), newest first, at most @p limit.
    QFuture<StoreResult<QList<AuditEntry>>> listAudit(qint64 beforeId, int limit);

private:
    const WriterQueue &m_writer;
};

} // namespace Frontdesk
