#pragma once

// Shared by the store's test suites: waiting for a future without blocking
// forever, and opening a Store on a fresh database of the row's backend.

#include "core/storeresult.h"
#include "testdatabase.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QTest>

namespace Frontdesk {

/// Waits for a store answer, processing events, at most @p timeoutMs: a hung
/// future shows up as a failed result rather than a hung test.
template<typename T> StoreResult<T> await(QFuture<StoreResult<T>> future, int timeoutMs = 60000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!future.isFinished()) {
        if (deadline.hasExpired())
            return StoreResult<T>::failure(StoreError::Failed, QStringLiteral("timed out waiting for the store"));
        QTest::qWait(2);
    }
    if (future.resultCount() == 0)
        return StoreResult<T>::failure(StoreError::Failed, QStringLiteral("the future was cancelled"));
    return future.result();
}

inline void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("mariadb") << QStringLiteral("mariadb");
}

} // namespace Frontdesk

/// Fetches the row's backend and prepares @p database for it: QSKIP when the
/// MariaDB rows are switched off, a failure when MariaDB is simply missing.
#define FRONTDESK_PREPARE_DATABASE(database) \
    QFETCH(QString, backend); \
    TestDatabase database; \
    do { \
        const auto status_ = database.prepare(backend); \
        if (status_ == TestDatabase::Status::Skip) \
            QSKIP(qPrintable(database.errorString())); \
        QVERIFY2(status_ == TestDatabase::Status::Ready, qPrintable(database.errorString())); \
    } while (false)

/// Prepares the database as above and opens @p store on it.
#define FRONTDESK_OPEN_STORE(store, database) \
    FRONTDESK_PREPARE_DATABASE(database); \
    Store store; \
    do { \
        const auto opened_ = await(store.open(database.config())); \
        QVERIFY2(opened_.ok(), qPrintable(opened_.message)); \
        QCOMPARE(opened_.value, Store::latestSchemaVersion()); \
    } while (false)

/// Verifies a store answer is ok, naming the error otherwise. Evaluates
/// @p result once: it is often the call itself.
#define FRONTDESK_VERIFY_OK(result) \
    do { \
        const auto &result_ = (result); \
        QVERIFY2(result_.ok(), qPrintable(result_.message)); \
    } while (false)
