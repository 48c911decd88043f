// The HTTP listener against real sockets on 127.0.0.1: routing, limits,
// timeouts, connection caps, pipelining, WebSocket hand-over and TLS.

#include "http/gzip.h"
#include "http/httplistener.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>
#include <memory>
#include <zlib.h>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

// The listener carries bytes; a handler's JSON is the test's own.
HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    return HttpResponse::encodedJson(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

constexpr int Patience = 15'000; // generous: the machine is shared and loaded

struct Response {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Takes one complete response off the front of @p buffer, if there is one.
bool takeResponse(QByteArray &buffer, Response *response, bool headOnly)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return false;
    Response parsed;
    parsed.status = statusLine.at(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            parsed.headers.append({lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed()});
    }
    const qsizetype length = headOnly ? 0 : parsed.header("content-length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return false;
    parsed.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    *response = parsed;
    return true;
}

/// Spins the event loop (the server runs in this thread) until a whole response is in.
bool readResponse(QAbstractSocket &socket, QByteArray &buffer, Response *response, bool headOnly)
{
    QElapsedTimer timer;
    timer.start();
    while (!timer.hasExpired(Patience)) {
        buffer += socket.readAll();
        if (takeResponse(buffer, response, headOnly))
            return true;
        if (socket.state() == QAbstractSocket::UnconnectedState && socket.bytesAvailable() == 0)
            return takeResponse(buffer, response, headOnly);
        QTest::qWait(5);
    }
    return false;
}

// A raw HTTP client: what the test writes is exactly what goes on the wire.
class Client
{
public:
    explicit Client(quint16 port) { m_socket.connectToHost(QHostAddress::LocalHost, port); }

    QTcpSocket &socket() { return m_socket; }

    [[nodiscard]] bool waitConnected()
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() != QAbstractSocket::ConnectedState && !timer.hasExpired(Patience))
            QTest::qWait(5);
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }

    void send(const QByteArray &bytes)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState && !waitConnected())
            qWarning("The test client could not connect.");
        m_socket.write(bytes);
        m_socket.flush();
    }

    [[nodiscard]] bool read(Response *response, bool headOnly = false)
    {
        return readResponse(m_socket, m_buffer, response, headOnly);
    }

    [[nodiscard]] bool exchange(const QByteArray &request, Response *response, bool headOnly = false)
    {
        send(request);
        return read(response, headOnly);
    }

    [[nodiscard]] bool waitDisconnected(int timeoutMs = Patience)
    {
        QElapsedTimer timer;
        timer.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState && !timer.hasExpired(timeoutMs)) {
            m_buffer += m_socket.readAll();
            QTest::qWait(5);
        }
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

HttpLimits testLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 1024;
    limits.defaultMaxBodyBytes = 256;
    limits.headerTimeoutMs = 20'000;
    limits.bodyTimeoutMs = 20'000;
    limits.idleTimeoutMs = 20'000;
    limits.maxConnections = 100;
    limits.maxConnectionsPerIp = 100;
    return limits;
}

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
}

QByteArray inflateGzip(const QByteArray &compressed)
{
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return {};
    QByteArray out;
    char chunk[4096];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    stream.avail_in = uInt(compressed.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(chunk);
        stream.avail_out = sizeof chunk;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(chunk, qsizetype(sizeof chunk - stream.avail_out));
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

} // namespace

class TestHttpListener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routing_data();
    void routing();
    void postBodyIsDelivered();
    void bodyLimit_data();
    void bodyLimit();
    void headerBlockTooLarge();
    void malformedRequest_data();
    void malformedRequest();
    void strictFraming_data();
    void strictFraming();
    void acceptedFraming_data();
    void acceptedFraming();
    void keepAliveSequential();
    void pipelinedAnsweredInOrder();
    void manyPipelinedAndLargeBody();
    void asynchronousResponder();
    void disconnectEndsPending();
    void slowlorisIsDropped();
    void bodyTimeout_data();
    void bodyTimeout();
    void idleKeepAliveTimesOut();
    void connectionCaps_data();
    void connectionCaps();
    void ipv6AddressesOfOneSlash64ShareTheCap();
    void tcpNoDelay();
    void webSocketUpgrade();
    void upgradeRefused_data();
    void upgradeRefused();
    void gzipRoundTrip();
    void acceptsGzip_data();
    void acceptsGzip();
    void tls();
    void tlsHandshakeTimeout_data();
    void tlsHandshakeTimeout();

private:
    std::unique_ptr<HttpListener> startListener(const HttpLimits &limits = testLimits());
};

