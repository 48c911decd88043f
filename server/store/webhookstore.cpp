// The WebhookStore's jobs: endpoints, the integrations' journal and the deliveries.
#include "webhookstore.h"

#include "storerows.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Frontdesk {

using namespace StoreRows;

namespace {

const QString WebhookColumns = u"id, site_id, url, events, description, secret, enabled, created_at"_s;
const QString DeliveryColumns = u"d.id, d.webhook_id, d.event_id, d.event_type, d.conversation_id, d.body, d.status, d.attempts,"
                                " d.status_code, d.last_error, d.created_at, d.next_attempt_at, d.last_attempt_at,"
                                " d.delivered_at"_s;
constexpr int DeliveryColumnCount = 14;

WebhookRecord readWebhook(const QSqlQuery &q)
{
    WebhookRecord webhook;
    webhook.id = q.value(0).toLongLong();
    webhook.siteId = q.value(1).toLongLong();
    webhook.url = q.value(2).toString();
    webhook.events = q.value(3).toString().split(u' ', Qt::SkipEmptyParts);
    webhook.description = q.value(4).toString();
    webhook.secret = q.value(5).toString();
    webhook.enabled = q.value(6).toInt() != 0;
    webhook.createdAt = q.value(7).toLongLong();
    return webhook;
}

WebhookDelivery readDelivery(const QSqlQuery &q)
{
    WebhookDelivery d;
    d.id = q.value(0).toLongLong();
    d.webhookId = q.value(1).toLongLong();
    d.eventId = q.value(2).toLongLong();
    d.eventType = q.value(3).toString();
    d.conversationId = q.value(4).toLongLong();
    d.body = q.value(5).toByteArray();
    d.status = deliveryStatusFromString(q.value(6).toString());
    d.attempts = q.value(7).toInt();
    d.statusCode = q.value(8).toInt();
    d.error = q.value(9).toString();
    d.createdAt = q.value(10).toLongLong();
    d.nextAttemptAt = q.value(11).toLongLong();
    d.lastAttemptAt = q.value(12).toLongLong();
    d.deliveredAt = q.value(13).toLongLong();
    return d;
}

/// Fills @p webhook's delivery figures: what is waiting, what was given up
/// on, the last delivery, and the last failure since then.
bool readFigures(SqlSession &s, WebhookRecord *webhook)
{
    PreparedQuery counts;
    if (!s.exec(counts,
                u"SELECT SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END),"
                " SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), MAX(delivered_at)"
                " FROM webhook_deliveries WHERE webhook_id = ?"_s,
                {webhook->id}, u"count the deliveries of webhook %1"_s.arg(webhook->id)))
        return false;
    if (counts.next()) {
        webhook->queued = counts.value(0).toInt();
        webhook->failed = counts.value(1).toInt();
        webhook->lastDeliveredAt = counts.value(2).toLongLong();
    }
    PreparedQuery last;
    if (!s.exec(last,
                u"SELECT last_attempt_at, last_error FROM webhook_deliveries"
                " WHERE webhook_id = ? AND last_error <> '' AND last_attempt_at > ?"
                " ORDER BY last_attempt_at DESC, id DESC LIMIT 1"_s,
                {webhook->id, webhook->lastDeliveredAt}, u"read the last failure of webhook %1"_s.arg(webhook->id)))
        return false;
    if (last.next()) {
        webhook->lastFailureAt = last.value(0).toLongLong();
        webhook->lastFailure = last.value(1).toString();
    }
    return true;
}

StoreResult<WebhookRecord> loadWebhook(SqlSession &s, qint64 webhookId)
{
    PreparedQuery q;
    if (!s.exec(q, u"SELECT "_s + WebhookColumns + u" FROM webhooks WHERE id = ?"_s, {webhookId},
                u"read webhook %1"_s.arg(webhookId)))
        return failed<WebhookRecord>(s);
    if (!q.next())
        return notFound<WebhookRecord>(u"webhook %1 does not exist"_s.arg(webhookId));
    WebhookRecord webhook = readWebhook(q);
    if (!readFigures(s, &webhook))
        return failed<WebhookRecord>(s);
    return StoreResult<WebhookRecord>::success(webhook);
}

std::optional<qint64> readCursor(SqlSession &s, const QString &consumer)
{
    PreparedQuery q;
    if (!s.exec(q, u"SELECT last_event_id FROM integration_cursors WHERE consumer = ?"_s, {consumer},
                u"read the cursor of %1"_s.arg(consumer)))
        return std::nullopt;
    return q.next() ? q.value(0).toLongLong() : 0;
}

/// The journal row @p q points at, with the records its payload is made of;
/// NotFound when one of them is gone (a deleted agent is not: its name stays empty).
StoreResult<IntegrationEvent> readEvent(SqlSession &s, const QSqlQuery &q)
{
    using Result = StoreResult<IntegrationEvent>;
    IntegrationEvent event;
    event.id = q.value(0).toLongLong();
    const qint64 siteId = q.value(1).toLongLong();
    event.conversation.id = q.value(2).toLongLong();
    event.type = q.value(3).toString();
    event.message.id = q.value(4).toLongLong();
    event.agentId = q.value(5).toLongLong();
    event.createdAt = q.value(6).toLongLong();
    const auto site = loadSite(s, u"s.id = ?"_s, siteId, u"site %1"_s.arg(siteId));
    if (!site.ok())
        return Result::failure(site.error, site.message);
    event.site = site.value;
    const auto conversation = loadConversation(s, event.conversation.id);
    if (!conversation.ok())
        return Result::failure(conversation.error, conversation.message);
    event.conversation = conversation.value;
    const auto visitor = loadVisitor(s, event.conversation.visitorId);
    if (!visitor.ok())
        return Result::failure(visitor.error, visitor.message);
    event.visitor = visitor.value;
    if (event.message.id > 0) {
        const auto message = loadMessage(s, event.message.id);
        if (!message.ok())
            return Result::failure(message.error, message.message);
        event.message = message.value;
    }
    if (event.agentId > 0) {
        const auto agent = loadAgent(s, u"a.id = ?"_s, event.agentId, u"agent %1"_s.arg(event.agentId));
        if (agent.ok())
            event.agentName = agent.value.name;
        else if (agent.error != StoreError::NotFound)
            return Result::failure(agent.error, agent.message);
    }
    return Result::success(event);
}

} // namespace

