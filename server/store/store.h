#pragma once

#include "core/records.h"
#include "core/storeresult.h"
#include "databaseconfig.h"

#include "store/commitlatency.h"

#include <QFuture>
#include <QObject>
#include <optional>

namespace Frontdesk {

class DatabaseWorker;

/// @brief Frontdesk's storage: one interface over SQLite and MariaDB.
///
/// Every call is queued to one writer thread that owns the database connection
/// and answers through a QFuture, so no caller (network or GUI thread) ever
/// waits on the database. The writer runs whatever is queued in one
/// transaction and commits once (group commit): a burst of messages costs one
/// fsync, not one each. A future resolves only after its transaction committed,
/// so a resolved append is durable.
///
/// A call may also fail without reaching the database: Failed while the
/// database does not answer (see isDatabaseAvailable()), Busy when too many
/// calls are already waiting (StoreLimits::maxQueuedJobs).
///
/// Continue on the caller's thread with `future.then(contextObject, ...)`.
///
/// The jobs are written one file per aggregate: store.cpp (opening, sites),
/// storeagents.cpp (agents, sessions, tokens), storevisitors.cpp (visitors,
/// page views, retention), storeconversations.cpp (conversations, messages,
/// read marks, ratings, search), storecanned.cpp, storevisitordata.cpp
/// (export, erasure, bans, the audit log); storerows.h has the row readers
/// and SQL helpers they share.
class Store : public QObject
{
    Q_OBJECT

public:
    explicit Store(QObject *parent = nullptr);
    ~Store() override;

    /// Opens the database, applies pending schema migrations and starts the
    /// writer thread. Resolves with the schema version now in force.
    QFuture<StoreResult<int>> open(const DatabaseConfig &config);
    /// Finishes every queued call (committing it), then closes the connection.
    /// Blocks; for shutdown only.
    void close();

    /// The schema version this build migrates to.
    [[nodiscard]] static int latestSchemaVersion();

    /// Transactions committed by the writer so far. Far below the number of
    /// calls under load (group commit); for tests and health reports.
    [[nodiscard]] qint64 commitCount() const;

    /// Whether the database is open and answering. While it is not, every call
    /// fails at once with StoreError::Failed and the writer reconnects by
    /// itself; for /healthz. Any thread.
    [[nodiscard]] bool isDatabaseAvailable() const;

    // Sites
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

    // Agents and their login tokens (tokens are stored only as SHA-256 hashes)
    QFuture<StoreResult<AgentRecord>> createAgent(const AgentRecord &agent);
    QFuture<StoreResult<AgentRecord>> agentByEmail(const QString &email);
    QFuture<StoreResult<AgentRecord>> agentById(qint64 agentId);
    QFuture<StoreResult<QList<AgentRecord>>> listAgents();
    /// Sets the password and ends every session of the agent but @p keepSessionId
    /// (the one that changed its own password), in one transaction. Resolves
    /// with the ids of the sessions it ended.
    QFuture<StoreResult<QStringList>> setAgentPassword(qint64 agentId, const QByteArray &passwordHash,
                                                       const QString &keepSessionId = {});
    /// Disabling ends every session (their ids are the answer); a disabled agent cannot log in.
    QFuture<StoreResult<QStringList>> setAgentDisabled(qint64 agentId, bool disabled);
    /// Deletes the agent and its sessions (their ids are the answer).
    QFuture<StoreResult<QStringList>> deleteAgent(qint64 agentId);
    /// Stores a new session; NotFound when the agent does not exist or is disabled.
    QFuture<StoreResult<Done>> createAgentToken(const LoginSession &session, const QByteArray &tokenHash);
    /// NotFound when the token is unknown, expired at @p now, or its agent disabled.
    /// Notes @p now as the session's last use.
    QFuture<StoreResult<AgentAuthentication>> agentByTokenHash(const QByteArray &tokenHash, qint64 now);
    /// Ends the session of that token (logout); NotFound when no such token is stored.
    QFuture<StoreResult<LoginSession>> deleteAgentToken(const QByteArray &tokenHash);
    /// The agent's unexpired sessions, most recently used first.
    QFuture<StoreResult<QList<LoginSession>>> agentSessions(qint64 agentId, qint64 now);
    /// NotFound unless @p sessionId is one of @p agentId's sessions.
    QFuture<StoreResult<Done>> deleteAgentSession(qint64 agentId, const QString &sessionId);

    /// Retention: deletes visitors who never wrote and were last seen before
    /// @p quietVisitorsSeenBefore (0: none), and each site's closed
    /// conversations older than its closedRetentionDays.
    QFuture<StoreResult<PurgeReport>> purge(qint64 quietVisitorsSeenBefore, qint64 now);

