// Several sites on one server, over real sockets on SQLite and MariaDB: the
// admins' site commands (list, create, rename, delete after the key is typed
// back), which site a command means ("siteId"), conversations and queue
// places per site, a deletion that removes exactly that site's data and
// disconnects its visitors, the last site kept, agents refused, and the
// site events every console hears.
#include "jsonsocket.h"
#include "store/store.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QJsonArray>
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

qint64 idOf(const QJsonValue &value)
{
    return qint64(value.toDouble());
}

const QString bobEmail = u"bob@shop.test"_s;
const QString bobPassword = u"bob's long password"_s;

} // namespace

class tst_Sites : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();

    void createdSitesAreListedAndAnnounced();
    void createSiteChecksItsFields();
    void siteIdNamesTheSite();
    void renameReachesTheConsoles();
    void conversationsAndQueuesArePerSite();
    void searchCanKeepToOneSite();
    void deleteRemovesExactlyThatSite();
    void deleteNeedsTheKeyAndAnotherSite();
    void agentsMayNotManageSites_data();
    void agentsMayNotManageSites();

private:
    std::optional<QJsonObject> connectAs(JsonSocket &socket, const QString &email, const QString &password);
    std::optional<QJsonObject> connectAdmin(JsonSocket &socket)
    {
        return connectAs(socket, TestServer::adminEmail, TestServer::adminPassword);
    }
    /// An agent account (not an admin) for Bob.
    bool createBob(JsonSocket &admin);
    /// A second site, "Second shop", that http://shop.test may embed; its JSON as the admin gets it.
    QJsonObject createSecondSite(JsonSocket &admin);
    std::optional<QJsonObject> helloVisitor(JsonSocket &visitor, const QString &siteKey, const QJsonObject &extra = {});
    /// A visitor of @p siteKey who says @p body; returns the conversation id, or 0.
    qint64 visitorWrites(JsonSocket &visitor, const QString &siteKey, const QString &body, QString *visitorId = nullptr);

    std::unique_ptr<TestServer> m_server;
    TestHttp m_http;
};

void tst_Sites::initTestCase_data()
{
    addBackendRows();
}

void tst_Sites::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_server = std::make_unique<TestServer>();
    FRONTDESK_START_TEST_SERVER(*m_server, backend);
}

void tst_Sites::cleanup()
{
    m_server.reset();
}

std::optional<QJsonObject> tst_Sites::connectAs(JsonSocket &socket, const QString &email, const QString &password)
{
    const HttpAnswer login
        = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s), QJsonObject{{u"email"_s, email}, {u"password"_s, password}});
    const QString token = login.json.value(u"token"_s).toString();
    if (token.isEmpty() || !socket.open(m_server->wsUrl(u"/v1/agent"_s)))
        return std::nullopt;
    return socket.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}});
}

bool tst_Sites::createBob(JsonSocket &admin)
{
    return typeOf(admin.request(QJsonObject{
               {u"type"_s, u"create_agent"_s}, {u"email"_s, bobEmail}, {u"name"_s, u"Bob"_s}, {u"password"_s, bobPassword}}))
        == u"result"_s;
}

QJsonObject tst_Sites::createSecondSite(JsonSocket &admin)
{
    const auto created
        = admin.request(QJsonObject{{u"type"_s, u"create_site"_s},
                                    {u"name"_s, u"  Second shop  "_s},
                                    {u"allowedOrigins"_s, QJsonArray{QString::fromLatin1(TestServer::allowedOrigin)}}});
    if (typeOf(created) != u"result"_s)
        return {};
    return created->value(u"site"_s).toObject();
}

std::optional<QJsonObject> tst_Sites::helloVisitor(JsonSocket &visitor, const QString &siteKey, const QJsonObject &extra)
{
    if (!visitor.isConnected() && !visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + siteKey), TestServer::allowedOrigin))
        return std::nullopt;
    QJsonObject hello{{u"type"_s, u"hello"_s}, {u"v"_s, 1}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        hello.insert(it.key(), it.value());
    return visitor.request(hello);
}

