#include "databaseworker.h"

#include "databasejob.h"
#include "migrations.h"
#include "sqliteunicode.h"
#include "sqlsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "frontdesk.store")

namespace Frontdesk {

namespace {

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return u"frontdesk-store-%1"_s.arg(++counter);
}

// Transaction control is the same SQL in both dialects except BEGIN: SQLite
// takes the write lock up front (IMMEDIATE) so a batch never fails halfway
// because another connection (a reader, the sqlite3 shell) upgraded first.
QString beginStatement(SqlDialect dialect)
{
    return dialect == SqlDialect::Sqlite ? u"BEGIN IMMEDIATE"_s : u"START TRANSACTION"_s;
}

bool execPlain(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = query.lastError().text();
    return false;
}

} // namespace

DatabaseWorker::DatabaseWorker(const DatabaseConfig &config, QObject *parent)
    : QThread(parent)
    , m_config(config)
    , m_dialect(config.kind == DatabaseConfig::Kind::Sqlite ? SqlDialect::Sqlite : SqlDialect::MariaDb)
    , m_connectionName(nextConnectionName())
{
    setObjectName(u"frontdesk-store-writer"_s);
    m_openPromise.start();
}

DatabaseWorker::~DatabaseWorker()
{
    stop();
}

QFuture<StoreResult<int>> DatabaseWorker::openFuture()
{
    return m_openPromise.future();
}

void DatabaseWorker::enqueue(std::unique_ptr<DatabaseJob> job)
{
    StoreError refusal = StoreError::Failed;
    QString why;
    {
        std::unique_lock locker(m_mutex);
        const int limit = m_config.limits.maxQueuedJobs;
        if (!m_accepting) {
            why = u"the store is closed"_s;
        } else if (m_down) {
            why = u"the database %1 is unavailable (%2); nothing was stored"_s.arg(m_config.displayUrl(), m_downReason);
        } else if (limit > 0 && m_queue.size() >= size_t(limit)) {
            refusal = StoreError::Busy;
            why = u"%1 calls are already waiting for the database; nothing was stored"_s.arg(m_queue.size());
        } else {
            m_queue.push_back(std::move(job));
            m_wake.notify_one();
            return;
        }
    }
    // Answered outside the lock: a continuation may run right here.
    job->fail(refusal, why);
}

void DatabaseWorker::stop()
{
    {
        std::unique_lock locker(m_mutex);
        m_accepting = false;
        m_stopping = true;
        m_wake.notify_one();
    }
    if (isRunning())
        wait();
    m_available = false;
    // Never started: nothing ran, but nobody may be left waiting.
    std::deque<std::unique_ptr<DatabaseJob>> leftover;
    {
        std::unique_lock locker(m_mutex);
        leftover.swap(m_queue);
    }
    failAll(leftover, StoreError::Failed, u"the store was closed before this call ran"_s);
}

void DatabaseWorker::suspend()
{
    std::unique_lock locker(m_mutex);
    m_suspended = true;
}

void DatabaseWorker::resume()
{
    std::unique_lock locker(m_mutex);
    m_suspended = false;
    m_wake.notify_one();
}

