#include "httprequestparser.h"

#include <QUrl>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

HttpRequestParser *readerOf(http_parser *parser)
{
    return static_cast<HttpRequestParser *>(parser->data);
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

const http_parser_settings HttpRequestParser::s_settings = [] {
    http_parser_settings settings{};
    settings.on_url = &HttpRequestParser::onUrl;
    settings.on_header_field = &HttpRequestParser::onHeaderField;
    settings.on_header_value = &HttpRequestParser::onHeaderValue;
    settings.on_headers_complete = &HttpRequestParser::onHeadersComplete;
    settings.on_body = &HttpRequestParser::onBody;
    settings.on_message_complete = &HttpRequestParser::onMessageComplete;
    return settings;
}();

HttpRequestParser::HttpRequestParser(const HttpLimits &limits, BodyLimit bodyLimit)
    : m_limits(limits), m_routeBodyLimit(std::move(bodyLimit))
{
    begin(QHostAddress());
}

void HttpRequestParser::begin(const QHostAddress &peer)
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
    m_scanner.reset();
    m_request = HttpRequest{};
    m_request.peerAddress = peer;
    m_url.clear();
    m_field.clear();
    m_value.clear();
    m_lastWasValue = false;
    m_headersComplete = false;
    m_messageComplete = false;
    m_bodyStart = false;
    m_requestBytes = 0;
    m_bodyBytes = 0;
    m_bodyLimit = m_limits.defaultMaxBodyBytes;
    m_rejection.reset();
}

qsizetype HttpRequestParser::acceptable(qsizetype available) const
{
    if (m_headersComplete)
        return available;
    return qMax<qsizetype>(0, qMin(available, m_limits.maxHeaderBytes + 1 - m_requestBytes));
}

bool HttpRequestParser::takeBodyStart()
{
    return std::exchange(m_bodyStart, false);
}

HttpRequest HttpRequestParser::takeRequest()
{
    m_messageComplete = false;
    return std::exchange(m_request, HttpRequest{});
}

qsizetype HttpRequestParser::feed(QByteArrayView bytes)
{
    if (m_rejection || m_messageComplete)
        return 0;
    bytes = bytes.first(acceptable(bytes.size()));
    if (!m_scanner.isComplete()) {
        // Ahead of the parser, so it never acts on a block that is to be refused.
        const qsizetype scanned = m_scanner.scannedBytes() - m_requestBytes;
        if (const auto problem = m_scanner.scan(bytes.sliced(qMin(scanned, bytes.size())));
            problem != HeaderBlockScanner::Problem::None) {
            m_rejection = scanRejection(problem);
            return 0;
        }
    }
    const size_t parsed = http_parser_execute(&m_parser, &s_settings, bytes.data(), size_t(bytes.size()));
    m_requestBytes += qsizetype(parsed);
    if (m_rejection)
        return qsizetype(parsed);

    const auto error = http_errno(m_parser.http_errno);
    if (error == HPE_HEADER_OVERFLOW || (!m_headersComplete && m_requestBytes > m_limits.maxHeaderBytes)) {
        m_rejection = HttpRejection{
            431, u"headers_too_large"_s, u"The request line and headers are larger than %1 bytes."_s.arg(m_limits.maxHeaderBytes),
            u"sent a header block over %1 bytes; answered 431 and closed the connection."_s.arg(m_limits.maxHeaderBytes)};
    } else if (error != HPE_OK && error != HPE_PAUSED) {
        const QString description = QString::fromLatin1(http_errno_description(error));
        m_rejection = HttpRejection{400, u"bad_request"_s, u"The request could not be parsed: %1."_s.arg(description),
                                    u"sent a malformed request (%1); answered 400 and closed the connection."_s.arg(description)};
    }
    return qsizetype(parsed);
}

// --- parser callbacks --------------------------------------------------------

int HttpRequestParser::onUrl(http_parser *parser, const char *at, size_t length)
{
    readerOf(parser)->m_url.append(at, qsizetype(length));
    return 0;
}

int HttpRequestParser::onHeaderField(http_parser *parser, const char *at, size_t length)
{
    HttpRequestParser *self = readerOf(parser);
    // The parser may split a name or a value across calls; a name after a
    // value starts the next header.
    if (self->m_lastWasValue)
        self->commitHeader();
    self->m_field.append(at, qsizetype(length));
    return 0;
}

int HttpRequestParser::onHeaderValue(http_parser *parser, const char *at, size_t length)
{
    HttpRequestParser *self = readerOf(parser);
    self->m_value.append(at, qsizetype(length));
    self->m_lastWasValue = true;
    return 0;
}

int HttpRequestParser::onHeadersComplete(http_parser *parser)
{
    return readerOf(parser)->headersCompleted();
}

int HttpRequestParser::onBody(http_parser *parser, const char *at, size_t length)
{
    return readerOf(parser)->bodyReceived(at, length);
}

int HttpRequestParser::onMessageComplete(http_parser *parser)
{
    readerOf(parser)->m_messageComplete = true;
    // Stop right after this request: pipelined bytes behind it stay unread
    // until this one is answered.
    http_parser_pause(parser, 1);
    return 0;
}

int HttpRequestParser::bodyReceived(const char *at, size_t length)
{
    m_bodyBytes += qsizetype(length);
    // Counted as it streams, so chunked bodies (no Content-Length to check
    // up front) are held to the same limit.
    if (m_bodyBytes > m_bodyLimit) {
        m_rejection = HttpRejection{413, u"payload_too_large"_s,
                                    u"The request body is larger than the %1 bytes this address accepts."_s.arg(m_bodyLimit),
                                    u"sent a body over the %1-byte limit of %2; answered 413 and closed the connection."_s.arg(
                                        QString::number(m_bodyLimit), m_request.path)};
        return -1;
    }
    m_request.body.append(at, qsizetype(length));
    return 0;
}

