#pragma once

#include "chat/agentauthservice.h"
#include "http/httplistener.h"
#include "realtime/realtimelimits.h"

#include <QObject>

class QWebSocket;
class QWebSocketServer;

namespace Frontdesk {

class ChatServices;

/// @brief The WebSocket side of the one port: decides on upgrade requests
/// (path, site key, Origin) before the handshake, then finishes handshakes
/// with QWebSocketServer and gives each socket its session.
///
/// Paths: `/v1/visitor?site=KEY` (the page's Origin must be allowed for the
/// site) and `/v1/agent` (no browser Origin: the console is not a web page).
class WebSocketHub : public QObject
{
    Q_OBJECT

public:
    WebSocketHub(ChatServices *chat, const RealtimeLimits &limits, QObject *parent = nullptr);

    /// Wires the hub into the listener's upgrade path.
    void attachTo(HttpListener *listener);
    [[nodiscard]] std::optional<HttpResponse> checkUpgrade(const HttpRequest &request) const;
    [[nodiscard]] int sessionCount() const { return m_visitorSessions + m_agentSessions; }
    [[nodiscard]] int visitorSessionCount() const { return m_visitorSessions; }
    [[nodiscard]] int agentSessionCount() const { return m_agentSessions; }

private:
    void startSession(QWebSocket *socket);

    /// Who is behind @p socket: its peer, or the client a trusted proxy names in the handshake.
    [[nodiscard]] ClientContext clientOf(QWebSocket *socket) const;

    ChatServices *m_chat;
    RealtimeLimits m_limits;
    ProxyTrust m_proxyTrust; ///< the listener's
    QWebSocketServer *m_server;
    int m_visitorSessions = 0;
    int m_agentSessions = 0;
};

} // namespace Frontdesk
