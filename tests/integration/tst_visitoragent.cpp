// End-to-end chat over real sockets: a FrontdeskServer on an ephemeral
// loopback port, on SQLite and on MariaDB, driven as a visitor and an agent.
#include "jsonsocket.h"
#include "testserver.h"

#include "auth/tokens.h"
#include "http/httplistener.h"
#include "protocol/wirecodec.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <algorithm>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

QString newClientId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString typeOf(const QJsonObject &frame)
{
    return frame.value(u"type"_s).toString();
}

/// A response read byte for byte off the wire (QNetworkAccessManager would
/// add headers of its own and undo Content-Encoding).
struct RawAnswer {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    [[nodiscard]] QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    [[nodiscard]] bool hasHeader(const QByteArray &name) const
    {
        return std::any_of(headers.cbegin(), headers.cend(),
                           [&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
    }
};

/// Sends @p head (request line and headers, without the blank line) with
/// Connection: close, and @p body (with its Content-Length) when there is one.
RawAnswer rawRequest(quint16 port, const QByteArray &head, const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10'000))
        return {};
    const QByteArray length = body.isEmpty() ? QByteArray() : "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(head + "\r\nConnection: close\r\n" + length + "\r\n" + body);
    QByteArray bytes;
    QElapsedTimer clock;
    clock.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && clock.elapsed() < 20'000) {
        QTest::qWait(5); // the server runs in this thread
        bytes += socket.readAll();
    }
    bytes += socket.readAll();
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return {};
    RawAnswer answer;
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    answer.status = lines.first().mid(9, 3).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            answer.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    answer.body = bytes.mid(end + 4);
    return answer;
}

/// Decodes a gzip member (RFC 1952) whose plain text is expected to be
/// @p expected, with Qt alone: its deflate data goes into the zlib wrapper
/// qUncompress() reads, with the Adler-32 of @p expected as the trailer, so
/// the result is @p expected only if the deflate data really decodes to it.
QByteArray gunzipExpecting(const QByteArray &gzip, const QByteArray &expected)
{
    // Fixed 10-byte header; Frontdesk writes no optional fields (FLG = 0).
    if (gzip.size() < 18 || !gzip.startsWith("\x1f\x8b\x08") || gzip.at(3) != 0)
        return {};
    quint32 a = 1;
    quint32 b = 0;
    for (const char c : expected) {
        a = (a + quint8(c)) % 65521;
        b = (b + a) % 65521;
    }
    const quint32 adler = (b << 16) | a;
    QByteArray zlib;
    const quint32 size = quint32(expected.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        zlib += char((size >> shift) & 0xff); // qUncompress's own length prefix
    zlib += QByteArray("\x78\x9c", 2);
    zlib += gzip.mid(10, gzip.size() - 18);
    for (int shift = 24; shift >= 0; shift -= 8)
        zlib += char((adler >> shift) & 0xff);
    return qUncompress(zlib);
}

} // namespace

class tst_VisitorAgent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();

    void visitorMessageReachesAgentAndReplyReachesVisitor();
    void duplicateClientIdIsStoredOnce();
    void reconnectingVisitorGetsWhatItMissed();
    void cleanRestartWithMessagesInFlightLosesNothing();
    void twoTabsShowTheSameConversation();
    void wrongOriginIsRefused();
    void unknownSiteIsRefused();
    void invalidInputGetsAnErrorAndTheConnectionSurvives_data();
    void invalidInputGetsAnErrorAndTheConnectionSurvives();
    void oversizedTextIsRefused();
    void oversizedFrameClosesTheSocket();
    void agentNeedsAValidToken();
    void agentThatNeverAuthenticatesIsClosed();
    void wrongPasswordIsRefused();
    void slowlorisClientIsDropped();
    void longPollingCarriesTheChatBothWays();
    void everyHttpErrorHasOneShape_data();
    void everyHttpErrorHasOneShape();
    void longPollingRecoversAfterRestart();
    void agentClosesAndVisitorIsTold();
    void widgetAndConfigAreServed();
    void widgetIsServedGzippedWhenAccepted();
    void preflightAnswersOnlyAllowedOrigins_data();
    void preflightAnswersOnlyAllowedOrigins();
    void identityIsCheckedWithTheSiteSecret();
    void profileAndAttributesReachTheAgent();
    void waitingVisitorsKnowTheirPlaceInTheQueue();
    void closedConversationCanBeRated();
    void publicUrlGoesIntoTheSnapshotAndTheSnippet();

private:
    /// A visitor that said hello; returns its welcome frame.
    std::optional<QJsonObject> helloVisitor(JsonSocket &visitor, const QJsonObject &extra = {});
    /// An agent that authenticated; returns its snapshot frame.
    std::optional<QJsonObject> connectAgent(JsonSocket &agent);
    /// Sends a visitor message and returns its ack.
    std::optional<QJsonObject> sendVisitorMessage(JsonSocket &visitor, const QString &clientId, const QString &body);

    std::unique_ptr<TestServer> m_server;
    TestHttp m_http;
};

void tst_VisitorAgent::initTestCase_data()
{
    addBackendRows();
}

void tst_VisitorAgent::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_server = std::make_unique<TestServer>();
    m_server->config().httpLimits.headerTimeoutMs = 1'000;
    m_server->config().realtimeLimits.agentAuthTimeoutMs = 1'000;
    FRONTDESK_START_TEST_SERVER(*m_server, backend);
}

void tst_VisitorAgent::cleanup()
{
    m_server.reset();
}

std::optional<QJsonObject> tst_VisitorAgent::helloVisitor(JsonSocket &visitor, const QJsonObject &extra)
{
    if (!visitor.isConnected()
        && !visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin))
        return std::nullopt;
    QJsonObject hello{{u"type"_s, u"hello"_s},
                      {u"v"_s, 1},
                      {u"timezone"_s, u"Europe/Oslo"_s},
                      {u"page"_s, QJsonObject{{u"url"_s, u"http://shop.test/pricing"_s}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        hello.insert(it.key(), it.value());
    return visitor.request(hello);
}

std::optional<QJsonObject> tst_VisitorAgent::connectAgent(JsonSocket &agent)
{
    const QString token = m_http.loginAdmin(*m_server);
    if (token.isEmpty() || !agent.open(m_server->wsUrl(u"/v1/agent"_s)))
        return std::nullopt;
    return agent.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}});
}

std::optional<QJsonObject> tst_VisitorAgent::sendVisitorMessage(JsonSocket &visitor, const QString &clientId, const QString &body)
{
    visitor.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, clientId}, {u"body"_s, body}});
    return visitor.waitFor([clientId](const QJsonObject &frame) {
        return (typeOf(frame) == u"ack" && frame.value(u"clientId"_s).toString() == clientId) || typeOf(frame) == u"error";
    });
}

