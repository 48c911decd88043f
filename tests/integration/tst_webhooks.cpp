// Signed webhooks through a whole server on SQLite and MariaDB, delivered to
// a real HTTP endpoint on loopback (WebhookReceiver): every event type in
// commit order with a signature checked apart from the server's code, only
// the chosen events and the endpoint's own site, a receiver that fails and
// comes back (retried in order, nothing twice), the queue kept across a
// restart, giving up after the deadline and Resend, the admins' commands and
// their refusals, and an erased visitor's deliveries gone with it.
#include "jsonsocket.h"
#include "testserver.h"
#include "webhookreceiver.h"
#include "webhooks/webhookpayload.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

QString typeOf(const std::optional<QJsonObject> &frame)
{
    return frame ? frame->value(u"type"_s).toString() : u"(no answer)"_s;
}

QString codeOf(const std::optional<QJsonObject> &frame)
{
    return frame ? frame->value(u"code"_s).toString() : u"(no answer)"_s;
}

qint64 idOf(const QJsonValue &value)
{
    return qint64(value.toDouble());
}

const QJsonArray allEvents{u"conversation.created"_s, u"conversation.accepted"_s, u"conversation.transferred"_s,
                           u"conversation.closed"_s,  u"conversation.rated"_s,    u"message.visitor"_s,
                           u"message.agent"_s};

QStringList typesOf(const QList<WebhookReceiver::Request> &requests)
{
    QStringList types;
    for (const auto &request : requests)
        types.append(request.type());
    return types;
}

} // namespace

class tst_Webhooks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signatureMatchesTheStandardWebhooksVector();
    void initTestCase_data();
    void init();
    void cleanup();

    void everyEventIsDeliveredSignedInOrder();
    void onlyChosenEventsOfItsOwnSite();
    void transferIsItsOwnEvent();
    void failingReceiverIsRetriedInOrder();
    void queueSurvivesARestart();
    void givesUpAfterTheDeadlineAndResends();
    void commandsCheckTheirFields();
    void agentsMayNotManageWebhooks();
    void erasingTheVisitorDropsItsDeliveries();

private:
    std::optional<QJsonObject> connectAdmin(JsonSocket &socket);
    /// Adds an endpoint at m_receiver for @p events; its JSON, or empty.
    QJsonObject createWebhook(JsonSocket &admin, const QJsonArray &events = allEvents, const QJsonObject &extra = {});
    /// A new visitor who says @p body; the conversation id, or 0.
    qint64 visitorWrites(JsonSocket &visitor, const QString &body, QString *visitorId = nullptr, const QString &siteKey = {});
    /// Shortens the retry schedule before the server starts (init() has started it already: restart).
    bool useQuickRetries(qint64 giveUpAfterMs = 60000);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<WebhookReceiver> m_receiver;
    TestHttp m_http;
};

void tst_Webhooks::signatureMatchesTheStandardWebhooksVector()
{
    // The example of the Standard Webhooks specification and its reference
    // libraries: a receiver using any of them accepts what Frontdesk signs.
    QCOMPARE(WebhookPayload::signature(u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s, u"msg_p5jXN8AQM9LWM0D4loKWxJek"_s, 1614265330,
                                       "{\"test\": 2432232314}"),
             "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="_ba);
    QVERIFY(WebhookPayload::signature(u"no prefix"_s, u"id"_s, 1, "{}").isEmpty());
}

void tst_Webhooks::initTestCase_data()
{
    addBackendRows();
}

void tst_Webhooks::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_receiver = std::make_unique<WebhookReceiver>();
    QVERIFY(m_receiver->start());
    m_server = std::make_unique<TestServer>();
    FRONTDESK_START_TEST_SERVER(*m_server, backend);
}

void tst_Webhooks::cleanup()
{
    m_server.reset();
    m_receiver.reset();
}

