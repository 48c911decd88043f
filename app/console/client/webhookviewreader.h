#pragma once

#include "core/webhookrecords.h"

#include <QJsonObject>

namespace Frontdesk {

/**
 * @brief Reads the webhook shapes of the agent view (`Webhook` and `Delivery`
 * of the admin commands, `webhook_status`) back into the domain's records:
 * the inverse of WireCodec::toJson(WebhookRecord) and (WebhookDelivery).
 *
 * Like AgentViewReader, a missing or mistyped field reads as the record's
 * default, never as an error. It lives in the console's client layer because
 * AgentViewReader (server/protocol) has no webhook reading yet; once it has,
 * this folds into it so the round-trip test covers both sides.
 */
class WebhookViewReader
{
public:
    [[nodiscard]] static WebhookRecord webhook(const QJsonObject &object);
    /// The delivery without its body, URL and secret (the wire never carries them).
    [[nodiscard]] static WebhookDelivery delivery(const QJsonObject &object);
    /// "evt_42" → 42; anything else → 0.
    [[nodiscard]] static qint64 eventId(const QString &text);
};

} // namespace Frontdesk
