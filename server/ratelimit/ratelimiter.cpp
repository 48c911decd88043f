#include "ratelimiter.h"

namespace Frontdesk {

RateLimiter::RateLimiter(double perSecond, int burst, int maxKeys)
    : m_perSecond(perSecond), m_burst(burst), m_maxKeys(maxKeys) { }

void RateLimiter::setRate(double perSecond, int burst)
{
    m_perSecond = perSecond;
    m_burst = burst;
}

bool RateLimiter::take(const QString &key, qint64 nowMs, qint64 *retryAfterMs)
{
    if (m_buckets.size() >= m_maxKeys && !m_buckets.contains(key))
        sweep(nowMs);
    return m_buckets[key].take(nowMs, m_perSecond, m_burst, retryAfterMs);
}

void RateLimiter::sweep(qint64 nowMs)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();)
        it = it->isFull(nowMs, m_perSecond, m_burst) ? m_buckets.erase(it) : std::next(it);
    // Still full of busy keys: forgetting them all is the lesser harm than
    // unbounded memory (each gets a fresh burst).
    if (m_buckets.size() >= m_maxKeys)
        m_buckets.clear();
}

} // namespace Frontdesk