qint64 tst_Sites::visitorWrites(JsonSocket &visitor, const QString &siteKey, const QString &body, QString *visitorId)
{
    const auto welcome
        = helloVisitor(visitor, siteKey, QJsonObject{{u"page"_s, QJsonObject{{u"url"_s, u"https://shop.test/"_s}}}});
    if (typeOf(welcome) != u"welcome"_s)
        return 0;
    if (visitorId)
        *visitorId = welcome->value(u"visitorId"_s).toString();
    const auto ack = visitor.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"c-1"_s}, {u"body"_s, body}});
    return typeOf(ack) == u"ack"_s ? idOf(ack->value(u"conversationId"_s)) : 0;
}

// --- Create and list -------------------------------------------------------------

void tst_Sites::createdSitesAreListedAndAnnounced()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(createBob(admin));
    JsonSocket bob;
    const auto bobBefore = connectAs(bob, bobEmail, bobPassword);
    QVERIFY(bobBefore);
    QCOMPARE(bobBefore->value(u"sites"_s).toArray().size(), 1);

    const QJsonObject second = createSecondSite(admin);
    QVERIFY(!second.isEmpty());
    QCOMPARE(second.value(u"name"_s).toString(), u"Second shop"_s);
    const QString secondKey = second.value(u"siteKey"_s).toString();
    QVERIFY(!secondKey.isEmpty());
    QVERIFY(secondKey != m_server->siteKey());
    QCOMPARE(second.value(u"identitySecret"_s).toString().size(), 64);
    QCOMPARE(second.value(u"allowedOrigins"_s).toArray(), QJsonArray{u"http://shop.test"_s});
    QCOMPARE(second.value(u"widget"_s).toObject().value(u"title"_s).toString(), u"Chat with us"_s); // the first start's defaults

    // Every console hears of it, without the secret.
    for (JsonSocket *socket : {&admin, &bob}) {
        const auto event = socket->waitForType(u"site_created"_s);
        QVERIFY(event);
        QCOMPARE(event->value(u"site"_s)[u"siteKey"_s].toString(), secondKey);
        QVERIFY(!event->value(u"site"_s).toObject().contains(u"identitySecret"_s));
    }

    const auto listed = admin.request(QJsonObject{{u"type"_s, u"list_sites"_s}});
    QCOMPARE(typeOf(listed), u"result"_s);
    const QJsonArray sites = listed->value(u"sites"_s).toArray();
    QCOMPARE(sites.size(), 2);
    QCOMPARE(sites[0][u"siteKey"_s].toString(), m_server->siteKey()); // oldest first
    QCOMPARE(sites[1][u"siteKey"_s].toString(), secondKey);
    QCOMPARE(sites[1][u"identitySecret"_s].toString(), second.value(u"identitySecret"_s).toString());

    // The snapshot keeps "site" (the oldest) and names every site in "sites".
    JsonSocket again;
    const auto snapshot = connectAdmin(again);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"site"_s)[u"siteKey"_s].toString(), m_server->siteKey());
    QCOMPARE(snapshot->value(u"sites"_s).toArray().size(), 2);
    QCOMPARE(snapshot->value(u"sites"_s)[1][u"identitySecret"_s].toString().size(), 64);
    JsonSocket bobAgain;
    const auto bobSnapshot = connectAs(bobAgain, bobEmail, bobPassword);
    QVERIFY(bobSnapshot);
    QCOMPARE(bobSnapshot->value(u"site"_s)[u"siteKey"_s].toString(), m_server->siteKey());
    const QJsonArray bobSites = bobSnapshot->value(u"sites"_s).toArray();
    QCOMPARE(bobSites.size(), 2);
    for (const QJsonValue &site : bobSites)
        QVERIFY(!site.toObject().contains(u"identitySecret"_s)); // admins only

    // The new site serves its widget at once.
    const HttpAnswer config = m_http.get(m_server->httpUrl(u"/v1/sites/%1/config"_s.arg(secondKey)),
                                         {{QByteArrayLiteral("Origin"), TestServer::allowedOrigin}});
    QCOMPARE(config.status, 200);

    // Both survive a restart: they are stored, not only in memory.
    QString error;
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QCOMPARE(m_server->server()->sites().all().size(), 2);
    QCOMPARE(m_server->server()->sites().all().constLast().siteKey, secondKey);

    JsonSocket afterRestart;
    QVERIFY(connectAdmin(afterRestart));
    const auto audit = afterRestart.request(QJsonObject{{u"type"_s, u"list_audit"_s}});
    QCOMPARE(typeOf(audit), u"result"_s);
    bool audited = false;
    for (const QJsonValue &entry : audit->value(u"entries"_s).toArray())
        audited = audited || (entry[u"action"_s] == u"create_site"_s && entry[u"detail"_s].toString().contains(secondKey));
    QVERIFY(audited);
}

