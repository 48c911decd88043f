#include "store.h"

#include "databaseworker.h"
#include "migrations.h"
#include "sqlsession.h"
#include "storejob.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// A MariaDB unique index holds at most 191 characters of a utf8mb4 column;
// refuse longer keys in both backends so they behave alike.
constexpr qsizetype MaxClientIdLength = 191;

template<typename T> StoreResult<T> failed(const SqlSession &session)
{
    return StoreResult<T>::failure(StoreError::Failed, session.lastError());
}

template<typename T> StoreResult<T> notFound(const QString &why)
{
    return StoreResult<T>::failure(StoreError::NotFound, why);
}

template<typename T> StoreResult<T> conflict(const QString &why)
{
    return StoreResult<T>::failure(StoreError::Conflict, why);
}

// SQL NULL is an invalid QVariant: SqlSession binds a null QString as ''.
QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QStringList jsonStringList(const QVariant &value)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

// Column lists and their readers are kept side by side: a reader takes its
// columns starting at @p at, so one row can hold several records.

const QString SiteColumns
    = u"s.id, s.site_key, s.name, s.allowed_origins, s.widget_settings, s.identity_secret, s.created_at, s.closed_retention_days"_s;

SiteRecord readSite(const QSqlQuery &q, int at = 0)
{
    SiteRecord site;
    site.id = q.value(at + 0).toLongLong();
    site.siteKey = q.value(at + 1).toString();
    site.name = q.value(at + 2).toString();
    site.allowedOrigins = jsonStringList(q.value(at + 3));
    site.widgetSettings = jsonObject(q.value(at + 4));
    site.identitySecret = q.value(at + 5).toByteArray();
    site.createdAt = q.value(at + 6).toLongLong();
    site.closedRetentionDays = q.value(at + 7).toInt();
    return site;
}

const QString AgentColumns = u"a.id, a.email, a.name, a.role, a.password_hash, a.created_at, a.disabled"_s;
constexpr int AgentColumnCount = 7;

AgentRecord readAgent(const QSqlQuery &q, int at = 0)
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

const QString SessionColumns = u"t.session_id, t.agent_id, t.created_at, t.last_used_at, t.expires_at, t.user_agent, t.address"_s;

LoginSession readSession(const QSqlQuery &q, int at = 0)
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
std::optional<QStringList> endSessions(SqlSession &s, qint64 agentId, const QString &keep, const QString &what)
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

const QString VisitorColumns = u"v.id, v.site_id, v.name, v.email, v.attributes, v.created_at, v.last_seen_at"_s;
constexpr int VisitorColumnCount = 7;

VisitorRecord readVisitor(const QSqlQuery &q, int at = 0)
{
    VisitorRecord visitor;
    visitor.id = q.value(at + 0).toString();
    visitor.siteId = q.value(at + 1).toLongLong();
    visitor.name = q.value(at + 2).toString();
    visitor.email = q.value(at + 3).toString();
    visitor.attributes = jsonObject(q.value(at + 4));
    visitor.createdAt = q.value(at + 5).toLongLong();
    visitor.lastSeenAt = q.value(at + 6).toLongLong();
    return visitor;
}

// Needs "LEFT JOIN agents ca ON ca.id = c.assigned_agent_id".
const QString ConversationColumns = u"c.id, c.site_id, c.visitor_id, c.status, c.assigned_agent_id, ca.name,"
                                    " c.created_at, c.updated_at, c.closed_at, c.visitor_read_up_to, c.agent_read_up_to,"
                                    " c.rating, c.rating_comment"_s;
constexpr int ConversationColumnCount = 13;
const QString ConversationFrom = u" FROM conversations c LEFT JOIN agents ca ON ca.id = c.assigned_agent_id"_s;

ConversationRecord readConversation(const QSqlQuery &q, int at = 0)
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
const QString MessageColumns
    = u"m.id, m.conversation_id, m.author_kind, m.author_agent_id, ma.name, m.body, m.client_id, m.created_at"_s;
const QString MessageFrom = u" FROM messages m LEFT JOIN agents ma ON ma.id = m.author_agent_id"_s;

MessageRecord readMessage(const QSqlQuery &q, int at = 0)
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
const QString SummarySelect = u"SELECT "_s + ConversationColumns + u", "_s + VisitorColumns + u", "_s + MessageColumns
    + ConversationFrom
    + u" JOIN visitors v ON v.id = c.visitor_id"
      " LEFT JOIN messages m ON m.id = (SELECT MAX(lm.id) FROM messages lm WHERE lm.conversation_id = c.id)"
      " LEFT JOIN agents ma ON ma.id = m.author_agent_id"_s;

ConversationSummary readSummary(const QSqlQuery &q)
{
    ConversationSummary summary;
    summary.conversation = readConversation(q, 0);
    summary.visitor = readVisitor(q, ConversationColumnCount);
    summary.lastMessage = readMessage(q, ConversationColumnCount + VisitorColumnCount);
    return summary;
}

// Small reads shared by several calls. Each returns NotFound with a sentence
// naming the row when it does not exist.

StoreResult<SiteRecord> loadSite(SqlSession &s, const QString &where, const QVariant &key, const QString &what)
{
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + SiteColumns + u" FROM sites s WHERE "_s + where, {key}, u"read "_s + what))
        return failed<SiteRecord>(s);
    if (!q.next())
        return notFound<SiteRecord>(what + u" does not exist"_s);
    return StoreResult<SiteRecord>::success(readSite(q));
}

StoreResult<AgentRecord> loadAgent(SqlSession &s, const QString &where, const QVariant &key, const QString &what)
{
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + AgentColumns + u" FROM agents a WHERE "_s + where, {key}, u"read "_s + what))
        return failed<AgentRecord>(s);
    if (!q.next())
        return notFound<AgentRecord>(what + u" does not exist"_s);
    return StoreResult<AgentRecord>::success(readAgent(q));
}