std::unique_ptr<HttpListener> TestHttpListener::startListener(const HttpLimits &limits)
{
    auto listener = std::make_unique<HttpListener>(limits);
    HttpRouter &router = listener->router();
    router.addRoute("GET", u"/v1/sites/{siteKey}/config"_s, [](const HttpRequest &request, const HttpResponder &responder) {
        responder.respond(jsonResponse(200,
                                       {{u"siteKey"_s, request.pathParameter(u"siteKey"_s)},
                                        {u"lang"_s, request.query.queryItemValue(u"lang"_s, QUrl::FullyDecoded)},
                                        {u"accept"_s, QString::fromLatin1(request.header("ACCEPT"))}}));
    });
    router.addRoute("GET", u"/v1/sites/new"_s, [](const HttpRequest &, const HttpResponder &responder) {
        responder.respond(jsonResponse(200, {{u"literal"_s, true}}));
    });
    router.addRoute("DELETE", u"/v1/sites/{siteKey}/config"_s,
                    [](const HttpRequest &, const HttpResponder &responder) { responder.respond(HttpResponse::noContent()); });
    router.addRoute(
        "POST", u"/v1/echo"_s,
        [](const HttpRequest &request, const HttpResponder &responder) {
            HttpResponse response;
            response.body = request.body;
            response.setHeader("Content-Type", "application/octet-stream");
            responder.respond(response);
        },
        64);
    router.addRoute("GET", u"/fast"_s, [](const HttpRequest &, const HttpResponder &responder) {
        responder.respond(jsonResponse(200, {{u"name"_s, u"fast"_s}}));
    });
    router.addRoute("GET", u"/slow"_s, [](const HttpRequest &, const HttpResponder &responder) {
        // Answered later, as a long poll would be.
        QTimer::singleShot(200, QCoreApplication::instance(), [responder] {
            responder.respond(jsonResponse(200, {{u"name"_s, u"slow"_s}}));
        });
    });
    QString error;
    if (!listener->listen(QHostAddress::LocalHost, 0, &error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return listener;
}

void TestHttpListener::routing_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("allow");

    QTest::newRow("path parameter and query")
        << get("/v1/sites/abc%20d/config?lang=fr%2DCA&x=1") << 200 << QByteArray("siteKey") << u"abc d"_s << QByteArray();
    QTest::newRow("query value decoded") << get("/v1/sites/abc/config?lang=fr%2DCA") << 200 << QByteArray("lang") << u"fr-CA"_s
                                         << QByteArray();
    QTest::newRow("header looked up case-insensitively")
        << QByteArray("GET /v1/sites/k/config HTTP/1.1\r\nHost: x\r\naCcEpT: text/plain\r\n\r\n") << 200 << QByteArray("accept")
        << u"text/plain"_s << QByteArray();
    QTest::newRow("literal beats placeholder")
        << get("/v1/sites/new") << 200 << QByteArray("literal") << u"true"_s << QByteArray();
    QTest::newRow("unknown path") << get("/nowhere") << 404 << QByteArray("code") << u"not_found"_s << QByteArray();
    QTest::newRow("wrong method") << QByteArray("PUT /v1/sites/abc/config HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                                  << 405 << QByteArray("code") << u"method_not_allowed"_s << QByteArray("DELETE, GET, HEAD");
    QTest::newRow("delete has no content") << QByteArray("DELETE /v1/sites/abc/config HTTP/1.1\r\nHost: x\r\n\r\n") << 204
                                           << QByteArray() << QString() << QByteArray();
}

void TestHttpListener::routing()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, field);
    QFETCH(QString, value);
    QFETCH(QByteArray, allow);

    auto listener = startListener();
    QVERIFY(listener);
    Client client(listener->serverPort());
    Response response;
    QVERIFY(client.exchange(request, &response));
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("allow"), allow);
    QVERIFY(!response.header("date").isEmpty());
    QCOMPARE(response.header("connection"), QByteArray("keep-alive"));
    if (field.isEmpty())
        return;
    QCOMPARE(response.header("content-type"), QByteArray("application/json"));
    const QJsonObject json = response.json();
    if (status >= 400) {
        // Exactly {"error":{"code":..,"message":..}}.
        QCOMPARE(json.keys(), QStringList{u"error"_s});
        const QJsonObject error = json.value(u"error"_s).toObject();
        QCOMPARE(error.keys(), (QStringList{u"code"_s, u"message"_s}));
        QCOMPARE(error.value(u"code"_s).toString(), value);
        QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    } else {
        const QJsonValue actual = json.value(QString::fromLatin1(field));
        QCOMPARE(actual.isBool() ? (actual.toBool() ? u"true"_s : u"false"_s) : actual.toString(), value);
    }
}

void TestHttpListener::postBodyIsDelivered()
{
    auto listener = startListener();
    QVERIFY(listener);
    Client client(listener->serverPort());
    Response response;
    QVERIFY(client.exchange("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world", &response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("hello world"));

    // HEAD answers a GET route with its headers only.
    QVERIFY(client.exchange("HEAD /v1/sites/k/config HTTP/1.1\r\nHost: x\r\n\r\n", &response, true));
    QCOMPARE(response.status, 200);
    QVERIFY(response.header("content-length").toInt() > 0);
    QVERIFY(client.exchange(get("/fast"), &response));
    QCOMPARE(response.json().value(u"name"_s).toString(), u"fast"_s); // no stray HEAD body in between
}

void TestHttpListener::bodyLimit_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    const QByteArray fifty(50, 'a');
    QTest::newRow("content-length over the route's limit")
        << QByteArray("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 65\r\n\r\n" + QByteArray(65, 'a')) << 413;
    QTest::newRow("content-length over the default limit")
        << QByteArray("POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 257\r\n\r\n" + QByteArray(257, 'a')) << 413;
    QTest::newRow("chunked over the limit") << QByteArray(
        "POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n32\r\n" + fifty + "\r\n32\r\n" + fifty
        + "\r\n0\r\n\r\n") << 413;
    QTest::newRow("chunked within the limit") << QByteArray(
        "POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
                                              << 200;
}

void TestHttpListener::bodyLimit()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);

    auto listener = startListener();
    QVERIFY(listener);
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);
    Client client(listener->serverPort());
    Response response;
    QVERIFY(client.exchange(request, &response));
    QCOMPARE(response.status, status);
    if (status == 413) {
        QCOMPARE(response.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"payload_too_large"_s);
        QCOMPARE(response.header("connection"), QByteArray("close"));
        QVERIFY(client.waitDisconnected());
        QCOMPARE(rejected.size(), 1);
    } else {
        QCOMPARE(response.body, QByteArray("hello world"));
    }
}