QFuture<StoreResult<WebhookRecord>> WebhookStore::createWebhook(const WebhookRecord &webhook)
{
    return submit<WebhookRecord>(m_writer, [webhook](SqlSession &s) -> StoreResult<WebhookRecord> {
        const auto site
            = exists(s, u"SELECT 1 FROM sites WHERE id = ?"_s, {webhook.siteId}, u"look up site %1"_s.arg(webhook.siteId));
        if (!site)
            return failed<WebhookRecord>(s);
        if (!*site)
            return notFound<WebhookRecord>(u"site %1 does not exist"_s.arg(webhook.siteId));
        PreparedQuery q;
        if (!s.exec(q,
                    u"INSERT INTO webhooks (site_id, url, events, description, secret, enabled, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                    {webhook.siteId, webhook.url, webhook.events.join(u' '), webhook.description, webhook.secret,
                     webhook.enabled ? 1 : 0, nowOr(webhook.createdAt)},
                    u"add a webhook to site %1"_s.arg(webhook.siteId)))
            return failed<WebhookRecord>(s);
        return loadWebhook(s, insertedId(q));
    });
}

QFuture<StoreResult<WebhookRecord>> WebhookStore::patchWebhook(qint64 webhookId, const WebhookPatch &patch)
{
    return submit<WebhookRecord>(m_writer, [webhookId, patch](SqlSession &s) -> StoreResult<WebhookRecord> {
        auto current = loadWebhook(s, webhookId);
        if (!current.ok())
            return current;
        WebhookRecord next = current.value;
        next.url = patch.url.value_or(next.url);
        next.events = patch.events.value_or(next.events);
        next.description = patch.description.value_or(next.description);
        next.enabled = patch.enabled.value_or(next.enabled);
        next.secret = patch.secret.value_or(next.secret);
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE webhooks SET url = ?, events = ?, description = ?, enabled = ?, secret = ? WHERE id = ?"_s,
                    {next.url, next.events.join(u' '), next.description, next.enabled ? 1 : 0, next.secret, webhookId},
                    u"change webhook %1"_s.arg(webhookId)))
            return failed<WebhookRecord>(s);
        return loadWebhook(s, webhookId);
    });
}

