#include "renewalpolicy.h"

#include <algorithm>

namespace Frontdesk::RenewalPolicy {

QDateTime renewAt(const QDateTime &notBefore, const QDateTime &notAfter)
{
    const qint64 lifetime = std::max<qint64>(0, notBefore.secsTo(notAfter));
    return notAfter.addSecs(-std::min(maxRenewBeforeSeconds, lifetime / 3));
}

qint64 retryDelaySeconds(int failures)
{
    constexpr qint64 first = 60;
    constexpr qint64 longest = 6 * 3600;
    const int doublings = std::clamp(failures - 1, 0, 20);
    return std::min(longest, first << doublings);
}

} // namespace Frontdesk::RenewalPolicy
