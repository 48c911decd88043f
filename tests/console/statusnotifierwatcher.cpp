#include "statusnotifierwatcher.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QDBusMessage>

using namespace Qt::StringLiterals;

namespace Frontdesk::ConsoleTesting {

StatusNotifierWatcher *StatusNotifierWatcher::start(QString *error)
{
    auto *watcher = new StatusNotifierWatcher;
    watcher->m_thread.setObjectName(u"sni-watcher"_s);
    watcher->m_thread.start();
    watcher->moveToThread(&watcher->m_thread);
    bool ok = false;
    // Registered from its own thread, on its own connection, so calls are answered there.
    QMetaObject::invokeMethod(
        watcher, [watcher, &ok, error] { ok = watcher->registerOnBus(error); }, Qt::BlockingQueuedConnection);
    if (!ok) {
        watcher->stop();
        return nullptr;
    }
    return watcher;
}

bool StatusNotifierWatcher::registerOnBus(QString *error)
{
    m_connectionName = u"frontdesk-test-sni-watcher"_s;
    QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName);
    if (!bus.isConnected()) {
        *error = u"no session bus: "_s + bus.lastError().message();
        return false;
    }
    if (!bus.registerObject(u"/StatusNotifierWatcher"_s, this,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals
                                | QDBusConnection::ExportAllProperties)) {
        *error = u"cannot export the watcher: "_s + bus.lastError().message();
        return false;
    }
    if (!bus.registerService(u"org.kde.StatusNotifierWatcher"_s)) {
        *error = u"org.kde.StatusNotifierWatcher is taken on this bus: "_s + bus.lastError().message();
        return false;
    }
    return true;
}

void StatusNotifierWatcher::stop()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                QDBusConnection bus(m_connectionName);
                bus.unregisterService(u"org.kde.StatusNotifierWatcher"_s);
                bus.unregisterObject(u"/StatusNotifierWatcher"_s);
                QDBusConnection::disconnectFromBus(m_connectionName);
                moveToThread(QCoreApplication::instance()->thread());
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    deleteLater();
}

QStringList StatusNotifierWatcher::registeredItems() const
{
    QMutexLocker lock(&m_mutex);
    return m_items;
}

void StatusNotifierWatcher::RegisterStatusNotifierItem(const QString &service)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_items.contains(service))
            m_items.append(service);
    }
    Q_EMIT StatusNotifierItemRegistered(service);
}

void StatusNotifierWatcher::RegisterStatusNotifierHost(const QString &service)
{
    Q_UNUSED(service);
    Q_EMIT StatusNotifierHostRegistered();
}

} // namespace Frontdesk::ConsoleTesting
