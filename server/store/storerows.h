#pragma once

// What the Store's jobs share, whatever aggregate they are about: the rows'
// column lists and readers, the loaders of one record, the SQL helpers, and
// submit(), which turns a job's body into a future. Internal to
// server/store/: the store's files include it, nobody else does.

#include "core/records.h"
#include "core/storeresult.h"
#include "databaseworker.h"
#include "jsoncolumns.h"
#include "sqlsession.h"
#include "storejob.h"
#include "writerqueue.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace Frontdesk::StoreRows {

using namespace Qt::StringLiterals;

// A MariaDB unique index holds at most 191 characters of a utf8mb4 column;
// refuse longer keys in both backends so they behave alike.
constexpr qsizetype MaxClientIdLength = 191;

template<typename T> inline StoreResult<T> failed(const SqlSession &session)
{
    return StoreResult<T>::failure(StoreError::Failed, session.lastError());
}

template<typename T> inline StoreResult<T> notFound(const QString &why)
{
    return StoreResult<T>::failure(StoreError::NotFound, why);
}

template<typename T> inline StoreResult<T> conflict(const QString &why)
{
    return StoreResult<T>::failure(StoreError::Conflict, why);
}

// SQL NULL is an invalid QVariant: SqlSession binds a null QString as ''.
inline QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

inline QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// Column lists and their readers are kept side by side: a reader takes its
// columns starting at @p at, so one row can hold several records.

inline const QString SiteColumns
    = u"s.id, s.site_key, s.name, s.allowed_origins, s.widget_settings, s.identity_secret, s.created_at, s.closed_retention_days,"
      " s.mail_team_address, s.mail_unanswered_minutes, s.mail_replies_to_absent"_s;

inline SiteRecord readSite(const QSqlQuery &q, int at = 0)
{
    SiteRecord site;
    site.id = q.value(at + 0).toLongLong();
    site.siteKey = q.value(at + 1).toString();
    site.name = q.value(at + 2).toString();
    site.allowedOrigins = jsonStringList(q.value(at + 3));
    site.widgetSettings = jsonMap(q.value(at + 4));
    site.identitySecret = q.value(at + 5).toByteArray();
    site.createdAt = q.value(at + 6).toLongLong();
    site.closedRetentionDays = q.value(at + 7).toInt();
    site.mailTeamAddress = q.value(at + 8).toString();
    site.mailUnansweredMinutes = q.value(at + 9).toInt();
    site.mailRepliesToAbsentVisitors = q.value(at + 10).toInt() != 0;
    return site;
}

inline const QString AgentColumns = u"a.id, a.email, a.name, a.role, a.password_hash, a.created_at, a.disabled"_s;
constexpr int AgentColumnCount = 7;

inline AgentRecord readAgent(const QSqlQuery &q, int at = 0)
{
    AgentRecord agent;
    agent.id = q.value(at + 0).toLongLong();
    agent.email = q.value(at + 1).toString();
    agent.name = q.value(at + 2).toString();
    agent.role = agentRoleFromString(q.value(at + 3).toString());
    agent.passwordHash = q.value(at + 4).toByteArray();
    agent.createdAt = q.value(at + 5).toLongLong();
    agent.disabled = q.value(at + 6).toInt() != 0;
    return agent;
}

inline const QString SessionColumns
    = u"t.session_id, t.agent_id, t.created_at, t.last_used_at, t.expires_at, t.user_agent, t.address"_s;

inline LoginSession readSession(const QSqlQuery &q, int at = 0)
{
    LoginSession session;
    session.id = q.value(at + 0).toString();
    session.agentId = q.value(at + 1).toLongLong();
    session.createdAt = q.value(at + 2).toLongLong();
    session.lastUsedAt = q.value(at + 3).toLongLong();
    session.expiresAt = q.value(at + 4).toLongLong();
    session.userAgent = q.value(at + 5).toString();
    session.address = q.value(at + 6).toString();
    return session;
}

/// The ids of @p agentId's sessions, except @p keep; deletes them when @p remove.
inline std::optional<QStringList> endSessions(SqlSession &s, qint64 agentId, const QString &keep, const QString &what)
{
    PreparedQuery q;
    if (!s.exec(q, u"SELECT session_id FROM agent_tokens WHERE agent_id = ? AND session_id <> ?"_s, {agentId, keep},
                u"list the sessions of "_s + what))
        return std::nullopt;
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    PreparedQuery remove;
    if (!s.exec(remove, u"DELETE FROM agent_tokens WHERE agent_id = ? AND session_id <> ?"_s, {agentId, keep},
                u"end the sessions of "_s + what))
        return std::nullopt;
    return ids;
}

