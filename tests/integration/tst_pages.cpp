// The server's own HTML pages over real sockets: `/` (name, version, status,
// the console's address, no secrets), `/try` (the widget of the first site or
// of `?site=KEY`, an unknown key as a 404 page), escaping of everything put
// into them, their security headers, and the rule that the server's own
// origin may use every site's visitor endpoints without being stored in any
// site's allowed origins, while other origins stay refused.
#include "api/htmlpage.h"
#include "chat/sitedirectory.h"
#include "jsonsocket.h"
#include "testserver.h"

#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

const QString hostileName = u"<img src=x onerror=alert(1)> & \"Bob's\" shop"_s;

QString typeOf(const std::optional<QJsonObject> &frame)
{
    return frame ? frame->value(u"type"_s).toString() : u"(no answer)"_s;
}

} // namespace

class tst_Pages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void escape();
    void homePage();
    void tryPageEmbedsTheFirstSite();
    void tryPageForAnotherSite();
    void unknownSiteIsAnHtml404();
    void ownOriginMayUseTheSite_data();
    void ownOriginMayUseTheSite();
    void sameOriginFetchWithoutOrigin_data();
    void sameOriginFetchWithoutOrigin();
    void publicUrlIsTheOnlyOwnOrigin();

private:
    [[nodiscard]] QByteArray ownOrigin() const { return "http://127.0.0.1:" + QByteArray::number(m_server->port()); }
    /// Whether a visitor socket with @p origin is accepted and says hello for @p siteKey.
    [[nodiscard]] bool visitorConnects(const QString &siteKey, const QByteArray &origin);

    std::unique_ptr<TestServer> m_server;
    TestHttp m_http;
};

void tst_Pages::init()
{
    m_server = std::make_unique<TestServer>();
    m_server->config().siteName = hostileName;
    if (QByteArray(QTest::currentTestFunction()) == "publicUrlIsTheOnlyOwnOrigin")
        m_server->config().publicUrl = QUrl(u"https://chat.example.com/support"_s);
    FRONTDESK_START_TEST_SERVER(*m_server, u"sqlite"_s);
}

void tst_Pages::cleanup()
{
    m_server.reset();
}

bool tst_Pages::visitorConnects(const QString &siteKey, const QByteArray &origin)
{
    JsonSocket visitor;
    if (!visitor.open(m_server->wsUrl(u"/v1/visitor?site="_s + siteKey), origin))
        return false;
    return typeOf(visitor.request(QJsonObject{{u"type"_s, u"hello"_s}, {u"v"_s, 1}})) == u"welcome"_s;
}

void tst_Pages::escape()
{
    QCOMPARE(HtmlPage::escape(u"<a href=\"x\" title='y'>&amp;</a>"_s),
             u"&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"_s);
    QCOMPARE(HtmlPage::escape(u"plain text, ünïcode 😀"_s), u"plain text, ünïcode 😀"_s);
}

void tst_Pages::homePage()
{
    const HttpAnswer page = m_http.get(m_server->httpUrl(u"/"_s));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QCOMPARE(page.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(page.header("X-Content-Type-Options"), QByteArray("nosniff"));
    const QByteArray policy = page.header("Content-Security-Policy");
    QVERIFY2(policy.startsWith("default-src 'none'; style-src 'sha256-"), policy.constData());
    QVERIFY2(!policy.contains("script-src"), "the front page runs no script");
    QVERIFY(policy.contains("frame-ancestors 'none'"));

    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.startsWith(u"<!doctype html>"_s));
    QVERIFY(html.contains(u"Frontdesk"_s));
    QVERIFY(html.contains(QStringLiteral(FRONTDESK_VERSION)));
    QVERIFY(html.contains(u"<span class=\"ok\">Running</span>"_s));
    // The address to give the console, and the way to the demo.
    const QString base = u"http://127.0.0.1:%1"_s.arg(m_server->port());
    QVERIFY(html.contains(u"<code id=\"console-url\">"_s + base + u"</code>"_s));
    QVERIFY(html.contains(u"href=\""_s + base + u"/try\""_s));
    // Nothing about the sites or the team.
    QVERIFY(!html.contains(m_server->siteKey()));
    QVERIFY(!html.contains(TestServer::adminEmail));
    QVERIFY(!html.contains(u"Bob"_s));

    // A page, not an API: the JSON 404 stays for paths that are nothing.
    const HttpAnswer nothing = m_http.get(m_server->httpUrl(u"/nothing-here"_s));
    QCOMPARE(nothing.status, 404);
    QCOMPARE(nothing.errorCode(), u"not_found"_s);
}

