// Email through a real SMTP server (aiosmtpd, started by the test) from a
// real FrontdeskServer on SQLite and MariaDB: what is emailed and when, the
// headers and body as a mail client decodes them, AUTH, STARTTLS, retries
// while the SMTP server is down, permanent rejections, and the status the
// consoles see.
#include "jsonsocket.h"
#include "mail/mailer.h"
#include "smtptestserver.h"
#include "store/store.h"
#include "testserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

QString typeOf(const QJsonObject &frame)
{
    return frame.value(u"type"_s).toString();
}

/// A mail_status that shows a failed attempt.
bool isFailingStatus(const QJsonObject &frame)
{
    return typeOf(frame) == u"mail_status"_s && frame[u"mail"_s][u"lastFailure"_s].isObject();
}

const QString siteName = u"Café Zoë ☕"_s;
const QString teamAddress = u"team@shop.test"_s;

} // namespace

/// @brief What Frontdesk emails, checked at a real SMTP server.
class tst_Mail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void init();
    void cleanup();

    void offlineMessageReachesTheTeam();
    void retriesWhileTheSmtpServerIsDown();
    void mailStatusIsForAdminsOnly();
    void wrongPasswordShowsTheServersSentence();
    void rejectedRecipientFailsAtOnce();
    void startTlsWithAuth();
    void replyReachesAVisitorWhoLeft();
    void unansweredChatIsMailedOnceAcrossRestarts();
    void transcriptOnRequest();
    void withoutSmtpNothingIsQueued();
    void newSettingsApplyWhileRunning();
    void erasingTheVisitorDeletesItsEmails();

private:
    /// Starts the Frontdesk server with mail through m_smtp (which may be down).
    void startServer(const std::function<void(MailSettings &)> &adjust = {});
    /// An admin console, set away (so no agent is online) unless @p online.
    bool connectAdmin(JsonSocket &admin, bool online = false);
    /// The site's mail settings through update_site.
    bool configureSite(JsonSocket &admin, const QJsonObject &fields);
    /// A visitor who says hello from a page and gives a name and an email.
    bool visitor(JsonSocket &socket, const QString &name, const QString &email, QJsonObject *welcome = nullptr);
    /// An away admin, the site's team address set, and Ann's "Hello?" in the
    /// offline form: the team's email is on its way.
    bool leaveOfflineMessage(JsonSocket &admin, JsonSocket &visitorSocket);
    /// The first message of a conversation; its id.
    double say(JsonSocket &visitor, const QString &clientId, const QString &body);
    [[nodiscard]] MailStatus storedStatus();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<SmtpTestServer> m_smtp;
    TestHttp m_http;
};

void tst_Mail::init()
{
    m_smtp = std::make_unique<SmtpTestServer>();
    m_smtp->reservePort();
}

void tst_Mail::cleanup()
{
    m_server.reset();
    m_smtp.reset();
}

void tst_Mail::startServer(const std::function<void(MailSettings &)> &adjust)
{
    QFETCH_GLOBAL(QString, backend);
    m_server = std::make_unique<TestServer>();
    MailSettings &mail = m_server->config().mail;
    mail.smtpUrl = QUrl(m_smtp->url());
    mail.allowPlain = true; // a relay on loopback; startTlsWithAuth turns TLS on
    mail.from = MailAddress{u"Frontdesk Test"_s, u"chat@frontdesk.test"_s};
    mail.retryFirstMs = 200;
    mail.retryMaxMs = 400;
    if (adjust)
        adjust(mail);
    FRONTDESK_START_TEST_SERVER(*m_server, backend);
}

bool tst_Mail::connectAdmin(JsonSocket &admin, bool online)
{
    const QString token = m_http.loginAdmin(*m_server);
    if (token.isEmpty() || !admin.open(m_server->wsUrl(u"/v1/agent"_s)))
        return false;
    const auto snapshot = admin.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}});
    if (!snapshot || typeOf(*snapshot) != u"snapshot"_s)
        return false;
    if (online)
        return true;
    const auto away = admin.request(QJsonObject{{u"type"_s, u"set_status"_s}, {u"status"_s, u"away"_s}});
    return away && away->value(u"status"_s).toString() == u"away"_s;
}

bool tst_Mail::configureSite(JsonSocket &admin, const QJsonObject &fields)
{
    QJsonObject frame = fields;
    frame.insert(u"type"_s, u"update_site"_s);
    const auto answer = admin.request(frame);
    if (!answer || typeOf(*answer) != u"result"_s) {
        qWarning() << "update_site refused:" << (answer ? *answer : QJsonObject());
        return false;
    }
    return true;
}

