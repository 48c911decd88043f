// Admins and visitors' data, over real sockets on SQLite and MariaDB: export
// (every message of a long chat), erasure (rows, sockets, queue, agents),
// bans by visitor id and by address range (upgrade, polling, config, hello,
// live connections, expiry, unban), the audit log, and admins only.
#include "jsonsocket.h"
#include "store/store.h"
#include "testserver.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonArray>
#include <QTcpSocket>
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

template<typename T> T await(QFuture<T> future)
{
    QElapsedTimer clock;
    clock.start();
    while (!future.isFinished() && clock.elapsed() < 30'000)
        QTest::qWait(5);
    return future.result();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

const QString bobEmail = u"bob@shop.test"_s;
const QString bobPassword = u"bob's long password"_s;

} // namespace

class tst_VisitorData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();

    void exportHoldsEveryMessageOfALongChat();
    void eraseRemovesEverythingAndClosesConnections();
    void visitorBanRefusesHelloAndPolling();
    void addressBan_data();
    void addressBan();
    void expiredBansDoNotApply();
    void banValuesAreValidated();
    void onlyAdminsMayUseThem_data();
    void onlyAdminsMayUseThem();
    void auditLogListsEachAction();

private:
    void start();
    QString login(const QString &email, const QString &password);
    std::optional<QJsonObject> connectAs(JsonSocket &socket, const QString &email, const QString &password);
    std::optional<QJsonObject> connectAdmin(JsonSocket &socket)
    {
        return connectAs(socket, TestServer::adminEmail, TestServer::adminPassword);
    }
    std::optional<QJsonObject> helloVisitor(JsonSocket &visitor, const QJsonObject &extra = {});
    /// The HTTP status a visitor WebSocket upgrade gets (101 when accepted).
    int upgradeStatus();
    HttpAnswer config();
    HttpAnswer poll(const QString &endpoint, const QJsonObject &body);

    std::unique_ptr<TestServer> m_server;
    TestHttp m_http;
};

void tst_VisitorData::initTestCase_data()
{
    addBackendRows();
}

void tst_VisitorData::init()
{
    m_server = std::make_unique<TestServer>();
}

void tst_VisitorData::cleanup()
{
    m_server.reset();
}

void tst_VisitorData::start()
{
    QFETCH_GLOBAL(QString, backend);
    FRONTDESK_START_TEST_SERVER(*m_server, backend);
}

QString tst_VisitorData::login(const QString &email, const QString &password)
{
    const HttpAnswer answer
        = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s), QJsonObject{{u"email"_s, email}, {u"password"_s, password}});
    return answer.json.value(u"token"_s).toString();
}

std::optional<QJsonObject> tst_VisitorData::connectAs(JsonSocket &socket, const QString &email, const QString &password)
{
    const QString token = login(email, password);
    if (token.isEmpty() || !socket.open(m_server->wsUrl(u"/v1/agent"_s)))
        return std::nullopt;
    return socket.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}});
}

std::optional<QJsonObject> tst_VisitorData::helloVisitor(JsonSocket &visitor, const QJsonObject &extra)
{
    if (!visitor.isConnected()
        && !visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin))
        return std::nullopt;
    QJsonObject hello{{u"type"_s, u"hello"_s}, {u"v"_s, 1}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        hello.insert(it.key(), it.value());
    return visitor.request(hello);
}

