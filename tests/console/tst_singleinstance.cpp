// One console per user, with the real program under xvfb-run: a second start
// asks the running console to show its window and exits 0; a console killed
// with SIGKILL leaves its socket and lock behind, and the next start is the
// console all the same; headless servers and one-shot commands are never
// turned away by a running console.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

class tst_SingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"), "run under xvfb-run (ctest does)");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(runtime()));
        QFile::setPermissions(runtime(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void cleanup()
    {
        for (auto &process : m_processes) {
            if (process->state() != QProcess::NotRunning) {
                process->terminate();
                if (!process->waitForFinished(10'000))
                    process->kill();
                process->waitForFinished(3'000);
            }
        }
        m_processes.clear();
    }

    void secondStartShowsTheFirstAndExits()
    {
        QProcess *first = startConsole();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socketPath()), 20'000);
        QProcess *second = startConsole();
        QVERIFY(second->waitForFinished(20'000));
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->exitCode(), 0);
        QVERIFY(second->readAllStandardOutput().contains("already running"));
        // The first heard it, and still runs.
        QTRY_VERIFY_WITH_TIMEOUT(m_logs[first].contains("another start asked to show the window"), 10'000);
        QCOMPARE(first->state(), QProcess::Running);
    }

    void aKilledConsoleDoesNotBlockTheNext()
    {
        QProcess *killed = startConsole();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socketPath()), 20'000);
        ::kill(pid_t(killed->processId()), SIGKILL);
        QVERIFY(killed->waitForFinished(5'000));
        // What it left: the socket file and the lock file.
        QVERIFY(QFile::exists(socketPath()));
        QVERIFY(QFile::exists(runtime() + u"/frontdesk-console.lock"_s));

        QProcess *next = startConsole();
        QVERIFY2(!next->waitForFinished(3'000), m_logs[next].constData()); // it is the console now: it runs on
        QVERIFY(!m_logs[next].contains("already running"));
        QProcess *third = startConsole();
        QVERIFY(third->waitForFinished(20'000));
        QCOMPARE(third->exitCode(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_logs[next].contains("another start asked to show the window"), 10'000);
    }

    void headlessAndCommandsAreNotGuarded()
    {
        startConsole();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(socketPath()), 20'000);
        // A server on the same machine, for the same user, starts while the console runs.
        QProcess *server = start({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s,
                                  u"sqlite:"_s + m_dir.filePath(u"headless.sqlite"_s)});
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += server->readAllStandardOutput()).contains("listening on"), 20'000);
        QCOMPARE(server->state(), QProcess::Running);
        QProcess *check = start({u"--check-config"_s});
        QVERIFY(check->waitForFinished(20'000));
        QCOMPARE(check->exitCode(), 0);
        QVERIFY(!check->readAllStandardOutput().contains("already running"));
    }

private:
    [[nodiscard]] QString runtime() const { return m_dir.filePath(u"runtime"_s); }
    [[nodiscard]] QString socketPath() const { return runtime() + u"/frontdesk-console.socket"_s; }

    QProcess *start(const QStringList &arguments)
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_RUNTIME_DIR"_s, runtime());
        environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        environment.insert(u"QT_QUICK_BACKEND"_s, u"software"_s);
        environment.insert(u"QT_LOGGING_RULES"_s, u"frontdesk.*.info=true"_s);
        process->setProcessEnvironment(environment);
        QProcess *raw = process.get();
        connect(raw, &QProcess::readyReadStandardError, this, [this, raw] { m_logs[raw] += raw->readAllStandardError(); });
        raw->start(QStringLiteral(FRONTDESK_BINARY), arguments);
        m_processes.push_back(std::move(process));
        return raw;
    }

    /// The console (it sits at the first-run wizard: nothing configured here).
    QProcess *startConsole() { return start({}); }

    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<QProcess>> m_processes;
    QHash<QProcess *, QByteArray> m_logs;
};

QTEST_GUILESS_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
