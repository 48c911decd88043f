// Crashes at the worst moment: the real `frontdesk --headless` binary is
// SIGKILLed at random moments while dozens of visitors and a few agents each
// have a window of unacknowledged messages in flight, and restarted on the
// same database and port; the clients reconnect, resume and resend. MariaDB
// itself is SIGKILLed mid-write too. At the end every message is counted, in
// the database and through the protocol: each one a client sent is stored
// exactly once, under the id its acknowledgement named.
//
// The kill points come from a seed, printed at the start; set
// FRONTDESK_CRASH_SEED to run the same kill points again.
#include "frontdeskprocess.h"
#include "jsonsocket.h"
#include "resendingagent.h"
#include "resendingvisitor.h"
#include "sentledger.h"
#include "testdatabase.h"
#include "testmariadbserver.h"
#include "testserver.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int Visitors = 30;
constexpr int VisitorWindow = 4;
constexpr int MessagesPerVisitor = 20;
constexpr int Agents = 3;
constexpr int AgentWindow = 3;
constexpr int RepliesPerAgent = 40;
constexpr int ServerKills = 4;
constexpr int DatabaseKills = 2;
const QString AgentPassword = u"crash test agent password"_s;

/// One message row, as the database or the agent's `history` has it.
struct StoredMessage {
    qint64 id = 0;
    qint64 conversationId = 0;
    QString author; ///< "visitor", "agent" or "system"
    qint64 authorAgentId = 0;
    QString visitorId; ///< the conversation's visitor
    QString clientId;
    QString body;
};

/// The load: visitors and agents writing through the crashes, all counted in one ledger.
class ChatLoad
{
public:
    ChatLoad(const FrontdeskProcess &server, quint32 seed) : m_server(server), m_seed(seed) { }

    /// Logs the agents in (once: their sessions outlive every restart) and starts everybody.
    bool start(QString *error)
    {
        for (int i = 0; i < Agents; ++i) {
            const HttpAnswer login = m_http.postJson(m_server.httpUrl(u"/v1/agent/login"_s),
                                                     QJsonObject{{u"email"_s, agentEmail(i)}, {u"password"_s, AgentPassword}});
            const QString token = login.json.value(u"token"_s).toString();
            if (token.isEmpty()) {
                *error = u"agent %1 could not log in: %2 %3"_s.arg(agentEmail(i))
                             .arg(login.status)
                             .arg(QString::fromUtf8(login.body));
                return false;
            }
            m_tokens.append(token);
            m_agents.push_back(std::make_unique<ResendingAgent>(m_server.wsUrl(u"/v1/agent"_s), token,
                                                                qint64(login.json.value(u"agent"_s)[u"id"_s].toDouble()),
                                                                &m_ledger, AgentWindow, RepliesPerAgent, m_seed + quint32(i)));
        }
        for (int i = 0; i < Visitors; ++i)
            m_visitors.push_back(std::make_unique<ResendingVisitor>(m_server.wsUrl(u"/v1/visitor?site="_s + m_server.siteKey()),
                                                                    TestServer::allowedOrigin, &m_ledger, VisitorWindow,
                                                                    MessagesPerVisitor));
        for (const auto &visitor : m_visitors)
            visitor->start();
        for (const auto &agent : m_agents)
            agent->start();
        return true;
    }

    void stop()
    {
        for (const auto &visitor : m_visitors)
            visitor->stop();
        for (const auto &agent : m_agents)
            agent->stop();
    }

    [[nodiscard]] bool isDone() const
    {
        return std::all_of(m_visitors.begin(), m_visitors.end(), [](const auto &v) { return v->isDone(); })
            && std::all_of(m_agents.begin(), m_agents.end(), [](const auto &a) { return a->isDone(); });
    }

    [[nodiscard]] static int totalMessages() { return Visitors * MessagesPerVisitor + Agents * RepliesPerAgent; }
    [[nodiscard]] static QString agentEmail(int i) { return u"agent%1@shop.test"_s.arg(i + 1); }
    [[nodiscard]] SentLedger &ledger() { return m_ledger; }
    [[nodiscard]] QString agentToken() const { return m_tokens.value(0); }
    [[nodiscard]] const std::vector<std::unique_ptr<ResendingVisitor>> &visitors() const { return m_visitors; }

private:
    const FrontdeskProcess &m_server;
    quint32 m_seed;
    TestHttp m_http;
    SentLedger m_ledger;
    QStringList m_tokens;
    std::vector<std::unique_ptr<ResendingVisitor>> m_visitors;
    std::vector<std::unique_ptr<ResendingAgent>> m_agents;
};