int tst_VisitorData::upgradeStatus()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    if (!socket.waitForConnected(5'000))
        return 0;
    socket.write("GET /v1/visitor?site=" + m_server->siteKey().toUtf8()
                 + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: "
                 + TestServer::allowedOrigin + "\r\n\r\n");
    QByteArray answer;
    QElapsedTimer clock;
    clock.start();
    while (!answer.contains("\r\n") && clock.elapsed() < 10'000) {
        QTest::qWait(5);
        answer += socket.readAll();
    }
    return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
}

HttpAnswer tst_VisitorData::config()
{
    return m_http.get(m_server->httpUrl(u"/v1/sites/%1/config"_s.arg(m_server->siteKey())),
                      {{QByteArrayLiteral("Origin"), TestServer::allowedOrigin}});
}

HttpAnswer tst_VisitorData::poll(const QString &endpoint, const QJsonObject &body)
{
    return m_http.postJson(m_server->httpUrl(u"/v1/sites/%1/visitor/%2"_s.arg(m_server->siteKey(), endpoint)), body,
                           TestServer::allowedOrigin);
}

// --- Export ----------------------------------------------------------------------

void tst_VisitorData::exportHoldsEveryMessageOfALongChat()
{
    start();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    JsonSocket visitor;
    const auto welcome = helloVisitor(
        visitor, QJsonObject{{u"page"_s, QJsonObject{{u"url"_s, u"https://shop.test/a"_s}}}, {u"locale"_s, u"en-GB"_s}});
    QCOMPARE(typeOf(welcome), u"welcome"_s);
    const QString visitorId = welcome->value(u"visitorId"_s).toString();
    visitor.close();

    // More than one export page (500) in the first conversation: written
    // through the store, past the visitor's message rate limit.
    Store *store = m_server->server()->store();
    const qint64 siteId = m_server->server()->sites().all().first().id;
    constexpr int longChat = 730;
    QFuture<StoreResult<AppendResult>> last;
    for (int i = 0; i < longChat; ++i)
        last = store->conversations().appendVisitorMessage(siteId, visitorId, u"c-%1"_s.arg(i), u"message %1"_s.arg(i), nowMs());
    const auto lastAppend = await(last);
    QVERIFY2(lastAppend.ok(), qPrintable(lastAppend.message));
    const qint64 firstConversation = lastAppend.value.conversation.id;
    QVERIFY(await(store->conversations().closeConversation(firstConversation, u"closed"_s, nowMs())).ok());
    QVERIFY(await(store->conversations().rateConversation(firstConversation, 4, u"kind"_s)).ok());
    QVERIFY(await(store->conversations().appendVisitorMessage(siteId, visitorId, u"c-again"_s, u"another chat"_s, nowMs())).ok());

    const auto exported = admin.request(QJsonObject{{u"type"_s, u"export_visitor"_s}, {u"visitorId"_s, visitorId}}, 30'000);
    QCOMPARE(typeOf(exported), u"result"_s);
    QCOMPARE(exported->value(u"command"_s).toString(), u"export_visitor"_s);
    QCOMPARE(exported->value(u"visitor"_s)[u"id"_s].toString(), visitorId);
    QCOMPARE(exported->value(u"visitor"_s)[u"attributes"_s][u"locale"_s].toString(), u"en-GB"_s);
    QVERIFY(exported->value(u"pages"_s).toArray().size() >= 1);
    QCOMPARE(exported->value(u"pages"_s).toArray().first()[u"url"_s].toString(), u"https://shop.test/a"_s);
    const QJsonArray conversations = exported->value(u"conversations"_s).toArray();
    QCOMPARE(conversations.size(), 2);
    const QJsonObject first = conversations.at(0).toObject();
    QCOMPARE(qint64(first.value(u"id"_s).toDouble()), firstConversation);
    QCOMPARE(first.value(u"rating"_s).toInt(), 4);
    QCOMPARE(first.value(u"ratingComment"_s).toString(), u"kind"_s);
    const QJsonArray messages = first.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), longChat + 1); // and the system line of the close
    for (int i = 0; i < longChat; ++i)
        QCOMPARE(messages.at(i)[u"body"_s].toString(), u"message %1"_s.arg(i));
    for (int i = 1; i < messages.size(); ++i)
        QVERIFY(messages.at(i)[u"id"_s].toDouble() > messages.at(i - 1)[u"id"_s].toDouble());
    QCOMPARE(messages.last()[u"author"_s].toString(), u"system"_s);
    QCOMPARE(conversations.at(1)[u"messages"_s].toArray().size(), 1);

    const auto unknown = admin.request(QJsonObject{{u"type"_s, u"export_visitor"_s}, {u"visitorId"_s, u"nobody"_s}});
    QCOMPARE(codeOf(unknown), u"not_found"_s);
}

// --- Erasure ---------------------------------------------------------------------