void TestHttpListener::headerBlockTooLarge()
{
    auto listener = startListener();
    QVERIFY(listener);
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);
    Client client(listener->serverPort());
    Response response;
    QVERIFY(client.exchange("GET /fast HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(2000, 'b') + "\r\n\r\n", &response));
    QCOMPARE(response.status, 431);
    QCOMPARE(response.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"headers_too_large"_s);
    QVERIFY(client.waitDisconnected());
    QCOMPARE(rejected.size(), 1);
    QVERIFY(rejected.first().at(1).toString().contains(u"431"_s));

    // Just under the limit is fine.
    Client fits(listener->serverPort());
    const QByteArray head = "GET /fast HTTP/1.1\r\nHost: x\r\nX-Big: ";
    QVERIFY(fits.exchange(head + QByteArray(1024 - head.size() - 4, 'b') + "\r\n\r\n", &response));
    QCOMPARE(response.status, 200);
}

void TestHttpListener::malformedRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("not http") << QByteArray("HELLO THERE\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n");
    QTest::newRow("bad content-length") << QByteArray("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n");
    QTest::newRow("bad chunk size") << QByteArray(
        "POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
}

void TestHttpListener::malformedRequest()
{
    QFETCH(QByteArray, request);
    auto listener = startListener();
    QVERIFY(listener);
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);
    Client client(listener->serverPort());
    Response response;
    QVERIFY(client.exchange(request, &response));
    QCOMPARE(response.status, 400);
    QCOMPARE(response.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"bad_request"_s);
    QVERIFY(client.waitDisconnected());
    QCOMPARE(rejected.size(), 1);
}

void TestHttpListener::strictFraming_data()
{
    // Requests that libhttp-parser (built non-strict) lets through, or reads
    // differently from a proxy in front of us: each a request-smuggling or
    // cache-poisoning vector (RFC 9112 §2.2, §3.2, §5.1, §6.1, §6.3).
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString bad = u"bad_request"_s;
    const QByteArray post = "POST /v1/echo HTTP/1.1\r\nHost: x\r\n";
    QTest::newRow("space before the colon of Content-Length")
        << QByteArray(post + "Content-Length : 5\r\n\r\nhello") << 400 << bad;
    QTest::newRow("space before the colon of Transfer-Encoding")
        << QByteArray(post + "Transfer-Encoding : chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n") << 400 << bad;
    QTest::newRow("space before the colon of Host") << QByteArray("GET /fast HTTP/1.1\r\nHost : x\r\n\r\n") << 400 << bad;
    QTest::newRow("tab before the colon") << QByteArray("GET /fast HTTP/1.1\r\nHost: x\r\nX-A\t: b\r\n\r\n") << 400 << bad;
    QTest::newRow("space inside a header name") << QByteArray("GET /fast HTTP/1.1\r\nHost: x\r\nX A: b\r\n\r\n") << 400 << bad;
    QTest::newRow("header name with a non-tchar") << QByteArray("GET /fast HTTP/1.1\r\nHost: x\r\nX(A): b\r\n\r\n") << 400 << bad;
    QTest::newRow("header name with a non-ASCII byte")
        << QByteArray("GET /fast HTTP/1.1\r\nHost: x\r\nX-\xc3\xa4: b\r\n\r\n") << 400 << bad;
    QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET /fast HTTP/1.1\r\n\r\n") << 400 << bad;
    QTest::newRow("two Host headers") << QByteArray("GET /fast HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400 << bad;
    QTest::newRow("two equal Host headers") << QByteArray("GET /fast HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n") << 400 << bad;
    QTest::newRow("HTTP/1.0 with two Host headers")
        << QByteArray("GET /fast HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n") << 400 << bad;
    QTest::newRow("two different Content-Length")
        << QByteArray(post + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!") << 400 << bad;
    QTest::newRow("two equal Content-Length")
        << QByteArray(post + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello") << 400 << bad;
    QTest::newRow("Content-Length and chunked")
        << QByteArray(post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n") << 400 << bad;
    QTest::newRow("chunked and Content-Length")
        << QByteArray(post + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n") << 400 << bad;
    QTest::newRow("chunked not the final coding")
        << QByteArray(post + "Transfer-Encoding: chunked, gzip\r\n\r\n5\r\nhello\r\n0\r\n\r\n") << 400 << bad;
    QTest::newRow("only an unknown coding") << QByteArray(post + "Transfer-Encoding: gzip\r\n\r\nhello") << 400 << bad;
    QTest::newRow("chunked twice") << QByteArray(
        post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                   << 400 << bad;
    QTest::newRow("a coding before chunked")
        << QByteArray(post + "Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n") << 501 << u"not_implemented"_s;
    QTest::newRow("Transfer-Encoding in HTTP/1.0")
        << QByteArray("POST /v1/echo HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n") << 400
        << bad;
    QTest::newRow("obs-fold") << QByteArray("GET /fast HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n") << 400 << bad;
    QTest::newRow("obs-fold with a tab") << QByteArray("GET /fast HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n") << 400 << bad;
    QTest::newRow("obs-fold hiding Content-Length")
        << QByteArray(post + "X-A: a\r\n Content-Length: 5\r\n\r\nhello") << 400 << bad;
    QTest::newRow("whitespace before the first header") << QByteArray("GET /fast HTTP/1.1\r\n Host: x\r\n\r\n") << 400 << bad;
    QTest::newRow("bare CR ends a header line")
        << QByteArray("GET /fast HTTP/1.1\r\nHost: x\rX-Smuggled: y\r\n\r\n") << 400 << bad;
    QTest::newRow("bare CR in the request line") << QByteArray("GET /fast\rHTTP/1.1\r\nHost: x\r\n\r\n") << 400 << bad;
    QTest::newRow("tab in the request target") << QByteArray("GET /fa\tst HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << bad;
    QTest::newRow("non-ASCII byte in the request target")
        << QByteArray("GET /f\xc3\xa4st HTTP/1.1\r\nHost: x\r\n\r\n") << 400 << bad;
    const QString version = u"http_version_not_supported"_s;
    QTest::newRow("HTTP/9.9") << QByteArray("GET /fast HTTP/9.9\r\nHost: x\r\n\r\n") << 505 << version;
    QTest::newRow("HTTP/1.2") << QByteArray("GET /fast HTTP/1.2\r\nHost: x\r\n\r\n") << 505 << version;
    QTest::newRow("HTTP/2.0") << QByteArray("GET /fast HTTP/2.0\r\nHost: x\r\n\r\n") << 505 << version;
    QTest::newRow("HTTP/0.9") << QByteArray("GET /fast HTTP/0.9\r\nHost: x\r\n\r\n") << 505 << version;
    QTest::newRow("HTTP/9.9 without Host") << QByteArray("GET /fast HTTP/9.9\r\n\r\n") << 505 << version;
}

void TestHttpListener::strictFraming()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, code);

    auto listener = startListener();
    QVERIFY(listener);
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);
    Client client(listener->serverPort());
    Response response;
    // A pipelined request behind the bad one must never be answered: the
    // framing of everything after a bad request is unknown.
    QVERIFY(client.exchange(request + get("/fast"), &response));
    QCOMPARE(response.status, status);
    const QJsonObject error = response.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), code);
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    QCOMPARE(response.header("connection"), QByteArray("close"));
    QVERIFY(client.waitDisconnected());
    Response after;
    QVERIFY(!client.read(&after, false) || after.status == 0);
    QCOMPARE(rejected.size(), 1);
    QVERIFY2(rejected.first().at(1).toString().contains(QString::number(status)), qPrintable(rejected.first().at(1).toString()));
}

void TestHttpListener::acceptedFraming_data()
{
    // What strictness must not break.
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("HTTP/1.0 without Host") << QByteArray("POST /v1/echo HTTP/1.0\r\nContent-Length: 5\r\n\r\nhello")
                                           << QByteArray("hello");
    QTest::newRow("empty Host") << QByteArray("POST /v1/echo HTTP/1.1\r\nHost:\r\nContent-Length: 5\r\n\r\nhello")
                                << QByteArray("hello");
    QTest::newRow("chunked, any case") << QByteArray(
        "POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                       << QByteArray("hello");
    QTest::newRow("whitespace after the colon and tchars in a name")
        << QByteArray("POST /v1/echo HTTP/1.1\r\nhost:\t x \r\nX-!#$%&'*+.^_`|~09: v\r\nContent-Length:  5 \r\n\r\nhello")
        << QByteArray("hello");
    QTest::newRow("bare LF line ends") << QByteArray("POST /v1/echo HTTP/1.1\nHost: x\nContent-Length: 5\n\nhello")
                                       << QByteArray("hello");
    QTest::newRow("an empty line before the request line")
        << QByteArray("\r\nPOST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello") << QByteArray("hello");
    QTest::newRow("fold-like bytes in the body")
        << QByteArray("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\na\r\n b\rc\x80")
        << QByteArray("a\r\n b\rc\x80");
}

void TestHttpListener::acceptedFraming()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, body);

    auto listener = startListener();
    QVERIFY(listener);
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);
    Client client(listener->serverPort());
    Response response;
    // Sent one byte at a time as well, so no check depends on how the bytes arrive.
    for (const bool trickle : {false, true}) {
        if (trickle) {
            for (const char byte : request) {
                client.send(QByteArray(1, byte));
                QTest::qWait(1);
            }
        } else {
            client.send(request);
        }
        QVERIFY(client.read(&response));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, body);
        if (request.contains("HTTP/1.0"))
            break; // HTTP/1.0 closes after one answer
    }
    QCOMPARE(rejected.size(), 0);
}