QFuture<StoreResult<WebhookRecord>> WebhookStore::deleteWebhook(qint64 webhookId)
{
    return submit<WebhookRecord>(m_writer, [webhookId](SqlSession &s) -> StoreResult<WebhookRecord> {
        auto gone = loadWebhook(s, webhookId);
        if (!gone.ok())
            return gone;
        // Explicitly, not by the foreign key alone: the log can be long, and
        // a MariaDB whose tables lost their constraints must not keep it.
        PreparedQuery log;
        if (!s.exec(log, u"DELETE FROM webhook_deliveries WHERE webhook_id = ?"_s, {webhookId},
                    u"delete the deliveries of webhook %1"_s.arg(webhookId)))
            return failed<WebhookRecord>(s);
        PreparedQuery q;
        if (!s.exec(q, u"DELETE FROM webhooks WHERE id = ?"_s, {webhookId}, u"delete webhook %1"_s.arg(webhookId)))
            return failed<WebhookRecord>(s);
        return gone;
    });
}

QFuture<StoreResult<WebhookRecord>> WebhookStore::webhookById(qint64 webhookId)
{
    return submit<WebhookRecord>(m_writer, [webhookId](SqlSession &s) { return loadWebhook(s, webhookId); });
}

QFuture<StoreResult<QList<WebhookRecord>>> WebhookStore::webhooksOfSite(qint64 siteId)
{
    using Result = StoreResult<QList<WebhookRecord>>;
    return submit<QList<WebhookRecord>>(m_writer, [siteId](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + WebhookColumns + u" FROM webhooks WHERE site_id = ? ORDER BY id"_s, {siteId},
                    u"list the webhooks of site %1"_s.arg(siteId)))
            return failed<QList<WebhookRecord>>(s);
        QList<WebhookRecord> webhooks;
        while (q.next())
            webhooks.append(readWebhook(q));
        for (WebhookRecord &webhook : webhooks) {
            if (!readFigures(s, &webhook))
                return failed<QList<WebhookRecord>>(s);
        }
        return Result::success(webhooks);
    });
}

QFuture<StoreResult<IntegrationBatch>> WebhookStore::eventsAfter(const QString &consumer, int limit)
{
    return submit<IntegrationBatch>(m_writer, [consumer, limit](SqlSession &s) -> StoreResult<IntegrationBatch> {
        using Result = StoreResult<IntegrationBatch>;
        IntegrationBatch batch;
        const auto cursor = readCursor(s, consumer);
        if (!cursor)
            return failed<IntegrationBatch>(s);
        batch.cursor = *cursor;
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT id, site_id, conversation_id, kind, message_id, agent_id, created_at FROM integration_events"
                    " WHERE id > ? ORDER BY id LIMIT ?"_s,
                    {batch.cursor, std::max(limit, 1)}, u"read the integrations' journal after %1"_s.arg(batch.cursor)))
            return failed<IntegrationBatch>(s);
        QList<qint64> rowIds;
        QSet<qint64> siteIds;
        while (q.next()) {
            auto event = readEvent(s, q);
            // A row whose conversation went meanwhile goes with it by the
            // foreign key; anything else missing is skipped, never retried forever.
            if (!event.ok() && event.error != StoreError::NotFound)
                return Result::failure(event.error, event.message);
            if (event.ok()) {
                siteIds.insert(event.value.site.id);
                batch.events.append(event.value);
            } else {
                IntegrationEvent skipped;
                skipped.id = q.value(0).toLongLong();
                batch.events.append(skipped); // type empty: nothing to deliver, but the cursor passes it
            }
        }
        for (const qint64 siteId : std::as_const(siteIds)) {
            PreparedQuery w;
            if (!s.exec(w, u"SELECT "_s + WebhookColumns + u" FROM webhooks WHERE site_id = ? AND enabled = 1 ORDER BY id"_s,
                        {siteId}, u"list the enabled webhooks of site %1"_s.arg(siteId)))
                return failed<IntegrationBatch>(s);
            while (w.next())
                batch.webhooks.append(readWebhook(w));
        }
        return Result::success(batch);
    });
}