void tst_Sites::createSiteChecksItsFields()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"create_site"_s}})), u"missing_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"create_site"_s}, {u"name"_s, u"   "_s}})), u"invalid_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"create_site"_s}, {u"name"_s, 42}})), u"invalid_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"create_site"_s}, {u"name"_s, QString(500, u'x')}})),
             u"text_too_long"_s);
    QCOMPARE(
        codeOf(admin.request(QJsonObject{
            {u"type"_s, u"create_site"_s}, {u"name"_s, u"Bad"_s}, {u"allowedOrigins"_s, QJsonArray{u"javascript:alert(1)"_s}}})),
        u"invalid_field"_s);
    // The key and the secret are the server's to make; what the wire says is ignored.
    const auto created = admin.request(QJsonObject{{u"type"_s, u"create_site"_s},
                                                   {u"name"_s, u"<img src=x> Shop"_s},
                                                   {u"siteKey"_s, m_server->siteKey()},
                                                   {u"identitySecret"_s, u"00"_s}});
    QCOMPARE(typeOf(created), u"result"_s);
    QVERIFY(created->value(u"site"_s)[u"siteKey"_s].toString() != m_server->siteKey());
    QCOMPARE(created->value(u"site"_s)[u"identitySecret"_s].toString().size(), 64);
    QCOMPARE(created->value(u"site"_s)[u"name"_s].toString(), u"<img src=x> Shop"_s); // plain text, stored as typed
    QCOMPARE(m_server->server()->sites().all().size(), 2);
}

// --- Which site ------------------------------------------------------------------

