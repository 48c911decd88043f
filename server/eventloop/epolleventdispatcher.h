#pragma once

#include <QAbstractEventDispatcher>

#include <memory>

namespace Frontdesk {

class EpollEventDispatcherPrivate;

/// @brief A Qt event dispatcher for Linux on epoll, so that a wake-up costs
/// O(ready sockets) rather than O(open sockets).
///
/// Qt's own Linux dispatchers (glib and UNIX) hand every registered socket
/// notifier to poll() on every wake-up; with tens of thousands of mostly idle
/// WebSocket connections that scan, and the kernel's per-socket poll behind
/// it, is most of the server's CPU. This dispatcher keeps the notifiers in an
/// epoll set instead and follows QEventDispatcherUNIX's observable behaviour:
///
/// - Posted events first (`QCoreApplication::sendPostedEvents()`), then ready
///   socket notifiers, then due timers, once per processEvents().
/// - A notifier disabled, deleted or re-registered while its activation is
///   queued in the same round is not activated; a hang-up or error wakes every
///   enabled notifier of the socket, as poll() does.
/// - Timers fire in deadline order, each at most once per processEvents();
///   PreciseTimer to the millisecond, CoarseTimer at most 5% late and aligned
///   to round boundaries so that timers share wake-ups, VeryCoarseTimer to the
///   whole second.
/// - wakeUp() and interrupt() may be called from any thread (eventfd).
///
/// Install it before the thread's event loop exists: QThread::setEventDispatcher()
/// before start(), or QCoreApplication::setEventDispatcher() before the
/// application object is created. Everything but wakeUp() and interrupt() must
/// be called on the dispatcher's thread, as with Qt's dispatchers.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    /// False if the kernel refused the epoll instance or the eventfd (for
    /// example, out of file descriptors); such a dispatcher must not be installed.
    [[nodiscard]] bool isValid() const;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    using QAbstractEventDispatcher::registerTimer;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    [[nodiscard]] QList<TimerInfo> registeredTimers(QObject *object) const override;
    [[nodiscard]] int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    std::unique_ptr<EpollEventDispatcherPrivate> m_d;
};

} // namespace Frontdesk
