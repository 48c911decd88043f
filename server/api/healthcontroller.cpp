#include "healthcontroller.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Frontdesk {

HealthController::HealthController(std::function<int()> connections) : m_connections(std::move(connections))
{
    m_uptime.start();
}

void HealthController::registerRoutes(HttpRouter &router)
{
    router.addRoute("GET", u"/healthz"_s, [this](const HttpRequest &, const HttpResponder &responder) {
        HttpResponse response = HttpResponse::json(200,
                                                   QJsonObject{{u"status"_s, u"ok"_s},
                                                               {u"version"_s, QStringLiteral(FRONTDESK_VERSION)},
                                                               {u"protocol"_s, 1},
                                                               {u"uptimeSeconds"_s, double(m_uptime.elapsed() / 1000)},
                                                               {u"connections"_s, m_connections()}});
        response.setHeader("Cache-Control", "no-store");
        responder.respond(response);
    });
}

} // namespace Frontdesk
