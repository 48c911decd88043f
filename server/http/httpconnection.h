#pragma once

#include "headerblockscanner.h"
#include "httprequest.h"
#include "httpresponse.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <http_parser.h>
#include <optional>

class QTcpSocket;

namespace Frontdesk {

class HttpListener;

/// @brief One client socket of the HttpListener: parses its requests with
/// libhttp-parser, holds them to RFC 9112's framing rules (which the parser,
/// built non-strict, does not all enforce), enforces HttpLimits on it, answers
/// requests one at a time in order, and hands a WebSocket upgrade's socket on
/// with the handshake unread.
///
/// Internal to the HTTP layer. Owned by the listener; deletes itself (and
/// the socket, unless it was handed on) when the client goes away.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, const QHostAddress &peer, HttpListener *listener);
    ~HttpConnection() override;

    /// Writes the answer to request @p serial; ignored unless that request is still pending.
    void respond(quint64 serial, const HttpResponse &response);
    [[nodiscard]] bool isPending(quint64 serial) const;

private:
    // Where the connection is in its request cycle; each phase has at most one deadline.
    enum class Phase {
        WaitingForRequest, ///< keep-alive, nothing in flight (idle timeout; header timeout before the first request)
        ReadingHeaders, ///< header timeout, counted from the request's first byte
        ReadingBody, ///< body timeout, counted from the last header
        Responding, ///< a handler holds the responder; input is not read (pipelining)
        Draining, ///< response written, waiting for the kernel to take it before reading on
        Lingering, ///< error answered; discarding input so the close does not reset the answer
        Closing, ///< disconnectFromHost() called; aborted if the client never reads
        Finished, ///< socket gone or handed on
    };

    struct Rejection {
        int status = 400;
        QString code;
        QString message; ///< for the client
        QString reason; ///< for the log
    };

    static int onMessageBegin(http_parser *parser);
    static int onUrl(http_parser *parser, const char *at, size_t length);
    static int onHeaderField(http_parser *parser, const char *at, size_t length);
    static int onHeaderValue(http_parser *parser, const char *at, size_t length);
    static int onHeadersComplete(http_parser *parser);
    static int onBody(http_parser *parser, const char *at, size_t length);
    static int onMessageComplete(http_parser *parser);
    static const http_parser_settings s_settings;

    int headersComplete();
    [[nodiscard]] std::optional<Rejection> framingRejection() const;
    [[nodiscard]] static Rejection scanRejection(HeaderBlockScanner::Problem problem);
    void commitHeader();
    void processInput();
    void beginRequest();
    void completeRequest();
    void handleUpgrade();
    void reject(const Rejection &rejection);
    void writeResponse(const HttpResponse &response, bool keepAlive, bool headOnly);
    void afterResponse();
    void closeNow();
    void finish();
    void arm(Phase phase, int timeoutMs);
    void onTimeout();
    void onBytesWritten();
    void onDisconnected();
    void logRejection(const QString &reason);

    HttpListener *m_listener;
    QPointer<QTcpSocket> m_socket;
    QHostAddress m_peer;
    http_parser m_parser{};
    QTimer m_timer;
    Phase m_phase = Phase::WaitingForRequest;
    bool m_processing = false; ///< inside processInput(): answers given synchronously must not re-enter it
    quint64 m_servedRequests = 0;

    // The request being read.
    HttpRequest m_request;
    QByteArray m_url;
    QByteArray m_field;
    QByteArray m_value;
    bool m_lastWasValue = false;
    bool m_headersComplete = false;
    bool m_messageComplete = false;
    qsizetype m_requestBytes = 0; ///< bytes of this request consumed so far
    HeaderBlockScanner m_scanner; ///< ahead of the parser, over the same bytes
    qsizetype m_bodyBytes = 0;
    qsizetype m_bodyLimit = 0;
    std::optional<Rejection> m_rejection; ///< set by a parser callback that stopped the parser

    // The request being answered.
    quint64 m_serial = 0;
    bool m_pending = false;
    bool m_keepAlive = true;
    bool m_head = false;
};

} // namespace Frontdesk