StoreResult<VisitorRecord> loadVisitor(SqlSession &s, const QString &visitorId)
{
    const QString what = u"visitor %1"_s.arg(visitorId);
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + VisitorColumns + u" FROM visitors v WHERE v.id = ?"_s, {visitorId}, u"read "_s + what))
        return failed<VisitorRecord>(s);
    if (!q.next())
        return notFound<VisitorRecord>(what + u" does not exist"_s);
    return StoreResult<VisitorRecord>::success(readVisitor(q));
}

StoreResult<ConversationRecord> loadConversation(SqlSession &s, qint64 conversationId)
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
StoreResult<QList<MessageRecord>> readConversationMessages(SqlSession &s, qint64 conversationId, const QString &tail,
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

StoreResult<MessageRecord> loadMessage(SqlSession &s, qint64 messageId)
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
std::optional<bool> exists(SqlSession &s, const QString &sql, const QVariantList &values, const QString &what)
{
    PreparedQuery q;
    if (!s.exec(q, sql, values, what))
        return std::nullopt;
    return q.next();
}

/// The id the last INSERT on @p q created.
qint64 insertedId(const QSqlQuery &q)
{
    return q.lastInsertId().toLongLong();
}

// Client ids are unique per author within a conversation: the author key
// names the author ("visitor", "agent:7", "system") for that unique index.
QString authorKey(AuthorKind kind, qint64 agentId)
{
    return kind == AuthorKind::Agent ? u"agent:%1"_s.arg(agentId) : toString(kind);
}

StoreResult<MessageRecord> insertMessage(SqlSession &s, qint64 conversationId, AuthorKind kind, qint64 agentId,
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
std::optional<StoreResult<AppendResult>> findDuplicate(SqlSession &s, const QString &sql, const QVariantList &values,
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

StoreResult<ConversationChange> changeWithSystemLine(SqlSession &s, qint64 conversationId, const QString &systemBody, qint64 now)
{
    const auto message = insertMessage(s, conversationId, AuthorKind::System, 0, systemBody, QString(), now);
    if (!message.ok())
        return StoreResult<ConversationChange>::failure(message.error, message.message);
    const auto conversation = loadConversation(s, conversationId);
    if (!conversation.ok())
        return StoreResult<ConversationChange>::failure(conversation.error, conversation.message);
    return StoreResult<ConversationChange>::success({conversation.value, message.value});
}

QString likePattern(const QString &text)
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

qint64 nowOr(qint64 given)
{
    return given > 0 ? given : QDateTime::currentMSecsSinceEpoch();
}

} // namespace

// Every call below is a job: it builds a function that runs on the writer
// thread, inside the savepoint of its batch.
template<typename T> static QFuture<StoreResult<T>> submit(DatabaseWorker *worker, typename StoreJob<T>::Body body)
{
    if (!worker)
        return StoreJob<T>::failed(u"the store is not open"_s);
    auto job = std::make_unique<StoreJob<T>>(std::move(body));
    QFuture<StoreResult<T>> future = job->future();
    // Refused (closed, database down, queue full): already answered.
    worker->enqueue(std::move(job));
    return future;
}

Store::Store(QObject *parent) : QObject(parent) { }

Store::~Store()
{
    close();
}

QFuture<StoreResult<int>> Store::open(const DatabaseConfig &config)
{
    if (m_worker)
        return StoreJob<int>::failed(u"the store was already opened; a Store opens one database once"_s);
    m_worker = new DatabaseWorker(config, this);
    connect(m_worker, &DatabaseWorker::databaseError, this, &Store::databaseError);
    m_worker->start();
    return m_worker->openFuture();
}

void Store::close()
{
    if (m_worker)
        m_worker->stop();
}

int Store::latestSchemaVersion()
{
    return Migrations::latestVersion();
}

qint64 Store::commitCount() const
{
    return m_worker ? m_worker->commitCount() : 0;
}

bool Store::isDatabaseAvailable() const
{
    return m_worker && m_worker->isDatabaseAvailable();
}

// Sites

QFuture<StoreResult<SiteRecord>> Store::createSite(const SiteRecord &site)
{
    return submit<SiteRecord>(m_worker, [site](SqlSession &s) -> StoreResult<SiteRecord> {
        const auto taken
            = exists(s, u"SELECT 1 FROM sites WHERE site_key = ?"_s, {site.siteKey}, u"look up site key %1"_s.arg(site.siteKey));
        if (!taken)
            return failed<SiteRecord>(s);
        if (*taken)
            return conflict<SiteRecord>(u"the site key %1 is already taken"_s.arg(site.siteKey));
        PreparedQuery q;
        if (!s.exec(q,
                    u"INSERT INTO sites (site_key, name, allowed_origins, widget_settings, identity_secret, created_at,"
                    " closed_retention_days) VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                    {site.siteKey, site.name, jsonText(site.allowedOrigins), jsonText(site.widgetSettings), site.identitySecret,
                     nowOr(site.createdAt), std::max(0, site.closedRetentionDays)},
                    u"insert site %1"_s.arg(site.siteKey)))
            return failed<SiteRecord>(s);
        return loadSite(s, u"s.id = ?"_s, insertedId(q), u"site %1"_s.arg(site.siteKey));
    });
}

QFuture<StoreResult<SiteRecord>> Store::siteByKey(const QString &siteKey)
{
    return submit<SiteRecord>(m_worker, [siteKey](SqlSession &s) {
        return loadSite(s, u"s.site_key = ?"_s, siteKey, u"site with key %1"_s.arg(siteKey));
    });
}

QFuture<StoreResult<QList<SiteRecord>>> Store::listSites()
{
    return submit<QList<SiteRecord>>(m_worker, [](SqlSession &s) -> StoreResult<QList<SiteRecord>> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + SiteColumns + u" FROM sites s ORDER BY s.id"_s, {}, u"list sites"_s))
            return failed<QList<SiteRecord>>(s);
        QList<SiteRecord> sites;
        while (q.next())
            sites.append(readSite(q));
        return StoreResult<QList<SiteRecord>>::success(sites);
    });
}

