#include "consolesites.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

int idOf(const QJsonObject &site)
{
    return site.value(u"id"_s).toInt();
}

} // namespace

QJsonObject ConsoleSites::current() const
{
    return byId(m_currentId);
}

QJsonObject ConsoleSites::byId(int siteId) const
{
    const int at = indexOf(siteId);
    return at < 0 ? QJsonObject() : m_sites.at(at);
}

int ConsoleSites::indexOf(int siteId) const
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

void ConsoleSites::reset(const QJsonArray &sites)
{
    const QList<QJsonObject> before = m_sites;
    m_sites.clear();
    for (const QJsonValue &value : sites) {
        QJsonObject site = value.toObject();
        if (idOf(site) <= 0)
            continue;
        m_sites.append(site);
    }
    std::sort(m_sites.begin(), m_sites.end(), [](const QJsonObject &a, const QJsonObject &b) { return idOf(a) < idOf(b); });
    // A site deleted while this console was away: its conversations are not in
    // the new snapshot either, but the history search may still show some.
    for (const QJsonObject &site : before) {
        if (indexOf(idOf(site)) < 0)
            Q_EMIT siteRemoved(idOf(site));
    }
    Q_EMIT sitesChanged();
    const int wasCurrent = m_currentId;
    settleCurrent();
    if (m_currentId == wasCurrent)
        Q_EMIT currentChanged(); // same site, but its settings come fresh from the snapshot
}

void ConsoleSites::upsert(const QJsonObject &site)
{
    const int id = idOf(site);
    if (id <= 0)
        return;
    const int at = indexOf(id);
    if (at >= 0) {
        QJsonObject merged = site;
        // Events leave the secret out; what an admin was given stays.
        if (!merged.contains(u"identitySecret"_s) && m_sites.at(at).contains(u"identitySecret"_s))
            merged.insert(u"identitySecret"_s, m_sites.at(at).value(u"identitySecret"_s));
        m_sites[at] = merged;
    } else {
        const auto place = std::lower_bound(m_sites.begin(), m_sites.end(), id,
                                            [](const QJsonObject &entry, int wanted) { return idOf(entry) < wanted; });
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