void tst_VisitorAgent::visitorMessageReachesAgentAndReplyReachesVisitor()
{
    JsonSocket agent;
    const auto snapshot = connectAgent(agent);
    QVERIFY(snapshot);
    QCOMPARE(typeOf(*snapshot), u"snapshot"_s);
    QCOMPARE(snapshot->value(u"conversations"_s).toArray().size(), 0);

    JsonSocket visitor;
    const auto welcome = helloVisitor(visitor);
    QVERIFY(welcome);
    QCOMPARE(typeOf(*welcome), u"welcome"_s);
    QVERIFY(!welcome->value(u"visitorId"_s).toString().isEmpty());
    QVERIFY(!welcome->value(u"token"_s).toString().isEmpty());
    QCOMPARE(welcome->value(u"agentsOnline"_s).toInt(), 1);

    const auto ack = sendVisitorMessage(visitor, u"v-1"_s, u"Do you ship to Norway?"_s);
    QVERIFY(ack);
    QCOMPARE(typeOf(*ack), u"ack"_s);
    QCOMPARE(ack->value(u"duplicate"_s).toBool(), false);
    const qint64 conversationId = qint64(ack->value(u"conversationId"_s).toDouble());

    const auto created = agent.waitForType(u"conversation_created"_s);
    QVERIFY(created);
    QCOMPARE(qint64(created->value(u"conversation"_s)[u"id"_s].toDouble()), conversationId);
    QCOMPARE(created->value(u"conversation"_s)[u"status"_s].toString(), u"waiting"_s);
    const auto incoming = agent.waitForType(u"message"_s);
    QVERIFY(incoming);
    QCOMPARE(incoming->value(u"message"_s)[u"body"_s].toString(), u"Do you ship to Norway?"_s);
    QCOMPARE(incoming->value(u"message"_s)[u"author"_s].toString(), u"visitor"_s);

    const auto accepted = agent.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, double(conversationId)}});
    QVERIFY(accepted);
    QCOMPARE(typeOf(*accepted), u"result"_s);
    QCOMPARE(accepted->value(u"conversation"_s)[u"status"_s].toString(), u"active"_s);
    QVERIFY(visitor.waitForType(u"agent_joined"_s));

    // Typing goes both ways.
    agent.send(QJsonObject{{u"type"_s, u"typing"_s}, {u"conversationId"_s, double(conversationId)}, {u"active"_s, true}});
    const auto agentTyping = visitor.waitForType(u"typing"_s);
    QVERIFY(agentTyping);
    QCOMPARE(agentTyping->value(u"active"_s).toBool(), true);
    visitor.send(QJsonObject{{u"type"_s, u"typing"_s}, {u"active"_s, true}});
    const auto visitorTyping = agent.waitForType(u"typing"_s);
    QVERIFY(visitorTyping);
    QCOMPARE(qint64(visitorTyping->value(u"conversationId"_s).toDouble()), conversationId);

    const auto replyAck = agent.request(QJsonObject{{u"type"_s, u"reply"_s},
                                                    {u"conversationId"_s, double(conversationId)},
                                                    {u"clientId"_s, u"a-1"_s},
                                                    {u"body"_s, u"Yes, in 3 to 5 days."_s}});
    QVERIFY(replyAck);
    QCOMPARE(typeOf(*replyAck), u"ack"_s);
    // The ack carries the stored message as agents see it.
    const QJsonObject stored = replyAck->value(u"message"_s).toObject();
    QCOMPARE(stored.value(u"id"_s), replyAck->value(u"messageId"_s));
    QCOMPARE(qint64(stored.value(u"conversationId"_s).toDouble()), conversationId);
    QCOMPARE(stored.value(u"author"_s).toString(), u"agent"_s);
    QCOMPARE(stored.value(u"authorName"_s).toString(), u"Admin"_s);
    QVERIFY(stored.value(u"authorAgentId"_s).toDouble() > 0);
    QCOMPARE(stored.value(u"body"_s).toString(), u"Yes, in 3 to 5 days."_s);
    QCOMPARE(stored.value(u"clientId"_s).toString(), u"a-1"_s);
    QCOMPARE(stored.value(u"createdAt"_s), replyAck->value(u"createdAt"_s));
    // A resend with the same client id is acknowledged with the message stored first, as stored.
    const auto resentAck = agent.request(QJsonObject{{u"type"_s, u"reply"_s},
                                                     {u"conversationId"_s, double(conversationId)},
                                                     {u"clientId"_s, u"a-1"_s},
                                                     {u"body"_s, u"Yes, in 3 to 5 days (edited)."_s}});
    QVERIFY(resentAck);
    QCOMPARE(resentAck->value(u"duplicate"_s).toBool(), true);
    QCOMPARE(resentAck->value(u"message"_s).toObject(), stored);
    const auto reply = visitor.waitFor([](const QJsonObject &frame) {
        return typeOf(frame) == u"message" && frame.value(u"message"_s)[u"author"_s].toString() == u"agent";
    });
    QVERIFY(reply);
    QCOMPARE(reply->value(u"message"_s)[u"body"_s].toString(), u"Yes, in 3 to 5 days."_s);
    QCOMPARE(reply->value(u"message"_s)[u"authorName"_s].toString(), u"Admin"_s);
    QVERIFY(!reply->value(u"message"_s).toObject().contains(u"authorAgentId"_s));

    // Read receipts travel to the agent and are kept.
    const double replyId = reply->value(u"message"_s)[u"id"_s].toDouble();
    visitor.send(QJsonObject{{u"type"_s, u"read"_s}, {u"messageId"_s, replyId}});
    const auto read = agent.waitForType(u"read"_s);
    QVERIFY(read);
    QCOMPARE(read->value(u"by"_s).toString(), u"visitor"_s);
    QCOMPARE(read->value(u"messageId"_s).toDouble(), replyId);

    // The agent's view of the visitor: the page it came from.
    const auto context = agent.request(QJsonObject{{u"type"_s, u"visitor"_s}, {u"visitorId"_s, welcome->value(u"visitorId"_s)}});
    QVERIFY(context);
    QCOMPARE(context->value(u"pages"_s).toArray().first()[u"url"_s].toString(), u"http://shop.test/pricing"_s);
    QCOMPARE(context->value(u"visitor"_s)[u"attributes"_s][u"timezone"_s].toString(), u"Europe/Oslo"_s);
}

void tst_VisitorAgent::duplicateClientIdIsStoredOnce()
{
    JsonSocket agent;
    QVERIFY(connectAgent(agent));
    JsonSocket visitor;
    QVERIFY(helloVisitor(visitor));

    const QString clientId = newClientId();
    const auto first = sendVisitorMessage(visitor, clientId, u"Hello"_s);
    const auto second = sendVisitorMessage(visitor, clientId, u"Hello"_s);
    QVERIFY(first && second);
    QCOMPARE(second->value(u"duplicate"_s).toBool(), true);
    QCOMPARE(second->value(u"messageId"_s), first->value(u"messageId"_s));

    const double conversationId = first->value(u"conversationId"_s).toDouble();
    const auto history = agent.request(QJsonObject{{u"type"_s, u"history"_s}, {u"conversationId"_s, conversationId}});
    QVERIFY(history);
    QCOMPARE(history->value(u"messages"_s).toArray().size(), 1);
    // The agent was told once.
    QVERIFY(agent.waitForType(u"message"_s));
    QVERIFY(!agent.receivesWithin(u"message"_s, 300));
}