std::optional<QJsonObject> tst_Webhooks::connectAdmin(JsonSocket &socket)
{
    const QString token = m_http.loginAdmin(*m_server);
    if (token.isEmpty() || !socket.open(m_server->wsUrl(u"/v1/agent"_s)))
        return std::nullopt;
    return socket.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}});
}

QJsonObject tst_Webhooks::createWebhook(JsonSocket &admin, const QJsonArray &events, const QJsonObject &extra)
{
    QJsonObject command{{u"type"_s, u"create_webhook"_s},
                        {u"url"_s, m_receiver->url().toString()},
                        {u"events"_s, events},
                        {u"description"_s, u"CRM"_s}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        command.insert(it.key(), it.value());
    const auto created = admin.request(command);
    if (typeOf(created) != u"result"_s) {
        qWarning() << "create_webhook:" << (created ? *created : QJsonObject{});
        return {};
    }
    return created->value(u"webhook"_s).toObject();
}

qint64 tst_Webhooks::visitorWrites(JsonSocket &visitor, const QString &body, QString *visitorId, const QString &siteKey)
{
    const QString key = siteKey.isEmpty() ? m_server->siteKey() : siteKey;
    if (!visitor.isConnected() && !visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + key), TestServer::allowedOrigin))
        return 0;
    const auto welcome = visitor.request(QJsonObject{{u"type"_s, u"hello"_s}, {u"v"_s, 1}});
    if (typeOf(welcome) != u"welcome"_s)
        return 0;
    if (visitorId)
        *visitorId = welcome->value(u"visitorId"_s).toString();
    const auto ack = visitor.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, body}, {u"body"_s, body}});
    return typeOf(ack) == u"ack"_s ? idOf(ack->value(u"conversationId"_s)) : 0;
}

bool tst_Webhooks::useQuickRetries(qint64 giveUpAfterMs)
{
    WebhookSettings &settings = m_server->config().webhooks;
    settings.timeoutMs = 2000;
    settings.firstRetryMs = 200;
    settings.maxRetryMs = 800;
    settings.giveUpAfterMs = giveUpAfterMs;
    QString error;
    if (!m_server->restart(&error)) {
        qWarning().noquote() << error;
        return false;
    }
    return true;
}

// --- Delivery ----------------------------------------------------------------

