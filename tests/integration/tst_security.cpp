// The server as an attacker meets it, over real sockets on SQLite and MariaDB:
// sessions that end when credentials change, password guessing counted when
// it starts, visitor floods, client ids per author, and retention.
#include "jsonsocket.h"
#include "protocol/wirecodec.h"
#include "store/store.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

QString typeOf(const QJsonObject &frame)
{
    return frame.value(u"type"_s).toString();
}

QString codeOf(const std::optional<QJsonObject> &frame)
{
    return frame ? frame->value(u"code"_s).toString() : u"(no answer)"_s;
}

template<typename T> T await(QFuture<T> future)
{
    QElapsedTimer clock;
    clock.start();
    while (!future.isFinished() && clock.elapsed() < 20'000)
        QTest::qWait(5);
    return future.result();
}

const QString bobEmail = u"bob@shop.test"_s;
const QString bobPassword = u"bob's long password"_s;

} // namespace

class tst_Security : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();

    void sessionsEndWhenCredentialsChange_data();
    void sessionsEndWhenCredentialsChange();
    void agentListsAndEndsOwnSessions();
    void logoutNeedsABearerAndEndsTheToken();
    void loginAttemptsAreCountedWhenTheyStart();
    void accountDelaysDoubleWithEachFailure();
    void addressIsBannedAfterTooManyFailures();
    void ownLoginBuysNoMoreGuesses();
    void changePasswordIsThrottled();
    void loginTakesOnlyJson();
    void visitorFloodIsRateLimitedAndLosesNothing();
    void newVisitorsPerAddressAreLimited();
    void frameFloodClosesTheConnection();
    void clientIdsAreUniquePerAuthor();
    void hostileTypesAreNotEchoedWhole();
    void retentionDeletesQuietVisitorsAndOldChats();

private:
    /// Starts the server with @p limits (the production defaults unless told).
    void startWith(const AbuseLimits &limits);
    /// Logs in over HTTP; the token, or empty.
    QString login(const QString &email, const QString &password);
    /// Authenticates @p socket with @p token; the snapshot, or the error frame.
    std::optional<QJsonObject> authenticate(JsonSocket &socket, const QString &token);
    /// Creates Bob (agent) through the admin socket.
    qint64 createBob(JsonSocket &admin);
    /// A visitor socket that said hello; the welcome.
    std::optional<QJsonObject> helloVisitor(JsonSocket &visitor, const QJsonObject &extra = {});
    /// Sends N login attempts at once over raw sockets; the HTTP statuses.
    QList<int> concurrentLogins(int count, const QString &email, const QString &password);
    /// One login over a raw socket bound to @p source (any 127.x.y.z is this machine).
    struct LoginAnswer {
        int status = 0;
        int retryAfterSeconds = 0;
    };
    LoginAnswer loginFrom(const QHostAddress &source, const QString &email, const QString &password);
    /// Tries until an attempt is not refused with 429 (refused ones are not counted, so
    /// this does not lengthen the wait); @p sentAt gets when the one that ran was sent.
    LoginAnswer loginOnceAllowed(const QHostAddress &source, const QString &email, const QString &password,
                                 const QElapsedTimer &clock, qint64 *sentAt, int timeoutMs);

    std::unique_ptr<TestServer> m_server;
    TestHttp m_http;
};

void tst_Security::initTestCase_data()
{
    addBackendRows();
}

void tst_Security::init()
{
    m_server = std::make_unique<TestServer>();
}

void tst_Security::cleanup()
{
    m_server.reset();
}

void tst_Security::startWith(const AbuseLimits &limits)
{
    QFETCH_GLOBAL(QString, backend);
    m_server->config().abuseLimits = limits;
    FRONTDESK_START_TEST_SERVER(*m_server, backend);
}

QString tst_Security::login(const QString &email, const QString &password)
{
    const HttpAnswer answer
        = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s), QJsonObject{{u"email"_s, email}, {u"password"_s, password}});
    return answer.json.value(u"token"_s).toString();
}

std::optional<QJsonObject> tst_Security::authenticate(JsonSocket &socket, const QString &token)
{
    if (!socket.isConnected() && !socket.open(m_server->wsUrl(u"/v1/agent"_s)))
        return std::nullopt;
    return socket.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}});
}

qint64 tst_Security::createBob(JsonSocket &admin)
{
    const auto created = admin.request(
        QJsonObject{{u"type"_s, u"create_agent"_s}, {u"email"_s, bobEmail}, {u"name"_s, u"Bob"_s}, {u"password"_s, bobPassword}});
    return created ? qint64(created->value(u"agent"_s)[u"id"_s].toDouble()) : 0;
}

