// Who the client behind a reverse proxy is: ProxyTrust's reading of
// X-Forwarded-For and Forwarded, and what it refuses to believe.
#include "http/proxytrust.h"

#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class tst_ProxyTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolvesTheClient_data();
    void resolvesTheClient();
    void parsesProxies_data();
    void parsesProxies();
    void parsesTheHeaderName();
};

namespace {

ProxyTrust trustOf(const QStringList &proxies, ProxyTrust::Header header)
{
    ProxyTrust trust;
    trust.header = header;
    for (const QString &text : proxies) {
        QPair<QHostAddress, int> proxy;
        QString error;
        if (ProxyTrust::parseProxy(text, &proxy, &error))
            trust.proxies.append(proxy);
    }
    return trust;
}

} // namespace

void tst_ProxyTrust::resolvesTheClient_data()
{
    QTest::addColumn<QStringList>("proxies");
    QTest::addColumn<bool>("forwardedHeader"); ///< false: X-Forwarded-For
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("forwarding");
    QTest::addColumn<QByteArray>("proto");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QByteArray>("scheme");

    const QStringList proxy{u"10.0.0.5"_s};
    QTest::newRow("no proxies: headers are ignored") << QStringList() << false << u"203.0.113.1"_s << QByteArray("198.51.100.7")
                                                     << QByteArray("https") << u"203.0.113.1"_s << QByteArray();
    QTest::newRow("untrusted peer: a spoofed header is ignored")
        << proxy << false << u"203.0.113.1"_s << QByteArray("198.51.100.7") << QByteArray("https") << u"203.0.113.1"_s
        << QByteArray();
    QTest::newRow("trusted peer names the client") << proxy << false << u"10.0.0.5"_s << QByteArray("198.51.100.7")
                                                   << QByteArray("https") << u"198.51.100.7"_s << QByteArray("https");
    QTest::newRow("a client's own prefix is skipped: the right-most untrusted counts")
        << proxy << false << u"10.0.0.5"_s << QByteArray("1.2.3.4, 198.51.100.7") << QByteArray() << u"198.51.100.7"_s
        << QByteArray();
    QTest::newRow("a chain of trusted proxies is walked")
        << QStringList{u"10.0.0.0/8"_s} << false << u"10.0.0.5"_s << QByteArray("1.2.3.4, 198.51.100.7, 10.1.2.3")
        << QByteArray("http, https") << u"198.51.100.7"_s << QByteArray("https");
    QTest::newRow("every hop trusted: the left-most")
        << QStringList{u"10.0.0.0/8"_s} << false << u"10.0.0.5"_s << QByteArray("10.9.9.9, 10.1.2.3") << QByteArray()
        << u"10.9.9.9"_s << QByteArray();
    QTest::newRow("no header from the proxy: the proxy")
        << proxy << false << u"10.0.0.5"_s << QByteArray() << QByteArray() << u"10.0.0.5"_s << QByteArray();
    QTest::newRow("garbage right of the client: the proxy, not a guess")
        << proxy << false << u"10.0.0.5"_s << QByteArray("198.51.100.7, not-an-address") << QByteArray() << u"10.0.0.5"_s
        << QByteArray();
    QTest::newRow("an IPv4 address with a port") << proxy << false << u"10.0.0.5"_s << QByteArray("198.51.100.7:4711")
                                                 << QByteArray() << u"198.51.100.7"_s << QByteArray();
    QTest::newRow("an IPv6 client") << proxy << false << u"10.0.0.5"_s << QByteArray("2001:db8::17") << QByteArray()
                                    << u"2001:db8::17"_s << QByteArray();
    QTest::newRow("a v4-mapped proxy address is the v4 proxy")
        << proxy << false << u"::ffff:10.0.0.5"_s << QByteArray("198.51.100.7") << QByteArray() << u"198.51.100.7"_s
        << QByteArray();
    QTest::newRow("an unknown scheme is not taken") << proxy << false << u"10.0.0.5"_s << QByteArray("198.51.100.7")
                                                    << QByteArray("gopher") << u"198.51.100.7"_s << QByteArray();
    QTest::newRow("X-Forwarded-For mode ignores Forwarded")
        << proxy << false << u"10.0.0.5"_s << QByteArray("for=1.2.3.4") << QByteArray() << u"10.0.0.5"_s << QByteArray();

    QTest::newRow("Forwarded: for and proto")
        << proxy << true << u"10.0.0.5"_s << QByteArray("for=198.51.100.7;proto=https;by=10.0.0.5") << QByteArray()
        << u"198.51.100.7"_s << QByteArray("https");
    QTest::newRow("Forwarded: quoted IPv6 with a port")
        << proxy << true << u"10.0.0.5"_s << QByteArray(R"(for="[2001:db8:cafe::17]:4711";proto=http)") << QByteArray()
        << u"2001:db8:cafe::17"_s << QByteArray("http");
    QTest::newRow("Forwarded: a quoted comma does not split the element")
        << proxy << true << u"10.0.0.5"_s << QByteArray(R"(for="1.2.3.4, 5.6.7.8", for=198.51.100.7)") << QByteArray()
        << u"198.51.100.7"_s << QByteArray();
    QTest::newRow("Forwarded: the client's own element is left of the proxy's")
        << proxy << true << u"10.0.0.5"_s << QByteArray("for=1.2.3.4;proto=https, for=198.51.100.7;proto=http") << QByteArray()
        << u"198.51.100.7"_s << QByteArray("http");
    QTest::newRow("Forwarded: an obfuscated node stops the walk")
        << proxy << true << u"10.0.0.5"_s << QByteArray("for=_hidden") << QByteArray() << u"10.0.0.5"_s << QByteArray();
    QTest::newRow("Forwarded mode ignores X-Forwarded-Proto") << proxy << true << u"10.0.0.5"_s << QByteArray("for=198.51.100.7")
                                                              << QByteArray("https") << u"198.51.100.7"_s << QByteArray();
}