void TestHttpListener::keepAliveSequential()
{
    auto listener = startListener();
    QVERIFY(listener);
    Client client(listener->serverPort());
    Response response;
    QVERIFY(client.exchange(get("/fast"), &response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("connection"), QByteArray("keep-alive"));
    QVERIFY(client.exchange(get("/v1/sites/two/config"), &response));
    QCOMPARE(response.json().value(u"siteKey"_s).toString(), u"two"_s);
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
    QCOMPARE(listener->connectionCount(), 1);

    // Connection: close is honoured.
    QVERIFY(client.exchange("GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", &response));
    QCOMPARE(response.header("connection"), QByteArray("close"));
    QVERIFY(client.waitDisconnected());
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, Patience);
}

void TestHttpListener::pipelinedAnsweredInOrder()
{
    auto listener = startListener();
    QVERIFY(listener);
    Client client(listener->serverPort());
    // Both in one segment; the first is answered asynchronously, later.
    client.send(get("/slow") + get("/fast") + get("/v1/sites/third/config"));
    Response first, second, third;
    QVERIFY(client.read(&first));
    QVERIFY(client.read(&second));
    QVERIFY(client.read(&third));
    QCOMPARE(first.json().value(u"name"_s).toString(), u"slow"_s);
    QCOMPARE(second.json().value(u"name"_s).toString(), u"fast"_s);
    QCOMPARE(third.json().value(u"siteKey"_s).toString(), u"third"_s);
}

