#pragma once

#include "core/records.h"

#include <QHostAddress>
#include <QList>
#include <optional>

namespace Frontdesk {

/// @brief The bans in force, in memory, and whether one covers a visitor id
/// or an address.
///
/// Loaded from the store at start and kept in step by the ban commands, so
/// checking an upgrade or a poll costs no database call. A ban whose
/// expiresAt has passed stops matching; it stays listed until unbanned.
class BanList
{
public:
    void replaceAll(const QList<BanRecord> &bans);
    void add(const BanRecord &ban);
    void remove(qint64 banId);
    /// Drops the bans of a deleted site (bans of every site stay).
    void removeSite(qint64 siteId);
    [[nodiscard]] QList<BanRecord> all() const { return m_bans; }

    /// The ban covering @p visitorId at @p now, if any.
    [[nodiscard]] std::optional<BanRecord> matchVisitor(const QString &visitorId, qint64 siteId, qint64 now) const;
    /// The ban whose range holds @p address at @p now, if any. An IPv4
    /// client of a dual-stack socket (::ffff:a.b.c.d) is matched as a.b.c.d.
    [[nodiscard]] std::optional<BanRecord> matchAddress(const QHostAddress &address, qint64 siteId, qint64 now) const;
    /// Whether @p ban covers the address or visitor id at @p now.
    [[nodiscard]] static bool covers(const BanRecord &ban, const QHostAddress &address, const QString &visitorId, qint64 siteId,
                                     qint64 now);

    /// An address ("203.0.113.7") or a CIDR range ("203.0.113.0/24",
    /// "2001:db8::/48") in canonical form: the network address and, unless it
    /// is a single address, its prefix length. std::nullopt when it is neither.
    [[nodiscard]] static std::optional<QString> canonicalRange(const QString &text);

private:
    QList<BanRecord> m_bans;
};

} // namespace Frontdesk
