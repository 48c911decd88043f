// SocketSession's output and ping rules against real sockets on 127.0.0.1:
// a burst to a client that reads is delivered, a client that stops reading
// is dropped after the grace period (or at once above the hard cap), and a
// client that floods pings is closed with 1008, reading or not.

#include "protocol/wirecodec.h"
#include "realtime/socketsession.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtEndian>
#include <memory>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int Patience = 15'000; // generous: the machine is shared and loaded

/// The protocol side is not under test: a session that only sends.
class SilentSession : public SocketSession
{
public:
    using SocketSession::SocketSession;

protected:
    void receive(QByteArrayView) override { }
};

/// A frame of about @p bytes, like a visitor's message fanned out to an agent.
QByteArray bigFrame(int index, qsizetype bytes)
{
    // CJK: three UTF-8 bytes a character, as in the report.
    return WireCodec::encode(
        QJsonObject{{u"type"_s, u"message"_s}, {u"index"_s, index}, {u"text"_s, QString(bytes / 3, QChar(0x6F22))}});
}

/// A WebSocket client written by hand, so the test decides when (and whether) it reads.
class RawClient
{
public:
    [[nodiscard]] bool open(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(Patience))
            return false;
        m_socket.write("GET /raw HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QElapsedTimer timer;
        timer.start();
        while (!m_in.contains("\r\n\r\n") && !timer.hasExpired(Patience)) {
            QTest::qWait(5);
            m_in += m_socket.readAll();
        }
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0 || !m_in.startsWith("HTTP/1.1 101"))
            return false;
        m_in.remove(0, end + 4);
        return true;
    }

    /// Stops taking bytes from the kernel, and keeps the kernel's buffer small.
    void stopReading()
    {
        m_socket.setReadBufferSize(1);
        m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
    }

    /// Masked, as a client's frames must be (RFC 6455 §5.3).
    static QByteArray pingFrame() { return QByteArray("\x89\x80\x01\x02\x03\x04", 6); }

    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    QTcpSocket &socket() { return m_socket; }

    /// Reads what has arrived and takes the server's (unmasked) frames off it.
    void readFrames()
    {
        m_in += m_socket.readAll();
        while (m_in.size() >= 2) {
            const auto opcode = quint8(m_in.at(0)) & 0x0f;
            const auto length = qsizetype(quint8(m_in.at(1)) & 0x7f); // control frames only here: <= 125
            if (m_in.size() < 2 + length)
                return;
            const QByteArray payload = m_in.mid(2, length);
            if (opcode == 0xA)
                ++pongs;
            else if (opcode == 0x8 && payload.size() >= 2)
                closeCode = qFromBigEndian<quint16>(payload.constData());
            m_in.remove(0, 2 + length);
        }
    }

    int pongs = 0;
    int closeCode = 0;

private:
    QTcpSocket m_socket;
    QByteArray m_in;
};

} // namespace

class TestSocketSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void burstToReadingClientIsDelivered();
    void clientThatStopsReadingIsDropped();
    void hardCapDropsAtOnce();
    void pingFloodIsClosed();
    void pingFloodWithoutReadingIsClosed();

private:
    /// Listens; each new connection becomes a SilentSession in m_session.
    [[nodiscard]] bool listen(const RealtimeLimits &limits);
    [[nodiscard]] bool waitForSession();

    std::unique_ptr<QWebSocketServer> m_server;
    QPointer<SocketSession> m_session;
};

