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
/// SIGCONT it again, or SIGKILL it and start it again on the same data.
/// Stopped and deleted by the destructor.
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
    /// SIGKILL, as a power cut or the OOM killer would: no shutdown, InnoDB
    /// recovers from its redo log at the next start. Waits until it is gone.
    void kill();
    /// Starts the killed server again on the same data and port (what was
    /// committed before kill() is there); false with a sentence in @p error.
    [[nodiscard]] bool restart(QString *error);

private:
    /// Runs mariadbd on m_port over the installed data and waits until it answers.
    [[nodiscard]] bool launch(QString *error);
    [[nodiscard]] bool runClient(const QString &program, const QStringList &arguments, const QByteArray &input,
                                 QString *output) const;

    QTemporaryDir m_folder;
    QProcess m_server;
    int m_port = 0;
    QString m_password;
    bool m_frozen = false;
};

} // namespace Frontdesk