quint32 crashSeed()
{
    static const quint32 seed = [] {
        bool ok = false;
        const quint32 given = qEnvironmentVariable("FRONTDESK_CRASH_SEED").toUInt(&ok);
        return ok ? given : QRandomGenerator::system()->generate();
    }();
    return seed;
}

// The limits a real site would set for one visitor per address; here 30
// visitors share 127.0.0.1, and the load is what is being tested.
QStringList loadLimits()
{
    return {u"--allow-origin"_s, QString::fromLatin1(TestServer::allowedOrigin),
            u"--limit"_s,        u"visitor-message-burst=100000"_s,
            u"--limit"_s,        u"visitor-messages-per-second=100000"_s,
            u"--limit"_s,        u"frame-burst=100000"_s,
            u"--limit"_s,        u"frames-per-second=100000"_s,
            u"--limit"_s,        u"new-visitor-burst=100000"_s,
            u"--limit"_s,        u"new-visitors-per-minute=100000"_s};
}

bool createAgents(FrontdeskProcess &server, QString *error)
{
    QProcessEnvironment env;
    env.insert(u"FRONTDESK_AGENT_PASSWORD"_s, AgentPassword);
    for (int i = 0; i < Agents; ++i) {
        QString output;
        const QString email = ChatLoad::agentEmail(i);
        if (server.runCommand({u"--create-agent"_s, email, u"--name"_s, u"Agent %1"_s.arg(i + 1)}, env, &output) != 0) {
            *error = u"--create-agent %1 failed: %2"_s.arg(email, output);
            return false;
        }
    }
    return true;
}

/// The acknowledgement count at which kill number @p kill (0-based) of
/// @p kills falls: a random point in its own slice of the first three fifths
/// of the run. Slices keep the kills spread through the run, and stopping at
/// three fifths leaves room for the acknowledgements that arrive between
/// reaching the point and the kill itself (on a slow machine, a hundred or
/// more), so the last kill still finds messages in flight. Never before
/// @p acknowledged: the server must have served again since the last crash.
int killPoint(QRandomGenerator &random, int kill, int kills, int acknowledged)
{
    const int span = ChatLoad::totalMessages() * 3 / 5;
    const int point = span * kill / kills + 1 + int(random.bounded(quint32(span / kills)));
    return std::max(point, acknowledged + 1);
}

