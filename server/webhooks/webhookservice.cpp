#include "webhookservice.h"

#include "chat/audittrail.h"
#include "core/continuewith.h"
#include "store/webhookstore.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcWebhooks)

namespace Frontdesk {

namespace {

ProtocolError noWebhook(qint64 webhookId)
{
    return ProtocolError::make(ErrorCode::NotFound, u"There is no webhook %1."_s.arg(webhookId));
}

/// The store's answer, with not_found said about the webhook.
template<typename T> ChatOutcome<T> webhookOutcome(const StoreResult<T> &result, qint64 webhookId)
{
    if (result.error == StoreError::NotFound)
        return noWebhook(webhookId);
    return outcomeOf(result);
}

} // namespace

WebhookService::WebhookService(const WebhookSettings &settings, WebhookStore *store, AuditLogStore *auditLog,
                               DomainEventBus *events, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_store(store)
    , m_auditLog(auditLog)
    , m_events(events)
    // Children, not only members: they move to the network thread with the server.
    , m_sender(settings, store, this)
    , m_dispatcher(store, events, &m_sender, this)
    , m_prune(this)
{
    connect(&m_sender, &WebhookSender::attempted, this, &WebhookService::publishState);
    m_prune.setInterval(3600 * 1000);
    connect(&m_prune, &QTimer::timeout, this, [this] {
        continueWith(m_store->pruneDeliveries(QDateTime::currentMSecsSinceEpoch() - m_settings.keepLogMs), this,
                     [](const StoreResult<int> &) {});
    });
}

void WebhookService::start()
{
    m_sender.start();
    m_dispatcher.start();
    m_prune.start();
}

void WebhookService::stop()
{
    m_prune.stop();
    m_dispatcher.stop();
    m_sender.stop();
}

void WebhookService::list(qint64 siteId, ChatCallback<QList<WebhookRecord>> done)
{
    continueWith(m_store->webhooksOfSite(siteId), this,
                 [done](const StoreResult<QList<WebhookRecord>> &listed) { done(outcomeOf(listed)); });
}

void WebhookService::create(const AgentRecord &admin, WebhookRecord draft, ChatCallback<WebhookRecord> done)
{
    draft.id = 0;
    draft.secret = WebhookInput::newSecret();
    draft.enabled = true;
    draft.createdAt = QDateTime::currentMSecsSinceEpoch();
    continueWith(m_store->createWebhook(draft), this, [this, admin, done](const StoreResult<WebhookRecord> &created) {
        if (created.error == StoreError::NotFound) {
            done(ProtocolError::make(ErrorCode::NotFound, u"There is no such site."_s));
            return;
        }
        if (!created.ok()) {
            done(storeError(created.error, created.message));
            return;
        }
        const WebhookRecord &webhook = created.value;
        qCInfo(lcWebhooks).noquote() << "admin" << admin.email << "added webhook" << webhook.id << "to site" << webhook.siteId;
        AuditTrail::record(
            m_auditLog, this,
            AuditTrail::entry(admin, u"create_webhook"_s, u"webhook %1"_s.arg(webhook.id),
                              u"site %1: %2 (%3)"_s.arg(webhook.siteId).arg(webhook.url, webhook.events.join(u' '))));
        m_events->publish(Events::WebhookChanged{webhook});
        done(webhook);
    });
}

void WebhookService::update(const AgentRecord &admin, qint64 webhookId, const WebhookPatch &patch,
                            ChatCallback<WebhookRecord> done)
{
    QStringList changed;
    if (patch.url)
        changed.append(u"url %1"_s.arg(*patch.url));
    if (patch.events)
        changed.append(u"events %1"_s.arg(patch.events->join(u' ')));
    if (patch.description)
        changed.append(u"description"_s);
    if (patch.enabled)
        changed.append(*patch.enabled ? u"enabled"_s : u"disabled"_s);
    change(admin, webhookId, patch, changed.isEmpty() ? u"nothing changed"_s : changed.join(u", "_s), std::move(done));
}

void WebhookService::rotateSecret(const AgentRecord &admin, qint64 webhookId, ChatCallback<WebhookRecord> done)
{
    WebhookPatch patch;
    patch.secret = WebhookInput::newSecret();
    change(admin, webhookId, patch, u"new secret"_s, std::move(done));
}

void WebhookService::change(const AgentRecord &admin, qint64 webhookId, const WebhookPatch &patch, const QString &action,
                            ChatCallback<WebhookRecord> done)
{
    continueWith(m_store->patchWebhook(webhookId, patch), this,
                 [this, admin, webhookId, action, done](const StoreResult<WebhookRecord> &saved) {
                     if (!saved.ok()) {
                         done(webhookOutcome(saved, webhookId));
                         return;
                     }
                     AuditTrail::record(m_auditLog, this,
                                        AuditTrail::entry(admin, u"update_webhook"_s, u"webhook %1"_s.arg(webhookId), action));
                     m_events->publish(Events::WebhookChanged{saved.value});
                     // Enabled again, or pointed elsewhere: what waits may go now.
                     m_sender.wake();
                     done(saved.value);
                 });
}

void WebhookService::remove(const AgentRecord &admin, qint64 webhookId, ChatCallback<WebhookRecord> done)
{
    continueWith(m_store->deleteWebhook(webhookId), this, [this, admin, webhookId, done](const StoreResult<WebhookRecord> &gone) {
        if (!gone.ok()) {
            done(webhookOutcome(gone, webhookId));
            return;
        }
        qCInfo(lcWebhooks).noquote() << "admin" << admin.email << "deleted webhook" << webhookId;
        AuditTrail::record(m_auditLog, this,
                           AuditTrail::entry(admin, u"delete_webhook"_s, u"webhook %1"_s.arg(webhookId), gone.value.url));
        m_events->publish(Events::WebhookDeleted{webhookId, gone.value.siteId});
        done(gone.value);
    });
}

void WebhookService::deliveries(qint64 webhookId, qint64 beforeId, int limit, ChatCallback<QList<WebhookDelivery>> done)
{
    continueWith(
        m_store->deliveries(webhookId, beforeId, limit), this,
        [webhookId, done](const StoreResult<QList<WebhookDelivery>> &listed) { done(webhookOutcome(listed, webhookId)); });
}

void WebhookService::resend(const AgentRecord &admin, qint64 deliveryId, ChatCallback<WebhookDelivery> done)
{
    continueWith(m_store->resend(deliveryId, QDateTime::currentMSecsSinceEpoch()), this,
                 [this, admin, deliveryId, done](const StoreResult<WebhookDelivery> &queued) {
                     if (queued.error == StoreError::NotFound) {
                         done(ProtocolError::make(ErrorCode::NotFound, u"There is no delivery %1."_s.arg(deliveryId)));
                         return;
                     }
                     if (!queued.ok()) {
                         done(storeError(queued.error, queued.message));
                         return;
                     }
                     qCInfo(lcWebhooks).noquote() << "admin" << admin.email << "resent delivery" << deliveryId;
                     publishState(queued.value.webhookId);
                     m_sender.wake();
                     done(queued.value);
                 });
}

void WebhookService::publishState(qint64 webhookId)
{
    continueWith(m_store->webhookById(webhookId), this, [this](const StoreResult<WebhookRecord> &now) {
        if (now.ok()) // gone meanwhile: its deletion was published
            m_events->publish(Events::WebhookChanged{now.value});
    });
}

} // namespace Frontdesk