void tst_Webhooks::everyEventIsDeliveredSignedInOrder()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const QJsonObject webhook = createWebhook(admin);
    QVERIFY(!webhook.isEmpty());
    const QString secret = webhook.value(u"secret"_s).toString();
    QVERIFY2(secret.startsWith(u"whsec_"_s) && QByteArray::fromBase64(secret.mid(6).toLatin1()).size() == 32, qPrintable(secret));
    QCOMPARE(webhook.value(u"events"_s).toArray(), allEvents);
    QVERIFY(webhook.value(u"enabled"_s).toBool());
    QVERIFY(admin.waitForType(u"webhook_status"_s)); // the creation, on every admin console

    JsonSocket visitor;
    QString visitorId;
    const qint64 conversationId = visitorWrites(visitor, u"Hello, is the blue one in stock?"_s, &visitorId);
    QVERIFY(conversationId > 0);
    QVERIFY(visitor.request(QJsonObject{{u"type"_s, u"profile"_s}, {u"name"_s, u"Ada"_s}, {u"email"_s, u"ada@example.com"_s}}));
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, double(conversationId)}})),
             u"result"_s);
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"reply"_s},
                                              {u"conversationId"_s, double(conversationId)},
                                              {u"clientId"_s, u"r-1"_s},
                                              {u"body"_s, u"Yes, two left."_s}})),
             u"ack"_s);
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, double(conversationId)}})),
             u"result"_s);
    QCOMPARE(typeOf(visitor.request(QJsonObject{{u"type"_s, u"rate"_s}, {u"rating"_s, 5}, {u"comment"_s, u"Quick"_s}})), u"ok"_s);

    QVERIFY(m_receiver->waitForRequests(6));
    QTest::qWait(300); // nothing more comes
    const auto requests = m_receiver->requests();
    QCOMPARE(typesOf(requests),
             (QStringList{u"conversation.created"_s, u"message.visitor"_s, u"conversation.accepted"_s, u"message.agent"_s,
                          u"conversation.closed"_s, u"conversation.rated"_s}));
    QSet<QByteArray> ids;
    for (const auto &request : requests) {
        QCOMPARE(request.method, "POST"_ba);
        QCOMPARE(request.path, "/hook"_ba);
        QCOMPARE(request.header("content-type"), "application/json"_ba);
        QVERIFY(request.header("user-agent").startsWith("Frontdesk-Webhooks/"));
        QCOMPARE(request.header("frontdesk-event"), request.type().toLatin1());
        const QString problem = webhookSignatureProblem(request, secret);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(request.header("webhook-id").startsWith("evt_"));
        ids.insert(request.header("webhook-id"));
        const QJsonObject data = request.json().value(u"data"_s).toObject();
        QCOMPARE(idOf(data[u"conversation"_s][u"id"_s]), conversationId);
        QCOMPARE(data[u"site"_s][u"key"_s].toString(), m_server->siteKey());
        QCOMPARE(data[u"visitor"_s][u"id"_s].toString(), visitorId);
        QVERIFY(request.json().value(u"timestamp"_s).toString().endsWith(u'Z'));
    }
    QCOMPARE(ids.size(), 6);
    const QJsonObject created = requests[0].json()[u"data"_s].toObject();
    QCOMPARE(created[u"message"_s][u"body"_s].toString(), u"Hello, is the blue one in stock?"_s);
    QCOMPARE(created[u"message"_s][u"author"_s][u"kind"_s].toString(), u"visitor"_s);
    QCOMPARE(created[u"conversation"_s][u"status"_s].toString(), u"waiting"_s);
    const QJsonObject accepted = requests[2].json()[u"data"_s].toObject();
    QCOMPARE(accepted[u"agent"_s][u"name"_s].toString(), u"Admin"_s);
    QCOMPARE(accepted[u"visitor"_s][u"email"_s].toString(), u"ada@example.com"_s);
    const QJsonObject reply = requests[3].json()[u"data"_s].toObject();
    QCOMPARE(reply[u"message"_s][u"body"_s].toString(), u"Yes, two left."_s);
    QCOMPARE(reply[u"message"_s][u"author"_s][u"kind"_s].toString(), u"agent"_s);
    QCOMPARE(reply[u"message"_s][u"author"_s][u"name"_s].toString(), u"Admin"_s);
    const QJsonObject closed = requests[4].json()[u"data"_s].toObject();
    QCOMPARE(closed[u"closedBy"_s][u"name"_s].toString(), u"Admin"_s);
    QCOMPARE(closed[u"conversation"_s][u"status"_s].toString(), u"closed"_s);
    const QJsonObject rated = requests[5].json()[u"data"_s].toObject();
    QCOMPARE(rated[u"rating"_s].toInt(), 5);
    QCOMPARE(rated[u"comment"_s].toString(), u"Quick"_s);

    // The log says so, newest first, and the endpoint's figures agree.
    const auto log = admin.request(QJsonObject{{u"type"_s, u"list_webhook_deliveries"_s}, {u"webhookId"_s, webhook[u"id"_s]}});
    QCOMPARE(typeOf(log), u"result"_s);
    const QJsonArray deliveries = log->value(u"deliveries"_s).toArray();
    QCOMPARE(deliveries.size(), 6);
    QCOMPARE(deliveries[0][u"event"_s].toString(), u"conversation.rated"_s);
    for (const QJsonValue &delivery : deliveries) {
        QCOMPARE(delivery[u"status"_s].toString(), u"delivered"_s);
        QCOMPARE(delivery[u"statusCode"_s].toInt(), 204);
        QCOMPARE(delivery[u"attempts"_s].toInt(), 1);
    }
    const auto listed = admin.request(QJsonObject{{u"type"_s, u"list_webhooks"_s}});
    QCOMPARE(listed->value(u"webhooks"_s).toArray().size(), 1);
    const QJsonObject figures = listed->value(u"webhooks"_s)[0].toObject();
    QCOMPARE(figures[u"queued"_s].toInt(), 0);
    QVERIFY(figures[u"lastDeliveredAt"_s].toDouble() > 0);
}