bool tst_Mail::visitor(JsonSocket &socket, const QString &name, const QString &email, QJsonObject *welcome)
{
    if (!socket.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin))
        return false;
    const auto hello = socket.request(
        QJsonObject{{u"type"_s, u"hello"_s},
                    {u"page"_s, QJsonObject{{u"url"_s, u"https://shop.test/pricing?plan=pro"_s}, {u"title"_s, u"Pricing"_s}}},
                    {u"timezone"_s, u"Europe/Paris"_s}});
    if (!hello || typeOf(*hello) != u"welcome"_s)
        return false;
    if (welcome)
        *welcome = *hello;
    const auto profile = socket.request(QJsonObject{{u"type"_s, u"profile"_s}, {u"name"_s, name}, {u"email"_s, email}});
    if (!profile || typeOf(*profile) != u"ok"_s) {
        qWarning() << "profile refused:" << (profile ? *profile : QJsonObject());
        return false;
    }
    return true;
}

bool tst_Mail::leaveOfflineMessage(JsonSocket &admin, JsonSocket &visitorSocket)
{
    return connectAdmin(admin) && configureSite(admin, {{u"mailTeamAddress"_s, teamAddress}})
        && visitor(visitorSocket, u"Ann"_s, u"ann@visitor.test"_s) && say(visitorSocket, u"c1"_s, u"Hello?"_s) > 0;
}

double tst_Mail::say(JsonSocket &visitor, const QString &clientId, const QString &body)
{
    const auto ack = visitor.request(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, clientId}, {u"body"_s, body}});
    return ack && typeOf(*ack) == u"ack"_s ? ack->value(u"conversationId"_s).toDouble() : 0;
}

MailStatus tst_Mail::storedStatus()
{
    QFuture<StoreResult<MailStatus>> status = m_server->server()->store()->mailOutbox().status();
    while (!status.isFinished())
        QTest::qWait(10);
    return status.result().value;
}

void tst_Mail::offlineMessageReachesTheTeam()
{
    QString error;
    QVERIFY2(m_smtp->start(&error), qPrintable(error));
    startServer();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(configureSite(admin, {{u"name"_s, siteName}, {u"mailTeamAddress"_s, teamAddress}}));

    // A name that tries to add a header of its own.
    JsonSocket visitorSocket;
    const QString hostileName = u"Zoë\r\nBcc: evil@attacker.test"_s;
    QVERIFY(visitor(visitorSocket, hostileName, u"zoe@visitor.test"_s));
    const double conversationId = say(visitorSocket, u"c1"_s, u"Bonjour ☕\nDo you ship to Lyon?"_s);
    QVERIFY(conversationId > 0);

    QVERIFY(m_smtp->waitForMessages(1));
    const QJsonObject mail = m_smtp->messages().first();
    QCOMPARE(mail[u"mailFrom"_s].toString(), u"chat@frontdesk.test"_s);
    QCOMPARE(mail[u"rcptTos"_s].toArray(), QJsonArray{teamAddress});
    const QJsonObject headers = mail[u"headers"_s].toObject();
    QCOMPARE(headers[u"From"_s].toString(), u"Frontdesk Test <chat@frontdesk.test>"_s);
    QVERIFY2(headers[u"To"_s].toString().endsWith(u"<team@shop.test>"_s), qPrintable(headers[u"To"_s].toString()));
    QCOMPARE(headers[u"Reply-To"_s].toString(), u"\"Zoë Bcc: evil@attacker.test\" <zoe@visitor.test>"_s);
    QVERIFY(!headers.contains(u"Bcc"_s));
    const QJsonObject counts = mail[u"headerCounts"_s].toObject();
    for (const QString &name : {u"From"_s, u"To"_s, u"Reply-To"_s, u"Subject"_s, u"Date"_s, u"Message-ID"_s})
        QCOMPARE(counts[name].toInt(), 1);
    // The UTF-8 subject: encoded-words on the wire, the site's name decoded back.
    const QString subject = headers[u"Subject"_s].toString();
    QVERIFY2(subject.contains(siteName) && subject.contains(u"#%1"_s.arg(qint64(conversationId))), qPrintable(subject));
    QVERIFY2(mail[u"rawSubject"_s].toString().startsWith(u"Subject: =?UTF-8?B?"_s), qPrintable(mail[u"rawSubject"_s].toString()));
    QVERIFY(QRegularExpression(u"^<[0-9a-z]+\\.[0-9a-f]{32}@frontdesk\\.test>$"_s)
                .match(headers[u"Message-ID"_s].toString())
                .hasMatch());
    QVERIFY(mail[u"dateValid"_s].toBool());
    QCOMPARE(mail[u"contentType"_s].toString(), u"text/plain"_s);
    QCOMPARE(mail[u"charset"_s].toString(), u"utf-8"_s);
    const QString body = mail[u"body"_s].toString();
    QVERIFY2(body.contains(u"Bonjour ☕"_s), qPrintable(body));
    QVERIFY(body.contains(u"Do you ship to Lyon?"_s));
    QVERIFY(body.contains(u"frontdesk://conversation/%1"_s.arg(qint64(conversationId))));
    QVERIFY(body.contains(u"https://shop.test/pricing?plan=pro"_s));
    QVERIFY(body.contains(u"zoe@visitor.test"_s));
    QVERIFY(body.contains(u"Europe/Paris"_s));
    // The raw bytes: no line of the header block is the visitor's.
    const QByteArray raw = m_smtp->raw(0);
    const QByteArray headerBlock = raw.left(raw.indexOf("\r\n\r\n"));
    QVERIFY(!headerBlock.contains("\r\nBcc:"));

    // More messages in the same conversation: still one email.
    QVERIFY(say(visitorSocket, u"c2"_s, u"Anyone?"_s) > 0);
    QTest::qWait(700);
    QCOMPARE(m_smtp->messages().size(), 1);

    // The consoles see it sent.
    QTRY_VERIFY(storedStatus().lastSentAt > 0);
    const auto sent = admin.waitFor(
        [](const QJsonObject &f) { return typeOf(f) == u"mail_status"_s && f[u"mail"_s][u"lastSentAt"_s].toDouble() > 0; });
    QVERIFY(sent);
    QCOMPARE(sent->value(u"mail"_s)[u"queued"_s].toInt(), 0);
    QVERIFY(sent->value(u"mail"_s)[u"lastFailure"_s].isNull());
}