void TestHttpListener::manyPipelinedAndLargeBody()
{
    // More than the socket's read buffer holds, so reading must resume
    // after the buffer filled up while requests were being answered.
    auto listener = startListener();
    QVERIFY(listener);
    listener->router().addRoute(
        "POST", u"/upload"_s,
        [](const HttpRequest &request, const HttpResponder &responder) {
            responder.respond(
                jsonResponse(200, {{u"size"_s, request.body.size()}, {u"ok"_s, request.body == QByteArray(2'000'000, 'u')}}));
        },
        4'000'000);
    Client client(listener->serverPort());
    QByteArray batch;
    const QByteArray padded = "GET /slow HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(900, 'p') + "\r\n\r\n";
    for (int i = 0; i < 100; ++i)
        batch += i % 25 == 0 ? padded : "GET /fast HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(900, 'p') + "\r\n\r\n";
    client.send(batch);
    for (int i = 0; i < 100; ++i) {
        Response response;
        QVERIFY2(client.read(&response), qPrintable(u"response %1"_s.arg(i)));
        QCOMPARE(response.json().value(u"name"_s).toString(), i % 25 == 0 ? u"slow"_s : u"fast"_s);
    }
    client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n" + QByteArray(2'000'000, 'u'));
    Response response;
    QVERIFY(client.read(&response));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.json().value(u"size"_s).toInt(), 2'000'000);
    QVERIFY(response.json().value(u"ok"_s).toBool());
}

void TestHttpListener::asynchronousResponder()
{
    auto listener = startListener();
    QVERIFY(listener);
    HttpResponder held;
    listener->router().addRoute("GET", u"/later"_s, [&held](const HttpRequest &, const HttpResponder &responder) {
        held = responder;
        QTimer::singleShot(100, QCoreApplication::instance(), [responder] {
            responder.respond(jsonResponse(200, {{u"late"_s, true}}));
            responder.respond(HttpResponse::error(500, u"twice"_s, u"A second answer must be ignored."_s));
        });
    });
    Client client(listener->serverPort());
    client.send(get("/later"));
    QTRY_VERIFY_WITH_TIMEOUT(held.isPending(), Patience);
    Response response;
    QVERIFY(client.read(&response));
    QCOMPARE(response.status, 200);
    QVERIFY(response.json().value(u"late"_s).toBool());
    QVERIFY(!held.isPending());
    // The connection is still usable and there was no second answer.
    QVERIFY(client.exchange(get("/fast"), &response));
    QCOMPARE(response.json().value(u"name"_s).toString(), u"fast"_s);
}

void TestHttpListener::disconnectEndsPending()
{
    auto listener = startListener();
    QVERIFY(listener);
    HttpResponder held;
    listener->router().addRoute("GET", u"/poll"_s,
                                [&held](const HttpRequest &, const HttpResponder &responder) { held = responder; });
    {
        Client client(listener->serverPort());
        client.send(get("/poll"));
        QTRY_VERIFY_WITH_TIMEOUT(held.isPending(), Patience);
        client.socket().abort();
    }
    QTRY_VERIFY_WITH_TIMEOUT(!held.isPending(), Patience);
    held.respond(jsonResponse(200, {})); // a no-op, not a crash
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, Patience);
}

void TestHttpListener::slowlorisIsDropped()
{
    HttpLimits limits = testLimits();
    limits.headerTimeoutMs = 500;
    auto listener = startListener(limits);
    QVERIFY(listener);
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);

    Client client(listener->serverPort());
    QVERIFY(client.waitConnected());
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 1, Patience);
    const QByteArray request = "GET /fast HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(500, 's') + "\r\n\r\n";
    qsizetype sent = 0;
    QTimer trickle;
    QObject::connect(&trickle, &QTimer::timeout, &client.socket(), [&] {
        if (sent < request.size() && client.socket().state() == QAbstractSocket::ConnectedState)
            client.send(request.mid(sent++, 1));
    });
    QElapsedTimer elapsed;
    elapsed.start();
    trickle.start(100);

    QVERIFY(client.waitDisconnected());
    QVERIFY2(elapsed.elapsed() >= 400, "dropped before the header timeout");
    QVERIFY(sent < request.size());
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, Patience);
    QCOMPARE(rejected.size(), 1);
    QVERIFY(rejected.first().at(1).toString().contains(u"headers"_s));
}

void TestHttpListener::bodyTimeout_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("trickle"); // sent a byte every 100 ms: progress must not extend the deadline
    QTest::newRow("content-length, body stops")
        << QByteArray("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 40\r\n\r\nhalf a body") << QByteArray();
    QTest::newRow("content-length, body trickles")
        << QByteArray("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 60\r\n\r\n") << QByteArray(60, 't');
    QTest::newRow("chunked, no last chunk") << QByteArray(
        "POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n")
                                            << QByteArray();
}

void TestHttpListener::bodyTimeout()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, trickle);
    HttpLimits limits = testLimits();
    limits.bodyTimeoutMs = 700;
    auto listener = startListener(limits);
    QVERIFY(listener);
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);

    Client client(listener->serverPort());
    QElapsedTimer elapsed;
    elapsed.start();
    client.send(head);
    qsizetype sent = 0;
    QTimer trickler;
    QObject::connect(&trickler, &QTimer::timeout, &client.socket(), [&] {
        if (sent < trickle.size() && client.socket().state() == QAbstractSocket::ConnectedState)
            client.send(trickle.mid(sent++, 1));
    });
    trickler.start(100);

    Response response;
    QVERIFY(client.read(&response));
    QCOMPARE(response.status, 408);
    QCOMPARE(response.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"request_timeout"_s);
    QVERIFY2(elapsed.elapsed() >= limits.bodyTimeoutMs - 100,
             qPrintable(u"answered after %1 ms, before the %2 ms deadline"_s.arg(elapsed.elapsed()).arg(limits.bodyTimeoutMs)));
    QVERIFY(sent < qMax<qsizetype>(trickle.size(), 1)); // the deadline came before the body did
    QVERIFY(client.waitDisconnected());
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, Patience);
    QCOMPARE(rejected.size(), 1);
    QVERIFY2(rejected.first().at(1).toString().contains(u"body"_s), qPrintable(rejected.first().at(1).toString()));
}

