// The MailOutboxStore's jobs: the outbox rows and the reads emails are made of.
#include "mailoutboxstore.h"

#include "storerows.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

using namespace StoreRows;

namespace {

const QString OutboxColumns
    = u"id, mail_key, recipient_kind, recipient, message, created_at, next_attempt_at, attempts, conversation_id"_s;

OutboxMail readOutboxMail(const QSqlQuery &q)
{
    OutboxMail mail;
    mail.id = q.value(0).toLongLong();
    mail.key = q.value(1).toString();
    mail.recipientKind = mailRecipientKindFromString(q.value(2).toString());
    mail.recipient = q.value(3).toString();
    mail.message = q.value(4).toByteArray();
    mail.createdAt = q.value(5).toLongLong();
    mail.nextAttemptAt = q.value(6).toLongLong();
    mail.attempts = q.value(7).toInt();
    mail.conversationId = q.value(8).toLongLong();
    return mail;
}

} // namespace

QFuture<StoreResult<bool>> MailOutboxStore::enqueue(const OutboxMail &mail)
{
    return submit<bool>(m_writer, [mail](SqlSession &s) -> StoreResult<bool> {
        if (mail.key.isEmpty() || mail.key.size() > MaxClientIdLength)
            return StoreResult<bool>::failure(StoreError::Failed, u"a mail key has 1 to 191 characters"_s);
        // Checked first rather than caught from the unique index: a failed
        // statement would roll the job's savepoint back with a logged error,
        // and a second enqueue of the same cause is normal, not an error.
        const auto taken
            = exists(s, u"SELECT 1 FROM mail_outbox WHERE mail_key = ?"_s, {mail.key}, u"look up mail %1"_s.arg(mail.key));
        if (!taken)
            return failed<bool>(s);
        if (*taken)
            return StoreResult<bool>::success(false);
        const qint64 created = nowOr(mail.createdAt);
        PreparedQuery q;
        if (!s.exec(q,
                    u"INSERT INTO mail_outbox (mail_key, conversation_id, recipient_kind, recipient, message, status, attempts,"
                    " created_at, next_attempt_at, last_error) VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, ?, '')"_s,
                    {mail.key, mail.conversationId, toString(mail.recipientKind), mail.recipient, mail.message, created,
                     mail.nextAttemptAt > 0 ? mail.nextAttemptAt : created},
                    u"queue mail %1"_s.arg(mail.key)))
            return failed<bool>(s);
        return StoreResult<bool>::success(true);
    });
}

QFuture<StoreResult<QList<OutboxMail>>> MailOutboxStore::pendingMail(int limit)
{
    using Result = StoreResult<QList<OutboxMail>>;
    return submit<QList<OutboxMail>>(m_writer, [limit](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + OutboxColumns + u" FROM mail_outbox WHERE status = 'pending' ORDER BY id LIMIT ?"_s,
                    {limit}, u"read the pending mail"_s))
            return failed<QList<OutboxMail>>(s);
        QList<OutboxMail> pending;
        while (q.next())
            pending.append(readOutboxMail(q));
        return Result::success(pending);
    });
}

QFuture<StoreResult<bool>> MailOutboxStore::queuePending(qint64 id, const QString &recipient, const QByteArray &message,
                                                         qint64 now)
{
    return submit<bool>(m_writer, [=](SqlSession &s) -> StoreResult<bool> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"UPDATE mail_outbox SET status = 'queued', recipient = ?, message = ?, next_attempt_at = ?"
                    " WHERE id = ? AND status = 'pending'"_s,
                    {recipient, message, now, id}, u"queue pending mail %1"_s.arg(id)))
            return failed<bool>(s);
        return StoreResult<bool>::success(q.numRowsAffected() > 0);
    });
}

QFuture<StoreResult<bool>> MailOutboxStore::dropPending(qint64 id)
{
    return submit<bool>(m_writer, [id](SqlSession &s) -> StoreResult<bool> {
        PreparedQuery q;
        if (!s.exec(q, u"DELETE FROM mail_outbox WHERE id = ? AND status = 'pending'"_s, {id}, u"drop pending mail %1"_s.arg(id)))
            return failed<bool>(s);
        return StoreResult<bool>::success(q.numRowsAffected() > 0);
    });
}

QFuture<StoreResult<std::optional<OutboxMail>>> MailOutboxStore::nextDue(qint64 now)
{
    using Result = StoreResult<std::optional<OutboxMail>>;
    return submit<std::optional<OutboxMail>>(m_writer, [now](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + OutboxColumns
                        + u" FROM mail_outbox WHERE status = 'queued' AND next_attempt_at <= ?"
                          " ORDER BY next_attempt_at, id LIMIT 1"_s,
                    {now}, u"read the next mail due"_s))
            return failed<std::optional<OutboxMail>>(s);
        if (!q.next())
            return Result::success(std::nullopt);
        return Result::success(readOutboxMail(q));
    });
}

QFuture<StoreResult<qint64>> MailOutboxStore::nextDueAt()
{
    return submit<qint64>(m_writer, [](SqlSession &s) -> StoreResult<qint64> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT MIN(next_attempt_at) FROM mail_outbox WHERE status = 'queued'"_s, {},
                    u"read when the next mail is due"_s))
            return failed<qint64>(s);
        return StoreResult<qint64>::success(q.next() ? q.value(0).toLongLong() : 0);
    });
}

