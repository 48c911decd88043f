#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace Frontdesk {

/// @brief How webhooks are delivered: the timeout of an attempt and the
/// retry schedule (docs/protocol.md, "Webhooks"). The defaults
/// are the product's; tests shorten them.
struct WebhookSettings {
    int timeoutMs = 10000; ///< an endpoint has this long to answer
    qint64 firstRetryMs = 30000; ///< after the first failure, doubling from there
    qint64 maxRetryMs = 3600000; ///< the longest wait between two attempts
    qint64 giveUpAfterMs = 24 * 3600000LL; ///< from the event: then the delivery is failed for good
    qint64 keepLogMs = 30 * 24 * 3600000LL; ///< delivered and failed deliveries are kept this long

    /// The wait before attempt @p attempts + 1, after @p attempts failed ones.
    [[nodiscard]] qint64 retryDelay(int attempts) const;
};

/// @brief The checks on what an admin gives for an endpoint.
namespace WebhookInput {
/// Longest URL an endpoint may have.
inline constexpr int maxUrlChars = 2000;
inline constexpr int maxDescriptionChars = 200;
/// Empty when @p url is fine: absolute http or https with a host, no
/// user:password, no fragment, at most maxUrlChars. Else the sentence that says why not.
[[nodiscard]] QString urlProblem(const QString &url);
/// Empty when every one of @p events is a known type and there is at least one.
[[nodiscard]] QString eventsProblem(const QStringList &events);
/// A new signing secret: "whsec_" + base64 of 32 random bytes (Standard Webhooks).
[[nodiscard]] QString newSecret();
} // namespace WebhookInput

} // namespace Frontdesk