void tst_Sites::siteIdNamesTheSite()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    // One site: "siteId" may be left out, as consoles from before did.
    const auto only = admin.request(QJsonObject{{u"type"_s, u"get_site"_s}});
    QCOMPARE(typeOf(only), u"result"_s);
    QCOMPARE(only->value(u"site"_s)[u"siteKey"_s].toString(), m_server->siteKey());
    const qint64 firstId = idOf(only->value(u"site"_s)[u"id"_s]);

    const QJsonObject second = createSecondSite(admin);
    QVERIFY(!second.isEmpty());
    const qint64 secondId = idOf(second.value(u"id"_s));

    // Two sites: never a guess.
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"get_site"_s}})), u"missing_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"update_site"_s}, {u"name"_s, u"Which?"_s}})), u"missing_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"get_site"_s}, {u"siteId"_s, 9999}})), u"not_found"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"get_site"_s}, {u"siteId"_s, u"2"_s}})), u"invalid_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"get_site"_s}, {u"siteId"_s, 0}})), u"invalid_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"get_site"_s}, {u"siteId"_s, -1}})), u"invalid_field"_s);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"get_site"_s}, {u"siteId"_s, 1.5}})), u"invalid_field"_s);

    for (const qint64 siteId : {firstId, secondId}) {
        const auto got = admin.request(QJsonObject{{u"type"_s, u"get_site"_s}, {u"siteId"_s, double(siteId)}});
        QCOMPARE(typeOf(got), u"result"_s);
        QCOMPARE(idOf(got->value(u"site"_s)[u"id"_s]), siteId);
    }
    // update_site acts on the site it names, and only on it.
    const auto changed = admin.request(QJsonObject{{u"type"_s, u"update_site"_s},
                                                   {u"siteId"_s, double(secondId)},
                                                   {u"closedRetentionDays"_s, 30},
                                                   {u"name"_s, u"Outlet"_s}});
    QCOMPARE(typeOf(changed), u"result"_s);
    QCOMPARE(changed->value(u"site"_s)[u"closedRetentionDays"_s].toInt(), 30);
    QCOMPARE(m_server->server()->sites().byId(secondId)->closedRetentionDays, 30);
    QCOMPARE(m_server->server()->sites().byId(firstId)->closedRetentionDays, 0);
    QVERIFY(m_server->server()->sites().byId(firstId)->name != u"Outlet"_s);
    // A ban may keep to one site; the unknown one is refused.
    QCOMPARE(codeOf(admin.request(QJsonObject{
                 {u"type"_s, u"ban"_s}, {u"kind"_s, u"address"_s}, {u"value"_s, u"203.0.113.9"_s}, {u"siteId"_s, 9999}})),
             u"not_found"_s);
    const auto ban = admin.request(QJsonObject{
        {u"type"_s, u"ban"_s}, {u"kind"_s, u"address"_s}, {u"value"_s, u"203.0.113.9"_s}, {u"siteId"_s, double(secondId)}});
    QCOMPARE(typeOf(ban), u"result"_s);
    QCOMPARE(idOf(ban->value(u"ban"_s)[u"siteId"_s]), secondId);
}

void tst_Sites::renameReachesTheConsoles()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(createBob(admin));
    const QJsonObject second = createSecondSite(admin);
    QVERIFY(!second.isEmpty());
    JsonSocket bob;
    QVERIFY(connectAs(bob, bobEmail, bobPassword));

    const auto renamed = admin.request(
        QJsonObject{{u"type"_s, u"update_site"_s}, {u"siteId"_s, second.value(u"id"_s)}, {u"name"_s, u"The outlet"_s}});
    QCOMPARE(typeOf(renamed), u"result"_s);
    QCOMPARE(renamed->value(u"site"_s)[u"name"_s].toString(), u"The outlet"_s);
    QCOMPARE(renamed->value(u"site"_s)[u"siteKey"_s].toString(),
             second.value(u"siteKey"_s).toString()); // the snippet still works
    const auto event = bob.waitFor([](const QJsonObject &f) {
        return f.value(u"type"_s) == u"site_updated"_s && f.value(u"site"_s)[u"name"_s] == u"The outlet"_s;
    });
    QVERIFY(event);
    QCOMPARE(event->value(u"site"_s)[u"id"_s], second.value(u"id"_s));
    QCOMPARE(codeOf(admin.request(
                 QJsonObject{{u"type"_s, u"update_site"_s}, {u"siteId"_s, second.value(u"id"_s)}, {u"name"_s, u" "_s}})),
             u"invalid_field"_s);
}

// --- Conversations per site ------------------------------------------------------

