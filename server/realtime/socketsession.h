#pragma once

#include "realtime/realtimelimits.h"

#include <QJsonObject>
#include <QObject>

class QWebSocket;

namespace Frontdesk {

/// @brief What every WebSocket session does alike: owns its socket, turns
/// text and binary frames into bytes for the protocol, sends JSON frames,
/// drops a client that stops reading, and deletes itself when the socket closes.
class SocketSession : public QObject
{
    Q_OBJECT

public:
    SocketSession(QWebSocket *socket, const RealtimeLimits &limits, QObject *parent);

    void send(const QJsonObject &frame);
    [[nodiscard]] QWebSocket *socket() const { return m_socket; }

protected:
    /// One complete message from the client, as UTF-8 bytes (not yet checked).
    virtual void receive(QByteArrayView bytes) = 0;

    QWebSocket *m_socket;
    RealtimeLimits m_limits;
};

} // namespace Frontdesk
