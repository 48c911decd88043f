#include "banlist.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

bool inForce(const BanRecord &ban, qint64 siteId, qint64 now)
{
    return (ban.expiresAt == 0 || ban.expiresAt > now) && (ban.siteId == 0 || ban.siteId == siteId);
}

QHostAddress unmapped(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

void BanList::replaceAll(const QList<BanRecord> &bans)
{
    m_bans = bans;
}

void BanList::add(const BanRecord &ban)
{
    remove(ban.id);
    m_bans.append(ban);
}

void BanList::remove(qint64 banId)
{
    m_bans.removeIf([banId](const BanRecord &ban) { return ban.id == banId; });
}

void BanList::removeSite(qint64 siteId)
{
    m_bans.removeIf([siteId](const BanRecord &ban) { return ban.siteId == siteId; });
}

bool BanList::covers(const BanRecord &ban, const QHostAddress &address, const QString &visitorId, qint64 siteId, qint64 now)
{
    if (!inForce(ban, siteId, now))
        return false;
    if (ban.kind == BanKind::Visitor)
        return !visitorId.isEmpty() && ban.value == visitorId;
    if (address.isNull())
        return false;
    const auto [network, prefix] = QHostAddress::parseSubnet(ban.value);
    return prefix >= 0 && unmapped(address).isInSubnet(network, prefix);
}

std::optional<BanRecord> BanList::matchVisitor(const QString &visitorId, qint64 siteId, qint64 now) const
{
    for (const BanRecord &ban : m_bans) {
        if (ban.kind == BanKind::Visitor && covers(ban, {}, visitorId, siteId, now))
            return ban;
    }
    return std::nullopt;
}

std::optional<BanRecord> BanList::matchAddress(const QHostAddress &address, qint64 siteId, qint64 now) const
{
    for (const BanRecord &ban : m_bans) {
        if (ban.kind == BanKind::Address && covers(ban, address, {}, siteId, now))
            return ban;
    }
    return std::nullopt;
}

std::optional<QString> BanList::canonicalRange(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    // parseSubnet also takes shorthands ("10", "10.1.") that read as ranges
    // nobody meant: the address part must be a whole address on its own.
    const qsizetype slash = trimmed.indexOf(u'/');
    const QString addressPart = trimmed.left(slash < 0 ? trimmed.size() : slash);
    const QHostAddress address(addressPart);
    if (address.isNull() || (address.protocol() == QAbstractSocket::IPv4Protocol && addressPart.count(u'.') != 3))
        return std::nullopt;
    if (slash < 0)
        return unmapped(address).toString();
    const QString prefixPart = trimmed.mid(slash + 1);
    if (prefixPart.isEmpty() || prefixPart.size() > 3
        || !std::all_of(prefixPart.begin(), prefixPart.end(), [](QChar c) { return c.isDigit(); }))
        return std::nullopt;
    const auto [network, prefix] = QHostAddress::parseSubnet(trimmed);
    if (network.isNull() || prefix < 0)
        return std::nullopt;
    const int full = network.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    if (prefix == full)
        return network.toString();
    return u"%1/%2"_s.arg(network.toString()).arg(prefix);
}

} // namespace Frontdesk