std::optional<QJsonObject> tst_Security::helloVisitor(JsonSocket &visitor, const QJsonObject &extra)
{
    if (!visitor.isConnected()
        && !visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin))
        return std::nullopt;
    QJsonObject hello{{u"type"_s, u"hello"_s}, {u"v"_s, 1}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        hello.insert(it.key(), it.value());
    return visitor.request(hello);
}

QList<int> tst_Security::concurrentLogins(int count, const QString &email, const QString &password)
{
    const QByteArray body
        = QJsonDocument(QJsonObject{{u"email"_s, email}, {u"password"_s, password}}).toJson(QJsonDocument::Compact);
    const QByteArray request = "POST /v1/agent/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "Connection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < count; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_server->port());
        sockets.push_back(std::move(socket));
    }
    // Every request is on the wire before the first answer can come back.
    for (auto &socket : sockets) {
        if (socket->waitForConnected(5'000))
            socket->write(request);
    }
    QList<int> statuses;
    QElapsedTimer clock;
    clock.start();
    for (auto &socket : sockets) {
        while (socket->state() != QAbstractSocket::UnconnectedState && clock.elapsed() < 30'000)
            QTest::qWait(5);
        const QByteArray answer = socket->readAll();
        statuses.append(answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0);
    }
    return statuses;
}

tst_Security::LoginAnswer tst_Security::loginFrom(const QHostAddress &source, const QString &email, const QString &password)
{
    const QByteArray body
        = QJsonDocument(QJsonObject{{u"email"_s, email}, {u"password"_s, password}}).toJson(QJsonDocument::Compact);
    QTcpSocket socket;
    if (!socket.bind(source, 0))
        return {};
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    if (!socket.waitForConnected(10'000))
        return {};
    socket.write("POST /v1/agent/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Connection: close\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QByteArray answer;
    QElapsedTimer clock;
    clock.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && clock.elapsed() < 30'000) {
        QTest::qWait(5); // the server runs in this thread
        answer += socket.readAll();
    }
    answer += socket.readAll();
    LoginAnswer parsed;
    parsed.status = answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
    for (const QByteArray &line : answer.left(answer.indexOf("\r\n\r\n")).split('\n')) {
        if (line.toLower().startsWith("retry-after:"))
            parsed.retryAfterSeconds = line.mid(12).trimmed().toInt();
    }
    return parsed;
}

tst_Security::LoginAnswer tst_Security::loginOnceAllowed(const QHostAddress &source, const QString &email,
                                                         const QString &password, const QElapsedTimer &clock, qint64 *sentAt,
                                                         int timeoutMs)
{
    const qint64 deadline = clock.elapsed() + timeoutMs;
    LoginAnswer answer;
    do {
        if (answer.status == 429)
            QTest::qWait(50);
        *sentAt = clock.elapsed();
        answer = loginFrom(source, email, password);
    } while (answer.status == 429 && clock.elapsed() < deadline);
    return answer;
}

// --- Revocation ----------------------------------------------------------------

void tst_Security::sessionsEndWhenCredentialsChange_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("firstEnds"); // Bob's first console, the one that acts itself in some cases
    QTest::addColumn<QString>("reason");
    QTest::newRow("logout over HTTP") << u"http_logout"_s << false << u"logged_out"_s;
    QTest::newRow("logout command") << u"socket_logout"_s << false << u"logged_out"_s;
    QTest::newRow("end another session") << u"end_session"_s << false << u"ended"_s;
    QTest::newRow("own password change") << u"change_password"_s << false << u"password_changed"_s;
    QTest::newRow("admin resets the password") << u"set_agent_password"_s << true << u"password_reset"_s;
    QTest::newRow("admin disables the agent") << u"set_agent_disabled"_s << true << u"disabled"_s;
    QTest::newRow("admin deletes the agent") << u"delete_agent"_s << true << u"deleted"_s;
}

void tst_Security::sessionsEndWhenCredentialsChange()
{
    QFETCH(QString, action);
    QFETCH(bool, firstEnds);
    QFETCH(QString, reason);
    startWith(m_server->config().abuseLimits); // the generous test limits: this is not about throttling

    JsonSocket admin;
    QVERIFY(authenticate(admin, m_http.loginAdmin(*m_server)));
    const qint64 bobId = createBob(admin);
    QVERIFY(bobId > 0);

    // Bob has two consoles open: the first acts, the second is the one that must go.
    const QString firstToken = login(bobEmail, bobPassword);
    const QString secondToken = login(bobEmail, bobPassword);
    JsonSocket first;
    JsonSocket second;
    const auto firstSnapshot = authenticate(first, firstToken);
    const auto secondSnapshot = authenticate(second, secondToken);
    QVERIFY(firstSnapshot && typeOf(*firstSnapshot) == u"snapshot");
    QVERIFY(secondSnapshot && typeOf(*secondSnapshot) == u"snapshot");
    const QString secondSession = secondSnapshot->value(u"sessionId"_s).toString();
    QVERIFY(!secondSession.isEmpty());

    if (action == u"http_logout") {
        const HttpAnswer out
            = m_http.post(m_server->httpUrl(u"/v1/agent/logout"_s), {}, {{"Authorization", "Bearer " + secondToken.toLatin1()}});
        QCOMPARE(out.status, 204);
    } else if (action == u"socket_logout") {
        second.send(QJsonObject{{u"type"_s, u"logout"_s}});
    } else if (action == u"end_session") {
        const auto ended = first.request(QJsonObject{{u"type"_s, u"end_session"_s}, {u"sessionId"_s, secondSession}});
        QVERIFY(ended && typeOf(*ended) == u"result");
    } else if (action == u"change_password") {
        const auto changed = first.request(QJsonObject{
            {u"type"_s, u"change_password"_s}, {u"current"_s, bobPassword}, {u"password"_s, u"bob's new long password"_s}});
        QVERIFY2(changed && typeOf(*changed) == u"result", qPrintable(codeOf(changed)));
    } else if (action == u"set_agent_password") {
        const auto reset = admin.request(QJsonObject{
            {u"type"_s, u"set_agent_password"_s}, {u"agentId"_s, double(bobId)}, {u"password"_s, u"reset by the admin"_s}});
        QVERIFY2(reset && typeOf(*reset) == u"result", qPrintable(codeOf(reset)));
    } else if (action == u"set_agent_disabled") {
        const auto disabled = admin.request(
            QJsonObject{{u"type"_s, u"set_agent_disabled"_s}, {u"agentId"_s, double(bobId)}, {u"disabled"_s, true}});
        QVERIFY2(disabled && typeOf(*disabled) == u"result", qPrintable(codeOf(disabled)));
    } else {
        const auto deleted = admin.request(QJsonObject{{u"type"_s, u"delete_agent"_s}, {u"agentId"_s, double(bobId)}});
        QVERIFY2(deleted && typeOf(*deleted) == u"result", qPrintable(codeOf(deleted)));
    }

    // The revoked console hears why, and its socket closes: the server pushes both
    // as part of the change (no polling, no timer), so waiting for them is enough.
    const auto ended = second.waitForType(u"session_ended"_s, 10'000);
    QVERIFY(ended);
    QCOMPARE(ended->value(u"reason"_s).toString(), reason);
    QVERIFY(second.waitForDisconnected(10'000));
    QCOMPARE(int(second.closeCode()), WireLimits::sessionEndedCloseCode);

    // Its token authenticates nothing any more.
    JsonSocket again;
    const auto refused = authenticate(again, secondToken);
    QVERIFY(refused);
    QCOMPARE(codeOf(refused), u"invalid_token"_s);

    // The first console ends too when the account itself changed, and lives on otherwise.
    if (firstEnds) {
        QVERIFY(first.waitForDisconnected(2'000));
        JsonSocket third;
        QCOMPARE(codeOf(authenticate(third, firstToken)), u"invalid_token"_s);
    } else {
        QVERIFY(first.isConnected());
        const auto listed = first.request(QJsonObject{{u"type"_s, u"list_agents"_s}});
        QVERIFY(listed && typeOf(*listed) == u"result");
    }
    if (action == u"set_agent_disabled") {
        const HttpAnswer answer = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                                                  QJsonObject{{u"email"_s, bobEmail}, {u"password"_s, bobPassword}});
        QCOMPARE(answer.status, 401);
    }
    QVERIFY(admin.isConnected()); // nobody else was touched
}

void tst_Security::agentListsAndEndsOwnSessions()
{
    startWith(m_server->config().abuseLimits);
    JsonSocket admin;
    QVERIFY(authenticate(admin, m_http.loginAdmin(*m_server)));
    QVERIFY(createBob(admin) > 0);
    JsonSocket first;
    JsonSocket second;
    QVERIFY(authenticate(first, login(bobEmail, bobPassword)));
    const auto secondSnapshot = authenticate(second, login(bobEmail, bobPassword));
    QVERIFY(secondSnapshot);

    const auto listed = first.request(QJsonObject{{u"type"_s, u"list_sessions"_s}});
    QVERIFY(listed && typeOf(*listed) == u"result");
    const QJsonArray sessions = listed->value(u"sessions"_s).toArray();
    QCOMPARE(sessions.size(), 2);
    int current = 0;
    for (const QJsonValue &session : sessions) {
        current += session[u"current"_s].toBool() ? 1 : 0;
        QVERIFY(session[u"lastUsedAt"_s].toDouble() > 0);
        QCOMPARE(session[u"address"_s].toString(), u"127.0.0.1"_s);
        QVERIFY(!session[u"id"_s].toString().isEmpty());
    }
    QCOMPARE(current, 1);

    // Nobody ends another agent's session, and the current one ends only by logging out.
    const auto adminTries
        = admin.request(QJsonObject{{u"type"_s, u"end_session"_s}, {u"sessionId"_s, secondSnapshot->value(u"sessionId"_s)}});
    QCOMPARE(codeOf(adminTries), u"not_found"_s);
    QVERIFY(second.isConnected());
    const auto own
        = second.request(QJsonObject{{u"type"_s, u"end_session"_s}, {u"sessionId"_s, secondSnapshot->value(u"sessionId"_s)}});
    QCOMPARE(codeOf(own), u"conflict"_s);
}

void tst_Security::logoutNeedsABearerAndEndsTheToken()
{
    startWith(m_server->config().abuseLimits);
    const QUrl logout = m_server->httpUrl(u"/v1/agent/logout"_s);
    const HttpAnswer anonymous = m_http.post(logout, {});
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.json.value(u"error"_s)[u"code"_s].toString(), u"not_authenticated"_s);
    const HttpAnswer basic = m_http.post(logout, {}, {{"Authorization", "Basic YWRtaW46YWRtaW4="}});
    QCOMPARE(basic.status, 401);

    // A token with no socket open: logging out ends it all the same.
    const QString token = m_http.loginAdmin(*m_server);
    QVERIFY(!token.isEmpty());
    const QString other = m_http.loginAdmin(*m_server);
    QCOMPARE(m_http.post(logout, {}, {{"Authorization", "Bearer " + token.toLatin1()}}).status, 204);
    JsonSocket refused;
    QCOMPARE(codeOf(authenticate(refused, token)), u"invalid_token"_s);
    // Logging out again, or with a token nobody has, says the same and reveals nothing.
    QCOMPARE(m_http.post(logout, {}, {{"Authorization", "Bearer " + token.toLatin1()}}).status, 204);
    QCOMPARE(m_http.post(logout, {}, {{"Authorization", "Bearer not-a-token"}}).status, 204);
    // The other session of the same agent lives on.
    JsonSocket still;
    const auto snapshot = authenticate(still, other);
    QVERIFY(snapshot);
    QCOMPARE(typeOf(*snapshot), u"snapshot"_s);
}

// --- Password guessing -------------------------------------------------------

void tst_Security::loginAttemptsAreCountedWhenTheyStart()
{
    // The real counts with a delay long enough that it cannot run out while 30
    // password hashes are checked on a loaded machine before the last request.
    AbuseLimits limits;
    limits.loginBaseDelayMs = 10 * 60 * 1000;
    startWith(limits);
    const QList<int> statuses = concurrentLogins(30, TestServer::adminEmail, u"wrong guess"_s);
    const int evaluated = int(statuses.count(401));
    const int refused = int(statuses.count(429));
    // The account allows 3 free failures, the address 5: nothing near 30 was evaluated.
    QVERIFY2(evaluated <= AbuseLimits{}.loginFreeFailuresPerAccount,
             qPrintable(u"%1 of 30 concurrent guesses were checked"_s.arg(evaluated)));
    QCOMPARE(evaluated + refused, 30);

    const HttpAnswer blocked
        = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                          QJsonObject{{u"email"_s, TestServer::adminEmail}, {u"password"_s, TestServer::adminPassword}});
    QCOMPARE(blocked.status, 429);
    QCOMPARE(blocked.json.value(u"error"_s)[u"code"_s].toString(), u"rate_limited"_s);
    QVERIFY(blocked.header("Retry-After").toInt() >= 1);
}

void tst_Security::accountDelaysDoubleWithEachFailure()
{
    AbuseLimits limits;
    limits.loginFreeFailuresPerAccount = 1;
    // Longer than a password check on a loaded machine, so the attempt right
    // after a failure still meets its delay: 3 s, 6 s, 12 s.
    limits.loginBaseDelayMs = 3'000;
    limits.loginFreeFailuresPerAddress = 1'000; // only the account counts here
    limits.loginBanFailuresPerAddress = 10'000;
    startWith(limits);
    JsonSocket admin;
    QVERIFY(authenticate(admin, m_http.loginAdmin(*m_server)));
    QVERIFY(createBob(admin) > 0);

    const QHostAddress here(QHostAddress::LocalHost);
    QElapsedTimer clock;
    clock.start();
    // Each failure's wait counts from when it began, which is after this was taken.
    qint64 failureSent = clock.elapsed();
    QCOMPARE(loginFrom(here, TestServer::adminEmail, u"wrong guess"_s).status, 401);
    for (const int delaySeconds : {3, 6, 12}) {
        const LoginAnswer refused = loginFrom(here, TestServer::adminEmail, u"wrong guess"_s);
        QVERIFY2(
            refused.status == 429,
            qPrintable(
                u"HTTP %1 %2 ms into a %3 s delay"_s.arg(refused.status).arg(clock.elapsed() - failureSent).arg(delaySeconds)));
        // Whole seconds, rounded up, of what is left of the delay (the check itself took some).
        QVERIFY2(refused.retryAfterSeconds >= 1 && refused.retryAfterSeconds <= delaySeconds,
                 qPrintable(u"Retry-After %1 during a %2 s delay"_s.arg(refused.retryAfterSeconds).arg(delaySeconds)));
        // Even the right password waits: the guesser must not learn it is right.
        QCOMPARE(loginFrom(here, TestServer::adminEmail, TestServer::adminPassword).status, 429);
        // Another account from the same address is not held up.
        QVERIFY(!login(bobEmail, bobPassword).isEmpty());
        if (delaySeconds == 12) {
            // The third delay is not waited out: that it is longer than the second is enough.
            QVERIFY2(refused.retryAfterSeconds > 6, qPrintable(u"Retry-After %1"_s.arg(refused.retryAfterSeconds)));
            break;
        }
        // The next attempt that runs is the next failure; it ran no earlier than the delay.
        qint64 probeSent = 0;
        const LoginAnswer ran
            = loginOnceAllowed(here, TestServer::adminEmail, u"wrong guess"_s, clock, &probeSent, delaySeconds * 1'000 + 15'000);
        QCOMPARE(ran.status, 401);
        QVERIFY2(clock.elapsed() - failureSent >= delaySeconds * 1'000,
                 qPrintable(u"an attempt ran %1 ms after a failure that set a %2 s delay"_s.arg(clock.elapsed() - failureSent)
                                .arg(delaySeconds)));
        failureSent = probeSent;
    }
}

void tst_Security::addressIsBannedAfterTooManyFailures()
{
    AbuseLimits limits;
    limits.loginFreeFailuresPerAddress = 2;
    limits.loginBanFailuresPerAddress = 4;
    limits.loginBaseDelayMs = 0; // the ban is under test, not the delays before it
    limits.loginBanMs = 4'000; // longer than a password check on a loaded machine
    limits.loginFreeFailuresPerAccount = 1'000; // a different account each time: only the address counts
    startWith(limits);

    const QHostAddress attacker(u"127.0.0.1"_s);
    QElapsedTimer sinceBan;
    for (int i = 0; i < limits.loginBanFailuresPerAddress; ++i) {
        sinceBan.start(); // the ban counts from when the last failure began, which is after this
        QCOMPARE(loginFrom(attacker, u"guess%1@shop.test"_s.arg(i), u"wrong guess"_s).status, 401);
    }

    // Banned: every account, the right password too, for the ban's length.
    const LoginAnswer banned = loginFrom(attacker, TestServer::adminEmail, TestServer::adminPassword);
    QCOMPARE(banned.status, 429);
    QVERIFY2(banned.retryAfterSeconds >= 1 && banned.retryAfterSeconds <= 4,
             qPrintable(QString::number(banned.retryAfterSeconds)));
    // Another address (127.0.0.2 is this machine too) is not banned.
    const LoginAnswer elsewhere = loginFrom(QHostAddress(u"127.0.0.2"_s), TestServer::adminEmail, TestServer::adminPassword);
    QCOMPARE(elsewhere.status, 200);

    // After the ban, one attempt runs; the address stays marked, so the next waits a ban again.
    qint64 sent = 0;
    const LoginAnswer after = loginOnceAllowed(attacker, TestServer::adminEmail, TestServer::adminPassword, sinceBan, &sent,
                                               limits.loginBanMs + 15'000);
    QCOMPARE(after.status, 200);
    QVERIFY2(sinceBan.elapsed() >= limits.loginBanMs, qPrintable(u"the ban lasted %1 ms"_s.arg(sinceBan.elapsed())));
    QCOMPARE(loginFrom(attacker, u"guess@shop.test"_s, u"wrong guess"_s).status, 429);
}

void tst_Security::ownLoginBuysNoMoreGuesses()
{
    AbuseLimits limits;
    limits.loginFreeFailuresPerAccount = 1'000; // only the address counts here
    limits.loginBaseDelayMs = 10 * 60 * 1000; // no delay runs out between two requests, however slow the machine
    startWith(limits);
    JsonSocket admin;
    QVERIFY(authenticate(admin, m_http.loginAdmin(*m_server)));
    QVERIFY(createBob(admin) > 0);

    // Four guesses at the admin, one own login, again and again: the guesses add up.
    int guessesChecked = 0;
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < 4; ++i) {
            const HttpAnswer guess = m_http.postJson(
                m_server->httpUrl(u"/v1/agent/login"_s),
                QJsonObject{{u"email"_s, TestServer::adminEmail}, {u"password"_s, u"guess %1"_s.arg(round * 4 + i)}});
            guessesChecked += guess.status == 401 ? 1 : 0;
        }
        (void)login(bobEmail, bobPassword);
    }
    QVERIFY2(guessesChecked <= limits.loginFreeFailuresPerAddress, qPrintable(u"%1 guesses were checked"_s.arg(guessesChecked)));
}

void tst_Security::changePasswordIsThrottled()
{
    AbuseLimits limits;
    limits.loginBaseDelayMs = 10 * 60 * 1000; // no delay runs out between two requests, however slow the machine
    startWith(limits);
    JsonSocket admin;
    QVERIFY(authenticate(admin, m_http.loginAdmin(*m_server)));
    int wrong = 0;
    std::optional<QJsonObject> answer;
    for (int i = 0; i < 10; ++i) {
        answer = admin.request(QJsonObject{
            {u"type"_s, u"change_password"_s}, {u"current"_s, u"guess %1"_s.arg(i)}, {u"password"_s, u"a new long password"_s}});
        if (codeOf(answer) != u"invalid_credentials")
            break;
        ++wrong;
    }
    QCOMPARE(wrong, AbuseLimits{}.loginFreeFailuresPerAccount);
    QCOMPARE(codeOf(answer), u"rate_limited"_s);
    QVERIFY(answer->value(u"retryAfterMs"_s).toDouble() >= 1);
}

void tst_Security::loginTakesOnlyJson()
{
    startWith(AbuseLimits{});
    const QByteArray body = R"({"email":"admin@shop.test","password":"correct horse battery"})";
    // A page elsewhere can POST text/plain without a CORS preflight: that must not reach the password check.
    const HttpAnswer plain = m_http.post(m_server->httpUrl(u"/v1/agent/login"_s), body, {{"Content-Type", "text/plain"}});
    QCOMPARE(plain.status, 415);
    QCOMPARE(plain.json.value(u"error"_s)[u"code"_s].toString(), u"unsupported_media_type"_s);
    const HttpAnswer json
        = m_http.post(m_server->httpUrl(u"/v1/agent/login"_s), body, {{"Content-Type", "application/json; charset=utf-8"}});
    QCOMPARE(json.status, 200);
}

// --- Visitor floods ------------------------------------------------------------

void tst_Security::visitorFloodIsRateLimitedAndLosesNothing()
{
    AbuseLimits limits;
    limits.frameBurst = 1'000; // the message bucket is under test, not the frame bucket
    limits.framesPerSecond = 1'000;
    limits.refusedFramesBeforeClose = 10'000;
    startWith(limits);
    JsonSocket flooder;
    QVERIFY(helloVisitor(flooder));
    for (int i = 0; i < 200; ++i)
        flooder.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"f%1"_s.arg(i)}, {u"body"_s, u"spam"_s}});
    int acked = 0;
    int limited = 0;
    double retryAfterMs = 0;
    QElapsedTimer clock;
    clock.start();
    while (acked + limited < 200 && clock.elapsed() < 20'000) {
        const auto frame
            = flooder.waitFor([](const QJsonObject &f) { return typeOf(f) == u"ack" || (typeOf(f) == u"error"); }, 5'000);
        if (!frame)
            break;
        if (typeOf(*frame) == u"ack") {
            ++acked;
        } else {
            QCOMPARE(frame->value(u"code"_s).toString(), u"rate_limited"_s);
            retryAfterMs = frame->value(u"retryAfterMs"_s).toDouble();
            ++limited;
        }
    }
    QCOMPARE(acked + limited, 200);
    QVERIFY2(acked >= limits.visitorMessageBurst && acked <= limits.visitorMessageBurst + 3,
             qPrintable(u"%1 of 200 acknowledged"_s.arg(acked)));
    QVERIFY(retryAfterMs >= 1 && retryAfterMs <= 1'000 / limits.visitorMessagesPerSecond);

    // Another visitor is not affected.
    JsonSocket other;
    QVERIFY(helloVisitor(other));
    other.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"o1"_s}, {u"body"_s, u"hello"_s}});
    QVERIFY(other.waitForType(u"ack"_s));

    // A refused message is not lost: sent again after the wait, it is stored once.
    QTest::qWait(int(retryAfterMs) + 50);
    const auto resent
        = flooder.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"f199"_s}, {u"body"_s, u"spam"_s}});
    QVERIFY(resent);
    QCOMPARE(typeOf(*resent), u"ack"_s);
    QCOMPARE(resent->value(u"duplicate"_s).toBool(), false);
}

