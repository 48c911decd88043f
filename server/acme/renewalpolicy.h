#pragma once

#include <QDateTime>

namespace Frontdesk {

/// @brief When to renew a certificate and how long to wait after a failed
/// attempt: the rules, apart from the timers and the client that follow them.
namespace RenewalPolicy {

/// Never renew earlier than this before expiry (Let's Encrypt's advice for its 90-day certificates).
constexpr qint64 maxRenewBeforeSeconds = 30LL * 24 * 3600;

/// 30 days before @p notAfter; but a certificate that lives shorter than 90
/// days is renewed with a third of its lifetime left (Let's Encrypt's 6-day
/// certificates, a test CA's minutes), so it is not renewed again at once.
[[nodiscard]] QDateTime renewAt(const QDateTime &notBefore, const QDateTime &notAfter);
/// Seconds to wait after the @p failures -th failure in a row (1, 2, ...):
/// a minute, doubling, at most six hours, so a broken DNS record or a rate
/// limit does not turn into hammering the CA.
[[nodiscard]] qint64 retryDelaySeconds(int failures);

} // namespace RenewalPolicy

} // namespace Frontdesk
