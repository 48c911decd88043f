#pragma once

#include "http/httprouter.h"

namespace Frontdesk {

class ChatServices;

/// @brief `GET /v1/sites/{siteKey}/config`: what the widget needs before it
/// connects (name, theme and texts, whether an agent is online).
class SiteConfigController
{
public:
    explicit SiteConfigController(ChatServices *chat);
    void registerRoutes(HttpRouter &router);

private:
    ChatServices *m_chat;
};

} // namespace Frontdesk