void tst_Mail::retriesWhileTheSmtpServerIsDown()
{
    startServer(); // the SMTP server is not running yet
    JsonSocket admin;
    JsonSocket visitorSocket;
    QVERIFY(leaveOfflineMessage(admin, visitorSocket));

    // Tried, refused, shown to the console with curl's sentence, kept queued.
    const auto failing = admin.waitFor(isFailingStatus);
    QVERIFY(failing);
    const QJsonObject mailStatus = failing->value(u"mail"_s).toObject();
    QCOMPARE(mailStatus[u"queued"_s].toInt(), 1);
    QCOMPARE(mailStatus[u"lastFailure"_s][u"recipient"_s].toString(), u"team"_s);
    QVERIFY2(mailStatus[u"lastFailure"_s][u"reply"_s].toString().contains(u"onnect"_s),
             qPrintable(mailStatus[u"lastFailure"_s][u"reply"_s].toString()));
    QTest::qWait(1000); // a few more attempts

    QString error;
    QVERIFY2(m_smtp->start(&error), qPrintable(error));
    QVERIFY(m_smtp->waitForMessages(1));
    const auto recovered = admin.waitFor([](const QJsonObject &f) {
        return typeOf(f) == u"mail_status"_s && f[u"mail"_s][u"queued"_s].toInt() == 0 && f[u"mail"_s][u"lastFailure"_s].isNull();
    });
    QVERIFY(recovered);
    QTest::qWait(1000);
    QCOMPARE(m_smtp->messages().size(), 1); // exactly once
}

