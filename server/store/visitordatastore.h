#pragma once

#include "core/records.h"
#include "core/storeresult.h"

#include <QFuture>
#include <optional>

namespace Frontdesk {

class WriterQueue;

/// @brief What the law and the admins ask of visitors' data: export, erasure, the retention sweep and bans.
/// The calls that change data write their audit line in the same transaction.
///
/// One part of the Store (see store.h): every call is a job for the one
/// writer thread and answers through a QFuture once its transaction committed.
class VisitorDataStore
{
public:
    explicit VisitorDataStore(const WriterQueue &writer) : m_writer(writer) { }

    /// Retention: deletes visitors who never wrote and were last seen before
    /// @p quietVisitorsSeenBefore (0: none), and each site's closed
    /// conversations older than its closedRetentionDays.
    QFuture<StoreResult<PurgeReport>> purge(qint64 quietVisitorsSeenBefore, qint64 now);
    /// Everything stored about the visitor, every message of every conversation
    /// (read page by page, nothing cut), and @p audit written in the same
    /// transaction. NotFound (and nothing audited) for an unknown visitor.
    QFuture<StoreResult<VisitorExport>> exportVisitor(const QString &visitorId, const AuditEntry &audit);
    /// Deletes the visitor, their conversations, messages and page views, and
    /// writes @p audit, in one transaction. NotFound for an unknown visitor.
    QFuture<StoreResult<VisitorErasure>> eraseVisitor(const QString &visitorId, const AuditEntry &audit);
    /// Stores the ban and @p audit (whose target is filled in with the ban's id).
    QFuture<StoreResult<BanRecord>> createBan(const BanRecord &ban, const AuditEntry &audit);
    /// Deletes the ban and writes @p audit; NotFound for an unknown id.
    QFuture<StoreResult<BanRecord>> deleteBan(qint64 banId, const AuditEntry &audit);
    /// Every stored ban, expired ones included, newest first.
    QFuture<StoreResult<QList<BanRecord>>> listBans();

private:
    const WriterQueue &m_writer;
};

} // namespace Frontdesk
