#include "widgetcontroller.h"

#include "api/cors.h"
#include "api/htmlpage.h"
#include "http/gzip.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace Frontdesk {

WidgetController::WidgetController(const QString &resourcePath)
{
    QFile file(resourcePath);
    if (file.open(QIODevice::ReadOnly))
        m_plain = file.readAll();
    else
        qCCritical(lcApi) << "the widget bundle" << resourcePath << "is missing from the build:" << file.errorString();
    m_gzipped = gzipCompress(m_plain);
    m_etag = '"' + QCryptographicHash::hash(m_plain, QCryptographicHash::Sha256).toHex().left(20) + '"';
}

void WidgetController::registerRoutes(HttpRouter &router)
{
    router.addRoute("GET", u"/widget.js"_s,
                    [this](const HttpRequest &request, const HttpResponder &responder) { responder.respond(serve(request)); });
}

QString WidgetController::snippet(const QUrl &base, const QString &siteKey)
{
    // Escaped although both are ours (a generated key, a checked URL): the
    // snippet is also put into HTML pages as it is.
    return u"<script async src=\"%1/widget.js\" data-site-key=\"%2\"></script>"_s.arg(
        HtmlPage::escape(base.toString(QUrl::StripTrailingSlash)), HtmlPage::escape(siteKey));
}

bool WidgetController::matchesIfNoneMatch(const QByteArray &header, const QByteArray &etag)
{
    // RFC 9110: a list of tags, weak ones compared weakly, or "*".
    for (QByteArray tag : header.split(',')) {
        tag = tag.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == "*" || tag == etag)
            return true;
    }
    return false;
}

HttpResponse WidgetController::serve(const HttpRequest &request) const
{
    const QString version = request.query.queryItemValue(u"v"_s);
    const bool pinned = !version.isEmpty() && '"' + version.toLatin1() + '"' == m_etag;

    // Gzip and plain bodies differ, so they get different strong ETags.
    const bool gzip = acceptsGzip(request);
    const QByteArray etag = gzip ? m_etag.chopped(1) + "-gz\"" : m_etag;
    HttpResponse response;
    response.setHeader("ETag", etag);
    response.setHeader("Cache-Control", pinned ? "public, max-age=31536000, immutable" : "public, max-age=300");
    response.setHeader("Vary", "Accept-Encoding");
    // Any page may load the script; it talks only to the origins the site allows.
    response = Cors::allowAnyOrigin(response);
    response.setHeader("X-Content-Type-Options", "nosniff");

    if (matchesIfNoneMatch(request.header("if-none-match"), etag)) {
        response.status = 304;
        return response;
    }
    response.setHeader("Content-Type", "text/javascript; charset=utf-8");
    if (gzip) {
        response.setHeader("Content-Encoding", "gzip");
        response.body = m_gzipped;
    } else {
        response.body = m_plain;
    }
    return response;
}

} // namespace Frontdesk
