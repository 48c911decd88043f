#include "moderation.h"

#include "chat/audittrail.h"
#include "chat/presenceservice.h"
#include "core/continuewith.h"
#include "store/store.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcModeration, "frontdesk.visitordata")

namespace Frontdesk {

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

ProtocolError noVisitor(const QString &visitorId)
{
    return ProtocolError::make(ErrorCode::NotFound, u"There is no visitor %1."_s.arg(visitorId));
}

} // namespace

Moderation::Moderation(VisitorDataStore *visitorData, AuditLogStore *auditLog, PresenceService *presence, DomainEventBus *events,
                       QObject *parent)
    : QObject(parent), m_visitorData(visitorData), m_auditLog(auditLog), m_presence(presence), m_events(events)
{ }

ProtocolError Moderation::bannedError()
{
    return ProtocolError::make(ErrorCode::Banned);
}

std::optional<BanRecord> Moderation::addressBan(const QHostAddress &address, qint64 siteId) const
{
    return m_bans.matchAddress(address, siteId, now());
}

std::optional<BanRecord> Moderation::visitorBan(const QString &visitorId, qint64 siteId) const
{
    return m_bans.matchVisitor(visitorId, siteId, now());
}

void Moderation::ban(const AgentRecord &admin, const BanRecord &ban, ChatCallback<BanApplied> done)
{
    const QString detail
        = (u"%1 %2"_s.arg(toString(ban.kind), ban.value) + (ban.reason.isEmpty() ? QString() : u": "_s + ban.reason));
    continueWith(m_visitorData->createBan(ban, AuditTrail::entry(admin, u"ban"_s, {}, detail)), this,
                 [this, admin, done](const StoreResult<BanRecord> &stored) {
                     if (!stored.ok()) {
                         done(storeError(stored.error, stored.message));
                         return;
                     }
                     const BanRecord &applied = stored.value;
                     m_bans.add(applied);
                     const int closed = m_presence->endConnectionsCoveredBy(applied, now());
                     qCInfo(lcModeration).noquote()
                         << "admin" << admin.email << "banned" << toString(applied.kind) << applied.value << "as ban"
                         << applied.id << "; closed" << closed << "visitor connections";
                     done(BanApplied{applied, closed});
                 });
}

void Moderation::unban(const AgentRecord &admin, qint64 banId, ChatCallback<BanRecord> done)
{
    continueWith(m_visitorData->deleteBan(banId, AuditTrail::entry(admin, u"unban"_s, u"ban %1"_s.arg(banId))), this,
                 [this, admin, banId, done](const StoreResult<BanRecord> &deleted) {
                     if (deleted.error == StoreError::NotFound) {
                         done(ProtocolError::make(ErrorCode::NotFound, u"There is no ban %1."_s.arg(banId)));
                         return;
                     }
                     if (!deleted.ok()) {
                         done(storeError(deleted.error, deleted.message));
                         return;
                     }
                     qCInfo(lcModeration) << "admin" << admin.email << "lifted ban" << banId;
                     m_bans.remove(banId);
                     done(deleted.value);
                 });
}

void Moderation::listBans(ChatCallback<QList<BanRecord>> done)
{
    continueWith(m_visitorData->listBans(), this,
                 [done](const StoreResult<QList<BanRecord>> &listed) { done(outcomeOf(listed)); });
}

void Moderation::exportVisitor(const AgentRecord &admin, const QString &visitorId, ChatCallback<VisitorExport> done)
{
    continueWith(m_visitorData->exportVisitor(visitorId, AuditTrail::entry(admin, u"export_visitor"_s, visitorId)), this,
                 [admin, visitorId, done](const StoreResult<VisitorExport> &exported) {
                     if (exported.error == StoreError::NotFound) {
                         done(noVisitor(visitorId));
                         return;
                     }
                     if (exported.ok())
                         qCInfo(lcModeration) << "admin" << admin.email << "exported visitor" << visitorId << ":"
                                              << exported.value.conversations.size() << "conversations";
                     done(outcomeOf(exported));
                 });
}

void Moderation::eraseVisitor(const AgentRecord &admin, const QString &visitorId, ChatCallback<VisitorErasure> done)
{
    continueWith(m_visitorData->eraseVisitor(visitorId, AuditTrail::entry(admin, u"erase_visitor"_s, visitorId)), this,
                 [this, admin, visitorId, done](const StoreResult<VisitorErasure> &erased) {
                     if (erased.error == StoreError::NotFound) {
                         done(noVisitor(visitorId));
                         return;
                     }
                     if (!erased.ok()) {
                         done(storeError(erased.error, erased.message));
                         return;
                     }
                     qCInfo(lcModeration) << "admin" << admin.email << "erased visitor" << visitorId << ":"
                                          << erased.value.conversationIds.size() << "conversations," << erased.value.messages
                                          << "messages," << erased.value.pageViews << "page views";
                     m_events->publish(Events::VisitorErased{visitorId, erased.value.conversationIds});
                     done(erased.value);
                 });
}

void Moderation::listAudit(qint64 beforeId, int limit, ChatCallback<QList<AuditEntry>> done)
{
    continueWith(m_auditLog->listAudit(beforeId, limit), this,
                 [done](const StoreResult<QList<AuditEntry>> &listed) { done(outcomeOf(listed)); });
}

} // namespace Frontdesk
