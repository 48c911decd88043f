// The VisitorDataStore's jobs: export, erasure, the retention sweep and bans, each change with its audit line in the same
// transaction.
#include "visitordatastore.h"

#include "storerows.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

using namespace StoreRows;

// Visitor data, bans and the audit log

namespace {

// Export reads a conversation's messages this many at a time, so a long chat
// is never one huge result set, and never cut short either.
constexpr int ExportPageSize = 500;

const QString BanColumns = u"b.id, b.site_id, b.kind, b.value, b.reason, b.created_by, b.created_at, b.expires_at"_s;

BanRecord readBan(const PreparedQuery &q)
{
    BanRecord ban;
    ban.id = q.value(0).toLongLong();
    ban.siteId = q.value(1).toLongLong();
    ban.kind = banKindFromString(q.value(2).toString()).value_or(BanKind::Visitor);
    ban.value = q.value(3).toString();
    ban.reason = q.value(4).toString();
    ban.createdBy = q.value(5).toString();
    ban.createdAt = q.value(6).toLongLong();
    ban.expiresAt = q.value(7).toLongLong();
    return ban;
}

/// The visitor's conversations, oldest first, read whole before anything
/// else runs: a cached statement's rows are gone once it runs again.
std::optional<QList<ConversationRecord>> visitorConversations(SqlSession &s, const QString &visitorId)
{
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + ConversationColumns + ConversationFrom + u" WHERE c.visitor_id = ? ORDER BY c.id"_s,
                {visitorId}, u"read the conversations of visitor %1"_s.arg(visitorId)))
        return std::nullopt;
    QList<ConversationRecord> conversations;
    while (q.next())
        conversations.append(readConversation(q));
    return conversations;
}

} // namespace

QFuture<StoreResult<VisitorExport>> VisitorDataStore::exportVisitor(const QString &visitorId, const AuditEntry &audit)
{
    using Result = StoreResult<VisitorExport>;
    return submit<VisitorExport>(m_writer, [visitorId, audit](SqlSession &s) -> Result {
        const auto visitor = loadVisitor(s, visitorId);
        if (!visitor.ok())
            return Result::failure(visitor.error, visitor.message);
        VisitorExport result;
        result.visitor = visitor.value;
        PreparedQuery pages;
        if (!s.exec(pages, u"SELECT visitor_id, url, title, at FROM page_views WHERE visitor_id = ? ORDER BY at, id"_s,
                    {visitorId}, u"read the page views of visitor %1"_s.arg(visitorId)))
            return failed<VisitorExport>(s);
        while (pages.next())
            result.pages.append(
                {pages.value(0).toString(), pages.value(1).toString(), pages.value(2).toString(), pages.value(3).toLongLong()});
        const auto conversations = visitorConversations(s, visitorId);
        if (!conversations)
            return failed<VisitorExport>(s);
        for (const ConversationRecord &conversation : *conversations) {
            ConversationTranscript transcript{conversation, {}};
            qint64 after = 0;
            for (;;) {
                const auto page = readConversationMessages(s, conversation.id, u" AND m.id > ? ORDER BY m.id LIMIT ?"_s,
                                                           {after, ExportPageSize}, false);
                if (!page.ok())
                    return Result::failure(page.error, page.message);
                transcript.messages += page.value;
                if (page.value.size() < ExportPageSize)
                    break;
                after = page.value.last().id;
            }
            result.conversations.append(transcript);
        }
        PreparedQuery bans;
        if (!s.exec(bans, u"SELECT "_s + BanColumns + u" FROM bans b WHERE b.kind = 'visitor' AND b.value = ? ORDER BY b.id"_s,
                    {visitorId}, u"read the bans of visitor %1"_s.arg(visitorId)))
            return failed<VisitorExport>(s);
        while (bans.next())
            result.bans.append(readBan(bans));
        AuditEntry entry = audit;
        qsizetype messages = 0;
        for (const ConversationTranscript &transcript : std::as_const(result.conversations))
            messages += transcript.messages.size();
        entry.detail = u"%1 conversations, %2 messages, %3 page views"_s.arg(result.conversations.size())
                           .arg(messages)
                           .arg(result.pages.size());
        if (!insertAudit(s, entry))
            return failed<VisitorExport>(s);
        return Result::success(result);
    });
}