void DatabaseWorker::run()
{
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(m_dialect == SqlDialect::Sqlite ? u"QSQLITE"_s : u"QMARIADB"_s, m_connectionName);
        QString error;
        int version = 0;
        bool ok = openConnection(db, &error);
        if (ok) {
            ok = Migrations::apply(db, m_dialect, Migrations::latestVersion(), &version, &error);
            if (!ok)
                error = u"Could not migrate %1: %2"_s.arg(m_config.displayUrl(), error);
        }

        if (!ok) {
            std::deque<std::unique_ptr<DatabaseJob>> refused;
            {
                std::unique_lock locker(m_mutex);
                m_accepting = false;
                refused.swap(m_queue);
            }
            failAll(refused, StoreError::Failed, u"the database is not open: "_s + error);
            m_openPromise.addResult(StoreResult<int>::failure(StoreError::Failed, error));
            m_openPromise.finish();
        } else {
            m_available = true;
            m_openPromise.addResult(StoreResult<int>::success(version));
            m_openPromise.finish();

            SqlSession session(db, m_dialect);
            serve(session);
            session.forgetPreparedStatements();
        }
        m_available = false;
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

void DatabaseWorker::serve(SqlSession &session)
{
    for (;;) {
        std::deque<std::unique_ptr<DatabaseJob>> batch;
        switch (waitForWork(batch)) {
        case Next::Stop:
            return; // everything accepted has been committed (or answered)
        case Next::Reconnect:
            reconnect(session);
            break;
        case Next::IdleCheck: {
            QString error;
            if (!stillAnswers(session, &error))
                markDown(error);
            break;
        }
        case Next::Batch:
            if (!runBatch(session, batch)) {
                // A job refusing itself is normal; a whole batch failing is
                // the connection or the database. If it does not answer a
                // trivial query either, stop making every caller wait for it.
                QString error;
                if (!stillAnswers(session, &error))
                    markDown(error);
            }
            break;
        }
    }
}

DatabaseWorker::Next DatabaseWorker::waitForWork(std::deque<std::unique_ptr<DatabaseJob>> &batch)
{
    std::unique_lock locker(m_mutex);
    if (m_down) {
        // Nothing is queued while down (enqueue refuses); wait out the backoff
        // unless stop() comes first.
        m_wake.wait_for(locker, std::chrono::milliseconds(m_reconnectDelayMs), [this] { return m_stopping; });
        return m_stopping ? Next::Stop : Next::Reconnect;
    }
    const auto idle = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_config.limits.idleCheckIntervalMs);
    if (!m_wake.wait_until(locker, idle, [this] { return m_stopping || (!m_queue.empty() && !m_suspended); }))
        return Next::IdleCheck;
    if (m_queue.empty())
        return Next::Stop;
    while (!m_queue.empty() && batch.size() < size_t(MaxBatchSize)) {
        batch.push_back(std::move(m_queue.front()));
        m_queue.pop_front();
    }
    return Next::Batch;
}

bool DatabaseWorker::stillAnswers(SqlSession &session, QString *error)
{
    // Only the connection at hand: after a timeout the client has closed it
    // and this fails at once. A reconnect could wait as long again, and is
    // the backoff's job (its first attempt comes within a fraction of a second).
    return execPlain(session.database(), u"SELECT 1"_s, error);
}

bool DatabaseWorker::reopen(SqlSession &session, QString *error)
{
    QSqlDatabase &db = session.database();
    session.forgetPreparedStatements(); // they belong to the old connection
    db.close();
    return openConnection(db, error);
}

void DatabaseWorker::markDown(const QString &error)
{
    std::deque<std::unique_ptr<DatabaseJob>> refused;
    {
        std::unique_lock locker(m_mutex);
        m_down = true;
        m_downReason = error;
        refused.swap(m_queue);
    }
    m_available = false;
    m_downSince.start();
    m_reconnectDelayMs = m_config.limits.reconnectInitialDelayMs;
    const size_t failed = refused.size();
    failAll(refused, StoreError::Failed,
            u"the database %1 is unavailable (%2); nothing was stored"_s.arg(m_config.displayUrl(), error));
    Q_EMIT databaseError(u"%1 does not answer (%2): failed %3 queued calls, and fail all new ones at once until a "
                         "reconnect works"_s.arg(m_config.displayUrl(), error)
                             .arg(failed));
}

void DatabaseWorker::reconnect(SqlSession &session)
{
    QString error;
    QElapsedTimer attempt;
    attempt.start();
    if (reopen(session, &error)) {
        {
            std::unique_lock locker(m_mutex);
            m_down = false;
            m_downReason.clear();
        }
        m_available = true;
        qCInfo(lcStore).noquote() << u"The database %1 answers again after %2 s; calls are accepted again."_s.arg(
            m_config.displayUrl(), QString::number(m_downSince.elapsed() / 1000.0, 'f', 1));
        return;
    }
    qCDebug(lcStore).noquote()
        << u"Reconnecting to %1 failed after %2 ms: %3"_s.arg(m_config.displayUrl()).arg(attempt.elapsed()).arg(error);
    {
        std::unique_lock locker(m_mutex);
        m_downReason = error;
    }
    m_reconnectDelayMs = std::min(2 * m_reconnectDelayMs, m_config.limits.reconnectMaxDelayMs);
}

