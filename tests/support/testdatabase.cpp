#include "testdatabase.h"

#include <QTest>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QString nextName(const QString &prefix)
{
    static std::atomic<int> counter{0};
    return u"%1_%2_%3"_s.arg(prefix).arg(QCoreApplication::applicationPid()).arg(++counter);
}

} // namespace

TestDatabase::TestDatabase() = default;

TestDatabase::~TestDatabase()
{
    if (m_createdMariaDb)
        dropMariaDbDatabase();
}

TestDatabase::Status TestDatabase::prepare(const QString &backend)
{
    // Prepared again (a suite that moves its server to the next backend): the
    // MariaDB database of the last time goes now, not leaked until the end.
    if (m_createdMariaDb) {
        dropMariaDbDatabase();
        m_createdMariaDb = false;
    }
    if (backend == u"sqlite"_s) {
        if (!m_folder.isValid()) {
            m_error = u"Could not create a temporary folder: %1"_s.arg(m_folder.errorString());
            return Status::Unavailable;
        }
        m_config = {};
        m_config.kind = DatabaseConfig::Kind::Sqlite;
        // A subfolder that does not exist yet: the store must create it.
        m_config.sqlitePath = m_folder.filePath(u"data/frontdesk.db"_s);
        return Status::Ready;
    }
    if (backend != u"mariadb"_s) {
        m_error = u"Unknown test backend \"%1\"."_s.arg(backend);
        return Status::Unavailable;
    }

    const QString url = qEnvironmentVariable("FRONTDESK_TEST_MARIADB");
    if (url == u"skip"_s) {
        m_error = u"MariaDB tests skipped (FRONTDESK_TEST_MARIADB=skip)."_s;
        return Status::Skip;
    }
    if (url.isEmpty()) {
        m_error = u"FRONTDESK_TEST_MARIADB is not set: run through tests/support/run-tests.sh, which starts MariaDB "
                  "(or set FRONTDESK_TEST_MARIADB=skip to skip these rows)."_s;
        return Status::Unavailable;
    }
    DatabaseConfig config;
    QString error;
    if (!DatabaseConfig::parse(url, &config, &error)) {
        m_error = u"FRONTDESK_TEST_MARIADB is not usable: %1"_s.arg(error);
        return Status::Unavailable;
    }
    config.password = qEnvironmentVariable("FRONTDESK_TEST_MARIADB_PASSWORD");
    config.databaseName = nextName(config.databaseName);
    m_config = config;
    // The store creates the database itself; the destructor drops it whether
    // or not a test got that far.
    m_createdMariaDb = true;
    return Status::Ready;
}

bool TestDatabase::openDirect(QSqlDatabase &db, bool withDatabase, QString *error) const
{
    if (m_config.kind == DatabaseConfig::Kind::Sqlite) {
        db.setDatabaseName(m_config.sqlitePath);
    } else {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        if (!m_config.unixSocket.isEmpty())
            db.setConnectOptions(u"UNIX_SOCKET="_s + m_config.unixSocket);
        if (withDatabase)
            db.setDatabaseName(m_config.databaseName);
    }
    if (!db.open()) {
        *error = u"Could not open a direct connection to %1: %2"_s.arg(m_config.displayUrl(), db.lastError().text());
        return false;
    }
    return true;
}

bool TestDatabase::withConnection(const std::function<bool(QSqlDatabase &, QString *)> &work, QString *error)
{
    const QString name = nextName(u"frontdesk-test-direct"_s);
    const bool sqlite = m_config.kind == DatabaseConfig::Kind::Sqlite;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? u"QSQLITE"_s : u"QMARIADB"_s, name);
        if (sqlite) {
            QDir().mkpath(QFileInfo(m_config.sqlitePath).absolutePath());
        } else {
            // Create the database first, as the store would.
            ok = openDirect(db, false, error);
            if (ok) {
                QSqlQuery create(db);
                ok = create.exec(
                    u"CREATE DATABASE IF NOT EXISTS `%1` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"_s.arg(m_config.databaseName));
                if (!ok)
                    *error = u"Could not create %1: %2"_s.arg(m_config.databaseName, create.lastError().text());
            }
            db.close();
        }
        if (sqlite || ok) {
            ok = openDirect(db, true, error);
            if (ok && sqlite) {
                QSqlQuery pragma(db);
                pragma.exec(u"PRAGMA foreign_keys=ON"_s);
            }
            ok = ok && work(db, error);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

void TestDatabase::dropMariaDbDatabase()
{
    const QString name = nextName(u"frontdesk-test-drop"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QMARIADB"_s, name);
        QString error;
        if (openDirect(db, false, &error)) {
            QSqlQuery drop(db);
            // The name was made by nextName() from a parsed, identifier-only name.
            if (!drop.exec(u"DROP DATABASE IF EXISTS `%1`"_s.arg(m_config.databaseName)))
                qWarning("Could not drop test database %s: %s", qPrintable(m_config.databaseName),
                         qPrintable(drop.lastError().text()));
        } else {
            qWarning("Could not drop test database %s: %s", qPrintable(m_config.databaseName), qPrintable(error));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("mariadb") << QStringLiteral("mariadb");
}

} // namespace Frontdesk
