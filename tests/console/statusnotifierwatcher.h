#pragma once

#include <QDBusConnection>
#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QThread>

namespace Frontdesk::ConsoleTesting {

/**
 * @brief A StatusNotifierItem host for tests: registers org.kde.StatusNotifierWatcher
 * on the session bus, so Qt exports its tray icon as a StatusNotifierItem.
 *
 * It lives on a thread of its own with a bus connection of its own: Qt asks
 * the watcher, blocking, whether a host is registered when the first tray icon
 * is made, and a watcher on the asking thread could not answer.
 */
class StatusNotifierWatcher : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ registeredItems)
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)

public:
    /// Starts the thread and registers the service; false when the name is taken.
    [[nodiscard]] static StatusNotifierWatcher *start(QString *error);
    /// Unregisters and ends the thread.
    void stop();

    [[nodiscard]] QStringList registeredItems() const;
    [[nodiscard]] bool isHostRegistered() const { return true; }
    [[nodiscard]] int protocolVersion() const { return 0; }

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service);
    void RegisterStatusNotifierHost(const QString &service);

Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &service);
    void StatusNotifierItemUnregistered(const QString &service);
    void StatusNotifierHostRegistered();

private:
    StatusNotifierWatcher() = default;
    [[nodiscard]] bool registerOnBus(QString *error);

    mutable QMutex m_mutex;
    QStringList m_items;
    QThread m_thread;
    QString m_connectionName;
};

} // namespace Frontdesk::ConsoleTesting
