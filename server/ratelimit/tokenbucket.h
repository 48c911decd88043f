#pragma once

#include <QtGlobal>

namespace Frontdesk {

/// @brief A token bucket: up to @c burst actions at once, then @c perSecond
/// on average. Sixteen bytes, so every connection can have one.
struct TokenBucket {
    double tokens = -1; ///< negative: not used yet (starts full)
    qint64 updatedMs = 0;

    /// Takes one token at @p nowMs. When none is left, returns false and sets
    /// @p retryAfterMs to when the next one is there.
    bool take(qint64 nowMs, double perSecond, int burst, qint64 *retryAfterMs = nullptr);
    /// Whether the bucket is full again at @p nowMs (nothing to remember about it).
    [[nodiscard]] bool isFull(qint64 nowMs, double perSecond, int burst) const;
};

} // namespace Frontdesk