inline const QString VisitorColumns = u"v.id, v.site_id, v.name, v.email, v.attributes, v.created_at, v.last_seen_at"_s;
constexpr int VisitorColumnCount = 7;

inline VisitorRecord readVisitor(const QSqlQuery &q, int at = 0)
{
    VisitorRecord visitor;
    visitor.id = q.value(at + 0).toString();
    visitor.siteId = q.value(at + 1).toLongLong();
    visitor.name = q.value(at + 2).toString();
    visitor.email = q.value(at + 3).toString();
    visitor.attributes = jsonMap(q.value(at + 4));
    visitor.createdAt = q.value(at + 5).toLongLong();
    visitor.lastSeenAt = q.value(at + 6).toLongLong();
    return visitor;
}

// Needs "LEFT JOIN agents ca ON ca.id = c.assigned_agent_id".
inline const QString ConversationColumns = u"c.id, c.site_id, c.visitor_id, c.status, c.assigned_agent_id, ca.name,"
                                           " c.created_at, c.updated_at, c.closed_at, c.visitor_read_up_to, c.agent_read_up_to,"
                                           " c.rating, c.rating_comment"_s;
constexpr int ConversationColumnCount = 13;
inline const QString ConversationFrom = u" FROM conversations c LEFT JOIN agents ca ON ca.id = c.assigned_agent_id"_s;

inline ConversationRecord readConversation(const QSqlQuery &q, int at = 0)
{
    ConversationRecord c;
    c.id = q.value(at + 0).toLongLong();
    c.siteId = q.value(at + 1).toLongLong();
    c.visitorId = q.value(at + 2).toString();
    c.status = conversationStatusFromString(q.value(at + 3).toString());
    c.assignedAgentId = q.value(at + 4).toLongLong();
    c.assignedAgentName = q.value(at + 5).toString();
    c.createdAt = q.value(at + 6).toLongLong();
    c.updatedAt = q.value(at + 7).toLongLong();
    c.closedAt = q.value(at + 8).toLongLong();
    c.visitorReadUpTo = q.value(at + 9).toLongLong();
    c.agentReadUpTo = q.value(at + 10).toLongLong();
    c.rating = q.value(at + 11).toInt();
    c.ratingComment = q.value(at + 12).toString();
    return c;
}

// Needs "LEFT JOIN agents ma ON ma.id = m.author_agent_id".
inline const QString MessageColumns
    = u"m.id, m.conversation_id, m.author_kind, m.author_agent_id, ma.name, m.body, m.client_id, m.created_at"_s;
inline const QString MessageFrom = u" FROM messages m LEFT JOIN agents ma ON ma.id = m.author_agent_id"_s;

inline MessageRecord readMessage(const QSqlQuery &q, int at = 0)
{
    MessageRecord m;
    m.id = q.value(at + 0).toLongLong();
    m.conversationId = q.value(at + 1).toLongLong();
    m.authorKind = authorKindFromString(q.value(at + 2).toString());
    m.authorAgentId = q.value(at + 3).toLongLong();
    m.authorName = q.value(at + 4).toString();
    m.body = q.value(at + 5).toString();
    m.clientId = q.value(at + 6).toString();
    m.createdAt = q.value(at + 7).toLongLong();
    return m;
}

// Queue and search rows: conversation, visitor and last message side by side.
inline const QString SummarySelect = u"SELECT "_s + ConversationColumns + u", "_s + VisitorColumns + u", "_s + MessageColumns
    + ConversationFrom
    + u" JOIN visitors v ON v.id = c.visitor_id"
      " LEFT JOIN messages m ON m.id = (SELECT MAX(lm.id) FROM messages lm WHERE lm.conversation_id = c.id)"
      " LEFT JOIN agents ma ON ma.id = m.author_agent_id"_s;

inline ConversationSummary readSummary(const QSqlQuery &q)
{
    ConversationSummary summary;
    summary.conversation = readConversation(q, 0);
    summary.visitor = readVisitor(q, ConversationColumnCount);
    summary.lastMessage = readMessage(q, ConversationColumnCount + VisitorColumnCount);
    return summary;
}

// Small reads shared by several calls. Each returns NotFound with a sentence
// naming the row when it does not exist.

inline StoreResult<SiteRecord> loadSite(SqlSession &s, const QString &where, const QVariant &key, const QString &what)
{
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + SiteColumns + u" FROM sites s WHERE "_s + where, {key}, u"read "_s + what))
        return failed<SiteRecord>(s);
    if (!q.next())
        return notFound<SiteRecord>(what + u" does not exist"_s);
    return StoreResult<SiteRecord>::success(readSite(q));
}