    // Visitors (the session token is stored only as a SHA-256 hash)
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

    // Conversations and messages
    /// Stores a visitor's message in the visitor's open conversation, creating a
    /// waiting conversation when none is open. Idempotent on (visitor, clientId)
    /// among the visitor's own messages:
    /// a client id seen before gives back the stored row with duplicate = true.
    QFuture<StoreResult<AppendResult>> appendVisitorMessage(qint64 siteId, const QString &visitorId, const QString &clientId,
                                                            const QString &body, qint64 now);
    /// Stores an agent's reply. Idempotent on (conversation, agent, clientId):
    /// client ids are unique per author, so another author's id is no resend.
    /// NotFound for an unknown conversation, Conflict when it is closed.
    QFuture<StoreResult<AppendResult>> appendAgentMessage(qint64 conversationId, qint64 agentId, const QString &clientId,
                                                          const QString &body, qint64 now);
    /// Assigns the conversation to @p agentId and makes it active, adding the
    /// system line @p systemBody. Conflict when it is closed, or assigned to
    /// another agent and @p allowReassign is false. Already active with this
    /// agent: nothing changes and systemMessage.id is 0.
    QFuture<StoreResult<ConversationChange>> assignConversation(qint64 conversationId, qint64 agentId, bool allowReassign,
                                                                const QString &systemBody, qint64 now);
    /// Closes the conversation with the system line @p systemBody. Conflict when already closed.
    QFuture<StoreResult<ConversationChange>> closeConversation(qint64 conversationId, const QString &systemBody, qint64 now);
    QFuture<StoreResult<ConversationRecord>> conversationById(qint64 conversationId);
    /// The visitor's most recent conversation of any status, if there is one.
    QFuture<StoreResult<std::optional<ConversationRecord>>> latestConversationForVisitor(const QString &visitorId);
    /// Every conversation of the visitor, newest first.
    QFuture<StoreResult<QList<ConversationRecord>>> conversationsForVisitor(const QString &visitorId);
    /// Messages with id > @p afterId, oldest first, at most @p limit.
    QFuture<StoreResult<QList<MessageRecord>>> messagesAfter(qint64 conversationId, qint64 afterId, int limit);
    /// Messages with id < @p beforeId (all when 0), the newest @p limit of them, oldest first.
    QFuture<StoreResult<QList<MessageRecord>>> messagesBefore(qint64 conversationId, qint64 beforeId, int limit);
    /// Waiting and active conversations, oldest first, with visitor and last message.
    QFuture<StoreResult<QList<ConversationSummary>>> openConversations();
    /// Closed conversations whose messages contain @p text or whose visitor's
    /// name or email contains it (empty text: all), newest first; of @p siteId
    /// only, or of every site when it is 0.
    QFuture<StoreResult<QList<ConversationSummary>>> searchClosedConversations(const QString &text, int limit, qint64 siteId = 0);
    // Canned responses (shared by the team)
    QFuture<StoreResult<QList<CannedResponse>>> listCannedResponses();
    /// Inserts (id 0) or updates the response. Conflict when the shortcut is taken; NotFound for an unknown id.
    QFuture<StoreResult<CannedResponse>> saveCannedResponse(const CannedResponse &response);
    QFuture<StoreResult<Done>> deleteCannedResponse(qint64 id);

    /// Stores the visitor's 1-5 rating (again: replaces it). Conflict unless the conversation is closed.
    QFuture<StoreResult<ConversationRecord>> rateConversation(qint64 conversationId, int rating, const QString &comment);
    /// Raises the reader's read mark (never lowers it). NotFound when the
    /// message is not in the conversation.
    QFuture<StoreResult<ConversationRecord>> markRead(qint64 conversationId, AuthorKind reader, qint64 messageId);

    // Visitor data (admins), bans and the audit log
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
    QFuture<StoreResult<Done>> appendAudit(const AuditEntry &entry);
    /// Entries with id < @p beforeId (all when 0), newest first, at most @p limit.
    QFuture<StoreResult<QList<AuditEntry>>> listAudit(qint64 beforeId, int limit);

    /// How long the writer's transactions take (metrics); empty before open().
    [[nodiscard]] CommitLatency::Snapshot commitLatency() const;

Q_SIGNALS:
    /// The connection failed after open(); the server keeps running and reports it.
    void databaseError(const QString &message);

private:
    DatabaseWorker *m_worker = nullptr;
};

} // namespace Frontdesk
