#include "frontdeskprocess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;

namespace Frontdesk {

FrontdeskProcess::FrontdeskProcess(const QString &binary, const QString &databaseUrl, const QString &databasePassword)
    : m_binary(binary), m_databaseUrl(databaseUrl), m_databasePassword(databasePassword)
{ }

FrontdeskProcess::~FrontdeskProcess()
{
    kill();
}

QProcessEnvironment FrontdeskProcess::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Its own data folder: nothing of the caller's is read or written.
    env.insert(u"XDG_DATA_HOME"_s, m_home.path());
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    if (!m_databasePassword.isEmpty())
        env.insert(u"FRONTDESK_DB_PASSWORD"_s, m_databasePassword);
    return env;
}

bool FrontdeskProcess::start(QString *error, int timeoutMs)
{
    if (!m_home.isValid()) {
        *error = u"Could not create a temporary folder: %1"_s.arg(m_home.errorString());
        return false;
    }
    if (isRunning()) {
        *error = u"frontdesk is running already."_s;
        return false;
    }
    m_process.setProcessEnvironment(environment());
    m_process.setStandardErrorFile(m_home.filePath(u"frontdesk.log"_s), QIODevice::Append);
    m_process.start(m_binary,
                    QStringList{u"--headless"_s, u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--database"_s, m_databaseUrl}
                        + m_serverArguments);
    if (!m_process.waitForStarted(10'000)) {
        *error = u"%1 did not start: %2"_s.arg(m_binary, m_process.errorString());
        return false;
    }

    // Waiting with the event loop running: the caller's clients go on trying
    // to reconnect meanwhile, as they would against a real restart.
    const QRegularExpression listening(u"^listening on (https?://\\S+)$"_s, QRegularExpression::MultilineOption);
    QSignalSpy readable(&m_process, &QProcess::readyReadStandardOutput);
    QByteArray out;
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        out += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            const QUrl url(match.captured(1));
            m_port = quint16(url.port());
            break;
        }
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired()) {
            *error = u"frontdesk did not report where it listens (%1); stdout: %2; log: %3"_s.arg(
                m_process.state() == QProcess::NotRunning ? u"it exited with code %1"_s.arg(m_process.exitCode())
                                                          : u"timed out"_s,
                QString::fromUtf8(out), log().right(4000));
            kill();
            return false;
        }
        readable.wait(100);
    }
    if (m_siteKey.isEmpty()) {
        const auto snippet = QRegularExpression(u"data-site-key=\"([a-z0-9]+)\""_s).match(log());
        m_siteKey = snippet.captured(1);
    }
    return true;
}

void FrontdeskProcess::kill()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_process.processId()), SIGKILL);
    m_process.waitForFinished(30'000);
}

bool FrontdeskProcess::stop(QString *error, int timeoutMs)
{
    if (!isRunning())
        return true;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs)) {
        *error = u"frontdesk did not stop within %1 ms of SIGTERM"_s.arg(timeoutMs);
        kill();
        return false;
    }
    if (m_process.exitStatus() != QProcess::NormalExit || m_process.exitCode() != 0) {
        *error = u"frontdesk stopped with exit code %1; log: %2"_s.arg(m_process.exitCode()).arg(log().right(4000));
        return false;
    }
    return true;
}

int FrontdeskProcess::runCommand(const QStringList &arguments, const QProcessEnvironment &extraEnvironment, QString *output)
{
    QProcess command;
    QProcessEnvironment env = environment();
    env.insert(extraEnvironment);
    command.setProcessEnvironment(env);
    command.setProcessChannelMode(QProcess::MergedChannels);
    command.start(m_binary, QStringList{u"--database"_s, m_databaseUrl} + arguments);
    const bool finished = command.waitForFinished(60'000);
    *output = QString::fromUtf8(command.readAll());
    if (!finished) {
        command.kill();
        command.waitForFinished();
        return -1;
    }
    return command.exitStatus() == QProcess::NormalExit ? command.exitCode() : -1;
}

QUrl FrontdeskProcess::httpUrl(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
}

QUrl FrontdeskProcess::wsUrl(const QString &pathAndQuery) const
{
    return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(m_port).arg(pathAndQuery));
}

QString FrontdeskProcess::log() const
{
    QFile file(m_home.filePath(u"frontdesk.log"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace Frontdesk
