// GET /metrics: what a Prometheus scraper reads, parsed by the reference
// parser (python3-prometheus-client, tests/support/parse-metrics.py), after
// real traffic: a visitor's messages, an agent's reply, a queue, a login
// ban, refused requests; and who may read it.
#include "jsonsocket.h"
#include "testserver.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

struct Sample {
    QString family;
    QString type;
    QString name;
    QJsonObject labels;
    double value = 0;
};

/// The samples of @p exposition as the reference parser reads them; empty with @p error set when it refuses.
QList<Sample> parse(const QByteArray &exposition, QString *error)
{
    QProcess parser;
    // Debian's own Python, which has Debian's python3-prometheus-client (a pyenv one on PATH may not).
    parser.start(u"/usr/bin/python3"_s, {QStringLiteral(FRONTDESK_SOURCE_DIR "/tests/support/parse-metrics.py")});
    if (!parser.waitForStarted(10'000)) {
        *error = u"python3 did not start"_s;
        return {};
    }
    parser.write(exposition);
    parser.closeWriteChannel();
    parser.waitForFinished(30'000);
    if (parser.exitCode() != 0) {
        *error = QString::fromUtf8(parser.readAllStandardError());
        return {};
    }
    QList<Sample> samples;
    for (const QByteArray &line : parser.readAllStandardOutput().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (!o.isEmpty())
            samples.append({o[u"family"_s].toString(), o[u"type"_s].toString(), o[u"name"_s].toString(),
                            o[u"labels"_s].toObject(), o[u"value"_s].toDouble()});
    }
    return samples;
}

/// The value of @p name with @p labels (a subset), or -1 when there is no such sample.
double valueOf(const QList<Sample> &samples, const QString &name, const QJsonObject &labels = {})
{
    for (const Sample &sample : samples) {
        if (sample.name != name)
            continue;
        bool matches = true;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            matches &= sample.labels.value(it.key()) == it.value();
        if (matches)
            return sample.value;
    }
    return -1;
}

/// GET /metrics from @p source with optional @p authorization: status and body.
QPair<int, QByteArray> scrape(quint16 port, const QHostAddress &source, const QByteArray &authorization = {})
{
    QTcpSocket socket;
    if (!socket.bind(source, 0))
        return {0, {}};
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10'000))
        return {0, {}};
    QByteArray request = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    socket.write(request + "\r\n");
    QByteArray answer;
    while (socket.state() != QAbstractSocket::UnconnectedState) {
        QTest::qWait(5); // the server runs in this thread
        answer += socket.readAll();
    }
    answer += socket.readAll();
    const qsizetype split = answer.indexOf("\r\n\r\n");
    return {answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0, split < 0 ? QByteArray() : answer.mid(split + 4)};
}

} // namespace

class tst_Metrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void countsWhatHappenedAndParses();
    void onlyAllowedAddressesOrTheTokenMayRead();

private:
    std::unique_ptr<TestServer> m_server;
    TestHttp m_http;
};

void tst_Metrics::init()
{
    m_server = std::make_unique<TestServer>();
    m_server->config().abuseLimits.loginFreeFailuresPerAddress = 1;
    m_server->config().abuseLimits.loginBanFailuresPerAddress = 2;
    m_server->config().abuseLimits.loginBaseDelayMs = 0;
    m_server->config().abuseLimits.loginFreeFailuresPerAccount = 1'000;
    m_server->config().metricsAccess.token = "scrape-me";
    // Metrics are counters in memory, the same on both databases: SQLite only.
    FRONTDESK_START_TEST_SERVER(*m_server, u"sqlite"_s);
}

void tst_Metrics::cleanup()
{
    m_server.reset();
}

