#include "htmlpage.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// Light and dark, system fonts, no images: it has to look fine with nothing
// loaded but itself.
constexpr auto styleSheet = R"css(
:root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--text:#1d2430;--muted:#5d6675;--line:#e1e4ea;--accent:#2557d6;--on-accent:#fff;--ok:#16803c;--bad:#c0262d}
@media (prefers-color-scheme:dark){:root{--bg:#13161b;--card:#1b1f26;--text:#e7eaef;--muted:#9ba4b3;--line:#2b313b;--accent:#86a8ff;--on-accent:#0d1424;--ok:#4ade80;--bad:#f87171}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:680px;margin:0 auto;padding:48px 20px 96px}
@media (min-width:1140px){main.beside{margin-left:max(24px,calc(50% - 580px))}}
header{display:flex;align-items:baseline;flex-wrap:wrap;gap:4px 12px;margin:0 0 24px}
h1{font-size:28px;line-height:1.2;margin:0}
h2{font-size:17px;margin:0 0 10px}
.muted{color:var(--muted)}
section{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px 24px;margin:0 0 16px}
p{margin:0 0 10px}
p:last-child{margin-bottom:0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 24px;margin:0}
dt{color:var(--muted)}
dd{margin:0}
code{font:14px/1.5 ui-monospace,"DejaVu Sans Mono",Menlo,monospace;background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:1px 6px;overflow-wrap:anywhere}
pre{margin:10px 0 0}
pre code{display:block;padding:10px 12px;white-space:pre-wrap}
a{color:var(--accent)}
.button{display:inline-block;margin-top:4px;background:var(--accent);color:var(--on-accent);text-decoration:none;font-weight:600;padding:8px 18px;border-radius:8px}
.ok,.bad{font-weight:600}
.ok{color:var(--ok)}
.bad{color:var(--bad)}
.ok::before,.bad::before{content:"";display:inline-block;width:9px;height:9px;border-radius:50%;background:currentColor;margin-right:8px;vertical-align:1px}
footer{color:var(--muted);font-size:14px;margin-top:24px}
)css";

QByteArray styleHash()
{
    static const QByteArray hash
        = "'sha256-" + QCryptographicHash::hash(QByteArray(styleSheet), QCryptographicHash::Sha256).toBase64() + '\'';
    return hash;
}

/// scheme://host[:port] of @p url, in the form CSP source expressions take.
QByteArray originOf(const QUrl &url, const QString &scheme)
{
    QUrl origin;
    origin.setScheme(scheme);
    origin.setHost(url.host());
    origin.setPort(url.port());
    return origin.toString(QUrl::FullyEncoded).toUtf8();
}

bool hasWidget(const QUrl &widgetBase)
{
    return widgetBase.isValid() && !widgetBase.host().isEmpty();
}

} // namespace

QString HtmlPage::escape(const QString &text)
{
    // Qt's escape covers & < > and "; the apostrophe too, so an attribute in
    // single quotes is as safe as one in double quotes.
    return text.toHtmlEscaped().replace(u'\'', u"&#39;"_s);
}

QByteArray HtmlPage::contentSecurityPolicy(const QUrl &widgetBase)
{
    QByteArray policy = "default-src 'none'; style-src " + styleHash()
        + "; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    if (hasWidget(widgetBase)) {
        const bool tls = widgetBase.scheme() == u"https";
        const QByteArray http = originOf(widgetBase, tls ? u"https"_s : u"http"_s);
        policy += "; script-src " + http + "; connect-src " + http + ' ' + originOf(widgetBase, tls ? u"wss"_s : u"ws"_s);
    }
    return policy;
}

HttpResponse HtmlPage::render(int status, const QString &title, const QString &bodyHtml, const QUrl &widgetBase)
{
    HttpResponse response;
    response.status = status;
    // The empty data: icon keeps browsers from asking for /favicon.ico.
    response.body
        = QString(u"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  "<meta name=\"robots\" content=\"noindex\"><link rel=\"icon\" href=\"data:,\"><title>"_s
                  + escape(title) + u"</title><style>"_s + QString::fromUtf8(styleSheet)
                  + u"</style></head>\n<body><main"_s
                  // Beside the widget's panel (bottom right) on a wide screen, not under it.
                  + (hasWidget(widgetBase) ? u" class=\"beside\">"_s : u">"_s) + bodyHtml + u"</main></body></html>\n"_s)
              .toUtf8();
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.setHeader("Content-Security-Policy", contentSecurityPolicy(widgetBase));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.noStore();
    return response;
}

} // namespace Frontdesk
