#include "httpconnection.h"

#include "httplistener.h"
#include "httplogging.h"
#include "httprouter.h"

#include <QDateTime>
#include <QLocale>
#include <QScopedValueRollback>
#include <QTcpSocket>
#include <QUrl>
#include <limits>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

HttpConnection *connectionOf(http_parser *parser)
{
    return static_cast<HttpConnection *>(parser->data);
}

// How long an answered error waits, reading and dropping input, before it
// closes: closing with unread input makes the kernel send a reset, and a
// reset can destroy the error response before the client has read it.
constexpr int LingerMs = 2'000;

bool isReservedHeader(const QByteArray &name)
{
    // The connection writes these itself; a second copy from a handler would
    // make the framing ambiguous (request smuggling through a proxy).
    return name.compare("content-length", Qt::CaseInsensitive) == 0 || name.compare("connection", Qt::CaseInsensitive) == 0
        || name.compare("date", Qt::CaseInsensitive) == 0 || name.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
}

QByteArray httpDate()
{
    // RFC 9110 IMF-fixdate; the C locale keeps day and month names English.
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

// RFC 9110 §5.6.2: the characters a header field name (a token) may hold.
bool isToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alphanumeric && !QByteArrayView("!#$%&'*+-.^_`|~").contains(c))
            return false;
    }
    return true;
}

// A header name as it may appear in a log line: bounded, and whitespace visible.
QString printableName(const QByteArray &name)
{
    return QString::fromLatin1(name.left(64).toPercentEncoding("!#$%&'*+-.^_`|~"));
}

bool expectsBody(const http_parser &parser)
{
    return (parser.flags & F_CHUNKED)
        || (parser.content_length > 0 && parser.content_length != std::numeric_limits<uint64_t>::max());
}

} // namespace

const http_parser_settings HttpConnection::s_settings = [] {
    http_parser_settings settings{};
    settings.on_message_begin = &HttpConnection::onMessageBegin;
    settings.on_url = &HttpConnection::onUrl;
    settings.on_header_field = &HttpConnection::onHeaderField;
    settings.on_header_value = &HttpConnection::onHeaderValue;
    settings.on_headers_complete = &HttpConnection::onHeadersComplete;
    settings.on_body = &HttpConnection::onBody;
    settings.on_message_complete = &HttpConnection::onMessageComplete;
    return settings;
}();

