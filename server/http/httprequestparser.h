#pragma once

#include "headerblockscanner.h"
#include "httplimits.h"
#include "httprequest.h"

#include <QByteArrayView>
#include <QString>
#include <functional>
#include <http_parser.h>
#include <optional>

namespace Frontdesk {

/// @brief Why a request was refused: the answer's status and error code, a
/// sentence for the client, and one for the log.
struct HttpRejection {
    int status = 400;
    QString code;
    QString message; ///< for the client
    QString reason; ///< for the log
};

/// @brief Reads one HTTP/1.1 request at a time from bytes as they arrive, in
/// any number of pieces: the header block scan ahead of libhttp-parser, the
/// parser's callbacks, RFC 9112's framing rules (which the parser, built
/// non-strict, does not all enforce) and the header and body limits of
/// HttpLimits.
///
/// No socket and no clock: the HttpConnection feeds it what its socket holds
/// and acts on what comes out (a request, a rejection, a body to wait for),
/// so the fuzzer drives exactly the code the listener runs.
class HttpRequestParser
{
public:
    /// The body limit of the route for this method and path (asked once the
    /// headers are in, before reading the body); -1 for the default limit.
    using BodyLimit = std::function<qsizetype(const QByteArray &method, const QString &path)>;

    HttpRequestParser(const HttpLimits &limits, BodyLimit bodyLimit);
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    /// Starts reading the next request; the bytes fed from now on are its own.
    void begin(const QHostAddress &peer);
    /// How many of @p available bytes feed() may take: never more header bytes
    /// than the limit allows, so the size check is exact whatever the segmentation.
    [[nodiscard]] qsizetype acceptable(qsizetype available) const;
    /// Parses @p bytes, which continue the request, and returns how many it
    /// consumed. Stops right after the request's last byte: bytes of a
    /// pipelined request behind it are left for the next begin().
    qsizetype feed(QByteArrayView bytes);

    [[nodiscard]] bool headersComplete() const { return m_headersComplete; }
    [[nodiscard]] bool isComplete() const { return m_messageComplete; }
    /// Set when the request is refused; nothing more is to be fed then.
    [[nodiscard]] const std::optional<HttpRejection> &rejection() const { return m_rejection; }
    /// True once, after the feed() that completed headers announcing a body:
    /// the connection starts the body deadline and answers `Expect: 100-continue`.
    [[nodiscard]] bool takeBodyStart();
    /// The request read so far: method, path and headers once headersComplete().
    [[nodiscard]] const HttpRequest &request() const { return m_request; }
    /// The whole request, once isComplete().
    [[nodiscard]] HttpRequest takeRequest();

private:
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings s_settings;

    int headersCompleted();
    int bodyReceived(const char *at, size_t length);
    [[nodiscard]] std::optional<HttpRejection> framingRejection() const;
    [[nodiscard]] static HttpRejection scanRejection(HeaderBlockScanner::Problem problem);
    void commitHeader();

    HttpLimits m_limits;
    BodyLimit m_routeBodyLimit;
    http_parser m_parser{};
    HeaderBlockScanner m_scanner; ///< ahead of the parser, over the same bytes

    HttpRequest m_request;
    QByteArray m_url;
    QByteArray m_field;
    QByteArray m_value;
    bool m_lastWasValue = false;
    bool m_headersComplete = false;
    bool m_messageComplete = false;
    bool m_bodyStart = false;
    qsizetype m_requestBytes = 0; ///< bytes of this request consumed so far
    qsizetype m_bodyBytes = 0;
    qsizetype m_bodyLimit = 0;
    std::optional<HttpRejection> m_rejection;
};

} // namespace Frontdesk