bool DatabaseWorker::openConnection(QSqlDatabase &db, QString *error)
{
    if (!db.isValid()) {
        *error = u"The Qt SQL driver for %1 is not installed."_s.arg(m_config.displayUrl());
        return false;
    }
    return m_dialect == SqlDialect::Sqlite ? openSqlite(db, error) : openMariaDb(db, error);
}

bool DatabaseWorker::openSqlite(QSqlDatabase &db, QString *error)
{
    const QFileInfo file(m_config.sqlitePath);
    if (!QDir().mkpath(file.absolutePath())) {
        *error = u"Could not create the folder %1 for the database."_s.arg(file.absolutePath());
        return false;
    }
    db.setDatabaseName(file.absoluteFilePath());
    // Wait for another connection's lock rather than failing at once.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        *error = u"Could not open %1: %2"_s.arg(m_config.displayUrl(), db.lastError().text());
        return false;
    }
    QSqlQuery wal(db);
    if (!wal.exec(u"PRAGMA journal_mode=WAL"_s) || !wal.next()
        || wal.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
        *error = u"Could not switch %1 to write-ahead logging: %2"_s.arg(m_config.displayUrl(), wal.lastError().text());
        return false;
    }
    wal.finish();
    // FULL: a commit acknowledged to a visitor must survive a power cut; the
    // group commit is what keeps that affordable. Foreign keys are off by
    // default in SQLite and must be switched on per connection.
    const QStringList pragmas{u"PRAGMA synchronous=FULL"_s, u"PRAGMA foreign_keys=ON"_s, u"PRAGMA busy_timeout=5000"_s};
    for (const QString &pragma : pragmas) {
        QString why;
        if (!execPlain(db, pragma, &why)) {
            *error = u"Could not set %1 on %2: %3"_s.arg(pragma, m_config.displayUrl(), why);
            return false;
        }
    }
    QString why;
    if (!installUnicodeLower(db, &why)) {
        *error = u"Could not install the Unicode lower() on %1: %2"_s.arg(m_config.displayUrl(), why);
        return false;
    }
    return true;
}

bool DatabaseWorker::openMariaDb(QSqlDatabase &db, QString *error)
{
    db.setHostName(m_config.host);
    db.setPort(m_config.port);
    db.setUserName(m_config.user);
    db.setPassword(m_config.password);
    // CLIENT_FOUND_ROWS: an UPDATE reports the rows it matched, as SQLite does,
    // not only the rows whose values changed.
    // The read and write timeouts are what make a frozen server or a network
    // black hole fail a call instead of hanging it (Qt's QMARIADB driver
    // passes them to mysql_options; there is no default).
    const StoreLimits &limits = m_config.limits;
    QString options = u"MYSQL_OPT_CONNECT_TIMEOUT=%1;MYSQL_OPT_READ_TIMEOUT=%2;MYSQL_OPT_WRITE_TIMEOUT=%3;CLIENT_FOUND_ROWS=1"_s
                          .arg(limits.mariaDbConnectTimeoutSeconds)
                          .arg(limits.mariaDbReadTimeoutSeconds)
                          .arg(limits.mariaDbWriteTimeoutSeconds);
    if (!m_config.unixSocket.isEmpty())
        options += u";UNIX_SOCKET="_s + m_config.unixSocket;
    db.setConnectOptions(options);
    db.setDatabaseName(m_config.databaseName);
    if (db.open())
        return true;

    // 1049 ER_BAD_DB_ERROR: the server is there but the database is not;
    // create it, so a fresh install needs only a user with CREATE rights.
    const QSqlError first = db.lastError();
    if (first.nativeErrorCode() != u"1049"_s && !first.text().contains(u"Unknown database"_s, Qt::CaseInsensitive)) {
        *error = u"Could not connect to %1: %2"_s.arg(m_config.displayUrl(), first.text());
        return false;
    }
    db.setDatabaseName(QString());
    if (!db.open()) {
        *error = u"Could not connect to %1: %2"_s.arg(m_config.displayUrl(), db.lastError().text());
        return false;
    }
    // The name cannot be a bound value here; DatabaseConfig::parse admits only
    // [A-Za-z0-9_$], so quoting it is safe.
    QString why;
    const bool created = execPlain(
        db, u"CREATE DATABASE IF NOT EXISTS `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"_s.arg(m_config.databaseName), &why);
    db.close();
    if (!created) {
        *error = u"Could not create the database %1 on %2: %3"_s.arg(m_config.databaseName, m_config.displayUrl(), why);
        return false;
    }
    db.setDatabaseName(m_config.databaseName);
    if (!db.open()) {
        *error = u"Could not connect to %1 after creating it: %2"_s.arg(m_config.displayUrl(), db.lastError().text());
        return false;
    }
    return true;
}