void tst_VisitorData::eraseRemovesEverythingAndClosesConnections()
{
    start();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    JsonSocket visitor;
    const auto welcome = helloVisitor(visitor, QJsonObject{{u"page"_s, QJsonObject{{u"url"_s, u"https://shop.test/"_s}}}});
    QCOMPARE(typeOf(welcome), u"welcome"_s);
    const QString visitorId = welcome->value(u"visitorId"_s).toString();
    const QString token = welcome->value(u"token"_s).toString();
    const auto ack = visitor.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"c-1"_s}, {u"body"_s, u"hi"_s}});
    QCOMPARE(typeOf(ack), u"ack"_s);
    const qint64 conversationId = qint64(ack->value(u"conversationId"_s).toDouble());
    // The same visitor on the polling fallback too.
    const HttpAnswer polled = poll(u"hello"_s, QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, token}});
    QCOMPARE(polled.status, 200);
    const QString channel = polled.json.value(u"channel"_s).toString();

    // Another visitor waits behind the first one.
    JsonSocket other;
    QCOMPARE(typeOf(helloVisitor(other)), u"welcome"_s);
    QCOMPARE(typeOf(other.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"o-1"_s}, {u"body"_s, u"me too"_s}})),
             u"ack"_s);
    const auto place = other.waitFor([](const QJsonObject &f) { return f.value(u"type"_s) == u"queue"_s; });
    QVERIFY(place);
    QCOMPARE(place->value(u"position"_s).toInt(), 2);

    const auto erased = admin.request(QJsonObject{{u"type"_s, u"erase_visitor"_s}, {u"visitorId"_s, visitorId}});
    QCOMPARE(typeOf(erased), u"result"_s);
    QCOMPARE(erased->value(u"visitorId"_s).toString(), visitorId);
    QCOMPARE(erased->value(u"conversationIds"_s).toArray(), QJsonArray{double(conversationId)});
    const auto event = admin.waitForType(u"visitor_erased"_s);
    QVERIFY(event);
    QCOMPARE(event->value(u"visitorId"_s).toString(), visitorId);
    QCOMPARE(event->value(u"conversationIds"_s).toArray(), QJsonArray{double(conversationId)});
    QVERIFY(visitor.waitForDisconnected());
    const auto moved = other.waitFor([](const QJsonObject &f) { return f.value(u"type"_s) == u"queue"_s; });
    QVERIFY(moved);
    QCOMPARE(moved->value(u"position"_s).toInt(), 1);

    Store *store = m_server->server()->store();
    QCOMPARE(await(store->visitors().visitorById(visitorId)).error, StoreError::NotFound);
    QCOMPARE(await(store->conversations().conversationById(conversationId)).error, StoreError::NotFound);
    QCOMPARE(await(store->conversations().messagesAfter(conversationId, 0, 100)).error, StoreError::NotFound);
    QVERIFY(await(store->visitors().pageViews(visitorId, 100)).value.isEmpty());
    QVERIFY(await(store->conversations().conversationsForVisitor(visitorId)).value.isEmpty());
    const auto snapshot = [&] {
        JsonSocket again;
        return connectAdmin(again);
    }();
    QVERIFY(snapshot);
    for (const QJsonValue &summary : snapshot->value(u"conversations"_s).toArray())
        QVERIFY(summary[u"visitorId"_s].toString() != visitorId);

    JsonSocket returning;
    QCOMPARE(codeOf(helloVisitor(returning, QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, token}})), u"invalid_token"_s);
    const HttpAnswer afterErase
        = poll(u"poll"_s, QJsonObject{{u"visitorId"_s, visitorId}, {u"token"_s, token}, {u"channel"_s, channel}});
    QCOMPARE(afterErase.status, 401);
    QCOMPARE(afterErase.errorCode(), u"invalid_token"_s);

    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"erase_visitor"_s}, {u"visitorId"_s, visitorId}})), u"not_found"_s);
}

// --- Bans ------------------------------------------------------------------------