void tst_Mail::mailStatusIsForAdminsOnly()
{
    startServer(); // the SMTP server is down: the status changes at once
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(configureSite(admin, {{u"mailTeamAddress"_s, teamAddress}}));
    const auto created = admin.request({{u"type"_s, u"create_agent"_s},
                                        {u"email"_s, u"bob@shop.test"_s},
                                        {u"name"_s, u"Bob"_s},
                                        {u"password"_s, u"correct horse battery"_s}});
    QVERIFY(created && typeOf(*created) == u"result"_s);
    const HttpAnswer login = m_http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                                             {{u"email"_s, u"bob@shop.test"_s}, {u"password"_s, u"correct horse battery"_s}});
    const QString token = login.json.value(u"token"_s).toString();
    QVERIFY2(!token.isEmpty(), login.body.constData());
    JsonSocket agent;
    QVERIFY(agent.open(m_server->wsUrl(u"/v1/agent"_s)));
    const auto snapshot = agent.request({{u"type"_s, u"auth"_s}, {u"token"_s, token}});
    QVERIFY(snapshot && typeOf(*snapshot) == u"snapshot"_s);
    QVERIFY2(snapshot->value(u"mail"_s).isNull(), "an agent's snapshot has no outbox status");
    QVERIFY(agent.request({{u"type"_s, u"set_status"_s}, {u"status"_s, u"away"_s}}));

    JsonSocket visitorSocket;
    QVERIFY(visitor(visitorSocket, u"Ann"_s, u"ann@visitor.test"_s));
    QVERIFY(say(visitorSocket, u"c1"_s, u"Hello?"_s) > 0);
    QVERIFY(admin.waitFor(isFailingStatus));
    // The same fan-out pushed to both: by now the agent would have it too.
    QVERIFY2(!agent.receivesWithin(u"mail_status"_s, 500), "an agent is not told of the SMTP server's refusals");
}

void tst_Mail::wrongPasswordShowsTheServersSentence()
{
    QString error;
    QVERIFY2(m_smtp->start({u"frontdesk"_s, u"right password"_s, {}, {}}, &error), qPrintable(error));
    startServer([](MailSettings &mail) {
        mail.user = u"frontdesk"_s;
        mail.password = u"wrong password"_s;
    });
    JsonSocket admin;
    JsonSocket visitorSocket;
    QVERIFY(leaveOfflineMessage(admin, visitorSocket));
    const auto failing = admin.waitFor(isFailingStatus);
    QVERIFY(failing);
    const QString reply = failing->value(u"mail"_s)[u"lastFailure"_s][u"reply"_s].toString();
    QVERIFY2(reply.startsWith(u"535 "_s) && reply.contains(u"Authentication"_s, Qt::CaseInsensitive), qPrintable(reply));
    // A login problem is the settings', not the message's: it stays queued.
    QCOMPARE(failing->value(u"mail"_s)[u"queued"_s].toInt(), 1);
    QCOMPARE(failing->value(u"mail"_s)[u"failed"_s].toInt(), 0);
    QCOMPARE(m_smtp->messages().size(), 0);

    // A console that connects now finds it in its snapshot.
    JsonSocket later;
    const QString token = m_http.loginAdmin(*m_server);
    QVERIFY(later.open(m_server->wsUrl(u"/v1/agent"_s)));
    const auto snapshot = later.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}});
    QVERIFY(snapshot);
    QCOMPARE(snapshot->value(u"mail"_s)[u"enabled"_s].toBool(), true);
    QVERIFY(snapshot->value(u"mail"_s)[u"lastFailure"_s][u"reply"_s].toString().startsWith(u"535 "_s));
}

void tst_Mail::rejectedRecipientFailsAtOnce()
{
    QString error;
    QVERIFY2(m_smtp->start(&error), qPrintable(error));
    startServer();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(configureSite(admin, {{u"mailTeamAddress"_s, u"reject-me@shop.test"_s}}));
    JsonSocket visitorSocket;
    QVERIFY(visitor(visitorSocket, u"Ann"_s, u"ann@visitor.test"_s));
    QVERIFY(say(visitorSocket, u"c1"_s, u"Hello?"_s) > 0);
    const auto failed = admin.waitFor(
        [](const QJsonObject &f) { return typeOf(f) == u"mail_status"_s && f[u"mail"_s][u"failed"_s].toInt() == 1; });
    QVERIFY(failed);
    const QJsonObject mail = failed->value(u"mail"_s).toObject();
    QCOMPARE(mail[u"queued"_s].toInt(), 0);
    // The SMTP server's own sentence, not curl's "RCPT failed: 550".
    QCOMPARE(mail[u"lastFailure"_s][u"reply"_s].toString(),
             u"550 5.1.1 <reject-me@shop.test>: Recipient address rejected: User unknown"_s);
    QTest::qWait(800); // no retry: still one failed, nothing queued
    const MailStatus after = storedStatus();
    QCOMPARE(after.failed, 1);
    QCOMPARE(after.queued, 0);
}

