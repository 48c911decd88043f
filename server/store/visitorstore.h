#pragma once

#include "core/records.h"
#include "core/storeresult.h"

#include <QFuture>
#include <optional>

namespace Frontdesk {

class WriterQueue;

/// @brief The visitors (the session token is stored only as a SHA-256 hash) and the pages they viewed.
///
/// One part of the Store (see store.h): every call is a job for the one
/// writer thread and answers through a QFuture once its transaction committed.
class VisitorStore
{
public:
    explicit VisitorStore(const WriterQueue &writer) : m_writer(writer) { }

    QFuture<StoreResult<VisitorRecord>> createVisitor(const VisitorRecord &visitor, const QByteArray &tokenHash);
    /// NotFound unless the visitor exists, belongs to @p siteId and the hash matches.
    QFuture<StoreResult<VisitorRecord>> visitorByToken(qint64 siteId, const QString &visitorId, const QByteArray &tokenHash);
    QFuture<StoreResult<VisitorRecord>> visitorById(const QString &visitorId);
    /// Sets name, email and attributes, and last_seen_at.
    QFuture<StoreResult<VisitorRecord>> updateVisitor(const VisitorRecord &visitor);
    /// Applies @p patch to the stored visitor in one step (see VisitorPatch).
    QFuture<StoreResult<VisitorRecord>> patchVisitor(const QString &visitorId, const VisitorPatch &patch);
    QFuture<StoreResult<Done>> recordPageView(const PageView &view);
    /// Newest first.
    QFuture<StoreResult<QList<PageView>>> pageViews(const QString &visitorId, int limit);

private:
    const WriterQueue &m_writer;
};

} // namespace Frontdesk
