#include <secrets/secretstore.h>

#include <QtCore/QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using Frontdesk::SecretResult;
using Frontdesk::SecretStore;

namespace {

// A keyring that prompts or hangs must fail the test, not stall the suite.
constexpr int keyringTimeoutMs = 15000;

QString uniqueService()
{
    // Never "frontdesk": run by hand against a desktop keyring, the test must
    // not touch the user's real entries.
    return u"frontdesk-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

// Waits for a keyring future while running the event loop (the keyring
// answers through it), failing the calling test on timeout or error.
#define AWAIT_SECRET(future, result) \
    do { \
        auto pending_ = (future); \
        QTRY_VERIFY_WITH_TIMEOUT(pending_.isFinished(), keyringTimeoutMs); \
        QVERIFY2(pending_.resultCount() == 1, "the keyring operation finished without a result (canceled?)"); \
        (result) = pending_.result(); \
        QVERIFY2((result).ok(), qPrintable((result).error)); \
    } while (false)

class tst_SecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void roundTrip_data();
    void roundTrip();
    void readBlocking();
    void readFromEmptyService();
    void removeMissingEntry();
    void servicesAreSeparate();
    void keys();

private:
    QString m_service = uniqueService();
    QStringList m_written; ///< keys to remove even when a test fails half-way
};

void tst_SecretStore::initTestCase()
{
    // Without a session bus there is no Secret Service: that is a broken test
    // environment, reported as a failure so it cannot pass unnoticed.
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "No D-Bus session bus: run the tests through tests/support/run-tests.sh, "
             "which starts one with a Secret Service (gnome-keyring)");
}

void tst_SecretStore::cleanupTestCase()
{
    SecretStore store(m_service);
    for (const QString &key : std::as_const(m_written)) {
        auto removal = store.remove(key);
        QTRY_VERIFY_WITH_TIMEOUT(removal.isFinished(), keyringTimeoutMs);
    }
}

void tst_SecretStore::roundTrip_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");

    QTest::newRow("database password") << SecretStore::keyForDatabasePassword(u"mariadb://frontdesk@127.0.0.1:3306/frontdesk"_s)
                                       << u"s3cret-Pa55word"_s << u"rotated password"_s;
    QTest::newRow("agent token") << SecretStore::keyForAgentToken(u"https://chat.example.com"_s, u"alice@example.com"_s)
                                 << u"tok_abcdefghijklmnopqrstuvwxyz0123456789-_"_s << u"tok_second"_s;
    QTest::newRow("non-ASCII value") << u"unicode"_s << u"pässwörd ß 密码 🔑"_s << u"ünïcödé again"_s;
    QTest::newRow("long value") << u"long"_s << QString(4096, u'x') << QString(8192, u'y');
}

void tst_SecretStore::roundTrip()
{
    QFETCH(QString, key);
    QFETCH(QString, first);
    QFETCH(QString, second);

    SecretStore store(m_service);
    QCOMPARE(store.service(), m_service);
    m_written.append(key);
    SecretResult result;

    AWAIT_SECRET(store.write(key, first), result);
    QVERIFY(result.found);
    AWAIT_SECRET(store.read(key), result);
    QVERIFY(result.found);
    QCOMPARE(result.value, first);

    AWAIT_SECRET(store.write(key, second), result);
    AWAIT_SECRET(store.read(key), result);
    QVERIFY(result.found);
    QCOMPARE(result.value, second); // replaced, not a second entry

    AWAIT_SECRET(store.remove(key), result);
    AWAIT_SECRET(store.read(key), result);
    QVERIFY(!result.found);
    QVERIFY(result.value.isEmpty());
    m_written.removeAll(key);
}

void tst_SecretStore::readBlocking()
{
    const QString key = SecretStore::keyForDatabasePassword(u"mariadb://db.example:3306/frontdesk"_s);
    SecretStore store(m_service);
    m_written.append(key);
    SecretResult result;
    AWAIT_SECRET(store.write(key, u"headless start-up"_s), result);

    result = SecretStore::readBlocking(m_service, key, keyringTimeoutMs);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.found);
    QCOMPARE(result.value, u"headless start-up"_s);

    result = SecretStore::readBlocking(m_service, u"never written"_s, keyringTimeoutMs);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(!result.found);

    AWAIT_SECRET(store.remove(key), result);
    result = SecretStore::readBlocking(m_service, key, keyringTimeoutMs);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(!result.found);
    m_written.removeAll(key);
}

void tst_SecretStore::readFromEmptyService()
{
    // A service nobody has ever written to: the first run of a fresh install.
    SecretStore store(uniqueService());
    SecretResult result;
    AWAIT_SECRET(store.read(u"database-password:sqlite"_s), result);
    QVERIFY(!result.found);
    QVERIFY(result.value.isEmpty());

    result = SecretStore::readBlocking(uniqueService(), u"anything"_s, keyringTimeoutMs);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(!result.found);
}

void tst_SecretStore::removeMissingEntry()
{
    SecretStore store(m_service);
    SecretResult result;
    AWAIT_SECRET(store.remove(u"was never there"_s), result);
}

void tst_SecretStore::servicesAreSeparate()
{
    SecretStore mine(m_service);
    SecretStore other(uniqueService());
    const QString key = u"shared-key"_s;
    m_written.append(key);
    SecretResult result;

    AWAIT_SECRET(mine.write(key, u"mine"_s), result);
    AWAIT_SECRET(other.read(key), result);
    QVERIFY(!result.found);
    AWAIT_SECRET(mine.read(key), result);
    QCOMPARE(result.value, u"mine"_s);
    AWAIT_SECRET(mine.remove(key), result);
    m_written.removeAll(key);
}

void tst_SecretStore::keys()
{
    QCOMPARE(SecretStore::defaultServiceName(), u"frontdesk"_s);
    QCOMPARE(SecretStore().service(), u"frontdesk"_s);
    QCOMPARE(SecretStore::keyForDatabasePassword(u"mariadb://app@db:3306/chat"_s),
             u"database-password:mariadb://app@db:3306/chat"_s);

    const QString alice = SecretStore::keyForAgentToken(u"https://chat.example.com"_s, u"alice@example.com"_s);
    QVERIFY(alice.startsWith(u"agent-token:"_s));
    QVERIFY(alice.contains(u"https://chat.example.com"_s));
    QVERIFY(alice.contains(u"alice@example.com"_s));
    QCOMPARE(SecretStore::keyForAgentToken(u"https://chat.example.com"_s, u" Alice@Example.com "_s), alice);
    QVERIFY(SecretStore::keyForAgentToken(u"https://chat.example.com"_s, u"bob@example.com"_s) != alice);
    QVERIFY(SecretStore::keyForAgentToken(u"https://other.example.com"_s, u"alice@example.com"_s) != alice);
}

QTEST_GUILESS_MAIN(tst_SecretStore)
#include "tst_secretstore.moc"
