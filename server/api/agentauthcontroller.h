#pragma once

#include "api/loginthrottle.h"
#include "http/httprouter.h"

namespace Frontdesk {

class ChatService;

/// @brief `POST /v1/agent/login` (email + password → token) and
/// `POST /v1/agent/logout`, with per-address throttling of failed logins.
class AgentAuthController
{
public:
    explicit AgentAuthController(ChatService *chat);
    void registerRoutes(HttpRouter &router);

private:
    void login(const HttpRequest &request, const HttpResponder &responder);
    void logout(const HttpRequest &request, const HttpResponder &responder);

    ChatService *m_chat;
    LoginThrottle m_throttle;
};

} // namespace Frontdesk
