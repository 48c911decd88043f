#pragma once

#include "core/records.h"

#include <QHash>
#include <QMap>
#include <optional>

namespace Frontdesk {

/// @brief The sites this server serves, kept in memory.
///
/// Sites are few and read on every WebSocket upgrade and widget request, which
/// must be decided without waiting for the database; the directory is filled
/// from the store at start and updated whenever a site is created, changed or
/// deleted. Kept in order of id, so "the first site" (the snapshot's `site`,
/// what `--allow-origin` changes) is always the oldest one.
class SiteDirectory
{
public:
    void replaceAll(const QList<SiteRecord> &sites);
    void upsert(const SiteRecord &site);
    void remove(qint64 siteId);

    [[nodiscard]] std::optional<SiteRecord> byKey(const QString &siteKey) const;
    [[nodiscard]] std::optional<SiteRecord> byId(qint64 siteId) const;
    /// Every site, oldest (lowest id) first.
    [[nodiscard]] QList<SiteRecord> all() const { return m_byId.values(); }
    [[nodiscard]] int count() const { return int(m_byId.size()); }
    /// The oldest site, if there is one.
    [[nodiscard]] std::optional<SiteRecord> first() const;
    /// True when @p origin (the page's Origin header) may use @p site: the
    /// site allows it, or it is one of the server's own origins.
    [[nodiscard]] bool allowsOrigin(const SiteRecord &site, const QString &origin) const;
    /// The server's own origins (OriginPolicy::ownOrigins): its `/try` page
    /// may use every site without that origin being stored in any site's
    /// list. Set once the server listens (the port may be chosen then).
    void setServerOrigins(const QStringList &origins) { m_serverOrigins = origins; }
    [[nodiscard]] QStringList serverOrigins() const { return m_serverOrigins; }

private:
    QMap<qint64, SiteRecord> m_byId;
    QHash<QString, qint64> m_idByKey;
    QStringList m_serverOrigins; ///< normalised, exact: no "*" or ":*" entries
};

} // namespace Frontdesk
