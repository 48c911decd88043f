#include "sitedirectory.h"

#include "auth/originpolicy.h"

namespace Frontdesk {

void SiteDirectory::replaceAll(const QList<SiteRecord> &sites)
{
    m_byId.clear();
    m_idByKey.clear();
    for (const SiteRecord &site : sites)
        upsert(site);
}

void SiteDirectory::upsert(const SiteRecord &site)
{
    // The key may have changed: the old one must stop finding the site.
    const auto existing = m_byId.constFind(site.id);
    if (existing != m_byId.constEnd() && existing->siteKey != site.siteKey)
        m_idByKey.remove(existing->siteKey);
    m_byId.insert(site.id, site);
    m_idByKey.insert(site.siteKey, site.id);
}

void SiteDirectory::remove(qint64 siteId)
{
    const auto it = m_byId.find(siteId);
    if (it == m_byId.end())
        return;
    m_idByKey.remove(it->siteKey);
    m_byId.erase(it);
}

std::optional<SiteRecord> SiteDirectory::byKey(const QString &siteKey) const
{
    const auto it = m_idByKey.constFind(siteKey);
    if (it == m_idByKey.constEnd())
        return std::nullopt;
    return byId(*it);
}

std::optional<SiteRecord> SiteDirectory::byId(qint64 siteId) const
{
    const auto it = m_byId.constFind(siteId);
    if (it == m_byId.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<SiteRecord> SiteDirectory::first() const
{
    if (m_byId.isEmpty())
        return std::nullopt;
    return m_byId.first();
}

bool SiteDirectory::allowsOrigin(const SiteRecord &site, const QString &origin) const
{
    if (OriginPolicy::isAllowed(site.allowedOrigins, origin))
        return true;
    // Exact matches only: the normal form of a header cannot widen the list.
    const auto normalized = OriginPolicy::normalize(origin);
    return normalized && m_serverOrigins.contains(*normalized);
}

} // namespace Frontdesk
