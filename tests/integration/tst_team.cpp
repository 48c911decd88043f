// The agent protocol's team commands over real sockets, on SQLite and on
// MariaDB: presence and status, transfer, agents (admin only), site settings,
// canned responses, search.
#include "jsonsocket.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {
QString typeOf(const QJsonObject &frame)
{
    return frame.value(u"type"_s).toString();
}
} // namespace

class tst_Team : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();

    void snapshotCarriesTeamAndSite();
    void awayAgentsDoNotCountAsOnline();
    void onlyAdminsManageAgents();
    void transferMovesTheConversation();
    void siteSettingsAreValidatedAndShared();
    void cannedResponsesAreShared();
    void historySearchFindsClosedChats();
    void historySearchMatchesTheSameOnBothBackends();

private:
    /// A visitor who gives a name and email, writes @p body and whose chat the
    /// admin closes; returns the conversation id, or 0.
    double closedChat(JsonSocket &admin, const QString &name, const QString &email, const QString &body);
    /// Logs in (HTTP) and authenticates a socket; returns the snapshot.
    std::optional<QJsonObject> connectAs(JsonSocket &socket, const QString &email, const QString &password);
    std::optional<QJsonObject> connectAdmin(JsonSocket &socket)
    {
        return connectAs(socket, TestServer::adminEmail, TestServer::adminPassword);
    }

    std::unique_ptr<TestServer> m_server;
    TestHttp m_http;
};

void tst_Team::initTestCase_data()
{
    addBackendRows();
}

void tst_Team::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_server = std::make_unique<TestServer>();
    FRONTDESK_START_TEST_SERVER(*m_server, backend);
}

void tst_Team::cleanup()
{
    m_server.reset();
}

std::optional<QJsonObject> tst_Team::connectAs(JsonSocket &socket, const QString &email, const QString &password)
{
    const HttpAnswer login
        = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s), QJsonObject{{u"email"_s, email}, {u"password"_s, password}});
    const QString token = login.json.value(u"token"_s).toString();
    if (token.isEmpty() || !socket.open(m_server->wsUrl(u"/v1/agent"_s)))
        return std::nullopt;
    return socket.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}});
}

void tst_Team::snapshotCarriesTeamAndSite()
{
    JsonSocket admin;
    const auto snapshot = connectAdmin(admin);
    QVERIFY(snapshot);
    const QJsonArray agents = snapshot->value(u"agents"_s).toArray();
    QCOMPARE(agents.size(), 1);
    QCOMPARE(agents.first()[u"status"_s].toString(), u"online"_s);
    QCOMPARE(snapshot->value(u"agentsOnline"_s).toInt(), 1);
    const QJsonObject site = snapshot->value(u"site"_s).toObject();
    QCOMPARE(site.value(u"siteKey"_s).toString(), m_server->siteKey());
    QCOMPARE(site.value(u"identitySecret"_s).toString().size(), 64); // admins see it
}

void tst_Team::awayAgentsDoNotCountAsOnline()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    JsonSocket visitor;
    QVERIFY(visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
    const auto welcome = visitor.request(QJsonObject{{u"type"_s, u"hello"_s}});
    QVERIFY(welcome);
    QCOMPARE(welcome->value(u"agentsOnline"_s).toInt(), 1);

    const auto away = admin.request(QJsonObject{{u"type"_s, u"set_status"_s}, {u"status"_s, u"away"_s}});
    QVERIFY(away);
    QCOMPARE(away->value(u"status"_s).toString(), u"away"_s);
    const auto presence = visitor.waitForType(u"presence"_s);
    QVERIFY(presence);
    QCOMPARE(presence->value(u"agentsOnline"_s).toInt(), 0);
    // Its own connection was announced "online" first; then the change.
    const auto status = admin.waitFor(
        [](const QJsonObject &f) { return f.value(u"type"_s) == u"agent_status"_s && f.value(u"status"_s) == u"away"_s; });
    QVERIFY(status);

    const auto invalid = admin.request(QJsonObject{{u"type"_s, u"set_status"_s}, {u"status"_s, u"asleep"_s}});
    QVERIFY(invalid);
    QCOMPARE(invalid->value(u"code"_s).toString(), u"invalid_field"_s);

    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"set_status"_s}, {u"status"_s, u"online"_s}}));
    const auto back = visitor.waitForType(u"presence"_s);
    QVERIFY(back);
    QCOMPARE(back->value(u"agentsOnline"_s).toInt(), 1);
}

