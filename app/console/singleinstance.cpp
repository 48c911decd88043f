#include "singleinstance.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcInstance, "frontdesk.console.instance")

namespace Frontdesk {

namespace {

QString runtimeFolder(const QString &folder)
{
    if (!folder.isEmpty())
        return folder;
    // $XDG_RUNTIME_DIR (0700, the user's own); Qt makes /tmp/runtime-USER without it.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return runtime.isEmpty() ? QDir::tempPath() : runtime;
}

// A line is one command; anything longer is not one of ours.
constexpr qint64 maxLine = 512;

} // namespace

SingleInstance::SingleInstance(const QString &folder, QObject *parent)
    : QObject(parent)
    , m_socketPath(runtimeFolder(folder) + u"/frontdesk-console.socket"_s)
    , m_lockPath(runtimeFolder(folder) + u"/frontdesk-console.lock"_s)
    , m_lock(m_lockPath)
{
    // A lock is stale only when its process is gone, never because it is old: the console runs for weeks.
    m_lock.setStaleLockTime(0);
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection())
            answer(socket);
    });
}

SingleInstance::~SingleInstance()
{
    m_server.close();
}

SingleInstance::Claim SingleInstance::claim()
{
    QDir().mkpath(QFileInfo(m_socketPath).path());
    if (m_lock.tryLock(0)) {
        // First: a socket file left by a killed console must not keep us from listening.
        QLocalServer::removeServer(m_socketPath);
        if (!m_server.listen(m_socketPath))
            qCWarning(lcInstance).noquote() << "cannot listen on" << m_socketPath << "(" << m_server.errorString()
                                            << "): a second start will not find this console";
        return Claim::Primary;
    }
    if (askRunning())
        return Claim::AskedRunning;
    qint64 pid = 0;
    QString host;
    QString application;
    m_lock.getLockInfo(&pid, &host, &application);
    m_errorString = tr("Frontdesk is already running (process %1) but does not answer on %2. Stop that process, or "
                       "remove %3 if it is not Frontdesk.")
                        .arg(QString::number(pid), m_socketPath, m_lockPath);
    return Claim::Failed;
}

bool SingleInstance::askRunning()
{
    // The first console may be starting: it holds the lock a moment before it listens.
    const QDeadlineTimer deadline(5'000);
    QByteArray request = "show";
    const QByteArray token = qgetenv("XDG_ACTIVATION_TOKEN");
    if (!token.isEmpty())
        request += ' ' + token;
    request += '\n';
    while (!deadline.hasExpired()) {
        QLocalSocket socket;
        socket.connectToServer(m_socketPath);
        if (socket.waitForConnected(1'000)) {
            socket.write(request);
            if (socket.waitForBytesWritten(1'000)) {
                while (!socket.canReadLine() && socket.waitForReadyRead(2'000)) { }
                if (socket.readLine(maxLine).trimmed() == "ok")
                    return true;
            }
        }
        QThread::msleep(100);
    }
    return false;
}

void SingleInstance::answer(QLocalSocket *socket)
{
    // Only this user can reach the socket (UserAccessOption, in a 0700 folder); still, a line is a line.
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, socket, [socket] { socket->abort(); });
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    const auto read = [this, socket] {
        if (!socket->canReadLine()) {
            if (socket->bytesAvailable() > maxLine)
                socket->abort();
            return;
        }
        const QByteArray line = socket->readLine(maxLine).trimmed();
        const qsizetype space = line.indexOf(' ');
        const QByteArray command = space < 0 ? line : line.left(space);
        if (command != "show") {
            socket->write("error unknown command\n");
            socket->disconnectFromServer();
            return;
        }
        const QByteArray token = space < 0 ? QByteArray() : line.mid(space + 1);
        // The token lets a Wayland compositor bring this window forward (xdg-activation): printable ASCII only.
        const bool tokenOk
            = !token.isEmpty() && std::all_of(token.begin(), token.end(), [](char c) { return c > ' ' && c < 127; });
        if (tokenOk)
            qputenv("XDG_ACTIVATION_TOKEN", token);
        qCInfo(lcInstance) << "another start asked to show the window";
        socket->write("ok\n");
        socket->disconnectFromServer();
        Q_EMIT activationRequested();
    };
    connect(socket, &QLocalSocket::readyRead, this, read);
    if (socket->bytesAvailable() > 0) // what came with the connection
        read();
    timeout->start(2'000);
}

} // namespace Frontdesk
