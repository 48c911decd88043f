#pragma once

#include "http/httprouter.h"

#include <QUrl>
#include <functional>

namespace Frontdesk {

class HealthController;

/// @brief `GET /`: a small HTML page for whoever opens the server's address
/// in a browser: its name, version and status, the address to give the
/// desktop console, and a link to `/try`.
///
/// Only what /healthz says already and the public URL: no site, agent or
/// setting is named, so it is safe on a server open to the internet.
/// 503 while the database does not answer, as /healthz.
class HomePageController
{
public:
    /// @p publicUrl is asked on each request (the listen port is known only
    /// once the server listens).
    HomePageController(const HealthController *health, std::function<QUrl()> publicUrl);
    void registerRoutes(HttpRouter &router);

    /// "3 d 4 h", "2 h 5 min", "4 min", "12 s".
    [[nodiscard]] static QString formatUptime(qint64 seconds);

private:
    [[nodiscard]] HttpResponse render() const;

    const HealthController *m_health;
    std::function<QUrl()> m_publicUrl;
};

} // namespace Frontdesk
