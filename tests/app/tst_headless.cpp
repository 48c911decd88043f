// The real `frontdesk` binary, headless: first start, a scripted visitor/agent
// round trip over loopback (on SQLite and on the runner's MariaDB), SIGTERM
// with everything committed, a second start on the same data, --create-agent,
// and bad command lines.
#include "jsonsocket.h"
#include "testdatabase.h"

#include "store/store.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class tst_Headless : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void firstStartRoundTripAndCleanStop_data();
    void firstStartRoundTripAndCleanStop();
    void createAgentFromTheCommandLine();
    void servesTlsOnTheSamePort_data();
    void servesTlsOnTheSamePort();
    void mariaDbPasswordComesFromTheSecretStore();
    void badCommandLinesAreRefused_data();
    void badCommandLinesAreRefused();
    void listLimitsShowsWhatLimitSets();
    void configFileSetsWhatTheCommandLineOverrides();
    void checkConfigReportsEachProblemWithItsLine();
    void publicUrlIsCheckedAndShown();

private:
    /// Writes @p text to a configuration file in the test's home; returns its path.
    QString writeConfig(const QByteArray &text);
    /// Runs frontdesk to completion with @p arguments.
    struct Finished {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Finished run(const QStringList &arguments);
    /// Starts frontdesk --headless on an ephemeral port; returns its URL.
    /// @p extraEnvironment is added to environment().
    QUrl startServer(QProcess &process, const QStringList &extraArguments = {}, const QProcessEnvironment &extraEnvironment = {});
    QProcessEnvironment environment() const;
    QJsonObject postJson(const QUrl &url, const QJsonObject &body, const QByteArray &origin = {});

    std::unique_ptr<QTemporaryDir> m_home;
    QNetworkAccessManager m_network;
};

void tst_Headless::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

QProcessEnvironment tst_Headless::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_s, m_home->path());
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.remove(u"QT_QPA_PLATFORM"_s);
    return env;
}

QUrl tst_Headless::startServer(QProcess &process, const QStringList &extraArguments, const QProcessEnvironment &extraEnvironment)
{
    QProcessEnvironment env = environment();
    env.insert(extraEnvironment);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FRONTDESK_BINARY),
                  QStringList{u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--allow-origin"_s, u"http://shop.test"_s}
                      + extraArguments);
    if (!process.waitForStarted(10'000))
        return {};
    const QRegularExpression listening(u"^listening on (https?://\\S+)$"_s, QRegularExpression::MultilineOption);
    QByteArray out;
    QDeadlineTimer deadline(30'000);
    while (!deadline.hasExpired() && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        out += process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch())
            return QUrl(match.captured(1));
    }
    qWarning().noquote() << "frontdesk did not report listening:" << out << process.readAllStandardError();
    return {};
}

QJsonObject tst_Headless::postJson(const QUrl &url, const QJsonObject &body, const QByteArray &origin)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!origin.isEmpty())
        request.setRawHeader("Origin", origin);
    QNetworkReply *reply = m_network.post(request, QJsonDocument(body).toJson());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30'000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

void tst_Headless::firstStartRoundTripAndCleanStop_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s; // the default: a file in the user's data folder
    QTest::newRow("mariadb") << u"mariadb"_s; // --database mariadb://..., FRONTDESK_DB_PASSWORD
}

