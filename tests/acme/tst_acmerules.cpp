// The rules of automatic HTTPS that need no CA: which tokens the challenge
// port answers, which domains certbot is given, when a renewal is due.

#include "acme/acmechallengeresponder.h"
#include "acme/acmesettings.h"
#include "acme/certbotrun.h"
#include "acme/renewalpolicy.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Frontdesk;

class tst_AcmeRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void token_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("base64url") << u"9rakpxRrSFE38ItReF60FwHgg19pLYn7oqMkUxe2SRE"_s << true;
        QTest::newRow("dash and underscore") << u"a-b_c"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("parent") << u".."_s << false;
        QTest::newRow("dot") << u"a.b"_s << false;
        QTest::newRow("slash") << u"a/b"_s << false;
        QTest::newRow("backslash") << u"a\\b"_s << false;
        QTest::newRow("nul") << u"a\u0000b"_s << false;
        QTest::newRow("space") << u"a b"_s << false;
        QTest::newRow("non-ascii letter") << u"caf\u00e9"_s << false;
        QTest::newRow("fullwidth digit") << u"\uff11"_s << false;
        QTest::newRow("too long") << QString(129, u'a') << false;
        QTest::newRow("longest") << QString(128, u'a') << true;
    }
    void token()
    {
        QFETCH(QString, token);
        QFETCH(bool, accepted);
        QCOMPARE(AcmeChallengeResponder::isToken(token), accepted);
    }

    // Only a pending token's file, holding TOKEN.THUMBPRINT, is answered.
    void keyAuthorization()
    {
        QTemporaryDir root;
        const QString folder = root.filePath(u"webroot/.well-known/acme-challenge"_s);
        QVERIFY(QDir().mkpath(folder));
        const auto write = [](const QString &path, const QByteArray &content) {
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
        };
        QVERIFY(write(folder + u"/tok1"_s, "tok1.thumb_print-1\n"));
        QVERIFY(write(folder + u"/tok2"_s, "someone else's file"));
        QVERIFY(write(root.filePath(u"webroot/secret"_s), "secret.x"));
        const AcmeChallengeResponder responder(folder);

        QCOMPARE(responder.keyAuthorization(u"tok1"_s).value_or(QByteArray()), QByteArray("tok1.thumb_print-1"));
        QVERIFY(!responder.keyAuthorization(u"tok2"_s));
        QVERIFY(!responder.keyAuthorization(u"missing"_s));
        QVERIFY(!responder.keyAuthorization(u"../secret"_s));
        // Gone once the client removed it: a finished challenge is not answered again.
        QVERIFY(QFile::remove(folder + u"/tok1"_s));
        QVERIFY(!responder.keyAuthorization(u"tok1"_s));
    }

    void domain_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("plain") << u"chat.shop.example"_s << u"chat.shop.example"_s;
        QTest::newRow("upper case, spaces") << u" Chat.Shop.Example "_s << u"chat.shop.example"_s;
        QTest::newRow("hyphen") << u"my-chat.example"_s << u"my-chat.example"_s;
        QTest::newRow("one label") << u"localhost"_s << QString();
        QTest::newRow("wildcard") << u"*.shop.example"_s << QString();
        QTest::newRow("address") << u"192.0.2.1"_s << QString();
        QTest::newRow("url") << u"https://chat.shop.example"_s << QString();
        QTest::newRow("port") << u"chat.shop.example:443"_s << QString();
        QTest::newRow("option") << u"--server.example"_s << QString();
        QTest::newRow("leading hyphen label") << u"-a.example"_s << QString();
        QTest::newRow("path") << u"a.example/../x"_s << QString();
        QTest::newRow("label too long") << QString(64, u'a') + u".example"_s << QString();
    }
    void domain()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QString parsed;
        QString error;
        QCOMPARE(AcmeSettings::parseDomain(text, &parsed, &error), !expected.isEmpty());
        QCOMPARE(parsed, expected);
        QCOMPARE(error.isEmpty(), !expected.isEmpty());
    }

    void renewAt_data()
    {
        QTest::addColumn<qint64>("lifetimeSeconds");
        QTest::addColumn<qint64>("renewBeforeExpirySeconds");
        const qint64 day = 24 * 3600;
        QTest::newRow("Let's Encrypt, 90 days") << 90 * day << 30 * day;
        QTest::newRow("a year") << 365 * day << 30 * day;
        QTest::newRow("six days") << 6 * day << 2 * day;
        QTest::newRow("30 s (tests)") << qint64(30) << qint64(10);
        QTest::newRow("backwards") << qint64(-5) << qint64(0);
    }
    void renewAt()
    {
        QFETCH(qint64, lifetimeSeconds);
        QFETCH(qint64, renewBeforeExpirySeconds);
        const QDateTime notBefore(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        const QDateTime notAfter = notBefore.addSecs(lifetimeSeconds);
        QCOMPARE(RenewalPolicy::renewAt(notBefore, notAfter), notAfter.addSecs(-renewBeforeExpirySeconds));
    }

    void retryDelay()
    {
        QCOMPARE(RenewalPolicy::retryDelaySeconds(1), qint64(60));
        QCOMPARE(RenewalPolicy::retryDelaySeconds(2), qint64(120));
        QCOMPARE(RenewalPolicy::retryDelaySeconds(5), qint64(960));
        QCOMPARE(RenewalPolicy::retryDelaySeconds(9), qint64(15360));
        QCOMPARE(RenewalPolicy::retryDelaySeconds(10), qint64(6 * 3600));
        QCOMPARE(RenewalPolicy::retryDelaySeconds(1000), qint64(6 * 3600));
    }

    // certbot is told exactly one domain, the CA asked for, and where the challenge files go.
    void certbotArguments()
    {
        AcmeSettings settings;
        settings.domain = u"chat.shop.example"_s;
        settings.folder = u"/var/lib/frontdesk/acme"_s;
        QStringList arguments = CertbotRun::arguments(settings);
        QCOMPARE(arguments.first(), u"certonly"_s);
        QVERIFY(arguments.contains(u"--non-interactive"_s));
        QVERIFY(arguments.contains(u"--register-unsafely-without-email"_s));
        QCOMPARE(arguments.at(arguments.indexOf(u"--domain"_s) + 1), settings.domain);
        QCOMPARE(arguments.at(arguments.indexOf(u"--server"_s) + 1), settings.directoryUrl.toString());
        QCOMPARE(arguments.at(arguments.indexOf(u"--webroot-path"_s) + 1), u"/var/lib/frontdesk/acme/webroot"_s);
        QCOMPARE(CertbotRun::paths(settings).privateKey, u"/var/lib/frontdesk/acme/certbot/live/chat.shop.example/privkey.pem"_s);

        settings.email = u"ops@shop.example"_s;
        arguments = CertbotRun::arguments(settings);
        QVERIFY(!arguments.contains(u"--register-unsafely-without-email"_s));
        QCOMPARE(arguments.at(arguments.indexOf(u"--email"_s) + 1), settings.email);
    }
};

QTEST_GUILESS_MAIN(tst_AcmeRules)
#include "tst_acmerules.moc"