void tst_VisitorData::visitorBanRefusesHelloAndPolling()
{
    start();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    JsonSocket visitor;
    const auto welcome = helloVisitor(visitor);
    QCOMPARE(typeOf(welcome), u"welcome"_s);
    const QString visitorId = welcome->value(u"visitorId"_s).toString();
    const QString token = welcome->value(u"token"_s).toString();
    const QJsonObject credentials{{u"visitorId"_s, visitorId}, {u"token"_s, token}};
    const HttpAnswer polled = poll(u"hello"_s, credentials);
    QCOMPARE(polled.status, 200);
    QJsonObject pollBody = credentials;
    pollBody.insert(u"channel"_s, polled.json.value(u"channel"_s));

    const auto banned = admin.request(
        QJsonObject{{u"type"_s, u"ban"_s}, {u"kind"_s, u"visitor"_s}, {u"value"_s, visitorId}, {u"reason"_s, u"abusive"_s}});
    QCOMPARE(typeOf(banned), u"result"_s);
    const qint64 banId = qint64(banned->value(u"ban"_s)[u"id"_s].toDouble());
    QVERIFY(banId > 0);
    QCOMPARE(banned->value(u"ban"_s)[u"createdBy"_s].toString(), TestServer::adminEmail);
    QCOMPARE(banned->value(u"closedConnections"_s).toInt(), 2); // the socket and the polling channel
    // The live socket is told and closed at once.
    const auto notice = visitor.waitFor([](const QJsonObject &f) { return f.value(u"code"_s) == u"banned"_s; });
    QVERIFY(notice);
    QVERIFY(visitor.waitForDisconnected());
    const HttpAnswer refusedPoll = poll(u"poll"_s, pollBody);
    QCOMPARE(refusedPoll.status, 403);
    QCOMPARE(refusedPoll.errorCode(), u"banned"_s);
    QCOMPARE(poll(u"hello"_s, credentials).errorCode(), u"banned"_s);

    // A hello with the banned id is refused and the socket closed.
    JsonSocket again;
    QCOMPARE(codeOf(helloVisitor(again, credentials)), u"banned"_s);
    QVERIFY(again.waitForDisconnected());
    // Other visitors from the same address are not concerned.
    JsonSocket stranger;
    QCOMPARE(typeOf(helloVisitor(stranger)), u"welcome"_s);

    const auto lifted = admin.request(QJsonObject{{u"type"_s, u"unban"_s}, {u"banId"_s, double(banId)}});
    QCOMPARE(typeOf(lifted), u"result"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"unban"_s}, {u"banId"_s, double(banId)}})), u"not_found"_s);
    JsonSocket back;
    QCOMPARE(typeOf(helloVisitor(back, credentials)), u"welcome"_s);
    QCOMPARE(poll(u"poll"_s, pollBody).status, 200);
}

void tst_VisitorData::addressBan_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<bool>("covers");
    QTest::newRow("127.0.0.0/8 covers the test client") << u"127.0.0.0/8"_s << true;
    QTest::newRow("the address itself") << u"127.0.0.1"_s << true;
    QTest::newRow("an unrelated IPv4 range") << u"203.0.113.0/24"_s << false;
    QTest::newRow("an IPv6 range") << u"2001:db8::/48"_s << false;
}