void tst_Sites::conversationsAndQueuesArePerSite()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const QJsonObject second = createSecondSite(admin);
    QVERIFY(!second.isEmpty());
    const QString secondKey = second.value(u"siteKey"_s).toString();
    const qint64 secondId = idOf(second.value(u"id"_s));
    const qint64 firstId = m_server->server()->sites().byKey(m_server->siteKey())->id;

    JsonSocket a1, a2, b1;
    const qint64 a1Chat = visitorWrites(a1, m_server->siteKey(), u"first at A"_s);
    QVERIFY(a1Chat > 0);
    const auto a1Place = a1.waitForType(u"queue"_s);
    QVERIFY(a1Place);
    QCOMPARE(a1Place->value(u"position"_s).toInt(), 1);
    const qint64 a2Chat = visitorWrites(a2, m_server->siteKey(), u"second at A"_s);
    QVERIFY(a2Chat > 0);
    const auto a2Place = a2.waitForType(u"queue"_s);
    QVERIFY(a2Place);
    QCOMPARE(a2Place->value(u"position"_s).toInt(), 2);
    // B's first visitor is first in B's queue, whatever waits at A.
    const qint64 b1Chat = visitorWrites(b1, secondKey, u"first at B"_s);
    QVERIFY(b1Chat > 0);
    const auto b1Place = b1.waitForType(u"queue"_s);
    QVERIFY(b1Place);
    QCOMPARE(b1Place->value(u"position"_s).toInt(), 1);

    // The console sees each conversation with its site.
    QHash<qint64, qint64> siteOfChat;
    for (int i = 0; i < 3; ++i) {
        const auto created = admin.waitForType(u"conversation_created"_s);
        QVERIFY(created);
        siteOfChat.insert(idOf(created->value(u"conversation"_s)[u"id"_s]), idOf(created->value(u"conversation"_s)[u"siteId"_s]));
    }
    QCOMPARE(siteOfChat.value(a1Chat), firstId);
    QCOMPARE(siteOfChat.value(a2Chat), firstId);
    QCOMPARE(siteOfChat.value(b1Chat), secondId);
    JsonSocket again;
    const auto snapshot = connectAdmin(again);
    QVERIFY(snapshot);
    for (const QJsonValue &summary : snapshot->value(u"conversations"_s).toArray())
        QCOMPARE(idOf(summary[u"siteId"_s]), siteOfChat.value(idOf(summary[u"id"_s])));

    // Accepting at B moves nobody at A; accepting at A moves A's second visitor up.
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, double(b1Chat)}})), u"result"_s);
    const auto b1Gone = b1.waitForType(u"queue"_s);
    QVERIFY(b1Gone);
    QVERIFY(b1Gone->value(u"position"_s).isNull());
    QVERIFY(!a2.receivesWithin(u"queue"_s, 300));
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, double(a1Chat)}})), u"result"_s);
    const auto a2Moved = a2.waitForType(u"queue"_s);
    QVERIFY(a2Moved);
    QCOMPARE(a2Moved->value(u"position"_s).toInt(), 1);
}

void tst_Sites::searchCanKeepToOneSite()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const QJsonObject second = createSecondSite(admin);
    QVERIFY(!second.isEmpty());
    const qint64 secondId = idOf(second.value(u"id"_s));
    JsonSocket a, b;
    const qint64 aChat = visitorWrites(a, m_server->siteKey(), u"a parcel question"_s);
    const qint64 bChat = visitorWrites(b, second.value(u"siteKey"_s).toString(), u"a parcel problem"_s);
    QVERIFY(aChat > 0 && bChat > 0);
    for (const qint64 chat : {aChat, bChat})
        QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, double(chat)}})), u"result"_s);

    const auto everywhere = admin.request(QJsonObject{{u"type"_s, u"search"_s}, {u"text"_s, u"parcel"_s}});
    QCOMPARE(typeOf(everywhere), u"result"_s);
    QCOMPARE(everywhere->value(u"conversations"_s).toArray().size(), 2); // the team's history: every site
    const auto atB
        = admin.request(QJsonObject{{u"type"_s, u"search"_s}, {u"text"_s, u"parcel"_s}, {u"siteId"_s, double(secondId)}});
    QCOMPARE(typeOf(atB), u"result"_s);
    const QJsonArray found = atB->value(u"conversations"_s).toArray();
    QCOMPARE(found.size(), 1);
    QCOMPARE(idOf(found[0][u"id"_s]), bChat);
    QCOMPARE(idOf(found[0][u"siteId"_s]), secondId);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"search"_s}, {u"siteId"_s, 9999}})), u"not_found"_s);
}

// --- Delete ----------------------------------------------------------------------