void tst_Webhooks::onlyChosenEventsOfItsOwnSite()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(!createWebhook(admin, QJsonArray{u"message.visitor"_s}).isEmpty());
    // A disabled endpoint hears nothing at all.
    const QJsonObject paused = createWebhook(admin, allEvents);
    QCOMPARE(typeOf(admin.request(
                 QJsonObject{{u"type"_s, u"update_webhook"_s}, {u"webhookId"_s, paused[u"id"_s]}, {u"enabled"_s, false}})),
             u"result"_s);
    // A second site's conversations are not this endpoint's business.
    const auto second
        = admin.request(QJsonObject{{u"type"_s, u"create_site"_s},
                                    {u"name"_s, u"Second shop"_s},
                                    {u"allowedOrigins"_s, QJsonArray{QString::fromLatin1(TestServer::allowedOrigin)}}});
    QCOMPARE(typeOf(second), u"result"_s);
    JsonSocket other;
    QVERIFY(visitorWrites(other, u"other site"_s, nullptr, second->value(u"site"_s)[u"siteKey"_s].toString()) > 0);

    JsonSocket visitor;
    const qint64 conversationId = visitorWrites(visitor, u"first"_s);
    QVERIFY(conversationId > 0);
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"reply"_s},
                                              {u"conversationId"_s, double(conversationId)},
                                              {u"clientId"_s, u"r-1"_s},
                                              {u"body"_s, u"an answer"_s}})),
             u"ack"_s);
    QCOMPARE(
        typeOf(visitor.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"second"_s}, {u"body"_s, u"second"_s}})),
        u"ack"_s);
    QVERIFY(m_receiver->waitForRequests(2));
    QTest::qWait(500);
    const auto requests = m_receiver->requests();
    QCOMPARE(typesOf(requests), (QStringList{u"message.visitor"_s, u"message.visitor"_s}));
    QCOMPARE(requests[0].json()[u"data"_s][u"message"_s][u"body"_s].toString(), u"first"_s);
    QCOMPARE(requests[1].json()[u"data"_s][u"message"_s][u"body"_s].toString(), u"second"_s);
}

