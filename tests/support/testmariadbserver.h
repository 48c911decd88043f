#pragma once

#include "store/databaseconfig.h"

#include <QProcess>
#include <QTemporaryDir>

namespace Frontdesk {

/// @brief A MariaDB server of a test's own, which the test may freeze.
///
/// Made the way tests/support/run-tests.sh makes the shared one
/// (mariadb-install-db into a temporary folder, mariadbd on a free port on
/// 127.0.0.1, a user with a password), but owned by one test, so it can
/// SIGSTOP it (the server stops answering while the kernel still accepts its
/// connections: what a hung host or a network black hole looks like) and
/// SIGCONT it again. Stopped and deleted by the destructor.
class TestMariaDbServer
{
public:
    TestMariaDbServer();
    ~TestMariaDbServer();
    TestMariaDbServer(const TestMariaDbServer &) = delete;
    TestMariaDbServer &operator=(const TestMariaDbServer &) = delete;

    /// Installs and starts the server (some 5 seconds); false with a sentence in @p error.
    [[nodiscard]] bool start(QString *error);
    /// A TCP connection as the test user to @p databaseName (the store creates it).
    [[nodiscard]] DatabaseConfig config(const QString &databaseName) const;

    void freeze(); ///< SIGSTOP
    void thaw(); ///< SIGCONT

private:
    [[nodiscard]] bool runClient(const QString &program, const QStringList &arguments, const QByteArray &input,
                                 QString *output) const;

    QTemporaryDir m_folder;
    QProcess m_server;
    int m_port = 0;
    QString m_password;
    bool m_frozen = false;
};

} // namespace Frontdesk
