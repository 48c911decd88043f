#pragma once

#include "store/databaseconfig.h"

#include <QTemporaryDir>

#include <functional>

class QSqlDatabase;

namespace Frontdesk {

/// @brief A fresh, empty database for one test case, on either backend.
///
/// SQLite lives in a temporary folder. MariaDB comes from the server that
/// tests/support/run-tests.sh starts (FRONTDESK_TEST_MARIADB and
/// FRONTDESK_TEST_MARIADB_PASSWORD); each TestDatabase gets a database of its
/// own, dropped again by the destructor. Declare it before the Store that
/// uses it, so the Store is closed first.
class TestDatabase
{
public:
    enum class Status {
        Ready, ///< config() is usable
        Skip, ///< FRONTDESK_TEST_MARIADB=skip: the caller should QSKIP
        Unavailable, ///< the test must fail; errorString() says why
    };

    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    /// Prepares a database for @p backend, "sqlite" or "mariadb".
    [[nodiscard]] Status prepare(const QString &backend);

    [[nodiscard]] const DatabaseConfig &config() const { return m_config; }
    [[nodiscard]] QString errorString() const { return m_error; }

    /// Runs @p work on a direct connection on the calling thread (creating the
    /// MariaDB database if needed), then closes it. For tests that need raw
    /// SQL, such as building a database of an old schema version.
    [[nodiscard]] bool withConnection(const std::function<bool(QSqlDatabase &, QString *)> &work, QString *error);

private:
    [[nodiscard]] bool openDirect(QSqlDatabase &db, bool withDatabase, QString *error) const;
    void dropMariaDbDatabase();

    QTemporaryDir m_folder;
    DatabaseConfig m_config;
    QString m_error;
    bool m_createdMariaDb = false;
};

/// The "backend" column with one row per backend, "sqlite" and "mariadb":
/// what a suite's initTestCase_data() adds to run every function on both.
void addBackendRows();

} // namespace Frontdesk
