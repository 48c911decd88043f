#include "healthcontroller.h"

#include "protocol/httpapicodec.h"

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
        HttpResponse response = HttpResponse::encodedJson(
            storing ? 200 : 503, HttpApiCodec::healthBody(storing, m_uptime.elapsed() / 1000, m_connections()));
        responder.respond(response.noStore());
    });
}

} // namespace Frontdesk
