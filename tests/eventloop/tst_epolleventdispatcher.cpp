// The epoll event dispatcher under real Qt code: the whole test runs with it
// installed on the main thread (see main() at the end), and some cases start
// worker threads with their own. Timers, posted events, event loops, wake-ups,
// socket notifiers on real sockets, Qt's TCP and WebSocket classes on top, and
// a FrontdeskServer on an epoll thread driven as a visitor and an agent.
#include "eventloop/epolleventdispatcher.h"
#include "eventloop/eventdispatcherchoice.h"

#include "jsonsocket.h"
#include "testserver.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <memory>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

/// Two connected AF_UNIX stream sockets, closed on scope exit (unless taken).
struct SocketPair {
    int fd[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fd); }
    ~SocketPair()
    {
        for (int &f : fd) {
            if (f != -1)
                ::close(f);
        }
    }
    SocketPair(const SocketPair &) = delete;
    SocketPair &operator=(const SocketPair &) = delete;
    [[nodiscard]] bool isValid() const { return fd[0] != -1 && fd[1] != -1; }
    void send(int end, const char *bytes = "x") const { [[maybe_unused]] const auto n = ::write(fd[end], bytes, qstrlen(bytes)); }
    void drain(int end) const
    {
        char buffer[4096];
        while (::read(fd[end], buffer, sizeof buffer) > 0) { }
    }
};

/// Connected TCP sockets over loopback (for out-of-band data), closed on scope exit.
struct TcpPair {
    int fd[2] = {-1, -1};
    TcpPair()
    {
        const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 && ::listen(listener, 1) == 0
            && ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
            fd[0] = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (::connect(fd[0], reinterpret_cast<sockaddr *>(&address), sizeof address) == 0)
                fd[1] = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        }
        ::close(listener);
    }
    ~TcpPair()
    {
        for (int f : fd) {
            if (f != -1)
                ::close(f);
        }
    }
    TcpPair(const TcpPair &) = delete;
    TcpPair &operator=(const TcpPair &) = delete;
};

/// Records timer events and lets the test act inside them.
class TimerProbe : public QObject
{
public:
    QList<int> fired;
    QList<QThread *> threads;
    std::function<void(int)> onTimer;

protected:
    void timerEvent(QTimerEvent *event) override
    {
        fired.append(event->timerId());
        threads.append(QThread::currentThread());
        if (onTimer)
            onTimer(event->timerId());
    }
};

/// Counts events of one type sent to any object of the main thread.
class EventCounter : public QObject
{
public:
    explicit EventCounter(QEvent::Type type) : m_type(type) { QCoreApplication::instance()->installEventFilter(this); }
    ~EventCounter() override { QCoreApplication::instance()->removeEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == m_type)
            ++count;
        return QObject::eventFilter(watched, event);
    }

private:
    QEvent::Type m_type;
};

/// A worker thread with its own epoll dispatcher, stopped on scope exit.
class EpollThread
{
public:
    EpollThread()
    {
        m_thread.setEventDispatcher(new EpollEventDispatcher);
        m_thread.start();
    }
    ~EpollThread()
    {
        m_thread.quit();
        m_thread.wait();
    }
    [[nodiscard]] QThread *thread() { return &m_thread; }
    /// Runs @p work in the thread and waits for it.
    void run(const std::function<void()> &work)
    {
        QMetaObject::invokeMethod(m_thread.eventDispatcher(), work, Qt::BlockingQueuedConnection);
    }

private:
    QThread m_thread;
};

/// A TCP echo server and a connected client, both on the current thread.
struct TcpEcho {
    QTcpServer server;
    QPointer<QTcpSocket> serverSide;
    QTcpSocket client;
    QByteArray received;

    bool start()
    {
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            serverSide = server.nextPendingConnection();
            QObject::connect(serverSide, &QTcpSocket::readyRead, serverSide,
                             [socket = serverSide] { socket->write(socket->readAll()); });
        });
        QObject::connect(&client, &QTcpSocket::readyRead, &client, [this] { received += client.readAll(); });
        if (!server.listen(QHostAddress::LocalHost))
            return false;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        return true;
    }
};

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / qsizetype(sizeof(quint32)));
    return bytes;
}

} // namespace

class tst_EpollEventDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void choiceFollowsTheEnvironment_data();
    void choiceFollowsTheEnvironment();

    // Timers
    void singleShotTimersFireInDeadlineOrder();
    void repeatingTimerKeepsItsInterval_data();
    void repeatingTimerKeepsItsInterval();
    void timerKilledInsideItsOwnEvent();
    void timerKilledByAnotherDueInTheSameRound();
    void timerFiresOncePerProcessEvents();
    void zeroTimerDoesNotStarveSockets();
    void remainingTimeCountsDown();
    void timersFollowTheirObjectToAnotherThread();

    // Posted events, loops, wake-ups
    void postedEventsAndDeleteLater();
    void eventLoopExitedFromAnotherThreadWithoutSpinning();
    void waitForMoreEventsIsWokenByWakeUp();
    void interruptEndsTheWait();
    void postedEventWakesAWorkerThread();

    // Socket notifiers
    void readNotifierFollowsEnableAndDisable();
    void writeNotifierFiresWhileWritable();
    void exceptionNotifierSeesOutOfBandData();
    void notifierDeletedInItsOwnSlot();
    void notifierDeletedByAnotherSlotInTheSameRound();
    void notifierDisabledInTheSameRoundIsNotActivated();
    void nestedLoopInASlotTakesOverTheRound();
    void reusedFdDoesNotInheritAPendingActivation();
    void fdClosedBeforeItsNotifierIsDeleted();
    void closedButDuplicatedFdDoesNotSpin();
    void regularFileIsAlwaysReady();

    // Qt's sockets on top
    void tcpEchoOfOneMegabyte();
    void webSocketExchange();
    void manyIdleSocketsOnlyReadyOnesAreDispatched();
    void socketAbortedInsideItsOwnReadyRead();
    void peerDeletedWhileItsReadIsPending();
    void frontdeskServerOnAnEpollThread();
};

