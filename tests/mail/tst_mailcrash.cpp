// The outbox across kill -9: the real `frontdesk --headless` queues offline
// emails while its SMTP server is down, is SIGKILLed, and after a restart
// with the SMTP server back delivers each one exactly once, on SQLite and
// MariaDB.
#include "frontdeskprocess.h"
#include "jsonsocket.h"
#include "smtptestserver.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

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
    void queuedMailIsSentOnceAfterKill();
};

void tst_MailCrash::queuedMailIsSentOnceAfterKill()
{
    QFETCH_GLOBAL(QString, backend);
    TestDatabase database;
    switch (database.prepare(backend)) {
    case TestDatabase::Status::Ready:
        break;
    case TestDatabase::Status::Skip:
        QSKIP("MariaDB tests skipped (FRONTDESK_TEST_MARIADB=skip)");
    case TestDatabase::Status::Unavailable:
        QFAIL(qPrintable(database.errorString()));
    }
    SmtpTestServer smtp;
    smtp.reservePort();
    qputenv("FRONTDESK_ADMIN_PASSWORD", adminPassword.toUtf8());
    FrontdeskProcess server(QStringLiteral(FRONTDESK_BINARY), database.config().displayUrl(), database.config().password);
    server.setServerArguments({u"--smtp-url"_s, smtp.url(), u"--smtp-allow-plain"_s, u"true"_s, u"--smtp-from"_s,
                               u"Frontdesk <chat@frontdesk.test>"_s, u"--limit"_s, u"mail-retry-first-ms=200"_s, u"--limit"_s,
                               u"mail-retry-max-ms=400"_s, u"--allow-origin"_s, QString::fromLatin1(TestServer::allowedOrigin)});
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    TestHttp http;
    const HttpAnswer login = http.postJson(server.httpUrl(u"/v1/agent/login"_s),
                                           {{u"email"_s, u"admin@frontdesk.local"_s}, {u"password"_s, adminPassword}});
    const QString token = login.json.value(u"token"_s).toString();
    QVERIFY2(!token.isEmpty(), login.body.constData());
    JsonSocket admin;
    QVERIFY(admin.open(server.wsUrl(u"/v1/agent"_s)));
    QVERIFY(admin.request({{u"type"_s, u"auth"_s}, {u"token"_s, token}}));
    QVERIFY(admin.request({{u"type"_s, u"set_status"_s}, {u"status"_s, u"away"_s}}));
    const auto updated = admin.request({{u"type"_s, u"update_site"_s}, {u"mailTeamAddress"_s, u"team@shop.test"_s}});
    QVERIFY(updated && typeOf(*updated) == u"result"_s);

    // Five offline-form messages while the SMTP server is down.
    constexpr int Visitors = 5;
    QSet<qint64> conversations;
    for (int i = 0; i < Visitors; ++i) {
        JsonSocket visitor;
        QVERIFY(visitor.open(server.wsUrl(u"/v1/visitor?site="_s + server.siteKey()), TestServer::allowedOrigin));
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
    QVERIFY2(queued, qPrintable(server.log().right(2000)));

    server.kill();
    QVERIFY2(smtp.start(&error), qPrintable(error));
    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY2(smtp.waitForMessages(Visitors, 30000), qPrintable(server.log().right(2000)));
    QTest::qWait(1500);
    const QList<QJsonObject> messages = smtp.messages();
    QCOMPARE(messages.size(), Visitors); // each once
    QSet<qint64> mailed;
    static const QRegularExpression chat(u"#(\\d+)\\)"_s);
    for (const QJsonObject &message : messages)
        mailed.insert(chat.match(message[u"headers"_s][u"Subject"_s].toString()).captured(1).toLongLong());
    QCOMPARE(mailed, conversations);

    // And again after a clean stop: nothing more.
    QVERIFY2(server.stop(&error), qPrintable(error));
    QVERIFY2(server.start(&error), qPrintable(error));
    QTest::qWait(1000);
    QCOMPARE(smtp.messages().size(), Visitors);
    QVERIFY2(server.stop(&error), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_MailCrash)
#include "tst_mailcrash.moc"