void tst_Sites::deleteRemovesExactlyThatSite()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(createBob(admin));
    const QJsonObject second = createSecondSite(admin);
    QVERIFY(!second.isEmpty());
    const QString secondKey = second.value(u"siteKey"_s).toString();
    const qint64 secondId = idOf(second.value(u"id"_s));
    JsonSocket bob;
    QVERIFY(connectAs(bob, bobEmail, bobPassword));

    // A waiting visitor at A, and at B one waiting, one whose chat is closed and one who never wrote.
    JsonSocket a, bWaiting, bClosed, bQuiet;
    QString aVisitor, bWaitingVisitor, bClosedVisitor;
    const qint64 aChat = visitorWrites(a, m_server->siteKey(), u"hello from A"_s, &aVisitor);
    const qint64 bWaitingChat = visitorWrites(bWaiting, secondKey, u"hello from B"_s, &bWaitingVisitor);
    const qint64 bClosedChat = visitorWrites(bClosed, secondKey, u"an old chat at B"_s, &bClosedVisitor);
    QVERIFY(aChat > 0 && bWaitingChat > 0 && bClosedChat > 0);
    const auto quietWelcome = helloVisitor(bQuiet, secondKey);
    QCOMPARE(typeOf(quietWelcome), u"welcome"_s);
    const QString bQuietVisitor = quietWelcome->value(u"visitorId"_s).toString();
    bQuiet.close();
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, double(bClosedChat)}})),
             u"result"_s);
    bClosed.close();
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"ban"_s},
                                              {u"kind"_s, u"address"_s},
                                              {u"value"_s, u"198.51.100.0/24"_s},
                                              {u"siteId"_s, double(secondId)}})),
             u"result"_s);
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"ban"_s}, {u"kind"_s, u"address"_s}, {u"value"_s, u"192.0.2.1"_s}})),
             u"result"_s); // every site's: stays
    QVERIFY(a.waitForType(u"queue"_s));
    // A connection to B that has not said hello yet.
    JsonSocket early;
    QVERIFY(early.open(m_server->wsUrl(u"/v1/visitor?site="_s + secondKey), TestServer::allowedOrigin));

    const auto deleted = admin.request(
        QJsonObject{{u"type"_s, u"delete_site"_s}, {u"siteId"_s, double(secondId)}, {u"confirmSiteKey"_s, secondKey}});
    QCOMPARE(typeOf(deleted), u"result"_s);
    QCOMPARE(idOf(deleted->value(u"siteId"_s)), secondId);
    const QJsonObject counts = deleted->value(u"deleted"_s).toObject();
    QCOMPARE(counts.value(u"conversations"_s).toInt(), 2);
    QCOMPARE(counts.value(u"visitors"_s).toInt(), 3);
    QVERIFY(counts.value(u"messages"_s).toInt() >= 3); // two visitors' lines and the close's system line
    QCOMPARE(counts.value(u"pageViews"_s).toInt(), 2);
    QCOMPARE(counts.value(u"bans"_s).toInt(), 1);

    // Its connected visitor is told and disconnected; every console hears of it.
    const auto notice = bWaiting.waitForType(u"error"_s);
    QVERIFY(notice);
    QCOMPARE(notice->value(u"code"_s).toString(), u"unknown_site"_s);
    QVERIFY(bWaiting.waitForDisconnected());
    QCOMPARE(bWaiting.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QCOMPARE(bWaiting.socket().closeReason(), u"site deleted"_s);
    for (JsonSocket *socket : {&admin, &bob}) {
        const auto event = socket->waitForType(u"site_deleted"_s);
        QVERIFY(event);
        QCOMPARE(idOf(event->value(u"siteId"_s)), secondId);
    }
    // Nobody at A moved or left: A's visitor still chats.
    QVERIFY(a.isConnected());
    QVERIFY(!a.receivesWithin(u"queue"_s, 200));
    QCOMPARE(typeOf(a.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"c-2"_s}, {u"body"_s, u"still here"_s}})),
             u"ack"_s);

    // Exactly B's rows are gone.
    Store *store = m_server->server()->store();
    for (const QString &visitorId : {bWaitingVisitor, bClosedVisitor, bQuietVisitor}) {
        QCOMPARE(await(store->visitors().visitorById(visitorId)).error, StoreError::NotFound);
        QVERIFY(await(store->visitors().pageViews(visitorId, 10)).value.isEmpty());
    }
    for (const qint64 chat : {bWaitingChat, bClosedChat}) {
        QCOMPARE(await(store->conversations().conversationById(chat)).error, StoreError::NotFound);
        QVERIFY(await(store->conversations().messagesAfter(chat, 0, 100)).value.isEmpty());
    }
    QVERIFY(await(store->visitors().visitorById(aVisitor)).ok());
    QCOMPARE(await(store->conversations().messagesAfter(aChat, 0, 100)).value.size(), 2);
    QCOMPARE(await(store->visitors().pageViews(aVisitor, 10)).value.size(), 1);
    const auto bans = await(store->visitorData().listBans());
    QVERIFY(bans.ok());
    QCOMPARE(bans.value.size(), 1);
    QCOMPARE(bans.value.first().siteId, 0);
    const auto sites = await(store->sites().listSites());
    QCOMPARE(sites.value.size(), 1);
    QCOMPARE(sites.value.first().siteKey, m_server->siteKey());

    // A connection opened before serves nobody now.
    QCOMPARE(codeOf(helloVisitor(early, secondKey)), u"unknown_site"_s);
    QVERIFY(early.waitForDisconnected());
    QCOMPARE(early.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

    // Its key opens nothing any more: upgrade, widget settings, polling.
    JsonSocket late;
    QVERIFY(!late.open(m_server->wsUrl(u"/v1/visitor?site="_s + secondKey), TestServer::allowedOrigin));
    const HttpAnswer config = m_http.get(m_server->httpUrl(u"/v1/sites/%1/config"_s.arg(secondKey)),
                                         {{QByteArrayLiteral("Origin"), TestServer::allowedOrigin}});
    QCOMPARE(config.status, 404);
    QCOMPARE(config.json.value(u"error"_s)[u"code"_s].toString(), u"unknown_site"_s);
    const HttpAnswer poll = m_http.postJson(m_server->httpUrl(u"/v1/sites/%1/visitor/hello"_s.arg(secondKey)), QJsonObject{},
                                            TestServer::allowedOrigin);
    QCOMPARE(poll.status, 404);
    QCOMPARE(poll.errorCode(), u"unknown_site"_s);

    // The snapshot no longer has it, nor its conversations; the audit log says who did it.
    JsonSocket again;
    const auto snapshot = connectAdmin(again);
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"sites"_s).toArray().size(), 1);
    for (const QJsonValue &summary : snapshot->value(u"conversations"_s).toArray())
        QVERIFY(idOf(summary[u"siteId"_s]) != secondId);
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"get_site"_s}, {u"siteId"_s, double(secondId)}})), u"not_found"_s);
    const auto audit = admin.request(QJsonObject{{u"type"_s, u"list_audit"_s}});
    QCOMPARE(typeOf(audit), u"result"_s);
    const QJsonObject newest = audit->value(u"entries"_s)[0].toObject();
    QCOMPARE(newest.value(u"action"_s).toString(), u"delete_site"_s);
    QCOMPARE(newest.value(u"agentEmail"_s).toString(), TestServer::adminEmail);
    QVERIFY(newest.value(u"detail"_s).toString().contains(u"2 conversations"_s));
}

