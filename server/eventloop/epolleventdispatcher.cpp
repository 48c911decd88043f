#include "eventloop/epolleventdispatcher.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QHash>
#include <QLoggingCategory>
#include <QMultiHash>
#include <QSet>
#include <QSocketNotifier>
#include <QThread>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <map>
#include <unordered_map>
#include <vector>

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Frontdesk {

Q_LOGGING_CATEGORY(lcEventLoop, "frontdesk.eventloop")

namespace {

constexpr qint64 NsPerMs = 1'000'000;
constexpr qint64 NsPerSecond = 1'000'000'000;
// Longer intervals are clamped, so that deadlines cannot overflow (about 31 years).
constexpr qint64 MaxIntervalMs = qint64(1'000'000'000) * 1'000;

// The epoll key of the wake-up eventfd; a socket's key is its fd (never -1) and
// the generation of its registration.
constexpr quint64 WakeUpKey = ~quint64(0);

// Events taken from the kernel per epoll_wait(); more ready sockets stay ready
// (level-triggered) and come in the next round, behind the timers.
constexpr int MaxEventsPerWait = 512;

constexpr std::array<QSocketNotifier::Type, 3> NotifierTypes{QSocketNotifier::Read, QSocketNotifier::Write,
                                                             QSocketNotifier::Exception};

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * NsPerSecond + now.tv_nsec;
}

const char *typeName(QSocketNotifier::Type type)
{
    switch (type) {
    case QSocketNotifier::Read:
        return "Read";
    case QSocketNotifier::Write:
        return "Write";
    case QSocketNotifier::Exception:
        return "Exception";
    }
    return "?";
}

quint32 epollEventFor(QSocketNotifier::Type type)
{
    switch (type) {
    case QSocketNotifier::Read:
        return EPOLLIN;
    case QSocketNotifier::Write:
        return EPOLLOUT;
    case QSocketNotifier::Exception:
        return EPOLLPRI;
    }
    return 0;
}

// As in QEventDispatcherUNIX: a hang-up or an error wakes every kind of
// notifier, so that whoever owns the socket gets to read the error.
quint32 wakingEvents(QSocketNotifier::Type type)
{
    return epollEventFor(type) | EPOLLHUP | EPOLLERR;
}

quint8 bitFor(QSocketNotifier::Type type)
{
    return quint8(1u << int(type));
}

quint64 keyFor(int fd, quint32 generation)
{
    return (quint64(generation) << 32) | quint32(fd);
}

} // namespace

/// @brief The dispatcher's state: the epoll set with one entry per fd, the
/// queue of notifier activations of the current round, and the timers.
class EpollEventDispatcherPrivate
{
public:
    /// What is registered for one file descriptor.
    struct SocketEntry {
        std::array<QSocketNotifier *, 3> notifiers{};
        quint32 generation = 0; ///< tells this registration from an earlier one of the same fd number
        quint32 events = 0; ///< the event mask the kernel has
        quint8 pending = 0; ///< one bit per notifier type whose activation is queued
        bool inEpoll = false;
        bool alwaysReady = false; ///< epoll refused the fd (a regular file); poll() calls those always ready
    };

    /// One queued activation: it is delivered only if the entry still has the
    /// same generation and the pending bit, i.e. nobody unregistered it since.
    struct PendingActivation {
        int fd;
        quint32 generation;
        QSocketNotifier::Type type;
    };

    struct Timer {
        int id = 0;
        qint64 interval = 0; ///< ms, as registered
        Qt::TimerType type = Qt::CoarseTimer; ///< as registered
        Qt::TimerType effectiveType = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 expected = 0; ///< ns: when the interval says it is due
        qint64 deadline = 0; ///< ns: when it fires (expected, rounded for coarse timers)
        quint64 sequence = 0; ///< keeps timers with the same deadline in registration order
        quint64 firedInRound = 0;
        Timer **activateRef = nullptr; ///< set while its QTimerEvent is being delivered
    };
    using TimerKey = std::pair<qint64, quint64>;

    EpollEventDispatcherPrivate();
    ~EpollEventDispatcherPrivate();

    // Sockets
    bool addWakeUpToEpoll();
    void syncEpoll(int fd, SocketEntry &entry, bool force);
    void removeEntry(QHash<int, SocketEntry>::iterator it);
    void markPending(int fd, SocketEntry &entry, quint32 revents);
    int waitForEvents(qint64 timeoutNs);
    int waitForWakeUpOnly(qint64 timeoutNs);
    int activateSocketNotifiers();
    void rebuildEpoll();
    void consumeWakeUp();

    // Timers
    [[nodiscard]] static qint64 periodNs(const Timer &timer);
    static void placeDeadline(Timer &timer, qint64 now);
    void scheduleFirst(Timer &timer, qint64 now);
    void scheduleNext(Timer &timer, qint64 now);
    void enqueue(Timer &timer);
    void removeTimer(Timer *timer);
    [[nodiscard]] qint64 timeUntilNextTimer() const;
    int activateTimers();

    int epollFd = -1;
    int wakeUpFd = -1;
    QAtomicInt wakeUps;
    QAtomicInt interrupted;

    QHash<int, SocketEntry> sockets;
    QSet<int> alwaysReady;
    quint32 nextGeneration = 0;
    std::vector<PendingActivation> pending;
    size_t pendingHead = 0;

    std::unordered_map<int, std::unique_ptr<Timer>> timers;
    QMultiHash<QObject *, Timer *> timersByObject;
    std::map<TimerKey, Timer *> timerQueue;
    quint64 nextSequence = 0;
    quint64 timerRound = 0;
};

EpollEventDispatcherPrivate::EpollEventDispatcherPrivate()
{
    epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (epollFd == -1) {
        qCCritical(lcEventLoop, "epoll_create1 failed (%s); this event dispatcher cannot run", std::strerror(errno));
        return;
    }
    wakeUpFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wakeUpFd == -1) {
        qCCritical(lcEventLoop, "eventfd failed (%s); this event dispatcher cannot run", std::strerror(errno));
        return;
    }
    addWakeUpToEpoll();
}

