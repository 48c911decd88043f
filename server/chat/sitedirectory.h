#pragma once

#include "core/records.h"

#include <QHash>
#include <optional>

namespace Frontdesk {

/// @brief The sites this server serves, kept in memory.
///
/// Sites are few and read on every WebSocket upgrade and widget request, which
/// must be decided without waiting for the database; the directory is filled
/// from the store at start and updated whenever a site changes.
class SiteDirectory
{
public:
    void replaceAll(const QList<SiteRecord> &sites);
    void upsert(const SiteRecord &site);

    [[nodiscard]] std::optional<SiteRecord> byKey(const QString &siteKey) const;
    [[nodiscard]] std::optional<SiteRecord> byId(qint64 siteId) const;
    [[nodiscard]] QList<SiteRecord> all() const { return m_byKey.values(); }
    /// True when @p origin (the page's Origin header) may use @p site.
    [[nodiscard]] static bool allowsOrigin(const SiteRecord &site, const QString &origin);

private:
    QHash<QString, SiteRecord> m_byKey;
};

} // namespace Frontdesk
