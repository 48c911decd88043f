#pragma once

#include "core/records.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Frontdesk {

/// The event types an endpoint can subscribe to, as they are named on the
/// wire and in the journal (`integration_events.kind`).
namespace WebhookEvents {
inline constexpr QLatin1StringView conversationCreated{"conversation.created"};
inline constexpr QLatin1StringView conversationAccepted{"conversation.accepted"};
inline constexpr QLatin1StringView conversationTransferred{"conversation.transferred"};
inline constexpr QLatin1StringView conversationClosed{"conversation.closed"};
inline constexpr QLatin1StringView conversationRated{"conversation.rated"};
inline constexpr QLatin1StringView messageVisitor{"message.visitor"};
inline constexpr QLatin1StringView messageAgent{"message.agent"};
/// All of them, in the order the docs and the console list them.
[[nodiscard]] QStringList all();
} // namespace WebhookEvents

/// @brief One endpoint of a site that hears of chosen chat events
/// (docs/integrations.md, "Webhooks").
struct WebhookRecord {
    qint64 id = 0;
    qint64 siteId = 0;
    QString url; ///< http or https, checked by WebhookSettings
    QStringList events; ///< the event types it subscribed to (WebhookEvents::all())
    QString description;
    QString secret; ///< "whsec_" + base64 of 32 random bytes: the HMAC key, shown to admins
    bool enabled = true;
    qint64 createdAt = 0;

    // How its deliveries are doing, filled by reads.
    int queued = 0;
    int failed = 0;
    qint64 lastDeliveredAt = 0;
    qint64 lastFailureAt = 0; ///< 0: no failure since the last delivery
    QString lastFailure;
};

/// @brief What update_webhook changes: only the fields it names.
struct WebhookPatch {
    std::optional<QString> url;
    std::optional<QStringList> events;
    std::optional<QString> description;
    std::optional<bool> enabled;
    std::optional<QString> secret;
};

enum class DeliveryStatus { Queued, Delivered, Failed };

/// @brief One event for one endpoint (`webhook_deliveries`): the body is
/// rendered once, when the event is handed to the endpoint, so every retry and
/// resend sends the same bytes under the same webhook-id.
struct WebhookDelivery {
    qint64 id = 0;
    qint64 webhookId = 0;
    qint64 eventId = 0; ///< the journal's id: "evt_<eventId>" on the wire
    QString eventType;
    qint64 conversationId = 0;
    QByteArray body;
    DeliveryStatus status = DeliveryStatus::Queued;
    int attempts = 0;
    int statusCode = 0; ///< the last attempt's HTTP status; 0 when none came
    QString error; ///< why the last attempt failed
    qint64 createdAt = 0;
    qint64 nextAttemptAt = 0;
    qint64 lastAttemptAt = 0;
    qint64 deliveredAt = 0;
    // For the sender, filled by the reads that hand a delivery out to send.
    QString url;
    QString secret;
};

/// @brief One committed chat event the integrations have to hear of, with
/// what its payload says, read back from the store (`integration_events`).
struct IntegrationEvent {
    qint64 id = 0;
    QString type; ///< a WebhookEvents type
    qint64 createdAt = 0;
    SiteRecord site;
    ConversationRecord conversation;
    VisitorRecord visitor;
    MessageRecord message; ///< the message it is about (id 0 when none)
    qint64 agentId = 0; ///< who accepted or closed (0: nobody)
    QString agentName;
};

/// @brief The journal's next events after a consumer's cursor, with the
/// enabled endpoints of their sites.
struct IntegrationBatch {
    qint64 cursor = 0; ///< the consumer's cursor the batch was read after
    QList<IntegrationEvent> events; ///< oldest first
    QList<WebhookRecord> webhooks; ///< enabled, of the events' sites
};

[[nodiscard]] QString toString(DeliveryStatus status);
[[nodiscard]] DeliveryStatus deliveryStatusFromString(const QString &text);

} // namespace Frontdesk