EpollEventDispatcherPrivate::~EpollEventDispatcherPrivate()
{
    for (auto &[id, timer] : timers) {
        if (timer->activateRef)
            *timer->activateRef = nullptr;
    }
    if (wakeUpFd != -1)
        close(wakeUpFd);
    if (epollFd != -1)
        close(epollFd);
}

bool EpollEventDispatcherPrivate::addWakeUpToEpoll()
{
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = WakeUpKey;
    if (epoll_ctl(epollFd, EPOLL_CTL_ADD, wakeUpFd, &event) == 0)
        return true;
    qCCritical(lcEventLoop, "cannot watch the wake-up eventfd (%s); wakeUp() will not work", std::strerror(errno));
    return false;
}

// Brings the kernel's view of @p fd in line with its enabled notifiers. The fd
// may have been closed, or closed and reused, behind our back: the kernel then
// dropped the old registration by itself, so ENOENT on MOD means ADD, and
// EBADF/ENOENT on DEL mean there is nothing left to remove.
void EpollEventDispatcherPrivate::syncEpoll(int fd, SocketEntry &entry, bool force)
{
    quint32 wanted = 0;
    for (QSocketNotifier::Type type : NotifierTypes) {
        if (entry.notifiers[type])
            wanted |= epollEventFor(type);
    }
    if (entry.alwaysReady)
        return;
    if (wanted == 0) {
        if (entry.inEpoll && epoll_ctl(epollFd, EPOLL_CTL_DEL, fd, nullptr) == -1 && errno != EBADF && errno != ENOENT)
            qCWarning(lcEventLoop, "epoll_ctl(DEL) for fd %d failed: %s", fd, std::strerror(errno));
        entry.inEpoll = false;
        entry.events = 0;
        return;
    }
    if (entry.inEpoll && entry.events == wanted && !force)
        return;

    epoll_event event{};
    event.events = wanted;
    event.data.u64 = keyFor(fd, entry.generation);
    int op = entry.inEpoll ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
    int result = epoll_ctl(epollFd, op, fd, &event);
    if (result == -1 && op == EPOLL_CTL_MOD && errno == ENOENT) {
        op = EPOLL_CTL_ADD;
        result = epoll_ctl(epollFd, op, fd, &event);
    } else if (result == -1 && op == EPOLL_CTL_ADD && errno == EEXIST) {
        op = EPOLL_CTL_MOD;
        result = epoll_ctl(epollFd, op, fd, &event);
    }
    if (result == 0) {
        entry.inEpoll = true;
        entry.events = wanted;
        return;
    }
    entry.inEpoll = false;
    entry.events = 0;
    if (errno == EPERM) {
        // Regular files (and a few devices) cannot be watched by epoll; poll()
        // reports them readable and writable at all times, so do the same.
        entry.alwaysReady = true;
        alwaysReady.insert(fd);
        return;
    }
    qCWarning(lcEventLoop, "QSocketNotifier: cannot watch socket %d (epoll_ctl: %s); its notifiers will not fire", fd,
              std::strerror(errno));
}