void tst_Team::onlyAdminsManageAgents()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const auto created = admin.request(QJsonObject{{u"type"_s, u"create_agent"_s},
                                                   {u"email"_s, u"Bob@Shop.test"_s},
                                                   {u"name"_s, u"Bob"_s},
                                                   {u"password"_s, u"bob's long password"_s}});
    QVERIFY(created);
    QCOMPARE(typeOf(*created), u"result"_s);
    QCOMPARE(created->value(u"agent"_s)[u"email"_s].toString(), u"bob@shop.test"_s);
    QCOMPARE(created->value(u"agent"_s)[u"role"_s].toString(), u"agent"_s);
    QVERIFY(admin.waitForType(u"team_changed"_s));
    const auto twice = admin.request(QJsonObject{
        {u"type"_s, u"create_agent"_s}, {u"email"_s, u"bob@shop.test"_s}, {u"password"_s, u"another long password"_s}});
    QVERIFY(twice);
    QCOMPARE(twice->value(u"code"_s).toString(), u"conflict"_s);
    const auto weak = admin.request(
        QJsonObject{{u"type"_s, u"create_agent"_s}, {u"email"_s, u"eve@shop.test"_s}, {u"password"_s, u"short"_s}});
    QVERIFY(weak);
    QCOMPARE(weak->value(u"code"_s).toString(), u"invalid_field"_s);

    JsonSocket bob;
    const auto bobSnapshot = connectAs(bob, u"bob@shop.test"_s, u"bob's long password"_s);
    QVERIFY(bobSnapshot);
    QVERIFY(!bobSnapshot->value(u"site"_s).toObject().contains(u"identitySecret"_s)); // not for agents
    const qint64 bobId = qint64(created->value(u"agent"_s)[u"id"_s].toDouble());
    const auto forbidden = bob.request(QJsonObject{{u"type"_s, u"delete_agent"_s}, {u"agentId"_s, 1}});
    QVERIFY(forbidden);
    QCOMPARE(forbidden->value(u"code"_s).toString(), u"forbidden"_s);

    const auto list = bob.request(QJsonObject{{u"type"_s, u"list_agents"_s}});
    QVERIFY(list);
    QCOMPARE(list->value(u"agents"_s).toArray().size(), 2);

    // Bob changes his own password; the admin resets it again.
    const auto wrongCurrent = bob.request(
        QJsonObject{{u"type"_s, u"change_password"_s}, {u"current"_s, u"guess"_s}, {u"password"_s, u"a new long password"_s}});
    QVERIFY(wrongCurrent);
    QCOMPARE(wrongCurrent->value(u"code"_s).toString(), u"invalid_credentials"_s);
    const auto changed = bob.request(QJsonObject{
        {u"type"_s, u"change_password"_s}, {u"current"_s, u"bob's long password"_s}, {u"password"_s, u"a new long password"_s}});
    QVERIFY(changed);
    QCOMPARE(typeOf(*changed), u"result"_s);
    const HttpAnswer oldLogin
        = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                          QJsonObject{{u"email"_s, u"bob@shop.test"_s}, {u"password"_s, u"bob's long password"_s}});
    QCOMPARE(oldLogin.status, 401);
    const auto reset = admin.request(QJsonObject{
        {u"type"_s, u"set_agent_password"_s}, {u"agentId"_s, double(bobId)}, {u"password"_s, u"reset by the admin"_s}});
    QVERIFY(reset);
    QCOMPARE(typeOf(*reset), u"result"_s);

    const auto self = admin.request(QJsonObject{{u"type"_s, u"delete_agent"_s}, {u"agentId"_s, 1}});
    QVERIFY(self);
    QCOMPARE(self->value(u"code"_s).toString(), u"conflict"_s);
    const auto deleted = admin.request(QJsonObject{{u"type"_s, u"delete_agent"_s}, {u"agentId"_s, double(bobId)}});
    QVERIFY(deleted);
    QCOMPARE(typeOf(*deleted), u"result"_s);
    const HttpAnswer goneLogin
        = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                          QJsonObject{{u"email"_s, u"bob@shop.test"_s}, {u"password"_s, u"reset by the admin"_s}});
    QCOMPARE(goneLogin.status, 401);
}

