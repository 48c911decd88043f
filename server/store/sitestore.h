#pragma once

#include "core/records.h"
#include "core/storeresult.h"

#include <QFuture>
#include <optional>

namespace Frontdesk {

class WriterQueue;

/// @brief The sites: their keys, names, allowed origins, widget settings and retention.
///
/// One part of the Store (see store.h): every call is a job for the one
/// writer thread and answers through a QFuture once its transaction committed.
class SiteStore
{
public:
    explicit SiteStore(const WriterQueue &writer) : m_writer(writer) { }

    QFuture<StoreResult<SiteRecord>> createSite(const SiteRecord &site);
    QFuture<StoreResult<SiteRecord>> siteByKey(const QString &siteKey);
    QFuture<StoreResult<QList<SiteRecord>>> listSites();
    /// Writes every field of @p site (its key and identity secret too);
    /// Conflict when another site has its key.
    QFuture<StoreResult<SiteRecord>> updateSite(const SiteRecord &site);
    /// Applies @p patch to the site as it is in this job (read and written in
    /// one transaction), so concurrent patches of other fields all land.
    QFuture<StoreResult<SiteRecord>> patchSite(qint64 siteId, const SitePatch &patch);
    /// Deletes the site with its conversations, messages, visitors, page views
    /// and bans, and writes @p audit (its detail filled with the counts), in one
    /// transaction. NotFound for an unknown site; Conflict when it is the last
    /// one (a server without a site serves nobody, and the check is in the
    /// same transaction, so two deletions at once cannot both pass it).
    QFuture<StoreResult<SiteDeletion>> deleteSite(qint64 siteId, const AuditEntry &audit);

private:
    const WriterQueue &m_writer;
};

} // namespace Frontdesk
