#pragma once

#include "realtime/socketsession.h"

class QTimer;

namespace Frontdesk {

class AgentChannel;
class ChatServices;

/// @brief An agent console's WebSocket; closed if it does not authenticate in time.
class AgentSession : public SocketSession
{
    Q_OBJECT

public:
    AgentSession(QWebSocket *socket, ChatServices *chat, const RealtimeLimits &limits, QObject *parent);

protected:
    void receive(QByteArrayView bytes) override;

private:
    AgentChannel *m_channel;
};

} // namespace Frontdesk