void tst_Sites::deleteNeedsTheKeyAndAnotherSite()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const qint64 firstId = m_server->server()->sites().byKey(m_server->siteKey())->id;
    // The last site stays, confirmed or not.
    QCOMPARE(codeOf(admin.request(QJsonObject{
                 {u"type"_s, u"delete_site"_s}, {u"siteId"_s, double(firstId)}, {u"confirmSiteKey"_s, m_server->siteKey()}})),
             u"conflict"_s);
    const QJsonObject second = createSecondSite(admin);
    QVERIFY(!second.isEmpty());
    const qint64 secondId = idOf(second.value(u"id"_s));
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"delete_site"_s}, {u"siteId"_s, double(secondId)}})),
             u"missing_field"_s);
    // Never "the only site": a deletion names its site.
    QCOMPARE(codeOf(admin.request(QJsonObject{{u"type"_s, u"delete_site"_s}, {u"confirmSiteKey"_s, m_server->siteKey()}})),
             u"missing_field"_s);
    // Another site's key does not confirm this one.
    QCOMPARE(codeOf(admin.request(QJsonObject{
                 {u"type"_s, u"delete_site"_s}, {u"siteId"_s, double(secondId)}, {u"confirmSiteKey"_s, m_server->siteKey()}})),
             u"invalid_field"_s);
    QCOMPARE(codeOf(admin.request(
                 QJsonObject{{u"type"_s, u"delete_site"_s}, {u"siteId"_s, 9999}, {u"confirmSiteKey"_s, m_server->siteKey()}})),
             u"not_found"_s);
    QCOMPARE(m_server->server()->sites().all().size(), 2);

    // The oldest may go too; then the other is the last and stays.
    QCOMPARE(typeOf(admin.request(QJsonObject{
                 {u"type"_s, u"delete_site"_s}, {u"siteId"_s, double(firstId)}, {u"confirmSiteKey"_s, m_server->siteKey()}})),
             u"result"_s);
    QCOMPARE(
        codeOf(admin.request(QJsonObject{
            {u"type"_s, u"delete_site"_s}, {u"siteId"_s, double(secondId)}, {u"confirmSiteKey"_s, second.value(u"siteKey"_s)}})),
        u"conflict"_s);
    // With one site left, leaving "siteId" out means that one again.
    const auto only = admin.request(QJsonObject{{u"type"_s, u"get_site"_s}});
    QCOMPARE(typeOf(only), u"result"_s);
    QCOMPARE(idOf(only->value(u"site"_s)[u"id"_s]), secondId);
}

