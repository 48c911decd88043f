#pragma once

#include "commitlatency.h"

#include "core/storeresult.h"
#include "databaseconfig.h"
#include "sqldialect.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QPromise>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

class QSqlDatabase;

namespace Frontdesk {

class DatabaseJob;
class SqlSession;

/// @brief The store's writer thread: owns the one database connection and
/// runs queued jobs in group-committed batches.
///
/// Everything queued while a batch runs becomes the next batch: one
/// transaction, one savepoint per job (so a refused job undoes only itself),
/// one COMMIT, and only then are the jobs' futures resolved. Under load a
/// commit (an fsync) is shared by hundreds of calls; when idle a call waits
/// for its own commit and nothing else.
///
/// When a batch fails and the connection no longer answers, the database is
/// "down": everything queued and every new call fails at once (Failed) instead
/// of each waiting out its own timeout, while the worker alone tries to
/// reconnect, with backoff. The first reconnect that works ends it. The queue
/// is bounded (StoreLimits::maxQueuedJobs): past it a call is refused with Busy.
/// Every job is answered exactly once, whatever happens.
class DatabaseWorker : public QThread
{
    Q_OBJECT

public:
    /// At most this many jobs share a transaction, so one batch cannot hold the
    /// write lock (and its callers' answers) for long.
    static constexpr int MaxBatchSize = 500;

    DatabaseWorker(const DatabaseConfig &config, QObject *parent = nullptr);
    ~DatabaseWorker() override;

    /// Resolves once the connection is open and migrated, with the schema version.
    [[nodiscard]] QFuture<StoreResult<int>> openFuture();

    /// Queues @p job, or answers it at once: Failed when the worker takes no
    /// more work (closed, the database could not be opened, or it is down),
    /// Busy when the queue is full.
    void enqueue(std::unique_ptr<DatabaseJob> job);

    /// Runs what is queued, commits it, closes the connection and ends the thread.
    void stop();

    /// Holds queued jobs back until resume(), so tests can put several calls
    /// into one batch. stop() still drains a suspended worker.
    void suspend();
    void resume();

    /// Committed batches so far; far below the number of calls under load.
    [[nodiscard]] qint64 commitCount() const { return m_commits.load(); }
    /// BEGIN to COMMIT of every committed batch.
    [[nodiscard]] CommitLatency::Snapshot commitLatency() const { return m_commitLatency.snapshot(); }

    /// Whether the database is open and answered last time; false before it is
    /// open, while it is down and after stop(). Any thread.
    [[nodiscard]] bool isDatabaseAvailable() const { return m_available.load(); }

Q_SIGNALS:
    /// The connection failed after it had been opened (BEGIN or COMMIT refused),
    /// or the database stopped answering.
    void databaseError(const QString &message);

protected:
    void run() override;

private:
    enum class Next { Batch, IdleCheck, Reconnect, Stop };

    bool openConnection(QSqlDatabase &db, QString *error);
    bool openSqlite(QSqlDatabase &db, QString *error);
    bool openMariaDb(QSqlDatabase &db, QString *error);
    bool reopen(SqlSession &session, QString *error);
    void serve(SqlSession &session);
    Next waitForWork(std::deque<std::unique_ptr<DatabaseJob>> &batch);
    /// false when the batch failed as a whole (not a job refusing itself).
    bool runBatch(SqlSession &session, std::deque<std::unique_ptr<DatabaseJob>> &batch);
    bool begin(SqlSession &session, QString *error);
    bool stillAnswers(SqlSession &session, QString *error);
    void markDown(const QString &error);
    void reconnect(SqlSession &session);
    static void failAll(std::deque<std::unique_ptr<DatabaseJob>> &jobs, StoreError error, const QString &message);

    const DatabaseConfig m_config;
    const SqlDialect m_dialect;
    const QString m_connectionName;
    QPromise<StoreResult<int>> m_openPromise;

    // The standard library's mutex and condition variable, not QMutex and
    // QWaitCondition: they sit on pthreads, which ThreadSanitizer sees; Qt's
    // wait unlocks inside libQt6Core, which is not built with it, so every
    // enqueue after a wait looked like a double lock.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::unique_ptr<DatabaseJob>> m_queue; // guarded by m_mutex
    bool m_accepting = true; // guarded by m_mutex
    bool m_stopping = false; // guarded by m_mutex
    bool m_suspended = false; // guarded by m_mutex
    bool m_down = false; // guarded by m_mutex
    QString m_downReason; // guarded by m_mutex

    // The writer thread's own: when the next reconnect is due, and since when
    // the database has been down.
    int m_reconnectDelayMs = 0;
    QElapsedTimer m_downSince;

    std::atomic<qint64> m_commits{0};
    CommitLatency m_commitLatency;
    std::atomic<bool> m_available{false};
};

} // namespace Frontdesk