void tst_Webhooks::failingReceiverIsRetriedInOrder()
{
    QVERIFY(useQuickRetries());
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const QJsonObject webhook = createWebhook(admin, QJsonArray{u"message.visitor"_s});
    QVERIFY(admin.waitForType(u"webhook_status"_s));
    m_receiver->setStatus(503);
    JsonSocket visitor;
    QVERIFY(visitorWrites(visitor, u"one"_s) > 0);
    for (const QString &body : {u"two"_s, u"three"_s})
        QCOMPARE(typeOf(visitor.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, body}, {u"body"_s, body}})),
                 u"ack"_s);
    // The head is tried again and again; the ones behind it wait.
    QVERIFY(m_receiver->waitForRequests(3));
    for (const auto &request : m_receiver->requests())
        QCOMPARE(request.json()[u"data"_s][u"message"_s][u"body"_s].toString(), u"one"_s);
    // All three queued behind the failing head: the acks come before the
    // dispatcher has queued the last one, so an early status may say 2; the
    // head's next retry says 3 (and none may say more).
    const auto failing = admin.waitFor([](const QJsonObject &frame) {
        return frame[u"type"_s] == u"webhook_status"_s && frame[u"webhook"_s][u"lastFailureAt"_s].toDouble() > 0
            && frame[u"webhook"_s][u"queued"_s].toInt() >= 3;
    });
    QVERIFY(failing);
    QCOMPARE(failing->value(u"webhook"_s)[u"queued"_s].toInt(), 3);
    QVERIFY2(failing->value(u"webhook"_s)[u"lastFailure"_s].toString().startsWith(u"HTTP 503"_s),
             qPrintable(failing->value(u"webhook"_s)[u"lastFailure"_s].toString()));

    // Refused connections count the same.
    m_receiver->stop();
    QTest::qWait(1000);
    QVERIFY(m_receiver->start());
    const qsizetype failedAttempts = m_receiver->requests().size();
    m_receiver->setStatus(200);
    QVERIFY(m_receiver->waitForRequests(int(failedAttempts) + 3));
    QTest::qWait(500);
    const auto accepted = m_receiver->accepted();
    QCOMPARE(accepted.size(), 3);
    QStringList bodies;
    for (const auto &request : accepted)
        bodies.append(request.json()[u"data"_s][u"message"_s][u"body"_s].toString());
    QCOMPARE(bodies, (QStringList{u"one"_s, u"two"_s, u"three"_s}));
    // Every attempt at "one" carried the same webhook-id, each with a fresh signature.
    QSet<QByteArray> idsOfOne;
    for (const auto &request : m_receiver->requests()) {
        if (request.json()[u"data"_s][u"message"_s][u"body"_s].toString() == u"one"_s) {
            idsOfOne.insert(request.header("webhook-id"));
            QVERIFY(webhookSignatureProblem(request, webhook[u"secret"_s].toString()).isEmpty());
        }
    }
    QCOMPARE(idsOfOne.size(), 1);
    const auto log = admin.request(QJsonObject{{u"type"_s, u"list_webhook_deliveries"_s}, {u"webhookId"_s, webhook[u"id"_s]}});
    const QJsonArray deliveries = log->value(u"deliveries"_s).toArray();
    QCOMPARE(deliveries.size(), 3);
    QVERIFY(deliveries.last()[u"attempts"_s].toInt() >= 2);
    QCOMPARE(deliveries.last()[u"status"_s].toString(), u"delivered"_s);
}

void tst_Webhooks::queueSurvivesARestart()
{
    QVERIFY(useQuickRetries());
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(!createWebhook(admin, QJsonArray{u"message.visitor"_s}).isEmpty());
    m_receiver->stop();
    {
        JsonSocket visitor;
        QVERIFY(visitorWrites(visitor, u"before the restart"_s) > 0);
        QCOMPARE(typeOf(visitor.request(
                     QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"second"_s}, {u"body"_s, u"also before"_s}})),
                 u"ack"_s);
    }
    QTest::qWait(300);
    admin.close();
    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QVERIFY(m_receiver->start());
    QVERIFY(QTest::qWaitFor([&] { return m_receiver->accepted().size() >= 2; }, 20000));
    QTest::qWait(500);
    QStringList bodies;
    for (const auto &request : m_receiver->accepted())
        bodies.append(request.json()[u"data"_s][u"message"_s][u"body"_s].toString());
    QCOMPARE(bodies, (QStringList{u"before the restart"_s, u"also before"_s}));
}

