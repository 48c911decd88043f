// The outbox across kill -9: the real `frontdesk --headless` queues offline
// emails while its SMTP server is down, is SIGKILLed, and after a restart
// with the SMTP server back delivers each one exactly once, on SQLite and
// MariaDB; and, SIGKILLed the moment its messages are acknowledged (mail on
// the wire), delivers every email, at most the one in flight twice with the
// same Message-ID.
#include "frontdeskprocess.h"
#include "jsonsocket.h"
#include "smtptestserver.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QMultiHash>
#include <QRegularExpression>
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

} // namespace

/// @brief Queued mail survives SIGKILL and is sent once.
class tst_MailCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void init();
    void cleanup();
    void queuedMailIsSentOnceAfterKill();
    void mailIsNotedWithItsMessage();

private:
    /// Starts `frontdesk --headless` on the row's database with mail through
    /// m_smtp (down until started), and an away admin console (so no agent is
    /// online) that set the site's team address.
    bool startWithAdmin(JsonSocket &admin);
    /// What m_smtp received: each recipient with the conversation id in the subject.
    QMultiHash<QString, qint64> mailed() const;

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<SmtpTestServer> m_smtp;
    std::unique_ptr<FrontdeskProcess> m_server;
};

void tst_MailCrash::init()
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
    m_smtp = std::make_unique<SmtpTestServer>();
    m_smtp->reservePort();
}

void tst_MailCrash::cleanup()
{
    m_server.reset();
    m_smtp.reset();
    m_database.reset();
}

bool tst_MailCrash::startWithAdmin(JsonSocket &admin)
{
    qputenv("FRONTDESK_ADMIN_PASSWORD", adminPassword.toUtf8());
    m_server = std::make_unique<FrontdeskProcess>(QStringLiteral(FRONTDESK_BINARY), m_database->config().displayUrl(),
                                                  m_database->config().password);
    m_server->setServerArguments({u"--smtp-url"_s, m_smtp->url(), u"--smtp-allow-plain"_s, u"true"_s, u"--smtp-from"_s,
                                  u"Frontdesk <chat@frontdesk.test>"_s, u"--limit"_s, u"mail-retry-first-ms=200"_s, u"--limit"_s,
                                  u"mail-retry-max-ms=400"_s, u"--allow-origin"_s,
                                  QString::fromLatin1(TestServer::allowedOrigin)});
    QString error;
    if (!m_server->start(&error)) {
        qWarning().noquote() << error;
        return false;
    }
    TestHttp http;
    const HttpAnswer login = http.postJson(m_server->httpUrl(u"/v1/agent/login"_s),
                                           {{u"email"_s, u"admin@frontdesk.local"_s}, {u"password"_s, adminPassword}});
    const QString token = login.json.value(u"token"_s).toString();
    if (token.isEmpty() || !admin.open(m_server->wsUrl(u"/v1/agent"_s))
        || !admin.request({{u"type"_s, u"auth"_s}, {u"token"_s, token}})
        || !admin.request({{u"type"_s, u"set_status"_s}, {u"status"_s, u"away"_s}}))
        return false;
    const auto updated = admin.request({{u"type"_s, u"update_site"_s}, {u"mailTeamAddress"_s, u"team@shop.test"_s}});
    return updated && typeOf(*updated) == u"result"_s;
}

QMultiHash<QString, qint64> tst_MailCrash::mailed() const
{
    // The team's subjects end with "(#12)"; a visitor's have no id (0 here).
    static const QRegularExpression chat(u"#(\\d+)\\)"_s);
    QMultiHash<QString, qint64> byRecipient;
    QSet<QString> seen;
    for (const QJsonObject &message : m_smtp->messages()) {
        // The same Message-ID twice is one email to a mail client: the attempt a
        // kill interrupted after the SMTP server took it, before it was marked sent.
        const QString messageId = message[u"headers"_s][u"Message-ID"_s].toString();
        if (seen.contains(messageId))
            continue;
        seen.insert(messageId);
        const QString to = message[u"rcptTos"_s].toArray().first().toString();
        byRecipient.insert(to, chat.match(message[u"headers"_s][u"Subject"_s].toString()).captured(1).toLongLong());
    }
    return byRecipient;
}

void tst_MailCrash::queuedMailIsSentOnceAfterKill()
{
    JsonSocket admin;
    QVERIFY2(startWithAdmin(admin), m_server ? qPrintable(m_server->log().right(2000)) : "");

    // Five offline-form messages while the SMTP server is down.
    constexpr int Visitors = 5;
    QSet<qint64> conversations;
    for (int i = 0; i < Visitors; ++i) {
        JsonSocket visitor;
        QVERIFY(visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey()), TestServer::allowedOrigin));
        QVERIFY(visitor.request({{u"type"_s, u"hello"_s}}));
        QVERIFY(visitor.request({{u"type"_s, u"profile"_s}, {u"email"_s, u"v%1@visitor.test"_s.arg(i)}}));
        const auto ack
            = visitor.request({{u"type"_s, u"message"_s}, {u"clientId"_s, u"c"_s}, {u"body"_s, u"offline %1"_s.arg(i)}});
        QVERIFY(ack && typeOf(*ack) == u"ack"_s);
        conversations.insert(qint64(ack->value(u"conversationId"_s).toDouble()));
    }
    const auto queued = admin.waitFor([](const QJsonObject &f) {
        return typeOf(f) == u"mail_status"_s && f[u"mail"_s][u"queued"_s].toInt() == Visitors
            && f[u"mail"_s][u"lastFailure"_s].isObject();
    });
    QVERIFY2(queued, qPrintable(m_server->log().right(2000)));

    m_server->kill();
    QString error;
    QVERIFY2(m_smtp->start(&error), qPrintable(error));
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY2(m_smtp->waitForMessages(Visitors, 30000), qPrintable(m_server->log().right(2000)));
    QTest::qWait(1500);
    QCOMPARE(m_smtp->messages().size(), Visitors); // each once
    const QList<qint64> teamMails = mailed().values(u"team@shop.test"_s);
    QCOMPARE(QSet<qint64>(teamMails.cbegin(), teamMails.cend()), conversations);

    // And again after a clean stop: nothing more.
    QVERIFY2(m_server->stop(&error), qPrintable(error));
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QTest::qWait(1000);
    QCOMPARE(m_smtp->messages().size(), Visitors);
    QVERIFY2(m_server->stop(&error), qPrintable(error));
}