bool DatabaseWorker::begin(SqlSession &session, QString *error)
{
    QString why;
    QElapsedTimer elapsed;
    elapsed.start();
    if (execPlain(session.database(), beginStatement(m_dialect), &why))
        return true;
    // The connection may have dropped between batches (a MariaDB restart, an
    // idle timeout): try one fresh connection before giving up on the batch.
    // Not when BEGIN waited out a timeout: the server does not answer, and
    // a reconnect would only make these callers wait as long again.
    if (elapsed.elapsed() >= 1000) {
        *error = u"start a transaction on %1: %2"_s.arg(m_config.displayUrl(), why);
        return false;
    }
    QSqlDatabase &db = session.database();
    QString reopenError;
    if (reopen(session, &reopenError) && execPlain(db, beginStatement(m_dialect), &why))
        return true;
    *error = u"start a transaction on %1: %2"_s.arg(m_config.displayUrl(), reopenError.isEmpty() ? why : reopenError);
    return false;
}

bool DatabaseWorker::runBatch(SqlSession &session, std::deque<std::unique_ptr<DatabaseJob>> &batch)
{
    QElapsedTimer took;
    took.start();
    QString error;
    if (!begin(session, &error)) {
        failAll(batch, StoreError::Failed, error);
        Q_EMIT databaseError(error);
        return false;
    }

    QSqlDatabase &db = session.database();
    bool aborted = false;
    for (auto &job : batch) {
        QString why;
        if (!execPlain(db, u"SAVEPOINT frontdesk_job"_s, &why)) {
            error = u"open a savepoint on %1: %2"_s.arg(m_config.displayUrl(), why);
            aborted = true;
            break;
        }
        const bool ok = job->run(session);
        // A refused job undoes its own writes only. If even that fails, the
        // batch can no longer be trusted: roll all of it back.
        if (!ok && !execPlain(db, u"ROLLBACK TO SAVEPOINT frontdesk_job"_s, &why)) {
            error = u"roll back a refused call on %1: %2"_s.arg(m_config.displayUrl(), why);
            aborted = true;
            break;
        }
        if (!execPlain(db, u"RELEASE SAVEPOINT frontdesk_job"_s, &why)) {
            error = u"release a savepoint on %1: %2"_s.arg(m_config.displayUrl(), why);
            aborted = true;
            break;
        }
    }

    if (!aborted) {
        QString why;
        if (execPlain(db, u"COMMIT"_s, &why)) {
            ++m_commits;
            m_commitLatency.record(took.nsecsElapsed() / 1000);
            for (auto &job : batch)
                job->deliver();
            return true;
        }
        error = u"commit %1 calls to %2: %3"_s.arg(batch.size()).arg(m_config.displayUrl(), why);
    }
    QString ignored;
    execPlain(db, u"ROLLBACK"_s, &ignored);
    failAll(batch, StoreError::Failed, error);
    Q_EMIT databaseError(error);
    return false;
}

void DatabaseWorker::failAll(std::deque<std::unique_ptr<DatabaseJob>> &jobs, StoreError error, const QString &message)
{
    for (auto &job : jobs)
        job->fail(error, message);
    jobs.clear();
}

} // namespace Frontdesk