void tst_EpollEventDispatcher::initTestCase()
{
    QVERIFY2(qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()),
             "the main thread must run on the epoll dispatcher (see main())");
}

void tst_EpollEventDispatcher::choiceFollowsTheEnvironment_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("unset");
    QTest::addColumn<bool>("expectEpoll");
    QTest::newRow("unset") << QByteArray() << true << true;
    QTest::newRow("epoll") << "epoll"_ba << false << true;
    QTest::newRow("EPOLL") << "EPOLL"_ba << false << true;
    QTest::newRow("default") << "default"_ba << false << false;
    QTest::newRow("unknown") << "glib"_ba << false << false;
}

void tst_EpollEventDispatcher::choiceFollowsTheEnvironment()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, unset);
    QFETCH(bool, expectEpoll);
    const QByteArray saved = qgetenv("FRONTDESK_EVENT_DISPATCHER");
    const bool wasSet = qEnvironmentVariableIsSet("FRONTDESK_EVENT_DISPATCHER");
    if (unset)
        qunsetenv("FRONTDESK_EVENT_DISPATCHER");
    else
        qputenv("FRONTDESK_EVENT_DISPATCHER", value);
    if (value == "glib")
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"FRONTDESK_EVENT_DISPATCHER=glib"_s));

    std::unique_ptr<QAbstractEventDispatcher> chosen(EventDispatcherChoice::createFromEnvironment());

    if (wasSet)
        qputenv("FRONTDESK_EVENT_DISPATCHER", saved);
    else
        qunsetenv("FRONTDESK_EVENT_DISPATCHER");
    QCOMPARE(qobject_cast<EpollEventDispatcher *>(chosen.get()) != nullptr, expectEpoll);
    if (!expectEpoll)
        QVERIFY(!chosen);
}

