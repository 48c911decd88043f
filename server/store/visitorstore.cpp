// The VisitorStore's jobs about visitors and their page views.
#include "visitorstore.h"

#include "storerows.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

using namespace StoreRows;

// Visitors

QFuture<StoreResult<VisitorRecord>> VisitorStore::createVisitor(const VisitorRecord &visitor, const QByteArray &tokenHash)
{
    return submit<VisitorRecord>(m_writer, [visitor, tokenHash](SqlSession &s) -> StoreResult<VisitorRecord> {
        const QString what = u"visitor %1"_s.arg(visitor.id);
        const auto site
            = exists(s, u"SELECT 1 FROM sites WHERE id = ?"_s, {visitor.siteId}, u"look up site %1"_s.arg(visitor.siteId));
        if (!site)
            return failed<VisitorRecord>(s);
        if (!*site)
            return notFound<VisitorRecord>(u"site %1 does not exist"_s.arg(visitor.siteId));
        const auto taken = exists(s, u"SELECT 1 FROM visitors WHERE id = ?"_s, {visitor.id}, u"look up "_s + what);
        if (!taken)
            return failed<VisitorRecord>(s);
        if (*taken)
            return conflict<VisitorRecord>(what + u" already exists"_s);
        const qint64 createdAt = nowOr(visitor.createdAt);
        PreparedQuery q;
        if (!s.exec(q,
                    u"INSERT INTO visitors (id, site_id, token_hash, name, email, attributes, created_at, last_seen_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    {visitor.id, visitor.siteId, tokenHash, visitor.name, visitor.email, jsonText(visitor.attributes), createdAt,
                     visitor.lastSeenAt > 0 ? visitor.lastSeenAt : createdAt},
                    u"insert "_s + what))
            return failed<VisitorRecord>(s);
        return loadVisitor(s, visitor.id);
    });
}

QFuture<StoreResult<VisitorRecord>> VisitorStore::visitorByToken(qint64 siteId, const QString &visitorId,
                                                                 const QByteArray &tokenHash)
{
    return submit<VisitorRecord>(m_writer, [siteId, visitorId, tokenHash](SqlSession &s) -> StoreResult<VisitorRecord> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + VisitorColumns + u" FROM visitors v WHERE v.id = ? AND v.site_id = ? AND v.token_hash = ?"_s,
                    {visitorId, siteId, tokenHash}, u"look up visitor %1"_s.arg(visitorId)))
            return failed<VisitorRecord>(s);
        if (!q.next())
            return notFound<VisitorRecord>(
                u"visitor %1 does not exist on site %2 or the token does not match"_s.arg(visitorId).arg(siteId));
        return StoreResult<VisitorRecord>::success(readVisitor(q));
    });
}

QFuture<StoreResult<VisitorRecord>> VisitorStore::visitorById(const QString &visitorId)
{
    return submit<VisitorRecord>(m_writer, [visitorId](SqlSession &s) { return loadVisitor(s, visitorId); });
}

QFuture<StoreResult<VisitorRecord>> VisitorStore::updateVisitor(const VisitorRecord &visitor)
{
    return submit<VisitorRecord>(m_writer, [visitor](SqlSession &s) -> StoreResult<VisitorRecord> {
        auto existing = loadVisitor(s, visitor.id);
        if (!existing.ok())
            return existing;
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE visitors SET name = ?, email = ?, attributes = ?, last_seen_at = ? WHERE id = ?"_s,
                    {visitor.name, visitor.email, jsonText(visitor.attributes),
                     visitor.lastSeenAt > 0 ? visitor.lastSeenAt : existing.value.lastSeenAt, visitor.id},
                    u"update visitor %1"_s.arg(visitor.id)))
            return failed<VisitorRecord>(s);
        return loadVisitor(s, visitor.id);
    });
}

QFuture<StoreResult<VisitorRecord>> VisitorStore::patchVisitor(const QString &visitorId, const VisitorPatch &patch)
{
    return submit<VisitorRecord>(m_writer, [visitorId, patch](SqlSession &s) -> StoreResult<VisitorRecord> {
        auto existing = loadVisitor(s, visitorId);
        if (!existing.ok())
            return existing;
        VisitorRecord visitor = existing.value;
        if (patch.name)
            visitor.name = *patch.name;
        if (patch.email)
            visitor.email = *patch.email;
        for (auto it = patch.attributes.begin(); it != patch.attributes.end(); ++it) {
            if (it.value().isNull())
                visitor.attributes.remove(it.key());
            else
                visitor.attributes.insert(it.key(), it.value());
        }
        if (!patch.customAttributes.isEmpty()) {
            QVariantMap custom = visitor.attributes.value(u"custom"_s).toMap();
            for (auto it = patch.customAttributes.begin(); it != patch.customAttributes.end(); ++it) {
                if (it.value().isNull())
                    custom.remove(it.key());
                else
                    custom.insert(it.key(), it.value());
            }
            visitor.attributes.insert(u"custom"_s, custom);
        }
        if (patch.lastSeenAt > 0)
            visitor.lastSeenAt = patch.lastSeenAt;
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE visitors SET name = ?, email = ?, attributes = ?, last_seen_at = ? WHERE id = ?"_s,
                    {visitor.name, visitor.email, jsonText(visitor.attributes), visitor.lastSeenAt, visitor.id},
                    u"update visitor %1"_s.arg(visitor.id)))
            return failed<VisitorRecord>(s);
        return StoreResult<VisitorRecord>::success(visitor);
    });
}

QFuture<StoreResult<Done>> VisitorStore::recordPageView(const PageView &view)
{
    return submit<Done>(m_writer, [view](SqlSession &s) -> StoreResult<Done> {
        const QString what = u"visitor %1"_s.arg(view.visitorId);
        const auto found = exists(s, u"SELECT 1 FROM visitors WHERE id = ?"_s, {view.visitorId}, u"look up "_s + what);
        if (!found)
            return failed<Done>(s);
        if (!*found)
            return notFound<Done>(what + u" does not exist"_s);
        PreparedQuery q;
        if (!s.exec(q, u"INSERT INTO page_views (visitor_id, url, title, at) VALUES (?, ?, ?, ?)"_s,
                    {view.visitorId, view.url, view.title, nowOr(view.at)}, u"record a page view of "_s + what))
            return failed<Done>(s);
        return StoreResult<Done>::success({});
    });
}

QFuture<StoreResult<QList<PageView>>> VisitorStore::pageViews(const QString &visitorId, int limit)
{
    return submit<QList<PageView>>(m_writer, [visitorId, limit](SqlSession &s) -> StoreResult<QList<PageView>> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT visitor_id, url, title, at FROM page_views WHERE visitor_id = ?"
                    " ORDER BY at DESC, id DESC LIMIT ?"_s,
                    {visitorId, std::max(limit, 0)}, u"read the page views of visitor %1"_s.arg(visitorId)))
            return failed<QList<PageView>>(s);
        QList<PageView> views;
        while (q.next())
            views.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
        return StoreResult<QList<PageView>>::success(views);
    });
}

} // namespace Frontdesk
