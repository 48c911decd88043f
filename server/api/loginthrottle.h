#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>

namespace Frontdesk {

/// @brief Counts failed logins per address and bans an address that fails
/// too often, so a password cannot be guessed at network speed.
class LoginThrottle
{
public:
    LoginThrottle(int maxFailures = 5, qint64 banMs = 15 * 60 * 1000);

    [[nodiscard]] bool isBanned(const QHostAddress &address);
    void recordFailure(const QHostAddress &address);
    void recordSuccess(const QHostAddress &address);
    [[nodiscard]] qint64 secondsUntilUnbanned(const QHostAddress &address) const;

private:
    static constexpr int maxTrackedAddresses = 10'000;
    struct Entry {
        int failures = 0;
        qint64 lastFailure = 0;
        qint64 bannedUntil = 0;
    };
    int m_maxFailures;
    qint64 m_banMs;
    QElapsedTimer m_clock;
    QHash<QHostAddress, Entry> m_entries;
};

} // namespace Frontdesk