void tst_EpollEventDispatcher::singleShotTimersFireInDeadlineOrder()
{
    QStringList fired;
    QHash<QString, qint64> firedAt;
    QElapsedTimer clock;
    clock.start();
    const auto shot = [&](int ms, const QString &name) {
        QTimer::singleShot(ms, Qt::PreciseTimer, this, [&fired, &firedAt, &clock, name] {
            fired.append(name);
            firedAt.insert(name, clock.elapsed());
        });
    };
    QEventLoop loop;
    shot(90, u"c"_s);
    shot(30, u"a"_s);
    shot(60, u"b"_s);
    shot(30, u"a2"_s);
    shot(0, u"zero"_s);
    QTimer::singleShot(100, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    QTimer::singleShot(5'000, &loop, &QEventLoop::quit);
    loop.exec();

    QCOMPARE(fired.size(), 5);
    QCOMPARE(fired, (QStringList{u"zero"_s, u"a"_s, u"a2"_s, u"b"_s, u"c"_s}));
    // Precise timers never fire early, and on an idle machine only a little late.
    QVERIFY2(firedAt.value(u"a"_s) >= 30, qPrintable(QString::number(firedAt.value(u"a"_s))));
    QVERIFY(firedAt.value(u"b"_s) >= 60);
    QVERIFY(firedAt.value(u"c"_s) >= 90);
    QVERIFY2(firedAt.value(u"c"_s) < 90 + 2'000, qPrintable(QString::number(firedAt.value(u"c"_s))));
}

void tst_EpollEventDispatcher::repeatingTimerKeepsItsInterval_data()
{
    QTest::addColumn<int>("interval");
    QTest::addColumn<Qt::TimerType>("type");
    QTest::newRow("precise 20 ms") << 20 << Qt::PreciseTimer;
    QTest::newRow("coarse 10 ms (treated as precise)") << 10 << Qt::CoarseTimer;
    QTest::newRow("coarse 60 ms") << 60 << Qt::CoarseTimer;
    QTest::newRow("coarse 150 ms") << 150 << Qt::CoarseTimer;
    QTest::newRow("very coarse 1 s") << 1'000 << Qt::VeryCoarseTimer;
}

void tst_EpollEventDispatcher::repeatingTimerKeepsItsInterval()
{
    QFETCH(int, interval);
    QFETCH(Qt::TimerType, type);
    const int ticks = type == Qt::VeryCoarseTimer ? 3 : 10;

    // Run a real event loop (QTRY_* polls without blocking), so that the
    // dispatcher's own wait decides when the timer fires.
    QTimer timer;
    timer.setTimerType(type);
    timer.setInterval(interval);
    QList<qint64> at;
    QElapsedTimer clock;
    QEventLoop loop;
    connect(&timer, &QTimer::timeout, &loop, [&] {
        at.append(clock.elapsed());
        if (at.size() == ticks)
            loop.quit();
    });
    QTimer::singleShot(ticks * interval * 3 + 5'000, &loop, &QEventLoop::quit);
    clock.start();
    timer.start();
    loop.exec();
    timer.stop();
    QCOMPARE(at.size(), ticks);

    // Never early: tick k comes no sooner than k intervals after the start (a
    // very coarse timer may round to the nearest second, so half a second early).
    const qint64 early = type == Qt::VeryCoarseTimer ? 500 : 0;
    for (int k = 0; k < ticks; ++k)
        QVERIFY2(at.at(k) >= qint64(k + 1) * interval - early, qPrintable(u"tick %1 at %2 ms"_s.arg(k + 1).arg(at.at(k))));
    // And not much late overall: 5% for coarse timers, plus generous room for
    // a loaded machine (the late ticks do not add up: the schedule does not drift).
    const qint64 late = type == Qt::VeryCoarseTimer ? 1'500 : ticks * interval / 20 + 1'000;
    QVERIFY2(at.at(ticks - 1) <= qint64(ticks) * interval + late,
             qPrintable(u"%1 ticks took %2 ms"_s.arg(ticks).arg(at.at(ticks - 1))));
}

void tst_EpollEventDispatcher::timerKilledInsideItsOwnEvent()
{
    TimerProbe probe;
    int second = 0;
    probe.onTimer = [&](int id) {
        if (probe.fired.size() == 3) {
            probe.killTimer(id);
            // Qt hands the freed id out again: the new timer must not be
            // mistaken for the one whose event is being delivered.
            second = probe.startTimer(5, Qt::PreciseTimer);
        } else if (probe.fired.size() == 4) {
            probe.killTimer(id);
        }
    };
    const int first = probe.startTimer(5, Qt::PreciseTimer);
    QTRY_COMPARE(probe.fired.size(), 4);
    QTest::qWait(60);
    QCOMPARE(probe.fired, (QList<int>{first, first, first, second}));
    QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(&probe).isEmpty());
}

void tst_EpollEventDispatcher::timerKilledByAnotherDueInTheSameRound()
{
    TimerProbe probe;
    int a = 0;
    int b = 0;
    probe.onTimer = [&](int id) { probe.killTimer(id == a ? b : a); };
    a = probe.startTimer(1, Qt::PreciseTimer);
    b = probe.startTimer(1, Qt::PreciseTimer);
    QThread::msleep(20); // both overdue: they are activated in the same round
    QCoreApplication::processEvents();
    QCOMPARE(probe.fired, QList<int>{a});
    probe.killTimer(a);
}

void tst_EpollEventDispatcher::timerFiresOncePerProcessEvents()
{
    TimerProbe probe;
    const int zeroA = probe.startTimer(0);
    const int zeroB = probe.startTimer(0);
    const int overdue = probe.startTimer(1, Qt::PreciseTimer);
    QThread::msleep(30); // 30 intervals overdue: it fires once, then skips what it missed
    for (int i = 0; i < 50; ++i)
        QCoreApplication::processEvents();
    QCOMPARE(probe.fired.count(zeroA), 50);
    QCOMPARE(probe.fired.count(zeroB), 50);
    QVERIFY2(probe.fired.count(overdue) >= 1 && probe.fired.count(overdue) <= 50,
             qPrintable(QString::number(probe.fired.count(overdue))));
    // Zero timers keep their order relative to each other.
    QList<int> zeros = probe.fired;
    zeros.removeAll(overdue);
    for (int i = 0; i + 1 < zeros.size(); i += 2)
        QCOMPARE((QList<int>{zeros.at(i), zeros.at(i + 1)}), (QList<int>{zeroA, zeroB}));
    probe.killTimer(zeroA);
    probe.killTimer(zeroB);
    probe.killTimer(overdue);
}

void tst_EpollEventDispatcher::zeroTimerDoesNotStarveSockets()
{
    QTimer busy;
    busy.setInterval(0);
    int spins = 0;
    connect(&busy, &QTimer::timeout, this, [&spins] { ++spins; });
    busy.start();

    TcpEcho echo;
    QVERIFY(echo.start());
    QTRY_COMPARE(echo.client.state(), QAbstractSocket::ConnectedState);
    const QByteArray payload = randomBytes(256 * 1024);
    echo.client.write(payload);
    QTRY_COMPARE(echo.received.size(), payload.size());
    QCOMPARE(echo.received, payload);
    QVERIFY(spins > 0);
}

void tst_EpollEventDispatcher::remainingTimeCountsDown()
{
    QTimer precise;
    precise.setTimerType(Qt::PreciseTimer);
    precise.setSingleShot(true);
    QCOMPARE(precise.remainingTime(), -1);
    precise.start(500);
    int left = precise.remainingTime();
    QVERIFY2(left > 450 && left <= 500, qPrintable(QString::number(left)));
    QThread::msleep(200);
    left = precise.remainingTime();
    QVERIFY2(left > 200 && left <= 300, qPrintable(QString::number(left)));
    QThread::msleep(350);
    QCOMPARE(precise.remainingTime(), 0); // overdue, not yet delivered
    QTRY_VERIFY(!precise.isActive());
    QCOMPARE(precise.remainingTime(), -1);

    QTimer coarse;
    coarse.setTimerType(Qt::CoarseTimer);
    coarse.start(2'000);
    left = coarse.remainingTime();
    QVERIFY2(left >= 2'000 - 5 && left <= 2'100, qPrintable(QString::number(left))); // at most 5% late

    const auto timers = QAbstractEventDispatcher::instance()->registeredTimers(&coarse);
    QCOMPARE(timers.size(), 1);
    QCOMPARE(timers.first().interval, 2'000);
    QCOMPARE(timers.first().timerType, Qt::CoarseTimer);
}

void tst_EpollEventDispatcher::timersFollowTheirObjectToAnotherThread()
{
    EpollThread worker;
    auto *probe = new TimerProbe;
    QSemaphore fired;
    probe->onTimer = [&fired](int) { fired.release(); };
    const int id = probe->startTimer(20, Qt::PreciseTimer);
    QCOMPARE(QAbstractEventDispatcher::instance()->registeredTimers(probe).size(), 1);
    probe->moveToThread(worker.thread());
    QVERIFY(QAbstractEventDispatcher::instance()->registeredTimers(probe).isEmpty());

    QVERIFY(fired.tryAcquire(1, 5'000));
    QList<QAbstractEventDispatcher::TimerInfo> timers;
    int firstId = 0;
    QThread *firstThread = nullptr;
    worker.run([&] {
        firstId = probe->fired.first();
        firstThread = probe->threads.first();
        timers = QAbstractEventDispatcher::instance()->registeredTimers(probe);
        delete probe;
    });
    QCOMPARE(firstId, id);
    QCOMPARE(firstThread, worker.thread());
    QCOMPARE(timers.size(), 1);
    QCOMPARE(timers.first().interval, 20);
    QCOMPARE(timers.first().timerType, Qt::PreciseTimer);
}

void tst_EpollEventDispatcher::postedEventsAndDeleteLater()
{
    class Receiver : public QObject
    {
    public:
        int received = 0;
        bool event(QEvent *event) override
        {
            if (event->type() == QEvent::User) {
                ++received;
                return true;
            }
            return QObject::event(event);
        }
    } receiver;
    for (int i = 0; i < 3; ++i)
        QCoreApplication::postEvent(&receiver, new QEvent(QEvent::User));
    QCOMPARE(receiver.received, 0);
    QCoreApplication::processEvents();
    QCOMPARE(receiver.received, 3);

    // deleteLater from outside any loop: the next loop deletes it.
    QEventLoop loop;
    QPointer<QObject> doomed = new QObject;
    connect(doomed.data(), &QObject::destroyed, &loop, &QEventLoop::quit);
    doomed->deleteLater();
    QTimer::singleShot(5'000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY(doomed.isNull());
}

void tst_EpollEventDispatcher::eventLoopExitedFromAnotherThreadWithoutSpinning()
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    QEventLoop loop;
    int wakeUps = 0;
    QObject context;
    connect(dispatcher, &QAbstractEventDispatcher::awake, &context, [&wakeUps] { ++wakeUps; });
    std::unique_ptr<QThread> exiter(QThread::create([&loop] {
        QThread::msleep(300);
        loop.exit(7);
    }));
    exiter->start();
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(loop.exec(), 7);
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
    // A blocked loop wakes for the exit and little else (no busy polling).
    QVERIFY2(wakeUps < 30, qPrintable(u"%1 wake-ups in 300 ms"_s.arg(wakeUps)));
    QVERIFY(exiter->wait(5'000));
}

void tst_EpollEventDispatcher::waitForMoreEventsIsWokenByWakeUp()
{
    QSemaphore waiting;
    qint64 blockedMs = -1;
    bool result = false;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        QElapsedTimer clock;
        clock.start();
        waiting.release();
        result = dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        blockedMs = clock.elapsed();
    }));
    auto *dispatcher = new EpollEventDispatcher;
    worker->setEventDispatcher(dispatcher);
    worker->start();
    waiting.acquire();
    QThread::msleep(150);
    dispatcher->wakeUp();
    QVERIFY(worker->wait(5'000));
    QVERIFY2(blockedMs >= 140, qPrintable(QString::number(blockedMs)));
    QVERIFY(result); // a wake-up counts as an event, as in QEventDispatcherUNIX
}

void tst_EpollEventDispatcher::interruptEndsTheWait()
{
    QSemaphore waiting;
    qint64 blockedMs = -1;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
        QElapsedTimer clock;
        clock.start();
        waiting.release();
        dispatcher->processEvents(QEventLoop::WaitForMoreEvents);
        blockedMs = clock.elapsed();
    }));
    auto *dispatcher = new EpollEventDispatcher;
    worker->setEventDispatcher(dispatcher);
    worker->start();
    waiting.acquire();
    QThread::msleep(100);
    dispatcher->interrupt();
    QVERIFY(worker->wait(5'000));
    QVERIFY2(blockedMs >= 90, qPrintable(QString::number(blockedMs)));
}

void tst_EpollEventDispatcher::postedEventWakesAWorkerThread()
{
    EpollThread worker;
    QObject target;
    target.moveToThread(worker.thread());
    QSemaphore delivered;
    QThread *ranOn = nullptr;
    // A blocked worker must wake for a queued call posted from here.
    QThread::msleep(50);
    QMetaObject::invokeMethod(
        &target,
        [&] {
            ranOn = QThread::currentThread();
            delivered.release();
        },
        Qt::QueuedConnection);
    QVERIFY(delivered.tryAcquire(1, 5'000));
    QCOMPARE(ranOn, worker.thread());
    worker.run([&] { target.moveToThread(QCoreApplication::instance()->thread()); });
}

void tst_EpollEventDispatcher::readNotifierFollowsEnableAndDisable()
{
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Read);
    int hits = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++hits;
        pair.drain(0);
    });
    QTest::qWait(30);
    QCOMPARE(hits, 0);
    pair.send(1);
    QTRY_COMPARE(hits, 1);

    notifier.setEnabled(false);
    pair.send(1);
    QTest::qWait(100);
    QCOMPARE(hits, 1);
    notifier.setEnabled(true);
    QTRY_COMPARE(hits, 2);
    QTest::qWait(50);
    QCOMPARE(hits, 2); // drained: level-triggered, but nothing left to report

    // The peer hanging up wakes the read notifier, as with poll().
    ::close(pair.fd[1]);
    pair.fd[1] = -1;
    QTRY_VERIFY(hits >= 3);
    notifier.setEnabled(false);
}

void tst_EpollEventDispatcher::writeNotifierFiresWhileWritable()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.fd[0], QSocketNotifier::Write);
    QSocketNotifier reader(pair.fd[0], QSocketNotifier::Read); // the same fd, another type
    int writes = 0;
    int reads = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        if (++writes == 3)
            notifier.setEnabled(false);
    });
    connect(&reader, &QSocketNotifier::activated, this, [&] {
        ++reads;
        pair.drain(0);
    });
    QTRY_COMPARE(writes, 3);
    QTest::qWait(50);
    QCOMPARE(writes, 3);
    QCOMPARE(reads, 0);
    pair.send(1);
    QTRY_COMPARE(reads, 1);
    QCOMPARE(writes, 3);
}

void tst_EpollEventDispatcher::exceptionNotifierSeesOutOfBandData()
{
    TcpPair pair;
    QVERIFY(pair.fd[0] != -1 && pair.fd[1] != -1);
    QSocketNotifier notifier(pair.fd[1], QSocketNotifier::Exception);
    int hits = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++hits;
        char urgent = 0;
        [[maybe_unused]] const auto n = ::recv(pair.fd[1], &urgent, 1, MSG_OOB);
        notifier.setEnabled(false);
    });
    QTest::qWait(30);
    QCOMPARE(hits, 0);
    QCOMPARE(::send(pair.fd[0], "!", 1, MSG_OOB), ssize_t(1));
    QTRY_COMPARE(hits, 1);
}

