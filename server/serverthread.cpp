#include "serverthread.h"

#include "eventloop/eventdispatcherchoice.h"
#include "frontdeskserver.h"
#include "mail/mailer.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Frontdesk {

ServerThread::ServerThread(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(u"network"_s);
}

ServerThread::~ServerThread()
{
    stop();
}

void ServerThread::start(const ServerConfig &config)
{
    stop();
    if (!m_thread.isRunning()) {
        // Qt deletes a thread's dispatcher when the thread finishes: a fresh one for each run.
        if (QAbstractEventDispatcher *dispatcher = EventDispatcherChoice::createFromEnvironment())
            m_thread.setEventDispatcher(dispatcher);
        m_thread.start();
    }
    m_server = new FrontdeskServer(config);
    m_server->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    connect(m_server, &FrontdeskServer::started, this, [this](const QUrl &url, const QStringList &setupLines) {
        m_url = url;
        for (const QString &line : setupLines)
            qInfo().noquote() << line;
        Q_EMIT started(url, setupLines);
    });
    connect(m_server, &FrontdeskServer::failed, this, &ServerThread::failed);
    QMetaObject::invokeMethod(m_server, &FrontdeskServer::start, Qt::QueuedConnection);
}

bool ServerThread::setMailSettings(const MailSettings &mail)
{
    if (!isRunning())
        return false;
    QMetaObject::invokeMethod(
        m_server, [server = m_server, mail] { server->mailer()->reconfigure(mail); }, Qt::QueuedConnection);
    return true;
}

void ServerThread::stop()
{
    if (m_server) {
        m_server->disconnect(this);
        // Stopped on its own thread: every acknowledged message is committed first.
        QMetaObject::invokeMethod(m_server, &FrontdeskServer::stop, Qt::BlockingQueuedConnection);
        m_server = nullptr;
        m_url.clear();
    }
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait();
    }
}

} // namespace Frontdesk
