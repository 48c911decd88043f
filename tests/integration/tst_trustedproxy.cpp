// Behind a reverse proxy (--trusted-proxy): the login ban, the per-address
// connection cap and the new-visitor limit count the client the proxy names,
// and the same headers from anyone else change nothing. The "proxy" is this
// test on a loopback address of its own (127.0.0.2); the clients it names
// are documentation addresses (RFC 5737).
#include "jsonsocket.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

const QHostAddress proxy(u"127.0.0.2"_s);
const QHostAddress stranger(u"127.0.0.3"_s); ///< not a proxy, whatever headers it sends

/// A connection from @p source that sends one request and stays open until the object goes.
class RawClient
{
public:
    bool send(const QHostAddress &source, quint16 port, const QByteArray &request)
    {
        if (!m_socket.bind(source, 0))
            return false;
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(10'000))
            return false;
        m_socket.write(request);
        return true;
    }
    /// The status of the first answer (0: none within the time).
    int status(int timeoutMs = 30'000)
    {
        QElapsedTimer clock;
        clock.start();
        while (!m_bytes.contains("\r\n\r\n") && clock.elapsed() < timeoutMs
               && m_socket.state() != QAbstractSocket::UnconnectedState) {
            QTest::qWait(5); // the server runs in this thread
            m_bytes += m_socket.readAll();
        }
        m_bytes += m_socket.readAll();
        return m_bytes.startsWith("HTTP/1.1 ") ? m_bytes.mid(9, 3).toInt() : 0;
    }
    [[nodiscard]] QByteArray bytes() const { return m_bytes; }

private:
    QTcpSocket m_socket;
    QByteArray m_bytes;
};

QByteArray loginRequest(const QString &password, const QByteArray &forwardedFor)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"email"_s, TestServer::adminEmail}, {u"password"_s, password}})
                                .toJson(QJsonDocument::Compact);
    QByteArray head
        = "POST /v1/agent/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n";
    if (!forwardedFor.isNull())
        head += "X-Forwarded-For: " + forwardedFor + "\r\n";
    return head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray healthRequest(const QByteArray &forwardedFor)
{
    return "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: " + forwardedFor + "\r\n\r\n";
}

} // namespace

class tst_TrustedProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loginBanFollowsTheForwardedClient();
    void spoofedHeadersFromAStrangerAreIgnored();
    void connectionCapCountsTheForwardedClient();
    void newVisitorLimitCountsTheForwardedClient();

private:
    // Storage plays no part in who a client is: SQLite only.
    void start();
    int login(const QHostAddress &source, const QString &password, const QByteArray &forwardedFor = {});

    std::unique_ptr<TestServer> m_server;
};

void tst_TrustedProxy::init()
{
    m_server = std::make_unique<TestServer>();
    QPair<QHostAddress, int> trusted;
    QString error;
    QVERIFY(ProxyTrust::parseProxy(proxy.toString(), &trusted, &error));
    m_server->config().proxyTrust.proxies = {trusted};
    AbuseLimits &limits = m_server->config().abuseLimits;
    limits.loginFreeFailuresPerAddress = 1;
    limits.loginBanFailuresPerAddress = 2;
    limits.loginBaseDelayMs = 0; // the ban is under test, not the delays before it
    limits.loginBanMs = 120'000; // outlasts the test
    limits.loginFreeFailuresPerAccount = 1'000; // one account throughout: only the address counts
}

void tst_TrustedProxy::cleanup()
{
    m_server.reset();
}

void tst_TrustedProxy::start()
{
    FRONTDESK_START_TEST_SERVER(*m_server, u"sqlite"_s);
}

int tst_TrustedProxy::login(const QHostAddress &source, const QString &password, const QByteArray &forwardedFor)
{
    RawClient client;
    if (!client.send(source, m_server->port(), loginRequest(password, forwardedFor)))
        return 0;
    return client.status();
}

void tst_TrustedProxy::loginBanFollowsTheForwardedClient()
{
    start();
    const QString right = TestServer::adminPassword;
    QCOMPARE(login(proxy, u"wrong"_s, "198.51.100.7"), 401);
    QCOMPARE(login(proxy, u"wrong"_s, "198.51.100.7"), 401);
    // 198.51.100.7 is banned, even with the right password...
    QCOMPARE(login(proxy, right, "198.51.100.7"), 429);
    // ...and cannot shed the ban by putting another address in front: the proxy appends the real one.
    QCOMPARE(login(proxy, right, "203.0.113.99, 198.51.100.7"), 429);
    // Everyone else behind the same proxy signs in.
    QCOMPARE(login(proxy, right, "198.51.100.8"), 200);
    QCOMPARE(login(proxy, right, "2001:db8::8"), 200);
}