void tst_Security::newVisitorsPerAddressAreLimited()
{
    AbuseLimits limits;
    limits.newVisitorBurst = 5;
    startWith(limits);
    QString returningId;
    QString returningToken;
    int welcomed = 0;
    int limited = 0;
    for (int i = 0; i < 8; ++i) {
        JsonSocket visitor;
        const auto answer = helloVisitor(visitor);
        QVERIFY(answer);
        if (typeOf(*answer) == u"welcome") {
            ++welcomed;
            returningId = answer->value(u"visitorId"_s).toString();
            returningToken = answer->value(u"token"_s).toString();
        } else {
            QCOMPARE(codeOf(answer), u"rate_limited"_s);
            QVERIFY(answer->value(u"retryAfterMs"_s).toDouble() > 0);
            ++limited;
        }
    }
    QCOMPARE(welcomed, 5);
    QCOMPARE(limited, 3);
    // A visitor who exists already comes back whatever the count.
    JsonSocket returning;
    const auto back = helloVisitor(returning, {{u"visitorId"_s, returningId}, {u"token"_s, returningToken}});
    QVERIFY(back);
    QCOMPARE(typeOf(*back), u"welcome"_s);
}

void tst_Security::frameFloodClosesTheConnection()
{
    AbuseLimits limits;
    limits.frameBurst = 5;
    limits.framesPerSecond = 1;
    limits.refusedFramesBeforeClose = 20;
    startWith(limits);
    JsonSocket visitor;
    QVERIFY(helloVisitor(visitor));
    for (int i = 0; i < 100; ++i)
        visitor.send(QJsonObject{{u"type"_s, u"typing"_s}, {u"active"_s, true}});
    QVERIFY(visitor.waitForDisconnected(5'000));
    QCOMPARE(visitor.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    int limited = 0;
    for (const QJsonObject &frame : visitor.frames())
        limited += frame.value(u"code"_s).toString() == u"rate_limited" ? 1 : 0;
    QCOMPARE(limited, limits.refusedFramesBeforeClose);
}

// --- Client ids ------------------------------------------------------------------

void tst_Security::clientIdsAreUniquePerAuthor()
{
    startWith(m_server->config().abuseLimits);
    JsonSocket admin;
    QVERIFY(authenticate(admin, m_http.loginAdmin(*m_server)));
    QVERIFY(createBob(admin) > 0);
    JsonSocket bob;
    QVERIFY(authenticate(bob, login(bobEmail, bobPassword)));

    JsonSocket visitor;
    QVERIFY(helloVisitor(visitor));
    const auto visitorAck = visitor.request(
        QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"same-id"_s}, {u"body"_s, u"from the visitor"_s}});
    QVERIFY(visitorAck && typeOf(*visitorAck) == u"ack");
    const double conversationId = visitorAck->value(u"conversationId"_s).toDouble();
    QVERIFY(conversationId > 0);
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, conversationId}}));

    const auto reply = [&](JsonSocket &agent, const QString &body) {
        return agent.request(QJsonObject{
            {u"type"_s, u"reply"_s}, {u"conversationId"_s, conversationId}, {u"clientId"_s, u"same-id"_s}, {u"body"_s, body}});
    };
    const auto adminAck = reply(admin, u"from the admin"_s);
    QVERIFY(adminAck && typeOf(*adminAck) == u"ack");
    QCOMPARE(adminAck->value(u"duplicate"_s).toBool(), false);
    const auto bobAck = reply(bob, u"from Bob"_s);
    QVERIFY(bobAck && typeOf(*bobAck) == u"ack");
    QCOMPARE(bobAck->value(u"duplicate"_s).toBool(), false);
    // Each author's resend is still a resend.
    const auto adminAgain = reply(admin, u"from the admin"_s);
    QCOMPARE(adminAgain->value(u"duplicate"_s).toBool(), true);
    QCOMPARE(adminAgain->value(u"messageId"_s), adminAck->value(u"messageId"_s));
    const auto visitorAgain = visitor.request(
        QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"same-id"_s}, {u"body"_s, u"from the visitor"_s}});
    QCOMPARE(visitorAgain->value(u"duplicate"_s).toBool(), true);
    QCOMPARE(visitorAgain->value(u"messageId"_s), visitorAck->value(u"messageId"_s));

    const auto history = admin.request(QJsonObject{{u"type"_s, u"history"_s}, {u"conversationId"_s, conversationId}});
    QVERIFY(history);
    QStringList bodies;
    for (const QJsonValue &message : history->value(u"messages"_s).toArray()) {
        if (message[u"clientId"_s].toString() == u"same-id")
            bodies.append(message[u"body"_s].toString());
    }
    QCOMPARE(bodies, (QStringList{u"from the visitor"_s, u"from the admin"_s, u"from Bob"_s}));
}