void tst_Sites::agentsMayNotManageSites_data()
{
    QTest::addColumn<QJsonObject>("frame");
    QTest::newRow("list_sites") << QJsonObject{{u"type"_s, u"list_sites"_s}};
    QTest::newRow("create_site") << QJsonObject{{u"type"_s, u"create_site"_s}, {u"name"_s, u"Mine"_s}};
    QTest::newRow("update_site") << QJsonObject{{u"type"_s, u"update_site"_s}, {u"name"_s, u"Mine"_s}};
    QTest::newRow("delete_site") << QJsonObject{{u"type"_s, u"delete_site"_s}, {u"confirmSiteKey"_s, u"x"_s}};
}

void tst_Sites::agentsMayNotManageSites()
{
    QFETCH(QJsonObject, frame);
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(createBob(admin));
    const QJsonObject second = createSecondSite(admin);
    QVERIFY(!second.isEmpty());
    // Names a real site, so the refusal is about the role and nothing else.
    frame.insert(u"siteId"_s, second.value(u"id"_s));
    if (frame.contains(u"confirmSiteKey"_s))
        frame.insert(u"confirmSiteKey"_s, second.value(u"siteKey"_s));
    JsonSocket bob;
    QVERIFY(connectAs(bob, bobEmail, bobPassword));
    QCOMPARE(codeOf(bob.request(frame)), u"forbidden"_s);
    QCOMPARE(m_server->server()->sites().all().size(), 2);
    QCOMPARE(m_server->server()->sites().all().first().name, m_server->server()->sites().byKey(m_server->siteKey())->name);
    QVERIFY(m_server->server()->sites().all().constLast().name != u"Mine"_s);
    // An agent may read a site, without its secret.
    const auto read = bob.request(QJsonObject{{u"type"_s, u"get_site"_s}, {u"siteId"_s, second.value(u"id"_s)}});
    QCOMPARE(typeOf(read), u"result"_s);
    QVERIFY(!read->value(u"site"_s).toObject().contains(u"identitySecret"_s));
}

QTEST_GUILESS_MAIN(tst_Sites)
#include "tst_sites.moc"