void tst_ProxyTrust::resolvesTheClient()
{
    QFETCH(QStringList, proxies);
    QFETCH(bool, forwardedHeader);
    QFETCH(QString, peer);
    QFETCH(QByteArray, forwarding);
    QFETCH(QByteArray, proto);
    QFETCH(QString, client);
    QFETCH(QByteArray, scheme);

    const ProxyTrust trust
        = trustOf(proxies, forwardedHeader ? ProxyTrust::Header::Forwarded : ProxyTrust::Header::XForwardedFor);
    QCOMPARE(trust.proxies.size(), proxies.size());
    const ProxyTrust::Client resolved = trust.resolve(QHostAddress(peer), forwarding, forwardedHeader ? QByteArray() : proto);
    QCOMPARE(resolved.address, QHostAddress(client));
    QCOMPARE(resolved.scheme, scheme);
}

void tst_ProxyTrust::parsesProxies_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("inside"); ///< an address the entry covers
    QTest::addColumn<QString>("outside"); ///< one it does not

    QTest::newRow("an IPv4 address") << u"127.0.0.1"_s << true << u"127.0.0.1"_s << u"127.0.0.2"_s;
    QTest::newRow("an IPv4 network") << u"10.0.0.0/8"_s << true << u"10.200.1.1"_s << u"11.0.0.1"_s;
    QTest::newRow("an IPv6 address") << u"::1"_s << true << u"::1"_s << u"::2"_s;
    QTest::newRow("an IPv6 network") << u"fd00::/8"_s << true << u"fd12::1"_s << u"fe80::1"_s;
    QTest::newRow("spaces around") << u" 192.168.1.1 "_s << true << u"192.168.1.1"_s << u"192.168.1.2"_s;
    QTest::newRow("a host name") << u"proxy.example"_s << false << QString() << QString();
    QTest::newRow("a prefix too long") << u"10.0.0.0/33"_s << false << QString() << QString();
    QTest::newRow("empty") << QString() << false << QString() << QString();
}

void tst_ProxyTrust::parsesProxies()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, inside);
    QFETCH(QString, outside);

    QPair<QHostAddress, int> proxy;
    QString error;
    QCOMPARE(ProxyTrust::parseProxy(text, &proxy, &error), valid);
    if (!valid) {
        QVERIFY(error.contains(u"is not an address"_s));
        return;
    }
    ProxyTrust trust;
    trust.proxies.append(proxy);
    QVERIFY(trust.trusts(QHostAddress(inside)));
    QVERIFY(!trust.trusts(QHostAddress(outside)));
}

void tst_ProxyTrust::parsesTheHeaderName()
{
    ProxyTrust::Header header = ProxyTrust::Header::XForwardedFor;
    QString error;
    QVERIFY(ProxyTrust::parseHeader(u"Forwarded"_s, &header, &error));
    QCOMPARE(header, ProxyTrust::Header::Forwarded);
    QVERIFY(ProxyTrust::parseHeader(u"x-forwarded-for"_s, &header, &error));
    QCOMPARE(header, ProxyTrust::Header::XForwardedFor);
    QVERIFY(!ProxyTrust::parseHeader(u"x-real-ip"_s, &header, &error));
    QVERIFY(error.contains(u"x-real-ip"_s));
}

QTEST_GUILESS_MAIN(tst_ProxyTrust)
#include "tst_proxytrust.moc"