inline StoreResult<AgentRecord> loadAgent(SqlSession &s, const QString &where, const QVariant &key, const QString &what)
{
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + AgentColumns + u" FROM agents a WHERE "_s + where, {key}, u"read "_s + what))
        return failed<AgentRecord>(s);
    if (!q.next())
        return notFound<AgentRecord>(what + u" does not exist"_s);
    return StoreResult<AgentRecord>::success(readAgent(q));
}

inline StoreResult<VisitorRecord> loadVisitor(SqlSession &s, const QString &visitorId)
{
    const QString what = u"visitor %1"_s.arg(visitorId);
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + VisitorColumns + u" FROM visitors v WHERE v.id = ?"_s, {visitorId}, u"read "_s + what))
        return failed<VisitorRecord>(s);
    if (!q.next())
        return notFound<VisitorRecord>(what + u" does not exist"_s);
    return StoreResult<VisitorRecord>::success(readVisitor(q));
}

inline StoreResult<ConversationRecord> loadConversation(SqlSession &s, qint64 conversationId)
{
    const QString what = u"conversation %1"_s.arg(conversationId);
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + ConversationColumns + ConversationFrom + u" WHERE c.id = ?"_s, {conversationId},
                u"read "_s + what))
        return failed<ConversationRecord>(s);
    if (!q.next())
        return notFound<ConversationRecord>(what + u" does not exist"_s);
    return StoreResult<ConversationRecord>::success(readConversation(q));
}

// The messages of a conversation chosen by @p tail (conditions after the
// conversation id, ORDER BY, LIMIT), oldest first; NotFound for an unknown conversation.
inline StoreResult<QList<MessageRecord>> readConversationMessages(SqlSession &s, qint64 conversationId, const QString &tail,
                                                                  const QVariantList &values, bool fetchedNewestFirst)
{
    using Result = StoreResult<QList<MessageRecord>>;
    const auto conversation = loadConversation(s, conversationId);
    if (!conversation.ok())
        return Result::failure(conversation.error, conversation.message);
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + MessageColumns + MessageFrom + u" WHERE m.conversation_id = ?"_s + tail,
                QVariantList{conversationId} + values, u"read the messages of conversation %1"_s.arg(conversationId)))
        return failed<QList<MessageRecord>>(s);
    QList<MessageRecord> messages;
    while (q.next()) {
        if (fetchedNewestFirst)
            messages.prepend(readMessage(q));
        else
            messages.append(readMessage(q));
    }
    return Result::success(messages);
}

inline StoreResult<MessageRecord> loadMessage(SqlSession &s, qint64 messageId)
{
    const QString what = u"message %1"_s.arg(messageId);
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + MessageColumns + MessageFrom + u" WHERE m.id = ?"_s, {messageId}, u"read "_s + what))
        return failed<MessageRecord>(s);
    if (!q.next())
        return notFound<MessageRecord>(what + u" does not exist"_s);
    return StoreResult<MessageRecord>::success(readMessage(q));
}

/// Whether a query with one bound value finds a row; std::nullopt on failure.
inline std::optional<bool> exists(SqlSession &s, const QString &sql, const QVariantList &values, const QString &what)
{
    PreparedQuery q;
    if (!s.exec(q, sql, values, what))
        return std::nullopt;
    return q.next();
}

/// The id the last INSERT on @p q created.
inline qint64 insertedId(const QSqlQuery &q)
{
    return q.lastInsertId().toLongLong();
}

// Client ids are unique per author within a conversation: the author key
// names the author ("visitor", "agent:7", "system") for that unique index.
inline QString authorKey(AuthorKind kind, qint64 agentId)
{
    return kind == AuthorKind::Agent ? u"agent:%1"_s.arg(agentId) : toString(kind);
}

inline StoreResult<MessageRecord> insertMessage(SqlSession &s, qint64 conversationId, AuthorKind kind, qint64 agentId,
                                                const QString &body, const QString &clientId, qint64 now)
{
    PreparedQuery q;
    if (!s.exec(
            q,
            u"INSERT INTO messages (conversation_id, author_kind, author_agent_id, author_key, body, client_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            {conversationId, toString(kind), nullableId(agentId), authorKey(kind, agentId), body, nullableText(clientId), now},
            u"insert a message into conversation %1"_s.arg(conversationId)))
        return failed<MessageRecord>(s);
    const qint64 id = insertedId(q);
    PreparedQuery touch;
    if (!s.exec(touch, u"UPDATE conversations SET updated_at = ? WHERE id = ?"_s, {now, conversationId},
                u"update conversation %1"_s.arg(conversationId)))
        return failed<MessageRecord>(s);
    return loadMessage(s, id);
}