void tst_Security::hostileTypesAreNotEchoedWhole()
{
    startWith(m_server->config().abuseLimits);
    JsonSocket visitor;
    QVERIFY(helloVisitor(visitor));
    const QString type = u"forged\nfrontdesk.chat: agent admin logged in "_s + QString(60'000, u'x');
    const auto refused = visitor.request(QJsonObject{{u"type"_s, type}});
    QVERIFY(refused);
    QCOMPARE(codeOf(refused), u"unknown_type"_s);
    const QString sentence = refused->value(u"message"_s).toString();
    QVERIFY2(sentence.size() < 300, qPrintable(u"%1 characters"_s.arg(sentence.size())));
    QVERIFY(!sentence.contains(u'\n'));
}

// --- Retention -------------------------------------------------------------------

void tst_Security::retentionDeletesQuietVisitorsAndOldChats()
{
    startWith(m_server->config().abuseLimits);
    Store *store = m_server->server()->store();
    JsonSocket quiet;
    const auto quietWelcome = helloVisitor(quiet);
    QVERIFY(quietWelcome);
    JsonSocket writer;
    const auto writerWelcome = helloVisitor(writer);
    QVERIFY(writerWelcome);
    const auto ack = writer.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"w1"_s}, {u"body"_s, u"hello"_s}});
    QVERIFY(ack && typeOf(*ack) == u"ack");
    const qint64 conversationId = qint64(ack->value(u"conversationId"_s).toDouble());
    quiet.close();
    writer.close();

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 day = 24LL * 3600 * 1000;
    // Thirty days on: the visitor who never wrote goes, the one who wrote stays.
    const auto first = await(store->visitorData().purge(now + 30 * day, now + 30 * day));
    QVERIFY2(first.ok(), qPrintable(first.message));
    QCOMPARE(first.value.visitors, 1);
    QCOMPARE(await(store->visitors().visitorById(quietWelcome->value(u"visitorId"_s).toString())).error, StoreError::NotFound);
    QVERIFY(await(store->visitors().visitorById(writerWelcome->value(u"visitorId"_s).toString())).ok());

    // Closed conversations go only where the site asks for it, and only when old enough.
    JsonSocket admin;
    QVERIFY(authenticate(admin, m_http.loginAdmin(*m_server)));
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, double(conversationId)}}));
    QCOMPARE(await(store->visitorData().purge(0, now + 400 * day)).value.conversations, 0); // retention off by default
    SiteRecord site = m_server->server()->sites().all().first();
    site.closedRetentionDays = 7;
    QVERIFY(await(store->sites().updateSite(site)).ok());
    QCOMPARE(await(store->visitorData().purge(0, now + 6 * day)).value.conversations, 0);
    QCOMPARE(await(store->visitorData().purge(0, now + 8 * day)).value.conversations, 1);
    QCOMPARE(await(store->conversations().conversationById(conversationId)).error, StoreError::NotFound);
}

QTEST_GUILESS_MAIN(tst_Security)
#include "tst_security.moc"
