#pragma once

#include "realtime/realtimelimits.h"

#include <QObject>
#include <QWebSocketProtocol>

class QWebSocket;

namespace Frontdesk {

/// @brief What every WebSocket session does alike: owns its socket, turns
/// text and binary frames into bytes for the protocol, sends the frames the
/// protocol encoded (answers, and events encoded once for many connections),
/// drops a client that stops reading or floods pings, and deletes itself when
/// the socket closes.
///
/// Slow readers (RealtimeLimits): unsent output above the high-water mark
/// starts a grace timer; the socket's bytesWritten stops it once the output is
/// back at the mark; if it fires, the client is dropped. Output that would
/// pass the hard cap drops the client at once. The timers are bare timer ids,
/// started only while needed: thousands of idle visitors each have a session.
class SocketSession : public QObject
{
    Q_OBJECT

public:
    SocketSession(QWebSocket *socket, const RealtimeLimits &limits, QObject *parent);

    /// A frame as the protocol encoded it.
    void sendEncoded(const QByteArray &frame);
    [[nodiscard]] QWebSocket *socket() const { return m_socket; }

protected:
    /// One complete message from the client, as UTF-8 bytes (not yet checked).
    virtual void receive(QByteArrayView bytes) = 0;
    /// Closes with @p code and @p reason; aborts if the peer has not gone
    /// within RealtimeLimits::closeLingerMs.
    void closeForPolicy(QWebSocketProtocol::CloseCode code, const QString &reason);
    void timerEvent(QTimerEvent *event) override;

    QWebSocket *m_socket;
    RealtimeLimits m_limits;

private Q_SLOTS:
    void onPingReceived();

private:
    void watchPings();
    void checkBacklog();
    void drop(const QString &reason);

    int m_backlogTimer = 0; ///< timer id while unsent output is above the high-water mark
    int m_lingerTimer = 0; ///< timer id after closeForPolicy()
    qint64 m_pingWindowStartMs = 0;
    int m_pingsInWindow = 0;
};

} // namespace Frontdesk