bool TestSocketSession::listen(const RealtimeLimits &limits)
{
    m_server = std::make_unique<QWebSocketServer>(u"test"_s, QWebSocketServer::NonSecureMode);
    m_session.clear();
    QObject::connect(m_server.get(), &QWebSocketServer::newConnection, m_server.get(), [this, limits] {
        while (QWebSocket *socket = m_server->nextPendingConnection())
            m_session = new SilentSession(socket, limits, m_server.get());
    });
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool TestSocketSession::waitForSession()
{
    QElapsedTimer timer;
    timer.start();
    while (!m_session && !timer.hasExpired(Patience))
        QTest::qWait(5);
    return m_session;
}

void TestSocketSession::burstToReadingClientIsDelivered()
{
    // The production limits: 500 frames of 12 KB in one event-loop turn is
    // about 6 MiB queued at once, over the old 4 MiB "slow reader" line.
    QVERIFY(listen(RealtimeLimits{}));
    QWebSocket client;
    int received = 0;
    QObject::connect(&client, &QWebSocket::textMessageReceived, &client, [&received] { ++received; });
    QSignalSpy connected(&client, &QWebSocket::connected);
    client.open(QUrl(u"ws://127.0.0.1:%1/agent"_s.arg(m_server->serverPort())));
    QVERIFY(connected.wait(Patience));
    QVERIFY(waitForSession());

    constexpr int Burst = 500;
    qint64 peak = 0;
    for (int i = 0; i < Burst && m_session; ++i) {
        m_session->sendEncoded(bigFrame(i, 12'000));
        peak = qMax(peak, m_session->socket()->bytesToWrite());
    }
    QVERIFY2(peak > 4 * 1024 * 1024, "the burst must exceed the old limit within one turn");
    QTRY_COMPARE_WITH_TIMEOUT(received, Burst, Patience);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    QVERIFY(m_session);
}

void TestSocketSession::clientThatStopsReadingIsDropped()
{
    RealtimeLimits limits;
    limits.outputHighWaterBytes = 1024 * 1024;
    limits.outputGraceMs = 1'500;
    limits.maxOutputBytes = 256 * 1024 * 1024;
    QVERIFY(listen(limits));
    RawClient client;
    QVERIFY(client.open(m_server->serverPort()));
    QVERIFY(waitForSession());
    client.stopReading();

    // One burst, then nothing: the server must notice by itself, not on the
    // next send. The kernel's buffers take a few MiB; the rest stays queued.
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < 1'000; ++i)
        m_session->sendEncoded(bigFrame(i, 12'000));
    QSignalSpy destroyed(m_session.data(), &QObject::destroyed);
    QVERIFY(destroyed.wait(limits.outputGraceMs + Patience));
    QVERIFY2(
        elapsed.elapsed() >= limits.outputGraceMs - 100,
        qPrintable(u"dropped after %1 ms, before the %2 ms grace period"_s.arg(elapsed.elapsed()).arg(limits.outputGraceMs)));
    QVERIFY2(elapsed.elapsed() < limits.outputGraceMs + 5'000, qPrintable(u"dropped only after %1 ms"_s.arg(elapsed.elapsed())));
}

void TestSocketSession::hardCapDropsAtOnce()
{
    RealtimeLimits limits;
    limits.outputHighWaterBytes = 1024 * 1024;
    limits.outputGraceMs = 60'000;
    limits.maxOutputBytes = 2 * 1024 * 1024;
    QVERIFY(listen(limits));
    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QSignalSpy disconnected(&client, &QWebSocket::disconnected);
    client.open(QUrl(u"ws://127.0.0.1:%1/agent"_s.arg(m_server->serverPort())));
    QVERIFY(connected.wait(Patience));
    QVERIFY(waitForSession());
    QSignalSpy destroyed(m_session.data(), &QObject::destroyed);
    for (int i = 0; i < 500 && m_session && m_session->socket()->state() == QAbstractSocket::ConnectedState; ++i)
        m_session->sendEncoded(bigFrame(i, 12'000));
    QVERIFY(destroyed.wait(Patience)); // not after the 60 s grace period
    QVERIFY(disconnected.size() == 1 || disconnected.wait(Patience));
}

void TestSocketSession::pingFloodIsClosed()
{
    RealtimeLimits limits; // 20 pings in 10 s
    QVERIFY(listen(limits));
    RawClient client;
    QVERIFY(client.open(m_server->serverPort()));
    QVERIFY(waitForSession());

    // Up to the limit is fine.
    for (int i = 0; i < limits.maxPingsPerWindow; ++i)
        client.write(RawClient::pingFrame());
    QTRY_COMPARE_WITH_TIMEOUT((client.readFrames(), client.pongs), limits.maxPingsPerWindow, Patience);
    QTest::qWait(200);
    QVERIFY(m_session);
    QCOMPARE(client.closeCode, 0);

    QSignalSpy destroyed(m_session.data(), &QObject::destroyed);
    QByteArray flood;
    for (int i = 0; i < 1'000; ++i)
        flood += RawClient::pingFrame();
    client.write(flood);
    QTRY_COMPARE_WITH_TIMEOUT((client.readFrames(), client.closeCode), int(QWebSocketProtocol::CloseCodePolicyViolated),
                              Patience);
    QVERIFY(client.pongs <= limits.maxPingsPerWindow + 1);
    QVERIFY(destroyed.size() == 1 || destroyed.wait(Patience));
}

void TestSocketSession::pingFloodWithoutReadingIsClosed()
{
    RealtimeLimits limits;
    limits.closeLingerMs = 500;
    QVERIFY(listen(limits));
    RawClient client;
    QVERIFY(client.open(m_server->serverPort()));
    QVERIFY(waitForSession());
    client.stopReading();
    QSignalSpy destroyed(m_session.data(), &QObject::destroyed);

    // A million pings, never reading a pong: 6 MB in, and before the fix
    // about 2 MB of pongs held for a client that would never take them.
    const QByteArray thousand = [] {
        QByteArray bytes;
        for (int i = 0; i < 1'000; ++i)
            bytes += RawClient::pingFrame();
        return bytes;
    }();
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < 1'000 && client.socket().state() == QAbstractSocket::ConnectedState && destroyed.isEmpty(); ++i) {
        client.write(thousand);
        QTest::qWait(1);
    }
    QVERIFY(destroyed.size() == 1 || destroyed.wait(Patience));
    QVERIFY2(elapsed.elapsed() < Patience, qPrintable(u"closed only after %1 ms"_s.arg(elapsed.elapsed())));
    // Reading again, the client finds the connection gone.
    client.socket().setReadBufferSize(0);
    QTRY_COMPARE_WITH_TIMEOUT((client.readFrames(), client.socket().state()), QAbstractSocket::UnconnectedState, Patience);
}

QTEST_GUILESS_MAIN(TestSocketSession)
#include "tst_socketsession.moc"
