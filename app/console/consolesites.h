#pragma once

#include "core/records.h"

#include <QList>
#include <QObject>

namespace Frontdesk {

/**
 * @brief The sites this console knows (the snapshot's `sites`, kept up to
 * date by `site_created`, `site_updated` and `site_deleted`) and the one the
 * agent is looking at in the settings and the snippet.
 *
 * Sites are kept oldest (lowest id) first, as the server lists them. The
 * current site outlives a reconnect while it still exists; when it is
 * deleted the console moves to the oldest site left. An admin's copy keeps
 * the identity secret the snapshot or a command answer gave, because the
 * events never carry it.
 */
class ConsoleSites : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    [[nodiscard]] const QList<SiteRecord> &all() const { return m_sites; }
    /// The current site, or one with id 0 while none is known.
    [[nodiscard]] SiteRecord current() const;
    [[nodiscard]] int currentId() const { return m_currentId; }
    /// The site with @p siteId, or one with id 0.
    [[nodiscard]] SiteRecord byId(qint64 siteId) const;

    /// Chooses the site the settings and the snippet show; an unknown id is ignored.
    void setCurrentId(int siteId);
    /// Replaces every site (the snapshot's `sites`; an older server's one `site`).
    void reset(const QList<SiteRecord> &sites);
    /// Adds @p site or replaces the one with its id (a command's answer, `site_created`, `site_updated`).
    void upsert(const Frontdesk::SiteRecord &site);
    /// Forgets the site (`site_deleted`, or delete_site's answer).
    void remove(int siteId);

Q_SIGNALS:
    /// The list changed: a site was added, renamed, changed or removed.
    void sitesChanged();
    /// The current site is another one, or its settings changed.
    void currentChanged();
    /// A site is gone with all its conversations (the models drop its rows).
    void siteRemoved(int siteId);

private:
    [[nodiscard]] int indexOf(qint64 siteId) const;
    /// Keeps the current site if it still exists, else the oldest one.
    void settleCurrent();

    QList<SiteRecord> m_sites;
    int m_currentId = 0;
};

} // namespace Frontdesk