void tst_MailCrash::mailIsNotedWithItsMessage()
{
    // The outbox row is written in the transaction of the message that asks
    // for it: a kill -9 the moment the acks arrive, before any email could be
    // composed or queued, loses none of them.
    QString error;
    QVERIFY2(m_smtp->start(&error), qPrintable(error));
    JsonSocket admin;
    QVERIFY2(startWithAdmin(admin), m_server ? qPrintable(m_server->log().right(2000)) : "");
    const QUrl visitorUrl = m_server->wsUrl(u"/v1/visitor?site="_s + m_server->siteKey());

    // A visitor who chatted and left, for a reply by email.
    JsonSocket left;
    QVERIFY(left.open(visitorUrl, TestServer::allowedOrigin));
    QVERIFY(left.request({{u"type"_s, u"hello"_s}}));
    QVERIFY(left.request({{u"type"_s, u"profile"_s}, {u"email"_s, u"gone@visitor.test"_s}}));
    const auto first = left.request({{u"type"_s, u"message"_s}, {u"clientId"_s, u"c"_s}, {u"body"_s, u"anyone?"_s}});
    QVERIFY(first && typeOf(*first) == u"ack"_s);
    const qint64 leftConversation = qint64(first->value(u"conversationId"_s).toDouble());
    left.close();
    QVERIFY(admin.waitForType(u"visitor_left"_s));
    QVERIFY(m_smtp->waitForMessages(1)); // its offline-form email, before the rush

    // Four more visitors ready to write, then everything at once.
    constexpr int Visitors = 4;
    std::vector<std::unique_ptr<JsonSocket>> visitors;
    for (int i = 0; i < Visitors; ++i) {
        auto &visitor = visitors.emplace_back(std::make_unique<JsonSocket>());
        QVERIFY(visitor->open(visitorUrl, TestServer::allowedOrigin));
        QVERIFY(visitor->request({{u"type"_s, u"hello"_s}}));
    }
    admin.send({{u"type"_s, u"reply"_s},
                {u"conversationId"_s, double(leftConversation)},
                {u"clientId"_s, u"r1"_s},
                {u"body"_s, u"Yes! Here is the answer."_s},
                {u"id"_s, 900}});
    for (int i = 0; i < Visitors; ++i)
        visitors[i]->send(
            {{u"type"_s, u"message"_s}, {u"clientId"_s, u"c"_s}, {u"body"_s, u"offline %1"_s.arg(i)}, {u"id"_s, 901}});
    QSet<qint64> conversations{leftConversation};
    for (int i = 0; i < Visitors; ++i) {
        const auto ack = visitors[i]->waitFor([](const QJsonObject &f) { return f.value(u"ref"_s).toInt() == 901; });
        QVERIFY(ack && typeOf(*ack) == u"ack"_s);
        conversations.insert(qint64(ack->value(u"conversationId"_s).toDouble()));
    }
    const auto replied = admin.waitFor([](const QJsonObject &f) { return f.value(u"ref"_s).toInt() == 900; });
    QVERIFY(replied && typeOf(*replied) == u"ack"_s);
    m_server->kill();

    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY2(m_smtp->waitForMessages(1 + Visitors + 1, 30000), qPrintable(m_server->log().right(3000)));
    QTest::qWait(1500);
    const QMultiHash<QString, qint64> sent = mailed();
    QString arrived;
    for (const QJsonObject &message : m_smtp->messages())
        arrived += message[u"rcptTos"_s].toArray().first().toString() + u" "_s + message[u"headers"_s][u"Subject"_s].toString()
            + u" "_s + message[u"headers"_s][u"Message-ID"_s].toString() + u"\n"_s;
    // Each once (by Message-ID). Here the kill can land while the first email
    // is on the wire: the SMTP server took it, the row was not marked sent yet,
    // so it goes again with the same Message-ID. Mail is sent one at a time,
    // so at most that one repeats.
    QVERIFY2(sent.size() == 1 + Visitors + 1, qPrintable(arrived + m_server->log().right(4000)));
    QVERIFY2(m_smtp->messages().size() <= sent.size() + 1, qPrintable(arrived));
    const QList<qint64> teamMails = sent.values(u"team@shop.test"_s);
    QCOMPARE(QSet<qint64>(teamMails.cbegin(), teamMails.cend()), conversations);
    QCOMPARE(sent.count(u"gone@visitor.test"_s), 1); // the reply
    QVERIFY2(m_server->stop(&error), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_MailCrash)
#include "tst_mailcrash.moc"