void tst_Mail::startTlsWithAuth()
{
    QTemporaryDir folder;
    QString certificate;
    QString key;
    QString error;
    QVERIFY2(SmtpTestServer::makeCertificate(folder.path(), &certificate, &key, &error), qPrintable(error));
    QVERIFY2(m_smtp->start({u"frontdesk"_s, u"s3cret"_s, certificate, key}, &error), qPrintable(error));
    startServer([&](MailSettings &mail) {
        mail.smtpUrl = QUrl(u"smtp://localhost:%1"_s.arg(m_smtp->port()));
        mail.allowPlain = false; // STARTTLS required
        mail.caBundlePath = certificate;
        mail.user = u"frontdesk"_s;
        mail.password = u"s3cret"_s;
    });
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(configureSite(admin, {{u"mailTeamAddress"_s, teamAddress}}));
    JsonSocket visitorSocket;
    QVERIFY(visitor(visitorSocket, u"Ann"_s, u"ann@visitor.test"_s));
    QVERIFY(say(visitorSocket, u"c1"_s, u"Over TLS"_s) > 0);
    QVERIFY(m_smtp->waitForMessages(1));
    const QJsonObject mail = m_smtp->messages().first();
    QVERIFY(mail[u"tls"_s].toBool());
    QVERIFY(mail[u"authenticated"_s].toBool());
    QVERIFY(mail[u"body"_s].toString().contains(u"Over TLS"_s));
}

void tst_Mail::replyReachesAVisitorWhoLeft()
{
    QString error;
    QVERIFY2(m_smtp->start(&error), qPrintable(error));
    startServer();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin, true));
    QVERIFY(configureSite(admin, {{u"name"_s, siteName}, {u"mailTeamAddress"_s, teamAddress}}));
    JsonSocket visitorSocket;
    QJsonObject welcome;
    QVERIFY(visitor(visitorSocket, u"Léa"_s, u"lea@visitor.test"_s, &welcome));
    const double conversationId = say(visitorSocket, u"c1"_s, u"Is the blue one in stock?"_s);
    QVERIFY(conversationId > 0);
    const auto accepted = admin.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, conversationId}});
    QVERIFY(accepted && typeOf(*accepted) == u"result"_s);

    visitorSocket.close();
    QVERIFY(admin.waitForType(u"visitor_left"_s));
    const auto reply = admin.request(QJsonObject{{u"type"_s, u"reply"_s},
                                                 {u"conversationId"_s, conversationId},
                                                 {u"clientId"_s, u"r1"_s},
                                                 {u"body"_s, u"Yes, we have 3 left — shall I keep one?"_s}});
    QVERIFY(reply && typeOf(*reply) == u"ack"_s);
    QVERIFY(m_smtp->waitForMessages(1));
    const QJsonObject mail = m_smtp->messages().first();
    QCOMPARE(mail[u"rcptTos"_s].toArray(), QJsonArray{u"lea@visitor.test"_s});
    QVERIFY(mail[u"headers"_s][u"Subject"_s].toString().contains(siteName));
    const QString body = mail[u"body"_s].toString();
    QVERIFY2(body.contains(u"Yes, we have 3 left — shall I keep one?"_s), qPrintable(body));
    QVERIFY(body.contains(u"Is the blue one in stock?"_s)); // the transcript
    QVERIFY(body.contains(u"come back to https://shop.test/pricing?plan=pro"_s));
    QVERIFY(!body.contains(teamAddress)); // the team's address never reaches a visitor

    // Back in the chat: the next reply goes to the widget, not by email.
    JsonSocket back;
    QVERIFY(back.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
    QVERIFY(back.request(
        QJsonObject{{u"type"_s, u"hello"_s}, {u"visitorId"_s, welcome[u"visitorId"_s]}, {u"token"_s, welcome[u"token"_s]}}));
    QVERIFY(admin.waitForType(u"visitor_returned"_s));
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"reply"_s},
                                      {u"conversationId"_s, conversationId},
                                      {u"clientId"_s, u"r2"_s},
                                      {u"body"_s, u"Welcome back"_s}}));
    QVERIFY(back.waitForType(u"message"_s));
    QTest::qWait(700);
    QCOMPARE(m_smtp->messages().size(), 1);

    // Off for the site: a reply after the visitor left is not emailed.
    QVERIFY(configureSite(admin, {{u"mailRepliesToAbsentVisitors"_s, false}}));
    back.close();
    QVERIFY(admin.waitForType(u"visitor_left"_s));
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"reply"_s},
                                      {u"conversationId"_s, conversationId},
                                      {u"clientId"_s, u"r3"_s},
                                      {u"body"_s, u"Not emailed"_s}}));
    QTest::qWait(700);
    QCOMPARE(m_smtp->messages().size(), 1);
}

