#pragma once

#include "agentstore.h"
#include "auditlogstore.h"
#include "cannedresponsestore.h"
#include "conversationstore.h"
#include "core/storeresult.h"
#include "databaseconfig.h"
#include "mailoutboxstore.h"
#include "sitestore.h"
#include "visitordatastore.h"
#include "visitorstore.h"
#include "webhookstore.h"
#include "writerqueue.h"

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
/// The calls are split by aggregate into parts, each a class of its own:
/// sites(), agents() (with their sessions and tokens), visitors() (with page
/// views), conversations() (messages, read marks, ratings, search),
/// cannedResponses(), visitorData() (export, erasure, retention, bans) and
/// auditLog(), mailOutbox() and webhooks() (endpoints, the integrations'
/// journal, deliveries). All of them queue on the one writer thread through the
/// WriterQueue, so a batch still mixes jobs of every part in one transaction.
/// The Store itself opens and closes the database and reports on it;
/// storerows.h has the row readers and SQL helpers the parts share.
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

    // The parts, one per aggregate. Each service is given only the parts it
    // works on; they share this store's writer thread and its transactions.
    [[nodiscard]] SiteStore &sites() { return m_sites; }
    [[nodiscard]] AgentStore &agents() { return m_agents; }
    [[nodiscard]] VisitorStore &visitors() { return m_visitors; }
    [[nodiscard]] ConversationStore &conversations() { return m_conversations; }
    [[nodiscard]] CannedResponseStore &cannedResponses() { return m_cannedResponses; }
    [[nodiscard]] VisitorDataStore &visitorData() { return m_visitorData; }
    [[nodiscard]] AuditLogStore &auditLog() { return m_auditLog; }
    [[nodiscard]] MailOutboxStore &mailOutbox() { return m_mailOutbox; }
    [[nodiscard]] WebhookStore &webhooks() { return m_webhooks; }

    /// How long the writer's transactions take (metrics); empty before open().
    [[nodiscard]] CommitLatency::Snapshot commitLatency() const;

Q_SIGNALS:
    /// The connection failed after open(); the server keeps running and reports it.
    void databaseError(const QString &message);

private:
    DatabaseWorker *m_worker = nullptr;
    WriterQueue m_writer; // before the parts, which keep a reference to it
    SiteStore m_sites;
    AgentStore m_agents;
    VisitorStore m_visitors;
    ConversationStore m_conversations;
    CannedResponseStore m_cannedResponses;
    VisitorDataStore m_visitorData;
    AuditLogStore m_auditLog;
    MailOutboxStore m_mailOutbox;
    WebhookStore m_webhooks;
};

} // namespace Frontdesk