void tst_Team::transferMovesTheConversation()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const auto created = admin.request(QJsonObject{{u"type"_s, u"create_agent"_s},
                                                   {u"email"_s, u"carol@shop.test"_s},
                                                   {u"name"_s, u"Carol"_s},
                                                   {u"password"_s, u"carol's password"_s}});
    QVERIFY(created);
    const double carolId = created->value(u"agent"_s)[u"id"_s].toDouble();

    JsonSocket visitor;
    QVERIFY(visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
    QVERIFY(visitor.request(QJsonObject{{u"type"_s, u"hello"_s}}));
    visitor.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"c"_s}, {u"body"_s, u"billing question"_s}});
    const auto ack = visitor.waitForType(u"ack"_s);
    QVERIFY(ack);
    const double conversationId = ack->value(u"conversationId"_s).toDouble();
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, conversationId}}));

    const auto moved
        = admin.request(QJsonObject{{u"type"_s, u"transfer"_s}, {u"conversationId"_s, conversationId}, {u"agentId"_s, carolId}});
    QVERIFY(moved);
    QCOMPARE(moved->value(u"conversation"_s)[u"agentName"_s].toString(), u"Carol"_s);
    const auto joined = visitor.waitFor(
        [](const QJsonObject &f) { return f.value(u"type"_s) == u"agent_joined"_s && f.value(u"agentName"_s) == u"Carol"_s; });
    QVERIFY(joined);
    const auto line = visitor.waitFor([](const QJsonObject &f) {
        return f.value(u"type"_s) == u"message"_s && f.value(u"message"_s)[u"body"_s].toString().contains(u"transferred"_s);
    });
    QVERIFY(line);

    const auto nobody
        = admin.request(QJsonObject{{u"type"_s, u"transfer"_s}, {u"conversationId"_s, conversationId}, {u"agentId"_s, 999}});
    QVERIFY(nobody);
    QCOMPARE(nobody->value(u"code"_s).toString(), u"not_found"_s);
}

void tst_Team::siteSettingsAreValidatedAndShared()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    // A new site chimes when an agent replies to a visitor whose tab is hidden.
    const auto before = admin.request(QJsonObject{{u"type"_s, u"get_site"_s}});
    QVERIFY(before);
    QCOMPARE(before->value(u"site"_s)[u"widget"_s][u"replySound"_s], QJsonValue(true));
    const QJsonObject widget{
        {u"title"_s, u"Talk to Shop"_s}, {u"color"_s, u"#0f766e"_s}, {u"ratingEnabled"_s, false}, {u"replySound"_s, false}};
    const auto updated
        = admin.request(QJsonObject{{u"type"_s, u"update_site"_s},
                                    {u"name"_s, u"Shop"_s},
                                    {u"allowedOrigins"_s, QJsonArray{u"https://Shop.example:443/"_s, u"http://shop.test"_s}},
                                    {u"widget"_s, widget}});
    QVERIFY(updated);
    QCOMPARE(typeOf(*updated), u"result"_s);
    QCOMPARE(updated->value(u"site"_s)[u"allowedOrigins"_s].toArray(),
             (QJsonArray{u"https://shop.example"_s, u"http://shop.test"_s}));
    const auto broadcast = admin.waitForType(u"site_updated"_s);
    QVERIFY(broadcast);
    QVERIFY(!broadcast->value(u"site"_s).toObject().contains(u"identitySecret"_s));

    // The widget's config endpoint serves it at once, to the newly allowed origin.
    const HttpAnswer config
        = m_http.get(m_server->httpUrl(u"/v1/sites/%1/config"_s.arg(m_server->siteKey())), {{"Origin", "https://shop.example"}});
    QCOMPARE(config.status, 200);
    QCOMPARE(config.json.value(u"widget"_s)[u"title"_s].toString(), u"Talk to Shop"_s);
    QCOMPARE(config.json.value(u"widget"_s)[u"replySound"_s], QJsonValue(false));

    // The switches are booleans: the widget would read the string "false" as on.
    for (const QString &key : {u"replySound"_s, u"ratingEnabled"_s}) {
        const auto badSwitch = admin.request(
            QJsonObject{{u"type"_s, u"update_site"_s}, {u"name"_s, u"Renamed"_s}, {u"widget"_s, QJsonObject{{key, u"false"_s}}}});
        QVERIFY(badSwitch);
        QCOMPARE(badSwitch->value(u"code"_s).toString(), u"invalid_field"_s);
        QCOMPARE(badSwitch->value(u"message"_s).toString(), u"The widget setting \"%1\" must be true or false."_s.arg(key));
    }

    const auto badOrigin
        = admin.request(QJsonObject{{u"type"_s, u"update_site"_s}, {u"allowedOrigins"_s, QJsonArray{u"shop"_s}}});
    QVERIFY(badOrigin);
    QCOMPARE(badOrigin->value(u"code"_s).toString(), u"invalid_field"_s);
    const auto got = admin.request(QJsonObject{{u"type"_s, u"get_site"_s}});
    QVERIFY(got);
    QCOMPARE(got->value(u"site"_s)[u"name"_s].toString(), u"Shop"_s); // the refused update changed nothing

    // With ratings off, a visitor cannot rate.
    JsonSocket visitor;
    QVERIFY(visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
    QVERIFY(visitor.request(QJsonObject{{u"type"_s, u"hello"_s}}));
    const auto rate = visitor.request(QJsonObject{{u"type"_s, u"rate"_s}, {u"rating"_s, 5}});
    QVERIFY(rate);
    QCOMPARE(rate->value(u"code"_s).toString(), u"forbidden"_s);
}

