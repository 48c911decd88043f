// The SiteStore's jobs: the sites and their deletion with all their data.
#include "sitestore.h"

#include "storerows.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

using namespace StoreRows;

namespace {

// Every column of an existing site, then the row as stored; Conflict when another site has its key.
StoreResult<SiteRecord> writeSite(SqlSession &s, const SiteRecord &site)
{
    const QString what = u"site %1"_s.arg(site.id);
    const auto taken = exists(s, u"SELECT 1 FROM sites WHERE site_key = ? AND id <> ?"_s, {site.siteKey, site.id},
                              u"look up site key %1"_s.arg(site.siteKey));
    if (!taken)
        return failed<SiteRecord>(s);
    if (*taken)
        return conflict<SiteRecord>(u"the site key %1 is already taken by another site"_s.arg(site.siteKey));
    PreparedQuery q;
    if (!s.exec(q,
                u"UPDATE sites SET site_key = ?, name = ?, allowed_origins = ?, widget_settings = ?,"
                " identity_secret = ?, closed_retention_days = ?, mail_team_address = ?, mail_unanswered_minutes = ?,"
                " mail_replies_to_absent = ? WHERE id = ?"_s,
                {site.siteKey, site.name, jsonText(site.allowedOrigins), jsonText(site.widgetSettings), site.identitySecret,
                 std::max(0, site.closedRetentionDays), site.mailTeamAddress, std::max(0, site.mailUnansweredMinutes),
                 site.mailRepliesToAbsentVisitors ? 1 : 0, site.id},
                u"update "_s + what))
        return failed<SiteRecord>(s);
    return loadSite(s, u"s.id = ?"_s, site.id, what);
}

} // namespace
QFuture<StoreResult<SiteRecord>> SiteStore::createSite(const SiteRecord &site)
{
    return submit<SiteRecord>(m_writer, [site](SqlSession &s) -> StoreResult<SiteRecord> {
        const auto taken
            = exists(s, u"SELECT 1 FROM sites WHERE site_key = ?"_s, {site.siteKey}, u"look up site key %1"_s.arg(site.siteKey));
        if (!taken)
            return failed<SiteRecord>(s);
        if (*taken)
            return conflict<SiteRecord>(u"the site key %1 is already taken"_s.arg(site.siteKey));
        PreparedQuery q;
        if (!s.exec(q,
                    u"INSERT INTO sites (site_key, name, allowed_origins, widget_settings, identity_secret, created_at,"
                    " closed_retention_days, mail_team_address, mail_unanswered_minutes, mail_replies_to_absent)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    {site.siteKey, site.name, jsonText(site.allowedOrigins), jsonText(site.widgetSettings), site.identitySecret,
                     nowOr(site.createdAt), std::max(0, site.closedRetentionDays), site.mailTeamAddress,
                     std::max(0, site.mailUnansweredMinutes), site.mailRepliesToAbsentVisitors ? 1 : 0},
                    u"insert site %1"_s.arg(site.siteKey)))
            return failed<SiteRecord>(s);
        return loadSite(s, u"s.id = ?"_s, insertedId(q), u"site %1"_s.arg(site.siteKey));
    });
}

QFuture<StoreResult<SiteRecord>> SiteStore::siteByKey(const QString &siteKey)
{
    return submit<SiteRecord>(m_writer, [siteKey](SqlSession &s) {
        return loadSite(s, u"s.site_key = ?"_s, siteKey, u"site with key %1"_s.arg(siteKey));
    });
}

QFuture<StoreResult<QList<SiteRecord>>> SiteStore::listSites()
{
    return submit<QList<SiteRecord>>(m_writer, [](SqlSession &s) -> StoreResult<QList<SiteRecord>> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + SiteColumns + u" FROM sites s ORDER BY s.id"_s, {}, u"list sites"_s))
            return failed<QList<SiteRecord>>(s);
        QList<SiteRecord> sites;
        while (q.next())
            sites.append(readSite(q));
        return StoreResult<QList<SiteRecord>>::success(sites);
    });
}