void EpollEventDispatcherPrivate::removeEntry(QHash<int, SocketEntry>::iterator it)
{
    syncEpoll(it.key(), it.value(), false); // no notifiers left: DEL
    alwaysReady.remove(it.key());
    sockets.erase(it);
}

void EpollEventDispatcherPrivate::markPending(int fd, SocketEntry &entry, quint32 revents)
{
    for (QSocketNotifier::Type type : NotifierTypes) {
        const quint8 bit = bitFor(type);
        if (!entry.notifiers[type] || !(revents & wakingEvents(type)) || (entry.pending & bit))
            continue;
        entry.pending |= bit;
        pending.push_back(PendingActivation{fd, entry.generation, type});
    }
}

int EpollEventDispatcherPrivate::waitForEvents(qint64 timeoutNs)
{
    // epoll_wait() counts in milliseconds: round up, as QTimerInfoList does, so
    // that a timer never finds itself woken a fraction of a millisecond early
    // and spinning until it is due.
    const int timeoutMs = timeoutNs < 0 ? -1 : int(qMin<qint64>((timeoutNs + NsPerMs - 1) / NsPerMs, INT_MAX));
    std::array<epoll_event, MaxEventsPerWait> events;
    const int count = epoll_wait(epollFd, events.data(), MaxEventsPerWait, timeoutMs);
    if (count == -1) {
        // EINTR: a signal; the caller's loop comes back with fresh timeouts.
        if (errno != EINTR)
            qCWarning(lcEventLoop, "epoll_wait failed: %s", std::strerror(errno));
        return 0;
    }

    int woken = 0;
    bool stale = false;
    for (int i = 0; i < count; ++i) {
        const quint64 key = events[i].data.u64;
        if (key == WakeUpKey) {
            consumeWakeUp();
            woken = 1;
            continue;
        }
        const int fd = int(quint32(key));
        const quint32 generation = quint32(key >> 32);
        const auto it = sockets.find(fd);
        if (it == sockets.end() || it->generation != generation || !it->inEpoll) {
            // A registration we no longer know: its fd was closed before its
            // notifier was unregistered, while another descriptor (a dup, a
            // forked child) keeps the socket open, so the kernel kept it and
            // EPOLL_CTL_DEL on the closed fd could not remove it.
            stale = true;
            continue;
        }
        markPending(fd, *it, events[i].events);
    }
    if (stale)
        rebuildEpoll();
    for (const int fd : std::as_const(alwaysReady)) {
        const auto it = sockets.find(fd);
        if (it != sockets.end())
            markPending(fd, *it, EPOLLIN | EPOLLOUT);
    }
    return woken;
}