void tst_VisitorAgent::reconnectingVisitorGetsWhatItMissed()
{
    JsonSocket agent;
    QVERIFY(connectAgent(agent));
    JsonSocket visitor;
    const auto welcome = helloVisitor(visitor);
    QVERIFY(welcome);
    const auto ack = sendVisitorMessage(visitor, newClientId(), u"Is anyone there?"_s);
    QVERIFY(ack);
    const double conversationId = ack->value(u"conversationId"_s).toDouble();
    const double lastSeen = ack->value(u"messageId"_s).toDouble();
    visitor.close();
    QVERIFY(agent.waitForType(u"visitor_left"_s));

    for (const QString &text : {u"Sorry for the wait."_s, u"How can I help?"_s}) {
        const auto replied = agent.request(QJsonObject{
            {u"type"_s, u"reply"_s}, {u"conversationId"_s, conversationId}, {u"clientId"_s, newClientId()}, {u"body"_s, text}});
        QVERIFY(replied);
        QCOMPARE(typeOf(*replied), u"ack"_s);
    }

    JsonSocket again;
    const auto resumed = helloVisitor(again,
                                      QJsonObject{{u"visitorId"_s, welcome->value(u"visitorId"_s)},
                                                  {u"token"_s, welcome->value(u"token"_s)},
                                                  {u"after"_s, lastSeen}});
    QVERIFY(resumed);
    QCOMPARE(typeOf(*resumed), u"welcome"_s);
    QCOMPARE(resumed->value(u"visitorId"_s), welcome->value(u"visitorId"_s));
    const QJsonArray missed = resumed->value(u"messages"_s).toArray();
    QCOMPARE(missed.size(), 2);
    QCOMPARE(missed.at(0)[u"body"_s].toString(), u"Sorry for the wait."_s);
    QCOMPARE(missed.at(1)[u"body"_s].toString(), u"How can I help?"_s);
    QVERIFY(agent.waitForType(u"visitor_returned"_s));

    // A wrong token does not resume anybody.
    JsonSocket impostor;
    const auto refused
        = helloVisitor(impostor, QJsonObject{{u"visitorId"_s, welcome->value(u"visitorId"_s)}, {u"token"_s, u"guess"_s}});
    QVERIFY(refused);
    QCOMPARE(refused->value(u"code"_s).toString(), u"invalid_token"_s);
}

void tst_VisitorAgent::cleanRestartWithMessagesInFlightLosesNothing()
{
    // A clean stop (SIGTERM, an upgrade) while a visitor is sending: ten
    // messages acknowledged, ten more sent whose acks have not come back.
    // SIGKILL with acknowledgements in flight is tst_crashrecovery's, against
    // the real binary.
    JsonSocket visitor;
    const auto welcome = helloVisitor(visitor);
    QVERIFY(welcome);
    QList<QString> clientIds;
    QHash<QString, double> acked;
    const auto sendLine = [&](int i) {
        clientIds.append(newClientId());
        visitor.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, clientIds.last()}, {u"body"_s, u"line %1"_s.arg(i)}});
    };
    for (int i = 0; i < 10; ++i)
        sendLine(i);
    for (int i = 0; i < 10; ++i) {
        const QString clientId = clientIds.at(i);
        const auto ack
            = visitor.waitFor([clientId](const QJsonObject &f) { return f.value(u"clientId"_s).toString() == clientId; });
        QVERIFY(ack);
        acked.insert(clientId, ack->value(u"messageId"_s).toDouble());
    }
    for (int i = 10; i < 20; ++i)
        sendLine(i);
    // On the wire, not answered: the server shares this thread and has not
    // run since, so these are in flight when it stops.
    QVERIFY(visitor.socket().flush());

    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QVERIFY(visitor.waitForDisconnected());
    for (const QJsonObject &frame : visitor.frames()) {
        if (typeOf(frame) == u"ack"_s)
            acked.insert(frame.value(u"clientId"_s).toString(), frame.value(u"messageId"_s).toDouble());
    }
    QVERIFY2(acked.size() < 20, "every ack came back before the stop: nothing was in flight");

    // The visitor's outbox resends, under the same client ids, everything it
    // has no ack for, and one it has (a lost ack looks just like that).
    JsonSocket again;
    const auto resumed = helloVisitor(
        again, QJsonObject{{u"visitorId"_s, welcome->value(u"visitorId"_s)}, {u"token"_s, welcome->value(u"token"_s)}});
    QVERIFY(resumed);
    QCOMPARE(typeOf(*resumed), u"welcome"_s);
    for (int i = 0; i < 20; ++i) {
        if (acked.contains(clientIds.at(i)) && i != 0)
            continue;
        const auto ack = sendVisitorMessage(again, clientIds.at(i), u"line %1"_s.arg(i));
        QVERIFY(ack);
        QCOMPARE(typeOf(*ack), u"ack"_s);
        if (acked.contains(clientIds.at(i))) {
            QCOMPARE(ack->value(u"duplicate"_s).toBool(), true);
            QCOMPARE(ack->value(u"messageId"_s).toDouble(), acked.value(clientIds.at(i)));
        }
    }

    // Stored once each, in the order sent, with the ids the acks named.
    JsonSocket agent;
    QVERIFY(connectAgent(agent));
    const auto history = agent.request(QJsonObject{
        {u"type"_s, u"history"_s}, {u"conversationId"_s, resumed->value(u"conversation"_s)[u"id"_s]}, {u"limit"_s, 200}});
    QVERIFY(history);
    const QJsonArray messages = history->value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 20);
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(messages.at(i)[u"body"_s].toString(), u"line %1"_s.arg(i));
        QCOMPARE(messages.at(i)[u"clientId"_s].toString(), clientIds.at(i));
        if (acked.contains(clientIds.at(i)))
            QCOMPARE(messages.at(i)[u"id"_s].toDouble(), acked.value(clientIds.at(i)));
    }
}

void tst_VisitorAgent::twoTabsShowTheSameConversation()
{
    JsonSocket firstTab;
    const auto welcome = helloVisitor(firstTab);
    QVERIFY(welcome);
    JsonSocket secondTab;
    QVERIFY(helloVisitor(
        secondTab, QJsonObject{{u"visitorId"_s, welcome->value(u"visitorId"_s)}, {u"token"_s, welcome->value(u"token"_s)}}));

    QVERIFY(sendVisitorMessage(firstTab, u"tab-1"_s, u"typed in the first tab"_s));
    const auto echoed = secondTab.waitForType(u"message"_s);
    QVERIFY(echoed);
    QCOMPARE(echoed->value(u"message"_s)[u"body"_s].toString(), u"typed in the first tab"_s);
    QCOMPARE(echoed->value(u"message"_s)[u"clientId"_s].toString(), u"tab-1"_s);
    // The sending tab has its ack and is not sent its own message again.
    QVERIFY(!firstTab.receivesWithin(u"message"_s, 300));
}