void tst_EpollEventDispatcher::notifierDeletedInItsOwnSlot()
{
    SocketPair pair;
    pair.send(1); // readable and writable before the round starts
    auto *reader = new QSocketNotifier(pair.fd[0], QSocketNotifier::Read);
    QPointer<QSocketNotifier> writer = new QSocketNotifier(pair.fd[0], QSocketNotifier::Write);
    int reads = 0;
    int writes = 0;
    connect(reader, &QSocketNotifier::activated, this, [&] {
        ++reads;
        delete writer.data(); // its activation is queued in this same round
        delete reader;
        ::close(pair.fd[0]);
        pair.fd[0] = -1;
    });
    connect(writer.data(), &QSocketNotifier::activated, this, [&writes] { ++writes; });
    QCoreApplication::processEvents();
    QCOMPARE(reads, 1);
    QCOMPARE(writes, 0);
    QTest::qWait(30);
    QCOMPARE(reads, 1);
    QCOMPARE(writes, 0);
}

void tst_EpollEventDispatcher::notifierDeletedByAnotherSlotInTheSameRound()
{
    SocketPair one;
    SocketPair two;
    one.send(1);
    two.send(1);
    QPointer<QSocketNotifier> first = new QSocketNotifier(one.fd[0], QSocketNotifier::Read);
    QPointer<QSocketNotifier> second = new QSocketNotifier(two.fd[0], QSocketNotifier::Read);
    int hits = 0;
    // Whichever comes first deletes the other, whose activation is queued.
    connect(first.data(), &QSocketNotifier::activated, this, [&] {
        ++hits;
        one.drain(0);
        delete second.data();
    });
    connect(second.data(), &QSocketNotifier::activated, this, [&] {
        ++hits;
        two.drain(0);
        delete first.data();
    });
    QCoreApplication::processEvents();
    QCOMPARE(hits, 1);
    QTest::qWait(30);
    QCOMPARE(hits, 1);
    delete first.data();
    delete second.data();
}

