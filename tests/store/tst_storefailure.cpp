// The store when its database stops answering, and when callers outrun it:
// fail fast instead of hanging, say so on /healthz, recover by itself, and
// hold a bounded number of calls.

#include "frontdeskserver.h"
#include "store/databaseworker.h"
#include "store/store.h"
#include "storetesting.h"
#include "testmariadbserver.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Frontdesk;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;

QByteArray hashOf(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

SiteRecord siteNamed(const QString &key)
{
    SiteRecord site;
    site.siteKey = key;
    site.name = u"Shop "_s + key;
    site.allowedOrigins = {u"https://shop.example"_s};
    site.createdAt = T0;
    return site;
}

VisitorRecord visitorFor(qint64 siteId, const QString &id)
{
    VisitorRecord visitor;
    visitor.id = id;
    visitor.siteId = siteId;
    visitor.createdAt = T0;
    visitor.lastSeenAt = T0;
    return visitor;
}

// Starts @p server and waits for started() or failed(), at most 60 s.
bool startServer(FrontdeskServer &server, QString *error)
{
    QSignalSpy started(&server, &FrontdeskServer::started);
    QSignalSpy failed(&server, &FrontdeskServer::failed);
    server.start();
    QEventLoop loop;
    QObject::connect(&server, &FrontdeskServer::started, &loop, &QEventLoop::quit);
    QObject::connect(&server, &FrontdeskServer::failed, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    if (started.isEmpty() && failed.isEmpty())
        loop.exec();
    if (started.isEmpty()) {
        *error = failed.isEmpty() ? u"the server did not start within 60 s"_s : failed.first().first().toString();
        return false;
    }
    return true;
}

} // namespace

class tst_StoreFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseKeepsLimits();
    void frozenMariaDbFailsFastAndRecovers();
    void queueIsBounded_data() { addBackendRows(); }
    void queueIsBounded();
    void fullQueueIsStorageBusyOnTheWire();
};

void tst_StoreFailure::parseKeepsLimits()
{
    DatabaseConfig config;
    config.limits.maxQueuedJobs = 7;
    config.limits.mariaDbReadTimeoutSeconds = 2;
    QString error;
    QVERIFY2(DatabaseConfig::parse(u"mariadb://fd@db.example:3307/frontdesk"_s, &config, &error), qPrintable(error));
    QCOMPARE(config.limits.maxQueuedJobs, 7);
    QCOMPARE(config.limits.mariaDbReadTimeoutSeconds, 2);
}