void tst_VisitorAgent::wrongOriginIsRefused()
{
    JsonSocket visitor;
    QVERIFY(!visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), "http://evil.test"));
    JsonSocket noOrigin;
    QVERIFY(!noOrigin.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey())));

    const HttpAnswer hello = m_http.postJson(m_server->httpUrl(u"/v1/sites/%1/visitor/hello"_s.arg(m_server->siteKey())),
                                             QJsonObject{}, "http://evil.test");
    QCOMPARE(hello.status, 403);
    QCOMPARE(hello.errorCode(), u"origin_not_allowed"_s);
    QVERIFY(hello.header("Access-Control-Allow-Origin").isEmpty());

    const HttpAnswer config
        = m_http.get(m_server->httpUrl(u"/v1/sites/%1/config"_s.arg(m_server->siteKey())), {{"Origin", "http://evil.test"}});
    QCOMPARE(config.status, 403);

    // A web page may not open the agent socket.
    JsonSocket agentFromPage;
    QVERIFY(!agentFromPage.open(m_server->wsUrl(u"/v1/agent"_s), TestServer::allowedOrigin));
}

void tst_VisitorAgent::unknownSiteIsRefused()
{
    JsonSocket visitor;
    QVERIFY(!visitor.open(m_server->wsUrl(u"/v1/visitor?site=nosuchsite"_s), TestServer::allowedOrigin));
    const HttpAnswer config
        = m_http.get(m_server->httpUrl(u"/v1/sites/nosuchsite/config"_s), {{"Origin", TestServer::allowedOrigin}});
    QCOMPARE(config.status, 404);
    QCOMPARE(config.json.value(u"error"_s)[u"code"_s].toString(), u"unknown_site"_s);
}

void tst_VisitorAgent::invalidInputGetsAnErrorAndTheConnectionSurvives_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<bool>("afterHello");
    QTest::addColumn<QString>("code");

    QTest::newRow("malformed JSON") << QByteArray("{\"type\":") << false << true << u"bad_json"_s;
    QTest::newRow("not an object") << QByteArray("[1,2]") << false << true << u"bad_json"_s;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"dance"})") << false << true << u"unknown_type"_s;
    QTest::newRow("missing type") << QByteArray(R"({"body":"x"})") << false << true << u"missing_field"_s;
    QTest::newRow("missing clientId") << QByteArray(R"({"type":"message","body":"x"})") << false << true << u"missing_field"_s;
    QTest::newRow("empty body") << QByteArray(R"({"type":"message","clientId":"c","body":"  "})") << false << true
                                << u"invalid_field"_s;
    QTest::newRow("body not a string") << QByteArray(R"({"type":"message","clientId":"c","body":5})") << false << true
                                       << u"invalid_field"_s;
    QTest::newRow("invalid UTF-8") << QByteArray("{\"type\":\"message\",\"clientId\":\"c\",\"body\":\"\xC3\x28\"}") << true
                                   << true << u"invalid_utf8"_s;
    QTest::newRow("message before hello") << QByteArray(R"({"type":"message","clientId":"c","body":"x"})") << false << false
                                          << u"not_authenticated"_s;
    QTest::newRow("wrong protocol version") << QByteArray(R"({"type":"hello","v":2})") << false << false
                                            << u"unsupported_version"_s;
    QTest::newRow("second hello") << QByteArray(R"({"type":"hello"})") << false << true << u"conflict"_s;
}

void tst_VisitorAgent::invalidInputGetsAnErrorAndTheConnectionSurvives()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, binary);
    QFETCH(bool, afterHello);
    QFETCH(QString, code);

    JsonSocket visitor;
    QVERIFY(visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
    if (afterHello)
        QVERIFY(helloVisitor(visitor));
    if (binary)
        visitor.sendBinary(frame);
    else
        visitor.sendText(QString::fromUtf8(frame));
    const auto error = visitor.waitForType(u"error"_s);
    QVERIFY(error);
    QCOMPARE(error->value(u"code"_s).toString(), code);
    QVERIFY(!error->value(u"message"_s).toString().isEmpty());

    // Nothing was stored and the socket still works.
    const auto pong = visitor.request(QJsonObject{{u"type"_s, u"ping"_s}});
    QVERIFY(pong);
    QCOMPARE(typeOf(*pong), u"pong"_s);
}

void tst_VisitorAgent::oversizedTextIsRefused()
{
    JsonSocket visitor;
    QVERIFY(helloVisitor(visitor));
    const auto refused = sendVisitorMessage(visitor, u"big"_s, QString(WireLimits::maxMessageChars + 1, u'x'));
    QVERIFY(refused);
    QCOMPARE(refused->value(u"code"_s).toString(), u"text_too_long"_s);
    const auto accepted = sendVisitorMessage(visitor, u"big"_s, QString(WireLimits::maxMessageChars, u'x'));
    QVERIFY(accepted);
    QCOMPARE(typeOf(*accepted), u"ack"_s);
}

void tst_VisitorAgent::oversizedFrameClosesTheSocket()
{
    JsonSocket visitor;
    QVERIFY(helloVisitor(visitor));
    const QByteArray huge(int(m_server->config().realtimeLimits.maxMessageBytes) + 1024, 'x');
    visitor.sendText(QString::fromLatin1(R"({"type":"message","clientId":"x","body":")" + huge + R"("})"));
    QVERIFY(visitor.waitForDisconnected());
    QCOMPARE(visitor.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
}

void tst_VisitorAgent::agentNeedsAValidToken()
{
    JsonSocket agent;
    QVERIFY(agent.open(m_server->wsUrl(u"/v1/agent"_s)));
    const auto early = agent.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, 1}});
    QVERIFY(early);
    QCOMPARE(early->value(u"code"_s).toString(), u"not_authenticated"_s);
    const auto wrong = agent.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, u"not-a-token"_s}});
    QVERIFY(wrong);
    QCOMPARE(wrong->value(u"code"_s).toString(), u"invalid_token"_s);
}

