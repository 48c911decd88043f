// Host mode's Settings → Email → "Use these settings now": the console's own
// server changes the SMTP server it sends through while it runs, with the
// password the console keeps in the real Secret Service, and a visitor who was
// connected before the change stays connected; an offline message then reaches
// a real SMTP server (aiosmtpd) with AUTH. Clearing the SMTP server turns mail
// off the same way.
#include "agentclient.h"
#include "consolesettings.h"
#include "jsonsocket.h"
#include "sessioncontroller.h"
#include "smtptestserver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class tst_HostMail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newSmtpSettingsApplyWithoutARestart();
};

void tst_HostMail::newSmtpSettingsApplyWithoutARestart()
{
    // The SMTP server, with a login of this run's own (the keyring is shared by the suite).
    const QString smtpUser = u"bakery-%1"_s.arg(QCoreApplication::applicationPid());
    const QString smtpPassword = u"s3cret ☕ bread"_s;
    SmtpTestServer smtp;
    QString error;
    QVERIFY2(smtp.start({smtpUser, smtpPassword, {}, {}}, &error), qPrintable(error));

    // A host-mode console set up by the wizard, with no mail server yet.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const int port = probe.serverPort();
    probe.close();
    ConsoleSettings settings(dir.filePath(u"console.conf"_s), nullptr);
    ServerConfig base;
    base.database.kind = DatabaseConfig::Kind::Sqlite;
    base.database.sqlitePath = dir.filePath(u"host.sqlite"_s);
    AgentClient client(u"frontdesk-test-hostmail"_s, nullptr);
    SessionController session(&client, &settings, base);
    session.finishHostSetup(u"Anna"_s, u"anna@bakery.test"_s, u"anna's long password"_s, u"Anna's Bakery"_s,
                            u"https://bakery.test"_s, u"127.0.0.1"_s, port);
    QTRY_COMPARE_WITH_TIMEOUT(session.phase(), SessionController::Console, 30'000);
    QTRY_VERIFY_WITH_TIMEOUT(client.site().contains(u"siteKey"_s), 10'000);
    QCOMPARE(session.smtpInUse(), QString());
    QVERIFY(!client.mailEnabled());

    // Nobody at the desk, and a team address: a message now is an offline-form email.
    client.setPresence(u"away"_s);
    SitePatch patch;
    patch.mailTeamAddress = u"team@bakery.test"_s;
    client.updateSite(patch);
    QTRY_COMPARE(client.site().value(u"mailTeamAddress"_s).toString(), u"team@bakery.test"_s);

    // A visitor on the site before the change.
    JsonSocket visitor;
    const QString siteKey = client.site().value(u"siteKey"_s).toString();
    QVERIFY(visitor.open(QUrl(u"ws://127.0.0.1:%1/v1/visitor?site=%2"_s.arg(port).arg(siteKey)), "https://bakery.test"));
    const auto welcome = visitor.request({{u"type"_s, u"hello"_s}});
    QVERIFY(welcome);
    QCOMPARE(welcome->value(u"site"_s)[u"mail"_s].toBool(), false);

    // Settings → Email: the form, then "Save password", which applies it.
    settings.setSmtpUrl(smtp.url());
    settings.setSmtpUser(smtpUser);
    settings.setSmtpFrom(u"Anna's Bakery <chat@bakery.test>"_s);
    settings.setSmtpAllowPlain(true); // aiosmtpd on loopback, without TLS
    QCOMPARE(SessionController::checkSmtpSettings(settings.smtpUrl(), settings.smtpUser(), settings.smtpFrom(), true), QString());
    session.saveSmtpPassword(smtpPassword);
    QTRY_COMPARE_WITH_TIMEOUT(session.smtpInUse(), u"%1 as %2"_s.arg(smtp.url(), smtpUser), 10'000);
    QTRY_VERIFY(client.mailEnabled()); // the admin's console heard mail_status

    // The same connection, so the server did not restart; the email goes through AUTH.
    visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"b-1"_s}, {u"body"_s, u"Do you have rye bread today?"_s}});
    QVERIFY(visitor.waitForType(u"ack"_s));
    QVERIFY(smtp.waitForMessages(1));
    const QJsonObject mail = smtp.messages().first();
    QVERIFY(mail[u"authenticated"_s].toBool());
    QCOMPARE(mail[u"mailFrom"_s].toString(), u"chat@bakery.test"_s);
    QCOMPARE(mail[u"rcptTos"_s].toArray(), QJsonArray{u"team@bakery.test"_s});
    QVERIFY2(mail[u"body"_s].toString().contains(u"Do you have rye bread today?"_s), qPrintable(mail[u"body"_s].toString()));

    // No SMTP server: mail is off at once, and new visitors are not offered the transcript.
    settings.setSmtpUrl(QString());
    session.applySmtpSettings();
    QTRY_COMPARE(session.smtpInUse(), QString());
    QTRY_VERIFY(!client.mailEnabled());
    JsonSocket later;
    QVERIFY(later.open(QUrl(u"ws://127.0.0.1:%1/v1/visitor?site=%2"_s.arg(port).arg(siteKey)), "https://bakery.test"));
    const auto laterWelcome = later.request({{u"type"_s, u"hello"_s}});
    QVERIFY(laterWelcome);
    QCOMPARE(laterWelcome->value(u"site"_s)[u"mail"_s].toBool(), false);
}

QTEST_MAIN(tst_HostMail)
#include "tst_hostmail.moc"
