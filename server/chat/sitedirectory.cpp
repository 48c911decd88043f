#include "sitedirectory.h"

#include "auth/originpolicy.h"

namespace Frontdesk {

void SiteDirectory::replaceAll(const QList<SiteRecord> &sites)
{
    m_byKey.clear();
    for (const SiteRecord &site : sites)
        m_byKey.insert(site.siteKey, site);
}

void SiteDirectory::upsert(const SiteRecord &site)
{
    m_byKey.insert(site.siteKey, site);
}

std::optional<SiteRecord> SiteDirectory::byKey(const QString &siteKey) const
{
    const auto it = m_byKey.constFind(siteKey);
    if (it == m_byKey.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<SiteRecord> SiteDirectory::byId(qint64 siteId) const
{
    for (const SiteRecord &site : m_byKey) {
        if (site.id == siteId)
            return site;
    }
    return std::nullopt;
}

bool SiteDirectory::allowsOrigin(const SiteRecord &site, const QString &origin)
{
    return OriginPolicy::isAllowed(site.allowedOrigins, origin);
}

} // namespace Frontdesk