void tst_Webhooks::givesUpAfterTheDeadlineAndResends()
{
    QVERIFY(useQuickRetries(1500));
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const QJsonObject webhook = createWebhook(admin, QJsonArray{u"message.visitor"_s});
    m_receiver->setStatus(500);
    JsonSocket visitor;
    QVERIFY(visitorWrites(visitor, u"doomed"_s) > 0);
    const auto gaveUp = admin.waitFor(
        [](const QJsonObject &frame) {
            return frame[u"type"_s] == u"webhook_status"_s && frame[u"webhook"_s][u"failed"_s].toInt() == 1;
        },
        15000);
    QVERIFY(gaveUp);
    QCOMPARE(gaveUp->value(u"webhook"_s)[u"queued"_s].toInt(), 0);
    const auto log = admin.request(QJsonObject{{u"type"_s, u"list_webhook_deliveries"_s}, {u"webhookId"_s, webhook[u"id"_s]}});
    const QJsonObject delivery = log->value(u"deliveries"_s)[0].toObject();
    QCOMPARE(delivery[u"status"_s].toString(), u"failed"_s);
    QCOMPARE(delivery[u"statusCode"_s].toInt(), 500);
    QVERIFY2(delivery[u"error"_s].toString().contains(u"receiver says no"_s), qPrintable(delivery[u"error"_s].toString()));
    const qsizetype attempts = m_receiver->requests().size();
    QCOMPARE(delivery[u"attempts"_s].toInt(), int(attempts));
    QTest::qWait(800);
    QCOMPARE(m_receiver->requests().size(), attempts); // failed for good: no more attempts

    m_receiver->setStatus(204);
    const auto resent
        = admin.request(QJsonObject{{u"type"_s, u"resend_webhook_delivery"_s}, {u"deliveryId"_s, delivery[u"id"_s]}});
    QCOMPARE(typeOf(resent), u"result"_s);
    QCOMPARE(resent->value(u"delivery"_s)[u"status"_s].toString(), u"queued"_s);
    QVERIFY(QTest::qWaitFor([&] { return m_receiver->accepted().size() == 1; }, 10000));
    QCOMPARE(m_receiver->accepted().first().header("webhook-id"), m_receiver->requests().first().header("webhook-id"));
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"resend_webhook_delivery"_s}, {u"deliveryId"_s, 99999}})),
             u"not_found"_s);
}

// --- Commands ----------------------------------------------------------------

