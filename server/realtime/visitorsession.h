#pragma once

#include "chat/agentauthservice.h"
#include "core/records.h"
#include "realtime/socketsession.h"

namespace Frontdesk {

class ChatServices;
class VisitorChannel;

/// @brief A visitor's WebSocket: frames in, VisitorChannel decides, frames out.
class VisitorSession : public SocketSession
{
    Q_OBJECT

public:
    /// @p client: who is behind the socket (WebSocketHub resolves a trusted proxy's client).
    VisitorSession(QWebSocket *socket, ChatServices *chat, const SiteRecord &site, const ClientContext &client,
                   const RealtimeLimits &limits, QObject *parent);

protected:
    void receive(QByteArrayView bytes) override;
    void timerEvent(QTimerEvent *event) override;

private:
    VisitorChannel *m_channel;
    int m_helloDeadline = 0; ///< timer id while waiting for hello
};

} // namespace Frontdesk
