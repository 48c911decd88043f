#include "acmesettings.h"

#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Frontdesk {

bool AcmeSettings::parseDomain(const QString &text, QString *domain, QString *error)
{
    const QString name = text.trimmed().toLower();
    // The name goes on certbot's command line and into folder names: nothing
    // but a plain host name passes (RFC 1123 labels, 253 characters at most).
    static const QRegularExpression hostName(
        u"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$"_s);
    if (!QHostAddress(name).isNull()) {
        *error = u"--acme-domain takes a DNS name (for example chat.shop.example), not an address (\"%1\")."_s.arg(text);
        return false;
    }
    if (!hostName.match(name).hasMatch()) {
        *error
            = u"--acme-domain takes a DNS name such as chat.shop.example (no wildcard, scheme or port), not \"%1\"."_s.arg(text);
        return false;
    }
    *domain = name;
    return true;
}

} // namespace Frontdesk
