#include "siteconfigcontroller.h"

#include "api/cors.h"
#include "chat/chatservices.h"
#include "protocol/httpapicodec.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

SiteConfigController::SiteConfigController(ChatServices *chat) : m_chat(chat) { }

void SiteConfigController::registerRoutes(HttpRouter &router)
{
    router.addRoute("GET", u"/v1/sites/{siteKey}/config"_s, [this](const HttpRequest &request, const HttpResponder &responder) {
        const auto site = m_chat->sites()->byKey(request.pathParameter(u"siteKey"_s));
        if (!site) {
            responder.respond(HttpResponse::error(ProtocolError::make(ErrorCode::UnknownSite)));
            return;
        }
        if (auto refused = Cors::refuseUnlessAllowed(request, *m_chat->sites(), *site)) {
            responder.respond(*refused);
            return;
        }
        // Readable by the page (CORS headers), so the widget stays out of it
        // instead of taking an unreadable answer for a network failure.
        if (m_chat->moderation()->addressBan(request.peerAddress, site->id)) {
            responder.respond(Cors::allow(request, HttpResponse::error(Moderation::bannedError()).noStore()));
            return;
        }
        HttpResponse response
            = HttpResponse::encodedJson(200, HttpApiCodec::siteConfigBody(*site, m_chat->presence()->agentsOnline()));
        response.setHeader("Cache-Control", "no-cache");
        responder.respond(Cors::allow(request, response));
    });
}

} // namespace Frontdesk