void tst_EpollEventDispatcher::notifierDisabledInTheSameRoundIsNotActivated()
{
    // Readable and writable in one round, on one fd: the read slot disables the
    // write notifier (the fd stays registered for reading), and then turns it
    // back on, as QAbstractSocket does. The activation queued before the
    // disable is dropped, as QEventDispatcherUNIX drops it; the next round
    // reports the fd writable again.
    SocketPair pair;
    pair.send(1);
    QSocketNotifier reader(pair.fd[0], QSocketNotifier::Read);
    QSocketNotifier writer(pair.fd[0], QSocketNotifier::Write);
    int reads = 0;
    int writes = 0;
    connect(&reader, &QSocketNotifier::activated, this, [&] {
        ++reads;
        pair.drain(0);
        writer.setEnabled(false);
        writer.setEnabled(true);
    });
    connect(&writer, &QSocketNotifier::activated, this, [&] {
        ++writes;
        writer.setEnabled(false);
    });
    QCoreApplication::processEvents();
    QCOMPARE(reads, 1);
    QCOMPARE(writes, 0);
    QTRY_COMPARE(writes, 1);
    QCOMPARE(reads, 1);
}

void tst_EpollEventDispatcher::nestedLoopInASlotTakesOverTheRound()
{
    // A slot that runs its own event loop (a modal wait) while the round still
    // has queued activations: the nested loop delivers them, once each, and
    // the outer round does not deliver them again.
    SocketPair one;
    SocketPair two;
    one.send(1);
    two.send(1);
    QSocketNotifier first(one.fd[0], QSocketNotifier::Read);
    QSocketNotifier second(two.fd[0], QSocketNotifier::Read);
    int firstHits = 0;
    int secondHits = 0;
    bool nested = false;
    int deliveredWhileNested = 0;
    const auto handle = [&](const SocketPair &pair, int &hits) {
        ++hits;
        pair.drain(0);
        if (nested) {
            ++deliveredWhileNested;
            return;
        }
        nested = true;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
        nested = false;
    };
    connect(&first, &QSocketNotifier::activated, this, [&] { handle(one, firstHits); });
    connect(&second, &QSocketNotifier::activated, this, [&] { handle(two, secondHits); });
    QCoreApplication::processEvents();
    QCOMPARE(firstHits, 1);
    QCOMPARE(secondHits, 1);
    QCOMPARE(deliveredWhileNested, 1);
    QTest::qWait(30);
    QCOMPARE(firstHits + secondHits, 2);
}

