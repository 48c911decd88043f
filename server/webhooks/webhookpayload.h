#pragma once

#include "core/webhookrecords.h"

#include <QByteArray>
#include <QString>

namespace Frontdesk {

/// @brief What a webhook delivery says and how it is signed, after Standard
/// Webhooks 1.0 (docs/protocol.md, "Webhooks").
///
/// Pure: the tests read exactly what goes out.
namespace WebhookPayload {

/// The body of @p event: {"type", "timestamp" (ISO 8601, the event's time),
/// "data": {site, conversation, visitor, and per type message, agent,
/// closedBy or rating}}, compact JSON.
[[nodiscard]] QByteArray render(const IntegrationEvent &event);
/// "evt_<id>": the webhook-id header, the same for every attempt and endpoint.
[[nodiscard]] QString eventId(qint64 journalId);
/// The webhook-signature header: "v1," + base64(HMAC-SHA256(key, id.timestamp.body)),
/// with key the base64 after "whsec_" of @p secret. Empty for a secret that is not one.
[[nodiscard]] QByteArray signature(const QString &secret, const QString &webhookId, qint64 timestampSeconds,
                                   const QByteArray &body);

} // namespace WebhookPayload

} // namespace Frontdesk
