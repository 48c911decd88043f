#pragma once

#include "http/httpresponse.h"

#include <QString>
#include <QUrl>

namespace Frontdesk {

/// @brief The server's own HTML pages (`/`, `/try`): one shell, one
/// stylesheet and one set of security headers, and the escaping that
/// everything put into them goes through.
///
/// The pages are for people setting the server up, not for visitors; they
/// are small enough to be built in C++, and the stylesheet is allowed by its
/// hash, so the Content-Security-Policy allows no inline script or style at all.
class HtmlPage
{
public:
    HtmlPage() = delete;

    /// @p text with `& < > " '` as character references: safe as element
    /// content and inside a quoted attribute.
    [[nodiscard]] static QString escape(const QString &text);
    /// A whole page. @p bodyHtml is markup already (build it with escape());
    /// with a valid @p widgetBase the page may load scripts from that origin
    /// and connect to it over HTTP and WebSocket (the widget), else it may
    /// run no script at all. Never cached: the pages show live state.
    [[nodiscard]] static HttpResponse render(int status, const QString &title, const QString &bodyHtml,
                                             const QUrl &widgetBase = {});
    /// The Content-Security-Policy render() sends, for tests and docs.
    [[nodiscard]] static QByteArray contentSecurityPolicy(const QUrl &widgetBase);
};

} // namespace Frontdesk
