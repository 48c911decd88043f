#pragma once

#include "chat/chatoutcome.h"
#include "core/domainevents.h"
#include "core/records.h"

#include <QObject>

namespace Frontdesk {

class Moderation;
class SiteDirectory;
class AuditLogStore;
class SiteStore;

/// @brief The sites a server serves, as admins manage them: create one (with
/// its own key and identity secret), change its settings, delete it with
/// everything stored for it. Who may do it (admins) is checked by the caller;
/// every change is audited, kept in the SiteDirectory and published.
class SiteService : public QObject
{
    Q_OBJECT

public:
    SiteService(SiteStore *siteStore, AuditLogStore *auditLog, SiteDirectory *sites, Moderation *moderation,
                DomainEventBus *events, QObject *parent = nullptr);

    /// Stores @p draft (name, origins, widget settings and retention already
    /// checked) as a new site with a fresh site key and identity secret.
    void createSite(const AgentRecord &admin, SiteRecord draft, ChatCallback<SiteRecord> done);
    /// Stores the settings @p patch changes (already checked) on the site as
    /// the store has it then, and publishes the result.
    void updateSite(const AgentRecord &admin, qint64 siteId, const SitePatch &patch, ChatCallback<SiteRecord> done);
    /// Deletes the site and everything stored for it, when @p confirmSiteKey is
    /// the site's key typed back (a deletion cannot be undone) and another site
    /// remains. Its visitors' connections close.
    void deleteSite(const AgentRecord &admin, qint64 siteId, const QString &confirmSiteKey, ChatCallback<SiteDeletion> done);

    /// The answer for an id that names no site.
    [[nodiscard]] static ProtocolError noSite(qint64 siteId);

private:
    SiteStore *m_siteStore;
    AuditLogStore *m_auditLog;
    SiteDirectory *m_sites;
    Moderation *m_moderation;
    DomainEventBus *m_events;
};

} // namespace Frontdesk