void tst_VisitorAgent::agentThatNeverAuthenticatesIsClosed()
{
    JsonSocket agent;
    QVERIFY(agent.open(m_server->wsUrl(u"/v1/agent"_s)));
    QVERIFY(agent.waitForDisconnected(10'000));
    QCOMPARE(agent.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

void tst_VisitorAgent::wrongPasswordIsRefused()
{
    const HttpAnswer answer
        = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                          QJsonObject{{u"email"_s, TestServer::adminEmail}, {u"password"_s, u"wrong password"_s}});
    QCOMPARE(answer.status, 401);
    QCOMPARE(answer.json.value(u"error"_s)[u"code"_s].toString(), u"invalid_credentials"_s);
    const HttpAnswer unknown = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                                               QJsonObject{{u"email"_s, u"nobody@shop.test"_s}, {u"password"_s, u"whatever1"_s}});
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.json.value(u"error"_s)[u"code"_s].toString(), u"invalid_credentials"_s);
}

void tst_VisitorAgent::slowlorisClientIsDropped()
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(client.waitForConnected(5'000));
    const QByteArray request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    QElapsedTimer elapsed;
    elapsed.start();
    // One byte every 100 ms never finishes the headers; the header timeout (1 s here) ends it.
    for (qsizetype i = 0; i < request.size() && client.state() == QAbstractSocket::ConnectedState; ++i) {
        client.write(request.mid(i, 1));
        client.flush();
        QTest::qWait(100);
    }
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10'000);
    QVERIFY2(elapsed.elapsed() < 4'500, "the slow client was held longer than its header timeout allows");
}

void tst_VisitorAgent::longPollingCarriesTheChatBothWays()
{
    JsonSocket agent;
    QVERIFY(connectAgent(agent));
    const QString base = u"/v1/sites/%1/visitor/"_s.arg(m_server->siteKey());

    const HttpAnswer hello
        = m_http.postJson(m_server->httpUrl(base + u"hello"_s), QJsonObject{{u"v"_s, 1}}, TestServer::allowedOrigin);
    QCOMPARE(hello.status, 200);
    QCOMPARE(hello.json.value(u"type"_s).toString(), u"welcome"_s);
    QCOMPARE(hello.header("Access-Control-Allow-Origin"), TestServer::allowedOrigin);
    const QJsonValue visitorId = hello.json.value(u"visitorId"_s);
    const QJsonValue token = hello.json.value(u"token"_s);
    const QJsonValue channel = hello.json.value(u"channel"_s);
    QVERIFY(!channel.toString().isEmpty());

    // Visitor → agent.
    const QJsonObject message{
        {u"type"_s, u"message"_s}, {u"clientId"_s, u"poll-1"_s}, {u"body"_s, u"WebSockets are blocked here"_s}};
    const HttpAnswer sent = m_http.postJson(
        m_server->httpUrl(base + u"send"_s),
        QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, token}, {u"channel"_s, channel}, {u"frame"_s, message}},
        TestServer::allowedOrigin);
    QCOMPARE(sent.status, 200);
    QCOMPARE(sent.json.value(u"type"_s).toString(), u"ack"_s);
    const double conversationId = sent.json.value(u"conversationId"_s).toDouble();
    const auto received = agent.waitForType(u"message"_s);
    QVERIFY(received);
    QCOMPARE(received->value(u"message"_s)[u"body"_s].toString(), u"WebSockets are blocked here"_s);

    // Resending the same client id over HTTP is idempotent too.
    const HttpAnswer resent = m_http.postJson(
        m_server->httpUrl(base + u"send"_s),
        QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, token}, {u"channel"_s, channel}, {u"frame"_s, message}},
        TestServer::allowedOrigin);
    QCOMPARE(resent.json.value(u"duplicate"_s).toBool(), true);
    QCOMPARE(resent.json.value(u"messageId"_s), sent.json.value(u"messageId"_s));

    // Agent → visitor: the reply is in the next poll.
    const auto replied = agent.request(QJsonObject{{u"type"_s, u"reply"_s},
                                                   {u"conversationId"_s, conversationId},
                                                   {u"clientId"_s, u"a-poll"_s},
                                                   {u"body"_s, u"Polling works."_s}});
    QVERIFY(replied);
    const HttpAnswer poll = m_http.postJson(
        m_server->httpUrl(base + u"poll"_s),
        QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, token}, {u"channel"_s, channel}}, TestServer::allowedOrigin);
    QCOMPARE(poll.status, 200);
    const QJsonArray events = poll.json.value(u"events"_s).toArray();
    bool sawReply = false;
    for (const QJsonValue &event : events)
        sawReply |= event[u"type"_s].toString() == u"message" && event[u"message"_s][u"body"_s].toString() == u"Polling works.";
    QVERIFY(sawReply);
    const QString cursor = poll.json.value(u"cursor"_s).toString();
    QVERIFY(!cursor.isEmpty());

    // A parked poll is answered as soon as the agent speaks.
    QTimer::singleShot(300, &agent, [&agent, conversationId] {
        agent.send(QJsonObject{{u"type"_s, u"reply"_s},
                               {u"conversationId"_s, conversationId},
                               {u"clientId"_s, u"a-poll-2"_s},
                               {u"body"_s, u"Still here."_s}});
    });
    QElapsedTimer waited;
    waited.start();
    const HttpAnswer parked = m_http.postJson(
        m_server->httpUrl(base + u"poll"_s),
        QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, token}, {u"channel"_s, channel}, {u"cursor"_s, cursor}},
        TestServer::allowedOrigin);
    QCOMPARE(parked.status, 200);
    const QJsonArray later = parked.json.value(u"events"_s).toArray();
    QCOMPARE(later.size(), 1);
    QCOMPARE(later.first()[u"message"_s][u"body"_s].toString(), u"Still here."_s);
    QVERIFY(waited.elapsed() < 20'000);

    // A wrong token is refused.
    const HttpAnswer wrong = m_http.postJson(
        m_server->httpUrl(base + u"poll"_s),
        QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, u"nope"_s}, {u"channel"_s, channel}}, TestServer::allowedOrigin);
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode(), u"invalid_token"_s);
    // A request without its channel is told to say hello first.
    const HttpAnswer noChannel
        = m_http.postJson(m_server->httpUrl(base + u"poll"_s), QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, token}},
                          TestServer::allowedOrigin);
    QCOMPARE(noChannel.status, 400);
    QCOMPARE(noChannel.errorCode(), u"missing_field"_s);
}

void tst_VisitorAgent::everyHttpErrorHasOneShape_data()
{
    // Refused by the router, the listener's parser, each controller and the
    // visitor protocol behind long polling: one body shape, the code's status.
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); ///< "{site}" is the test site's key
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("readableByThePage"); ///< Access-Control-Allow-Origin echoed

    const QByteArray json = "application/json";
    QTest::newRow("no such path") << QByteArray("GET") << u"/nothing-here"_s << QByteArray() << QByteArray() << 404
                                  << u"not_found"_s << false;
    QTest::newRow("method not allowed") << QByteArray("DELETE") << u"/healthz"_s << QByteArray() << QByteArray() << 405
                                        << u"method_not_allowed"_s << false;
    QTest::newRow("config of an unknown site") << QByteArray("GET") << u"/v1/sites/no-such-site/config"_s << QByteArray()
                                               << QByteArray() << 404 << u"unknown_site"_s << false;
    QTest::newRow("login as text/plain") << QByteArray("POST") << u"/v1/agent/login"_s << QByteArray("text/plain")
                                         << QByteArray("{}") << 415 << u"unsupported_media_type"_s << false;
    QTest::newRow("login with bad JSON") << QByteArray("POST") << u"/v1/agent/login"_s << json << QByteArray("{nope") << 400
                                         << u"bad_json"_s << false;
    QTest::newRow("login without a password") << QByteArray("POST") << u"/v1/agent/login"_s << json
                                              << QByteArray(R"({"email":"a@b.example"})") << 400 << u"missing_field"_s << false;
    QTest::newRow("logout without a token") << QByteArray("POST") << u"/v1/agent/logout"_s << json << QByteArray("{}") << 401
                                            << u"not_authenticated"_s << false;
    QTest::newRow("hello to an unknown site") << QByteArray("POST") << u"/v1/sites/no-such-site/visitor/hello"_s << json
                                              << QByteArray("{}") << 404 << u"unknown_site"_s << true;
    QTest::newRow("hello with bad JSON") << QByteArray("POST") << u"/v1/sites/{site}/visitor/hello"_s << json << QByteArray("[1,")
                                         << 400 << u"bad_json"_s << true;
    QTest::newRow("hello refused by the channel") << QByteArray("POST") << u"/v1/sites/{site}/visitor/hello"_s << json
                                                  << QByteArray(R"({"v":2})") << 400 << u"unsupported_version"_s << true;
    QTest::newRow("send without a frame") << QByteArray("POST") << u"/v1/sites/{site}/visitor/send"_s << json
                                          << QByteArray(R"({"visitorId":"v","token":"t","channel":"c"})") << 400
                                          << u"missing_field"_s << true;
    QTest::newRow("send with an unknown token")
        << QByteArray("POST") << u"/v1/sites/{site}/visitor/send"_s << json
        << QByteArray(R"({"visitorId":"v","token":"t","channel":"c","frame":{"type":"typing","active":true}})") << 401
        << u"invalid_token"_s << true;
    QTest::newRow("poll with a cursor that is not a string")
        << QByteArray("POST") << u"/v1/sites/{site}/visitor/poll"_s << json
        << QByteArray(R"({"visitorId":"v","token":"t","channel":"c","cursor":5})") << 400 << u"invalid_field"_s << true;
}