HttpConnection::HttpConnection(QTcpSocket *socket, const QHostAddress &peer, HttpListener *listener)
    : QObject(listener), m_listener(listener), m_socket(socket), m_peer(peer)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(socket, &QIODevice::readyRead, this, &HttpConnection::processInput);
    connect(socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(socket, &QAbstractSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(socket, &QObject::destroyed, this, [this] {
        // The listener (or its server) went away under us.
        m_pending = false;
        m_phase = Phase::Finished;
        m_timer.stop();
        deleteLater();
    });

    if (socket->state() != QAbstractSocket::ConnectedState) {
        finish();
        return;
    }
    // Like nginx's client_header_timeout, the first request's headers are due
    // within the header timeout of the accept: a connection that never speaks
    // is the cheapest way to hold a slot.
    arm(Phase::WaitingForRequest, m_listener->limits().headerTimeoutMs);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

bool HttpConnection::isPending(quint64 serial) const
{
    return m_pending && serial == m_serial && m_socket && m_phase == Phase::Responding;
}

void HttpConnection::respond(quint64 serial, const HttpResponse &response)
{
    if (!isPending(serial))
        return;
    m_pending = false;
    writeResponse(response, m_keepAlive, m_head);
    if (!m_keepAlive) {
        closeNow();
        return;
    }
    afterResponse();
}

// --- parser callbacks --------------------------------------------------------

int HttpConnection::onMessageBegin(http_parser *)
{
    return 0;
}

int HttpConnection::onUrl(http_parser *parser, const char *at, size_t length)
{
    connectionOf(parser)->m_url.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    // The parser may split a name or a value across calls; a name after a
    // value starts the next header.
    if (self->m_lastWasValue)
        self->commitHeader();
    self->m_field.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    self->m_value.append(at, qsizetype(length));
    self->m_lastWasValue = true;
    return 0;
}

int HttpConnection::onHeadersComplete(http_parser *parser)
{
    return connectionOf(parser)->headersComplete();
}

int HttpConnection::onBody(http_parser *parser, const char *at, size_t length)
{
    HttpConnection *self = connectionOf(parser);
    self->m_bodyBytes += qsizetype(length);
    // Counted as it streams, so chunked bodies (no Content-Length to check
    // up front) are held to the same limit.
    if (self->m_bodyBytes > self->m_bodyLimit) {
        self->m_rejection
            = Rejection{413, u"payload_too_large"_s,
                        u"The request body is larger than the %1 bytes this address accepts."_s.arg(self->m_bodyLimit),
                        u"sent a body over the %1-byte limit of %2; answered 413 and closed the connection."_s.arg(
                            QString::number(self->m_bodyLimit), self->m_request.path)};
        return -1;
    }
    self->m_request.body.append(at, qsizetype(length));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser *parser)
{
    connectionOf(parser)->m_messageComplete = true;
    // Stop right after this request: pipelined bytes behind it stay unread in
    // the socket until this one is answered.
    http_parser_pause(parser, 1);
    return 0;
}

void HttpConnection::commitHeader()
{
    if (!m_field.isEmpty())
        m_request.headers.append({m_field.toLower(), m_value.trimmed()});
    m_field.clear();
    m_value.clear();
    m_lastWasValue = false;
}

std::optional<HttpConnection::Rejection> HttpConnection::framingRejection() const
{
    // Checked before anything acts on the headers: each case is a request
    // whose end a proxy in front of us may see elsewhere (request smuggling),
    // and libhttp-parser, built non-strict, lets every one of them through.
    const unsigned major = m_parser.http_major;
    const unsigned minor = m_parser.http_minor;
    if (major != 1 || minor > 1) {
        return Rejection{505, u"http_version_not_supported"_s, u"This server speaks HTTP/1.1 and HTTP/1.0 only."_s,
                         u"sent an HTTP/%1.%2 request; answered 505 and closed the connection."_s.arg(major).arg(minor)};
    }
    int hosts = 0;
    bool contentLength = false;
    QList<QByteArray> codings;
    for (const auto &[name, value] : m_request.headers) {
        if (!isToken(name)) {
            // "Content-Length : 5" would be honoured by the parser and ignored
            // by a proxy that reads the name as "Content-Length " (RFC 9112 §5.1).
            const bool spaceBeforeColon = name.endsWith(' ') || name.endsWith('\t');
            return Rejection{400, u"bad_request"_s,
                             spaceBeforeColon ? u"A header field name is followed by whitespace before its colon."_s
                                              : u"A header field name contains a character that is not allowed in a token."_s,
                             u"sent the header name \"%1\" (%2); answered 400 and closed the connection."_s.arg(
                                 printableName(name), spaceBeforeColon ? u"whitespace before the colon"_s : u"not a token"_s)};
        }
        if (name == "host") {
            ++hosts;
        } else if (name == "content-length") {
            contentLength = true;
        } else if (name == "transfer-encoding") {
            for (const QByteArray &coding : value.split(','))
                codings.append(coding.trimmed().toLower());
        }
    }
    // RFC 9112 §3.2: exactly one Host in HTTP/1.1; never two (which one a
    // proxy routed on and which one we read would be anyone's guess).
    if (hosts > 1) {
        return Rejection{400, u"bad_request"_s, u"The request has more than one Host header."_s,
                         u"sent %1 Host headers; answered 400 and closed the connection."_s.arg(hosts)};
    }
    if (hosts == 0 && minor == 1) {
        return Rejection{400, u"bad_request"_s, u"An HTTP/1.1 request needs a Host header."_s,
                         u"sent an HTTP/1.1 request without Host; answered 400 and closed the connection."_s};
    }
    // The parser already refuses two Content-Length headers (equal or not)
    // and Content-Length with chunked; checked here again so the rule holds
    // whatever the parser's build (RFC 9112 §6.1, §6.3).
    if (codings.isEmpty())
        return std::nullopt;
    const QString list = QString::fromLatin1(codings.join(", "));
    if (minor == 0) {
        return Rejection{400, u"bad_request"_s, u"An HTTP/1.0 request cannot use Transfer-Encoding."_s,
                         u"sent Transfer-Encoding in an HTTP/1.0 request; answered 400 and closed the connection."_s};
    }
    if (contentLength) {
        return Rejection{400, u"bad_request"_s, u"The request has both Content-Length and Transfer-Encoding."_s,
                         u"sent both Content-Length and Transfer-Encoding; answered 400 and closed the connection."_s};
    }
    if (codings.last() != "chunked" || codings.count("chunked") > 1) {
        return Rejection{400, u"bad_request"_s,
                         u"The request body's length is unknown: chunked must be its last transfer coding, once."_s,
                         u"sent Transfer-Encoding \"%1\"; answered 400 and closed the connection."_s.arg(list)};
    }
    if (codings.size() > 1) {
        return Rejection{501, u"not_implemented"_s, u"This server understands only the chunked transfer coding."_s,
                         u"sent Transfer-Encoding \"%1\"; answered 501 and closed the connection."_s.arg(list)};
    }
    return std::nullopt;
}

int HttpConnection::headersComplete()
{
    commitHeader();
    m_headersComplete = true;
    if (std::optional<Rejection> rejection = framingRejection()) {
        m_rejection = std::move(rejection);
        return -1;
    }
    const auto method = http_method(m_parser.method);
    m_request.method = QByteArray(http_method_str(method));
    m_request.keepAlive = http_should_keep_alive(&m_parser) != 0;

    if (method == HTTP_CONNECT) {
        m_rejection = Rejection{400, u"bad_request"_s, u"This server is not a proxy."_s,
                                u"sent a CONNECT request; answered 400 and closed the connection."_s};
        return -1;
    }

    http_parser_url url;
    http_parser_url_init(&url);
    if (http_parser_parse_url(m_url.constData(), size_t(m_url.size()), 0, &url) != 0 || !(url.field_set & (1 << UF_PATH))) {
        m_rejection = Rejection{400, u"bad_request"_s, u"The request target is not a valid path."_s,
                                u"sent an unparsable request target; answered 400 and closed the connection."_s};
        return -1;
    }
    const QByteArray rawPath = m_url.mid(url.field_data[UF_PATH].off, url.field_data[UF_PATH].len);
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (url.field_set & (1 << UF_QUERY))
        m_request.query = QUrlQuery(QString::fromUtf8(m_url.mid(url.field_data[UF_QUERY].off, url.field_data[UF_QUERY].len)));

    if (m_parser.upgrade) {
        if (m_request.header("upgrade").toLower().contains("websocket")) {
            m_request.upgrade = true;
            if (expectsBody(m_parser)) {
                m_rejection = Rejection{400, u"bad_request"_s, u"A WebSocket upgrade request cannot carry a body."_s,
                                        u"sent a WebSocket upgrade with a body; answered 400 and closed the connection."_s};
                return -1;
            }
            return 0;
        }
        // Another protocol (h2c...): answer as plain HTTP/1.1, which RFC 9110
        // allows, but close afterwards: the parser will not read past it.
        m_request.keepAlive = false;
    }

    const qsizetype routeLimit = m_listener->router().maxBodyBytes(m_request.method, m_request.path);
    m_bodyLimit = routeLimit >= 0 ? routeLimit : m_listener->limits().defaultMaxBodyBytes;
    if (!(m_parser.flags & F_CHUNKED) && m_parser.content_length != std::numeric_limits<uint64_t>::max()
        && m_parser.content_length > uint64_t(m_bodyLimit)) {
        m_rejection = Rejection{
            413, u"payload_too_large"_s, u"The request body is larger than the %1 bytes this address accepts."_s.arg(m_bodyLimit),
            u"announced a %1-byte body for %2, over its %3-byte limit; answered 413 and closed the connection."_s.arg(
                QString::number(m_parser.content_length), m_request.path, QString::number(m_bodyLimit))};
        return -1;
    }

    if (expectsBody(m_parser)) {
        if (m_parser.content_length != std::numeric_limits<uint64_t>::max() && !(m_parser.flags & F_CHUNKED))
            m_request.body.reserve(qsizetype(m_parser.content_length));
        // curl and others wait for this before sending a body over 1 KiB.
        if (m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0 && m_socket) {
            m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            m_socket->flush();
        }
        arm(Phase::ReadingBody, m_listener->limits().bodyTimeoutMs);
    }
    return 0;
}

// --- input -------------------------------------------------------------------

void HttpConnection::beginRequest()
{
    // The transaction keeps every byte of the request in the socket, so that
    // a WebSocket upgrade can be rolled back and handed on unread.
    m_socket->startTransaction();
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    m_request = HttpRequest{};
    m_request.peerAddress = m_peer;
    m_url.clear();
    m_field.clear();
    m_value.clear();
    m_lastWasValue = false;
    m_headersComplete = false;
    m_messageComplete = false;
    m_requestBytes = 0;
    m_scanner.reset();
    m_bodyBytes = 0;
    m_bodyLimit = m_listener->limits().defaultMaxBodyBytes;
    m_rejection.reset();

    // The first request keeps the deadline that started at the accept.
    if (m_servedRequests > 0 || !m_timer.isActive())
        arm(Phase::ReadingHeaders, m_listener->limits().headerTimeoutMs);
    else
        m_phase = Phase::ReadingHeaders;
}

void HttpConnection::processInput()
{
    if (m_processing)
        return;
    const QScopedValueRollback guard(m_processing, true);

    while (m_socket) {
        if (m_phase == Phase::Lingering) {
            m_socket->skip(m_socket->bytesAvailable());
            return;
        }
        if (m_phase != Phase::WaitingForRequest && m_phase != Phase::ReadingHeaders && m_phase != Phase::ReadingBody)
            return;
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return;
        if (m_phase == Phase::WaitingForRequest)
            beginRequest();

        const HttpLimits &limits = m_listener->limits();
        qint64 chunk = available;
        // Never feed the parser more header bytes than the limit allows, so
        // the check below is exact whatever the client's segmentation.
        if (!m_headersComplete)
            chunk = qMin<qint64>(chunk, limits.maxHeaderBytes + 1 - m_requestBytes);
        // Peek, then consume only what the parser took: bytes of a pipelined
        // next request stay in the socket.
        const QByteArray data = m_socket->peek(chunk);
        if (!m_scanner.isComplete()) {
            // Ahead of the parser, so it never acts on a block that is to be refused.
            const qsizetype scanned = m_scanner.scannedBytes() - m_requestBytes;
            if (const auto problem = m_scanner.scan(QByteArrayView(data).sliced(qMin(scanned, data.size())));
                problem != HeaderBlockScanner::Problem::None) {
                reject(scanRejection(problem));
                return;
            }
        }
        const size_t parsed = http_parser_execute(&m_parser, &s_settings, data.constData(), size_t(data.size()));
        m_socket->skip(qint64(parsed));
        m_requestBytes += qsizetype(parsed);

        if (m_rejection) {
            const Rejection rejection = *m_rejection;
            m_rejection.reset();
            reject(rejection);
            return;
        }
        const auto error = http_errno(m_parser.http_errno);
        if (error == HPE_HEADER_OVERFLOW || (!m_headersComplete && m_requestBytes > limits.maxHeaderBytes)) {
            reject({431, u"headers_too_large"_s,
                    u"The request line and headers are larger than %1 bytes."_s.arg(limits.maxHeaderBytes),
                    u"sent a header block over %1 bytes; answered 431 and closed the connection."_s.arg(limits.maxHeaderBytes)});
            return;
        }
        if (error != HPE_OK && error != HPE_PAUSED) {
            const QString description = QString::fromLatin1(http_errno_description(error));
            reject({400, u"bad_request"_s, u"The request could not be parsed: %1."_s.arg(description),
                    u"sent a malformed request (%1); answered 400 and closed the connection."_s.arg(description)});
            return;
        }
        // Once a request is known not to be an upgrade its bytes need not be
        // kept: committing lets a large body stream through without being
        // buffered twice.
        if (m_headersComplete && !m_request.upgrade && m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        if (m_messageComplete)
            completeRequest();
        else if (parsed == 0)
            return; // the parser took nothing and said nothing: wait for more input
    }
}

HttpConnection::Rejection HttpConnection::scanRejection(HeaderBlockScanner::Problem problem)
{
    switch (problem) {
    case HeaderBlockScanner::Problem::ObsFold:
        return {400, u"bad_request"_s, u"A header line starts with whitespace (obsolete line folding is not accepted)."_s,
                u"sent a folded header line (obs-fold); answered 400 and closed the connection."_s};
    case HeaderBlockScanner::Problem::BareCr:
        return {400, u"bad_request"_s, u"The request has a carriage return that does not end a line."_s,
                u"sent a bare CR in its header block; answered 400 and closed the connection."_s};
    case HeaderBlockScanner::Problem::RequestLineByte:
    case HeaderBlockScanner::Problem::None:
        break;
    }
    return {400, u"bad_request"_s, u"The request line contains a control character or a non-ASCII byte."_s,
            u"sent a control or non-ASCII byte in its request line; answered 400 and closed the connection."_s};
}

void HttpConnection::completeRequest()
{
    m_timer.stop();
    m_messageComplete = false;
    if (m_request.upgrade) {
        handleUpgrade();
        return;
    }
    ++m_serial;
    ++m_servedRequests;
    m_pending = true;
    m_keepAlive = m_request.keepAlive;
    m_head = m_request.method == "HEAD";
    m_phase = Phase::Responding;
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest{};
    m_listener->router().dispatch(std::move(request), HttpResponder(this, m_serial));
}

void HttpConnection::handleUpgrade()
{
    const HttpListener::UpgradeCheck &check = m_listener->m_upgradeCheck;
    const HttpListener::UpgradeTakeOver &takeOver = m_listener->m_upgradeTakeOver;
    if (!takeOver) {
        reject(
            {404, u"not_found"_s, u"There is no WebSocket endpoint at %1."_s.arg(m_request.path),
             u"asked for a WebSocket upgrade of %1 but nothing accepts upgrades; answered 404 and closed the connection."_s.arg(
                 m_request.path)});
        return;
    }
    if (check) {
        if (const std::optional<HttpResponse> refusal = check(m_request)) {
            logRejection(u"was refused a WebSocket upgrade of %1; answered %2 and closed the connection."_s.arg(
                m_request.path, QString::number(refusal->status)));
            m_socket->commitTransaction();
            writeResponse(*refusal, false, false);
            closeNow();
            return;
        }
    }

    QTcpSocket *socket = m_socket;
    m_timer.stop();
    m_phase = Phase::Finished;
    // From here on the socket belongs to the realtime layer: nothing of ours
    // may react to its signals (handleConnection() emits readyRead at once).
    socket->disconnect(this);
    socket->rollbackTransaction();
    socket->setReadBufferSize(0);
    m_socket = nullptr;
    deleteLater();
    qCDebug(lcHttp).noquote() << u"Handed the WebSocket upgrade of %1 from %2 on."_s.arg(m_request.path, m_peer.toString());
    takeOver(socket);
}

// --- output ------------------------------------------------------------------

void HttpConnection::writeResponse(const HttpResponse &response, bool keepAlive, bool headOnly)
{
    if (!m_socket)
        return;
    const int status = response.status;
    const bool bodyAllowed = status >= 200 && status != 204 && status != 304;

    QByteArray out;
    out.reserve(256 + (headOnly ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpResponse::reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (isReservedHeader(name))
            continue;
        if (name.contains('\r') || name.contains('\n') || value.contains('\r') || value.contains('\n')) {
            qCWarning(lcHttp).noquote() << u"Dropped the response header %1 to %2: it contains a line break."_s.arg(
                QString::fromLatin1(name), m_peer.toString());
            continue;
        }
        out += name + ": " + value + "\r\n";
    }
    if (bodyAllowed)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n") : QByteArrayLiteral("Connection: close\r\n");
    out += "Date: " + httpDate() + "\r\n\r\n";
    if (bodyAllowed && !headOnly)
        out += response.body;
    m_socket->write(out);
    m_socket->flush();
}

void HttpConnection::afterResponse()
{
    if (!m_socket)
        return;
    // Read the next pipelined request only once this answer has left: a
    // client that pipelines and never reads must not grow our write buffer.
    if (m_socket->bytesToWrite() > 0) {
        arm(Phase::Draining, m_listener->limits().idleTimeoutMs);
        return;
    }
    arm(Phase::WaitingForRequest, m_listener->limits().idleTimeoutMs);
    // Queued: an asynchronous answer must not run the next handler inside
    // the previous handler's respond() call.
    if (m_socket->bytesAvailable() > 0 && !m_processing)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::onBytesWritten()
{
    if (m_phase != Phase::Draining || !m_socket)
        return;
    if (m_socket->bytesToWrite() > 0) {
        arm(Phase::Draining, m_listener->limits().idleTimeoutMs); // progress: the client is reading
        return;
    }
    afterResponse();
}

void HttpConnection::reject(const Rejection &rejection)
{
    logRejection(rejection.reason);
    m_pending = false;
    if (!m_socket)
        return;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    writeResponse(HttpResponse::error(rejection.status, rejection.code, rejection.message), false, false);
    arm(Phase::Lingering, qMin(LingerMs, m_listener->limits().idleTimeoutMs));
    m_socket->skip(m_socket->bytesAvailable());
}

void HttpConnection::closeNow()
{
    if (!m_socket || m_phase == Phase::Finished)
        return;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    // disconnectFromHost() waits for unwritten data; a client that never
    // reads would keep the socket forever without this deadline.
    arm(Phase::Closing, m_listener->limits().idleTimeoutMs);
    m_socket->disconnectFromHost(); // may emit disconnected() right here
}

void HttpConnection::finish()
{
    m_phase = Phase::Finished;
    m_pending = false;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    deleteLater();
}

void HttpConnection::onDisconnected()
{
    if (m_phase == Phase::Finished)
        return;
    if (m_pending)
        qCDebug(lcHttp).noquote() << u"Client %1 went away before its request was answered; dropped the answer."_s.arg(
            m_peer.toString());
    finish();
}

void HttpConnection::arm(Phase phase, int timeoutMs)
{
    m_phase = phase;
    m_timer.start(timeoutMs);
}

void HttpConnection::onTimeout()
{
    if (!m_socket) {
        finish();
        return;
    }
    const HttpLimits &limits = m_listener->limits();
    switch (m_phase) {
    case Phase::WaitingForRequest:
        if (m_servedRequests == 0)
            logRejection(
                u"opened a connection but sent no request within %1 ms; closed the connection."_s.arg(limits.headerTimeoutMs));
        else
            qCDebug(lcHttp).noquote()
                << u"Closed the idle keep-alive connection of %1 after %2 ms."_s.arg(m_peer.toString()).arg(limits.idleTimeoutMs);
        closeNow();
        return;
    case Phase::ReadingHeaders:
    case Phase::ReadingBody: {
        const bool headers = m_phase == Phase::ReadingHeaders;
        const int timeout = headers ? limits.headerTimeoutMs : limits.bodyTimeoutMs;
        const QString part = headers ? u"its request headers"_s : u"its request body"_s;
        logRejection(u"did not send %1 within %2 ms; answered 408 and closed the connection."_s.arg(part).arg(timeout));
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        writeResponse(HttpResponse::error(408, u"request_timeout"_s, u"The server timed out waiting for %1."_s.arg(part)), false,
                      false);
        closeNow();
        return;
    }
    case Phase::Draining:
        logRejection(u"did not read its response within %1 ms; aborted the connection."_s.arg(limits.idleTimeoutMs));
        m_socket->abort();
        finish();
        return;
    case Phase::Lingering:
        closeNow();
        return;
    case Phase::Closing:
        m_socket->abort();
        finish();
        return;
    case Phase::Responding:
    case Phase::Finished:
        return;
    }
}

void HttpConnection::logRejection(const QString &reason)
{
    const QString sentence = u"Client %1 %2"_s.arg(m_peer.toString(), reason);
    qCInfo(lcHttp).noquote() << sentence;
    Q_EMIT m_listener->clientRejected(m_peer, sentence);
}

} // namespace Frontdesk
