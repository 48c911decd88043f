#include "consolesites.h"

#include <algorithm>

namespace Frontdesk {

namespace {

int idOf(const SiteRecord &site)
{
    return int(site.id);
}

} // namespace

SiteRecord ConsoleSites::current() const
{
    return byId(m_currentId);
}

SiteRecord ConsoleSites::byId(qint64 siteId) const
{
    const int at = indexOf(siteId);
    return at < 0 ? SiteRecord() : m_sites.at(at);
}

int ConsoleSites::indexOf(qint64 siteId) const
{
    for (int i = 0; i < m_sites.size(); ++i) {
        if (idOf(m_sites.at(i)) == siteId)
            return i;
    }
    return -1;
}

void ConsoleSites::setCurrentId(int siteId)
{
    if (siteId == m_currentId || indexOf(siteId) < 0)
        return;
    m_currentId = siteId;
    Q_EMIT currentChanged();
}

void ConsoleSites::reset(const QList<SiteRecord> &sites)
{
    const QList<SiteRecord> before = m_sites;
    m_sites.clear();
    for (const SiteRecord &site : sites) {
        if (site.id > 0)
            m_sites.append(site);
    }
    std::sort(m_sites.begin(), m_sites.end(), [](const SiteRecord &a, const SiteRecord &b) { return a.id < b.id; });
    // A site deleted while this console was away: its conversations are not in
    // the new snapshot either, but the history search may still show some.
    for (const SiteRecord &site : before) {
        if (indexOf(idOf(site)) < 0)
            Q_EMIT siteRemoved(idOf(site));
    }
    Q_EMIT sitesChanged();
    const int wasCurrent = m_currentId;
    settleCurrent();
    if (m_currentId == wasCurrent)
        Q_EMIT currentChanged(); // same site, but its settings come fresh from the snapshot
}

void ConsoleSites::upsert(const SiteRecord &site)
{
    const int id = idOf(site);
    if (id <= 0)
        return;
    const int at = indexOf(id);
    if (at >= 0) {
        SiteRecord merged = site;
        // Events leave the secret out; what an admin was given stays.
        if (merged.identitySecret.isEmpty())
            merged.identitySecret = m_sites.at(at).identitySecret;
        m_sites[at] = merged;
    } else {
        const auto place = std::lower_bound(m_sites.begin(), m_sites.end(), id,
                                            [](const SiteRecord &entry, qint64 wanted) { return entry.id < wanted; });
        m_sites.insert(place, site);
    }
    Q_EMIT sitesChanged();
    if (m_currentId == 0)
        settleCurrent();
    else if (id == m_currentId)
        Q_EMIT currentChanged();
}

void ConsoleSites::remove(int siteId)
{
    const int at = indexOf(siteId);
    if (at < 0)
        return;
    m_sites.removeAt(at);
    Q_EMIT siteRemoved(siteId);
    Q_EMIT sitesChanged();
    settleCurrent();
}

void ConsoleSites::settleCurrent()
{
    if (indexOf(m_currentId) >= 0)
        return;
    m_currentId = m_sites.isEmpty() ? 0 : idOf(m_sites.first());
    Q_EMIT currentChanged();
}

} // namespace Frontdesk