void tst_VisitorAgent::everyHttpErrorHasOneShape()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(bool, readableByThePage);

    QByteArray head = method + ' ' + path.replace(u"{site}"_s, m_server->siteKey()).toUtf8()
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + TestServer::allowedOrigin;
    if (!contentType.isEmpty())
        head += "\r\nContent-Type: " + contentType;
    const RawAnswer answer = rawRequest(m_server->port(), head, body);

    QCOMPARE(answer.status, status);
    QCOMPARE(answer.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(answer.header("Access-Control-Allow-Origin") == TestServer::allowedOrigin, readableByThePage);
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    QVERIFY2(document.isObject(), answer.body.constData());
    const QJsonObject object = document.object();
    QCOMPARE(object.keys(), QStringList{u"error"_s});
    const QJsonObject error = object.value(u"error"_s).toObject();
    QCOMPARE(error.keys(), (QStringList{u"code"_s, u"message"_s}));
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
}

void tst_VisitorAgent::longPollingRecoversAfterRestart()
{
    const QString base = u"/v1/sites/%1/visitor/"_s.arg(m_server->siteKey());
    const HttpAnswer hello = m_http.postJson(m_server->httpUrl(base + u"hello"_s), QJsonObject{}, TestServer::allowedOrigin);
    const QJsonValue visitorId = hello.json.value(u"visitorId"_s);
    const QJsonValue token = hello.json.value(u"token"_s);
    const QJsonValue channel = hello.json.value(u"channel"_s);
    const QJsonObject message{{u"type"_s, u"message"_s}, {u"clientId"_s, u"before-restart"_s}, {u"body"_s, u"hi"_s}};
    const HttpAnswer sent = m_http.postJson(
        m_server->httpUrl(base + u"send"_s),
        QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, token}, {u"channel"_s, channel}, {u"frame"_s, message}},
        TestServer::allowedOrigin);
    QCOMPARE(sent.json.value(u"type"_s).toString(), u"ack"_s);
    const double conversationId = sent.json.value(u"conversationId"_s).toDouble();

    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    // The agent replies while the visitor is between polls.
    JsonSocket agent;
    QVERIFY(connectAgent(agent));
    QVERIFY(agent.request(QJsonObject{{u"type"_s, u"reply"_s},
                                      {u"conversationId"_s, conversationId},
                                      {u"clientId"_s, u"r"_s},
                                      {u"body"_s, u"after restart"_s}}));

    // The old cursor means nothing to the new server; `after` brings the message back.
    const HttpAnswer poll = m_http.postJson(m_server->httpUrl(base + u"poll"_s),
                                            QJsonObject{{u"visitorId"_s, visitorId},
                                                        {u"token"_s, token},
                                                        {u"channel"_s, channel},
                                                        {u"cursor"_s, u"oldepoch.7"_s},
                                                        {u"after"_s, sent.json.value(u"messageId"_s)}},
                                            TestServer::allowedOrigin);
    QCOMPARE(poll.status, 200);
    const QJsonArray events = poll.json.value(u"events"_s).toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first()[u"message"_s][u"body"_s].toString(), u"after restart"_s);
}

void tst_VisitorAgent::agentClosesAndVisitorIsTold()
{
    JsonSocket agent;
    QVERIFY(connectAgent(agent));
    JsonSocket visitor;
    QVERIFY(helloVisitor(visitor));
    const auto ack = sendVisitorMessage(visitor, u"c"_s, u"Thanks, that is all."_s);
    QVERIFY(ack);
    const double conversationId = ack->value(u"conversationId"_s).toDouble();
    const auto closed = agent.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, conversationId}});
    QVERIFY(closed);
    QCOMPARE(closed->value(u"conversation"_s)[u"status"_s].toString(), u"closed"_s);
    QVERIFY(visitor.waitForType(u"conversation_closed"_s));

    // A reply to a closed conversation is refused; closing twice too.
    const auto late = agent.request(QJsonObject{
        {u"type"_s, u"reply"_s}, {u"conversationId"_s, conversationId}, {u"clientId"_s, u"late"_s}, {u"body"_s, u"one more"_s}});
    QVERIFY(late);
    QCOMPARE(late->value(u"code"_s).toString(), u"conflict"_s);
    const auto again = agent.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, conversationId}});
    QVERIFY(again);
    QCOMPARE(again->value(u"code"_s).toString(), u"conflict"_s);

    // The visitor's next message opens a new conversation.
    const auto next = sendVisitorMessage(visitor, u"c2"_s, u"Actually, one more thing"_s);
    QVERIFY(next);
    QVERIFY(next->value(u"conversationId"_s).toDouble() != conversationId);
}

void tst_VisitorAgent::widgetAndConfigAreServed()
{
    const HttpAnswer health = m_http.get(m_server->httpUrl(u"/healthz"_s));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json.value(u"status"_s).toString(), u"ok"_s);

    const HttpAnswer widget = m_http.get(m_server->httpUrl(u"/widget.js"_s));
    QCOMPARE(widget.status, 200);
    QVERIFY(widget.header("Content-Type").startsWith("text/javascript"));
    const QByteArray etag = widget.header("ETag");
    QVERIFY(!etag.isEmpty());
    const HttpAnswer revalidated = m_http.get(m_server->httpUrl(u"/widget.js"_s), {{"If-None-Match", etag}});
    QCOMPARE(revalidated.status, 304);

    const HttpAnswer config = m_http.get(m_server->httpUrl(u"/v1/sites/%1/config"_s.arg(m_server->siteKey())),
                                         {{"Origin", TestServer::allowedOrigin}});
    QCOMPARE(config.status, 200);
    QCOMPARE(config.json.value(u"siteKey"_s).toString(), m_server->siteKey());
    QCOMPARE(config.header("Access-Control-Allow-Origin"), TestServer::allowedOrigin);
}