void tst_Webhooks::commandsCheckTheirFields()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const auto refused = [&](const QJsonObject &fields) {
        QJsonObject command{
            {u"type"_s, u"create_webhook"_s}, {u"url"_s, u"https://crm.example/hook"_s}, {u"events"_s, allEvents}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            command.insert(it.key(), it.value());
        return codeOf(admin.request(command));
    };
    QCOMPARE(refused({{u"url"_s, u"ftp://crm.example/hook"_s}}), u"invalid_field"_s);
    QCOMPARE(refused({{u"url"_s, u"crm.example/hook"_s}}), u"invalid_field"_s);
    QCOMPARE(refused({{u"url"_s, u"https://user:secret@crm.example/hook"_s}}), u"invalid_field"_s);
    QCOMPARE(refused({{u"url"_s, u"https://crm.example/#x"_s}}), u"invalid_field"_s);
    QCOMPARE(refused({{u"url"_s, QString(u"https://crm.example/"_s + QString(2000, u'a'))}}), u"text_too_long"_s);
    QCOMPARE(refused({{u"url"_s, 5}}), u"invalid_field"_s);
    QCOMPARE(refused({{u"events"_s, QJsonArray{}}}), u"invalid_field"_s);
    QCOMPARE(refused({{u"events"_s, QJsonArray{u"message.deleted"_s}}}), u"invalid_field"_s);
    QCOMPARE(refused({{u"events"_s, u"message.visitor"_s}}), u"invalid_field"_s);
    QCOMPARE(refused({{u"siteId"_s, 999}}), u"not_found"_s);
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"list_webhooks"_s}})), u"result"_s);
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"list_webhooks"_s}})->value(u"webhooks"_s).toArray().isEmpty());

    const QJsonObject webhook = createWebhook(admin);
    const QJsonValue id = webhook[u"id"_s];
    // Changing it: only the fields named.
    const auto changed = admin.request(
        QJsonObject{{u"type"_s, u"update_webhook"_s}, {u"webhookId"_s, id}, {u"events"_s, QJsonArray{u"conversation.closed"_s}}});
    QCOMPARE(typeOf(changed), u"result"_s);
    QCOMPARE(changed->value(u"webhook"_s)[u"events"_s].toArray(), QJsonArray{u"conversation.closed"_s});
    QCOMPARE(changed->value(u"webhook"_s)[u"url"_s].toString(), m_receiver->url().toString());
    QCOMPARE(
        codeOf(admin.request(QJsonObject{{u"type"_s, u"update_webhook"_s}, {u"webhookId"_s, id}, {u"url"_s, u"mailto:x"_s}})),
        u"invalid_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"update_webhook"_s}, {u"webhookId"_s, 9999}, {u"enabled"_s, true}})),
             u"not_found"_s);
    // A new secret is another secret.
    const auto rotated = admin.request(QJsonObject{{u"type"_s, u"rotate_webhook_secret"_s}, {u"webhookId"_s, id}});
    QCOMPARE(typeOf(rotated), u"result"_s);
    QVERIFY(rotated->value(u"webhook"_s)[u"secret"_s].toString().startsWith(u"whsec_"_s));
    QVERIFY(rotated->value(u"webhook"_s)[u"secret"_s] != webhook[u"secret"_s]);
    // Limits on the log's paging.
    QCOMPARE(
        codeOf(admin.request(QJsonObject{{u"type"_s, u"list_webhook_deliveries"_s}, {u"webhookId"_s, id}, {u"limit"_s, 1000}})),
        u"invalid_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"list_webhook_deliveries"_s}, {u"webhookId"_s, 9999}})),
             u"not_found"_s);
    // Deleting it tells every admin console.
    const auto deleted = admin.request(QJsonObject{{u"type"_s, u"delete_webhook"_s}, {u"webhookId"_s, id}});
    QCOMPARE(typeOf(deleted), u"result"_s);
    QCOMPARE(deleted->value(u"webhookId"_s), id);
    const auto event = admin.waitForType(u"webhook_deleted"_s);
    QVERIFY(event);
    QCOMPARE(event->value(u"webhookId"_s), id);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"delete_webhook"_s}, {u"webhookId"_s, id}})), u"not_found"_s);
    // The audit log has all of it.
    const auto audit = admin.request(QJsonObject{{u"type"_s, u"list_audit"_s}});
    QStringList actions;
    for (const QJsonValue &entry : audit->value(u"entries"_s).toArray())
        actions.append(entry[u"action"_s].toString());
    QVERIFY2(actions.contains(u"create_webhook"_s) && actions.contains(u"update_webhook"_s)
                 && actions.contains(u"delete_webhook"_s),
             qPrintable(actions.join(u", "_s)));
}

void tst_Webhooks::transferIsItsOwnEvent()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(!createWebhook(admin, {u"conversation.accepted"_s, u"conversation.transferred"_s}).isEmpty());
    const auto carol = admin.request(QJsonObject{{u"type"_s, u"create_agent"_s},
                                                 {u"email"_s, u"carol@shop.test"_s},
                                                 {u"name"_s, u"Carol"_s},
                                                 {u"password"_s, u"carol's long password"_s}});
    QCOMPARE(typeOf(carol), u"result"_s);
    const QJsonValue carolId = carol->value(u"agent"_s)[u"id"_s];
    QVERIFY(carolId.toDouble() > 0);

    JsonSocket visitor;
    const qint64 conversationId = visitorWrites(visitor, u"Who can help with an invoice?"_s);
    QVERIFY(conversationId > 0);
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, double(conversationId)}})),
             u"result"_s);
    QCOMPARE(typeOf(admin.request(QJsonObject{
                 {u"type"_s, u"transfer"_s}, {u"conversationId"_s, double(conversationId)}, {u"agentId"_s, carolId}})),
             u"result"_s);

    QVERIFY(m_receiver->waitForRequests(2));
    const auto requests = m_receiver->requests();
    QCOMPARE(typesOf(requests), (QStringList{u"conversation.accepted"_s, u"conversation.transferred"_s}));
    QCOMPARE(requests[0].json()[u"data"_s][u"agent"_s][u"name"_s].toString(), u"Admin"_s);
    // The agent it was given to, and the conversation as it is now: theirs.
    const QJsonObject transferred = requests[1].json()[u"data"_s].toObject();
    QCOMPARE(transferred[u"agent"_s][u"name"_s].toString(), u"Carol"_s);
    QCOMPARE(transferred[u"agent"_s][u"id"_s], carolId);
    QCOMPARE(transferred[u"conversation"_s][u"assignedAgentId"_s], carolId);
    QCOMPARE(idOf(transferred[u"conversation"_s][u"id"_s]), conversationId);
}

