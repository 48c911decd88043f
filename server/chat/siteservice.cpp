#include "siteservice.h"

#include "auth/tokens.h"
#include "chat/audittrail.h"
#include "chat/moderation.h"
#include "chat/sitedirectory.h"
#include "core/continuewith.h"
#include "store/store.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSites, "frontdesk.sites")

namespace Frontdesk {

namespace {

/// What an update changed, for the audit log ("name, allowed origins").
QString changedSettings(const std::optional<SiteRecord> &before, const SiteRecord &after)
{
    if (!before)
        return {};
    QStringList changed;
    if (before->name != after.name)
        changed.append(u"name \"%1\" → \"%2\""_s.arg(before->name, after.name));
    if (before->allowedOrigins != after.allowedOrigins)
        changed.append(u"allowed origins"_s);
    if (before->widgetSettings != after.widgetSettings)
        changed.append(u"widget"_s);
    if (before->closedRetentionDays != after.closedRetentionDays)
        changed.append(u"retention %1 → %2 days"_s.arg(before->closedRetentionDays).arg(after.closedRetentionDays));
    if (before->mailTeamAddress != after.mailTeamAddress)
        changed.append(u"team address \"%1\" → \"%2\""_s.arg(before->mailTeamAddress, after.mailTeamAddress));
    if (before->mailUnansweredMinutes != after.mailUnansweredMinutes)
        changed.append(
            u"unanswered-chat email %1 → %2 minutes"_s.arg(before->mailUnansweredMinutes).arg(after.mailUnansweredMinutes));
    if (before->mailRepliesToAbsentVisitors != after.mailRepliesToAbsentVisitors)
        changed.append(after.mailRepliesToAbsentVisitors ? u"replies emailed to visitors who left"_s
                                                         : u"replies no longer emailed"_s);
    return changed.isEmpty() ? u"nothing changed"_s : changed.join(u", "_s);
}

} // namespace

SiteService::SiteService(SiteStore *siteStore, AuditLogStore *auditLog, SiteDirectory *sites, Moderation *moderation,
                         DomainEventBus *events, QObject *parent)
    : QObject(parent), m_siteStore(siteStore), m_auditLog(auditLog), m_sites(sites), m_moderation(moderation), m_events(events)
{ }

ProtocolError SiteService::noSite(qint64 siteId)
{
    return ProtocolError::make(ErrorCode::NotFound, u"There is no site %1."_s.arg(siteId));
}

void SiteService::createSite(const AgentRecord &admin, SiteRecord draft, ChatCallback<SiteRecord> done)
{
    // The key and the secret are the server's to make, as at the first start:
    // nothing from the wire decides them.
    draft.id = 0;
    draft.siteKey = Tokens::newSiteKey();
    draft.identitySecret = Tokens::newIdentitySecret();
    draft.createdAt = QDateTime::currentMSecsSinceEpoch();
    continueWith(m_siteStore->createSite(draft), this, [this, admin, done](const StoreResult<SiteRecord> &created) {
        if (!created.ok()) {
            done(storeError(created.error, created.message));
            return;
        }
        const SiteRecord &site = created.value;
        qCInfo(lcSites).noquote() << "admin" << admin.email << "created site" << site.id << "with key" << site.siteKey;
        m_sites->upsert(site);
        AuditTrail::record(
            m_auditLog, this,
            AuditTrail::entry(admin, u"create_site"_s, u"site %1"_s.arg(site.id), u"\"%1\" (%2)"_s.arg(site.name, site.siteKey)));
        m_events->publish(Events::SiteCreated{site});
        done(site);
    });
}

void SiteService::updateSite(const AgentRecord &admin, qint64 siteId, const SitePatch &patch, ChatCallback<SiteRecord> done)
{
    // For the audit line only; the patch applies to the row as it is when the writer gets to it.
    const std::optional<SiteRecord> before = m_sites->byId(siteId);
    continueWith(m_siteStore->patchSite(siteId, patch), this, [this, admin, before, done](const StoreResult<SiteRecord> &saved) {
        if (saved.error == StoreError::NotFound && before) {
            done(noSite(before->id));
            return;
        }
        if (!saved.ok()) {
            done(storeError(saved.error, saved.message));
            return;
        }
        m_sites->upsert(saved.value);
        AuditTrail::record(
            m_auditLog, this,
            AuditTrail::entry(admin, u"update_site"_s, u"site %1"_s.arg(saved.value.id), changedSettings(before, saved.value)));
        m_events->publish(Events::SiteUpdated{saved.value});
        done(saved.value);
    });
}

void SiteService::deleteSite(const AgentRecord &admin, qint64 siteId, const QString &confirmSiteKey,
                             ChatCallback<SiteDeletion> done)
{
    const std::optional<SiteRecord> site = m_sites->byId(siteId);
    if (!site) {
        done(noSite(siteId));
        return;
    }
    if (m_sites->count() <= 1) {
        done(ProtocolError::make(ErrorCode::Conflict,
                                 u"This is the only site; a server needs one. Create another site before deleting this one."_s));
        return;
    }
    if (confirmSiteKey != site->siteKey) {
        done(ProtocolError::make(
            ErrorCode::InvalidField,
            u"To delete the site \"%1\" and all its conversations, give its site key in \"confirmSiteKey\"."_s.arg(site->name)));
        return;
    }
    continueWith(m_siteStore->deleteSite(siteId, AuditTrail::entry(admin, u"delete_site"_s, u"site %1"_s.arg(siteId))), this,
                 [this, admin, siteId, done](const StoreResult<SiteDeletion> &deleted) {
                     if (deleted.error == StoreError::NotFound) {
                         done(noSite(siteId));
                         return;
                     }
                     if (deleted.error == StoreError::Conflict) {
                         done(ProtocolError::make(ErrorCode::Conflict, u"This is the only site; a server needs one."_s));
                         return;
                     }
                     if (!deleted.ok()) {
                         done(storeError(deleted.error, deleted.message));
                         return;
                     }
                     const SiteDeletion &gone = deleted.value;
                     qCInfo(lcSites).noquote()
                         << "admin" << admin.email << "deleted site" << siteId << "with" << gone.conversations << "conversations,"
                         << gone.messages << "messages," << gone.visitors << "visitors and" << gone.bans << "bans";
                     // Out of memory before anyone hears of it: an upgrade or a
                     // widget request for its key is refused from now on.
                     m_sites->remove(siteId);
                     m_moderation->forgetSite(siteId);
                     m_events->publish(Events::SiteDeleted{gone});
                     done(gone);
                 });
}

} // namespace Frontdesk
