#pragma once

#include "chat/chatoutcome.h"
#include "core/domainevents.h"
#include "core/webhookrecords.h"
#include "webhookdispatcher.h"
#include "webhooksender.h"
#include "webhooksettings.h"

#include <QObject>

namespace Frontdesk {

class AuditLogStore;
class WebhookStore;

/// @brief The sites' webhooks: what admins do with endpoints (through the
/// agent protocol's webhook commands), and the dispatcher and sender that
/// deliver to them. Every change and every attempt is published on the bus
/// (WebhookChanged, WebhookDeleted) for the admins' consoles; adding,
/// changing and deleting an endpoint is audited, since an endpoint receives
/// everything said on its site.
class WebhookService : public QObject
{
    Q_OBJECT

public:
    WebhookService(const WebhookSettings &settings, WebhookStore *store, AuditLogStore *auditLog, DomainEventBus *events,
                   QObject *parent = nullptr);

    /// Starts delivering: what a crash left in the journal, then what is queued.
    void start();
    /// Before the store closes: nothing more is read or sent.
    void stop();

    void list(qint64 siteId, ChatCallback<QList<WebhookRecord>> done);
    /// @p draft's site, url, events and description; the secret is made here.
    void create(const AgentRecord &admin, WebhookRecord draft, ChatCallback<WebhookRecord> done);
    void update(const AgentRecord &admin, qint64 webhookId, const WebhookPatch &patch, ChatCallback<WebhookRecord> done);
    /// A new secret: every delivery from now on is signed with it.
    void rotateSecret(const AgentRecord &admin, qint64 webhookId, ChatCallback<WebhookRecord> done);
    void remove(const AgentRecord &admin, qint64 webhookId, ChatCallback<WebhookRecord> done);
    void deliveries(qint64 webhookId, qint64 beforeId, int limit, ChatCallback<QList<WebhookDelivery>> done);
    void resend(const AgentRecord &admin, qint64 deliveryId, ChatCallback<WebhookDelivery> done);

private:
    /// Publishes the endpoint's state as it is now (after an attempt or a change).
    void publishState(qint64 webhookId);
    void change(const AgentRecord &admin, qint64 webhookId, const WebhookPatch &patch, const QString &action,
                ChatCallback<WebhookRecord> done);

    WebhookSettings m_settings;
    WebhookStore *m_store;
    AuditLogStore *m_auditLog;
    DomainEventBus *m_events;
    WebhookSender m_sender;
    WebhookDispatcher m_dispatcher;
    QTimer m_prune; ///< the delivery log is kept WebhookSettings::keepLogMs
};

} // namespace Frontdesk
