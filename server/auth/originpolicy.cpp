#include "originpolicy.h"

#include <QtCore/QUrl>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

struct Origin {
    QString scheme; ///< "http" or "https"
    QString host; ///< lower case, ASCII; IPv6 in brackets
    int port = -1; ///< -1 for the scheme's default port

    [[nodiscard]] QString toString() const
    {
        QString text = scheme % u"://"_s % host;
        if (port != -1)
            text += u':' % QString::number(port);
        return text;
    }
};

int defaultPort(const QString &scheme)
{
    return scheme == u"https" ? 443 : 80;
}

/// Parses an origin by hand rather than with QUrl alone: QUrl in tolerant
/// mode repairs input ("http:host", spaces, backslashes), and an origin check
/// must not accept what a browser would never send. QUrl is used only to
/// validate and normalise the host. @p why receives the reason on failure.
/// With @p allowAnyPort, ":*" is accepted and reported as port -2.
std::optional<Origin> parseOrigin(const QString &text, QString *why, bool allowAnyPort = false)
{
    const auto fail = [why](const QString &reason) -> std::optional<Origin> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(u"it is empty"_s);
    if (text == u"null")
        return fail(u"\"null\" is what browsers send for sandboxed frames and local files, which cannot be allowed"_s);
    for (const QChar c : text) {
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return fail(u"it contains spaces or control characters"_s);
    }

    const qsizetype schemeEnd = text.indexOf(u"://"_s);
    if (schemeEnd <= 0)
        return fail(u"it does not start with http:// or https://"_s);
    Origin origin;
    origin.scheme = text.first(schemeEnd).toLower();
    if (origin.scheme != u"http" && origin.scheme != u"https")
        return fail(u"only http:// and https:// origins can embed the widget"_s);

    QStringView authority = QStringView(text).sliced(schemeEnd + 3);
    // One trailing slash is tolerated because people paste site URLs; any
    // other path, query or fragment means this is a page, not an origin.
    if (authority.endsWith(u'/'))
        authority.chop(1);
    if (authority.contains(u'/') || authority.contains(u'?') || authority.contains(u'#') || authority.contains(u'\\'))
        return fail(u"an origin has no path, query or fragment: use only scheme://host[:port]"_s);
    if (authority.contains(u'@'))
        return fail(u"an origin has no user name or password"_s);

    QStringView host = authority;
    QStringView port;
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        if (close < 0)
            return fail(u"the IPv6 address is missing its closing bracket"_s);
        host = authority.first(close + 1);
        const QStringView rest = authority.sliced(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(u':'))
                return fail(u"unexpected characters follow the IPv6 address"_s);
            port = rest.sliced(1);
            if (port.isEmpty())
                return fail(u"the port after the colon is missing"_s);
        }
    } else {
        const qsizetype colon = authority.indexOf(u':');
        if (colon >= 0) {
            host = authority.first(colon);
            port = authority.sliced(colon + 1);
            if (port.isEmpty())
                return fail(u"the port after the colon is missing"_s);
        }
    }
    if (host.isEmpty())
        return fail(u"the host name is missing"_s);

    if (!port.isEmpty()) {
        if (allowAnyPort && port == u"*") {
            origin.port = -2;
        } else {
            bool digitsOnly = port.size() <= 5;
            for (const QChar c : port)
                digitsOnly = digitsOnly && c.isDigit() && c.unicode() < 0x80;
            const int number = digitsOnly ? port.toInt() : 0;
            if (number < 1 || number > 65535)
                return fail(u"the port must be a number from 1 to 65535"_s);
            origin.port = number == defaultPort(origin.scheme) ? -1 : number;
        }
    }

    QUrl url;
    url.setHost(host.toString(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(u"\"%1\" is not a valid host name or IP address"_s.arg(host));
    // FullyEncoded gives the ASCII (punycode) form browsers put in headers,
    // already lower-cased by QUrl.
    origin.host = url.host(QUrl::FullyEncoded);
    if (origin.host.contains(u':'))
        origin.host = u'[' % origin.host % u']';
    return origin;
}

std::optional<Origin> parseEntry(const QString &entry, QString *why)
{
    return parseOrigin(entry.trimmed(), why, /*allowAnyPort=*/true);
}

} // namespace

std::optional<QString> OriginPolicy::normalize(const QString &origin)
{
    const auto parsed = parseOrigin(origin, nullptr);
    if (!parsed)
        return std::nullopt;
    return parsed->toString();
}

bool OriginPolicy::isAllowed(const QStringList &allowedOrigins, const QString &origin)
{
    const auto candidate = parseOrigin(origin, nullptr);
    if (!candidate)
        return false;
    for (const QString &entry : allowedOrigins) {
        if (entry.trimmed() == u"*")
            return true;
        const auto allowed = parseEntry(entry, nullptr);
        if (!allowed || allowed->scheme != candidate->scheme || allowed->host != candidate->host)
            continue;
        if (allowed->port == -2 || allowed->port == candidate->port)
            return true;
    }
    return false;
}

QString OriginPolicy::validateEntry(const QString &entry)
{
    if (entry.trimmed() == u"*")
        return {};
    QString why;
    if (!parseEntry(entry, &why))
        return u"\"%1\" is not a valid allowed origin: %2."_s.arg(entry.trimmed(), why);
    return {};
}

QStringList OriginPolicy::ownOrigins(const QUrl &publicUrl, const QUrl &listenUrl)
{
    const auto originOf = [](const QUrl &url) {
        return normalize(url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                             .toString(QUrl::FullyEncoded));
    };
    QStringList origins;
    const auto add = [&origins](const std::optional<QString> &origin) {
        if (origin && !origins.contains(*origin))
            origins.append(*origin);
    };
    if (!publicUrl.isEmpty()) {
        add(originOf(publicUrl));
        return origins;
    }
    add(originOf(listenUrl));
    // The listen URL is the listener's own (an address, never a name); Qt
    // Network is not needed to tell loopback apart.
    const QString host = listenUrl.host();
    const bool loopback = host == u"::1" || host == u"localhost" || host.startsWith(u"127."_s);
    if (loopback && listenUrl.port() > 0) {
        // Whoever listens on this loopback port is this server, whatever the
        // browser calls it; a page on another port is not ours.
        for (const QString &name : {u"localhost"_s, u"127.0.0.1"_s, u"[::1]"_s}) {
            QUrl alias;
            alias.setScheme(listenUrl.scheme());
            alias.setAuthority(name % u':' % QString::number(listenUrl.port()));
            add(originOf(alias));
        }
    }
    return origins;
}

} // namespace Frontdesk
