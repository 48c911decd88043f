#include "webhooksettings.h"

#include "auth/tokens.h"
#include "core/webhookrecords.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Frontdesk {

qint64 WebhookSettings::retryDelay(int attempts) const
{
    qint64 delay = firstRetryMs;
    for (int i = 1; i < attempts && delay < maxRetryMs; ++i)
        delay *= 2;
    return std::min(delay, maxRetryMs);
}

QString WebhookInput::urlProblem(const QString &url)
{
    if (url.size() > maxUrlChars)
        return u"A webhook URL has at most %1 characters."_s.arg(maxUrlChars);
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.isRelative() || (parsed.scheme() != u"https"_s && parsed.scheme() != u"http"_s)
        || parsed.host().isEmpty())
        return u"A webhook URL starts with https:// (or http://) and names a host."_s;
    // A password in the URL would be shown in every console and log line.
    if (!parsed.userInfo().isEmpty())
        return u"A webhook URL cannot carry a user name or password; check the signature instead."_s;
    if (parsed.hasFragment())
        return u"A webhook URL cannot have a #fragment."_s;
    return {};
}

QString WebhookInput::eventsProblem(const QStringList &events)
{
    if (events.isEmpty())
        return u"Choose at least one event: %1."_s.arg(WebhookEvents::all().join(u", "_s));
    for (const QString &event : events) {
        if (!WebhookEvents::all().contains(event))
            return u"\"%1\" is not an event; the events are %2."_s.arg(event.left(40), WebhookEvents::all().join(u", "_s));
    }
    return {};
}

QString WebhookInput::newSecret()
{
    return u"whsec_"_s + QString::fromLatin1(Tokens::newIdentitySecret().toBase64());
}

} // namespace Frontdesk