/// The stored row for a client id already used in the conversation, if any.
inline std::optional<StoreResult<AppendResult>> findDuplicate(SqlSession &s, const QString &sql, const QVariantList &values,
                                                              const QString &what)
{
    PreparedQuery q;
    if (!s.exec(q, sql, values, what))
        return failed<AppendResult>(s);
    if (!q.next())
        return std::nullopt;
    AppendResult result;
    result.message = readMessage(q);
    result.duplicate = true;
    const auto conversation = loadConversation(s, result.message.conversationId);
    if (!conversation.ok())
        return StoreResult<AppendResult>::failure(conversation.error, conversation.message);
    result.conversation = conversation.value;
    return StoreResult<AppendResult>::success(result);
}

inline StoreResult<ConversationChange> changeWithSystemLine(SqlSession &s, qint64 conversationId, const QString &systemBody,
                                                            qint64 now)
{
    const auto message = insertMessage(s, conversationId, AuthorKind::System, 0, systemBody, QString(), now);
    if (!message.ok())
        return StoreResult<ConversationChange>::failure(message.error, message.message);
    const auto conversation = loadConversation(s, conversationId);
    if (!conversation.ok())
        return StoreResult<ConversationChange>::failure(conversation.error, conversation.message);
    return StoreResult<ConversationChange>::success({conversation.value, message.value});
}

inline QString likePattern(const QString &text)
{
    // '!' escapes, because a backslash means different things in SQLite and
    // MariaDB string literals.
    QString escaped;
    for (const QChar c : text.toLower()) {
        if (c == u'!' || c == u'%' || c == u'_')
            escaped += u'!';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

inline qint64 nowOr(qint64 given)
{
    return given > 0 ? given : QDateTime::currentMSecsSinceEpoch();
}

/// Writes an audit line in the job's own transaction.
inline bool insertAudit(SqlSession &s, const AuditEntry &entry)
{
    PreparedQuery q;
    return s.exec(q, u"INSERT INTO audit_log (at, agent_id, agent_email, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)"_s,
                  {nowOr(entry.at), nullableId(entry.agentId), entry.agentEmail, entry.action, entry.target, entry.detail},
                  u"write the audit entry for "_s + entry.action);
}

/// Writes the pending outbox row @p key (see MailOnAppend) in the job's own
/// transaction; nothing when a mail with that key exists.
inline bool insertPendingMail(SqlSession &s, const QString &key, qint64 conversationId, MailRecipientKind kind, qint64 now)
{
    const auto taken = exists(s, u"SELECT 1 FROM mail_outbox WHERE mail_key = ?"_s, {key}, u"look up mail "_s + key);
    if (!taken)
        return false;
    if (*taken)
        return true;
    PreparedQuery q;
    return s.exec(q,
                  u"INSERT INTO mail_outbox (mail_key, conversation_id, recipient_kind, recipient, message, status, attempts,"
                  " created_at, next_attempt_at, last_error) VALUES (?, ?, ?, '', ?, 'pending', 0, ?, ?, '')"_s,
                  {key, conversationId, toString(kind), QByteArray(""), now, now}, u"note mail "_s + key);
}

/// Notes the committed chat event @p kind (a WebhookEvents type) in the
/// integrations' journal, in the job's own transaction, when the site has an
/// enabled webhook; nothing otherwise (one statement either way, so a site
/// without integrations pays one cheap lookup and no write).
inline bool journalEvent(SqlSession &s, qint64 siteId, qint64 conversationId, QLatin1StringView kind, qint64 messageId,
                         qint64 agentId, qint64 now)
{
    PreparedQuery q;
    return s.exec(q,
                  u"INSERT INTO integration_events (site_id, conversation_id, kind, message_id, agent_id, created_at)"
                  " SELECT ?, ?, ?, ?, ?, ? FROM webhooks WHERE site_id = ? AND enabled = 1 LIMIT 1"_s,
                  {siteId, conversationId, QString(kind), messageId, agentId, now, siteId},
                  u"note %1 of conversation %2 for the integrations"_s.arg(kind).arg(conversationId));
}

// Every call below is a job: it builds a function that runs on the writer
// thread, inside the savepoint of its batch.
template<typename T> inline QFuture<StoreResult<T>> submit(const WriterQueue &writer, typename StoreJob<T>::Body body)
{
    DatabaseWorker *worker = writer.worker();
    if (!worker)
        return StoreJob<T>::failed(u"the store is not open"_s);
    auto job = std::make_unique<StoreJob<T>>(std::move(body));
    QFuture<StoreResult<T>> future = job->future();
    // Refused (closed, database down, queue full): already answered.
    worker->enqueue(std::move(job));
    return future;
}

} // namespace Frontdesk::StoreRows