void tst_Pages::tryPageEmbedsTheFirstSite()
{
    const HttpAnswer page = m_http.get(m_server->httpUrl(u"/try"_s));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QCOMPARE(page.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(page.header("X-Content-Type-Options"), QByteArray("nosniff"));
    const QByteArray origin = ownOrigin();
    const QByteArray policy = page.header("Content-Security-Policy");
    const QByteArray scripts = "; script-src " + origin + ';';
    const QByteArray connections = "; connect-src " + origin + " ws://127.0.0.1:" + QByteArray::number(m_server->port());
    QVERIFY2(policy.contains(scripts), policy.constData());
    QVERIFY2(policy.contains(connections), policy.constData());
    QVERIFY(!policy.contains("unsafe-inline"));

    const QString html = QString::fromUtf8(page.body);
    // The snippet itself, as the console shows it, and shown as text.
    const QString snippet = m_server->server()->snippet(*m_server->server()->sites().first());
    QCOMPARE(snippet,
             u"<script async src=\"%1/widget.js\" data-site-key=\"%2\"></script>"_s.arg(QString::fromLatin1(origin),
                                                                                        m_server->siteKey()));
    QVERIFY(html.contains(snippet + u"</main>"_s));
    QVERIFY(html.contains(u"<code id=\"snippet\">"_s + HtmlPage::escape(snippet) + u"</code>"_s));
    QCOMPARE(html.count(u"<script"_s), qsizetype(1));
    // The site's name is the admin's text: escaped in the heading and the title.
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(html.contains(u"<h2 id=\"site\">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Bob&#39;s&quot; shop</h2>"_s));
    QVERIFY(html.contains(u"<title>Try the chat: &lt;img"_s));
    QVERIFY(!html.contains(TestServer::adminEmail));

    // The same with the key given.
    const HttpAnswer byKey = m_http.get(m_server->httpUrl(u"/try?site="_s + m_server->siteKey()));
    QCOMPARE(byKey.status, 200);
    QVERIFY(QString::fromUtf8(byKey.body).contains(snippet));
}

void tst_Pages::tryPageForAnotherSite()
{
    JsonSocket admin;
    const QString token = m_http.loginAdmin(*m_server);
    QVERIFY(!token.isEmpty());
    QVERIFY(admin.open(m_server->wsUrl(u"/v1/agent"_s)));
    QCOMPARE(typeOf(admin.request(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, token}})), u"snapshot"_s);
    const auto created = admin.request(QJsonObject{{u"type"_s, u"create_site"_s},
                                                   {u"name"_s, u"Second shop"_s},
                                                   {u"allowedOrigins"_s, QJsonArray{u"https://second.test"_s}}});
    QCOMPARE(typeOf(created), u"result"_s);
    const QString secondKey = created->value(u"site"_s)[u"siteKey"_s].toString();
    QVERIFY(!secondKey.isEmpty());

    const HttpAnswer page = m_http.get(m_server->httpUrl(u"/try?site="_s + secondKey));
    QCOMPARE(page.status, 200);
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(u"<h2 id=\"site\">Second shop</h2>"_s));
    QVERIFY(html.contains(u"data-site-key=\""_s + secondKey + u'"'));
    QVERIFY(!html.contains(m_server->siteKey()));
    // Its own page may use it; its list is what it was.
    QVERIFY(visitorConnects(secondKey, ownOrigin()));
    QVERIFY(!visitorConnects(secondKey, TestServer::allowedOrigin));
    QVERIFY(visitorConnects(secondKey, "https://second.test"));
}

