#include <auth/originpolicy.h>

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using Frontdesk::OriginPolicy;

class tst_OriginPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data();
    void normalize();
    void isAllowed_data();
    void isAllowed();
    void validateEntry_data();
    void validateEntry();
    void ownOrigins_data();
    void ownOrigins();
};

void tst_OriginPolicy::normalize_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("expected"); // null: nullopt

    const QString invalid;
    QTest::newRow("https") << u"https://example.com"_s << u"https://example.com"_s;
    QTest::newRow("http") << u"http://example.com"_s << u"http://example.com"_s;
    QTest::newRow("upper case") << u"HTTPS://Shop.Example.COM"_s << u"https://shop.example.com"_s;
    QTest::newRow("trailing slash") << u"https://example.com/"_s << u"https://example.com"_s;
    QTest::newRow("https default port") << u"https://example.com:443"_s << u"https://example.com"_s;
    QTest::newRow("http default port") << u"http://example.com:80/"_s << u"http://example.com"_s;
    QTest::newRow("https on 80 is not default") << u"https://example.com:80"_s << u"https://example.com:80"_s;
    QTest::newRow("http on 443 is not default") << u"http://example.com:443"_s << u"http://example.com:443"_s;
    QTest::newRow("other port") << u"http://localhost:8080"_s << u"http://localhost:8080"_s;
    QTest::newRow("IPv4") << u"http://127.0.0.1:3000"_s << u"http://127.0.0.1:3000"_s;
    QTest::newRow("IPv6") << u"http://[::1]:8080"_s << u"http://[::1]:8080"_s;
    QTest::newRow("IPv6 default port") << u"https://[2001:DB8::1]:443"_s << u"https://[2001:db8::1]"_s;
    QTest::newRow("IDN to punycode") << u"https://bücher.example"_s << u"https://xn--bcher-kva.example"_s;
    QTest::newRow("punycode kept") << u"https://xn--bcher-kva.example"_s << u"https://xn--bcher-kva.example"_s;

    QTest::newRow("empty") << QString() << invalid;
    QTest::newRow("null") << u"null"_s << invalid;
    QTest::newRow("path") << u"https://example.com/page"_s << invalid;
    QTest::newRow("two slashes") << u"https://example.com//"_s << invalid;
    QTest::newRow("query") << u"https://example.com?x=1"_s << invalid;
    QTest::newRow("fragment") << u"https://example.com#top"_s << invalid;
    QTest::newRow("userinfo") << u"https://user:pass@example.com"_s << invalid;
    QTest::newRow("user only") << u"https://evil.example@example.com"_s << invalid;
    QTest::newRow("ftp") << u"ftp://example.com"_s << invalid;
    QTest::newRow("file") << u"file:///etc/passwd"_s << invalid;
    QTest::newRow("ws") << u"ws://example.com"_s << invalid;
    QTest::newRow("no scheme") << u"example.com"_s << invalid;
    QTest::newRow("no slashes") << u"http:example.com"_s << invalid;
    QTest::newRow("no host") << u"https://"_s << invalid;
    QTest::newRow("port without host") << u"https://:443"_s << invalid;
    QTest::newRow("empty port") << u"https://example.com:"_s << invalid;
    QTest::newRow("port 0") << u"https://example.com:0"_s << invalid;
    QTest::newRow("port too big") << u"https://example.com:65536"_s << invalid;
    QTest::newRow("port not a number") << u"https://example.com:http"_s << invalid;
    QTest::newRow("port wildcard") << u"http://localhost:*"_s << invalid;
    QTest::newRow("leading space") << u" https://example.com"_s << invalid;
    QTest::newRow("space in host") << u"https://exa mple.com"_s << invalid;
    QTest::newRow("backslash") << u"https://example.com\\"_s << invalid;
    QTest::newRow("bad host characters") << u"https://exa<mple>.com"_s << invalid;
    QTest::newRow("unclosed IPv6") << u"http://[::1:8080"_s << invalid;
    QTest::newRow("star") << u"*"_s << invalid;
}

void tst_OriginPolicy::normalize()
{
    QFETCH(QString, origin);
    QFETCH(QString, expected);

    const std::optional<QString> normalized = OriginPolicy::normalize(origin);
    if (expected.isNull()) {
        QVERIFY2(!normalized, qPrintable(normalized.value_or(QString())));
    } else {
        QVERIFY(normalized);
        QCOMPARE(*normalized, expected);
        // Normalising is idempotent: stored values compare with fresh ones.
        QCOMPARE(OriginPolicy::normalize(*normalized), normalized);
    }
}

