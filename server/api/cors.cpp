#include "cors.h"

#include "chat/sitedirectory.h"
#include "protocol/protocolerror.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "frontdesk.api")

namespace Frontdesk {

QString Cors::pageOrigin(const HttpRequest &request)
{
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty())
        return QString::fromUtf8(origin);
    // Sec-Fetch-Site is set by the browser and no script can change it, so a
    // third-party page cannot claim to be same-origin; a client outside a
    // browser can send anything here, as it can any Origin. The Host is then
    // checked like any Origin would be (OriginPolicy parses it strictly).
    if (request.header("sec-fetch-site") == "same-origin" && !request.header("host").isEmpty())
        return QString::fromLatin1(request.scheme) + u"://"_s + QString::fromUtf8(request.header("host"));
    return {};
}

std::optional<HttpResponse> Cors::refuseUnlessAllowed(const HttpRequest &request, const SiteDirectory &sites,
                                                      const SiteRecord &site)
{
    const QString origin = pageOrigin(request);
    if (sites.allowsOrigin(site, origin))
        return std::nullopt;
    qCInfo(lcApi) << "refused" << request.method << request.path << "from" << request.peerAddress << ": origin"
                  << (origin.isEmpty() ? u"(none)"_s : origin) << "is not allowed for site" << site.siteKey;
    return HttpResponse::error(ProtocolError::make(ErrorCode::OriginNotAllowed));
}

HttpResponse Cors::allow(const HttpRequest &request, HttpResponse response)
{
    return allowOrigin(request.header("origin"), std::move(response));
}

HttpResponse Cors::allowOrigin(const QByteArray &origin, HttpResponse response)
{
    if (!origin.isEmpty()) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Vary", "Origin");
    }
    return response;
}

HttpResponse Cors::allowAnyOrigin(HttpResponse response)
{
    response.setHeader("Access-Control-Allow-Origin", "*");
    return response;
}

HttpResponse Cors::preflight(const HttpRequest &request, const SiteDirectory &sites, const SiteRecord &site,
                             const QByteArray &methods)
{
    if (auto refused = refuseUnlessAllowed(request, sites, site))
        return *refused;
    HttpResponse response = HttpResponse::noContent();
    response.setHeader("Access-Control-Allow-Methods", methods);
    response.setHeader("Access-Control-Allow-Headers", "Content-Type");
    response.setHeader("Access-Control-Max-Age", "86400");
    return allow(request, response);
}

} // namespace Frontdesk