void tst_Headless::firstStartRoundTripAndCleanStop()
{
    QFETCH(QString, backend);
    // Declared before the processes, so it is dropped after they are gone.
    TestDatabase database;
    QStringList databaseArguments;
    QProcessEnvironment databaseEnvironment;
    if (backend == u"mariadb"_s) {
        const auto status = database.prepare(backend);
        if (status == TestDatabase::Status::Skip)
            QSKIP(qPrintable(database.errorString()));
        QVERIFY2(status == TestDatabase::Status::Ready, qPrintable(database.errorString()));
        databaseArguments = {u"--database"_s, database.config().displayUrl()};
        databaseEnvironment.insert(u"FRONTDESK_DB_PASSWORD"_s, database.config().password);
    }

    QProcess server;
    const QUrl url = startServer(server, databaseArguments, databaseEnvironment);
    QVERIFY(url.isValid());

    const QString log = QString::fromUtf8(server.readAllStandardError());
    const QRegularExpression adminLine(u"log in as (\\S+) with password (\\S+) "_s);
    const auto admin = adminLine.match(log);
    QVERIFY2(admin.hasMatch(), qPrintable(log));
    const QRegularExpression snippetLine(u"data-site-key=\"([a-z0-9]+)\""_s);
    const auto snippet = snippetLine.match(log);
    QVERIFY2(snippet.hasMatch(), qPrintable(log));
    const QString siteKey = snippet.captured(1);
    const QString expectedDatabase = backend == u"mariadb"_s ? database.config().displayUrl() : u"sqlite:"_s + m_home->path();
    QVERIFY2(log.contains(u"opening database "_s + expectedDatabase), qPrintable(log));

    // A scripted round trip: the agent logs in, a visitor writes, the agent answers.
    const QJsonObject login = postJson(url.resolved(QUrl(u"/v1/agent/login"_s)),
                                       QJsonObject{{u"email"_s, admin.captured(1)}, {u"password"_s, admin.captured(2)}});
    const QString token = login.value(u"token"_s).toString();
    QVERIFY2(!token.isEmpty(), QJsonDocument(login).toJson().constData());

    QUrl ws = url;
    ws.setScheme(u"ws"_s);
    JsonSocket agent;
    ws.setPath(u"/v1/agent"_s);
    QVERIFY(agent.open(ws));
    QVERIFY(agent.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}}));

    JsonSocket visitor;
    ws.setPath(u"/v1/visitor"_s);
    ws.setQuery(u"site="_s + siteKey);
    QVERIFY(visitor.open(ws, "http://shop.test"));
    const auto welcome = visitor.request(QJsonObject{{u"type"_s, u"hello"_s}});
    QVERIFY(welcome);
    visitor.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"c1"_s}, {u"body"_s, u"Hello from a script"_s}});
    const auto ack = visitor.waitForType(u"ack"_s);
    QVERIFY(ack);
    const auto incoming = agent.waitForType(u"message"_s);
    QVERIFY(incoming);
    const double conversationId = ack->value(u"conversationId"_s).toDouble();
    QVERIFY(agent.request(QJsonObject{{u"type"_s, u"reply"_s},
                                      {u"conversationId"_s, conversationId},
                                      {u"clientId"_s, u"a1"_s},
                                      {u"body"_s, u"Hello, script"_s}}));
    const auto reply = visitor.waitFor([](const QJsonObject &f) { return f.value(u"type"_s) == u"message"_s; });
    QVERIFY(reply);
    QCOMPARE(reply->value(u"message"_s)[u"body"_s].toString(), u"Hello, script"_s);

    // SIGTERM: a clean stop, exit code 0.
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(15'000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);

    // The data is there for the next start, which creates no second admin or site.
    QProcess again;
    const QUrl secondUrl = startServer(again, databaseArguments, databaseEnvironment);
    QVERIFY(secondUrl.isValid());
    const QString secondLog = QString::fromUtf8(again.readAllStandardError());
    QVERIFY2(!secondLog.contains(u"Created the"_s), qPrintable(secondLog));
    QVERIFY(secondLog.contains(siteKey));
    JsonSocket resumed;
    QUrl visitorUrl = secondUrl;
    visitorUrl.setScheme(u"ws"_s);
    visitorUrl.setPath(u"/v1/visitor"_s);
    visitorUrl.setQuery(u"site="_s + siteKey);
    QVERIFY(resumed.open(visitorUrl, "http://shop.test"));
    const auto back = resumed.request(QJsonObject{
        {u"type"_s, u"hello"_s}, {u"visitorId"_s, welcome->value(u"visitorId"_s)}, {u"token"_s, welcome->value(u"token"_s)}});
    QVERIFY(back);
    const QJsonArray history = back->value(u"messages"_s).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0)[u"body"_s].toString(), u"Hello from a script"_s);
    QCOMPARE(history.at(1)[u"body"_s].toString(), u"Hello, script"_s);
    ::kill(pid_t(again.processId()), SIGTERM);
    QVERIFY(again.waitForFinished(15'000));
    QCOMPARE(again.exitCode(), 0);

    // On MariaDB, the rows are really in the test's database.
    if (backend == u"mariadb"_s) {
        QStringList bodies;
        QString error;
        QVERIFY2(database.withConnection(
                     [&bodies](QSqlDatabase &db, QString *why) {
                         QSqlQuery query(db);
                         if (!query.exec(u"SELECT body FROM messages WHERE author_kind <> 'system' ORDER BY id"_s)) {
                             *why = query.lastError().text();
                             return false;
                         }
                         while (query.next())
                             bodies.append(query.value(0).toString());
                         return true;
                     },
                     &error),
                 qPrintable(error));
        QCOMPARE(bodies, (QStringList{u"Hello from a script"_s, u"Hello, script"_s}));
    }
}

void tst_Headless::createAgentFromTheCommandLine()
{
    const QString database = u"sqlite:"_s + m_home->filePath(u"agents.sqlite"_s);
    QProcess create;
    QProcessEnvironment env = environment();
    env.insert(u"FRONTDESK_AGENT_PASSWORD"_s, u"a long enough password"_s);
    create.setProcessEnvironment(env);
    create.start(QStringLiteral(FRONTDESK_BINARY),
                 {u"--database"_s, database, u"--create-agent"_s, u"Alice@Shop.test"_s, u"--name"_s, u"Alice"_s});
    QVERIFY(create.waitForFinished(30'000));
    QCOMPARE(create.exitCode(), 0);
    QVERIFY(create.readAllStandardOutput().contains("alice@shop.test"));

    // Twice is refused with a sentence, and a short password too.
    create.start(QStringLiteral(FRONTDESK_BINARY), {u"--database"_s, database, u"--create-agent"_s, u"alice@shop.test"_s});
    QVERIFY(create.waitForFinished(30'000));
    QCOMPARE(create.exitCode(), 1);
    QVERIFY(create.readAllStandardError().contains("exists already"));

    env.insert(u"FRONTDESK_AGENT_PASSWORD"_s, u"short"_s);
    create.setProcessEnvironment(env);
    create.start(QStringLiteral(FRONTDESK_BINARY), {u"--database"_s, database, u"--create-agent"_s, u"bob@shop.test"_s});
    QVERIFY(create.waitForFinished(30'000));
    QCOMPARE(create.exitCode(), 1);

    // The agent can log in to a server on that database.
    QProcess server;
    const QUrl url = startServer(server, {u"--database"_s, database});
    QVERIFY(url.isValid());
    const QJsonObject login
        = postJson(url.resolved(QUrl(u"/v1/agent/login"_s)),
                   QJsonObject{{u"email"_s, u"alice@shop.test"_s}, {u"password"_s, u"a long enough password"_s}});
    QCOMPARE(login.value(u"agent"_s)[u"name"_s].toString(), u"Alice"_s);
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(15'000));
}

void tst_Headless::servesTlsOnTheSamePort_data()
{
    // The openssl arguments that choose the key: both kinds certbot hands out.
    QTest::addColumn<QStringList>("keyArguments");
    QTest::newRow("rsa") << QStringList{u"-newkey"_s, u"rsa:2048"_s};
    QTest::newRow("ec p-256") << QStringList{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s};
}

void tst_Headless::servesTlsOnTheSamePort()
{
    QFETCH(QStringList, keyArguments);
    // A self-signed certificate made for this test.
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  QStringList{u"req"_s, u"-x509"_s} + keyArguments
                      + QStringList{u"-nodes"_s, u"-subj"_s, u"/CN=localhost"_s, u"-days"_s, u"1"_s, u"-keyout"_s,
                                    m_home->filePath(u"key.pem"_s), u"-out"_s, m_home->filePath(u"cert.pem"_s)});
    QVERIFY2(openssl.waitForFinished(60'000) && openssl.exitCode() == 0, "openssl could not make a test certificate");

    QProcess server;
    QUrl url
        = startServer(server, {u"--tls-cert"_s, m_home->filePath(u"cert.pem"_s), u"--tls-key"_s, m_home->filePath(u"key.pem"_s)});
    QVERIFY(url.isValid());
    QCOMPARE(url.scheme(), u"https"_s);

    // HTTPS on the port...
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    client.connectToHostEncrypted(url.host(), quint16(url.port()));
    QVERIFY2(client.waitForEncrypted(10'000), qPrintable(client.errorString()));
    client.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (client.waitForReadyRead(10'000))
        answer += client.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QVERIFY(answer.contains("\"status\":\"ok\""));

    // ...and WSS through the same listener.
    const QString log = QString::fromUtf8(server.readAllStandardError());
    const auto snippet = QRegularExpression(u"data-site-key=\"([a-z0-9]+)\""_s).match(log);
    QVERIFY2(snippet.hasMatch(), qPrintable(log));
    QUrl wss = url;
    wss.setScheme(u"wss"_s);
    wss.setPath(u"/v1/visitor"_s);
    wss.setQuery(u"site="_s + snippet.captured(1));
    JsonSocket visitor;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    visitor.socket().setSslConfiguration(tls);
    QVERIFY(visitor.open(wss, "http://shop.test"));
    const auto welcome = visitor.request(QJsonObject{{u"type"_s, u"hello"_s}});
    QVERIFY(welcome);
    QCOMPARE(welcome->value(u"type"_s).toString(), u"welcome"_s);

    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(15'000));
    QCOMPARE(server.exitCode(), 0);
}

void tst_Headless::mariaDbPasswordComesFromTheSecretStore()
{
    // tests/support/run-tests.sh provides the MariaDB server and the Secret Service.
    // A database of this test's own, dropped at the end (after the processes).
    TestDatabase testDatabase;
    const auto status = testDatabase.prepare(u"mariadb"_s);
    if (status == TestDatabase::Status::Skip)
        QSKIP(qPrintable(testDatabase.errorString()));
    QVERIFY2(status == TestDatabase::Status::Ready, qPrintable(testDatabase.errorString()));
    const QString database = testDatabase.config().displayUrl();
    const QString password = testDatabase.config().password;

    // Saved once, the way an operator would...
    QProcess store;
    QProcessEnvironment env = environment();
    env.insert(u"FRONTDESK_DB_PASSWORD"_s, password);
    store.setProcessEnvironment(env);
    store.start(QStringLiteral(FRONTDESK_BINARY), {u"--store-database-password"_s, u"--database"_s, database});
    QVERIFY(store.waitForFinished(30'000));
    QVERIFY2(store.exitCode() == 0, store.readAllStandardError().constData());

    // ...then the server finds it without the variable and without it on the command line.
    QProcess server;
    const QUrl started = startServer(server, {u"--database"_s, database});
    QVERIFY2(started.isValid(), "the server did not start on MariaDB with the password from the secret store");
    const QString log = QString::fromUtf8(server.readAllStandardError());
    QVERIFY(!log.contains(password));
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(15'000));
    QCOMPARE(server.exitCode(), 0);

    // A wrong password in the environment wins over the store and is refused with a sentence.
    QProcess wrong;
    QProcessEnvironment wrongEnv = environment();
    wrongEnv.insert(u"FRONTDESK_DB_PASSWORD"_s, u"not the password"_s);
    wrong.setProcessEnvironment(wrongEnv);
    wrong.start(QStringLiteral(FRONTDESK_BINARY), {u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--database"_s, database});
    QVERIFY(wrong.waitForFinished(30'000));
    QVERIFY(wrong.exitCode() != 0);
    QVERIFY(wrong.readAllStandardError().contains("Could not open the database"));
}

void tst_Headless::badCommandLinesAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("listen without port") << QStringList{u"--headless"_s, u"--listen"_s, u"localhost"_s} << u"HOST:PORT"_s;
    QTest::newRow("listen with bad host") << QStringList{u"--headless"_s, u"--listen"_s, u"example.com:80"_s} << u"IP address"_s;
    QTest::newRow("password in database URL")
        << QStringList{u"--headless"_s, u"--database"_s, u"mariadb://u:secret@127.0.0.1/db"_s} << u"FRONTDESK_DB_PASSWORD"_s;
    QTest::newRow("unknown database scheme")
        << QStringList{u"--headless"_s, u"--database"_s, u"postgres://x/y"_s} << u"database"_s;
    QTest::newRow("TLS key without certificate")
        << QStringList{u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--tls-key"_s, u"/nonexistent.pem"_s}
        << u"--tls-cert"_s;
    QTest::newRow("bad origin") << QStringList{u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--allow-origin"_s, u"shop"_s}
                                << u"--allow-origin"_s;
    QTest::newRow("ACME domain without a dot")
        << QStringList{u"--headless"_s, u"--acme-domain"_s, u"localhost"_s} << u"--acme-domain takes a DNS name"_s;
    QTest::newRow("ACME domain with a wildcard")
        << QStringList{u"--headless"_s, u"--acme-domain"_s, u"*.shop.example"_s} << u"no wildcard"_s;
    QTest::newRow("ACME and a certificate") << QStringList{u"--headless"_s,  u"--acme-domain"_s, u"chat.shop.example"_s,
                                                           u"--tls-cert"_s,  u"/etc/cert.pem"_s, u"--tls-key"_s,
                                                           u"/etc/key.pem"_s}
                                            << u"leave out --tls-cert"_s;
    QTest::newRow("ACME email without a domain")
        << QStringList{u"--headless"_s, u"--acme-email"_s, u"ops@shop.example"_s} << u"need --acme-domain"_s;
    QTest::newRow("ACME directory over http") << QStringList{u"--headless"_s, u"--acme-domain"_s, u"chat.shop.example"_s,
                                                             u"--acme-directory"_s, u"http://ca.example/dir"_s}
                                              << u"https:// directory URL"_s;
    QTest::newRow("ACME port out of range") << QStringList{u"--headless"_s, u"--acme-domain"_s, u"chat.shop.example"_s,
                                                           u"--acme-http-port"_s, u"70000"_s}
                                            << u"from 1 to 65535"_s;
    QTest::newRow("SMTP URL of another scheme")
        << QStringList{u"--headless"_s, u"--smtp-url"_s, u"http://mail.shop.example"_s} << u"smtp://HOST:PORT"_s;
    QTest::newRow("SMTP password in the URL")
        << QStringList{u"--headless"_s, u"--smtp-url"_s, u"smtp://u:pw@mail.shop.example"_s} << u"without a user or password"_s;
    QTest::newRow("SMTP without a From") << QStringList{u"--headless"_s, u"--smtp-url"_s, u"smtp://mail.shop.example"_s}
                                         << u"needs --smtp-from"_s;
    QTest::newRow("SMTP From of two addresses") << QStringList{u"--headless"_s, u"--smtp-url"_s, u"smtp://mail.shop.example"_s,
                                                               u"--smtp-from"_s, u"a@shop.example, b@shop.example"_s}
                                                << u"takes an address"_s;
    QTest::newRow("SMTP without TLS and a password over the network")
        << QStringList{u"--headless"_s,     u"--smtp-url"_s,         u"smtp://mail.shop.example"_s,
                       u"--smtp-from"_s,    u"c@shop.example"_s,     u"--smtp-user"_s,
                       u"c@shop.example"_s, u"--smtp-allow-plain"_s, u"true"_s}
        << u"unencrypted"_s;
    QTest::newRow("unknown limit") << QStringList{u"--headless"_s, u"--limit"_s, u"no-such-limit=3"_s}
                                   << u"no limit called \"no-such-limit\""_s;
    QTest::newRow("limit below its minimum")
        << QStringList{u"--headless"_s, u"--limit"_s, u"visitor-message-burst=0"_s} << u"at least 1"_s;
    QTest::newRow("limit without a value") << QStringList{u"--headless"_s, u"--limit"_s, u"frame-burst"_s} << u"NAME=VALUE"_s;
    QTest::newRow("fractional count") << QStringList{u"--headless"_s, u"--limit"_s, u"frame-burst=2.5"_s} << u"whole number"_s;
}

void tst_Headless::listLimitsShowsWhatLimitSets()
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(FRONTDESK_BINARY),
                  {u"--headless"_s, u"--limit"_s, u"visitor-message-burst=42"_s, u"--limit"_s, u"login-ban-ms=60000"_s,
                   u"--list-limits"_s});
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 0);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.contains(u"visitor-message-burst=42\t"_s), qPrintable(out));
    QVERIFY2(out.contains(u"login-ban-ms=60000\t"_s), qPrintable(out));
    QVERIFY2(out.contains(u"new-visitor-burst=30\t"_s), qPrintable(out)); // an untouched default
}

void tst_Headless::badCommandLinesAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, sentence);
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(FRONTDESK_BINARY), arguments);
    QVERIFY(process.waitForFinished(30'000));
    QVERIFY(process.exitCode() != 0);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(sentence, Qt::CaseInsensitive), qPrintable(error));
}

QString tst_Headless::writeConfig(const QByteArray &text)
{
    const QString path = m_home->filePath(u"frontdesk.conf"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text) != text.size())
        return {};
    return path;
}

tst_Headless::Finished tst_Headless::run(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(FRONTDESK_BINARY), arguments);
    Finished finished;
    if (!process.waitForFinished(30'000))
        return finished;
    finished.exitCode = process.exitCode();
    finished.out = QString::fromUtf8(process.readAllStandardOutput());
    finished.err = QString::fromUtf8(process.readAllStandardError());
    return finished;
}

void tst_Headless::configFileSetsWhatTheCommandLineOverrides()
{
    const QString path = writeConfig("; the service's settings\n"
                                     "[server]\n"
                                     "listen = 127.0.0.1:0\n"
                                     "trusted-proxy = 127.0.0.1, 10.0.0.0/8\n"
                                     "[limits]\n"
                                     "visitor-message-burst = 17\n"
                                     "login-ban-ms = 5000\n");
    QVERIFY(!path.isEmpty());
    const Finished listed = run({u"--headless"_s, u"--config"_s, path, u"--limit"_s, u"login-ban-ms=6000"_s, u"--list-limits"_s});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains(u"visitor-message-burst=17\t"_s), qPrintable(listed.out)); // from the file
    QVERIFY2(listed.out.contains(u"login-ban-ms=6000\t"_s), qPrintable(listed.out)); // the command line wins
    QVERIFY2(listed.out.contains(u"new-visitor-burst=30\t"_s), qPrintable(listed.out)); // neither: the default

    const Finished checked = run({u"--check-config"_s, u"--config"_s, path});
    QCOMPARE(checked.exitCode, 0);
    QVERIFY2(checked.out.contains(u"no problems"_s), qPrintable(checked.out));

    // The file's listen address is used: the server starts on an ephemeral port of 127.0.0.1.
    QProcess server;
    server.setProcessEnvironment(environment());
    server.start(QStringLiteral(FRONTDESK_BINARY), {u"--headless"_s, u"--config"_s, path});
    while (!server.canReadLine() && server.waitForReadyRead(30'000)) { }
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    QVERIFY2(line.startsWith(u"listening on http://127.0.0.1:"_s) && !line.endsWith(u":8080"_s), qPrintable(line));
    server.terminate();
    QVERIFY(server.waitForFinished(30'000));
}

void tst_Headless::publicUrlIsCheckedAndShown()
{
    for (const QString &wrong : {u"chat.shop.example"_s, u"ftp://chat.shop.example"_s, u"https://chat.shop.example/?x=1"_s,
                                 u"https://user@chat.shop.example"_s}) {
        const Finished refused = run({u"--headless"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--public-url"_s, wrong});
        QVERIFY2(refused.exitCode != 0, qPrintable(wrong));
        QVERIFY2(refused.err.contains(u"--public-url: The public URL"_s), qPrintable(refused.err));
    }

    const QString path = writeConfig("[server]\n"
                                     "listen = 127.0.0.1:0\n"
                                     "public-url = https://chat.shop.example/\n");
    QVERIFY(!path.isEmpty());
    QProcess server;
    server.setProcessEnvironment(environment());
    server.setProcessChannelMode(QProcess::MergedChannels); // the snippet is logged, on stderr
    server.start(QStringLiteral(FRONTDESK_BINARY), {u"--headless"_s, u"--config"_s, path});
    QString out;
    const QDeadlineTimer deadline(30'000);
    while (!out.contains(u"Snippet for"_s) && !deadline.hasExpired() && server.waitForReadyRead(1'000))
        out += QString::fromUtf8(server.readAllStandardOutput());
    server.terminate();
    QVERIFY(server.waitForFinished(30'000));
    out += QString::fromUtf8(server.readAllStandardOutput());
    // The listen URL stays first on its line (scripts connect to it); the public one follows.
    static const QRegularExpression listening(
        u"^listening on http://127\\.0\\.0\\.1:\\d+ \\(public URL https://chat\\.shop\\.example\\)$"_s,
        QRegularExpression::MultilineOption);
    QVERIFY2(listening.match(out).hasMatch(), qPrintable(out));
    QVERIFY2(out.contains(u"<script async src=\"https://chat.shop.example/widget.js\""_s), qPrintable(out));
}

void tst_Headless::checkConfigReportsEachProblemWithItsLine()
{
    const QString path = writeConfig("[server]\n"
                                     "listen = example.com:80\n"
                                     "database-password = hunter2\n"
                                     "trusted-proxy = 10.0.0.0/8, nonsense\n"
                                     "colour = blue\n"
                                     "[limits]\n"
                                     "frame-burst = 2.5\n"
                                     "no-such-limit = 3\n"
                                     "[extras]\n"
                                     "x = 1\n");
    QVERIFY(!path.isEmpty());
    const Finished checked = run({u"--check-config"_s, u"--config"_s, path});
    QCOMPARE(checked.exitCode, 1);
    const QStringList expected{u":2: "_s,
                               u":3: Secrets do not go in the configuration file"_s,
                               u":4: \"nonsense\" is not an address"_s,
                               u":5: There is no setting \"colour\""_s,
                               u":7: The limit frame-burst takes a whole number"_s,
                               u":8: There is no limit called \"no-such-limit\""_s,
                               u":9: There is no section [extras]"_s};
    for (const QString &problem : expected)
        QVERIFY2(checked.err.contains(path + problem), qPrintable(u"missing \"%1\" in:\n%2"_s.arg(problem, checked.err)));
    QVERIFY2(!checked.err.contains(u"hunter2"_s), "the secret is not echoed");

    // A server does not start on a file with problems: it says the same and exits.
    const Finished refused = run({u"--headless"_s, u"--config"_s, path});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(path + u":7: "_s), qPrintable(refused.err));

    // The sample the package installs is a valid file.
    const Finished sample
        = run({u"--check-config"_s, u"--config"_s, QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../packaging/frontdesk.conf")});
    QCOMPARE(sample.exitCode, 0);

    const Finished missing = run({u"--check-config"_s, u"--config"_s, m_home->filePath(u"none.conf"_s)});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(u"cannot be read"_s), qPrintable(missing.err));
}

QTEST_GUILESS_MAIN(tst_Headless)
#include "tst_headless.moc"