QFuture<StoreResult<VisitorErasure>> VisitorDataStore::eraseVisitor(const QString &visitorId, const AuditEntry &audit)
{
    using Result = StoreResult<VisitorErasure>;
    return submit<VisitorErasure>(m_writer, [visitorId, audit](SqlSession &s) -> Result {
        const QString what = u"visitor %1"_s.arg(visitorId);
        const auto visitor = loadVisitor(s, visitorId);
        if (!visitor.ok())
            return Result::failure(visitor.error, visitor.message);
        VisitorErasure erased;
        erased.visitor = visitor.value;
        const auto conversations = visitorConversations(s, visitorId);
        if (!conversations)
            return failed<VisitorErasure>(s);
        for (const ConversationRecord &conversation : *conversations)
            erased.conversationIds.append(conversation.id);
        // Every table by name rather than through ON DELETE CASCADE: the
        // counts go into the audit log, and nothing depends on the foreign
        // key pragma being on.
        // The emails about them too, sent or not: they hold the visitor's words and address.
        PreparedQuery mails;
        if (!s.exec(mails,
                    u"DELETE FROM mail_outbox WHERE conversation_id IN (SELECT id FROM conversations WHERE visitor_id = ?)"_s,
                    {visitorId}, u"delete the emails about "_s + what))
            return failed<VisitorErasure>(s);
        PreparedQuery messages;
        if (!s.exec(messages,
                    u"DELETE FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE visitor_id = ?)"_s,
                    {visitorId}, u"delete the messages of "_s + what))
            return failed<VisitorErasure>(s);
        erased.messages = messages.numRowsAffected();
        PreparedQuery chats;
        if (!s.exec(chats, u"DELETE FROM conversations WHERE visitor_id = ?"_s, {visitorId},
                    u"delete the conversations of "_s + what))
            return failed<VisitorErasure>(s);
        PreparedQuery pages;
        if (!s.exec(pages, u"DELETE FROM page_views WHERE visitor_id = ?"_s, {visitorId}, u"delete the page views of "_s + what))
            return failed<VisitorErasure>(s);
        erased.pageViews = pages.numRowsAffected();
        PreparedQuery row;
        if (!s.exec(row, u"DELETE FROM visitors WHERE id = ?"_s, {visitorId}, u"delete "_s + what))
            return failed<VisitorErasure>(s);
        AuditEntry entry = audit;
        entry.detail = u"%1 conversations, %2 messages, %3 page views"_s.arg(erased.conversationIds.size())
                           .arg(erased.messages)
                           .arg(erased.pageViews);
        if (!insertAudit(s, entry))
            return failed<VisitorErasure>(s);
        return Result::success(erased);
    });
}

QFuture<StoreResult<BanRecord>> VisitorDataStore::createBan(const BanRecord &ban, const AuditEntry &audit)
{
    return submit<BanRecord>(m_writer, [ban, audit](SqlSession &s) -> StoreResult<BanRecord> {
        BanRecord stored = ban;
        stored.createdAt = nowOr(ban.createdAt);
        PreparedQuery q;
        if (!s.exec(q,
                    u"INSERT INTO bans (site_id, kind, value, reason, created_by, created_at, expires_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                    {nullableId(ban.siteId), toString(ban.kind), ban.value, ban.reason, ban.createdBy, stored.createdAt,
                     std::max<qint64>(ban.expiresAt, 0)},
                    u"store a ban of %1 %2"_s.arg(toString(ban.kind), ban.value)))
            return failed<BanRecord>(s);
        stored.id = insertedId(q);
        AuditEntry entry = audit;
        entry.target = u"ban %1"_s.arg(stored.id);
        if (!insertAudit(s, entry))
            return failed<BanRecord>(s);
        return StoreResult<BanRecord>::success(stored);
    });
}

