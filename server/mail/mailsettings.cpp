#include "mailsettings.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

qint64 MailSettings::retryDelayMs(int attempts) const
{
    qint64 delay = std::max<qint64>(1, retryFirstMs);
    for (int i = 1; i < attempts && delay < retryMaxMs; ++i)
        delay *= 2;
    return std::min(delay, std::max<qint64>(retryMaxMs, 1));
}

bool MailSettings::validate(QString *error) const
{
    if (!isEnabled())
        return true;
    if (from.address.isEmpty()) {
        *error = u"--smtp-url needs --smtp-from, the address the emails come from."_s;
        return false;
    }
    if (smtpUrl.scheme() == u"smtp"_s && allowPlain && smtpUrl.host() != u"localhost"_s && smtpUrl.host() != u"127.0.0.1"_s
        && smtpUrl.host() != u"::1"_s && !user.isEmpty()) {
        // Allowed, but the password would cross the network in the clear.
        *error = u"--smtp-allow-plain with --smtp-user sends the SMTP password unencrypted; use it with a relay on "
                 "localhost only (the host is %1)."_s.arg(smtpUrl.host());
        return false;
    }
    return true;
}

bool MailSettings::parseUrl(const QString &text, QUrl *url, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *url = QUrl(); // an empty value turns mail off
        return true;
    }
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != u"smtp"_s && parsed.scheme() != u"smtps"_s) || parsed.host().isEmpty()
        || !parsed.userInfo().isEmpty() || (!parsed.path().isEmpty() && parsed.path() != u"/"_s) || parsed.hasQuery()
        || parsed.hasFragment()) {
        *error = u"takes smtp://HOST:PORT (STARTTLS) or smtps://HOST:PORT (TLS), without a user or password, "
                 "not \"%1\"."_s.arg(text);
        return false;
    }
    QUrl clean;
    clean.setScheme(parsed.scheme());
    clean.setHost(parsed.host());
    clean.setPort(parsed.port(parsed.scheme() == u"smtps"_s ? 465 : 587));
    *url = clean;
    return true;
}

bool MailSettings::parseFrom(const QString &text, MailAddress *from, QString *error)
{
    const auto parsed = MailAddress::parse(text);
    if (!parsed) {
        *error = u"takes an address such as chat@shop.example or \"Shop support <chat@shop.example>\", not \"%1\"."_s.arg(text);
        return false;
    }
    *from = *parsed;
    return true;
}

bool MailSettings::parseBool(const QString &text, const QString &option, bool *value, QString *error)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true"_s || t == u"yes"_s || t == u"1"_s || t == u"on"_s) {
        *value = true;
        return true;
    }
    if (t == u"false"_s || t == u"no"_s || t == u"0"_s || t == u"off"_s) {
        *value = false;
        return true;
    }
    *error = u"%1 is true or false, not \"%2\"."_s.arg(option, text);
    return false;
}

} // namespace Frontdesk