void tst_Mail::unansweredChatIsMailedOnceAcrossRestarts()
{
    QString error;
    QVERIFY2(m_smtp->start(&error), qPrintable(error));
    startServer();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin, true)); // online: not an offline-form message
    QVERIFY(configureSite(admin, {{u"mailTeamAddress"_s, teamAddress}, {u"mailUnansweredMinutes"_s, 1}}));
    JsonSocket first;
    QVERIFY(visitor(first, u"Old"_s, u"old@visitor.test"_s));
    const double waitedLong = say(first, u"c1"_s, u"Waiting since yesterday"_s);
    JsonSocket second;
    QVERIFY(visitor(second, u"Recent"_s, u"recent@visitor.test"_s));
    const double almostDue = say(second, u"c1"_s, u"Waiting for almost a minute"_s);
    QVERIFY(waitedLong > 0 && almostDue > 0);
    QTest::qWait(500);
    QCOMPARE(m_smtp->messages().size(), 0);
    first.close();
    second.close();
    admin.close();

    // As a server that was down for a while finds them: one waiting for a
    // day, one due in four seconds (written under the running server,
    // whose own timers are still a minute away; the restart reads the rows).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(m_server->database().withConnection(
                 [&](QSqlDatabase &db, QString *why) {
                     for (const auto &[id, at] :
                          {std::pair{waitedLong, now - 24 * 3600 * 1000LL}, std::pair{almostDue, now - 60 * 1000LL + 4000}}) {
                         QSqlQuery q(db);
                         q.prepare(u"UPDATE conversations SET created_at = ? WHERE id = ?"_s);
                         q.addBindValue(at);
                         q.addBindValue(qint64(id));
                         if (!q.exec()) {
                             *why = q.lastError().text();
                             return false;
                         }
                     }
                     return true;
                 },
                 &error),
             qPrintable(error));
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QVERIFY(m_smtp->waitForMessages(1, 3500)); // at start
    const qint64 firstAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(m_smtp->waitForMessages(2, 10000)); // with its timer
    const qint64 secondAt = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(firstAt < now + 4000, qPrintable(QString::number(firstAt - now)));
    QVERIFY2(secondAt >= now + 3900, qPrintable(QString::number(secondAt - now)));
    const QList<QJsonObject> mails = m_smtp->messages();
    QVERIFY(mails.at(0)[u"body"_s].toString().contains(u"Waiting since yesterday"_s));
    QVERIFY(mails.at(0)[u"headers"_s][u"Subject"_s].toString().contains(u"nobody accepted"_s));
    QVERIFY(mails.at(1)[u"body"_s].toString().contains(u"Waiting for almost a minute"_s));
    for (const QJsonObject &mail : mails)
        QCOMPARE(mail[u"rcptTos"_s].toArray(), QJsonArray{teamAddress});

    // A restart does not mail them again.
    QVERIFY2(m_server->restart(&error), qPrintable(error));
    QTest::qWait(1000);
    QCOMPARE(m_smtp->messages().size(), 2);
}

