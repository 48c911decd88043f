#pragma once

#include "http/httprouter.h"

#include <QElapsedTimer>
#include <functional>

namespace Frontdesk {

/// @brief `GET /healthz`: is the server up, and how loaded is it.
class HealthController
{
public:
    /// @p connections reports the listener's open sockets at the time of the request.
    explicit HealthController(std::function<int()> connections);
    void registerRoutes(HttpRouter &router);

private:
    std::function<int()> m_connections;
    QElapsedTimer m_uptime;
};

} // namespace Frontdesk
