#pragma once

#include "core/storeresult.h"
#include "core/webhookrecords.h"

#include <QFuture>
#include <optional>

namespace Frontdesk {

class WriterQueue;

/// @brief The sites' webhook endpoints, the integrations' journal of chat
/// events, and the webhook deliveries made of it.
///
/// The journal (`integration_events`) is written by the ConversationStore's
/// jobs in the change's own transaction (see StoreRows::journalEvent). A
/// consumer reads it after its cursor (eventsAfter()) and, in one later job,
/// adds what it made of those events and moves its cursor past them
/// (addDeliveries()): a crash between the two reads the same events again,
/// and the unique (webhook, event) pair keeps a second pass from adding
/// anything twice.
///
/// One part of the Store (see store.h): every call is a job for the one
/// writer thread and answers through a QFuture once its transaction committed.
class WebhookStore
{
public:
    /// The consumer name the webhook dispatcher keeps its cursor under.
    static constexpr QLatin1StringView webhookConsumer{"webhooks"};

    explicit WebhookStore(const WriterQueue &writer) : m_writer(writer) { }

    QFuture<StoreResult<WebhookRecord>> createWebhook(const WebhookRecord &webhook);
    /// NotFound for an unknown id.
    QFuture<StoreResult<WebhookRecord>> patchWebhook(qint64 webhookId, const WebhookPatch &patch);
    /// Deletes the endpoint and its delivery log; answers what it was. NotFound for an unknown id.
    QFuture<StoreResult<WebhookRecord>> deleteWebhook(qint64 webhookId);
    /// With its delivery figures. NotFound for an unknown id.
    QFuture<StoreResult<WebhookRecord>> webhookById(qint64 webhookId);
    /// The site's endpoints, oldest first, with their delivery figures.
    QFuture<StoreResult<QList<WebhookRecord>>> webhooksOfSite(qint64 siteId);

    /// At most @p limit journal events after @p consumer's cursor, each with
    /// what its payload says, and the enabled endpoints of their sites.
    QFuture<StoreResult<IntegrationBatch>> eventsAfter(const QString &consumer, int limit);
    /// Adds @p deliveries (those already there are skipped) and moves
    /// @p consumer's cursor from @p fromCursor to @p toCursor; events every
    /// consumer has passed are removed. Conflict, with nothing added, when the
    /// cursor is no longer at @p fromCursor. Answers how many were added.
    QFuture<StoreResult<int>> addDeliveries(const QString &consumer, qint64 fromCursor, qint64 toCursor,
                                            const QList<WebhookDelivery> &deliveries);

    /// The oldest queued delivery of each enabled endpoint (its lane's head),
    /// with the endpoint's URL and secret: an endpoint's deliveries go in order.
    QFuture<StoreResult<QList<WebhookDelivery>>> laneHeads();
    /// The endpoint answered 2xx.
    QFuture<StoreResult<bool>> markDelivered(qint64 deliveryId, int statusCode, qint64 now);
    /// An attempt failed (@p statusCode 0: no HTTP answer) for @p error: try
    /// again at @p nextAttemptAt, or, when @p giveUp, mark it failed for good.
    QFuture<StoreResult<bool>> markFailedAttempt(qint64 deliveryId, int statusCode, const QString &error, qint64 nextAttemptAt,
                                                 bool giveUp, qint64 now);
    /// The endpoint's deliveries with id < @p beforeId (all when 0), newest first, at most @p limit.
    QFuture<StoreResult<QList<WebhookDelivery>>> deliveries(qint64 webhookId, qint64 beforeId, int limit);
    /// Queues a delivery again, due at @p now, with the same body and event id. NotFound for an unknown id.
    QFuture<StoreResult<WebhookDelivery>> resend(qint64 deliveryId, qint64 now);
    /// Removes delivered and failed deliveries made before @p before; how many.
    QFuture<StoreResult<int>> pruneDeliveries(qint64 before);

private:
    const WriterQueue &m_writer;
};

} // namespace Frontdesk