QFuture<StoreResult<int>> WebhookStore::addDeliveries(const QString &consumer, qint64 fromCursor, qint64 toCursor,
                                                      const QList<WebhookDelivery> &deliveries)
{
    return submit<int>(m_writer, [=](SqlSession &s) -> StoreResult<int> {
        const auto cursor = readCursor(s, consumer);
        if (!cursor)
            return failed<int>(s);
        if (*cursor != fromCursor)
            return conflict<int>(u"the cursor of %1 moved from %2 to %3"_s.arg(consumer).arg(fromCursor).arg(*cursor));
        int added = 0;
        for (const WebhookDelivery &d : deliveries) {
            const auto there
                = exists(s, u"SELECT 1 FROM webhook_deliveries WHERE webhook_id = ? AND event_id = ?"_s, {d.webhookId, d.eventId},
                         u"look up event %1 of webhook %2"_s.arg(d.eventId).arg(d.webhookId));
            if (!there)
                return failed<int>(s);
            if (*there)
                continue;
            PreparedQuery q;
            if (!s.exec(
                    q,
                    u"INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, conversation_id, body, status,"
                    " attempts, status_code, last_error, created_at, next_attempt_at)"
                    " SELECT ?, ?, ?, ?, ?, 'queued', 0, 0, '', ?, ? FROM webhooks WHERE id = ?"_s,
                    {d.webhookId, d.eventId, d.eventType, d.conversationId, d.body, d.createdAt, d.nextAttemptAt, d.webhookId},
                    u"queue event %1 for webhook %2"_s.arg(d.eventId).arg(d.webhookId)))
                return failed<int>(s);
            added += q.numRowsAffected() > 0 ? 1 : 0;
        }
        // The first pass of a consumer has no row yet; an UPDATE would change nothing.
        const auto hasRow = exists(s, u"SELECT 1 FROM integration_cursors WHERE consumer = ?"_s, {consumer},
                                   u"look up the cursor of %1"_s.arg(consumer));
        if (!hasRow)
            return failed<int>(s);
        PreparedQuery move;
        if (!s.exec(move,
                    *hasRow ? u"UPDATE integration_cursors SET last_event_id = ? WHERE consumer = ?"_s
                            : u"INSERT INTO integration_cursors (last_event_id, consumer) VALUES (?, ?)"_s,
                    {toCursor, consumer}, u"move the cursor of %1 to %2"_s.arg(consumer).arg(toCursor)))
            return failed<int>(s);
        // Webhooks are the journal's only consumer so far: what it passed is done with.
        PreparedQuery prune;
        if (!s.exec(prune, u"DELETE FROM integration_events WHERE id <= ?"_s, {toCursor},
                    u"drop the journal up to %1"_s.arg(toCursor)))
            return failed<int>(s);
        return StoreResult<int>::success(added);
    });
}

QFuture<StoreResult<QList<WebhookDelivery>>> WebhookStore::laneHeads()
{
    using Result = StoreResult<QList<WebhookDelivery>>;
    return submit<QList<WebhookDelivery>>(m_writer, [](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + DeliveryColumns
                        + u", w.url, w.secret FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id"
                          " WHERE w.enabled = 1 AND d.id IN"
                          " (SELECT MIN(id) FROM webhook_deliveries WHERE status = 'queued' GROUP BY webhook_id)"
                          " ORDER BY d.next_attempt_at, d.id"_s,
                    {}, u"read the next delivery of each webhook"_s))
            return failed<QList<WebhookDelivery>>(s);
        QList<WebhookDelivery> heads;
        while (q.next()) {
            WebhookDelivery head = readDelivery(q);
            head.url = q.value(DeliveryColumnCount).toString();
            head.secret = q.value(DeliveryColumnCount + 1).toString();
            heads.append(head);
        }
        return Result::success(heads);
    });
}