void tst_EpollEventDispatcher::reusedFdDoesNotInheritAPendingActivation()
{
    SocketPair one;
    SocketPair two;
    SocketPair fresh; // will take over two.fd[0]'s number
    one.send(1);
    two.send(1);
    const int reusedNumber = two.fd[0];
    auto *first = new QSocketNotifier(one.fd[0], QSocketNotifier::Read);
    QPointer<QSocketNotifier> second = new QSocketNotifier(two.fd[0], QSocketNotifier::Read);
    QPointer<QSocketNotifier> replacement;
    int firstHits = 0;
    int secondHits = 0;
    int replacementHits = 0;
    const auto replace = [&] {
        // Delete the other notifier, close its fd and put a quiet socket under
        // the same number, with a new notifier: the queued activation of the
        // old one must not reach the new one.
        delete second.data();
        ::close(two.fd[0]);
        two.fd[0] = -1;
        QCOMPARE(::dup2(fresh.fd[0], reusedNumber), reusedNumber);
        replacement = new QSocketNotifier(reusedNumber, QSocketNotifier::Read);
        connect(replacement.data(), &QSocketNotifier::activated, this, [&] {
            ++replacementHits;
            char buffer[16];
            while (::read(reusedNumber, buffer, sizeof buffer) > 0) { }
        });
    };
    connect(first, &QSocketNotifier::activated, this, [&] {
        ++firstHits;
        one.drain(0);
        if (second)
            replace();
    });
    connect(second.data(), &QSocketNotifier::activated, this, [&] {
        ++secondHits;
        two.drain(0);
    });
    QCoreApplication::processEvents();
    QCOMPARE(firstHits, 1);
    if (secondHits == 0) {
        // first ran first and replaced second: nothing may reach the quiet socket.
        QCOMPARE(replacementHits, 0);
        QTest::qWait(30);
        QCOMPARE(replacementHits, 0);
        // The new registration under the old number works.
        fresh.send(1);
        QTRY_COMPARE(replacementHits, 1);
    }
    delete replacement.data();
    delete second.data();
    delete first;
    ::close(reusedNumber);
}

void tst_EpollEventDispatcher::fdClosedBeforeItsNotifierIsDeleted()
{
    // Closing first makes the kernel forget the registration; a new socket under
    // the same number and a new notifier must still be watched, and deleting the
    // old notifier afterwards must not take the new one's registration away.
    SocketPair old;
    SocketPair fresh;
    const int number = old.fd[0];
    auto *stale = new QSocketNotifier(number, QSocketNotifier::Read);
    ::close(number);
    old.fd[0] = -1;
    QCOMPARE(::dup2(fresh.fd[0], number), number);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Multiple socket notifiers for same socket"_s));
    QSocketNotifier current(number, QSocketNotifier::Read);
    int hits = 0;
    connect(&current, &QSocketNotifier::activated, this, [&] {
        ++hits;
        char buffer[16];
        while (::read(number, buffer, sizeof buffer) > 0) { }
    });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Multiple socket notifiers for same socket"_s));
    delete stale;
    fresh.send(1);
    QTRY_COMPARE(hits, 1);
    current.setEnabled(false);
    ::close(number);
}

void tst_EpollEventDispatcher::closedButDuplicatedFdDoesNotSpin()
{
    // The fd is closed before its notifier is disabled while a duplicate keeps
    // the socket open: EPOLL_CTL_DEL cannot reach the registration any more and
    // the kernel keeps reporting it. The dispatcher must drop it, not spin.
    SocketPair pair;
    const int duplicate = ::dup(pair.fd[0]);
    auto *notifier = new QSocketNotifier(pair.fd[0], QSocketNotifier::Read);
    int hits = 0;
    connect(notifier, &QSocketNotifier::activated, this, [&hits] { ++hits; });
    ::close(pair.fd[0]);
    pair.fd[0] = -1;
    delete notifier;
    pair.send(1); // the orphaned registration is now ready, level-triggered

    SocketPair witness;
    QSocketNotifier witnessNotifier(witness.fd[0], QSocketNotifier::Read);
    int witnessHits = 0;
    connect(&witnessNotifier, &QSocketNotifier::activated, this, [&] {
        ++witnessHits;
        witness.drain(0);
    });

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"rebuilding the epoll set"_s));
    QEventLoop loop;
    int wakeUps = 0;
    QObject context;
    connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake, &context, [&wakeUps] { ++wakeUps; });
    QTimer::singleShot(200, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY2(wakeUps < 30, qPrintable(u"%1 wake-ups in 200 ms"_s.arg(wakeUps)));
    QCOMPARE(hits, 0);

    witness.send(1);
    QTRY_COMPARE(witnessHits, 1);
    ::close(duplicate);
}

void tst_EpollEventDispatcher::regularFileIsAlwaysReady()
{
    // epoll refuses regular files (EPERM); poll() reports them ready at all
    // times, and so must the dispatcher, or a notifier on one never fires.
    QTemporaryFile file;
    QVERIFY(file.open());
    QSocketNotifier reader(file.handle(), QSocketNotifier::Read);
    QSocketNotifier writer(file.handle(), QSocketNotifier::Write);
    int reads = 0;
    int writes = 0;
    connect(&reader, &QSocketNotifier::activated, this, [&] {
        if (++reads == 2)
            reader.setEnabled(false);
    });
    connect(&writer, &QSocketNotifier::activated, this, [&] {
        if (++writes == 2)
            writer.setEnabled(false);
    });
    QTRY_COMPARE(reads, 2);
    QTRY_COMPARE(writes, 2);
    QTest::qWait(30);
    QCOMPARE(reads, 2);
    QCOMPARE(writes, 2);
}