void HttpRequestParser::commitHeader()
{
    if (!m_field.isEmpty())
        m_request.headers.append({m_field.toLower(), m_value.trimmed()});
    m_field.clear();
    m_value.clear();
    m_lastWasValue = false;
}

std::optional<HttpRejection> HttpRequestParser::framingRejection() const
{
    // Checked before anything acts on the headers: each case is a request
    // whose end a proxy in front of us may see elsewhere (request smuggling),
    // and libhttp-parser, built non-strict, lets every one of them through.
    const unsigned major = m_parser.http_major;
    const unsigned minor = m_parser.http_minor;
    if (major != 1 || minor > 1) {
        return HttpRejection{505, u"http_version_not_supported"_s, u"This server speaks HTTP/1.1 and HTTP/1.0 only."_s,
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
            return HttpRejection{
                400, u"bad_request"_s,
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
        return HttpRejection{400, u"bad_request"_s, u"The request has more than one Host header."_s,
                             u"sent %1 Host headers; answered 400 and closed the connection."_s.arg(hosts)};
    }
    if (hosts == 0 && minor == 1) {
        return HttpRejection{400, u"bad_request"_s, u"An HTTP/1.1 request needs a Host header."_s,
                             u"sent an HTTP/1.1 request without Host; answered 400 and closed the connection."_s};
    }
    // The parser already refuses two Content-Length headers (equal or not)
    // and Content-Length with chunked; checked here again so the rule holds
    // whatever the parser's build (RFC 9112 §6.1, §6.3).
    if (codings.isEmpty())
        return std::nullopt;
    const QString list = QString::fromLatin1(codings.join(", "));
    if (minor == 0) {
        return HttpRejection{400, u"bad_request"_s, u"An HTTP/1.0 request cannot use Transfer-Encoding."_s,
                             u"sent Transfer-Encoding in an HTTP/1.0 request; answered 400 and closed the connection."_s};
    }
    if (contentLength) {
        return HttpRejection{400, u"bad_request"_s, u"The request has both Content-Length and Transfer-Encoding."_s,
                             u"sent both Content-Length and Transfer-Encoding; answered 400 and closed the connection."_s};
    }
    if (codings.last() != "chunked" || codings.count("chunked") > 1) {
        return HttpRejection{400, u"bad_request"_s,
                             u"The request body's length is unknown: chunked must be its last transfer coding, once."_s,
                             u"sent Transfer-Encoding \"%1\"; answered 400 and closed the connection."_s.arg(list)};
    }
    if (codings.size() > 1) {
        return HttpRejection{501, u"not_implemented"_s, u"This server understands only the chunked transfer coding."_s,
                             u"sent Transfer-Encoding \"%1\"; answered 501 and closed the connection."_s.arg(list)};
    }
    return std::nullopt;
}

HttpRejection HttpRequestParser::scanRejection(HeaderBlockScanner::Problem problem)
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

int HttpRequestParser::headersCompleted()
{
    commitHeader();
    m_headersComplete = true;
    if (std::optional<HttpRejection> rejection = framingRejection()) {
        m_rejection = std::move(rejection);
        return -1;
    }
    const auto method = http_method(m_parser.method);
    m_request.method = QByteArray(http_method_str(method));
    m_request.keepAlive = http_should_keep_alive(&m_parser) != 0;

    if (method == HTTP_CONNECT) {
        m_rejection = HttpRejection{400, u"bad_request"_s, u"This server is not a proxy."_s,
                                    u"sent a CONNECT request; answered 400 and closed the connection."_s};
        return -1;
    }

    http_parser_url url;
    http_parser_url_init(&url);
    if (http_parser_parse_url(m_url.constData(), size_t(m_url.size()), 0, &url) != 0 || !(url.field_set & (1 << UF_PATH))) {
        m_rejection = HttpRejection{400, u"bad_request"_s, u"The request target is not a valid path."_s,
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
                m_rejection = HttpRejection{400, u"bad_request"_s, u"A WebSocket upgrade request cannot carry a body."_s,
                                            u"sent a WebSocket upgrade with a body; answered 400 and closed the connection."_s};
                return -1;
            }
            return 0;
        }
        // Another protocol (h2c...): answer as plain HTTP/1.1, which RFC 9110
        // allows, but close afterwards: the parser will not read past it.
        m_request.keepAlive = false;
    }

    const qsizetype routeLimit = m_routeBodyLimit ? m_routeBodyLimit(m_request.method, m_request.path) : -1;
    m_bodyLimit = routeLimit >= 0 ? routeLimit : m_limits.defaultMaxBodyBytes;
    if (!(m_parser.flags & F_CHUNKED) && m_parser.content_length != std::numeric_limits<uint64_t>::max()
        && m_parser.content_length > uint64_t(m_bodyLimit)) {
        m_rejection = HttpRejection{
            413, u"payload_too_large"_s, u"The request body is larger than the %1 bytes this address accepts."_s.arg(m_bodyLimit),
            u"announced a %1-byte body for %2, over its %3-byte limit; answered 413 and closed the connection."_s.arg(
                QString::number(m_parser.content_length), m_request.path, QString::number(m_bodyLimit))};
        return -1;
    }

    if (expectsBody(m_parser)) {
        if (m_parser.content_length != std::numeric_limits<uint64_t>::max() && !(m_parser.flags & F_CHUNKED))
            m_request.body.reserve(qsizetype(m_parser.content_length));
        m_bodyStart = true;
    }
    return 0;
}

} // namespace Frontdesk
