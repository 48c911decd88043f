#include "siteconfigcontroller.h"

#include "api/cors.h"
#include "chat/chatservices.h"
#include "protocol/protocolerror.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

SiteConfigController::SiteConfigController(ChatServices *chat) : m_chat(chat) { }

void SiteConfigController::registerRoutes(HttpRouter &router)
{
    router.addRoute("GET", u"/v1/sites/{siteKey}/config"_s, [this](const HttpRequest &request, const HttpResponder &responder) {
        const auto site = m_chat->sites()->byKey(request.pathParameter(u"siteKey"_s));
        if (!site) {
            responder.respond(
                HttpResponse::error(404, errorCodeName(ErrorCode::UnknownSite), defaultErrorSentence(ErrorCode::UnknownSite)));
            return;
        }
        if (auto refused = Cors::refuseUnlessAllowed(request, *site)) {
            responder.respond(*refused);
            return;
        }
        // Readable by the page (CORS headers), so the widget stays out of it
        // instead of taking an unreadable answer for a network failure.
        if (m_chat->moderation()->addressBan(request.peerAddress, site->id)) {
            const ProtocolError banned = Moderation::bannedError();
            HttpResponse refusal = HttpResponse::error(httpStatus(banned.code), errorCodeName(banned.code), banned.message);
            refusal.setHeader("Cache-Control", "no-store");
            responder.respond(Cors::allow(request, refusal));
            return;
        }
        HttpResponse response = HttpResponse::json(200,
                                                   QJsonObject{{u"siteKey"_s, site->siteKey},
                                                               {u"name"_s, site->name},
                                                               {u"widget"_s, site->widgetSettings},
                                                               {u"agentsOnline"_s, m_chat->presence()->agentsOnline()},
                                                               {u"protocol"_s, 1}});
        response.setHeader("Cache-Control", "no-cache");
        responder.respond(Cors::allow(request, response));
    });
}

} // namespace Frontdesk