QFuture<StoreResult<SiteRecord>> Store::updateSite(const SiteRecord &site)
{
    return submit<SiteRecord>(m_worker, [site](SqlSession &s) -> StoreResult<SiteRecord> {
        const QString what = u"site %1"_s.arg(site.id);
        auto existing = loadSite(s, u"s.id = ?"_s, site.id, what);
        if (!existing.ok())
            return existing;
        const auto taken = exists(s, u"SELECT 1 FROM sites WHERE site_key = ? AND id <> ?"_s, {site.siteKey, site.id},
                                  u"look up site key %1"_s.arg(site.siteKey));
        if (!taken)
            return failed<SiteRecord>(s);
        if (*taken)
            return conflict<SiteRecord>(u"the site key %1 is already taken by another site"_s.arg(site.siteKey));
        PreparedQuery q;
        if (!s.exec(q,
                    u"UPDATE sites SET site_key = ?, name = ?, allowed_origins = ?, widget_settings = ?,"
                    " identity_secret = ?, closed_retention_days = ? WHERE id = ?"_s,
                    {site.siteKey, site.name, jsonText(site.allowedOrigins), jsonText(site.widgetSettings), site.identitySecret,
                     std::max(0, site.closedRetentionDays), site.id},
                    u"update "_s + what))
            return failed<SiteRecord>(s);
        return loadSite(s, u"s.id = ?"_s, site.id, what);
    });
}

// Agents

QFuture<StoreResult<AgentRecord>> Store::createAgent(const AgentRecord &agent)
{
    return submit<AgentRecord>(m_worker, [agent](SqlSession &s) -> StoreResult<AgentRecord> {
        const QString email = agent.email.trimmed().toLower();
        const auto taken = exists(s, u"SELECT 1 FROM agents WHERE email = ?"_s, {email}, u"look up agent %1"_s.arg(email));
        if (!taken)
            return failed<AgentRecord>(s);
        if (*taken)
            return conflict<AgentRecord>(u"an agent with the email %1 already exists"_s.arg(email));
        PreparedQuery q;
        if (!s.exec(q, u"INSERT INTO agents (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)"_s,
                    {email, agent.name, toString(agent.role), agent.passwordHash, nowOr(agent.createdAt)},
                    u"insert agent %1"_s.arg(email))) {
            if (s.lastWasUniqueViolation())
                return conflict<AgentRecord>(u"an agent with the email %1 already exists"_s.arg(email));
            return failed<AgentRecord>(s);
        }
        return loadAgent(s, u"a.id = ?"_s, insertedId(q), u"agent %1"_s.arg(email));
    });
}

QFuture<StoreResult<AgentRecord>> Store::agentByEmail(const QString &email)
{
    return submit<AgentRecord>(m_worker, [email = email.trimmed().toLower()](SqlSession &s) {
        return loadAgent(s, u"a.email = ?"_s, email, u"agent with email %1"_s.arg(email));
    });
}

QFuture<StoreResult<AgentRecord>> Store::agentById(qint64 agentId)
{
    return submit<AgentRecord>(
        m_worker, [agentId](SqlSession &s) { return loadAgent(s, u"a.id = ?"_s, agentId, u"agent %1"_s.arg(agentId)); });
}

QFuture<StoreResult<QList<AgentRecord>>> Store::listAgents()
{
    return submit<QList<AgentRecord>>(m_worker, [](SqlSession &s) -> StoreResult<QList<AgentRecord>> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + AgentColumns + u" FROM agents a ORDER BY a.id"_s, {}, u"list agents"_s))
            return failed<QList<AgentRecord>>(s);
        QList<AgentRecord> agents;
        while (q.next())
            agents.append(readAgent(q));
        return StoreResult<QList<AgentRecord>>::success(agents);
    });
}

QFuture<StoreResult<QStringList>> Store::setAgentPassword(qint64 agentId, const QByteArray &passwordHash,
                                                          const QString &keepSessionId)
{
    return submit<QStringList>(m_worker, [=](SqlSession &s) -> StoreResult<QStringList> {
        const QString what = u"agent %1"_s.arg(agentId);
        const auto found = exists(s, u"SELECT 1 FROM agents WHERE id = ?"_s, {agentId}, u"look up "_s + what);
        if (!found)
            return failed<QStringList>(s);
        if (!*found)
            return notFound<QStringList>(what + u" does not exist"_s);
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE agents SET password_hash = ? WHERE id = ?"_s, {passwordHash, agentId},
                    u"set the password of "_s + what))
            return failed<QStringList>(s);
        // In the same transaction: no token issued under the old password outlives it.
        const auto ended = endSessions(s, agentId, keepSessionId, what);
        if (!ended)
            return failed<QStringList>(s);
        return StoreResult<QStringList>::success(*ended);
    });
}

QFuture<StoreResult<QStringList>> Store::setAgentDisabled(qint64 agentId, bool disabled)
{
    return submit<QStringList>(m_worker, [=](SqlSession &s) -> StoreResult<QStringList> {
        const QString what = u"agent %1"_s.arg(agentId);
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE agents SET disabled = ? WHERE id = ?"_s, {disabled ? 1 : 0, agentId}, u"disable "_s + what))
            return failed<QStringList>(s);
        if (q.numRowsAffected() == 0)
            return notFound<QStringList>(what + u" does not exist"_s);
        if (!disabled)
            return StoreResult<QStringList>::success({});
        const auto ended = endSessions(s, agentId, QString(), what);
        if (!ended)
            return failed<QStringList>(s);
        return StoreResult<QStringList>::success(*ended);
    });
}