void tst_VisitorData::addressBan()
{
    QFETCH(QString, range);
    QFETCH(bool, covers);
    start();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    JsonSocket visitor;
    const auto welcome = helloVisitor(visitor);
    QCOMPARE(typeOf(welcome), u"welcome"_s);
    const QJsonObject credentials{{u"visitorId"_s, welcome->value(u"visitorId"_s)}, {u"token"_s, welcome->value(u"token"_s)}};

    const auto banned = admin.request(QJsonObject{{u"type"_s, u"ban"_s}, {u"kind"_s, u"address"_s}, {u"value"_s, range}});
    QCOMPARE(typeOf(banned), u"result"_s);
    const qint64 banId = qint64(banned->value(u"ban"_s)[u"id"_s].toDouble());
    QCOMPARE(banned->value(u"closedConnections"_s).toInt(), covers ? 1 : 0);

    const int refusal = covers ? 403 : 0;
    if (covers) {
        QVERIFY(visitor.waitFor([](const QJsonObject &f) { return f.value(u"code"_s) == u"banned"_s; }));
        QVERIFY(visitor.waitForDisconnected());
    } else {
        QVERIFY(!visitor.receivesWithin(u"error"_s, 300));
        QVERIFY(visitor.isConnected());
    }
    QCOMPARE(upgradeStatus(), covers ? 403 : 101);
    const HttpAnswer configAnswer = config();
    QCOMPARE(configAnswer.status, covers ? refusal : 200);
    if (covers) {
        QCOMPARE(configAnswer.json.value(u"error"_s)[u"code"_s].toString(), u"banned"_s);
        // Readable by the page, so the widget can tell a ban from a network failure.
        QCOMPARE(configAnswer.header("Access-Control-Allow-Origin"), TestServer::allowedOrigin);
    }
    const HttpAnswer pollHello = poll(u"hello"_s, credentials);
    QCOMPARE(pollHello.status, covers ? refusal : 200);
    if (covers) {
        QCOMPARE(pollHello.errorCode(), u"banned"_s);
        QCOMPARE(pollHello.header("Access-Control-Allow-Origin"), TestServer::allowedOrigin);
    }

    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"unban"_s}, {u"banId"_s, double(banId)}})), u"result"_s);
    QCOMPARE(upgradeStatus(), 101);
    QCOMPARE(config().status, 200);
    QCOMPARE(poll(u"hello"_s, credentials).status, 200);
}