void TestHttpListener::idleKeepAliveTimesOut()
{
    HttpLimits limits = testLimits();
    limits.idleTimeoutMs = 300;
    auto listener = startListener(limits);
    QVERIFY(listener);
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);
    Client client(listener->serverPort());
    Response response;
    QVERIFY(client.exchange(get("/fast"), &response));
    QCOMPARE(response.header("connection"), QByteArray("keep-alive"));
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(client.waitDisconnected());
    QVERIFY(elapsed.elapsed() >= 200);
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, Patience);
    QCOMPARE(rejected.size(), 0); // an idle close is routine, not a rejection
}

void TestHttpListener::connectionCaps_data()
{
    QTest::addColumn<int>("maxConnections");
    QTest::addColumn<int>("maxConnectionsPerIp");
    QTest::newRow("per address") << 100 << 3;
    QTest::newRow("overall") << 3 << 100;
}

void TestHttpListener::connectionCaps()
{
    QFETCH(int, maxConnections);
    QFETCH(int, maxConnectionsPerIp);
    HttpLimits limits = testLimits();
    limits.maxConnections = maxConnections;
    limits.maxConnectionsPerIp = maxConnectionsPerIp;
    auto listener = startListener(limits);
    QVERIFY(listener);
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);

    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<Client>(listener->serverPort()));
        QVERIFY(clients.back()->waitConnected());
        // One at a time, so which one is the fourth is certain.
        QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), i + 1, Patience);
    }

    Client fourth(listener->serverPort());
    QVERIFY(fourth.waitDisconnected());
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, Patience);
    QCOMPARE(rejected.first().at(0).value<QHostAddress>(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(listener->connectionCount(), 3);
    for (const auto &client : clients) {
        Response response;
        QVERIFY(client->exchange(get("/fast"), &response));
        QCOMPARE(response.status, 200);
    }

    clients.front()->socket().disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 2, Patience);
    Client fifth(listener->serverPort());
    Response response;
    QVERIFY(fifth.exchange(get("/fast"), &response));
    QCOMPARE(response.status, 200);
    QCOMPARE(listener->connectionCount(), 3);
    QCOMPARE(rejected.size(), 1);
}

namespace {

/// Addresses of one fresh /64 on the loopback interface, for as long as the
/// object lives: the only way to have several real IPv6 peers on one machine.
/// Needs CAP_NET_ADMIN (root in CI and in the runner's container).
class LoopbackSlash64
{
public:
    explicit LoopbackSlash64(int count)
    {
        // A unique-local prefix of our own, so parallel runs never share addresses.
        const quint32 random = QRandomGenerator::global()->generate();
        m_prefix = u"fd%1:%2:%3:%4::"_s.arg(random & 0xff, 2, 16, QChar(u'0'))
                       .arg((random >> 8) & 0xffff, 0, 16)
                       .arg(random >> 24, 0, 16)
                       .arg(QRandomGenerator::global()->bounded(0x10000u), 0, 16);
        for (int i = 1; i <= count; ++i) {
            const QString address = m_prefix + QString::number(i);
            if (!ip({u"-6"_s, u"addr"_s, u"add"_s, address + u"/128"_s, u"dev"_s, u"lo"_s, u"nodad"_s})) {
                m_error = u"cannot add %1 to lo (%2): this test needs CAP_NET_ADMIN"_s.arg(address, m_error);
                return;
            }
            m_addresses.append(QHostAddress(address));
        }
    }
    ~LoopbackSlash64()
    {
        for (const QHostAddress &address : std::as_const(m_addresses))
            ip({u"-6"_s, u"addr"_s, u"del"_s, address.toString() + u"/128"_s, u"dev"_s, u"lo"_s});
    }

    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QHostAddress at(int index) const { return m_addresses.at(index); }

private:
    bool ip(const QStringList &arguments)
    {
        const QString program = QStandardPaths::findExecutable(u"ip"_s, {u"/usr/sbin"_s, u"/sbin"_s, u"/usr/bin"_s});
        if (program.isEmpty()) {
            m_error = u"no ip command"_s;
            return false;
        }
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(10'000) || process.exitCode() != 0) {
            m_error = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
            return false;
        }
        return true;
    }

    QString m_prefix;
    QList<QHostAddress> m_addresses;
    QString m_error;
};

/// An HTTP status read off a connection from @p source, or 0 if none came.
int statusFrom(const QHostAddress &source, const QHostAddress &server, quint16 port, QTcpSocket &socket)
{
    if (!socket.bind(source, 0))
        return 0;
    socket.connectToHost(server, port);
    if (!socket.waitForConnected(Patience))
        return 0;
    socket.write(get("/fast"));
    QByteArray buffer;
    Response response;
    return readResponse(socket, buffer, &response, false) ? response.status : 0;
}

} // namespace

void TestHttpListener::ipv6AddressesOfOneSlash64ShareTheCap()
{
    // Address 1 is the server's; 2, 3 and 4 are three clients of the same /64.
    LoopbackSlash64 network(4);
    if (!network.error().isEmpty())
        QSKIP(qPrintable(network.error()));
    HttpLimits limits = testLimits();
    limits.maxConnectionsPerIp = 2;
    auto listener = std::make_unique<HttpListener>(limits);
    listener->router().addRoute("GET", u"/fast"_s, [](const HttpRequest &, const HttpResponder &responder) {
        responder.respond(jsonResponse(200, {{u"name"_s, u"fast"_s}}));
    });
    QString error;
    QVERIFY2(listener->listen(QHostAddress::AnyIPv6, 0, &error), qPrintable(error));
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);

    // Two different addresses of the /64 fill its cap of two (kept open by keep-alive).
    QTcpSocket first;
    QTcpSocket second;
    QCOMPARE(statusFrom(network.at(1), network.at(0), listener->serverPort(), first), 200);
    QCOMPARE(statusFrom(network.at(2), network.at(0), listener->serverPort(), second), 200);
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 2, Patience);

    // A third address of the same /64 is refused as if it were the same client...
    QTcpSocket third;
    QCOMPARE(statusFrom(network.at(3), network.at(0), listener->serverPort(), third), 429);
    QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, Patience);
    QCOMPARE(rejected.first().at(0).value<QHostAddress>(), network.at(3));

    // ...while ::1, another /64, is not.
    QTcpSocket loopback;
    QCOMPARE(statusFrom(QHostAddress::LocalHostIPv6, QHostAddress::LocalHostIPv6, listener->serverPort(), loopback), 200);

    // Closing one of the /64's connections gives its place back.
    first.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 2, Patience);
    QTcpSocket again;
    QCOMPARE(statusFrom(network.at(3), network.at(0), listener->serverPort(), again), 200);
}