QFuture<StoreResult<QStringList>> Store::deleteAgent(qint64 agentId)
{
    return submit<QStringList>(m_worker, [agentId](SqlSession &s) -> StoreResult<QStringList> {
        const QString what = u"agent %1"_s.arg(agentId);
        const auto found = exists(s, u"SELECT 1 FROM agents WHERE id = ?"_s, {agentId}, u"look up "_s + what);
        if (!found)
            return failed<QStringList>(s);
        if (!*found)
            return notFound<QStringList>(what + u" does not exist"_s);
        const auto ended = endSessions(s, agentId, QString(), what);
        if (!ended)
            return failed<QStringList>(s);
        // Conversations and messages stay and lose the link (ON DELETE SET NULL).
        PreparedQuery q;
        if (!s.exec(q, u"DELETE FROM agents WHERE id = ?"_s, {agentId}, u"delete "_s + what))
            return failed<QStringList>(s);
        return StoreResult<QStringList>::success(*ended);
    });
}

QFuture<StoreResult<Done>> Store::createAgentToken(const LoginSession &session, const QByteArray &tokenHash)
{
    return submit<Done>(m_worker, [session, tokenHash](SqlSession &s) -> StoreResult<Done> {
        const QString what = u"agent %1"_s.arg(session.agentId);
        const auto found
            = exists(s, u"SELECT 1 FROM agents WHERE id = ? AND disabled = 0"_s, {session.agentId}, u"look up "_s + what);
        if (!found)
            return failed<Done>(s);
        if (!*found)
            return notFound<Done>(what + u" does not exist or is disabled"_s);
        PreparedQuery q;
        if (!s.exec(q,
                    u"INSERT INTO agent_tokens (token_hash, agent_id, expires_at, session_id, created_at, last_used_at,"
                    " user_agent, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    {tokenHash, session.agentId, session.expiresAt, session.id, session.createdAt, session.createdAt,
                     session.userAgent, session.address},
                    u"insert a login token for "_s + what)) {
            if (s.lastWasUniqueViolation())
                return conflict<Done>(u"the login token for %1 already exists"_s.arg(what));
            return failed<Done>(s);
        }
        return StoreResult<Done>::success({});
    });
}

QFuture<StoreResult<AgentAuthentication>> Store::agentByTokenHash(const QByteArray &tokenHash, qint64 now)
{
    return submit<AgentAuthentication>(m_worker, [tokenHash, now](SqlSession &s) -> StoreResult<AgentAuthentication> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + AgentColumns + u", "_s + SessionColumns
                        + u" FROM agent_tokens t JOIN agents a ON a.id = t.agent_id"
                          " WHERE t.token_hash = ? AND t.expires_at > ? AND a.disabled = 0"_s,
                    {tokenHash, now}, u"look up an agent login token"_s))
            return failed<AgentAuthentication>(s);
        if (!q.next())
            return notFound<AgentAuthentication>(u"the login token is unknown or expired"_s);
        AgentAuthentication found{readAgent(q), readSession(q, AgentColumnCount)};
        PreparedQuery touch;
        if (!s.exec(touch, u"UPDATE agent_tokens SET last_used_at = ? WHERE token_hash = ?"_s, {now, tokenHash},
                    u"note the use of a login token"_s))
            return failed<AgentAuthentication>(s);
        found.session.lastUsedAt = now;
        return StoreResult<AgentAuthentication>::success(found);
    });
}

QFuture<StoreResult<LoginSession>> Store::deleteAgentToken(const QByteArray &tokenHash)
{
    return submit<LoginSession>(m_worker, [tokenHash](SqlSession &s) -> StoreResult<LoginSession> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + SessionColumns + u" FROM agent_tokens t WHERE t.token_hash = ?"_s, {tokenHash},
                    u"look up an agent login token"_s))
            return failed<LoginSession>(s);
        if (!q.next())
            return notFound<LoginSession>(u"the login token is unknown"_s);
        const LoginSession session = readSession(q);
        PreparedQuery remove;
        if (!s.exec(remove, u"DELETE FROM agent_tokens WHERE token_hash = ?"_s, {tokenHash}, u"delete an agent login token"_s))
            return failed<LoginSession>(s);
        return StoreResult<LoginSession>::success(session);
    });
}

QFuture<StoreResult<QList<LoginSession>>> Store::agentSessions(qint64 agentId, qint64 now)
{
    return submit<QList<LoginSession>>(m_worker, [agentId, now](SqlSession &s) -> StoreResult<QList<LoginSession>> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + SessionColumns
                        + u" FROM agent_tokens t WHERE t.agent_id = ? AND t.expires_at > ? ORDER BY t.last_used_at DESC"_s,
                    {agentId, now}, u"list the sessions of agent %1"_s.arg(agentId)))
            return failed<QList<LoginSession>>(s);
        QList<LoginSession> sessions;
        while (q.next())
            sessions.append(readSession(q));
        return StoreResult<QList<LoginSession>>::success(sessions);
    });
}

QFuture<StoreResult<Done>> Store::deleteAgentSession(qint64 agentId, const QString &sessionId)
{
    return submit<Done>(m_worker, [agentId, sessionId](SqlSession &s) -> StoreResult<Done> {
        PreparedQuery q;
        if (!s.exec(q, u"DELETE FROM agent_tokens WHERE agent_id = ? AND session_id = ?"_s, {agentId, sessionId},
                    u"end session %1 of agent %2"_s.arg(sessionId).arg(agentId)))
            return failed<Done>(s);
        if (q.numRowsAffected() == 0)
            return notFound<Done>(u"agent %1 has no session %2"_s.arg(agentId).arg(sessionId));
        return StoreResult<Done>::success({});
    });
}