bool readDatabase(const DatabaseConfig &config, QList<StoredMessage> *rows, QString *error)
{
    const QString name = u"crash-count-%1"_s.arg(QRandomGenerator::global()->generate());
    bool ok = false;
    {
        const bool sqlite = config.kind == DatabaseConfig::Kind::Sqlite;
        QSqlDatabase db = QSqlDatabase::addDatabase(sqlite ? u"QSQLITE"_s : u"QMARIADB"_s, name);
        if (sqlite) {
            db.setDatabaseName(config.sqlitePath);
        } else {
            db.setHostName(config.host);
            db.setPort(config.port);
            db.setUserName(config.user);
            db.setPassword(config.password);
            db.setDatabaseName(config.databaseName);
        }
        if (!db.open()) {
            *error = u"Could not open %1: %2"_s.arg(config.displayUrl(), db.lastError().text());
        } else {
            QSqlQuery query(db);
            ok = query.exec(u"SELECT m.id, m.conversation_id, m.author_kind, m.author_agent_id, c.visitor_id, m.client_id, m.body"
                            " FROM messages m JOIN conversations c ON c.id = m.conversation_id ORDER BY m.id"_s);
            if (!ok)
                *error = u"Could not read the messages: %1"_s.arg(query.lastError().text());
            while (ok && query.next()) {
                rows->append(StoredMessage{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                                           query.value(3).toLongLong(), query.value(4).toString(), query.value(5).toString(),
                                           query.value(6).toString()});
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

/// Every open conversation and all its messages, as an agent sees them:
/// the snapshot names the conversations, `history` pages through each.
bool readThroughProtocol(const FrontdeskProcess &server, const QString &token, QList<StoredMessage> *rows, QString *error)
{
    JsonSocket agent;
    if (!agent.open(server.wsUrl(u"/v1/agent"_s))) {
        *error = u"the counting agent could not connect"_s;
        return false;
    }
    const auto snapshot = agent.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}}, 30'000);
    if (!snapshot || snapshot->value(u"type"_s) != u"snapshot"_s) {
        *error = u"the counting agent got no snapshot"_s;
        return false;
    }
    const QJsonArray conversations = snapshot->value(u"conversations"_s).toArray();
    for (const QJsonValue &conversation : conversations) {
        const double conversationId = conversation[u"id"_s].toDouble();
        const QString visitorId = conversation[u"visitorId"_s].toString();
        double before = 0;
        for (;;) {
            const auto page = agent.request(
                QJsonObject{
                    {u"type"_s, u"history"_s}, {u"conversationId"_s, conversationId}, {u"before"_s, before}, {u"limit"_s, 200}},
                30'000);
            if (!page || page->value(u"type"_s) != u"result"_s) {
                *error = u"history of conversation %1 failed"_s.arg(conversationId);
                return false;
            }
            const QJsonArray messages = page->value(u"messages"_s).toArray();
            if (messages.isEmpty())
                break;
            for (const QJsonValue &message : messages) {
                rows->append(StoredMessage{qint64(message[u"id"_s].toDouble()), qint64(message[u"conversationId"_s].toDouble()),
                                           message[u"author"_s].toString(), qint64(message[u"authorAgentId"_s].toDouble()),
                                           visitorId, message[u"clientId"_s].toString(), message[u"body"_s].toString()});
            }
            before = messages.first()[u"id"_s].toDouble();
        }
    }
    agent.close();
    return true;
}

/// What is wrong with @p rows as the store of everything in @p ledger:
/// each sent message stored exactly once, as acknowledged, and nothing else.
QStringList exactlyOnceProblems(const SentLedger &ledger, const QList<StoredMessage> &rows, const QString &where)
{
    QStringList problems;
    QHash<QString, QList<StoredMessage>> byClientId;
    for (const StoredMessage &row : rows) {
        if (row.clientId.isEmpty())
            problems.append(u"%1: message %2 (%3) has no client id"_s.arg(where).arg(row.id).arg(row.author));
        else
            byClientId[row.clientId].append(row);
    }
    for (const SentLedger::Entry &entry : ledger.entries()) {
        const QList<StoredMessage> stored = byClientId.take(entry.clientId);
        if (entry.acks == 0)
            problems.append(u"%1: %2 was never acknowledged (sent %3 times)"_s.arg(where, entry.clientId).arg(entry.sends));
        if (stored.isEmpty()) {
            problems.append(u"%1: %2 (%3) is missing%4"_s.arg(
                where, entry.clientId, entry.body,
                entry.acks > 0 ? u", though acknowledged as message %1"_s.arg(entry.messageId) : QString()));
            continue;
        }
        if (stored.size() > 1) {
            problems.append(u"%1: %2 is stored %3 times"_s.arg(where, entry.clientId).arg(stored.size()));
            continue;
        }
        const StoredMessage &row = stored.first();
        if (entry.acks > 0 && row.id != entry.messageId)
            problems.append(u"%1: %2 was acknowledged as message %3 but is stored as %4"_s.arg(where, entry.clientId)
                                .arg(entry.messageId)
                                .arg(row.id));
        if (row.conversationId != entry.conversationId)
            problems.append(u"%1: %2 is in conversation %3, not %4"_s.arg(where, entry.clientId)
                                .arg(row.conversationId)
                                .arg(entry.conversationId));
        if (row.body != entry.body)
            problems.append(
                u"%1: %2 is stored with the body \"%3\", not \"%4\""_s.arg(where, entry.clientId, row.body, entry.body));
        const QString author
            = row.author == u"agent"_s ? u"agent:%1"_s.arg(row.authorAgentId) : u"%1:%2"_s.arg(row.author, row.visitorId);
        if (author != entry.author)
            problems.append(u"%1: %2 is stored as written by %3, not %4"_s.arg(where, entry.clientId, author, entry.author));
    }
    for (auto it = byClientId.begin(); it != byClientId.end(); ++it)
        problems.append(u"%1: %2 is stored (%3 times) but no client sent it"_s.arg(where, it.key()).arg(it.value().size()));
    return problems;
}

/// Every message stored in a visitor's conversation has reached it: live, or
/// through `after` when it resumed.
QStringList undeliveredToVisitors(const ChatLoad &load, const QList<StoredMessage> &rows)
{
    QStringList problems;
    for (const auto &visitor : load.visitors()) {
        for (const StoredMessage &row : rows) {
            if (row.visitorId == visitor->visitorId() && !visitor->heldMessageIds().contains(row.id))
                problems.append(u"visitor %1 never got message %2 (%3)"_s.arg(visitor->visitorId()).arg(row.id).arg(row.author));
        }
    }
    return problems;
}

QString firstOf(const QStringList &problems)
{
    return u"%1 problems, the first: %2"_s.arg(problems.size()).arg(problems.mid(0, 15).join(u"; "_s));
}

/// Runs the event loop until @p condition holds, at most @p timeoutMs. Not
/// QTRY_*: on failure those wait twice as long again to report how late the
/// condition came true, which here would run past the test function's
/// watchdog and end in a crash instead of a message.
bool eventually(const std::function<bool()> &condition, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

QString healthOf(const FrontdeskProcess &server)
{
    TestHttp http;
    return http.get(server.httpUrl(u"/healthz"_s)).json.value(u"status"_s).toString();
}

} // namespace

class tst_CrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void initTestCase_data();
    void serverKilledWithAcksInFlightLosesNothing();
    void mariaDbKilledMidWriteLosesNothing();

private:
    /// Waits for the load to finish, then counts it in the database and through the protocol.
    void verifyEverythingStoredOnce(ChatLoad &load, FrontdeskProcess &server, const DatabaseConfig &database);
};

void tst_CrashRecovery::initTestCase()
{
    qInfo("FRONTDESK_CRASH_SEED=%u (set it to repeat these kill points)", crashSeed());
}

void tst_CrashRecovery::initTestCase_data()
{
    addBackendRows();
}

void tst_CrashRecovery::verifyEverythingStoredOnce(ChatLoad &load, FrontdeskProcess &server, const DatabaseConfig &database)
{
    SentLedger &ledger = load.ledger();
    QVERIFY2(eventually([&] { return load.isDone(); }, 90'000),
             qPrintable(u"the clients did not get every message acknowledged: "_s + ledger.summary() + u"; "_s
                        + firstOf(ledger.problems())));
    QVERIFY2(ledger.problems().isEmpty(), qPrintable(firstOf(ledger.problems())));
    qInfo().noquote() << ledger.summary();

    QList<StoredMessage> stored;
    QString error;
    QVERIFY2(readDatabase(database, &stored, &error), qPrintable(error));
    // Acks go out before the events of the same commit reach other sockets:
    // wait for those, then every visitor must hold its whole conversation.
    QVERIFY2(eventually([&] { return undeliveredToVisitors(load, stored).isEmpty(); }, 30'000),
             qPrintable(firstOf(undeliveredToVisitors(load, stored))));
    load.stop();

    QList<StoredMessage> told;
    QVERIFY2(readThroughProtocol(server, load.agentToken(), &told, &error), qPrintable(error));
    const QStringList throughProtocol = exactlyOnceProblems(ledger, told, u"history"_s);
    QVERIFY2(throughProtocol.isEmpty(), qPrintable(firstOf(throughProtocol)));

    // A clean stop after all those crashes, then the rows as they are on disk.
    QVERIFY2(server.stop(&error), qPrintable(error));
    stored.clear();
    QVERIFY2(readDatabase(database, &stored, &error), qPrintable(error));
    const QStringList inDatabase = exactlyOnceProblems(ledger, stored, u"database"_s);
    QVERIFY2(inDatabase.isEmpty(), qPrintable(firstOf(inDatabase)));
    QCOMPARE(stored.size(), ChatLoad::totalMessages());
}

void tst_CrashRecovery::serverKilledWithAcksInFlightLosesNothing()
{
    QFETCH_GLOBAL(QString, backend);
    TestDatabase database; // outlives the server: it drops a MariaDB database last
    switch (database.prepare(backend)) {
    case TestDatabase::Status::Ready:
        break;
    case TestDatabase::Status::Skip:
        QSKIP(qPrintable(database.errorString()));
    case TestDatabase::Status::Unavailable:
        QFAIL(qPrintable(database.errorString()));
    }
    FrontdeskProcess server(QStringLiteral(FRONTDESK_BINARY), database.config().displayUrl(), database.config().password);
    server.setServerArguments(loadLimits());
    QString error;
    QVERIFY2(createAgents(server, &error), qPrintable(error));
    QVERIFY2(server.start(&error), qPrintable(error));

    QRandomGenerator random(crashSeed() ^ quint32(qHash(backend)));
    ChatLoad load(server, random.generate());
    QVERIFY2(load.start(&error), qPrintable(error));
    SentLedger &ledger = load.ledger();
    for (int kill = 0; kill < ServerKills; ++kill) {
        const int point = killPoint(random, kill, ServerKills, ledger.acknowledged());
        QVERIFY2(eventually([&] { return ledger.acknowledged() >= point; }, 60'000), qPrintable(ledger.summary()));
        QVERIFY2(eventually([&] { return ledger.inFlight() > 0; }, 30'000), qPrintable(ledger.summary()));
        server.kill();
        const int acknowledged = ledger.acknowledged();
        const int inFlight = ledger.markCrash();
        qInfo("SIGKILL after %d acknowledgements, with %d messages in flight", acknowledged, inFlight);
        QVERIFY2(server.start(&error), qPrintable(error));
    }
    verifyEverythingStoredOnce(load, server, database.config());
}

void tst_CrashRecovery::mariaDbKilledMidWriteLosesNothing()
{
    QFETCH_GLOBAL(QString, backend);
    if (backend != u"mariadb"_s)
        QSKIP("SQLite lives inside the server process: the server's own kills cover it");
    if (qEnvironmentVariable("FRONTDESK_TEST_MARIADB") == u"skip"_s)
        QSKIP("MariaDB tests skipped (FRONTDESK_TEST_MARIADB=skip)");

    TestMariaDbServer mariadb;
    QString error;
    QVERIFY2(mariadb.start(&error), qPrintable(error));
    const DatabaseConfig database = mariadb.config(u"frontdesk_crash"_s);
    FrontdeskProcess server(QStringLiteral(FRONTDESK_BINARY), database.displayUrl(), database.password);
    server.setServerArguments(loadLimits());
    QVERIFY2(createAgents(server, &error), qPrintable(error));
    QVERIFY2(server.start(&error), qPrintable(error));

    QRandomGenerator random(crashSeed() ^ 0x6d61726961u);
    ChatLoad load(server, random.generate());
    QVERIFY2(load.start(&error), qPrintable(error));
    SentLedger &ledger = load.ledger();
    for (int kill = 0; kill < DatabaseKills; ++kill) {
        const int point = killPoint(random, kill, DatabaseKills, ledger.acknowledged());
        QVERIFY2(eventually([&] { return ledger.acknowledged() >= point; }, 60'000), qPrintable(ledger.summary()));
        QVERIFY2(eventually([&] { return ledger.inFlight() > 0; }, 30'000), qPrintable(ledger.summary()));
        const int failedBefore = ledger.errorCount(u"storage_failed"_s);
        mariadb.kill();
        const int acknowledged = ledger.acknowledged();
        const int inFlight = ledger.markCrash();
        qInfo("SIGKILL of mariadbd after %d acknowledgements, with %d messages in flight", acknowledged, inFlight);

        // While it is down the server says so, and refuses writes instead of hanging them...
        QVERIFY(eventually([&] { return healthOf(server) == u"storage_unavailable"_s; }, 30'000));
        QVERIFY(eventually([&] { return ledger.errorCount(u"storage_failed"_s) > failedBefore; }, 30'000));
        // ...and once it is back, finds it again by itself.
        QVERIFY2(mariadb.restart(&error), qPrintable(error));
        QVERIFY2(eventually([&] { return healthOf(server) == u"ok"_s; }, 30'000), qPrintable(server.log().right(3000)));
        QVERIFY(server.isRunning());
    }
    verifyEverythingStoredOnce(load, server, database);
}

QTEST_GUILESS_MAIN(tst_CrashRecovery)
#include "tst_crashrecovery.moc"