int EpollEventDispatcherPrivate::waitForWakeUpOnly(qint64 timeoutNs)
{
    // ExcludeSocketNotifiers: ready sockets would make epoll_wait() return at
    // once (level-triggered) and the loop would spin, so wait on the eventfd alone.
    pollfd wake{wakeUpFd, POLLIN, 0};
    timespec timeout{};
    if (timeoutNs >= 0) {
        timeout.tv_sec = time_t(timeoutNs / NsPerSecond);
        timeout.tv_nsec = long(timeoutNs % NsPerSecond);
    }
    const int count = ppoll(&wake, 1, timeoutNs >= 0 ? &timeout : nullptr, nullptr);
    if (count == -1 && errno != EINTR)
        qCWarning(lcEventLoop, "ppoll on the wake-up eventfd failed: %s", std::strerror(errno));
    if (count > 0 && (wake.revents & POLLIN)) {
        consumeWakeUp();
        return 1;
    }
    return 0;
}

void EpollEventDispatcherPrivate::consumeWakeUp()
{
    eventfd_t value = 0;
    if (eventfd_read(wakeUpFd, &value) == -1 && errno != EAGAIN)
        qCWarning(lcEventLoop, "reading the wake-up eventfd failed: %s", std::strerror(errno));
    // Reset after reading: a wakeUp() in between skips its write, but its
    // posted event is delivered by the sendPostedEvents() that starts the next
    // processEvents(); every wakeUp() after this line writes again.
    wakeUps.storeRelease(0);
}

int EpollEventDispatcherPrivate::activateSocketNotifiers()
{
    int activated = 0;
    QEvent event(QEvent::SockAct);
    // A nested processEvents() (a slot running its own event loop) takes over
    // what is left of this queue; the head and the queue are members for that.
    while (pendingHead < pending.size()) {
        const PendingActivation activation = pending[pendingHead++];
        const auto it = sockets.find(activation.fd);
        if (it == sockets.end() || it->generation != activation.generation)
            continue;
        const quint8 bit = bitFor(activation.type);
        if (!(it->pending & bit))
            continue; // unregistered (disabled or deleted) since it became ready
        it->pending &= quint8(~bit);
        QSocketNotifier *notifier = it->notifiers[activation.type];
        if (!notifier)
            continue;
        QCoreApplication::sendEvent(notifier, &event);
        ++activated;
    }
    pending.clear();
    pendingHead = 0;
    return activated;
}

void EpollEventDispatcherPrivate::rebuildEpoll()
{
    const int fresh = epoll_create1(EPOLL_CLOEXEC);
    if (fresh == -1) {
        qCWarning(lcEventLoop, "epoll reported a socket whose notifier is gone, and a new epoll set cannot be made (%s)",
                  std::strerror(errno));
        return;
    }
    qCWarning(lcEventLoop,
              "epoll reported a socket whose notifier is gone (its fd was closed before the notifier was disabled, "
              "and a duplicate keeps it open); rebuilding the epoll set of %lld sockets",
              qlonglong(sockets.size()));
    close(epollFd);
    epollFd = fresh;
    addWakeUpToEpoll(); // level-triggered: a pending wake-up shows in the new set too
    for (auto it = sockets.begin(); it != sockets.end(); ++it) {
        it->inEpoll = false;
        it->events = 0;
        syncEpoll(it.key(), it.value(), true);
    }
}

qint64 EpollEventDispatcherPrivate::periodNs(const Timer &timer)
{
    const qint64 interval = qMin(timer.interval, MaxIntervalMs);
    if (timer.effectiveType == Qt::VeryCoarseTimer) // whole seconds, rounded to the nearest
        return qMax<qint64>(1, (interval + 500) / 1000) * NsPerSecond;
    return interval * NsPerMs;
}