void tst_Mail::transcriptOnRequest()
{
    QString error;
    QVERIFY2(m_smtp->start(&error), qPrintable(error));
    startServer();
    JsonSocket admin;
    QVERIFY(connectAdmin(admin, true));
    QVERIFY(configureSite(admin, {{u"name"_s, siteName}}));
    JsonSocket visitorSocket;
    QVERIFY(visitor(visitorSocket, u"Max"_s, u"max@visitor.test"_s));
    const double conversationId = say(visitorSocket, u"c1"_s, u"Where is my order 1234?"_s);
    QVERIFY(conversationId > 0);
    const QJsonObject ask{{u"type"_s, u"email_transcript"_s}, {u"conversationId"_s, conversationId}};

    // Still open: refused.
    const auto open = visitorSocket.request(ask);
    QVERIFY(open);
    QCOMPARE(open->value(u"code"_s).toString(), u"conflict"_s);

    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"accept"_s}, {u"conversationId"_s, conversationId}}));
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"reply"_s},
                                      {u"conversationId"_s, conversationId},
                                      {u"clientId"_s, u"r1"_s},
                                      {u"body"_s, u"It ships tomorrow."_s}}));
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, conversationId}}));
    QVERIFY(visitorSocket.waitForType(u"conversation_closed"_s));

    // A bad address, another visitor's conversation: refused, nothing queued.
    QJsonObject bad = ask;
    bad.insert(u"email"_s, u"max@visitor.test\r\nBcc: x@y.test"_s);
    const auto invalid = visitorSocket.request(bad);
    QVERIFY(invalid);
    QCOMPARE(invalid->value(u"code"_s).toString(), u"invalid_field"_s);
    JsonSocket stranger;
    QVERIFY(visitor(stranger, u"Eve"_s, u"eve@visitor.test"_s));
    const auto notYours = stranger.request(ask);
    QVERIFY(notYours);
    QCOMPARE(notYours->value(u"code"_s).toString(), u"not_found"_s);

    // To another address than the profile's.
    QJsonObject toOther = ask;
    toOther.insert(u"email"_s, u"max.home@visitor.test"_s);
    const auto ok = visitorSocket.request(toOther);
    QVERIFY(ok);
    QCOMPARE(typeOf(*ok), u"ok"_s);
    QVERIFY(m_smtp->waitForMessages(1));
    const QJsonObject mail = m_smtp->messages().first();
    QCOMPARE(mail[u"rcptTos"_s].toArray(), QJsonArray{u"max.home@visitor.test"_s});
    QVERIFY(mail[u"headers"_s][u"Subject"_s].toString().contains(siteName));
    const QString body = mail[u"body"_s].toString();
    QVERIFY(body.contains(u"Where is my order 1234?"_s));
    QVERIFY(body.contains(u"It ships tomorrow."_s));

    // Once per few minutes per conversation.
    const auto again = visitorSocket.request(ask);
    QVERIFY(again);
    QCOMPARE(again->value(u"code"_s).toString(), u"rate_limited"_s);
    QVERIFY(again->value(u"retryAfterMs"_s).toDouble() > 0);
    QTest::qWait(500);
    QCOMPARE(m_smtp->messages().size(), 1);
}

void tst_Mail::withoutSmtpNothingIsQueued()
{
    QFETCH_GLOBAL(QString, backend);
    m_server = std::make_unique<TestServer>();
    FRONTDESK_START_TEST_SERVER(*m_server, backend);
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(configureSite(admin, {{u"mailTeamAddress"_s, teamAddress}}));
    JsonSocket visitorSocket;
    QVERIFY(visitor(visitorSocket, u"Ann"_s, u"ann@visitor.test"_s));
    const double conversationId = say(visitorSocket, u"c1"_s, u"Hello?"_s);
    QVERIFY(conversationId > 0);
    QTest::qWait(300);
    const MailStatus status = storedStatus();
    QCOMPARE(status.queued, 0);
    QCOMPARE(status.failed, 0);
    QVERIFY(admin.request(QJsonObject{{u"type"_s, u"close"_s}, {u"conversationId"_s, conversationId}}));
    const auto refused
        = visitorSocket.request(QJsonObject{{u"type"_s, u"email_transcript"_s}, {u"conversationId"_s, conversationId}});
    QVERIFY(refused);
    QCOMPARE(refused->value(u"code"_s).toString(), u"conflict"_s);

    // An invalid team address is refused by update_site.
    const auto badAddress
        = admin.request(QJsonObject{{u"type"_s, u"update_site"_s}, {u"mailTeamAddress"_s, u"team@shop.test, other@shop.test"_s}});
    QVERIFY(badAddress);
    QCOMPARE(badAddress->value(u"code"_s).toString(), u"invalid_field"_s);
}

