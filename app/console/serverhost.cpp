#include "serverhost.h"

#include "eventloop/eventdispatcherchoice.h"

#include "frontdeskserver.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Frontdesk {

ServerHost::ServerHost(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(u"network"_s);
}

ServerHost::~ServerHost()
{
    stop();
}

void ServerHost::start(const ServerConfig &config)
{
    stop();
    if (!m_thread.isRunning()) {
        // Qt's dispatcher polls every socket on each wake-up; the network thread takes epoll's.
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
        qInfo().noquote() << "listening on" << url.toString();
        Q_EMIT started(url, setupLines);
    });
    connect(m_server, &FrontdeskServer::failed, this, [this](const QString &error) {
        qCritical().noquote() << error;
        Q_EMIT failed(error);
    });
    QMetaObject::invokeMethod(m_server, &FrontdeskServer::start, Qt::QueuedConnection);
}

void ServerHost::stop()
{
    if (m_server) {
        m_server->disconnect(this);
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
