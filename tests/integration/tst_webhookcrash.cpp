// Webhooks across kill -9: the real `frontdesk --headless` SIGKILLed the
// moment its visitors' messages are acknowledged delivers every one of them
// after the restart (the journal row was in the message's transaction), each
// under one webhook-id, at most the one in flight twice; and deliveries that
// were waiting for a receiver that was down go out once it is back, after a
// kill, on SQLite and MariaDB.
#include "frontdeskprocess.h"
#include "jsonsocket.h"
#include "testdatabase.h"
#include "testserver.h"
#include "webhookreceiver.h"

#include <QJsonArray>
#include <QMultiHash>
#include <QSet>
#include <QTest>
#include <memory>
#include <vector>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

QString typeOf(const QJsonObject &frame)
{
    return frame.value(u"type"_s).toString();
}

const QString adminPassword = u"crash test password"_s;

/// Message bodies by the webhook-id they came under, from what the receiver accepted.
QMultiHash<QString, QByteArray> bodiesById(const QList<WebhookReceiver::Request> &requests)
{
    QMultiHash<QString, QByteArray> bodies;
    for (const auto &request : requests)
        bodies.insert(request.json()[u"data"_s][u"message"_s][u"body"_s].toString(), request.header("webhook-id"));
    return bodies;
}

} // namespace

class tst_WebhookCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void init();
    void cleanup();
    void eventsAcknowledgedBeforeAKillAreDelivered();
    void queuedDeliveriesSurviveAKill();

private:
    /// Starts the server and adds an endpoint at m_receiver for visitor messages; its secret.
    QString startWithWebhook();

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<FrontdeskProcess> m_server;
};

void tst_WebhookCrash::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_database = std::make_unique<TestDatabase>();
    switch (m_database->prepare(backend)) {
    case TestDatabase::Status::Ready:
        break;
    case TestDatabase::Status::Skip:
        QSKIP("MariaDB tests skipped (FRONTDESK_TEST_MARIADB=skip)");
    case TestDatabase::Status::Unavailable:
        QFAIL(qPrintable(m_database->errorString()));
    }
    m_receiver = std::make_unique<WebhookReceiver>();
    QVERIFY(m_receiver->start());
}

void tst_WebhookCrash::cleanup()
{
    m_server.reset();
    m_receiver.reset();
    m_database.reset();
}

QString tst_WebhookCrash::startWithWebhook()
{
    qputenv("FRONTDESK_ADMIN_PASSWORD", adminPassword.toUtf8());
    m_server = std::make_unique<FrontdeskProcess>(QStringLiteral(FRONTDESK_BINARY), m_database->config().displayUrl(),
                                                  m_database->config().password);
    m_server->setServerArguments({u"--limit"_s, u"webhook-retry-first-ms=200"_s, u"--limit"_s, u"webhook-retry-max-ms=400"_s,
                                  u"--allow-origin"_s, QString::fromLatin1(TestServer::allowedOrigin)});
    QString error;
    if (!m_server->start(&error)) {
        qWarning().noquote() << error;
        return {};
    }
    TestHttp http;
    const HttpAnswer login = http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                                           {{u"email"_s, u"admin@frontdesk.local"_s}, {u"password"_s, adminPassword}});
    JsonSocket admin;
    const QString token = login.json.value(u"token"_s).toString();
    if (token.isEmpty() || !admin.open(m_server->wsUrl(u"/v1/agent"_s))
        || !admin.request({{u"type"_s, u"auth"_s}, {u"token"_s, token}}))
        return {};
    const auto created = admin.request({{u"type"_s, u"create_webhook"_s},
                                        {u"url"_s, m_receiver->url().toString()},
                                        {u"events"_s, QJsonArray{u"message.visitor"_s}}});
    if (!created || typeOf(*created) != u"result"_s)
        return {};
    return created->value(u"webhook"_s)[u"secret"_s].toString();
}