void tst_VisitorAgent::widgetIsServedGzippedWhenAccepted()
{
    const RawAnswer plain = rawRequest(m_server->port(), "GET /widget.js HTTP/1.1\r\nHost: 127.0.0.1");
    QCOMPARE(plain.status, 200);
    QVERIFY(!plain.hasHeader("Content-Encoding"));
    QVERIFY(plain.body.contains("Frontdesk"));
    QCOMPARE(plain.header("Content-Length").toLongLong(), plain.body.size());

    const RawAnswer gzipped
        = rawRequest(m_server->port(), "GET /widget.js HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, deflate, br");
    QCOMPARE(gzipped.status, 200);
    QCOMPARE(gzipped.header("Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(gzipped.header("Vary"), QByteArray("Accept-Encoding")); // caches keep the two apart
    QCOMPARE(gzipped.header("Content-Length").toLongLong(), gzipped.body.size());
    QVERIFY2(gzipped.body.size() < plain.body.size() / 2,
             qPrintable(u"%1 bytes gzipped, %2 plain"_s.arg(gzipped.body.size()).arg(plain.body.size())));
    QCOMPARE(gunzipExpecting(gzipped.body, plain.body), plain.body);
    QVERIFY(gzipped.header("ETag") != plain.header("ETag")); // different bodies, different strong tags

    // gzip;q=0 is a refusal.
    const RawAnswer refused
        = rawRequest(m_server->port(), "GET /widget.js HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip;q=0");
    QVERIFY(!refused.hasHeader("Content-Encoding"));
    QCOMPARE(refused.body, plain.body);
}

void tst_VisitorAgent::preflightAnswersOnlyAllowedOrigins_data()
{
    QTest::addColumn<QByteArray>("endpoint");
    QTest::newRow("hello") << QByteArray("hello");
    QTest::newRow("send") << QByteArray("send");
    QTest::newRow("poll") << QByteArray("poll");
}

void tst_VisitorAgent::preflightAnswersOnlyAllowedOrigins()
{
    QFETCH(QByteArray, endpoint);
    const QByteArray head = "OPTIONS /v1/sites/" + m_server->siteKey().toLatin1() + "/visitor/" + endpoint
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccess-Control-Request-Method: POST\r\n"
          "Access-Control-Request-Headers: content-type";

    // The page's own origin may send JSON bodies from its scripts.
    const RawAnswer allowed = rawRequest(m_server->port(), head + "\r\nOrigin: " + TestServer::allowedOrigin);
    QCOMPARE(allowed.status, 204);
    QCOMPARE(allowed.header("Access-Control-Allow-Origin"), TestServer::allowedOrigin);
    QVERIFY(allowed.header("Access-Control-Allow-Methods").split(',').contains("POST")
            || allowed.header("Access-Control-Allow-Methods").contains("POST"));
    QVERIFY(allowed.header("Access-Control-Allow-Headers").toLower().contains("content-type"));
    QVERIFY(allowed.header("Access-Control-Max-Age").toInt() > 0);
    QCOMPARE(allowed.header("Vary"), QByteArray("Origin"));
    QVERIFY(!allowed.hasHeader("Access-Control-Allow-Credentials"));

    // Another site's page gets no CORS header at all, so its browser sends nothing.
    for (const QByteArray &foreign : {QByteArray("https://evil.test"), QByteArray("http://shop.test.evil.test"),
                                      QByteArray("https://shop.test"), QByteArray("null")}) {
        const RawAnswer refused = rawRequest(m_server->port(), head + "\r\nOrigin: " + foreign);
        QVERIFY2(refused.status == 403, qPrintable(u"%1: %2"_s.arg(QString::fromLatin1(foreign)).arg(refused.status)));
        QVERIFY2(!refused.hasHeader("Access-Control-Allow-Origin"), foreign.constData());
        QVERIFY2(!refused.hasHeader("Access-Control-Allow-Methods"), foreign.constData());
    }
    const RawAnswer noOrigin = rawRequest(m_server->port(), head);
    QCOMPARE(noOrigin.status, 403);
    QVERIFY(!noOrigin.hasHeader("Access-Control-Allow-Origin"));

    // An unknown site key answers, without granting anything.
    const RawAnswer unknown = rawRequest(m_server->port(),
                                         "OPTIONS /v1/sites/no-such-site/visitor/" + endpoint
                                             + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccess-Control-Request-Method: POST\r\nOrigin: "
                                             + TestServer::allowedOrigin);
    QCOMPARE(unknown.status, 404);
    QVERIFY(!unknown.header("Access-Control-Allow-Methods").contains("POST"));
}

void tst_VisitorAgent::identityIsCheckedWithTheSiteSecret()
{
    const QByteArray secret = m_server->server()->sites().all().first().identitySecret;
    JsonSocket agent;
    QVERIFY(connectAgent(agent));

    JsonSocket impostor;
    const auto refused = helloVisitor(
        impostor,
        QJsonObject{
            {u"identity"_s, QJsonObject{{u"id"_s, u"user-42"_s}, {u"name"_s, u"Ada"_s}, {u"hash"_s, QString(64, u'0')}}}});
    QVERIFY(refused);
    QCOMPARE(refused->value(u"code"_s).toString(), u"identity_rejected"_s);

    JsonSocket visitor;
    const QJsonObject identity{{u"id"_s, u"user-42"_s},
                               {u"name"_s, u"Ada Lovelace"_s},
                               {u"email"_s, u"ada@example.com"_s},
                               {u"hash"_s, Tokens::identityHash(secret, u"user-42"_s)}};
    const auto welcome = helloVisitor(visitor, QJsonObject{{u"identity"_s, identity}});
    QVERIFY(welcome);
    QCOMPARE(typeOf(*welcome), u"welcome"_s);
    QVERIFY(sendVisitorMessage(visitor, u"c"_s, u"Hello, it's Ada"_s));
    const auto created = agent.waitForType(u"conversation_created"_s);
    QVERIFY(created);
    const QJsonObject shownVisitor = created->value(u"conversation"_s)[u"visitor"_s].toObject();
    QCOMPARE(shownVisitor.value(u"name"_s).toString(), u"Ada Lovelace"_s);
    QCOMPARE(shownVisitor.value(u"email"_s).toString(), u"ada@example.com"_s);
    QCOMPARE(shownVisitor.value(u"attributes"_s)[u"userId"_s].toString(), u"user-42"_s);

    // identify after hello: a tampered hash changes nothing.
    const auto tampered = visitor.request(QJsonObject{
        {u"type"_s, u"identify"_s},
        {u"identity"_s, QJsonObject{{u"id"_s, u"user-43"_s}, {u"hash"_s, Tokens::identityHash(secret, u"user-42"_s)}}}});
    QVERIFY(tampered);
    QCOMPARE(tampered->value(u"code"_s).toString(), u"identity_rejected"_s);
}

void tst_VisitorAgent::profileAndAttributesReachTheAgent()
{
    JsonSocket agent;
    QVERIFY(connectAgent(agent));
    JsonSocket visitor;
    const auto welcome = helloVisitor(visitor);
    QVERIFY(welcome);

    const auto saved
        = visitor.request(QJsonObject{{u"type"_s, u"profile"_s}, {u"name"_s, u"Grace"_s}, {u"email"_s, u"grace@example.com"_s}});
    QVERIFY(saved);
    QCOMPARE(typeOf(*saved), u"ok"_s);
    const auto updated = agent.waitForType(u"visitor_updated"_s);
    QVERIFY(updated);
    QCOMPARE(updated->value(u"visitor"_s)[u"name"_s].toString(), u"Grace"_s);

    const auto badEmail = visitor.request(QJsonObject{{u"type"_s, u"profile"_s}, {u"email"_s, u"not an email"_s}});
    QVERIFY(badEmail);
    QCOMPARE(badEmail->value(u"code"_s).toString(), u"invalid_field"_s);

    const auto attributes = visitor.request(
        QJsonObject{{u"type"_s, u"attributes"_s}, {u"attributes"_s, QJsonObject{{u"plan"_s, u"pro"_s}, {u"seats"_s, 12}}}});
    QVERIFY(attributes);
    QCOMPARE(typeOf(*attributes), u"ok"_s);
    const auto removed = visitor.request(
        QJsonObject{{u"type"_s, u"attributes"_s}, {u"attributes"_s, QJsonObject{{u"seats"_s, QJsonValue(QJsonValue::Null)}}}});
    QVERIFY(removed);
    const auto nested = visitor.request(
        QJsonObject{{u"type"_s, u"attributes"_s}, {u"attributes"_s, QJsonObject{{u"deep"_s, QJsonObject{{u"x"_s, 1}}}}}});
    QVERIFY(nested);
    QCOMPARE(nested->value(u"code"_s).toString(), u"invalid_field"_s);

    const auto context = agent.request(QJsonObject{{u"type"_s, u"visitor"_s}, {u"visitorId"_s, welcome->value(u"visitorId"_s)}});
    QVERIFY(context);
    const QJsonObject custom = context->value(u"visitor"_s)[u"attributes"_s][u"custom"_s].toObject();
    QCOMPARE(custom, (QJsonObject{{u"plan"_s, u"pro"_s}}));
    QCOMPARE(context->value(u"visitor"_s)[u"email"_s].toString(), u"grace@example.com"_s);
}

void tst_VisitorAgent::waitingVisitorsKnowTheirPlaceInTheQueue()
{
    JsonSocket agent;
    QVERIFY(connectAgent(agent));
    JsonSocket first;
    QVERIFY(helloVisitor(first));
    const auto firstAck = sendVisitorMessage(first, u"1"_s, u"first in line"_s);
    QVERIFY(firstAck);
    const auto firstPlace = first.waitForType(u"queue"_s);
    QVERIFY(firstPlace);
    QCOMPARE(firstPlace->value(u"position"_s).toInt(), 1);

    JsonSocket second;
    const auto secondWelcome = helloVisitor(second);
    QVERIFY(secondWelcome);
    QVERIFY(secondWelcome->value(u"queuePosition"_s).isNull());
    QVERIFY(sendVisitorMessage(second, u"2"_s, u"second in line"_s));
    const auto secondPlace = second.waitForType(u"queue"_s);
    QVERIFY(secondPlace);
    QCOMPARE(secondPlace->value(u"position"_s).toInt(), 2);

    // The first is accepted: the second moves up, the first leaves the queue.
    QVERIFY(agent.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, firstAck->value(u"conversationId"_s)}}));
    const auto movedUp = second.waitForType(u"queue"_s);
    QVERIFY(movedUp);
    QCOMPARE(movedUp->value(u"position"_s).toInt(), 1);
    const auto left = first.waitForType(u"queue"_s);
    QVERIFY(left);
    QVERIFY(left->value(u"position"_s).isNull());

    // A reconnecting waiting visitor learns its place from the welcome.
    JsonSocket secondAgain;
    const auto resumed = helloVisitor(
        secondAgain,
        QJsonObject{{u"visitorId"_s, secondWelcome->value(u"visitorId"_s)}, {u"token"_s, secondWelcome->value(u"token"_s)}});
    QVERIFY(resumed);
    QCOMPARE(resumed->value(u"queuePosition"_s).toInt(), 1);
}