void TestHttpListener::tcpNoDelay()
{
    auto listener = startListener();
    QVERIFY(listener);
    Client client(listener->serverPort());
    QVERIFY(client.waitConnected());
    // The accepted socket is a child of the listener's server.
    QTRY_COMPARE_WITH_TIMEOUT(listener->findChildren<QTcpSocket *>().size(), 1, Patience);
    QCOMPARE(listener->findChildren<QTcpSocket *>().first()->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
}

void TestHttpListener::webSocketUpgrade()
{
    auto listener = startListener();
    QVERIFY(listener);
    QWebSocketServer webSockets(u"test"_s, QWebSocketServer::NonSecureMode);
    QList<QByteArray> checkedPaths;
    listener->setUpgradeHandler(
        [&checkedPaths](const HttpRequest &request) -> std::optional<HttpResponse> {
            checkedPaths.append(request.path.toUtf8());
            return std::nullopt;
        },
        [&webSockets](QTcpSocket *socket) { webSockets.handleConnection(socket); });
    QSignalSpy newConnection(&webSockets, &QWebSocketServer::newConnection);

    QWebSocket client;
    QSignalSpy connected(&client, &QWebSocket::connected);
    QSignalSpy clientReceived(&client, &QWebSocket::textMessageReceived);
    client.open(QUrl(u"ws://127.0.0.1:%1/x"_s.arg(listener->serverPort())));
    QVERIFY(connected.wait(Patience));
    QTRY_COMPARE_WITH_TIMEOUT(newConnection.size(), 1, Patience);
    QCOMPARE(checkedPaths, QList<QByteArray>{"/x"});

    QWebSocket *server = webSockets.nextPendingConnection();
    QVERIFY(server);
    QSignalSpy serverReceived(server, &QWebSocket::textMessageReceived);
    client.sendTextMessage(u"ping"_s);
    QVERIFY(serverReceived.wait(Patience));
    QCOMPARE(serverReceived.first().first().toString(), u"ping"_s);
    server->sendTextMessage(u"pong"_s);
    QVERIFY(clientReceived.wait(Patience));
    QCOMPARE(clientReceived.first().first().toString(), u"pong"_s);

    // Still counted while the WebSocket lives, released when it is deleted.
    QCOMPARE(listener->connectionCount(), 1);
    QObject::connect(server, &QWebSocket::disconnected, server, &QObject::deleteLater);
    QSignalSpy serverDestroyed(server, &QObject::destroyed);
    client.close();
    QVERIFY(serverDestroyed.wait(Patience));
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, Patience);
}

void TestHttpListener::upgradeRefused_data()
{
    QTest::addColumn<bool>("withHandler");
    QTest::addColumn<int>("status");
    QTest::newRow("refused by the check") << true << 403;
    QTest::newRow("no upgrade handler") << false << 404;
}

void TestHttpListener::upgradeRefused()
{
    QFETCH(bool, withHandler);
    QFETCH(int, status);
    auto listener = startListener();
    QVERIFY(listener);
    bool tookOver = false;
    if (withHandler) {
        listener->setUpgradeHandler(
            [](const HttpRequest &request) -> std::optional<HttpResponse> {
                if (request.header("origin") != "https://allowed.example")
                    return HttpResponse::error(403, u"forbidden_origin"_s, u"This origin may not connect."_s);
                return std::nullopt;
            },
            [&tookOver](QTcpSocket *socket) {
                tookOver = true;
                socket->abort();
            });
    }
    QSignalSpy rejected(listener.get(), &HttpListener::clientRejected);
    Client client(listener->serverPort());
    Response response;
    QVERIFY(client.exchange("GET /x HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Origin: https://evil.example\r\nSec-WebSocket-Version: 13\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
                            &response));
    QCOMPARE(response.status, status);
    QVERIFY(client.waitDisconnected());
    QVERIFY(!tookOver);
    QCOMPARE(rejected.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, Patience);
}

void TestHttpListener::gzipRoundTrip()
{
    QByteArray data;
    for (int i = 0; i < 2000; ++i)
        data += "Frontdesk widget line " + QByteArray::number(i) + '\n';
    const QByteArray compressed = gzipCompress(data);
    QVERIFY(compressed.size() < data.size());
    QVERIFY(compressed.startsWith("\x1f\x8b")); // the gzip magic, not qCompress's length + zlib header
    QCOMPARE(inflateGzip(compressed), data);
    QCOMPARE(inflateGzip(gzipCompress(QByteArray(), 1)), QByteArray());
}