void tst_Pages::unknownSiteIsAnHtml404()
{
    const QString key = u"<script>alert(\"x\")</script>"_s;
    const HttpAnswer page = m_http.get(m_server->httpUrl(u"/try?site="_s + QString::fromLatin1(QUrl::toPercentEncoding(key))));
    QCOMPARE(page.status, 404);
    QCOMPARE(page.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QVERIFY(!page.header("Content-Security-Policy").contains("script-src"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(u"Unknown site"_s));
    QVERIFY(html.contains(u"<code id=\"key\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</code>"_s));
    QVERIFY(!html.contains(u"<script"_s));
    QVERIFY(!html.contains(m_server->siteKey()));

    // A long key is cut, not echoed whole.
    const HttpAnswer longKey = m_http.get(m_server->httpUrl(u"/try?site="_s + QString(5000, u'k')));
    QCOMPARE(longKey.status, 404);
    QVERIFY(!QString::fromUtf8(longKey.body).contains(QString(65, u'k')));

    const HttpAnswer empty = m_http.get(m_server->httpUrl(u"/try?site="_s));
    QCOMPARE(empty.status, 404);
}

void tst_Pages::ownOriginMayUseTheSite_data()
{
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<bool>("accepted");

    // Filled in the test: the port is the server's.
    QTest::newRow("own origin") << QByteArray("own") << true;
    QTest::newRow("own origin as localhost") << QByteArray("localhost") << true;
    QTest::newRow("the site's allowed origin") << TestServer::allowedOrigin << true;
    QTest::newRow("another port on loopback") << QByteArray("otherport") << false;
    QTest::newRow("https on the same port") << QByteArray("https") << false;
    QTest::newRow("a third-party page") << QByteArray("http://evil.test") << false;
    QTest::newRow("a rebound name on the port") << QByteArray("rebound") << false;
    QTest::newRow("null") << QByteArray("null") << false;
    QTest::newRow("none") << QByteArray() << false;
}

void tst_Pages::ownOriginMayUseTheSite()
{
    QFETCH(QByteArray, origin);
    QFETCH(bool, accepted);
    const QByteArray port = QByteArray::number(m_server->port());
    if (origin == "own")
        origin = ownOrigin();
    else if (origin == "localhost")
        origin = "http://localhost:" + port;
    else if (origin == "otherport")
        origin = "http://127.0.0.1:" + QByteArray::number(m_server->port() == 1 ? 2 : m_server->port() - 1);
    else if (origin == "https")
        origin = "https://127.0.0.1:" + port;
    else if (origin == "rebound")
        origin = "http://evil.test:" + port;

    QCOMPARE(visitorConnects(m_server->siteKey(), origin), accepted);

    // The same answer over HTTP: the widget's config and the polling fallback.
    const QList<QPair<QByteArray, QByteArray>> headers
        = origin.isEmpty() ? QList<QPair<QByteArray, QByteArray>>{} : QList<QPair<QByteArray, QByteArray>>{{"Origin", origin}};
    const HttpAnswer config = m_http.get(m_server->httpUrl(u"/v1/sites/%1/config"_s.arg(m_server->siteKey())), headers);
    QCOMPARE(config.status, accepted ? 200 : 403);
    QCOMPARE(config.header("Access-Control-Allow-Origin"), accepted ? origin : QByteArray());
    const HttpAnswer hello = m_http.postJson(m_server->httpUrl(u"/v1/sites/%1/visitor/hello"_s.arg(m_server->siteKey())),
                                             QJsonObject{{u"v"_s, 1}}, origin);
    QCOMPARE(hello.status, accepted ? 200 : 403);

    // Never written into the site: its list is what the admin made it.
    QCOMPARE(m_server->server()->sites().first()->allowedOrigins, QStringList{QString::fromLatin1(TestServer::allowedOrigin)});
}

void tst_Pages::sameOriginFetchWithoutOrigin_data()
{
    QTest::addColumn<QByteArray>("host"); ///< "own": the server's
    QTest::addColumn<QByteArray>("fetchSite"); ///< Sec-Fetch-Site
    QTest::addColumn<int>("status");

    // A browser sends no Origin with a same-origin GET (the /try page reading its widget's config).
    QTest::newRow("same-origin, our host") << QByteArray("own") << QByteArray("same-origin") << 200;
    QTest::newRow("cross-site, our host") << QByteArray("own") << QByteArray("cross-site") << 403;
    QTest::newRow("same-site, our host") << QByteArray("own") << QByteArray("same-site") << 403;
    QTest::newRow("no fetch metadata") << QByteArray("own") << QByteArray() << 403;
    QTest::newRow("same-origin, a rebound name") << QByteArray("evil.test") << QByteArray("same-origin") << 403;
    QTest::newRow("same-origin, a hostile Host") << QByteArray("127.0.0.1/x@evil.test") << QByteArray("same-origin") << 403;
}

void tst_Pages::sameOriginFetchWithoutOrigin()
{
    QFETCH(QByteArray, host);
    QFETCH(QByteArray, fetchSite);
    QFETCH(int, status);
    const QByteArray port = QByteArray::number(m_server->port());
    if (host == "own")
        host = "127.0.0.1";

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(10'000));
    QByteArray request = "GET /v1/sites/" + m_server->siteKey().toLatin1() + "/config HTTP/1.1\r\nHost: " + host + ':' + port
        + "\r\nConnection: close\r\n";
    if (!fetchSite.isEmpty())
        request += "Sec-Fetch-Site: " + fetchSite + "\r\n";
    socket.write(request + "\r\n");
    // The server runs on this thread: wait with the event loop turning.
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll(), answer.contains("\r\n\r\n")), 10'000);
    const QByteArray statusLine = "HTTP/1.1 " + QByteArray::number(status) + ' ';
    QVERIFY2(answer.startsWith(statusLine), answer.left(200).constData());
}

void tst_Pages::publicUrlIsTheOnlyOwnOrigin()
{
    QCOMPARE(m_server->server()->sites().serverOrigins(), QStringList{u"https://chat.example.com"_s});
    QVERIFY(visitorConnects(m_server->siteKey(), "https://chat.example.com"));
    // Behind a proxy the listen address is not where browsers are.
    QVERIFY(!visitorConnects(m_server->siteKey(), ownOrigin()));
    QVERIFY(!visitorConnects(m_server->siteKey(), "http://chat.example.com"));

    const HttpAnswer page = m_http.get(m_server->httpUrl(u"/try"_s));
    QCOMPARE(page.status, 200);
    QVERIFY(QString::fromUtf8(page.body).contains(
        u"<script async src=\"https://chat.example.com/support/widget.js\" data-site-key=\""_s));
    const QByteArray policy = page.header("Content-Security-Policy");
    QVERIFY2(
        policy.contains("; script-src https://chat.example.com; connect-src https://chat.example.com wss://chat.example.com"),
        policy.constData());
    const HttpAnswer home = m_http.get(m_server->httpUrl(u"/"_s));
    QVERIFY(QString::fromUtf8(home.body).contains(u"<code id=\"console-url\">https://chat.example.com/support</code>"_s));
    QVERIFY(QString::fromUtf8(home.body).contains(u"href=\"https://chat.example.com/support/try\""_s));
}

QTEST_GUILESS_MAIN(tst_Pages)
#include "tst_pages.moc"