void tst_VisitorAgent::closedConversationCanBeRated()
{
    JsonSocket agent;
    QVERIFY(connectAgent(agent));
    JsonSocket visitor;
    QVERIFY(helloVisitor(visitor));
    const auto ack = sendVisitorMessage(visitor, u"c"_s, u"help"_s);
    QVERIFY(ack);
    const auto early = visitor.request(QJsonObject{{u"type"_s, u"rate"_s}, {u"rating"_s, 5}});
    QVERIFY(early);
    QCOMPARE(early->value(u"code"_s).toString(), u"conflict"_s);

    QVERIFY(agent.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, ack->value(u"conversationId"_s)}}));
    QVERIFY(visitor.waitForType(u"conversation_closed"_s));
    const auto outOfRange = visitor.request(QJsonObject{{u"type"_s, u"rate"_s}, {u"rating"_s, 6}});
    QVERIFY(outOfRange);
    QCOMPARE(outOfRange->value(u"code"_s).toString(), u"invalid_field"_s);
    const auto rated
        = visitor.request(QJsonObject{{u"type"_s, u"rate"_s}, {u"rating"_s, 4}, {u"comment"_s, u"Quick and kind"_s}});
    QVERIFY(rated);
    QCOMPARE(typeOf(*rated), u"ok"_s);
    const auto told = agent.waitForType(u"conversation_rated"_s);
    QVERIFY(told);
    QCOMPARE(told->value(u"conversation"_s)[u"rating"_s].toInt(), 4);
    QCOMPARE(told->value(u"conversation"_s)[u"ratingComment"_s].toString(), u"Quick and kind"_s);
}

void tst_VisitorAgent::publicUrlGoesIntoTheSnapshotAndTheSnippet()
{
    // Without --public-url the console uses the address it connected to.
    {
        JsonSocket agent;
        const auto snapshot = connectAgent(agent);
        QVERIFY(snapshot);
        QVERIFY2(snapshot->value(u"publicUrl"_s).isNull(), qPrintable(snapshot->value(u"publicUrl"_s).toString()));
        const SiteRecord site = m_server->server()->sites().all().first();
        QVERIFY(m_server->server()->snippet(site).contains(m_server->server()->url().toString() + u"/widget.js"_s));
    }
    QString error;
    QVERIFY(ServerConfig::parsePublicUrl(u"https://chat.shop.example/"_s, &m_server->config().publicUrl, &error));
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    JsonSocket agent;
    const auto snapshot = connectAgent(agent);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"publicUrl"_s).toString(), u"https://chat.shop.example"_s);
    const SiteRecord site = m_server->server()->sites().all().first();
    QCOMPARE(m_server->server()->snippet(site),
             u"<script async src=\"https://chat.shop.example/widget.js\" data-site-key=\"%1\"></script>"_s.arg(site.siteKey));
}

QTEST_GUILESS_MAIN(tst_VisitorAgent)
#include "tst_visitoragent.moc"