void EpollEventDispatcherPrivate::placeDeadline(Timer &timer, qint64 now)
{
    timer.deadline = timer.expected;
    switch (timer.effectiveType) {
    case Qt::PreciseTimer:
        return;
    case Qt::CoarseTimer: {
        // At most 5% late and never early, on the roundest boundary that
        // allows, so that timers of similar length share wake-ups.
        static constexpr std::array<qint64, 12> granularitiesMs{1000, 500, 250, 200, 100, 50, 25, 20, 10, 5, 2, 1};
        const qint64 slack = periodNs(timer) / 20;
        for (const qint64 granularityMs : granularitiesMs) {
            const qint64 granularity = granularityMs * NsPerMs;
            if (granularity <= slack) {
                timer.deadline = (timer.expected + granularity - 1) / granularity * granularity;
                break;
            }
        }
        return;
    }
    case Qt::VeryCoarseTimer:
        // As in Qt: on the full second of the clock nearest to the expected time.
        timer.deadline = (timer.expected + NsPerSecond / 2) / NsPerSecond * NsPerSecond;
        if (timer.deadline <= now)
            timer.deadline += NsPerSecond;
        return;
    }
}

void EpollEventDispatcherPrivate::scheduleFirst(Timer &timer, qint64 now)
{
    timer.expected = now + periodNs(timer);
    placeDeadline(timer, now);
}

void EpollEventDispatcherPrivate::scheduleNext(Timer &timer, qint64 now)
{
    // From the previous expected time, not the rounded deadline, so that coarse
    // rounding does not drift; a timer that fell behind skips what it missed
    // rather than firing in a burst.
    const qint64 period = periodNs(timer);
    timer.expected += period;
    if (timer.expected < now)
        timer.expected = now + period;
    placeDeadline(timer, now);
}

void EpollEventDispatcherPrivate::enqueue(Timer &timer)
{
    timer.sequence = ++nextSequence;
    timerQueue.emplace(TimerKey{timer.deadline, timer.sequence}, &timer);
}

void EpollEventDispatcherPrivate::removeTimer(Timer *timer)
{
    timerQueue.erase(TimerKey{timer->deadline, timer->sequence});
    timersByObject.remove(timer->object, timer);
    if (timer->activateRef)
        *timer->activateRef = nullptr;
    timers.erase(timer->id); // deletes it
}

qint64 EpollEventDispatcherPrivate::timeUntilNextTimer() const
{
    // A timer whose event is being delivered further up the stack does not
    // count: a nested loop in its slot would otherwise never wait.
    for (const auto &[key, timer] : timerQueue) {
        if (!timer->activateRef)
            return qMax<qint64>(0, timer->deadline - monotonicNs());
    }
    return -1;
}

int EpollEventDispatcherPrivate::activateTimers()
{
    if (timerQueue.empty())
        return 0;
    const qint64 now = monotonicNs();
    const quint64 round = ++timerRound;

    // Only timers due now take part, each once: a timer re-armed for a time
    // that is already due (a zero timer, one that fell behind) waits for the
    // next processEvents(), so that sockets get their turn in between.
    qsizetype due = 0;
    for (auto it = timerQueue.cbegin(); it != timerQueue.cend() && it->first.first <= now; ++it)
        ++due;

    int activated = 0;
    while (due-- > 0 && !timerQueue.empty()) {
        const auto first = timerQueue.begin();
        Timer *timer = first->second;
        if (timer->deadline > now || timer->firedInRound == round)
            break;
        timer->firedInRound = round;
        timerQueue.erase(first);
        scheduleNext(*timer, now);
        enqueue(*timer);
        if (timer->interval > 0)
            ++activated;
        if (timer->activateRef)
            continue; // its previous event is still being delivered: do not recurse

        Timer *current = timer;
        timer->activateRef = &current; // cleared by removeTimer() if the slot kills it
        QTimerEvent event(timer->id);
        QCoreApplication::sendEvent(timer->object, &event);
        if (current)
            current->activateRef = nullptr;
    }
    return activated;
}

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent), m_d(std::make_unique<EpollEventDispatcherPrivate>())
{ }