QFuture<StoreResult<BanRecord>> VisitorDataStore::deleteBan(qint64 banId, const AuditEntry &audit)
{
    return submit<BanRecord>(m_writer, [banId, audit](SqlSession &s) -> StoreResult<BanRecord> {
        const QString what = u"ban %1"_s.arg(banId);
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + BanColumns + u" FROM bans b WHERE b.id = ?"_s, {banId}, u"read "_s + what))
            return failed<BanRecord>(s);
        if (!q.next())
            return notFound<BanRecord>(what + u" does not exist"_s);
        const BanRecord ban = readBan(q);
        PreparedQuery remove;
        if (!s.exec(remove, u"DELETE FROM bans WHERE id = ?"_s, {banId}, u"delete "_s + what))
            return failed<BanRecord>(s);
        AuditEntry entry = audit;
        entry.detail = u"%1 %2"_s.arg(toString(ban.kind), ban.value);
        if (!insertAudit(s, entry))
            return failed<BanRecord>(s);
        return StoreResult<BanRecord>::success(ban);
    });
}

QFuture<StoreResult<QList<BanRecord>>> VisitorDataStore::listBans()
{
    return submit<QList<BanRecord>>(m_writer, [](SqlSession &s) -> StoreResult<QList<BanRecord>> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + BanColumns + u" FROM bans b ORDER BY b.id DESC"_s, {}, u"list the bans"_s))
            return failed<QList<BanRecord>>(s);
        QList<BanRecord> bans;
        while (q.next())
            bans.append(readBan(q));
        return StoreResult<QList<BanRecord>>::success(bans);
    });
}

QFuture<StoreResult<PurgeReport>> VisitorDataStore::purge(qint64 quietVisitorsSeenBefore, qint64 now)
{
    return submit<PurgeReport>(m_writer, [quietVisitorsSeenBefore, now](SqlSession &s) -> StoreResult<PurgeReport> {
        PurgeReport report;
        if (quietVisitorsSeenBefore > 0) {
            // A visitor who never wrote has no conversation; their page views go with them (ON DELETE CASCADE).
            PreparedQuery q;
            if (!s.exec(q,
                        u"DELETE FROM visitors WHERE last_seen_at < ?"
                        " AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.visitor_id = visitors.id)"_s,
                        {quietVisitorsSeenBefore}, u"delete visitors who never wrote"_s))
                return failed<PurgeReport>(s);
            report.visitors = q.numRowsAffected();
        }
        PreparedQuery sites;
        if (!s.exec(sites, u"SELECT id, closed_retention_days FROM sites WHERE closed_retention_days > 0"_s, {},
                    u"read the sites' retention"_s))
            return failed<PurgeReport>(s);
        QList<QPair<qint64, qint64>> cutoffs;
        while (sites.next())
            cutoffs.append({sites.value(0).toLongLong(), now - sites.value(1).toLongLong() * 24 * 3600 * 1000});
        for (const auto &[siteId, cutoff] : std::as_const(cutoffs)) {
            PreparedQuery mails;
            if (!s.exec(mails,
                        u"DELETE FROM mail_outbox WHERE conversation_id IN (SELECT id FROM conversations WHERE site_id = ?"
                        " AND status = 'closed' AND closed_at < ?)"_s,
                        {siteId, cutoff}, u"delete the emails about the old closed conversations of site %1"_s.arg(siteId)))
                return failed<PurgeReport>(s);
            PreparedQuery q;
            if (!s.exec(q, u"DELETE FROM conversations WHERE site_id = ? AND status = 'closed' AND closed_at < ?"_s,
                        {siteId, cutoff}, u"delete the old closed conversations of site %1"_s.arg(siteId)))
                return failed<PurgeReport>(s);
            report.conversations += q.numRowsAffected();
        }
        return StoreResult<PurgeReport>::success(report);
    });
}

} // namespace Frontdesk
