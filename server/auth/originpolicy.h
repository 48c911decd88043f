#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <optional>

namespace Frontdesk {

/**
 * @brief Which web origins may embed the widget and open visitor connections.
 *
 * Browsers send an Origin header ("https://shop.example:8443") with every
 * WebSocket handshake and cross-origin request; the server compares it with
 * the site's configured list. Both sides are normalised first, so
 * "HTTPS://Shop.Example:443/" in the settings matches what a browser sends.
 *
 * Configuration entries are:
 * - an origin, "scheme://host[:port]" with http or https, matched exactly;
 * - "scheme://host:*", any port on that scheme and host (local development);
 * - "*", any valid origin.
 * A missing or malformed Origin ("", "null" from sandboxed frames and file://
 * pages, anything with a path or user info) is never allowed, not even by "*":
 * such a request cannot be tied to a site at all.
 */
class OriginPolicy
{
public:
    OriginPolicy() = delete;

    /// "scheme://host[:port]" in lower case, IDN host in its ASCII (punycode)
    /// form, the scheme's default port and a trailing slash dropped; nullopt
    /// for anything that is not an http(s) origin.
    [[nodiscard]] static std::optional<QString> normalize(const QString &origin);
    /// Whether @p origin (an Origin header value) is allowed by
    /// @p allowedOrigins (configuration entries, see the class description;
    /// surrounding whitespace in entries is ignored, invalid entries match
    /// nothing).
    [[nodiscard]] static bool isAllowed(const QStringList &allowedOrigins, const QString &origin);
    /// Empty when @p entry is a valid configuration entry, else a sentence
    /// for the settings page saying what is wrong with it.
    [[nodiscard]] static QString validateEntry(const QString &entry);
    /// The server's own origins, normalised: where its own pages (`/try`)
    /// come from, so they may use every site without being in its list.
    /// With @p publicUrl (--public-url) exactly that URL's origin; without
    /// one, @p listenUrl's origin and, when that is a loopback address, the
    /// other spellings of the same loopback port (localhost, 127.0.0.1,
    /// [::1]). Only names no third party can hold: a domain name other than
    /// the public URL's could be DNS-rebound onto this address, so a page
    /// on it would count as ours.
    [[nodiscard]] static QStringList ownOrigins(const QUrl &publicUrl, const QUrl &listenUrl);
};

} // namespace Frontdesk