void TestHttpListener::acceptsGzip_data()
{
    QTest::addColumn<QByteArray>("acceptEncoding");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("absent") << QByteArray() << false;
    QTest::newRow("browser") << QByteArray("gzip, deflate, br") << true;
    QTest::newRow("quality") << QByteArray("br;q=1.0, GZIP;q=0.5") << true;
    QTest::newRow("refused") << QByteArray("gzip;q=0, br") << false;
    QTest::newRow("wildcard") << QByteArray("*") << true;
    QTest::newRow("wildcard but not gzip") << QByteArray("*, gzip;q=0") << false;
    QTest::newRow("identity only") << QByteArray("identity") << false;
}

void TestHttpListener::acceptsGzip()
{
    QFETCH(QByteArray, acceptEncoding);
    QFETCH(bool, accepted);
    HttpRequest request;
    if (!acceptEncoding.isNull())
        request.headers.append({"accept-encoding", acceptEncoding});
    QCOMPARE(Frontdesk::acceptsGzip(request), accepted);
}

// A self-signed certificate made with the openssl command, as a server configuration.
// Skips the test where openssl or a TLS backend is missing.
#define MAKE_TLS_CONFIGURATION(configuration) \
    QSslConfiguration configuration; \
    { \
        QString tlsError; \
        bool tlsSkip = false; \
        if (!makeTlsConfiguration(&configuration, &tlsError, &tlsSkip)) { \
            if (tlsSkip) \
                QSKIP(qPrintable(tlsError)); \
            QFAIL(qPrintable(tlsError)); \
        } \
    }

namespace {
bool makeTlsConfiguration(QSslConfiguration *configuration, QString *error, bool *skip)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    *skip = true;
    if (openssl.isEmpty()) {
        *error = u"The openssl command is not installed; cannot make a test certificate."_s;
        return false;
    }
    if (!QSslSocket::supportsSsl()) {
        *error = u"Qt has no TLS backend here."_s;
        return false;
    }
    *skip = false;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = u"no temporary folder"_s;
        return false;
    }
    QProcess process;
    process.start(openssl,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s, u"/CN=localhost"_s, u"-days"_s,
                   u"1"_s, u"-keyout"_s, dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s)});
    if (!process.waitForFinished(60'000) || process.exitCode() != 0) {
        *error = u"openssl req failed: %1"_s.arg(QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    QFile certFile(dir.filePath(u"cert.pem"_s));
    QFile keyFile(dir.filePath(u"key.pem"_s));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the certificate openssl made"_s;
        return false;
    }
    *configuration = QSslConfiguration::defaultConfiguration();
    configuration->setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
    configuration->setPrivateKey(QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem));
    configuration->setPeerVerifyMode(QSslSocket::VerifyNone);
    return true;
}
} // namespace

void TestHttpListener::tls()
{
    MAKE_TLS_CONFIGURATION(configuration);
    auto listener = std::make_unique<HttpListener>(testLimits());
    listener->setTlsConfiguration(configuration);
    listener->router().addRoute("GET", u"/secure"_s, [](const HttpRequest &, const HttpResponder &responder) {
        responder.respond(jsonResponse(200, {{u"tls"_s, true}}));
    });
    QString error;
    QVERIFY2(listener->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    QVERIFY(listener->isTls());

    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(u"127.0.0.1"_s, listener->serverPort());
    QVERIFY(encrypted.wait(Patience));
    client.write(get("/secure"));
    QByteArray buffer;
    Response response;
    QVERIFY(readResponse(client, buffer, &response, false));
    QCOMPARE(response.status, 200);
    QVERIFY(response.json().value(u"tls"_s).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 1, Patience);
}

void TestHttpListener::tlsHandshakeTimeout_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::newRow("nothing") << QByteArray();
    // A TLS record header announcing a 512-byte ClientHello, and the first bytes of it.
    QTest::newRow("half a ClientHello") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11);
}

void TestHttpListener::tlsHandshakeTimeout()
{
    QFETCH(QByteArray, sent);
    MAKE_TLS_CONFIGURATION(configuration);
    HttpLimits limits = testLimits();
    limits.tlsHandshakeTimeoutMs = 500;
    limits.headerTimeoutMs = 60'000; // the handshake's own deadline is under test
    auto listener = std::make_unique<HttpListener>(limits);
    listener->setTlsConfiguration(configuration);
    listener->router().addRoute("GET", u"/secure"_s, [](const HttpRequest &, const HttpResponder &responder) {
        responder.respond(jsonResponse(200, {{u"tls"_s, true}}));
    });
    QString error;
    QVERIFY2(listener->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));

    // A plain TCP client on the TLS port that never finishes the handshake.
    QTcpSocket stalled;
    QSignalSpy dropped(&stalled, &QAbstractSocket::disconnected);
    stalled.connectToHost(QHostAddress::LocalHost, listener->serverPort());
    QVERIFY(stalled.waitForConnected(Patience));
    QElapsedTimer elapsed;
    elapsed.start();
    if (!sent.isEmpty()) {
        stalled.write(sent);
        stalled.flush();
    }
    QVERIFY2(dropped.wait(limits.tlsHandshakeTimeoutMs + Patience), "the stalled handshake was never dropped");
    QVERIFY2(
        elapsed.elapsed() >= limits.tlsHandshakeTimeoutMs - 100,
        qPrintable(u"dropped after %1 ms, before the %2 ms deadline"_s.arg(elapsed.elapsed()).arg(limits.tlsHandshakeTimeoutMs)));
    QCOMPARE(stalled.bytesAvailable(), 0); // nothing was served to it

    // The listener still serves a client that completes its handshake.
    QSslSocket client;
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(u"127.0.0.1"_s, listener->serverPort());
    QVERIFY(encrypted.wait(Patience));
    client.write(get("/secure"));
    QByteArray buffer;
    Response response;
    QVERIFY(readResponse(client, buffer, &response, false));
    QCOMPARE(response.status, 200);
}

QTEST_GUILESS_MAIN(TestHttpListener)
#include "tst_httplistener.moc"