void tst_Webhooks::agentsMayNotManageWebhooks()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const QJsonObject webhook = createWebhook(admin);
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"create_agent"_s},
                                              {u"email"_s, u"bob@shop.test"_s},
                                              {u"name"_s, u"Bob"_s},
                                              {u"password"_s, u"bob's long password"_s}})),
             u"result"_s);
    const HttpAnswer login
        = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                          QJsonObject{{u"email"_s, u"bob@shop.test"_s}, {u"password"_s, u"bob's long password"_s}});
    JsonSocket bob;
    QVERIFY(bob.open(m_server->wsUrl(u"/v1/agent"_s)));
    QVERIFY(bob.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, login.json[u"token"_s]}}));
    for (const QString &type : {u"list_webhooks"_s, u"create_webhook"_s, u"update_webhook"_s, u"rotate_webhook_secret"_s,
                                u"delete_webhook"_s, u"list_webhook_deliveries"_s, u"resend_webhook_delivery"_s}) {
        const auto answer = bob.request(QJsonObject{{u"type"_s, type}, {u"webhookId"_s, webhook[u"id"_s]}});
        QCOMPARE(codeOf(answer), u"forbidden"_s);
        QCOMPARE(answer->value(u"message"_s).toString(), u"Only an admin may manage webhooks."_s);
    }
    // An agent's console never hears an endpoint's state (it carries the secret).
    QCOMPARE(typeOf(admin.request(
                 QJsonObject{{u"type"_s, u"update_webhook"_s}, {u"webhookId"_s, webhook[u"id"_s]}, {u"enabled"_s, false}})),
             u"result"_s);
    QVERIFY(!bob.receivesWithin(u"webhook_status"_s, 300));
}

void tst_Webhooks::erasingTheVisitorDropsItsDeliveries()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const QJsonObject webhook = createWebhook(admin, QJsonArray{u"message.visitor"_s});
    m_receiver->stop(); // queued, not delivered
    JsonSocket visitor;
    QString visitorId;
    QVERIFY(visitorWrites(visitor, u"my secret address is 1 Main St"_s, &visitorId) > 0);
    QVERIFY(admin.waitFor([](const QJsonObject &frame) {
        return frame[u"type"_s] == u"webhook_status"_s && frame[u"webhook"_s][u"lastFailureAt"_s].toDouble() > 0;
    }));
    const auto before = admin.request(QJsonObject{{u"type"_s, u"list_webhook_deliveries"_s}, {u"webhookId"_s, webhook[u"id"_s]}});
    QCOMPARE(before->value(u"deliveries"_s).toArray().size(), 1);
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"erase_visitor"_s}, {u"visitorId"_s, visitorId}})), u"result"_s);
    const auto after = admin.request(QJsonObject{{u"type"_s, u"list_webhook_deliveries"_s}, {u"webhookId"_s, webhook[u"id"_s]}});
    QCOMPARE(after->value(u"deliveries"_s).toArray().size(), 0);
    QVERIFY(m_receiver->start());
    QTest::qWait(1500);
    QCOMPARE(m_receiver->requests().size(), 0);
}

QTEST_GUILESS_MAIN(tst_Webhooks)
#include "tst_webhooks.moc"