void tst_VisitorData::expiredBansDoNotApply()
{
    start();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const qint64 expiresAt = nowMs() + 1'500;
    const auto banned = admin.request(QJsonObject{
        {u"type"_s, u"ban"_s}, {u"kind"_s, u"address"_s}, {u"value"_s, u"127.0.0.0/8"_s}, {u"expiresAt"_s, double(expiresAt)}});
    QCOMPARE(typeOf(banned), u"result"_s);
    QCOMPARE(qint64(banned->value(u"ban"_s)[u"expiresAt"_s].toDouble()), expiresAt);
    QCOMPARE(config().status, 403);
    QCOMPARE(upgradeStatus(), 403);
    QTRY_VERIFY_WITH_TIMEOUT(nowMs() > expiresAt + 50, 5'000);
    QCOMPARE(config().status, 200);
    QCOMPARE(upgradeStatus(), 101);
    JsonSocket visitor;
    QCOMPARE(typeOf(helloVisitor(visitor)), u"welcome"_s);
    const auto listed = admin.request(QJsonObject{{u"type"_s, u"list_bans"_s}});
    QCOMPARE(typeOf(listed), u"result"_s);
    QCOMPARE(listed->value(u"bans"_s).toArray().size(), 1);
    QCOMPARE(listed->value(u"bans"_s)[0][u"active"_s].toBool(), false);

    // Bans are loaded at start: one in force still applies after a restart.
    QCOMPARE(typeOf(admin.request(QJsonObject{
                 {u"type"_s, u"ban"_s}, {u"kind"_s, u"address"_s}, {u"value"_s, u"127.0.0.1"_s}, {u"reason"_s, u"spam"_s}})),
             u"result"_s);
    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QCOMPARE(config().status, 403);
}

void tst_VisitorData::banValuesAreValidated()
{
    start();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const auto ban = [&](const QString &kind, const QString &value, qint64 expiresAt = 0) {
        QJsonObject frame{{u"type"_s, u"ban"_s}, {u"kind"_s, kind}, {u"value"_s, value}};
        if (expiresAt)
            frame.insert(u"expiresAt"_s, double(expiresAt));
        return admin.request(frame);
    };
    QCOMPARE(codeOf(ban(u"country"_s, u"x"_s)), u"invalid_field"_s);
    QCOMPARE(codeOf(ban(u"address"_s, u"10.0.0"_s)), u"invalid_field"_s);
    QCOMPARE(codeOf(ban(u"address"_s, u"10.0.0.0/33"_s)), u"invalid_field"_s);
    QCOMPARE(codeOf(ban(u"address"_s, u"example.com"_s)), u"invalid_field"_s);
    QCOMPARE(codeOf(ban(u"address"_s, u"10.0.0.0/8"_s, nowMs() - 1000)), u"invalid_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"ban"_s}, {u"kind"_s, u"visitor"_s}})), u"missing_field"_s);
    // Stored canonical: the network address and its prefix.
    const auto v4 = ban(u"address"_s, u"198.51.100.77/24"_s);
    QCOMPARE(v4->value(u"ban"_s)[u"value"_s].toString(), u"198.51.100.0/24"_s);
    const auto v6 = ban(u"address"_s, u"2001:DB8:0:0:1::/48"_s);
    QCOMPARE(v6->value(u"ban"_s)[u"value"_s].toString(), u"2001:db8::/48"_s);
    const auto listed = admin.request(QJsonObject{{u"type"_s, u"list_bans"_s}});
    QCOMPARE(listed->value(u"bans"_s).toArray().size(), 2);
    QCOMPARE(listed->value(u"bans"_s)[0][u"value"_s].toString(), u"2001:db8::/48"_s); // newest first
    QCOMPARE(listed->value(u"bans"_s)[0][u"active"_s].toBool(), true);
    QVERIFY(listed->value(u"bans"_s)[0][u"expiresAt"_s].isNull());
}

// --- Who may -------------------------------------------------------------------

void tst_VisitorData::onlyAdminsMayUseThem_data()
{
    QTest::addColumn<QJsonObject>("frame");
    QTest::newRow("export_visitor") << QJsonObject{{u"type"_s, u"export_visitor"_s}, {u"visitorId"_s, u"x"_s}};
    QTest::newRow("erase_visitor") << QJsonObject{{u"type"_s, u"erase_visitor"_s}, {u"visitorId"_s, u"x"_s}};
    QTest::newRow("ban") << QJsonObject{{u"type"_s, u"ban"_s}, {u"kind"_s, u"address"_s}, {u"value"_s, u"127.0.0.1"_s}};
    QTest::newRow("unban") << QJsonObject{{u"type"_s, u"unban"_s}, {u"banId"_s, 1}};
    QTest::newRow("list_bans") << QJsonObject{{u"type"_s, u"list_bans"_s}};
    QTest::newRow("list_audit") << QJsonObject{{u"type"_s, u"list_audit"_s}};
}

void tst_VisitorData::onlyAdminsMayUseThem()
{
    QFETCH(QJsonObject, frame);
    start();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QCOMPARE(typeOf(admin.request(QJsonObject{
                 {u"type"_s, u"create_agent"_s}, {u"email"_s, bobEmail}, {u"name"_s, u"Bob"_s}, {u"password"_s, bobPassword}})),
             u"result"_s);
    JsonSocket bob;
    QVERIFY(connectAs(bob, bobEmail, bobPassword));
    const auto refused = bob.request(frame);
    QCOMPARE(codeOf(refused), u"forbidden"_s);
    QVERIFY(refused->value(u"message"_s).toString().startsWith(u"Only an admin may"_s));
    // Nothing happened: no ban applies, nothing was audited for Bob.
    QCOMPARE(config().status, 200);
    const auto audit = admin.request(QJsonObject{{u"type"_s, u"list_audit"_s}});
    for (const QJsonValue &entry : audit->value(u"entries"_s).toArray())
        QVERIFY(entry[u"agentEmail"_s].toString() != bobEmail);
}

// --- Audit log -------------------------------------------------------------------

void tst_VisitorData::auditLogListsEachAction()
{
    start();
    JsonSocket admin;
    const auto snapshot = connectAdmin(admin);
    QVERIFY(snapshot);
    const double adminId = snapshot->value(u"agent"_s)[u"id"_s].toDouble();
    const auto created = admin.request(
        QJsonObject{{u"type"_s, u"create_agent"_s}, {u"email"_s, bobEmail}, {u"name"_s, u"Bob"_s}, {u"password"_s, bobPassword}});
    QCOMPARE(typeOf(created), u"result"_s);
    const double bobId = created->value(u"agent"_s)[u"id"_s].toDouble();
    const auto command = [&](QJsonObject frame) {
        const auto answer = admin.request(frame);
        QCOMPARE(typeOf(answer), u"result"_s);
    };
    command({{u"type"_s, u"set_agent_disabled"_s}, {u"agentId"_s, bobId}, {u"disabled"_s, true}});
    command({{u"type"_s, u"set_agent_disabled"_s}, {u"agentId"_s, bobId}, {u"disabled"_s, false}});
    command({{u"type"_s, u"set_agent_password"_s}, {u"agentId"_s, bobId}, {u"password"_s, u"a new long password"_s}});
    JsonSocket visitor;
    const auto welcome = helloVisitor(visitor);
    const QString visitorId = welcome->value(u"visitorId"_s).toString();
    command({{u"type"_s, u"export_visitor"_s}, {u"visitorId"_s, visitorId}});
    const auto banned = admin.request(
        QJsonObject{{u"type"_s, u"ban"_s}, {u"kind"_s, u"visitor"_s}, {u"value"_s, visitorId}, {u"reason"_s, u"rude"_s}});
    const double banId = banned->value(u"ban"_s)[u"id"_s].toDouble();
    command({{u"type"_s, u"unban"_s}, {u"banId"_s, banId}});
    command({{u"type"_s, u"erase_visitor"_s}, {u"visitorId"_s, visitorId}});
    command({{u"type"_s, u"delete_agent"_s}, {u"agentId"_s, bobId}});

    const auto listed = admin.request(QJsonObject{{u"type"_s, u"list_audit"_s}});
    QCOMPARE(typeOf(listed), u"result"_s);
    const QJsonArray entries = listed->value(u"entries"_s).toArray();
    QStringList actions;
    for (const QJsonValue &entry : entries) {
        actions.append(entry[u"action"_s].toString());
        QCOMPARE(entry[u"agentEmail"_s].toString(), TestServer::adminEmail);
        QCOMPARE(entry[u"agentId"_s].toDouble(), adminId);
        QVERIFY(entry[u"at"_s].toDouble() > 0);
    }
    const QStringList expected{u"delete_agent"_s,   u"erase_visitor"_s, u"unban"_s,         u"ban"_s,         u"export_visitor"_s,
                               u"reset_password"_s, u"enable_agent"_s,  u"disable_agent"_s, u"create_agent"_s};
    QCOMPARE(actions, expected); // newest first
    const QString bobTarget = u"agent %1"_s.arg(qint64(bobId));
    QCOMPARE(entries.at(0)[u"target"_s].toString(), bobTarget);
    QCOMPARE(entries.at(1)[u"target"_s].toString(), visitorId);
    QVERIFY(entries.at(1)[u"detail"_s].toString().contains(u"page views"_s));
    QCOMPARE(entries.at(3)[u"target"_s].toString(), u"ban %1"_s.arg(qint64(banId)));
    QVERIFY(entries.at(3)[u"detail"_s].toString().contains(u"rude"_s));
    QCOMPARE(entries.at(4)[u"target"_s].toString(), visitorId);
    QVERIFY(entries.at(8)[u"detail"_s].toString().contains(bobEmail));

    // Paging: newest first, then on from the smallest id held.
    const auto page = admin.request(QJsonObject{{u"type"_s, u"list_audit"_s}, {u"limit"_s, 4}});
    QCOMPARE(page->value(u"entries"_s).toArray().size(), 4);
    const double oldestHeld = page->value(u"entries"_s).toArray().last()[u"id"_s].toDouble();
    const auto next = admin.request(QJsonObject{{u"type"_s, u"list_audit"_s}, {u"before"_s, oldestHeld}, {u"limit"_s, 200}});
    QCOMPARE(next->value(u"entries"_s).toArray().size(), expected.size() - 4);
    QCOMPARE(next->value(u"entries"_s)[0][u"action"_s].toString(), expected.at(4));
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"list_audit"_s}, {u"limit"_s, 0}})), u"invalid_field"_s);
}

QTEST_GUILESS_MAIN(tst_VisitorData)
#include "tst_visitordata.moc"
