#include "healthcontroller.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Frontdesk {

HealthController::HealthController(std::function<int()> connections, std::function<bool()> storageAvailable)
    : m_connections(std::move(connections)), m_storageAvailable(std::move(storageAvailable))
{
    m_uptime.start();
}

void HealthController::registerRoutes(HttpRouter &router)
{
    router.addRoute("GET", u"/healthz"_s, [this](const HttpRequest &, const HttpResponder &responder) {
        const bool storing = m_storageAvailable();
        HttpResponse response = HttpResponse::json(storing ? 200 : 503,
                                                   QJsonObject{{u"status"_s, storing ? u"ok"_s : u"storage_unavailable"_s},
                                                               {u"version"_s, QStringLiteral(FRONTDESK_VERSION)},
                                                               {u"protocol"_s, 1},
                                                               {u"uptimeSeconds"_s, m_uptime.elapsed() / 1000},
                                                               {u"connections"_s, m_connections()}});
        response.setHeader("Cache-Control", "no-store");
        responder.respond(response);
    });
}

} // namespace Frontdesk