void tst_Team::cannedResponsesAreShared()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const auto saved = admin.request(
        QJsonObject{{u"type"_s, u"save_canned"_s}, {u"shortcut"_s, u"/hours"_s}, {u"body"_s, u"We're open 9 to 5."_s}});
    QVERIFY(saved);
    QCOMPARE(saved->value(u"canned"_s)[u"shortcut"_s].toString(), u"hours"_s);
    QVERIFY(admin.waitForType(u"canned_changed"_s));
    const double cannedId = saved->value(u"canned"_s)[u"id"_s].toDouble();
    const auto taken
        = admin.request(QJsonObject{{u"type"_s, u"save_canned"_s}, {u"shortcut"_s, u"hours"_s}, {u"body"_s, u"x"_s}});
    QVERIFY(taken);
    QCOMPARE(taken->value(u"code"_s).toString(), u"conflict"_s);
    const auto badShortcut
        = admin.request(QJsonObject{{u"type"_s, u"save_canned"_s}, {u"shortcut"_s, u"a b"_s}, {u"body"_s, u"x"_s}});
    QVERIFY(badShortcut);
    QCOMPARE(badShortcut->value(u"code"_s).toString(), u"invalid_field"_s);
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"save_canned"_s},
                                      {u"cannedId"_s, cannedId},
                                      {u"shortcut"_s, u"hours"_s},
                                      {u"body"_s, u"We're open 8 to 6."_s}}));
    const auto list = admin.request(QJsonObject{{u"type"_s, u"list_canned"_s}});
    QVERIFY(list);
    QCOMPARE(list->value(u"canned"_s).toArray().size(), 1);
    QCOMPARE(list->value(u"canned"_s).toArray().first()[u"body"_s].toString(), u"We're open 8 to 6."_s);
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"delete_canned"_s}, {u"cannedId"_s, cannedId}}));
    const auto gone = admin.request(QJsonObject{{u"type"_s, u"delete_canned"_s}, {u"cannedId"_s, cannedId}});
    QVERIFY(gone);
    QCOMPARE(gone->value(u"code"_s).toString(), u"not_found"_s);
}