QFuture<StoreResult<int>> MailOutboxStore::retryQueuedNow(qint64 now)
{
    return submit<int>(m_writer, [now](SqlSession &s) -> StoreResult<int> {
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE mail_outbox SET next_attempt_at = ? WHERE status = 'queued' AND next_attempt_at > ?"_s,
                    {now, now}, u"make the queued mail due"_s))
            return failed<int>(s);
        return StoreResult<int>::success(q.numRowsAffected());
    });
}

QFuture<StoreResult<bool>> MailOutboxStore::markSent(qint64 id, qint64 now)
{
    return submit<bool>(m_writer, [id, now](SqlSession &s) -> StoreResult<bool> {
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE mail_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?"_s, {now, id},
                    u"mark mail %1 sent"_s.arg(id)))
            return failed<bool>(s);
        return StoreResult<bool>::success(q.numRowsAffected() > 0);
    });
}

QFuture<StoreResult<bool>> MailOutboxStore::markFailedAttempt(qint64 id, int attempts, qint64 nextAttemptAt, bool giveUp,
                                                              const QString &error, qint64 now)
{
    return submit<bool>(m_writer, [=](SqlSession &s) -> StoreResult<bool> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, last_error_at = ?"
                    " WHERE id = ?"_s,
                    {giveUp ? u"failed"_s : u"queued"_s, attempts, nextAttemptAt, error.left(2000), now, id},
                    u"record the failed attempt of mail %1"_s.arg(id)))
            return failed<bool>(s);
        return StoreResult<bool>::success(q.numRowsAffected() > 0);
    });
}

QFuture<StoreResult<MailStatus>> MailOutboxStore::status()
{
    return submit<MailStatus>(m_writer, [](SqlSession &s) -> StoreResult<MailStatus> {
        MailStatus status;
        PreparedQuery counts;
        if (!s.exec(counts,
                    u"SELECT SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END),"
                    " SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), MAX(sent_at) FROM mail_outbox"_s,
                    {}, u"count the outbox"_s))
            return failed<MailStatus>(s);
        if (counts.next()) {
            status.queued = counts.value(0).toInt();
            status.failed = counts.value(1).toInt();
            status.lastSentAt = counts.value(2).toLongLong();
        }
        // The last failure counts only while nothing was sent after it: a
        // console shows what is wrong now, not what was fixed since.
        PreparedQuery last;
        if (!s.exec(last,
                    u"SELECT last_error_at, recipient_kind, last_error FROM mail_outbox WHERE last_error_at > ?"
                    " ORDER BY last_error_at DESC, id DESC LIMIT 1"_s,
                    {status.lastSentAt}, u"read the outbox's last failure"_s))
            return failed<MailStatus>(s);
        if (last.next()) {
            status.lastFailureAt = last.value(0).toLongLong();
            status.lastFailureRecipientKind = mailRecipientKindFromString(last.value(1).toString());
            status.lastFailure = last.value(2).toString();
        }
        return StoreResult<MailStatus>::success(status);
    });
}

QFuture<StoreResult<MailContext>> MailOutboxStore::context(qint64 conversationId)
{
    return submit<MailContext>(m_writer, [conversationId](SqlSession &s) -> StoreResult<MailContext> {
        using Result = StoreResult<MailContext>;
        MailContext context;
        const auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return Result::failure(conversation.error, conversation.message);
        context.conversation = conversation.value;
        const auto site = loadSite(s, u"s.id = ?"_s, context.conversation.siteId, u"site %1"_s.arg(context.conversation.siteId));
        if (!site.ok())
            return Result::failure(site.error, site.message);
        context.site = site.value;
        const auto visitor = loadVisitor(s, context.conversation.visitorId);
        if (!visitor.ok())
            return Result::failure(visitor.error, visitor.message);
        context.visitor = visitor.value;
        const auto messages = readConversationMessages(s, conversationId, u" ORDER BY m.id"_s, {}, false);
        if (!messages.ok())
            return Result::failure(messages.error, messages.message);
        context.messages = messages.value;
        PreparedQuery page;
        if (!s.exec(page, u"SELECT url, title, at FROM page_views WHERE visitor_id = ? ORDER BY at DESC, id DESC LIMIT 1"_s,
                    {context.visitor.id}, u"read the last page of visitor %1"_s.arg(context.visitor.id)))
            return failed<MailContext>(s);
        if (page.next()) {
            context.lastPage.visitorId = context.visitor.id;
            context.lastPage.url = page.value(0).toString();
            context.lastPage.title = page.value(1).toString();
            context.lastPage.at = page.value(2).toLongLong();
        }
        return Result::success(context);
    });
}

QFuture<StoreResult<QList<ConversationRecord>>> MailOutboxStore::waitingConversations()
{
    using Result = StoreResult<QList<ConversationRecord>>;
    return submit<QList<ConversationRecord>>(m_writer, [](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT id, site_id, visitor_id, created_at FROM conversations WHERE status = 'waiting' ORDER BY id"_s,
                    {}, u"list the waiting conversations"_s))
            return failed<QList<ConversationRecord>>(s);
        QList<ConversationRecord> waiting;
        while (q.next()) {
            ConversationRecord c;
            c.id = q.value(0).toLongLong();
            c.siteId = q.value(1).toLongLong();
            c.visitorId = q.value(2).toString();
            c.createdAt = q.value(3).toLongLong();
            waiting.append(c);
        }
        return Result::success(waiting);
    });
}

} // namespace Frontdesk