void tst_StoreFailure::frozenMariaDbFailsFastAndRecovers()
{
    if (qEnvironmentVariable("FRONTDESK_TEST_MARIADB") == u"skip"_s)
        QSKIP("MariaDB tests skipped (FRONTDESK_TEST_MARIADB=skip).");
    TestMariaDbServer mariadb;
    QString error;
    QVERIFY2(mariadb.start(&error), qPrintable(error));

    // Default limits: what a real server runs with.
    ServerConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = 0;
    config.database = mariadb.config(u"frontdesk_frozen"_s);
    config.adminEmail = TestServer::adminEmail;
    config.adminPassword = TestServer::adminPassword;
    FrontdeskServer server(config);
    QVERIFY2(startServer(server, &error), qPrintable(error));
    // Thawed before the server is torn down, whatever fails below.
    const auto thaw = qScopeGuard([&] { mariadb.thaw(); });
    Store *store = server.store();
    const QUrl healthz(u"http://127.0.0.1:%1/healthz"_s.arg(server.port()));
    TestHttp http;

    HttpAnswer health = http.get(healthz);
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value(u"status"_s).toString(), u"ok"_s);
    const auto site = await(store->sites().createSite(siteNamed(u"frozen"_s)));
    FRONTDESK_VERIFY_OK(site);
    FRONTDESK_VERIFY_OK(await(store->visitors().createVisitor(visitorFor(site.value.id, u"v-1"_s), hashOf(u"t"_s))));

    mariadb.freeze();

    // The first call waits for the read timeout, and no longer.
    QElapsedTimer clock;
    clock.start();
    auto firstCall = store->conversations().appendVisitorMessage(site.value.id, u"v-1"_s, u"c-1"_s, u"hello?"_s, T0);
    // Queued behind it: failed with it, not after a timeout of their own.
    QTest::qWait(50);
    QList<QFuture<StoreResult<AppendResult>>> queued;
    for (int i = 0; i < 20; ++i)
        queued.append(
            store->conversations().appendVisitorMessage(site.value.id, u"v-1"_s, u"q-%1"_s.arg(i), u"queued"_s, T0 + i));
    const auto first = await(firstCall, 60'000);
    const qint64 firstMs = clock.elapsed();
    for (const auto &future : std::as_const(queued))
        QCOMPARE(await(future, 60'000).error, StoreError::Failed);
    const qint64 queuedMs = clock.elapsed();
    qInfo("the 20 calls queued behind it failed %lld ms later", queuedMs - firstMs);
    QVERIFY2(queuedMs - firstMs < 500, qPrintable(u"took %1 ms more"_s.arg(queuedMs - firstMs)));
    qInfo("first call with the database frozen failed after %lld ms: %s", firstMs, qPrintable(first.message));
    QCOMPARE(first.error, StoreError::Failed);
    QVERIFY2(firstMs < 10'000, qPrintable(u"took %1 ms"_s.arg(firstMs)));
    QVERIFY(!store->isDatabaseAvailable());

    // From then on calls fail at once, one after another and all at the same time.
    for (int i = 0; i < 10; ++i) {
        clock.restart();
        const auto later = await(store->conversations().messagesBefore(1, 0, 50), 10'000);
        QCOMPARE(later.error, StoreError::Failed);
        QVERIFY2(clock.elapsed() < 200, qPrintable(u"call %1 took %2 ms"_s.arg(i).arg(clock.elapsed())));
    }
    clock.restart();
    QList<QFuture<StoreResult<AppendResult>>> burst;
    for (int i = 0; i < 200; ++i)
        burst.append(
            store->conversations().appendVisitorMessage(site.value.id, u"v-1"_s, u"b-%1"_s.arg(i), u"anyone?"_s, T0 + i));
    for (const auto &future : std::as_const(burst))
        QCOMPARE(await(future, 10'000).error, StoreError::Failed);
    qInfo("200 calls while down answered in %lld ms", clock.elapsed());
    QVERIFY2(clock.elapsed() < 1'000, qPrintable(u"took %1 ms"_s.arg(clock.elapsed())));

    clock.restart();
    health = http.get(healthz);
    QCOMPARE(health.status, 503);
    QCOMPARE(health.json.value(u"status"_s).toString(), u"storage_unavailable"_s);
    QCOMPARE(health.header("Cache-Control"), QByteArray("no-store"));
    QVERIFY2(clock.elapsed() < 1'000, qPrintable(u"/healthz took %1 ms"_s.arg(clock.elapsed())));

    // Reconnect attempts (each waits for the connect timeout) keep the
    // writer busy, but not the callers.
    QTest::qWait(4'000);
    clock.restart();
    QCOMPARE(await(store->sites().listSites(), 10'000).error, StoreError::Failed);
    QVERIFY2(clock.elapsed() < 200, qPrintable(u"a call during reconnects took %1 ms"_s.arg(clock.elapsed())));
    QCOMPARE(http.get(healthz).status, 503);

    mariadb.thaw();

    // Back by itself, within the reconnect backoff (at most 5 s) plus a connect.
    clock.restart();
    StoreResult<AppendResult> again;
    while (clock.elapsed() < 20'000) {
        again = await(store->conversations().appendVisitorMessage(site.value.id, u"v-1"_s, u"c-2"_s, u"back?"_s, T0 + 1000),
                      20'000);
        if (again.ok())
            break;
        QTest::qWait(100);
    }
    qInfo("calls worked again %lld ms after the database was thawed", clock.elapsed());
    FRONTDESK_VERIFY_OK(again);
    QVERIFY(store->isDatabaseAvailable());
    health = http.get(healthz);
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value(u"status"_s).toString(), u"ok"_s);

    // Nothing refused was stored; what was accepted afterwards was.
    const auto stored = await(store->conversations().messagesAfter(again.value.conversation.id, 0, 500));
    FRONTDESK_VERIFY_OK(stored);
    QCOMPARE(stored.value.size(), 1);
    QCOMPARE(stored.value.first().body, u"back?"_s);
}

void tst_StoreFailure::queueIsBounded()
{
    constexpr int Limit = 100;
    FRONTDESK_PREPARE_DATABASE(database);
    DatabaseConfig config = database.config();
    config.limits.maxQueuedJobs = Limit;
    qint64 conversationId = 0;
    {
        Store store;
        const auto opened = await(store.open(config));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        const auto site = await(store.sites().createSite(siteNamed(u"flood"_s)));
        FRONTDESK_VERIFY_OK(site);
        FRONTDESK_VERIFY_OK(await(store.visitors().createVisitor(visitorFor(site.value.id, u"v-1"_s), hashOf(u"t"_s))));
        auto *worker = store.findChild<DatabaseWorker *>();
        QVERIFY(worker);

        const auto append = [&](int i) {
            return store.conversations().appendVisitorMessage(site.value.id, u"v-1"_s, u"c-%1"_s.arg(i), u"message %1"_s.arg(i),
                                                              T0 + i);
        };
        // Round 1: held by suspend(), then resumed.
        worker->suspend();
        QList<QFuture<StoreResult<AppendResult>>> accepted;
        for (int i = 0; i < Limit; ++i)
            accepted.append(append(i));
        QElapsedTimer clock;
        clock.start();
        for (int i = Limit; i < Limit + 50; ++i) {
            auto refused = append(i);
            QVERIFY(refused.isFinished()); // answered by the call itself
            QCOMPARE(refused.result().error, StoreError::Busy);
        }
        QVERIFY2(clock.elapsed() < 200, qPrintable(u"refusing took %1 ms"_s.arg(clock.elapsed())));
        QVERIFY(store.isDatabaseAvailable()); // busy is not down
        QTest::qWait(20);
        for (const auto &future : std::as_const(accepted))
            QVERIFY(!future.isFinished());
        worker->resume();
        for (const auto &future : std::as_const(accepted))
            FRONTDESK_VERIFY_OK(await(future));
        conversationId = accepted.first().result().value.conversation.id;
        // Drained: room again.
        FRONTDESK_VERIFY_OK(await(append(1000)));

        // Round 2: still held when the store closes; close() commits all of it.
        worker->suspend();
        accepted.clear();
        for (int i = 2000; i < 2000 + Limit; ++i)
            accepted.append(append(i));
        QCOMPARE(append(3000).result().error, StoreError::Busy);
        store.close();
        for (const auto &future : std::as_const(accepted)) {
            QVERIFY(future.isFinished());
            FRONTDESK_VERIFY_OK(future.result());
        }
    }

    Store reopened;
    const auto opened = await(reopened.open(config));
    QVERIFY2(opened.ok(), qPrintable(opened.message));
    const auto stored = await(reopened.conversations().messagesAfter(conversationId, 0, 1000));
    FRONTDESK_VERIFY_OK(stored);
    QCOMPARE(stored.value.size(), 2 * Limit + 1);
}

void tst_StoreFailure::fullQueueIsStorageBusyOnTheWire()
{
    TestServer server;
    QString error;
    QVERIFY2(server.start(u"sqlite"_s, &error), qPrintable(error));
    server.config().database.limits.maxQueuedJobs = 5;
    QVERIFY2(server.restart(&error), qPrintable(error));
    auto *worker = server.server()->store()->findChild<DatabaseWorker *>();
    QVERIFY(worker);
    // The server's own first reads at start (the webhook dispatcher's and
    // sender's look at the journal and the queue, and what those lead to)
    // done first: then the five places in the queue are the test's alone.
    // The worker runs jobs in order, so a read that comes back comes after them.
    for (int round = 0; round < 3; ++round) {
        FRONTDESK_VERIFY_OK(await(server.server()->store()->sites().listSites()));
        QCoreApplication::processEvents();
    }

    worker->suspend();
    QList<QFuture<StoreResult<QList<SiteRecord>>>> held;
    for (int i = 0; i < 5; ++i)
        held.append(server.server()->store()->sites().listSites());
    TestHttp http;
    const HttpAnswer hello = http.postJson(server.httpUrl(u"/v1/sites/%1/visitor/hello"_s.arg(server.siteKey())),
                                           QJsonObject{{u"v"_s, 1}}, TestServer::allowedOrigin);
    worker->resume();
    QCOMPARE(hello.status, 503);
    QCOMPARE(hello.errorCode(), u"storage_busy"_s);
    QCOMPARE(hello.errorMessage(), u"The server is busy; nothing was stored. Try again in a moment."_s);
    for (const auto &future : std::as_const(held))
        FRONTDESK_VERIFY_OK(await(future));

    // The queue drained: the same hello works now.
    const HttpAnswer retried = http.postJson(server.httpUrl(u"/v1/sites/%1/visitor/hello"_s.arg(server.siteKey())),
                                             QJsonObject{{u"v"_s, 1}}, TestServer::allowedOrigin);
    QCOMPARE(retried.status, 200);
    QCOMPARE(retried.json.value(u"type"_s).toString(), u"welcome"_s);
}

QTEST_GUILESS_MAIN(tst_StoreFailure)
#include "tst_storefailure.moc"
