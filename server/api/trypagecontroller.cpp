#include "trypagecontroller.h"

#include "api/htmlpage.h"
#include "api/widgetcontroller.h"
#include "chat/sitedirectory.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {
// Enough of a mistyped key to recognise it; the rest of a long one is noise.
constexpr qsizetype shownKeyLength = 64;
} // namespace

TryPageController::TryPageController(const SiteDirectory *sites, std::function<QUrl()> publicUrl)
    : m_sites(sites), m_publicUrl(std::move(publicUrl))
{ }

void TryPageController::registerRoutes(HttpRouter &router)
{
    router.addRoute("GET", u"/try"_s,
                    [this](const HttpRequest &request, const HttpResponder &responder) { responder.respond(render(request)); });
}

HttpResponse TryPageController::render(const HttpRequest &request) const
{
    const QUrl base = m_publicUrl();
    if (!request.query.hasQueryItem(u"site"_s)) {
        const auto first = m_sites->first();
        if (!first)
            return renderError(404, u"No site yet"_s, u"<p>This server has no site to try. Create one in the console.</p>"_s,
                               base);
        return renderSite(*first, base);
    }
    const QString key = request.query.queryItemValue(u"site"_s, QUrl::FullyDecoded);
    if (const auto site = m_sites->byKey(key))
        return renderSite(*site, base);
    const QString shown = key.size() > shownKeyLength ? key.first(shownKeyLength) + u"…"_s : key;
    return renderError(404, u"Unknown site"_s,
                       u"<p>No site on this server has the key <code id=\"key\">"_s + HtmlPage::escape(shown)
                           + u"</code>. The key is the <code>data-site-key</code> of the site's snippet, shown in the "
                             "console's site settings.</p><p><a href=\""_s
                           + HtmlPage::escape(base.toString(QUrl::StripTrailingSlash) + u"/try"_s)
                           + u"\">Try the first site instead</a></p>"_s,
                       base);
}

HttpResponse TryPageController::renderSite(const SiteRecord &site, const QUrl &base) const
{
    const QString root = base.toString(QUrl::StripTrailingSlash);
    const QString snippet = WidgetController::snippet(base, site.siteKey);
    const QString body = u"<header><h1>Try the chat</h1><span class=\"muted\">on "_s + HtmlPage::escape(root)
        + u"</span></header>"
          "<section><h2 id=\"site\">"_s
        + HtmlPage::escape(site.name)
        + u"</h2><p>This page embeds the chat widget of this site, as your visitors will see it. Open the chat button "
          "at the bottom right and say hello, then answer in the console.</p>"
          "<p class=\"muted\">This page is this server's own, so it may use the site without being one of its "
          "allowed origins; your website may once its origin is on that list.</p></section>"
          "<section><h2>Put it on your website</h2><p>Paste the site's snippet into your pages, just before "
          "<code>&lt;/body&gt;</code>:</p><pre><code id=\"snippet\">"_s
        + HtmlPage::escape(snippet) + u"</code></pre></section><footer><a href=\""_s + HtmlPage::escape(root + u"/"_s)
        + u"\">Server status</a></footer>"_s + snippet;
    return HtmlPage::render(200, u"Try the chat: "_s + site.name, body, base);
}

HttpResponse TryPageController::renderError(int status, const QString &heading, const QString &sentenceHtml, const QUrl &base)
{
    const QString body = u"<header><h1>"_s + HtmlPage::escape(heading) + u"</h1></header><section>"_s + sentenceHtml
        + u"</section><footer><a href=\""_s + HtmlPage::escape(base.toString(QUrl::StripTrailingSlash) + u"/"_s)
        + u"\">Server status</a></footer>"_s;
    return HtmlPage::render(status, heading, body);
}

} // namespace Frontdesk