void tst_Team::historySearchFindsClosedChats()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    JsonSocket visitor;
    QVERIFY(visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
    QVERIFY(visitor.request(QJsonObject{{u"type"_s, u"hello"_s}}));
    visitor.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"c"_s}, {u"body"_s, u"Where is my parcel 4711?"_s}});
    const auto ack = visitor.waitForType(u"ack"_s);
    QVERIFY(ack);
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, ack->value(u"conversationId"_s)}}));

    const auto found = admin.request(QJsonObject{{u"type"_s, u"search"_s}, {u"text"_s, u"parcel"_s}});
    QVERIFY(found);
    QCOMPARE(found->value(u"conversations"_s).toArray().size(), 1);
    const auto none = admin.request(QJsonObject{{u"type"_s, u"search"_s}, {u"text"_s, u"refund"_s}});
    QVERIFY(none);
    QCOMPARE(none->value(u"conversations"_s).toArray().size(), 0);
}

double tst_Team::closedChat(JsonSocket &admin, const QString &name, const QString &email, const QString &body)
{
    JsonSocket visitor;
    if (!visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin)
        || !visitor.request(QJsonObject{{u"type"_s, u"hello"_s}}))
        return 0;
    const auto profile = visitor.request(QJsonObject{{u"type"_s, u"profile"_s}, {u"name"_s, name}, {u"email"_s, email}});
    if (!profile || typeOf(*profile) != u"ok"_s)
        return 0;
    visitor.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"c"_s}, {u"body"_s, body}});
    const auto ack = visitor.waitForType(u"ack"_s);
    if (!ack)
        return 0;
    const double conversationId = ack->value(u"conversationId"_s).toDouble();
    const auto closed = admin.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, conversationId}});
    return closed && typeOf(*closed) == u"result"_s ? conversationId : 0;
}

// Search must not depend on the backend: case folding beyond ASCII, emoji,
// the LIKE wildcards and the escape character, quotes and backslashes, and the
// order of the results (newest closed first, ties by the newer conversation).
void tst_Team::historySearchMatchesTheSameOnBothBackends()
{
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    const double german = closedChat(admin, u"Jürgen Groß"_s, u"juergen@beispiel.de"_s, u"Ärger mit der Lieferung!"_s);
    const double russian = closedChat(admin, u"Ольга"_s, u"olga@example.ru"_s, u"ПРИВЕТ, где мой заказ?"_s);
    const double party = closedChat(admin, u"Zoë"_s, u"zoe@example.com"_s, u"Party 🎉 at 100% off"_s);
    const double file = closedChat(admin, u"Dev"_s, u"dev@example.com"_s, u"It's C:\\temp\\file_name.txt, café"_s);
    QVERIFY(german && russian && party && file);

    struct Case {
        QString term;
        QList<double> found; // newest closed first
    };
    const QList<Case> cases{
        {u"ärger"_s, {german}},
        {u"ÄRGER"_s, {german}},
        {u"jÜrgen"_s, {german}}, // the visitor's name
        {u"groß"_s, {german}},
        {u"привет"_s, {russian}},
        {u"ОЛЬГА"_s, {russian}},
        {u"🎉"_s, {party}},
        {u"🎉 AT"_s, {party}},
        {u"ZOË"_s, {party}},
        {u"100%"_s, {party}},
        {u"%"_s, {party}}, // a literal percent sign, not "anything"
        {u"1_0"_s, {}}, // a literal underscore, not "any one character"
        {u"e_n"_s, {file}},
        {u"_"_s, {file}},
        {u"!"_s, {german}}, // the escape character itself
        {u"!!"_s, {}},
        {u"it's"_s, {file}},
        {u"c:\\temp"_s, {file}},
        {u"\\"_s, {file}},
        {u"CAFÉ"_s, {file}},
        {u"cafe"_s, {}}, // accents count
        {u"EXAMPLE.COM"_s, {file, party}}, // the visitor's email; newest closed first
        {u"o"_s, {file, party, russian, german}},
    };
    for (const Case &c : cases) {
        const auto answer = admin.request(QJsonObject{{u"type"_s, u"search"_s}, {u"text"_s, c.term}});
        QVERIFY(answer);
        QList<double> found;
        for (const QJsonValue &conversation : answer->value(u"conversations"_s).toArray())
            found.append(conversation[u"id"_s].toDouble());
        QVERIFY2(
            found == c.found,
            qPrintable(
                u"searching \"%1\" found %2 conversations, expected %3"_s.arg(c.term).arg(found.size()).arg(c.found.size())));
    }
}

QTEST_GUILESS_MAIN(tst_Team)
#include "tst_team.moc"