QFuture<StoreResult<SiteRecord>> SiteStore::updateSite(const SiteRecord &site)
{
    return submit<SiteRecord>(m_writer, [site](SqlSession &s) -> StoreResult<SiteRecord> {
        auto existing = loadSite(s, u"s.id = ?"_s, site.id, u"site %1"_s.arg(site.id));
        if (!existing.ok())
            return existing;
        return writeSite(s, site);
    });
}

QFuture<StoreResult<SiteRecord>> SiteStore::patchSite(qint64 siteId, const SitePatch &patch)
{
    return submit<SiteRecord>(m_writer, [siteId, patch](SqlSession &s) -> StoreResult<SiteRecord> {
        auto existing = loadSite(s, u"s.id = ?"_s, siteId, u"site %1"_s.arg(siteId));
        if (!existing.ok())
            return existing;
        return writeSite(s, patch.appliedTo(existing.value));
    });
}

QFuture<StoreResult<SiteDeletion>> SiteStore::deleteSite(qint64 siteId, const AuditEntry &audit)
{
    using Result = StoreResult<SiteDeletion>;
    return submit<SiteDeletion>(m_writer, [siteId, audit](SqlSession &s) -> Result {
        const QString what = u"site %1"_s.arg(siteId);
        const auto site = loadSite(s, u"s.id = ?"_s, siteId, what);
        if (!site.ok())
            return Result::failure(site.error, site.message);
        const auto others = exists(s, u"SELECT 1 FROM sites WHERE id <> ?"_s, {siteId}, u"look for sites besides "_s + what);
        if (!others)
            return failed<SiteDeletion>(s);
        if (!*others)
            return conflict<SiteDeletion>(u"site %1 is the only site"_s.arg(siteId));
        SiteDeletion deleted;
        deleted.site = site.value;
        PreparedQuery open;
        if (!s.exec(open, u"SELECT id FROM conversations WHERE site_id = ? AND status IN ('waiting', 'active') ORDER BY id"_s,
                    {siteId}, u"list the open conversations of "_s + what))
            return failed<SiteDeletion>(s);
        while (open.next())
            deleted.openConversationIds.append(open.value(0).toLongLong());
        // Table by table rather than through ON DELETE CASCADE, as an erasure
        // does: the counts go into the audit log, and nothing depends on the
        // foreign key pragma being on. Children first.
        const struct {
            QString sql;
            QString label;
            int *count;
        } steps[] = {
            {u"DELETE FROM mail_outbox WHERE conversation_id IN (SELECT id FROM conversations WHERE site_id = ?)"_s, u"emails"_s,
             nullptr},
            {u"DELETE FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE site_id = ?)"_s, u"messages"_s,
             &deleted.messages},
            {u"DELETE FROM conversations WHERE site_id = ?"_s, u"conversations"_s, &deleted.conversations},
            {u"DELETE FROM page_views WHERE visitor_id IN (SELECT id FROM visitors WHERE site_id = ?)"_s, u"page views"_s,
             &deleted.pageViews},
            {u"DELETE FROM visitors WHERE site_id = ?"_s, u"visitors"_s, &deleted.visitors},
            {u"DELETE FROM bans WHERE site_id = ?"_s, u"bans"_s, &deleted.bans},
            {u"DELETE FROM sites WHERE id = ?"_s, u"row"_s, nullptr},
        };
        for (const auto &step : steps) {
            PreparedQuery q;
            if (!s.exec(q, step.sql, {siteId}, u"delete the %1 of %2"_s.arg(step.label, what)))
                return failed<SiteDeletion>(s);
            if (step.count)
                *step.count = q.numRowsAffected();
        }
        AuditEntry entry = audit;
        entry.detail = u"\"%1\" (%2): %3 conversations, %4 messages, %5 visitors, %6 page views, %7 bans"_s.arg(site.value.name)
                           .arg(site.value.siteKey)
                           .arg(deleted.conversations)
                           .arg(deleted.messages)
                           .arg(deleted.visitors)
                           .arg(deleted.pageViews)
                           .arg(deleted.bans);
        if (!insertAudit(s, entry))
            return failed<SiteDeletion>(s);
        return Result::success(deleted);
    });
}

} // namespace Frontdesk
