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
        const Status now = status();
        HttpResponse response = HttpResponse::encodedJson(
            now.storing ? 200 : 503, HttpApiCodec::healthBody(now.storing, now.uptimeSeconds, now.connections));
        responder.respond(response.noStore());
    });
}

HealthController::Status HealthController::status() const
{
    return Status{m_storageAvailable(), m_uptime.elapsed() / 1000, m_connections()};
}

} // namespace Frontdesk