QFuture<StoreResult<PurgeReport>> Store::purge(qint64 quietVisitorsSeenBefore, qint64 now)
{
    return submit<PurgeReport>(m_worker, [quietVisitorsSeenBefore, now](SqlSession &s) -> StoreResult<PurgeReport> {
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
            PreparedQuery q;
            if (!s.exec(q, u"DELETE FROM conversations WHERE site_id = ? AND status = 'closed' AND closed_at < ?"_s,
                        {siteId, cutoff}, u"delete the old closed conversations of site %1"_s.arg(siteId)))
                return failed<PurgeReport>(s);
            report.conversations += q.numRowsAffected();
        }
        return StoreResult<PurgeReport>::success(report);
    });
}

// Visitors

QFuture<StoreResult<VisitorRecord>> Store::createVisitor(const VisitorRecord &visitor, const QByteArray &tokenHash)
{
    return submit<VisitorRecord>(m_worker, [visitor, tokenHash](SqlSession &s) -> StoreResult<VisitorRecord> {
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

QFuture<StoreResult<VisitorRecord>> Store::visitorByToken(qint64 siteId, const QString &visitorId, const QByteArray &tokenHash)
{
    return submit<VisitorRecord>(m_worker, [siteId, visitorId, tokenHash](SqlSession &s) -> StoreResult<VisitorRecord> {
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

QFuture<StoreResult<VisitorRecord>> Store::visitorById(const QString &visitorId)
{
    return submit<VisitorRecord>(m_worker, [visitorId](SqlSession &s) { return loadVisitor(s, visitorId); });
}

QFuture<StoreResult<VisitorRecord>> Store::updateVisitor(const VisitorRecord &visitor)
{
    return submit<VisitorRecord>(m_worker, [visitor](SqlSession &s) -> StoreResult<VisitorRecord> {
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

QFuture<StoreResult<VisitorRecord>> Store::patchVisitor(const QString &visitorId, const VisitorPatch &patch)
{
    return submit<VisitorRecord>(m_worker, [visitorId, patch](SqlSession &s) -> StoreResult<VisitorRecord> {
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
            QJsonObject custom = visitor.attributes.value(u"custom"_s).toObject();
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

QFuture<StoreResult<ConversationRecord>> Store::rateConversation(qint64 conversationId, int rating, const QString &comment)
{
    return submit<ConversationRecord>(m_worker, [=](SqlSession &s) -> StoreResult<ConversationRecord> {
        auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return conversation;
        if (conversation.value.status != ConversationStatus::Closed)
            return conflict<ConversationRecord>(u"conversation %1 is not closed yet"_s.arg(conversationId));
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE conversations SET rating = ?, rating_comment = ? WHERE id = ?"_s,
                    {rating, comment, conversationId}, u"rate conversation %1"_s.arg(conversationId)))
            return failed<ConversationRecord>(s);
        return loadConversation(s, conversationId);
    });
}

QFuture<StoreResult<QList<CannedResponse>>> Store::listCannedResponses()
{
    return submit<QList<CannedResponse>>(m_worker, [](SqlSession &s) -> StoreResult<QList<CannedResponse>> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT id, shortcut, body, updated_at FROM canned_responses ORDER BY shortcut"_s, {},
                    u"list canned responses"_s))
            return failed<QList<CannedResponse>>(s);
        QList<CannedResponse> responses;
        while (q.next())
            responses.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
        return StoreResult<QList<CannedResponse>>::success(responses);
    });
}

QFuture<StoreResult<CannedResponse>> Store::saveCannedResponse(const CannedResponse &response)
{
    return submit<CannedResponse>(m_worker, [response](SqlSession &s) -> StoreResult<CannedResponse> {
        const QString what = u"canned response /%1"_s.arg(response.shortcut);
        const auto taken = exists(s, u"SELECT 1 FROM canned_responses WHERE shortcut = ? AND id <> ?"_s,
                                  {response.shortcut, response.id}, u"look up "_s + what);
        if (!taken)
            return failed<CannedResponse>(s);
        if (*taken)
            return conflict<CannedResponse>(u"the shortcut /%1 is taken"_s.arg(response.shortcut));
        CannedResponse saved = response;
        saved.updatedAt = nowOr(response.updatedAt);
        PreparedQuery q;
        if (response.id == 0) {
            if (!s.exec(q, u"INSERT INTO canned_responses (shortcut, body, updated_at) VALUES (?, ?, ?)"_s,
                        {saved.shortcut, saved.body, saved.updatedAt}, u"insert "_s + what))
                return failed<CannedResponse>(s);
            saved.id = q.lastInsertId().toLongLong();
            return StoreResult<CannedResponse>::success(saved);
        }
        if (!s.exec(q, u"UPDATE canned_responses SET shortcut = ?, body = ?, updated_at = ? WHERE id = ?"_s,
                    {saved.shortcut, saved.body, saved.updatedAt, saved.id}, u"update "_s + what))
            return failed<CannedResponse>(s);
        if (q.numRowsAffected() == 0) {
            // MariaDB counts only changed rows: tell "unchanged" from "missing".
            const auto known = exists(s, u"SELECT 1 FROM canned_responses WHERE id = ?"_s, {saved.id}, u"look up "_s + what);
            if (!known)
                return failed<CannedResponse>(s);
            if (!*known)
                return notFound<CannedResponse>(u"canned response %1 does not exist"_s.arg(saved.id));
        }
        return StoreResult<CannedResponse>::success(saved);
    });
}

QFuture<StoreResult<Done>> Store::deleteCannedResponse(qint64 id)
{
    return submit<Done>(m_worker, [id](SqlSession &s) -> StoreResult<Done> {
        PreparedQuery q;
        if (!s.exec(q, u"DELETE FROM canned_responses WHERE id = ?"_s, {id}, u"delete canned response %1"_s.arg(id)))
            return failed<Done>(s);
        if (q.numRowsAffected() == 0)
            return notFound<Done>(u"canned response %1 does not exist"_s.arg(id));
        return StoreResult<Done>::success({});
    });
}

QFuture<StoreResult<Done>> Store::recordPageView(const PageView &view)
{
    return submit<Done>(m_worker, [view](SqlSession &s) -> StoreResult<Done> {
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

QFuture<StoreResult<QList<PageView>>> Store::pageViews(const QString &visitorId, int limit)
{
    return submit<QList<PageView>>(m_worker, [visitorId, limit](SqlSession &s) -> StoreResult<QList<PageView>> {
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

// Conversations and messages

QFuture<StoreResult<AppendResult>> Store::appendVisitorMessage(qint64 siteId, const QString &visitorId, const QString &clientId,
                                                               const QString &body, qint64 now)
{
    return submit<AppendResult>(m_worker, [=](SqlSession &s) -> StoreResult<AppendResult> {
        const QString what = u"visitor %1"_s.arg(visitorId);
        if (clientId.size() > MaxClientIdLength)
            return StoreResult<AppendResult>::failure(
                StoreError::Failed,
                u"the client id of a message from %1 is longer than %2 characters"_s.arg(what).arg(MaxClientIdLength));
        // A resend of a message stored before, perhaps in a conversation that
        // has closed since: give back what was stored, do not store it again.
        if (!clientId.isEmpty()) {
            auto duplicate = findDuplicate(s,
                                           u"SELECT "_s + MessageColumns + MessageFrom
                                               + u" JOIN conversations c ON c.id = m.conversation_id"
                                                 " WHERE c.visitor_id = ? AND m.author_key = 'visitor' AND m.client_id = ?"_s,
                                           {visitorId, clientId}, u"look up message %1 of %2"_s.arg(clientId, what));
            if (duplicate)
                return *duplicate;
        }
        const auto visitor = loadVisitor(s, visitorId);
        if (!visitor.ok())
            return StoreResult<AppendResult>::failure(visitor.error, visitor.message);
        if (visitor.value.siteId != siteId)
            return notFound<AppendResult>(u"%1 does not belong to site %2"_s.arg(what).arg(siteId));

        AppendResult result;
        PreparedQuery open;
        if (!s.exec(open,
                    u"SELECT id FROM conversations WHERE visitor_id = ? AND status IN ('waiting', 'active')"
                    " ORDER BY id DESC LIMIT 1"_s,
                    {visitorId}, u"find the open conversation of "_s + what))
            return failed<AppendResult>(s);
        qint64 conversationId = 0;
        if (open.next()) {
            conversationId = open.value(0).toLongLong();
        } else {
            PreparedQuery insert;
            if (!s.exec(insert,
                        u"INSERT INTO conversations (site_id, visitor_id, status, created_at, updated_at)"
                        " VALUES (?, ?, ?, ?, ?)"_s,
                        {siteId, visitorId, toString(ConversationStatus::Waiting), now, now},
                        u"start a conversation for "_s + what))
                return failed<AppendResult>(s);
            conversationId = insertedId(insert);
            result.conversationCreated = true;
        }
        const auto message = insertMessage(s, conversationId, AuthorKind::Visitor, 0, body, clientId, now);
        if (!message.ok())
            return StoreResult<AppendResult>::failure(message.error, message.message);
        result.message = message.value;
        const auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return StoreResult<AppendResult>::failure(conversation.error, conversation.message);
        result.conversation = conversation.value;
        return StoreResult<AppendResult>::success(result);
    });
}

QFuture<StoreResult<AppendResult>> Store::appendAgentMessage(qint64 conversationId, qint64 agentId, const QString &clientId,
                                                             const QString &body, qint64 now)
{
    return submit<AppendResult>(m_worker, [=](SqlSession &s) -> StoreResult<AppendResult> {
        if (clientId.size() > MaxClientIdLength)
            return StoreResult<AppendResult>::failure(
                StoreError::Failed,
                u"the client id of a reply in conversation %1 is longer than %2 characters"_s.arg(conversationId)
                    .arg(MaxClientIdLength));
        const auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return StoreResult<AppendResult>::failure(conversation.error, conversation.message);
        // Idempotency comes before the state check: a resend of a reply stored
        // just before the conversation closed is answered, not refused.
        if (!clientId.isEmpty()) {
            auto duplicate = findDuplicate(
                s,
                u"SELECT "_s + MessageColumns + MessageFrom
                    + u" WHERE m.conversation_id = ? AND m.author_key = ? AND m.client_id = ?"_s,
                {conversationId, authorKey(AuthorKind::Agent, agentId), clientId},
                u"look up message %1 of agent %2 in conversation %3"_s.arg(clientId).arg(agentId).arg(conversationId));
            if (duplicate)
                return *duplicate;
        }
        if (conversation.value.status == ConversationStatus::Closed)
            return conflict<AppendResult>(u"conversation %1 is closed"_s.arg(conversationId));
        const auto agent = exists(s, u"SELECT 1 FROM agents WHERE id = ?"_s, {agentId}, u"look up agent %1"_s.arg(agentId));
        if (!agent)
            return failed<AppendResult>(s);
        if (!*agent)
            return notFound<AppendResult>(u"agent %1 does not exist"_s.arg(agentId));
        const auto message = insertMessage(s, conversationId, AuthorKind::Agent, agentId, body, clientId, now);
        if (!message.ok())
            return StoreResult<AppendResult>::failure(message.error, message.message);
        AppendResult result;
        result.message = message.value;
        const auto updated = loadConversation(s, conversationId);
        if (!updated.ok())
            return StoreResult<AppendResult>::failure(updated.error, updated.message);
        result.conversation = updated.value;
        return StoreResult<AppendResult>::success(result);
    });
}

QFuture<StoreResult<ConversationChange>> Store::assignConversation(qint64 conversationId, qint64 agentId, bool allowReassign,
                                                                   const QString &systemBody, qint64 now)
{
    return submit<ConversationChange>(m_worker, [=](SqlSession &s) -> StoreResult<ConversationChange> {
        const auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return StoreResult<ConversationChange>::failure(conversation.error, conversation.message);
        const ConversationRecord &c = conversation.value;
        if (c.status == ConversationStatus::Closed)
            return conflict<ConversationChange>(u"conversation %1 is closed"_s.arg(conversationId));
        if (c.assignedAgentId != 0 && c.assignedAgentId != agentId && !allowReassign)
            return conflict<ConversationChange>(
                u"conversation %1 is already assigned to agent %2"_s.arg(conversationId).arg(c.assignedAgentId));
        // Accepting twice (a double click, a resent command) changes nothing and adds no second line.
        if (c.assignedAgentId == agentId && c.status == ConversationStatus::Active)
            return StoreResult<ConversationChange>::success(ConversationChange{c, MessageRecord{}});
        const auto agent = exists(s, u"SELECT 1 FROM agents WHERE id = ?"_s, {agentId}, u"look up agent %1"_s.arg(agentId));
        if (!agent)
            return failed<ConversationChange>(s);
        if (!*agent)
            return notFound<ConversationChange>(u"agent %1 does not exist"_s.arg(agentId));
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE conversations SET status = ?, assigned_agent_id = ?, updated_at = ? WHERE id = ?"_s,
                    {toString(ConversationStatus::Active), agentId, now, conversationId},
                    u"assign conversation %1 to agent %2"_s.arg(conversationId).arg(agentId)))
            return failed<ConversationChange>(s);
        return changeWithSystemLine(s, conversationId, systemBody, now);
    });
}

QFuture<StoreResult<ConversationChange>> Store::closeConversation(qint64 conversationId, const QString &systemBody, qint64 now)
{
    return submit<ConversationChange>(m_worker, [=](SqlSession &s) -> StoreResult<ConversationChange> {
        const auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return StoreResult<ConversationChange>::failure(conversation.error, conversation.message);
        if (conversation.value.status == ConversationStatus::Closed)
            return conflict<ConversationChange>(u"conversation %1 is already closed"_s.arg(conversationId));
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE conversations SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?"_s,
                    {toString(ConversationStatus::Closed), now, now, conversationId},
                    u"close conversation %1"_s.arg(conversationId)))
            return failed<ConversationChange>(s);
        return changeWithSystemLine(s, conversationId, systemBody, now);
    });
}

QFuture<StoreResult<ConversationRecord>> Store::conversationById(qint64 conversationId)
{
    return submit<ConversationRecord>(m_worker, [conversationId](SqlSession &s) { return loadConversation(s, conversationId); });
}

QFuture<StoreResult<std::optional<ConversationRecord>>> Store::latestConversationForVisitor(const QString &visitorId)
{
    using Result = StoreResult<std::optional<ConversationRecord>>;
    return submit<std::optional<ConversationRecord>>(m_worker, [visitorId](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + ConversationColumns + ConversationFrom
                        + u" WHERE c.visitor_id = ? ORDER BY c.id DESC LIMIT 1"_s,
                    {visitorId}, u"read the latest conversation of visitor %1"_s.arg(visitorId)))
            return failed<std::optional<ConversationRecord>>(s);
        if (!q.next())
            return Result::success(std::nullopt);
        return Result::success(readConversation(q));
    });
}

QFuture<StoreResult<QList<ConversationRecord>>> Store::conversationsForVisitor(const QString &visitorId)
{
    using Result = StoreResult<QList<ConversationRecord>>;
    return submit<QList<ConversationRecord>>(m_worker, [visitorId](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + ConversationColumns + ConversationFrom + u" WHERE c.visitor_id = ? ORDER BY c.id DESC"_s,
                    {visitorId}, u"read the conversations of visitor %1"_s.arg(visitorId)))
            return failed<QList<ConversationRecord>>(s);
        QList<ConversationRecord> conversations;
        while (q.next())
            conversations.append(readConversation(q));
        return Result::success(conversations);
    });
}

QFuture<StoreResult<QList<MessageRecord>>> Store::messagesAfter(qint64 conversationId, qint64 afterId, int limit)
{
    return submit<QList<MessageRecord>>(m_worker, [=](SqlSession &s) {
        return readConversationMessages(s, conversationId, u" AND m.id > ? ORDER BY m.id LIMIT ?"_s,
                                        {afterId, std::max(limit, 0)}, false);
    });
}

QFuture<StoreResult<QList<MessageRecord>>> Store::messagesBefore(qint64 conversationId, qint64 beforeId, int limit)
{
    // The newest `limit` below the mark, fetched newest first and turned around.
    const qint64 upper = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    return submit<QList<MessageRecord>>(m_worker, [=](SqlSession &s) {
        return readConversationMessages(s, conversationId, u" AND m.id < ? ORDER BY m.id DESC LIMIT ?"_s,
                                        {upper, std::max(limit, 0)}, true);
    });
}

QFuture<StoreResult<QList<ConversationSummary>>> Store::openConversations()
{
    using Result = StoreResult<QList<ConversationSummary>>;
    return submit<QList<ConversationSummary>>(m_worker, [](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q, SummarySelect + u" WHERE c.status IN ('waiting', 'active') ORDER BY c.id"_s, {},
                    u"read the open conversations"_s))
            return failed<QList<ConversationSummary>>(s);
        QList<ConversationSummary> summaries;
        while (q.next())
            summaries.append(readSummary(q));
        return Result::success(summaries);
    });
}

QFuture<StoreResult<QList<ConversationSummary>>> Store::searchClosedConversations(const QString &text, int limit)
{
    using Result = StoreResult<QList<ConversationSummary>>;
    return submit<QList<ConversationSummary>>(m_worker, [text, limit](SqlSession &s) -> Result {
        PreparedQuery q;
        const QString order = u" ORDER BY c.closed_at DESC, c.id DESC LIMIT ?"_s;
        bool ok = false;
        if (text.isEmpty()) {
            ok = s.exec(q, SummarySelect + u" WHERE c.status = 'closed'"_s + order, {std::max(limit, 0)},
                        u"list closed conversations"_s);
        } else {
            const QString pattern = likePattern(text);
            ok = s.exec(q,
                        SummarySelect
                            + u" WHERE c.status = 'closed' AND ("
                              " EXISTS (SELECT 1 FROM messages sm WHERE sm.conversation_id = c.id"
                              "   AND LOWER(sm.body) LIKE ? ESCAPE '!')"
                              " OR LOWER(v.name) LIKE ? ESCAPE '!'"
                              " OR LOWER(v.email) LIKE ? ESCAPE '!')"_s
                            + order,
                        {pattern, pattern, pattern, std::max(limit, 0)}, u"search closed conversations for \"%1\""_s.arg(text));
        }
        if (!ok)
            return failed<QList<ConversationSummary>>(s);
        QList<ConversationSummary> summaries;
        while (q.next())
            summaries.append(readSummary(q));
        return Result::success(summaries);
    });
}

QFuture<StoreResult<ConversationRecord>> Store::markRead(qint64 conversationId, AuthorKind reader, qint64 messageId)
{
    return submit<ConversationRecord>(m_worker, [=](SqlSession &s) -> StoreResult<ConversationRecord> {
        auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return conversation;
        // A mark past the conversation's messages would hide every later one as read.
        const auto known = exists(s, u"SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?"_s,
                                  {messageId, conversationId}, u"look up message %1"_s.arg(messageId));
        if (!known)
            return failed<ConversationRecord>(s);
        if (!*known)
            return notFound<ConversationRecord>(u"message %1 is not in conversation %2"_s.arg(messageId).arg(conversationId));
        // Two fixed statements rather than a column name spliced into one.
        QString sql;
        switch (reader) {
        case AuthorKind::Visitor:
            sql = u"UPDATE conversations SET visitor_read_up_to = ? WHERE id = ? AND visitor_read_up_to < ?"_s;
            break;
        case AuthorKind::Agent:
            sql = u"UPDATE conversations SET agent_read_up_to = ? WHERE id = ? AND agent_read_up_to < ?"_s;
            break;
        case AuthorKind::System:
            return StoreResult<ConversationRecord>::failure(StoreError::Failed, u"the system has no read mark to set"_s);
        }
        PreparedQuery q;
        if (!s.exec(q, sql, {messageId, conversationId, messageId},
                    u"mark conversation %1 read up to message %2"_s.arg(conversationId).arg(messageId)))
            return failed<ConversationRecord>(s);
        return loadConversation(s, conversationId);
    });
}

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

bool insertAudit(SqlSession &s, const AuditEntry &entry)
{
    PreparedQuery q;
    return s.exec(q, u"INSERT INTO audit_log (at, agent_id, agent_email, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)"_s,
                  {nowOr(entry.at), nullableId(entry.agentId), entry.agentEmail, entry.action, entry.target, entry.detail},
                  u"write the audit entry for "_s + entry.action);
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

QFuture<StoreResult<VisitorExport>> Store::exportVisitor(const QString &visitorId, const AuditEntry &audit)
{
    using Result = StoreResult<VisitorExport>;
    return submit<VisitorExport>(m_worker, [visitorId, audit](SqlSession &s) -> Result {
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

QFuture<StoreResult<VisitorErasure>> Store::eraseVisitor(const QString &visitorId, const AuditEntry &audit)
{
    using Result = StoreResult<VisitorErasure>;
    return submit<VisitorErasure>(m_worker, [visitorId, audit](SqlSession &s) -> Result {
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

QFuture<StoreResult<BanRecord>> Store::createBan(const BanRecord &ban, const AuditEntry &audit)
{
    return submit<BanRecord>(m_worker, [ban, audit](SqlSession &s) -> StoreResult<BanRecord> {
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

QFuture<StoreResult<BanRecord>> Store::deleteBan(qint64 banId, const AuditEntry &audit)
{
    return submit<BanRecord>(m_worker, [banId, audit](SqlSession &s) -> StoreResult<BanRecord> {
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

QFuture<StoreResult<QList<BanRecord>>> Store::listBans()
{
    return submit<QList<BanRecord>>(m_worker, [](SqlSession &s) -> StoreResult<QList<BanRecord>> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + BanColumns + u" FROM bans b ORDER BY b.id DESC"_s, {}, u"list the bans"_s))
            return failed<QList<BanRecord>>(s);
        QList<BanRecord> bans;
        while (q.next())
            bans.append(readBan(q));
        return StoreResult<QList<BanRecord>>::success(bans);
    });
}

QFuture<StoreResult<Done>> Store::appendAudit(const AuditEntry &entry)
{
    return submit<Done>(m_worker, [entry](SqlSession &s) -> StoreResult<Done> {
        if (!insertAudit(s, entry))
            return failed<Done>(s);
        return StoreResult<Done>::success({});
    });
}

QFuture<StoreResult<QList<AuditEntry>>> Store::listAudit(qint64 beforeId, int limit)
{
    const qint64 upper = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    return submit<QList<AuditEntry>>(m_worker, [upper, limit](SqlSession &s) -> StoreResult<QList<AuditEntry>> {
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
