#pragma once

#include "ratelimit/tokenbucket.h"

#include <QHash>
#include <QString>

namespace Frontdesk {

/// @brief Token buckets by key (a visitor id, an address key), with bounded memory.
///
/// A full bucket holds no information: when the map reaches its bound (an
/// attack with many keys), the full ones are swept out first, then the rest.
class RateLimiter
{
public:
    RateLimiter(double perSecond, int burst, int maxKeys = 100'000);

    /// Takes a token for @p key at @p nowMs; false with the wait in @p retryAfterMs when there is none.
    bool take(const QString &key, qint64 nowMs, qint64 *retryAfterMs = nullptr);
    void setRate(double perSecond, int burst);
    [[nodiscard]] qsizetype trackedKeys() const { return m_buckets.size(); }

private:
    void sweep(qint64 nowMs);

    double m_perSecond;
    int m_burst;
    int m_maxKeys;
    QHash<QString, TokenBucket> m_buckets;
};

} // namespace Frontdesk
