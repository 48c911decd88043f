#include "useragent.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QString version(const QString &header, const QString &pattern)
{
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(header);
    return match.hasMatch() ? match.captured(1) : QString();
}

QString named(const QString &name, const QString &major)
{
    return major.isEmpty() ? name : name + u' ' + major;
}

} // namespace

UserAgent UserAgent::parse(const QString &header)
{
    UserAgent result;
    // The console itself (AgentClient::login): "Frontdesk/0.1.0 (Debian GNU/Linux 12 (bookworm); linux)".
    if (header.startsWith(u"Frontdesk/"_s))
        result.browser = named(u"Frontdesk"_s, version(header, u"^Frontdesk/(\\d+\\.\\d+)"_s));
    else if (header.contains(u"Edg/"_s))
        result.browser = named(u"Edge"_s, version(header, u"Edg/(\\d+)"_s));
    else if (header.contains(u"OPR/"_s))
        result.browser = named(u"Opera"_s, version(header, u"OPR/(\\d+)"_s));
    else if (header.contains(u"SamsungBrowser/"_s))
        result.browser = named(u"Samsung Internet"_s, version(header, u"SamsungBrowser/(\\d+)"_s));
    else if (header.contains(u"Firefox/"_s))
        result.browser = named(u"Firefox"_s, version(header, u"Firefox/(\\d+)"_s));
    else if (header.contains(u"FxiOS/"_s))
        result.browser = named(u"Firefox"_s, version(header, u"FxiOS/(\\d+)"_s));
    else if (header.contains(u"CriOS/"_s))
        result.browser = named(u"Chrome"_s, version(header, u"CriOS/(\\d+)"_s));
    else if (header.contains(u"Chrome/"_s))
        result.browser = named(header.contains(u"HeadlessChrome"_s) ? u"Headless Chrome"_s : u"Chrome"_s,
                               version(header, u"Chrome/(\\d+)"_s));
    else if (header.contains(u"Safari/"_s) && header.contains(u"Version/"_s))
        result.browser = named(u"Safari"_s, version(header, u"Version/(\\d+)"_s));

    if (header.contains(u"Android"_s))
        result.os = named(u"Android"_s, version(header, u"Android (\\d+)"_s));
    else if (header.contains(u"iPhone"_s) || header.contains(u"iPad"_s))
        result.os = named(header.contains(u"iPad"_s) ? u"iPadOS"_s : u"iOS"_s, version(header, u"OS (\\d+)_"_s));
    else if (header.contains(u"Windows NT 10"_s))
        result.os = u"Windows 10/11"_s;
    else if (header.contains(u"Windows"_s))
        result.os = u"Windows"_s;
    else if (header.contains(u"Mac OS X"_s) || header.contains(u"Macintosh"_s) || header.contains(u"macOS"_s))
        result.os = u"macOS"_s;
    else if (header.contains(u"CrOS"_s))
        result.os = u"ChromeOS"_s;
    else if (header.contains(u"Linux"_s))
        result.os = u"Linux"_s;
    return result;
}

} // namespace Frontdesk
