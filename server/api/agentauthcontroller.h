#pragma once

#include "http/httprouter.h"

namespace Frontdesk {

class ChatService;

/// @brief `POST /v1/agent/login` (email + password → token) and
/// `POST /v1/agent/logout`. The chat service throttles password guesses
/// per address and per account; this answers its refusals with Retry-After.
class AgentAuthController
{
public:
    explicit AgentAuthController(ChatService *chat);
    void registerRoutes(HttpRouter &router);

private:
    void login(const HttpRequest &request, const HttpResponder &responder);
    void logout(const HttpRequest &request, const HttpResponder &responder);

    ChatService *m_chat;
};

} // namespace Frontdesk
