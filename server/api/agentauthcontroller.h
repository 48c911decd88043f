#pragma once

#include "http/httprouter.h"

namespace Frontdesk {

class AgentAuthService;

/// @brief `POST /v1/agent/login` (email + password → token) and
/// `POST /v1/agent/logout`. The chat service throttles password guesses
/// per address and per account; this answers its refusals with Retry-After.
class AgentAuthController
{
public:
    explicit AgentAuthController(AgentAuthService *auth);
    void registerRoutes(HttpRouter &router);

private:
    void login(const HttpRequest &request, const HttpResponder &responder);
    void logout(const HttpRequest &request, const HttpResponder &responder);

    AgentAuthService *m_auth;
};

} // namespace Frontdesk
