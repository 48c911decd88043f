#include "webhookdispatcher.h"

#include "core/continuewith.h"
#include "store/webhookstore.h"
#include "webhookpayload.h"
#include "webhooksender.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcWebhooks)

namespace Frontdesk {

namespace {

/// Journal events read per store call.
constexpr int batchSize = 200;

/// The events the journal holds: only these can have made a new row.
bool mayHaveJournaled(const DomainEvent &event)
{
    return std::holds_alternative<Events::ConversationOpened>(event) || std::holds_alternative<Events::MessageStored>(event)
        || std::holds_alternative<Events::ConversationAccepted>(event)
        || std::holds_alternative<Events::ConversationTransferred>(event)
        || std::holds_alternative<Events::ConversationClosed>(event) || std::holds_alternative<Events::ConversationRated>(event);
}

} // namespace

WebhookDispatcher::WebhookDispatcher(WebhookStore *store, DomainEventBus *events, WebhookSender *sender, QObject *parent)
    : QObject(parent), m_store(store), m_events(events), m_sender(sender), m_retry(this)
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(1000);
    connect(&m_retry, &QTimer::timeout, this, &WebhookDispatcher::drain);
}

WebhookDispatcher::~WebhookDispatcher()
{
    stop();
}

void WebhookDispatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    m_subscription = m_events->subscribe([this](const DomainEvent &event) { onEvent(event); });
    drain();
}

void WebhookDispatcher::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_events->unsubscribe(m_subscription);
    m_retry.stop();
}

void WebhookDispatcher::onEvent(const DomainEvent &event)
{
    if (mayHaveJournaled(event))
        drain();
}

void WebhookDispatcher::drain()
{
    if (!m_started)
        return;
    if (m_draining) {
        m_drainAgain = true;
        return;
    }
    m_draining = true;
    m_drainAgain = false;
    const QString consumer = WebhookStore::webhookConsumer;
    continueWith(m_store->eventsAfter(consumer, batchSize), this, [this, consumer](const StoreResult<IntegrationBatch> &read) {
        if (!read.ok()) {
            m_draining = false;
            qCWarning(lcWebhooks).noquote() << "cannot read the integrations' journal:" << read.message;
            m_retry.start();
            return;
        }
        const IntegrationBatch &batch = read.value;
        if (batch.events.isEmpty()) {
            m_draining = false;
            if (m_drainAgain)
                drain();
            return;
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<WebhookDelivery> deliveries;
        for (const IntegrationEvent &event : batch.events) {
            if (event.type.isEmpty())
                continue;
            QByteArray body; // rendered once for every endpoint
            for (const WebhookRecord &webhook : batch.webhooks) {
                if (webhook.siteId != event.site.id || !webhook.events.contains(event.type))
                    continue;
                if (body.isEmpty())
                    body = WebhookPayload::render(event);
                WebhookDelivery delivery;
                delivery.webhookId = webhook.id;
                delivery.eventId = event.id;
                delivery.eventType = event.type;
                delivery.conversationId = event.conversation.id;
                delivery.body = body;
                delivery.createdAt = event.createdAt > 0 ? event.createdAt : now;
                delivery.nextAttemptAt = now;
                deliveries.append(delivery);
            }
        }
        const bool full = batch.events.size() >= batchSize;
        continueWith(m_store->addDeliveries(consumer, batch.cursor, batch.events.last().id, deliveries), this,
                     [this, full](const StoreResult<int> &added) {
                         m_draining = false;
                         if (!added.ok()) {
                             qCWarning(lcWebhooks).noquote() << "cannot queue webhook deliveries:" << added.message;
                             m_retry.start();
                             return;
                         }
                         if (added.value > 0)
                             m_sender->wake();
                         if (full || m_drainAgain)
                             drain();
                     });
    });
}

} // namespace Frontdesk