void tst_OriginPolicy::isAllowed_data()
{
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("expected");

    const QStringList shop{u"https://shop.example.com"_s};
    QTest::newRow("exact") << shop << u"https://shop.example.com"_s << true;
    QTest::newRow("case and default port") << shop << u"https://SHOP.example.com:443"_s << true;
    QTest::newRow("entry normalised too") << QStringList{u"HTTPS://Shop.Example.com:443/"_s} << u"https://shop.example.com"_s
                                          << true;
    QTest::newRow("entry whitespace ignored")
        << QStringList{u"  https://shop.example.com\n"_s} << u"https://shop.example.com"_s << true;
    QTest::newRow("other scheme") << shop << u"http://shop.example.com"_s << false;
    QTest::newRow("other port") << shop << u"https://shop.example.com:8443"_s << false;
    QTest::newRow("subdomain") << shop << u"https://evil.shop.example.com"_s << false;
    QTest::newRow("suffix attack") << shop << u"https://shop.example.com.evil.test"_s << false;
    QTest::newRow("parent domain") << shop << u"https://example.com"_s << false;
    QTest::newRow("null") << shop << u"null"_s << false;
    QTest::newRow("missing") << shop << QString() << false;
    QTest::newRow("empty list") << QStringList() << u"https://shop.example.com"_s << false;
    QTest::newRow("second entry") << QStringList{u"https://a.example"_s, u"https://b.example"_s} << u"https://b.example"_s
                                  << true;
    QTest::newRow("invalid entries ignored")
        << QStringList{u"nonsense"_s, u""_s, u"https://b.example"_s} << u"https://b.example"_s << true;

    const QStringList any{u"*"_s};
    QTest::newRow("star allows valid") << any << u"https://anything.example:1234"_s << true;
    QTest::newRow("star rejects null") << any << u"null"_s << false;
    QTest::newRow("star rejects missing") << any << QString() << false;
    QTest::newRow("star rejects path") << any << u"https://a.example/page"_s << false;
    QTest::newRow("star rejects ftp") << any << u"ftp://a.example"_s << false;

    const QStringList dev{u"http://localhost:*"_s};
    QTest::newRow("port wildcard, port") << dev << u"http://localhost:5173"_s << true;
    QTest::newRow("port wildcard, default port") << dev << u"http://localhost"_s << true;
    QTest::newRow("port wildcard, explicit 80") << dev << u"http://localhost:80"_s << true;
    QTest::newRow("port wildcard, other scheme") << dev << u"https://localhost:5173"_s << false;
    QTest::newRow("port wildcard, other host") << dev << u"http://127.0.0.1:5173"_s << false;
    QTest::newRow("port wildcard, host prefix") << dev << u"http://localhost.evil.test:5173"_s << false;
    QTest::newRow("port wildcard, IPv6") << QStringList{u"http://[::1]:*"_s} << u"http://[::1]:3000"_s << true;
}

void tst_OriginPolicy::isAllowed()
{
    QFETCH(QStringList, allowed);
    QFETCH(QString, origin);
    QFETCH(bool, expected);

    QCOMPARE(OriginPolicy::isAllowed(allowed, origin), expected);
}

void tst_OriginPolicy::validateEntry_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<bool>("acceptable");

    QTest::newRow("origin") << u"https://shop.example.com"_s << true;
    QTest::newRow("with port") << u"http://localhost:8080"_s << true;
    QTest::newRow("upper case and slash") << u"HTTPS://Shop.Example.com/"_s << true;
    QTest::newRow("star") << u"*"_s << true;
    QTest::newRow("port wildcard") << u"http://localhost:*"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("null") << u"null"_s << false;
    QTest::newRow("page URL") << u"https://shop.example.com/contact"_s << false;
    QTest::newRow("bare host") << u"shop.example.com"_s << false;
    QTest::newRow("subdomain wildcard") << u"https://*.example.com"_s << false;
    QTest::newRow("host wildcard") << u"http://*:8080"_s << false;
    QTest::newRow("scheme wildcard") << u"*://example.com"_s << false;
    QTest::newRow("ftp") << u"ftp://example.com"_s << false;
    QTest::newRow("bad port") << u"http://localhost:99999"_s << false;
}

void tst_OriginPolicy::validateEntry()
{
    QFETCH(QString, entry);
    QFETCH(bool, acceptable);

    const QString verdict = OriginPolicy::validateEntry(entry);
    QCOMPARE(verdict.isEmpty(), acceptable);
    if (!acceptable) {
        QVERIFY2(verdict.endsWith(u'.'), qPrintable(verdict));
        QVERIFY2(verdict.contains(entry.trimmed()), qPrintable(verdict));
    }
}

void tst_OriginPolicy::ownOrigins_data()
{
    QTest::addColumn<QString>("publicUrl");
    QTest::addColumn<QString>("listenUrl");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("public URL only") << u"https://Chat.Example.com/"_s << u"http://127.0.0.1:8080"_s
                                     << QStringList{u"https://chat.example.com"_s};
    QTest::newRow("public URL with a prefix and port")
        << u"https://example.com:8443/chat"_s << u"http://127.0.0.1:8080"_s << QStringList{u"https://example.com:8443"_s};
    QTest::newRow("loopback: every spelling of the port")
        << QString() << u"http://127.0.0.1:8080"_s
        << QStringList{u"http://127.0.0.1:8080"_s, u"http://localhost:8080"_s, u"http://[::1]:8080"_s};
    QTest::newRow("IPv6 loopback with TLS") << QString() << u"https://[::1]:8443"_s
                                            << QStringList{u"https://[::1]:8443"_s, u"https://localhost:8443"_s,
                                                           u"https://127.0.0.1:8443"_s};
    QTest::newRow("another address: only itself")
        << QString() << u"http://192.0.2.7:8080"_s << QStringList{u"http://192.0.2.7:8080"_s};
}

void tst_OriginPolicy::ownOrigins()
{
    QFETCH(QString, publicUrl);
    QFETCH(QString, listenUrl);
    QFETCH(QStringList, expected);

    QCOMPARE(OriginPolicy::ownOrigins(QUrl(publicUrl), QUrl(listenUrl)), expected);
}

QTEST_GUILESS_MAIN(tst_OriginPolicy)
#include "tst_originpolicy.moc"
