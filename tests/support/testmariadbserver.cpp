#include "testmariadbserver.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QThread>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

int freeLoopbackPort()
{
    // Closed again before mariadbd binds it; another process taking it in
    // between is unlikely enough for a test.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// mariadbd refuses to run as root unless told to.
QStringList userArguments()
{
    return geteuid() == 0 ? QStringList{u"--user=root"_s} : QStringList{};
}

} // namespace

TestMariaDbServer::TestMariaDbServer() = default;

TestMariaDbServer::~TestMariaDbServer()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    thaw();
    m_server.terminate();
    if (!m_server.waitForFinished(20'000)) {
        m_server.kill();
        m_server.waitForFinished(5'000);
    }
}

bool TestMariaDbServer::runClient(const QString &program, const QStringList &arguments, const QByteArray &input,
                                  QString *output) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForStarted(10'000)) {
        *output = u"%1 did not start: %2"_s.arg(program, process.errorString());
        return false;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        *output = u"%1 did not finish within 60 s"_s.arg(program);
        return false;
    }
    *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool TestMariaDbServer::start(QString *error)
{
    if (!m_folder.isValid()) {
        *error = u"Could not create a temporary folder: %1"_s.arg(m_folder.errorString());
        return false;
    }
    QString output;
    if (!runClient(u"mariadb-install-db"_s,
                   userArguments()
                       + QStringList{u"--datadir="_s + m_folder.filePath(u"data"_s),
                                     u"--auth-root-authentication-method=socket"_s, u"--skip-test-db"_s},
                   {}, &output)) {
        *error = u"mariadb-install-db failed: %1"_s.arg(output);
        return false;
    }

    m_port = freeLoopbackPort();
    if (m_port == 0) {
        *error = u"No free port on 127.0.0.1."_s;
        return false;
    }
    if (!launch(error))
        return false;

    m_password = u"frontdesk-frozen-%1"_s.arg(QRandomGenerator::global()->generate());
    const QByteArray sql = u"CREATE USER 'frontdesk'@'127.0.0.1' IDENTIFIED BY '%1';\n"
                           "GRANT ALL PRIVILEGES ON *.* TO 'frontdesk'@'127.0.0.1';\n"
                           "FLUSH PRIVILEGES;\n"_s.arg(m_password)
                               .toUtf8();
    if (!runClient(u"mariadb"_s, {u"--socket="_s + m_folder.filePath(u"mariadb.sock"_s), u"-uroot"_s}, sql, &output)) {
        *error = u"Could not create the test user: %1"_s.arg(output);
        return false;
    }
    return true;
}

bool TestMariaDbServer::launch(QString *error)
{
    const QString socket = m_folder.filePath(u"mariadb.sock"_s);
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    // innodb-flush-log-at-trx-commit=1 (the default, said out loud): a commit
    // the server answered survives kill(), which is what the crash tests count on.
    m_server.start(u"mariadbd"_s,
                   userArguments()
                       + QStringList{u"--datadir="_s + m_folder.filePath(u"data"_s), u"--socket="_s + socket,
                                     u"--port=%1"_s.arg(m_port), u"--bind-address=127.0.0.1"_s, u"--skip-name-resolve"_s,
                                     u"--pid-file="_s + m_folder.filePath(u"mariadb.pid"_s),
                                     u"--log-error="_s + m_folder.filePath(u"mariadb.err"_s), u"--innodb-buffer-pool-size=16M"_s,
                                     u"--innodb-flush-log-at-trx-commit=1"_s});
    if (!m_server.waitForStarted(10'000)) {
        *error = u"mariadbd did not start: %1"_s.arg(m_server.errorString());
        return false;
    }
    // After a kill, InnoDB replays its redo log first: allow for that.
    const QDeadlineTimer ready(60'000);
    QString output;
    for (;;) {
        if (runClient(u"mariadb-admin"_s, {u"--socket="_s + socket, u"-uroot"_s, u"ping"_s}, {}, &output))
            return true;
        if (m_server.state() == QProcess::NotRunning || ready.hasExpired()) {
            *error = u"mariadbd did not come up: %1"_s.arg(output);
            return false;
        }
        QThread::msleep(200);
    }
}

void TestMariaDbServer::kill()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_server.processId()), SIGKILL);
    m_server.waitForFinished(30'000);
    m_frozen = false;
}

bool TestMariaDbServer::restart(QString *error)
{
    if (m_port == 0) {
        *error = u"The MariaDB server was never started."_s;
        return false;
    }
    if (m_server.state() != QProcess::NotRunning) {
        *error = u"The MariaDB server is still running; kill() it first."_s;
        return false;
    }
    return launch(error);
}

DatabaseConfig TestMariaDbServer::config(const QString &databaseName) const
{
    DatabaseConfig config;
    config.kind = DatabaseConfig::Kind::MariaDb;
    config.host = u"127.0.0.1"_s;
    config.port = m_port;
    config.user = u"frontdesk"_s;
    config.password = m_password;
    config.databaseName = databaseName;
    return config;
}

void TestMariaDbServer::freeze()
{
    if (m_server.state() != QProcess::NotRunning && !m_frozen) {
        ::kill(pid_t(m_server.processId()), SIGSTOP);
        m_frozen = true;
    }
}

void TestMariaDbServer::thaw()
{
    if (m_server.state() != QProcess::NotRunning && m_frozen) {
        ::kill(pid_t(m_server.processId()), SIGCONT);
        m_frozen = false;
    }
}

} // namespace Frontdesk
