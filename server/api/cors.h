#pragma once

#include "core/records.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <optional>

namespace Frontdesk {

class SiteDirectory;

/// @brief The HTTP API's cross-origin rules, in one place: only the origins a
/// site allows may call its visitor endpoints, and only they get
/// Access-Control-Allow-Origin back; the widget script itself is for any page.
class Cors
{
public:
    /// The origin of the page that sent @p request: its Origin header; or,
    /// when there is none and the browser says the request is same-origin
    /// (`Sec-Fetch-Site: same-origin`), the request's own scheme and Host,
    /// because browsers send no Origin with a same-origin GET (the `/try`
    /// page fetching its widget's config). Empty when neither.
    [[nodiscard]] static QString pageOrigin(const HttpRequest &request);
    /// An error response when the request's Origin is missing or not allowed
    /// for @p site by @p sites (the site's list, or the server's own origin).
    [[nodiscard]] static std::optional<HttpResponse> refuseUnlessAllowed(const HttpRequest &request, const SiteDirectory &sites,
                                                                         const SiteRecord &site);
    /// Adds the headers that let the page read @p response (the request's Origin, checked before).
    [[nodiscard]] static HttpResponse allow(const HttpRequest &request, HttpResponse response);
    /// The same for an answer given later than its request (a held poll): @p origin is the request's.
    [[nodiscard]] static HttpResponse allowOrigin(const QByteArray &origin, HttpResponse response);
    /// For what any page may read (the widget script).
    [[nodiscard]] static HttpResponse allowAnyOrigin(HttpResponse response);
    /// The answer to an OPTIONS preflight for @p methods.
    [[nodiscard]] static HttpResponse preflight(const HttpRequest &request, const SiteDirectory &sites, const SiteRecord &site,
                                                const QByteArray &methods);
};

} // namespace Frontdesk
