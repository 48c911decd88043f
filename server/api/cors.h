#pragma once

#include "core/records.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <optional>

namespace Frontdesk {

/// @brief The visitor HTTP API's cross-origin rules: only the origins a site
/// allows may call it, and only they get Access-Control-Allow-Origin back.
class Cors
{
public:
    /// An error response when the request's Origin is missing or not allowed for @p site.
    [[nodiscard]] static std::optional<HttpResponse> refuseUnlessAllowed(const HttpRequest &request, const SiteRecord &site);
    /// Adds the headers that let the page read @p response.
    static HttpResponse allow(const HttpRequest &request, HttpResponse response);
    /// The answer to an OPTIONS preflight for @p methods.
    [[nodiscard]] static HttpResponse preflight(const HttpRequest &request, const SiteRecord &site, const QByteArray &methods);
};

} // namespace Frontdesk
