#pragma once

#include "http/httprouter.h"

#include <QElapsedTimer>
#include <functional>

namespace Frontdesk {

/// @brief `GET /healthz`: is the server up, can it store, and how loaded is it.
///
/// 200 `"ok"`, or 503 `"storage_unavailable"` while the database does not
/// answer (every chat call then fails with storage_failed), so a load
/// balancer or monitor sees the outage.
class HealthController
{
public:
    /// @brief What the server can say about itself to anyone who asks.
    struct Status {
        bool storing = false; ///< the database answers
        qint64 uptimeSeconds = 0;
        int connections = 0; ///< open sockets
    };

    /// @p connections reports the listener's open sockets at the time of the
    /// request; @p storageAvailable whether the store's database answers
    /// (Store::isDatabaseAvailable(), safe from any thread).
    HealthController(std::function<int()> connections, std::function<bool()> storageAvailable);
    void registerRoutes(HttpRouter &router);
    /// Now; what /healthz answers and the front page shows.
    [[nodiscard]] Status status() const;

private:
    std::function<int()> m_connections;
    std::function<bool()> m_storageAvailable;
    QElapsedTimer m_uptime;
};

} // namespace Frontdesk
