// WebSocket handshakes per second of a bare QWebSocketServer while it holds
// idle connections, with Qt's default event dispatcher and with the epoll one,
// alternating in one run. Not a test: a measurement for the report.
//
// The server runs on its own QThread (the dispatcher under test); the clients
// are plain blocking POSIX sockets on std::threads, so that the client side
// costs the same whichever dispatcher the server has.
//
// Usage: frontdesk_handshakebench [--idle N] [--seconds S] [--clients C] [--rounds R]
#include "eventloop/epolleventdispatcher.h"

#include <QAbstractEventDispatcher>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QThread>
#include <QWebSocket>
#include <QWebSocketServer>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

// One blocking client handshake; returns the connected fd, or -1.
int handshake(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd == -1)
        return -1;
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    char request[256];
    const int length = std::snprintf(request, sizeof request,
                                     "GET / HTTP/1.1\r\nHost: 127.0.0.1:%u\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
                                     unsigned(port));
    if (::send(fd, request, size_t(length), MSG_NOSIGNAL) != length) {
        ::close(fd);
        return -1;
    }
    char answer[1024];
    size_t received = 0;
    while (received < sizeof answer - 1) {
        const ssize_t n = ::recv(fd, answer + received, sizeof answer - 1 - received, 0);
        if (n <= 0)
            break;
        received += size_t(n);
        answer[received] = '\0';
        if (std::strstr(answer, "\r\n\r\n"))
            break;
    }
    if (received < 12 || std::strncmp(answer, "HTTP/1.1 101", 12) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

struct Result {
    double handshakesPerSecond = 0;
    double idleSetupSeconds = 0;
    int failures = 0;
    QByteArray dispatcher;
};

Result runPhase(bool epoll, int idle, int seconds, int clients)
{
    QThread thread;
    if (epoll)
        thread.setEventDispatcher(new Frontdesk::EpollEventDispatcher);
    QObject context; // Qt creates its default dispatcher only once the thread runs
    context.moveToThread(&thread);
    thread.start();
    QWebSocketServer *server = nullptr;
    quint16 port = 0;
    QByteArray dispatcherName;
    QMetaObject::invokeMethod(
        &context,
        [&] {
            server = new QWebSocketServer(u"bench"_s, QWebSocketServer::NonSecureMode);
            QObject::connect(server, &QWebSocketServer::newConnection, server, [server] {
                while (QWebSocket *socket = server->nextPendingConnection())
                    QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            });
            if (server->listen(QHostAddress::LocalHost))
                port = server->serverPort();
            dispatcherName = QAbstractEventDispatcher::instance()->metaObject()->className();
        },
        Qt::BlockingQueuedConnection);

    Result result;
    std::atomic<int> failures{0};
    std::vector<int> idleFds;
    std::mutex idleMutex;
    const auto setupStart = std::chrono::steady_clock::now();
    {
        std::vector<std::thread> workers;
        std::atomic<int> left{idle};
        for (int c = 0; c < clients; ++c) {
            workers.emplace_back([&] {
                while (left.fetch_sub(1) > 0) {
                    const int fd = handshake(port);
                    if (fd == -1) {
                        ++failures;
                        continue;
                    }
                    const std::lock_guard lock(idleMutex);
                    idleFds.push_back(fd);
                }
            });
        }
        for (auto &worker : workers)
            worker.join();
    }
    result.idleSetupSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - setupStart).count();
    QThread::msleep(500); // let the server settle (handshake timers, last accepts)

    std::atomic<int> done{0};
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::seconds(seconds);
    {
        std::vector<std::thread> workers;
        for (int c = 0; c < clients; ++c) {
            workers.emplace_back([&] {
                while (std::chrono::steady_clock::now() < deadline) {
                    const int fd = handshake(port);
                    if (fd == -1) {
                        ++failures;
                        continue;
                    }
                    // Reset rather than close: tens of thousands of TIME_WAIT
                    // sockets would crowd the loopback ports of the whole machine.
                    const linger reset{1, 0};
                    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
                    ::close(fd);
                    ++done;
                }
            });
        }
        for (auto &worker : workers)
            worker.join();
    }
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.handshakesPerSecond = done.load() / elapsed;
    result.failures = failures.load();
    result.dispatcher = dispatcherName;

    for (const int fd : idleFds) {
        const linger reset{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        ::close(fd);
    }
    QMetaObject::invokeMethod(
        &context, [&] { delete server; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption idleOption(u"idle"_s, u"Idle WebSocket connections held during the measurement."_s, u"N"_s,
                                        u"5000"_s);
    const QCommandLineOption secondsOption(u"seconds"_s, u"Seconds of measurement per phase."_s, u"S"_s, u"5"_s);
    const QCommandLineOption clientsOption(u"clients"_s, u"Concurrent client threads."_s, u"C"_s, u"4"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"Times each dispatcher is measured, alternating."_s, u"R"_s, u"2"_s);
    parser.addOptions({idleOption, secondsOption, clientsOption, roundsOption});
    parser.process(app);
    const int idle = parser.value(idleOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    const int clients = parser.value(clientsOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();

    std::printf("%-30s %6s %5s %14s %12s %8s\n", "dispatcher", "idle", "round", "handshakes/s", "idle setup s", "failures");
    for (const int held : {0, idle}) {
        for (int round = 1; round <= rounds; ++round) {
            for (const bool epoll : {false, true}) {
                const Result result = runPhase(epoll, held, seconds, clients);
                std::printf("%-30s %6d %5d %14.1f %12.1f %8d\n", result.dispatcher.constData(), held, round,
                            result.handshakesPerSecond, result.idleSetupSeconds, result.failures);
                std::fflush(stdout);
            }
        }
    }
    return 0;
}