void tst_EpollEventDispatcher::tcpEchoOfOneMegabyte()
{
    TcpEcho echo;
    QVERIFY(echo.start());
    QTRY_COMPARE(echo.client.state(), QAbstractSocket::ConnectedState);
    const QByteArray payload = randomBytes(1024 * 1024);
    echo.client.write(payload);
    QTRY_COMPARE_WITH_TIMEOUT(echo.received.size(), payload.size(), 20'000);
    QVERIFY(echo.received == payload);

    echo.client.disconnectFromHost();
    QTRY_VERIFY(!echo.serverSide || echo.serverSide->state() == QAbstractSocket::UnconnectedState);
}

void tst_EpollEventDispatcher::webSocketExchange()
{
    QWebSocketServer server(u"epoll test"_s, QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QWebSocketServer::newConnection, this, [&server] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            connect(socket, &QWebSocket::textMessageReceived, socket,
                    [socket](const QString &text) { socket->sendTextMessage(u"echo: "_s + text); });
            connect(socket, &QWebSocket::binaryMessageReceived, socket,
                    [socket](const QByteArray &bytes) { socket->sendBinaryMessage(bytes); });
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    });

    QWebSocket client;
    QStringList texts;
    QByteArray binary;
    connect(&client, &QWebSocket::textMessageReceived, this, [&texts](const QString &text) { texts.append(text); });
    connect(&client, &QWebSocket::binaryMessageReceived, this, [&binary](const QByteArray &bytes) { binary = bytes; });
    QSignalSpy connected(&client, &QWebSocket::connected);
    client.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(server.serverPort())));
    QTRY_COMPARE(connected.size(), 1);

    client.sendTextMessage(u"hello"_s);
    client.sendTextMessage(u"world"_s);
    const QByteArray payload = randomBytes(256 * 1024);
    client.sendBinaryMessage(payload);
    QTRY_COMPARE(texts.size(), 2);
    QCOMPARE(texts, (QStringList{u"echo: hello"_s, u"echo: world"_s}));
    QTRY_COMPARE(binary.size(), payload.size());
    QVERIFY(binary == payload);

    QSignalSpy disconnected(&client, &QWebSocket::disconnected);
    client.close();
    QTRY_COMPARE(disconnected.size(), 1);
}

void tst_EpollEventDispatcher::manyIdleSocketsOnlyReadyOnesAreDispatched()
{
    constexpr int pairs = 2'000;
    QTcpServer server;
    server.setListenBacklogSize(pairs);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    std::vector<QTcpSocket *> accepted;
    QHash<QTcpSocket *, int> reads;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            accepted.push_back(socket);
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &reads] {
                ++reads[socket];
                socket->write(socket->readAll()); // echo
            });
        }
    });
    // In batches, so that the listen queue never overflows into SYN retries.
    for (int batch = 0; batch < pairs; batch += 200) {
        for (int i = batch; i < batch + 200; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            QTcpSocket *client = clients.back().get();
            connect(client, &QTcpSocket::readyRead, client, [client, &reads] { ++reads[client]; });
            client->connectToHost(QHostAddress::LocalHost, server.serverPort());
        }
        QTRY_COMPARE_WITH_TIMEOUT(int(accepted.size()), batch + 200, 20'000);
    }
    for (const auto &client : clients)
        QTRY_COMPARE(client->state(), QAbstractSocket::ConnectedState);

    // One pair talks; the other 1,999 pairs (3,998 sockets) stay idle.
    QTcpSocket *active = clients.at(pairs / 2).get();
    EventCounter activations(QEvent::SockAct);
    constexpr int roundTrips = 300;
    int completed = 0;
    QByteArray echoed;
    QEventLoop loop;
    connect(active, &QTcpSocket::readyRead, &loop, [&] {
        echoed += active->readAll();
        if (echoed.size() < 4)
            return;
        echoed.clear();
        if (++completed == roundTrips)
            loop.quit();
        else
            active->write("ping");
    });
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    active->write("ping");
    loop.exec();
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(completed, roundTrips);
    qInfo("%d round trips beside %d idle sockets: %lld ms, %d notifier activations", roundTrips, 2 * pairs - 2,
          qlonglong(elapsed), activations.count);

    // Only the two talking sockets were ever dispatched: a read and perhaps a
    // write notification per message on each side, never an idle socket's.
    QVERIFY2(activations.count <= roundTrips * 6, qPrintable(QString::number(activations.count)));
    QCOMPARE(reads.size(), 2);
    QVERIFY(reads.contains(active));

    for (QTcpSocket *socket : accepted)
        delete socket;
}