void tst_Metrics::countsWhatHappenedAndParses()
{
    // Two visitors say hello and write; one conversation is taken and answered.
    JsonSocket first;
    JsonSocket second;
    for (JsonSocket *visitor : {&first, &second}) {
        QVERIFY(visitor->open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
        QVERIFY(visitor->request(QJsonObject{{u"type"_s, u"hello"_s}, {u"v"_s, 1}}));
    }
    const auto sent = first.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"m1"_s}, {u"body"_s, u"hi"_s}});
    QVERIFY(sent && sent->value(u"type"_s) == u"ack"_s);
    QVERIFY(second.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"m2"_s}, {u"body"_s, u"hello"_s}}));
    JsonSocket agent;
    QVERIFY(agent.open(m_server->wsUrl(u"/v1/agent"_s)));
    QVERIFY(agent.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, m_http.loginAdmin(*m_server)}}));
    const double conversationId = sent->value(u"conversationId"_s).toDouble();
    QVERIFY(agent.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, conversationId}}));
    QVERIFY(agent.request(QJsonObject{
        {u"type"_s, u"reply"_s}, {u"conversationId"_s, conversationId}, {u"clientId"_s, u"a1"_s}, {u"body"_s, u"hello!"_s}}));
    // A ban: two wrong passwords from one address.
    for (int i = 0; i < 2; ++i)
        QCOMPARE(m_http
                     .postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                               QJsonObject{{u"email"_s, TestServer::adminEmail}, {u"password"_s, u"wrong"_s}})
                     .status,
                 401);
    // A refusal of the HTTP layer: a request line it cannot parse.
    QTcpSocket bad;
    bad.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(bad.waitForConnected(5'000));
    bad.write("NOT HTTP AT ALL\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(bad.state() == QAbstractSocket::UnconnectedState || bad.bytesAvailable() > 0, 10'000);

    const auto [status, body] = scrape(m_server->port(), QHostAddress::LocalHost);
    QCOMPARE(status, 200);
    QString error;
    const QList<Sample> samples = parse(body, &error);
    QVERIFY2(error.isEmpty() && !samples.isEmpty(), qPrintable(error + u'\n' + QString::fromUtf8(body)));

    QCOMPARE(valueOf(samples, u"frontdesk_open_sockets"_s, {{u"kind"_s, u"visitor_websocket"_s}}), 2.0);
    QCOMPARE(valueOf(samples, u"frontdesk_open_sockets"_s, {{u"kind"_s, u"agent_websocket"_s}}), 1.0);
    QVERIFY(valueOf(samples, u"frontdesk_open_sockets"_s, {{u"kind"_s, u"http"_s}}) >= 1); // this scrape
    QCOMPARE(valueOf(samples, u"frontdesk_messages_stored_total"_s, {{u"author"_s, u"visitor"_s}}), 2.0);
    QCOMPARE(valueOf(samples, u"frontdesk_messages_stored_total"_s, {{u"author"_s, u"agent"_s}}), 1.0);
    QVERIFY(valueOf(samples, u"frontdesk_messages_stored_total"_s, {{u"author"_s, u"system"_s}}) >= 1); // "Admin joined"
    QCOMPARE(valueOf(samples, u"frontdesk_open_conversations"_s, {{u"status"_s, u"waiting"_s}}), 1.0);
    QCOMPARE(valueOf(samples, u"frontdesk_open_conversations"_s, {{u"status"_s, u"active"_s}}), 1.0);
    QCOMPARE(valueOf(samples, u"frontdesk_queue_length"_s, {{u"site"_s, m_server->siteKey()}}), 1.0);
    QCOMPARE(valueOf(samples, u"frontdesk_login_bans_total"_s), 1.0);
    QVERIFY(valueOf(samples, u"frontdesk_refused_total"_s, {{u"reason"_s, u"bad_request"_s}}) >= 1);
    // The histogram: every commit counted, the +Inf bucket equal to the count, buckets never decreasing.
    const double commits = valueOf(samples, u"frontdesk_store_commit_seconds_count"_s);
    QVERIFY(commits >= 4);
    QCOMPARE(valueOf(samples, u"frontdesk_store_commit_seconds_bucket"_s, {{u"le"_s, u"+Inf"_s}}), commits);
    double previous = 0;
    for (const Sample &sample : samples) {
        if (sample.name == u"frontdesk_store_commit_seconds_bucket") {
            QVERIFY(sample.value >= previous);
            previous = sample.value;
        }
    }
    QVERIFY(valueOf(samples, u"frontdesk_store_commit_seconds_sum"_s) > 0);
}

void tst_Metrics::onlyAllowedAddressesOrTheTokenMayRead()
{
    const QHostAddress elsewhere(u"127.0.0.2"_s); // not in the default 127.0.0.1, ::1
    QCOMPARE(scrape(m_server->port(), elsewhere).first, 403);
    QCOMPARE(scrape(m_server->port(), elsewhere, "Bearer wrong").first, 403);
    QCOMPARE(scrape(m_server->port(), elsewhere, "Basic scrape-me").first, 403);
    const auto [status, body] = scrape(m_server->port(), elsewhere, "Bearer scrape-me");
    QCOMPARE(status, 200);
    QVERIFY(body.contains("# TYPE frontdesk_open_sockets gauge"));
}

QTEST_GUILESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"
