#pragma once

#include "core/records.h"
#include "http/httprouter.h"

#include <QUrl>
#include <functional>

namespace Frontdesk {

class SiteDirectory;

/// @brief `GET /try[?site=KEY]`: a demo page that embeds this server's own
/// widget for a site (the oldest one without `site`), so a new server can be
/// tried before any website has the snippet.
///
/// It shows only what the snippet shows anyway (the site key, the widget's
/// URL) and the site's name, which the widget shows too. The page's origin
/// is one of the server's own (SiteDirectory::setServerOrigins), which every
/// site accepts without it being stored in its allowed origins. An unknown
/// key is a 404 page that says so; everything from the request is escaped.
class TryPageController
{
public:
    /// @p publicUrl, asked on each request, is where the page loads the widget from.
    TryPageController(const SiteDirectory *sites, std::function<QUrl()> publicUrl);
    void registerRoutes(HttpRouter &router);

private:
    [[nodiscard]] HttpResponse render(const HttpRequest &request) const;
    [[nodiscard]] HttpResponse renderSite(const SiteRecord &site, const QUrl &base) const;
    [[nodiscard]] static HttpResponse renderError(int status, const QString &heading, const QString &sentenceHtml,
                                                  const QUrl &base);

    const SiteDirectory *m_sites;
    std::function<QUrl()> m_publicUrl;
};

} // namespace Frontdesk
