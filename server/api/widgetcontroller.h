#pragma once

#include "http/httprouter.h"

#include <QUrl>

namespace Frontdesk {

/// @brief `GET /widget.js`: the widget bundle compiled into the binary.
///
/// Caching: the snippet's URL `/widget.js` never changes, so it is served
/// with a short max-age and an ETag (browsers revalidate cheaply and pick up
/// a new release within minutes); `/widget.js?v=<etag>` names one exact build
/// and is cached for a year as immutable. Gzip is computed once at start.
class WidgetController
{
public:
    /// Loads the bundle from @p resourcePath (a Qt resource).
    explicit WidgetController(const QString &resourcePath = QStringLiteral(":/frontdesk/widget/widget.js"));
    void registerRoutes(HttpRouter &router);

    /// The `<script>` tag that embeds the widget of the site @p siteKey from
    /// the server at @p base (its public URL, with a proxy's prefix if any).
    [[nodiscard]] static QString snippet(const QUrl &base, const QString &siteKey);

    [[nodiscard]] QByteArray etag() const { return m_etag; }
    [[nodiscard]] qsizetype gzippedSize() const { return m_gzipped.size(); }

private:
    [[nodiscard]] HttpResponse serve(const HttpRequest &request) const;
    [[nodiscard]] static bool matchesIfNoneMatch(const QByteArray &header, const QByteArray &etag);

    QByteArray m_plain;
    QByteArray m_gzipped;
    QByteArray m_etag; ///< quoted, of the plain body; the gzip body's ends in -gz
};

} // namespace Frontdesk