EpollEventDispatcher::~EpollEventDispatcher() = default;

bool EpollEventDispatcher::isValid() const
{
    return m_d->epollFd != -1 && m_d->wakeUpFd != -1;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    EpollEventDispatcherPrivate *d = m_d.get();
    d->interrupted.storeRelaxed(0);

    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    // No need to ask whether events were posted meanwhile: postEvent() calls
    // wakeUp(), so the eventfd is readable and the wait below returns at once.
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !d->interrupted.loadRelaxed();
    if (canWait)
        Q_EMIT aboutToBlock();
    if (d->interrupted.loadRelaxed())
        return false;

    qint64 timeoutNs = canWait ? -1 : 0;
    if (canWait && includeTimers)
        timeoutNs = d->timeUntilNextTimer();
    // Files that epoll refuses are always ready; activations left over from an
    // outer round (this is a nested loop started by a slot) are still due.
    if (includeNotifiers && (!d->alwaysReady.isEmpty() || d->pendingHead < d->pending.size()))
        timeoutNs = 0;

    int handled = 0;
    if (includeNotifiers) {
        handled += d->waitForEvents(timeoutNs);
        handled += d->activateSocketNotifiers();
    } else {
        handled += d->waitForWakeUpOnly(timeoutNs);
    }
    if (includeTimers)
        handled += d->activateTimers();
    return handled > 0;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const int fd = int(notifier->socket());
    const QSocketNotifier::Type type = notifier->type();
    if (fd < 0) {
        qCWarning(lcEventLoop, "QSocketNotifier: cannot register an invalid socket (%d)", fd);
        return;
    }
    if (notifier->thread() != thread() || thread() != QThread::currentThread()) {
        qCWarning(lcEventLoop, "QSocketNotifier: socket notifiers cannot be enabled from another thread (fd %d)", fd);
        return;
    }

    EpollEventDispatcherPrivate *d = m_d.get();
    auto it = d->sockets.find(fd);
    if (it == d->sockets.end()) {
        it = d->sockets.insert(fd, EpollEventDispatcherPrivate::SocketEntry{});
        it->generation = ++d->nextGeneration;
    }
    EpollEventDispatcherPrivate::SocketEntry &entry = it.value();
    if (entry.notifiers[type] && entry.notifiers[type] != notifier)
        qCWarning(lcEventLoop, "Multiple socket notifiers for same socket %d and type %s; the newest one wins", fd,
                  typeName(type));
    entry.notifiers[type] = notifier;
    // Forced even when the mask is unchanged: if the fd was closed and its
    // number reused, the kernel has forgotten the old registration.
    d->syncEpoll(fd, entry, true);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    Q_ASSERT(notifier);
    const int fd = int(notifier->socket());
    const QSocketNotifier::Type type = notifier->type();
    if (notifier->thread() != thread() || thread() != QThread::currentThread()) {
        qCWarning(lcEventLoop, "QSocketNotifier: socket notifier (fd %d) cannot be disabled from another thread", fd);
        return;
    }

    EpollEventDispatcherPrivate *d = m_d.get();
    const auto it = d->sockets.find(fd);
    if (it == d->sockets.end() || !it->notifiers[type])
        return;
    if (it->notifiers[type] != notifier) {
        qCWarning(lcEventLoop, "Multiple socket notifiers for same socket %d and type %s; keeping the newest one", fd,
                  typeName(type));
        return;
    }
    it->notifiers[type] = nullptr;
    it->pending &= quint8(~bitFor(type)); // a queued activation of this round is dropped
    if (!it->notifiers[QSocketNotifier::Read] && !it->notifiers[QSocketNotifier::Write]
        && !it->notifiers[QSocketNotifier::Exception])
        d->removeEntry(it);
    else
        d->syncEpoll(fd, it.value(), false);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object) {
        qCWarning(lcEventLoop, "registerTimer: invalid arguments (id %d, interval %lld ms)", timerId, qlonglong(interval));
        return;
    }
    if (object->thread() != thread() || thread() != QThread::currentThread()) {
        qCWarning(lcEventLoop, "registerTimer: timers cannot be started from another thread (id %d)", timerId);
        return;
    }

    EpollEventDispatcherPrivate *d = m_d.get();
    if (const auto existing = d->timers.find(timerId); existing != d->timers.end())
        d->removeTimer(existing->second.get());

    auto timer = std::make_unique<EpollEventDispatcherPrivate::Timer>();
    timer->id = timerId;
    timer->interval = interval;
    timer->type = timerType;
    timer->object = object;
    // As in Qt: below 20 ms, 5% is under a millisecond, so a coarse timer is
    // precise; from 20 s, 5% is over a second, so it is very coarse.
    timer->effectiveType = timerType;
    if (timerType == Qt::CoarseTimer && interval <= 20)
        timer->effectiveType = Qt::PreciseTimer;
    else if (timerType == Qt::CoarseTimer && interval >= 20'000)
        timer->effectiveType = Qt::VeryCoarseTimer;
    else if (timerType == Qt::VeryCoarseTimer && interval == 0)
        timer->effectiveType = Qt::PreciseTimer;

    d->scheduleFirst(*timer, monotonicNs());
    d->enqueue(*timer);
    d->timersByObject.insert(object, timer.get());
    d->timers.emplace(timerId, std::move(timer));
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    if (thread() != QThread::currentThread()) {
        qCWarning(lcEventLoop, "unregisterTimer: timers cannot be stopped from another thread (id %d)", timerId);
        return false;
    }
    EpollEventDispatcherPrivate *d = m_d.get();
    const auto it = d->timers.find(timerId);
    if (it == d->timers.end())
        return false;
    d->removeTimer(it->second.get());
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    if (!object)
        return false;
    if (object->thread() != thread() || thread() != QThread::currentThread()) {
        qCWarning(lcEventLoop, "unregisterTimers: timers cannot be stopped from another thread");
        return false;
    }
    EpollEventDispatcherPrivate *d = m_d.get();
    const QList<EpollEventDispatcherPrivate::Timer *> owned = d->timersByObject.values(object);
    for (EpollEventDispatcherPrivate::Timer *timer : owned)
        d->removeTimer(timer);
    return !owned.isEmpty();
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    if (!object)
        return list;
    const auto range = m_d->timersByObject.equal_range(object);
    for (auto it = range.first; it != range.second; ++it) {
        const EpollEventDispatcherPrivate::Timer *timer = it.value();
        list.append(TimerInfo(timer->id, int(qMin<qint64>(timer->interval, INT_MAX)), timer->type));
    }
    // QMultiHash hands out the newest first; QObject::moveToThread() re-registers
    // in this order, so keep registration order.
    std::reverse(list.begin(), list.end());
    return list;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_d->timers.find(timerId);
    if (it == m_d->timers.end())
        return -1;
    const qint64 left = it->second->deadline - monotonicNs();
    if (left <= 0)
        return 0;
    return int(qMin<qint64>((left + NsPerMs - 1) / NsPerMs, INT_MAX));
}

void EpollEventDispatcher::wakeUp()
{
    EpollEventDispatcherPrivate *d = m_d.get();
    if (!d->wakeUps.testAndSetAcquire(0, 1))
        return; // a wake-up is already on its way
    int result;
    do {
        result = eventfd_write(d->wakeUpFd, 1);
    } while (result == -1 && errno == EINTR);
    if (result == -1)
        qCWarning(lcEventLoop, "writing the wake-up eventfd failed: %s", std::strerror(errno));
}

void EpollEventDispatcher::interrupt()
{
    m_d->interrupted.storeRelaxed(1);
    wakeUp();
}

} // namespace Frontdesk
