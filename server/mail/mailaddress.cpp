#include "mailaddress.h"

#include "mailmessage.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Frontdesk {

bool MailAddress::isValidAddress(const QString &address)
{
    if (address.size() > 254)
        return false;
    // RFC 5322 atext in the local part (dot-separated, no empty atoms), LDH
    // labels in the domain. ASCII only: a visitor's IDN address is rare, and
    // anything outside this set is a way into a header.
    static const QRegularExpression pattern(u"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                                            "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                                            "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"_s);
    const qsizetype at = address.indexOf(u'@');
    return at > 0 && at <= 64 && pattern.match(address).hasMatch();
}

std::optional<MailAddress> MailAddress::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (isValidAddress(trimmed))
        return MailAddress{QString(), trimmed};
    static const QRegularExpression named(u"^(.*?)\\s*<([^<>]+)>$"_s);
    const QRegularExpressionMatch match = named.match(trimmed);
    // A name with angle brackets of its own would show a second address.
    if (!match.hasMatch() || !isValidAddress(match.captured(2)) || match.captured(1).contains(u'<')
        || match.captured(1).contains(u'>'))
        return std::nullopt;
    QString name = match.captured(1).trimmed();
    if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
        name = name.mid(1, name.size() - 2);
    return MailAddress{cleanName(name), match.captured(2)};
}

QString MailAddress::cleanName(const QString &name)
{
    QString clean;
    clean.reserve(name.size());
    for (const QChar c : name) {
        // Every control character (CR and LF above all), and the bidi and
        // line-separator characters that could make a name read as something else.
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            clean.append(u' ');
        else
            clean.append(c);
    }
    return clean.simplified().left(100);
}

QByteArray MailAddress::toHeader() const
{
    QByteArray angle = '<' + address.toLatin1() + '>'; // not const: returned by move
    const QString clean = cleanName(name);
    if (clean.isEmpty())
        return angle;
    return MailMessage::encodePhrase(clean) + ' ' + angle;
}

QString MailAddress::toString() const
{
    const QString clean = cleanName(name);
    return clean.isEmpty() ? address : clean + u" <"_s + address + u'>';
}

} // namespace Frontdesk
