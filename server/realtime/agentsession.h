#pragma once

#include "chat/agentauthservice.h"
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
    /// @p client: who is behind the socket (WebSocketHub resolves a trusted proxy's client).
    AgentSession(QWebSocket *socket, ChatServices *chat, const ClientContext &client, const RealtimeLimits &limits,
                 QObject *parent);

protected:
    void receive(QByteArrayView bytes) override;

private:
    AgentChannel *m_channel;
};

} // namespace Frontdesk
