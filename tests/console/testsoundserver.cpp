#include "testsoundserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Frontdesk {

TestSoundServer::TestSoundServer(QObject *parent) : QObject(parent)
{
    m_clock.start();
}

TestSoundServer::~TestSoundServer()
{
    for (QProcess *process : {&m_subscribe, &m_daemon}) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->terminate();
        if (!process->waitForFinished(5'000))
            process->kill();
        process->waitForFinished(5'000);
    }
}

QString TestSoundServer::address() const
{
    return u"unix:"_s + m_dir.filePath(u"native"_s);
}

QProcessEnvironment TestSoundServer::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Its own cookie, runtime dir and state: nothing of the caller's PulseAudio (if any) is touched.
    environment.insert(u"HOME"_s, m_dir.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    environment.insert(u"XDG_RUNTIME_DIR"_s, m_dir.path());
    environment.insert(u"PULSE_RUNTIME_PATH"_s, m_dir.filePath(u"runtime"_s));
    environment.insert(u"PULSE_STATE_PATH"_s, m_dir.filePath(u"state"_s));
    environment.insert(u"PULSE_SERVER"_s, address());
    return environment;
}

bool TestSoundServer::pactl(const QStringList &arguments, QByteArray *output) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(u"pactl"_s, arguments);
    if (!process.waitForFinished(10'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return false;
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

bool TestSoundServer::start(QString *error)
{
    const QString daemon = QStandardPaths::findExecutable(u"pulseaudio"_s);
    if (daemon.isEmpty() || QStandardPaths::findExecutable(u"pactl"_s).isEmpty()) {
        *error = u"pulseaudio and pactl are test packages (pulseaudio, pulseaudio-utils: packaging/quickstart.sh test)"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        *error = u"no temporary folder"_s;
        return false;
    }
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_daemon.setProcessEnvironment(environment());
    m_daemon.setProcessChannelMode(QProcess::MergedChannels);
    // -n: no default.pa (no hardware, no D-Bus modules); a null sink that plays in real time and a
    // socket of our own that any local client may use. Not as a system daemon even as root, no
    // realtime scheduling, and no exit while idle between test cases.
    m_daemon.start(daemon,
                   {u"--daemonize=no"_s, u"-n"_s, u"--system=no"_s, u"--exit-idle-time=-1"_s, u"--realtime=no"_s,
                    u"--high-priority=no"_s, u"--use-pid-file=no"_s, u"--log-target=stderr"_s,
                    u"--load=module-null-sink sink_name=frontdesk_test"_s,
                    u"--load=module-native-protocol-unix auth-anonymous=1 socket="_s + m_dir.filePath(u"native"_s)});
    if (!m_daemon.waitForStarted(10'000)) {
        *error = u"pulseaudio did not start: "_s + m_daemon.errorString();
        return false;
    }
    bool ready = false;
    for (int attempt = 0; attempt < 100 && !ready; ++attempt) {
        ready = pactl({u"info"_s});
        if (!ready) {
            if (m_daemon.state() == QProcess::NotRunning)
                break;
            QTest::qWait(100);
        }
    }
    if (!ready) {
        *error = u"pulseaudio does not answer on %1: %2"_s.arg(address(), QString::fromLocal8Bit(m_daemon.readAll()));
        return false;
    }
    // Its log (it warns about running as root) is of no interest once it answers.
    connect(&m_daemon, &QProcess::readyRead, this, [this] { m_daemon.readAll(); });

    m_subscribe.setProcessEnvironment(environment());
    connect(&m_subscribe, &QProcess::readyReadStandardOutput, this, &TestSoundServer::readEvents);
    m_subscribe.start(u"pactl"_s, {u"subscribe"_s});
    if (!m_subscribe.waitForStarted(10'000)) {
        *error = u"pactl subscribe did not start"_s;
        return false;
    }
    // Subscribed once it reports a change we make: only then is no new stream missed.
    for (int attempt = 0; attempt < 50 && !m_subscribed; ++attempt) {
        (void)pactl({u"set-sink-volume"_s, u"frontdesk_test"_s, attempt % 2 ? u"100%"_s : u"99%"_s});
        QTest::qWait(100);
    }
    (void)pactl({u"set-sink-volume"_s, u"frontdesk_test"_s, u"100%"_s});
    if (!m_subscribed) {
        *error = u"pactl subscribe reports no events"_s;
        return false;
    }
    qputenv("PULSE_SERVER", address().toLocal8Bit());
    return true;
}

void TestSoundServer::readEvents()
{
    m_events += m_subscribe.readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_events.indexOf('\n')) >= 0) {
        const QByteArray line = m_events.left(newline);
        m_events.remove(0, newline + 1);
        m_subscribed = true;
        // "Event 'new' on sink-input #7"
        if (line.contains("'new' on sink-input #"))
            readSinkInputs(clockMs());
    }
}

void TestSoundServer::readSinkInputs(qint64 atMs)
{
    QByteArray json;
    if (!pactl({u"-f"_s, u"json"_s, u"list"_s, u"sink-inputs"_s}, &json))
        return;
    bool added = false;
    for (const QJsonValue &value : QJsonDocument::fromJson(json).array()) {
        const QJsonObject input = value.toObject();
        const int index = input[u"index"_s].toInt(-1);
        if (index < 0 || m_seen.contains(index))
            continue;
        m_seen.insert(index);
        const QJsonObject properties = input[u"properties"_s].toObject();
        Played played;
        played.index = index;
        played.eventId = properties[u"event.id"_s].toString();
        played.applicationName = properties[u"application.name"_s].toString();
        played.applicationId = properties[u"application.id"_s].toString();
        played.mediaRole = properties[u"media.role"_s].toString();
        // {"front-left": {"value": 32846, "value_percent": "50%", "db": "-18.00 dB"}, ...}
        const QJsonObject volume = input[u"volume"_s].toObject();
        const QString db = volume.isEmpty() ? QString() : volume.begin()->toObject()[u"db"_s].toString();
        played.decibels = db.startsWith(u"-inf"_s) ? -1000.0 : db.section(u' ', 0, 0).toDouble();
        played.atMs = atMs;
        m_played.append(played);
        added = true;
    }
    if (added)
        Q_EMIT soundPlayed();
}

QList<TestSoundServer::Played> TestSoundServer::playedSince(qint64 sinceMs) const
{
    QList<Played> since;
    for (const Played &played : m_played) {
        if (played.atMs >= sinceMs)
            since.append(played);
    }
    return since;
}

} // namespace Frontdesk