void tst_TrustedProxy::spoofedHeadersFromAStrangerAreIgnored()
{
    start();
    const QString right = TestServer::adminPassword;
    // A stranger naming other clients in each request is still one address.
    QCOMPARE(login(stranger, u"wrong"_s, "198.51.100.20"), 401);
    QCOMPARE(login(stranger, u"wrong"_s, "198.51.100.21"), 401);
    QCOMPARE(login(stranger, right, "198.51.100.22"), 429);
    QCOMPARE(login(stranger, right), 429);
    // And what it named was never counted against those clients.
    QCOMPARE(login(proxy, right, "198.51.100.20"), 200);
}

void tst_TrustedProxy::connectionCapCountsTheForwardedClient()
{
    m_server->config().httpLimits.maxConnectionsPerIp = 3;
    start();
    // Three kept-alive connections of one client through the proxy fill its share...
    std::vector<std::unique_ptr<RawClient>> open;
    for (int i = 0; i < 3; ++i) {
        open.push_back(std::make_unique<RawClient>());
        QVERIFY(open.back()->send(proxy, m_server->port(), healthRequest("198.51.100.30")));
        QCOMPARE(open.back()->status(), 200);
    }
    // ...so its fourth is refused, by name...
    RawClient fourth;
    QVERIFY(fourth.send(proxy, m_server->port(), healthRequest("198.51.100.30")));
    QCOMPARE(fourth.status(), 429);
    QVERIFY(fourth.bytes().contains(R"("code":"too_many_connections")"));
    // ...while the proxy's other clients, past three connections in all, still get in.
    for (int i = 0; i < 3; ++i) {
        open.push_back(std::make_unique<RawClient>());
        QVERIFY(open.back()->send(proxy, m_server->port(), healthRequest("198.51.100." + QByteArray::number(40 + i))));
        QCOMPARE(open.back()->status(), 200);
    }
    // A stranger's header changes nothing: its own address has the cap.
    std::vector<std::unique_ptr<RawClient>> strangers;
    for (int i = 0; i < 3; ++i) {
        strangers.push_back(std::make_unique<RawClient>());
        QVERIFY(strangers.back()->send(stranger, m_server->port(), healthRequest("198.51.100." + QByteArray::number(50 + i))));
        QCOMPARE(strangers.back()->status(), 200);
    }
    RawClient refused;
    QVERIFY(refused.send(stranger, m_server->port(), healthRequest("198.51.100.60")));
    QCOMPARE(refused.status(), 429);
}

void tst_TrustedProxy::newVisitorLimitCountsTheForwardedClient()
{
    // The WebSocket path: the handshake's headers name the client, as on plain HTTP.
    // QWebSocket cannot choose its source address, so here the proxy is 127.0.0.1.
    QPair<QHostAddress, int> loopback;
    QString error;
    QVERIFY(ProxyTrust::parseProxy(u"127.0.0.1"_s, &loopback, &error));
    m_server->config().proxyTrust.proxies.append(loopback);
    m_server->config().abuseLimits.newVisitorBurst = 2;
    m_server->config().abuseLimits.newVisitorsPerMinute = 0.01;
    start();

    const auto hello = [this](const QByteArray &forwardedFor) {
        QNetworkRequest request(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()));
        request.setRawHeader("Origin", TestServer::allowedOrigin);
        request.setRawHeader("X-Forwarded-For", forwardedFor);
        auto socket = std::make_unique<JsonSocket>();
        if (!socket->open(request))
            return u"(no connection)"_s;
        const auto answer = socket->request(QJsonObject{{u"type"_s, u"hello"_s}, {u"v"_s, 1}});
        if (!answer)
            return u"(no answer)"_s;
        const QString type = answer->value(u"type"_s).toString();
        return type == u"error" ? answer->value(u"code"_s).toString() : type;
    };
    QCOMPARE(hello("198.51.100.70"), u"welcome"_s);
    QCOMPARE(hello("198.51.100.70"), u"welcome"_s);
    QCOMPARE(hello("198.51.100.70"), u"rate_limited"_s);
    QCOMPARE(hello("198.51.100.71"), u"welcome"_s);
}

QTEST_GUILESS_MAIN(tst_TrustedProxy)
#include "tst_trustedproxy.moc"