void tst_WebhookCrash::eventsAcknowledgedBeforeAKillAreDelivered()
{
    const QString secret = startWithWebhook();
    QVERIFY2(!secret.isEmpty(), m_server ? qPrintable(m_server->log().right(2000)) : "");
    const QUrl visitorUrl = m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey());

    // Everyone ready, then everything at once, and the kill as the acks arrive.
    constexpr int Visitors = 6;
    std::vector<std::unique_ptr<JsonSocket>> visitors;
    for (int i = 0; i < Visitors; ++i) {
        auto &visitor = visitors.emplace_back(std::make_unique<JsonSocket>());
        QVERIFY(visitor->open(visitorUrl, TestServer::allowedOrigin));
        QVERIFY(visitor->request({{u"type"_s, u"hello"_s}}));
    }
    for (int i = 0; i < Visitors; ++i)
        visitors[i]->send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"c"_s}, {u"body"_s, u"rush %1"_s.arg(i)}, {u"id"_s, 901}});
    QSet<QString> acknowledged;
    for (int i = 0; i < Visitors; ++i) {
        const auto ack = visitors[i]->waitFor([](const QJsonObject &f) { return f.value(u"ref"_s).toInt() == 901; });
        QVERIFY(ack && typeOf(*ack) == u"ack"_s);
        acknowledged.insert(u"rush %1"_s.arg(i));
    }
    m_server->kill();
    const qsizetype beforeRestart = m_receiver->requests().size();

    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     return QSet<QString>(bodiesById(m_receiver->accepted()).keyBegin(),
                                          bodiesById(m_receiver->accepted()).keyEnd())
                         == acknowledged;
                 },
                 30000),
             qPrintable(m_server->log().right(3000)));
    QTest::qWait(1000);
    const auto bodies = bodiesById(m_receiver->accepted());
    for (const QString &body : acknowledged) {
        const QList<QByteArray> ids = bodies.values(body);
        QVERIFY(!ids.isEmpty());
        // A repeat is the attempt the kill caught, under the same webhook-id.
        QCOMPARE(QSet<QByteArray>(ids.cbegin(), ids.cend()).size(), 1);
    }
    // One endpoint has one attempt in flight at a time: at most one repeat.
    QVERIFY2(m_receiver->accepted().size() <= Visitors + 1,
             qPrintable(u"%1 accepted, %2 before the restart"_s.arg(m_receiver->accepted().size()).arg(beforeRestart)));
    for (const auto &request : m_receiver->accepted())
        QVERIFY(webhookSignatureProblem(request, secret).isEmpty());
    QVERIFY2(m_server->stop(&error), qPrintable(error));
}

void tst_WebhookCrash::queuedDeliveriesSurviveAKill()
{
    const QString secret = startWithWebhook();
    QVERIFY2(!secret.isEmpty(), m_server ? qPrintable(m_server->log().right(2000)) : "");
    m_receiver->stop();
    constexpr int Messages = 4;
    JsonSocket visitor;
    QVERIFY(visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
    QVERIFY(visitor.request({{u"type"_s, u"hello"_s}}));
    for (int i = 0; i < Messages; ++i) {
        const auto ack = visitor.request(
            {{u"type"_s, u"message"_s}, {u"clientId"_s, u"c%1"_s.arg(i)}, {u"body"_s, u"while down %1"_s.arg(i)}});
        QVERIFY(ack && typeOf(*ack) == u"ack"_s);
    }
    QTest::qWait(800); // a few refused attempts
    m_server->kill();
    QVERIFY(m_receiver->start());
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY2(QTest::qWaitFor([&] { return m_receiver->accepted().size() >= Messages; }, 30000),
             qPrintable(m_server->log().right(3000)));
    QTest::qWait(1000);
    QStringList bodies;
    for (const auto &request : m_receiver->accepted())
        bodies.append(request.json()[u"data"_s][u"message"_s][u"body"_s].toString());
    QCOMPARE(bodies, (QStringList{u"while down 0"_s, u"while down 1"_s, u"while down 2"_s, u"while down 3"_s}));
    QVERIFY2(m_server->stop(&error), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_WebhookCrash)
#include "tst_webhookcrash.moc"
