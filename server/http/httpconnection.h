#pragma once

#include "httprequest.h"
#include "httprequestparser.h"
#include "httpresponse.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class QTcpSocket;

namespace Frontdesk {

class HttpListener;

/// @brief One client socket of the HttpListener: feeds its bytes to an
/// HttpRequestParser, enforces HttpLimits' deadlines on it, answers requests
/// one at a time in order, and hands a WebSocket upgrade's socket on with the
/// handshake unread.
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

    using Rejection = HttpRejection;

    void processInput();
    void beginRequest();
    void completeRequest();
    void handleUpgrade();
    void reject(const Rejection &rejection);
    /// Who the request is from (the peer, or the client a trusted proxy names) and
    /// over which scheme; false after refusing a client over its connection limit.
    bool adoptClient();
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
    QTimer m_timer;
    Phase m_phase = Phase::WaitingForRequest;
    bool m_processing = false; ///< inside processInput(): answers given synchronously must not re-enter it
    quint64 m_servedRequests = 0;

    HttpRequestParser m_reader;
    HttpRequest m_request; ///< the request being handed on (an upgrade's, for the check)

    // The request being answered.
    quint64 m_serial = 0;
    bool m_pending = false;
    bool m_keepAlive = true;
    bool m_head = false;
};

} // namespace Frontdesk
