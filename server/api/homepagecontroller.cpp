#include "homepagecontroller.h"

#include "api/healthcontroller.h"
#include "api/htmlpage.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

HomePageController::HomePageController(const HealthController *health, std::function<QUrl()> publicUrl)
    : m_health(health), m_publicUrl(std::move(publicUrl))
{ }

void HomePageController::registerRoutes(HttpRouter &router)
{
    router.addRoute("GET", u"/"_s, [this](const HttpRequest &, const HttpResponder &responder) { responder.respond(render()); });
}

QString HomePageController::formatUptime(qint64 seconds)
{
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return u"%1 d %2 h"_s.arg(days).arg(hours % 24);
    if (hours > 0)
        return u"%1 h %2 min"_s.arg(hours).arg(minutes % 60);
    if (minutes > 0)
        return u"%1 min"_s.arg(minutes);
    return u"%1 s"_s.arg(seconds);
}

HttpResponse HomePageController::render() const
{
    const HealthController::Status status = m_health->status();
    const QString base = m_publicUrl().toString(QUrl::StripTrailingSlash);
    const QString version = QStringLiteral(FRONTDESK_VERSION);
    const QString state = status.storing
        ? u"<span class=\"ok\">Running</span>"_s
        : u"<span class=\"bad\">The database does not answer</span> (messages cannot be stored until it does)"_s;

    const QString body = u"<header><h1>Frontdesk</h1><span class=\"muted\">live chat server, version "_s
        + HtmlPage::escape(version)
        + u"</span></header>"
          "<section><h2>Status</h2><dl>"
          "<dt>Status</dt><dd id=\"status\">"_s
        + state + u"</dd><dt>Up for</dt><dd id=\"uptime\">"_s + formatUptime(status.uptimeSeconds)
        + u"</dd><dt>Open connections</dt><dd>"_s + QString::number(status.connections)
        + u"</dd><dt>Protocol</dt><dd>1</dd></dl></section>"
          "<section><h2>Connect a console</h2>"
          "<p>In the Frontdesk desktop app, choose <em>Connect to your server</em> and enter this address, "
          "with your agent email and password:</p><pre><code id=\"console-url\">"_s
        + HtmlPage::escape(base)
        + u"</code></pre></section>"
          "<section><h2>Try it</h2><p>A demo page with this server's chat widget: say hello as a visitor, "
          "then answer in the console.</p><a class=\"button\" id=\"try\" href=\""_s
        + HtmlPage::escape(base + u"/try"_s)
        + u"\">Open the try-it page</a></section>"
          "<footer>Monitoring: <a href=\""_s
        + HtmlPage::escape(base + u"/healthz"_s) + u"\">/healthz</a> (JSON)</footer>"_s;
    return HtmlPage::render(status.storing ? 200 : 503, u"Frontdesk"_s, body);
}

} // namespace Frontdesk
