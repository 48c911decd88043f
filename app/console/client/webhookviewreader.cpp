#include "webhookviewreader.h"

#include "protocol/agentviewreader.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// Fields are read as everywhere else in the agent view.
constexpr auto number = &AgentViewReader::number;
constexpr auto text = &AgentViewReader::text;

} // namespace

WebhookRecord WebhookViewReader::webhook(const QJsonObject &object)
{
    WebhookRecord webhook;
    webhook.id = number(object, "id"_L1);
    webhook.siteId = number(object, "siteId"_L1);
    webhook.url = text(object, "url"_L1);
    for (const QJsonValue &event : object.value("events"_L1).toArray()) {
        if (event.isString())
            webhook.events.append(event.toString());
    }
    // Missing reads as on: the server's default for a new endpoint.
    webhook.enabled = object.value("enabled"_L1).toBool(true);
    webhook.description = text(object, "description"_L1);
    webhook.secret = text(object, "secret"_L1);
    webhook.createdAt = number(object, "createdAt"_L1);
    webhook.queued = int(number(object, "queued"_L1));
    webhook.failed = int(number(object, "failed"_L1));
    webhook.lastDeliveredAt = number(object, "lastDeliveredAt"_L1);
    webhook.lastFailureAt = number(object, "lastFailureAt"_L1);
    webhook.lastFailure = text(object, "lastFailure"_L1);
    return webhook;
}

WebhookDelivery WebhookViewReader::delivery(const QJsonObject &object)
{
    WebhookDelivery delivery;
    delivery.id = number(object, "id"_L1);
    delivery.webhookId = number(object, "webhookId"_L1);
    delivery.eventId = eventId(text(object, "eventId"_L1));
    delivery.eventType = text(object, "event"_L1);
    delivery.conversationId = number(object, "conversationId"_L1);
    delivery.status = deliveryStatusFromString(text(object, "status"_L1));
    delivery.attempts = int(number(object, "attempts"_L1));
    delivery.statusCode = int(number(object, "statusCode"_L1));
    delivery.error = text(object, "error"_L1);
    delivery.createdAt = number(object, "createdAt"_L1);
    delivery.lastAttemptAt = number(object, "lastAttemptAt"_L1);
    delivery.nextAttemptAt = number(object, "nextAttemptAt"_L1);
    delivery.deliveredAt = number(object, "deliveredAt"_L1);
    return delivery;
}

qint64 WebhookViewReader::eventId(const QString &text)
{
    if (!text.startsWith(u"evt_"_s))
        return 0;
    bool ok = false;
    const qint64 id = QStringView(text).mid(4).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

} // namespace Frontdesk