void tst_Mail::newSettingsApplyWhileRunning()
{
    // The console's Settings change the SMTP server of a running host-mode
    // server (SessionController::applySmtpSettings): a wrong password first,
    // with a retry a minute away.
    QString error;
    QVERIFY2(m_smtp->start({u"frontdesk"_s, u"right password"_s, {}, {}}, &error), qPrintable(error));
    startServer([](MailSettings &mail) {
        mail.user = u"frontdesk"_s;
        mail.password = u"wrong password"_s;
        mail.retryFirstMs = 60 * 1000;
        mail.retryMaxMs = 60 * 1000;
    });
    Mailer *mailer = m_server->server()->mailer();
    JsonSocket admin;
    JsonSocket ann;
    QVERIFY(leaveOfflineMessage(admin, ann));
    QVERIFY(admin.waitFor(isFailingStatus));

    // The right password: the queued email goes now, not in a minute.
    MailSettings fixed = m_server->config().mail;
    fixed.password = u"right password"_s;
    mailer->reconfigure(fixed);
    QVERIFY(m_smtp->waitForMessages(1, 10000));
    QCOMPARE(m_smtp->messages().first()[u"authenticated"_s].toBool(), true);
    QVERIFY(admin.waitFor([](const QJsonObject &f) {
        return typeOf(f) == u"mail_status"_s && f[u"mail"_s][u"queued"_s].toInt() == 0 && f[u"mail"_s][u"lastFailure"_s].isNull();
    }));

    // Off: the consoles and new visitors are told, and a message left now notes no email.
    mailer->reconfigure(MailSettings{});
    QVERIFY(admin.waitFor(
        [](const QJsonObject &f) { return typeOf(f) == u"mail_status"_s && !f[u"mail"_s][u"enabled"_s].toBool(); }));
    JsonSocket bea;
    QJsonObject welcome;
    QVERIFY(visitor(bea, u"Bea"_s, u"bea@visitor.test"_s, &welcome));
    QCOMPARE(welcome[u"site"_s][u"mail"_s].toBool(), false);
    QVERIFY(say(bea, u"b1"_s, u"Anyone?"_s) > 0);
    QFuture<StoreResult<QList<OutboxMail>>> pending = m_server->server()->store()->mailOutbox().pendingMail(10);
    QTRY_VERIFY(pending.isFinished());
    QVERIFY(pending.result().ok());
    QCOMPARE(pending.result().value.size(), 0);
    QCOMPARE(storedStatus().queued, 0);

    // On again: mail flows for the next offline message.
    mailer->reconfigure(fixed);
    QVERIFY(
        admin.waitFor([](const QJsonObject &f) { return typeOf(f) == u"mail_status"_s && f[u"mail"_s][u"enabled"_s].toBool(); }));
    JsonSocket cy;
    QVERIFY(visitor(cy, u"Cy"_s, u"cy@visitor.test"_s, &welcome));
    QCOMPARE(welcome[u"site"_s][u"mail"_s].toBool(), true);
    QVERIFY(say(cy, u"c1"_s, u"Hello from Cy"_s) > 0);
    QVERIFY(m_smtp->waitForMessages(2, 10000));
    const QString body = m_smtp->messages().at(1)[u"body"_s].toString();
    QVERIFY2(body.contains(u"Hello from Cy"_s), qPrintable(body));
    QCOMPARE(m_smtp->messages().size(), 2); // Bea's message, left while mail was off, is not mailed later
}

void tst_Mail::erasingTheVisitorDeletesItsEmails()
{
    startServer(); // the SMTP server stays down: the email stays queued
    JsonSocket admin;
    QVERIFY(connectAdmin(admin));
    QVERIFY(configureSite(admin, {{u"mailTeamAddress"_s, teamAddress}}));
    JsonSocket visitorSocket;
    QJsonObject welcome;
    QVERIFY(visitor(visitorSocket, u"Ann"_s, u"ann@visitor.test"_s, &welcome));
    QVERIFY(say(visitorSocket, u"c1"_s, u"Please forget me later"_s) > 0);
    QTRY_COMPARE(storedStatus().queued, 1);
    const auto erased = admin.request(QJsonObject{{u"type"_s, u"erase_visitor"_s}, {u"visitorId"_s, welcome[u"visitorId"_s]}});
    QVERIFY(erased && typeOf(*erased) == u"result"_s);
    // No row holds the visitor's words or address any more, so nothing is sent once the SMTP server is back.
    QString error;
    int rows = -1;
    QVERIFY2(m_server->database().withConnection(
                 [&](QSqlDatabase &db, QString *why) {
                     QSqlQuery q(db);
                     if (!q.exec(u"SELECT COUNT(*) FROM mail_outbox"_s) || !q.next()) {
                         *why = q.lastError().text();
                         return false;
                     }
                     rows = q.value(0).toInt();
                     return true;
                 },
                 &error),
             qPrintable(error));
    QCOMPARE(rows, 0);
    QVERIFY2(m_smtp->start(&error), qPrintable(error));
    QTest::qWait(1000);
    QCOMPARE(m_smtp->messages().size(), 0);
}

QTEST_GUILESS_MAIN(tst_Mail)
#include "tst_mail.moc"
