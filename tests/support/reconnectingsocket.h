#pragma once

#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace Frontdesk {

/// @brief A test client's WebSocket that comes back by itself: when the
/// connection drops or cannot be made (a killed server, one still starting)
/// it tries again after a short delay, until close().
///
/// Event-driven, so one test can run dozens of them at once; JsonSocket is
/// the blocking one-at-a-time client. Every connection is a fresh QWebSocket,
/// so nothing of a dead connection (buffered frames, request ids) leaks into
/// the next.
class ReconnectingSocket : public QObject
{
    Q_OBJECT

public:
    /// @p request is the URL and headers (Origin for visitors) of every attempt.
    explicit ReconnectingSocket(const QNetworkRequest &request, QObject *parent = nullptr);
    ~ReconnectingSocket() override;

    /// Starts connecting; keeps the connection (or retries it) until close().
    void open();
    /// Closes for good: no reconnect.
    void close();
    /// Sends @p frame with a fresh request id, which the answer carries as
    /// `ref`; returns the id, or 0 if not connected (the frame is dropped).
    int send(QJsonObject frame);

    [[nodiscard]] bool isConnected() const;
    /// How many connections have been made; the n-th connected() is number n.
    [[nodiscard]] int connectionNumber() const { return m_connections; }

Q_SIGNALS:
    void connected();
    void frameReceived(const QJsonObject &frame);
    void disconnected();

private:
    void connectOnce();
    void retryLater();
    void dropSocket();

    QNetworkRequest m_request;
    QWebSocket *m_socket = nullptr;
    QTimer m_retry; ///< the delay before the next attempt
    QTimer m_attemptDeadline; ///< a handshake that hangs is abandoned
    bool m_wanted = false;
    bool m_isUp = false;
    int m_connections = 0;
    int m_nextRequestId = 1;
};

} // namespace Frontdesk
