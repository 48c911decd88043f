// The realtime limits through a whole FrontdeskServer on an ephemeral
// loopback port: the report's burst (one visitor, 500 messages of 4,000 CJK
// characters, in a few bursts) must not drop an agent console that reads, and
// a WebSocket ping flood on a visitor socket is closed with 1008.
#include "jsonsocket.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QWebSocket>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int Patience = 15'000;

/// A visitor that says hello, then sends its messages of 4,000 CJK
/// characters (12,000 bytes of UTF-8) all at once, and reports its acks.
class BurstVisitor : public QObject
{
    Q_OBJECT

public:
    BurstVisitor(const QUrl &url, int messages) : m_url(url), m_messages(messages) { }

    void start()
    {
        m_socket = new QWebSocket(QString::fromLatin1(TestServer::allowedOrigin), QWebSocketProtocol::VersionLatest, this);
        connect(m_socket, &QWebSocket::connected, this, [this] { m_socket->sendTextMessage(u"{\"type\":\"hello\",\"v\":1}"_s); });
        connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            if (text.contains(u"\"type\":\"welcome\""_s)) {
                const QString body(4'000, QChar(0x6F22));
                for (int i = 0; i < m_messages; ++i) {
                    m_socket->sendTextMessage(QString::fromUtf8(
                        QJsonDocument(
                            QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"burst-%1"_s.arg(i)}, {u"body"_s, body}})
                            .toJson(QJsonDocument::Compact)));
                }
            } else if (text.contains(u"\"type\":\"ack\""_s) && ++m_acks == m_messages) {
                Q_EMIT finished(m_acks);
            } else if (text.contains(u"\"type\":\"error\""_s)) {
                Q_EMIT finished(m_acks);
            }
        });
        connect(m_socket, &QWebSocket::disconnected, this, [this] { Q_EMIT finished(m_acks); });
        m_socket->open(m_url);
    }

Q_SIGNALS:
    void finished(int acks);

private:
    QUrl m_url;
    int m_messages;
    int m_acks = 0;
    QWebSocket *m_socket = nullptr;
};

} // namespace

class tst_RealtimeLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void visitorBurstDoesNotDropAReadingAgent();
    void pingFloodClosesTheVisitorSocket();

private:
    std::unique_ptr<TestServer> m_server;
    TestHttp m_http;
};

void tst_RealtimeLimits::init()
{
    m_server = std::make_unique<TestServer>();
    QString error;
    // The transport is the same on both backends; SQLite commits the burst in
    // the few large batches that made it one turn of output.
    QVERIFY2(m_server->start(u"sqlite"_s, &error), qPrintable(error));
}

void tst_RealtimeLimits::cleanup()
{
    m_server.reset();
}

void tst_RealtimeLimits::visitorBurstDoesNotDropAReadingAgent()
{
    JsonSocket agent;
    const QString token = m_http.loginAdmin(*m_server);
    QVERIFY(!token.isEmpty());
    QVERIFY(agent.open(m_server->wsUrl(u"/v1/agent"_s)));
    QVERIFY(agent.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}}));
    int messages = 0;
    QObject::connect(&agent.socket(), &QWebSocket::textMessageReceived, &agent, [&messages](const QString &text) {
        if (text.contains(u"\"type\":\"message\""_s))
            ++messages;
    });

    // The visitor on its own thread, as a browser is its own process: its
    // frames arrive as fast as loopback carries them, so the store commits
    // them in a few large batches and each batch fans out to the agent
    // within one event-loop turn (about 6 MiB here, over the old 4 MiB line).
    constexpr int Messages = 500;
    QThread thread;
    auto *visitor = new BurstVisitor(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), Messages);
    visitor->moveToThread(&thread);
    QObject::connect(&thread, &QThread::started, visitor, &BurstVisitor::start);
    QObject::connect(&thread, &QThread::finished, visitor, &QObject::deleteLater);
    QSignalSpy finished(visitor, &BurstVisitor::finished);
    thread.start();
    QVERIFY(finished.wait(60'000));
    thread.quit();
    QVERIFY(thread.wait(Patience));
    QCOMPARE(finished.first().first().toInt(), Messages); // acks

    QTRY_COMPARE_WITH_TIMEOUT(messages, Messages, 30'000);
    QVERIFY(agent.isConnected());
    // And the console is still a working session.
    QVERIFY(agent.request(QJsonObject{{u"type"_s, u"ping"_s}}));
}

void tst_RealtimeLimits::pingFloodClosesTheVisitorSocket()
{
    JsonSocket visitor;
    QVERIFY(visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
    QVERIFY(visitor.request(QJsonObject{{u"type"_s, u"hello"_s}, {u"v"_s, 1}}));
    const int limit = m_server->config().realtimeLimits.maxPingsPerWindow;
    int pongs = 0;
    QObject::connect(&visitor.socket(), &QWebSocket::pong, &visitor, [&pongs] { ++pongs; });
    for (int i = 0; i < 200; ++i)
        visitor.socket().ping();
    QVERIFY(visitor.waitForDisconnected());
    QCOMPARE(visitor.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY2(pongs <= limit + 1, qPrintable(u"%1 pongs"_s.arg(pongs)));
}

QTEST_GUILESS_MAIN(tst_RealtimeLimits)
#include "tst_realtimelimits.moc"