QFuture<StoreResult<bool>> WebhookStore::markDelivered(qint64 deliveryId, int statusCode, qint64 now)
{
    return submit<bool>(m_writer, [=](SqlSession &s) -> StoreResult<bool> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, status_code = ?,"
                    " last_error = '', last_attempt_at = ?, delivered_at = ? WHERE id = ?"_s,
                    {statusCode, now, now, deliveryId}, u"mark delivery %1 delivered"_s.arg(deliveryId)))
            return failed<bool>(s);
        return StoreResult<bool>::success(q.numRowsAffected() > 0);
    });
}

QFuture<StoreResult<bool>> WebhookStore::markFailedAttempt(qint64 deliveryId, int statusCode, const QString &error,
                                                           qint64 nextAttemptAt, bool giveUp, qint64 now)
{
    return submit<bool>(m_writer, [=](SqlSession &s) -> StoreResult<bool> {
        PreparedQuery q;
        if (!s.exec(q,
                    u"UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, status_code = ?, last_error = ?,"
                    " last_attempt_at = ?, next_attempt_at = ? WHERE id = ?"_s,
                    {giveUp ? u"failed"_s : u"queued"_s, statusCode, error.left(500), now, nextAttemptAt, deliveryId},
                    u"record the failed attempt of delivery %1"_s.arg(deliveryId)))
            return failed<bool>(s);
        return StoreResult<bool>::success(q.numRowsAffected() > 0);
    });
}

QFuture<StoreResult<QList<WebhookDelivery>>> WebhookStore::deliveries(qint64 webhookId, qint64 beforeId, int limit)
{
    using Result = StoreResult<QList<WebhookDelivery>>;
    const qint64 upper = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    return submit<QList<WebhookDelivery>>(m_writer, [=](SqlSession &s) -> Result {
        const auto webhook
            = exists(s, u"SELECT 1 FROM webhooks WHERE id = ?"_s, {webhookId}, u"look up webhook %1"_s.arg(webhookId));
        if (!webhook)
            return failed<QList<WebhookDelivery>>(s);
        if (!*webhook)
            return notFound<QList<WebhookDelivery>>(u"webhook %1 does not exist"_s.arg(webhookId));
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + DeliveryColumns
                        + u" FROM webhook_deliveries d WHERE d.webhook_id = ? AND d.id < ? ORDER BY d.id DESC LIMIT ?"_s,
                    {webhookId, upper, std::max(limit, 1)}, u"read the deliveries of webhook %1"_s.arg(webhookId)))
            return failed<QList<WebhookDelivery>>(s);
        QList<WebhookDelivery> list;
        while (q.next())
            list.append(readDelivery(q));
        return Result::success(list);
    });
}

QFuture<StoreResult<WebhookDelivery>> WebhookStore::resend(qint64 deliveryId, qint64 now)
{
    return submit<WebhookDelivery>(m_writer, [=](SqlSession &s) -> StoreResult<WebhookDelivery> {
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE webhook_deliveries SET status = 'queued', next_attempt_at = ? WHERE id = ?"_s, {now, deliveryId},
                    u"queue delivery %1 again"_s.arg(deliveryId)))
            return failed<WebhookDelivery>(s);
        if (q.numRowsAffected() == 0)
            return notFound<WebhookDelivery>(u"delivery %1 does not exist"_s.arg(deliveryId));
        PreparedQuery read;
        if (!s.exec(read, u"SELECT "_s + DeliveryColumns + u" FROM webhook_deliveries d WHERE d.id = ?"_s, {deliveryId},
                    u"read delivery %1"_s.arg(deliveryId)))
            return failed<WebhookDelivery>(s);
        if (!read.next())
            return notFound<WebhookDelivery>(u"delivery %1 does not exist"_s.arg(deliveryId));
        return StoreResult<WebhookDelivery>::success(readDelivery(read));
    });
}

QFuture<StoreResult<int>> WebhookStore::pruneDeliveries(qint64 before)
{
    return submit<int>(m_writer, [before](SqlSession &s) -> StoreResult<int> {
        PreparedQuery q;
        if (!s.exec(q, u"DELETE FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND created_at < ?"_s, {before},
                    u"drop the old deliveries"_s))
            return failed<int>(s);
        return StoreResult<int>::success(q.numRowsAffected());
    });
}

} // namespace Frontdesk