void tst_EpollEventDispatcher::socketAbortedInsideItsOwnReadyRead()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QPointer<QTcpSocket> serverSide;
    connect(&server, &QTcpServer::newConnection, this, [&] { serverSide = server.nextPendingConnection(); });
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_VERIFY(serverSide);
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);

    int reads = 0;
    connect(serverSide.data(), &QTcpSocket::readyRead, this, [&] {
        ++reads;
        // Close the fd and drop the notifiers while this socket's write
        // notification is queued in the same round, then go away.
        serverSide->abort();
        serverSide->deleteLater();
    });
    // Give the server side unsent data (write notifier on) and incoming data
    // (read notifier ready), so both are due in the same round.
    serverSide->write(randomBytes(64));
    client.write("trigger");
    QVERIFY(client.flush());
    QSignalSpy disconnected(&client, &QTcpSocket::disconnected);
    QTRY_VERIFY(serverSide.isNull());
    QCOMPARE(reads, 1);
    QTRY_COMPARE(disconnected.size(), 1);

    // The freed fd number goes to the next connection, which must work.
    TcpEcho echo;
    QVERIFY(echo.start());
    QTRY_COMPARE(echo.client.state(), QAbstractSocket::ConnectedState);
    echo.client.write("again");
    QTRY_COMPARE(echo.received, "again"_ba);
}

void tst_EpollEventDispatcher::peerDeletedWhileItsReadIsPending()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket *serverSide = nullptr;
    connect(&server, &QTcpServer::newConnection, this, [&] { serverSide = server.nextPendingConnection(); });
    auto *client = new QTcpSocket;
    client->connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_VERIFY(serverSide);
    QTRY_COMPARE(client->state(), QAbstractSocket::ConnectedState);

    // Both sides readable in the same round; the first readyRead deletes the
    // other socket outright, whose read activation is already queued.
    int reads = 0;
    QPointer<QTcpSocket> serverGuard = serverSide;
    QPointer<QTcpSocket> clientGuard = client;
    connect(serverSide, &QTcpSocket::readyRead, this, [&] {
        ++reads;
        delete clientGuard.data();
    });
    connect(client, &QTcpSocket::readyRead, this, [&] {
        ++reads;
        delete serverGuard.data();
    });
    serverSide->write("to client");
    client->write("to server");
    QVERIFY(serverSide->flush());
    QVERIFY(client->flush());
    QThread::msleep(20);
    QCoreApplication::processEvents();
    QCOMPARE(reads, 1);
    QTest::qWait(30);
    QCOMPARE(reads, 1);
    delete clientGuard.data();
    delete serverGuard.data();
}

void tst_EpollEventDispatcher::frontdeskServerOnAnEpollThread()
{
    // The server runs on a network thread with the epoll dispatcher, as the
    // console would run it; the test's clients talk to it from this thread.
    EpollThread network;
    std::unique_ptr<TestServer> server;
    QString error;
    bool started = false;
    quint16 port = 0;
    QString siteKey;
    bool onEpoll = false;
    network.run([&] {
        onEpoll = qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance()) != nullptr;
        server = std::make_unique<TestServer>();
        started = server->start(u"sqlite"_s, &error);
        port = server->port();
        siteKey = server->siteKey();
    });
    const auto stopServer = qScopeGuard([&] { network.run([&] { server.reset(); }); });
    QVERIFY(onEpoll);
    QVERIFY2(started, qPrintable(error));

    const auto url = [port](const QString &path) { return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port).arg(path)); };
    const auto wsUrl = [port](const QString &path) { return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(port).arg(path)); };

    TestHttp http;
    const HttpAnswer login = http.postJson(
        url(u"/v1/agent/login"_s), QJsonObject{{u"email"_s, TestServer::adminEmail}, {u"password"_s, TestServer::adminPassword}});
    QCOMPARE(login.status, 200);
    const QString token = login.json.value(u"token"_s).toString();
    QVERIFY(!token.isEmpty());

    JsonSocket agent;
    QVERIFY(agent.open(wsUrl(u"/v1/agent"_s)));
    const auto snapshot = agent.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}});
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"type"_s).toString(), u"snapshot"_s);

    JsonSocket visitor;
    QVERIFY(visitor.open(wsUrl(u"/v1/visitor?site="_s + siteKey), TestServer::allowedOrigin));
    const auto welcome = visitor.request(
        QJsonObject{{u"type"_s, u"hello"_s}, {u"v"_s, 1}, {u"page"_s, QJsonObject{{u"url"_s, u"http://shop.test/pricing"_s}}}});
    QVERIFY(welcome);
    QCOMPARE(welcome->value(u"type"_s).toString(), u"welcome"_s);

    visitor.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-1"_s}, {u"body"_s, u"Hello from epoll"_s}});
    const auto ack = visitor.waitForType(u"ack"_s);
    QVERIFY(ack);
    const double conversationId = ack->value(u"conversationId"_s).toDouble();
    const auto incoming = agent.waitForType(u"message"_s);
    QVERIFY(incoming);
    QCOMPARE(incoming->value(u"message"_s)[u"body"_s].toString(), u"Hello from epoll"_s);

    const auto accepted = agent.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, conversationId}});
    QVERIFY(accepted);
    const auto replyAck = agent.request(QJsonObject{
        {u"type"_s, u"reply"_s}, {u"conversationId"_s, conversationId}, {u"clientId"_s, u"a-1"_s}, {u"body"_s, u"Hello back"_s}});
    QVERIFY(replyAck);
    QCOMPARE(replyAck->value(u"type"_s).toString(), u"ack"_s);
    const auto reply = visitor.waitFor([](const QJsonObject &frame) {
        return frame.value(u"type"_s).toString() == u"message" && frame.value(u"message"_s)[u"author"_s].toString() == u"agent";
    });
    QVERIFY(reply);
    QCOMPARE(reply->value(u"message"_s)[u"body"_s].toString(), u"Hello back"_s);

    visitor.close();
    agent.close();
}

int main(int argc, char *argv[])
{
    // Before the application object, which adopts the main thread's dispatcher.
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_EpollEventDispatcher test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"
