#include "tokenbucket.h"

#include <algorithm>
#include <cmath>

namespace Frontdesk {

namespace {
double refilled(const TokenBucket &bucket, qint64 nowMs, double perSecond, int burst)
{
    if (bucket.tokens < 0)
        return burst;
    const double elapsed = double(std::max<qint64>(0, nowMs - bucket.updatedMs)) / 1000.0;
    return std::min<double>(burst, bucket.tokens + elapsed * perSecond);
}
} // namespace

bool TokenBucket::take(qint64 nowMs, double perSecond, int burst, qint64 *retryAfterMs)
{
    tokens = refilled(*this, nowMs, perSecond, burst);
    updatedMs = nowMs;
    if (tokens >= 1.0) {
        tokens -= 1.0;
        return true;
    }
    if (retryAfterMs)
        *retryAfterMs = perSecond > 0 ? qint64(std::ceil((1.0 - tokens) * 1000.0 / perSecond)) : 60'000;
    return false;
}

bool TokenBucket::isFull(qint64 nowMs, double perSecond, int burst) const
{
    return refilled(*this, nowMs, perSecond, burst) >= burst;
}

} // namespace Frontdesk
