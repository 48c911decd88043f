#pragma once

#include "ratelimit/abuselimits.h"

#include <QHash>
#include <QHostAddress>
#include <QString>

namespace Frontdesk {

/// @brief Slows down password guessing, per address (IPv6 per /64) and per
/// account, for the login endpoint and change_password alike.
///
/// An attempt is counted when it *starts*, before the (slow, asynchronous)
/// password check, as if it failed; succeeded() takes it back. So a hundred
/// concurrent guesses are not all evaluated: only the free ones run, and each
/// further failure makes the next attempt wait twice as long. An address that
/// keeps failing is banned. A success forgives the account's failures and
/// the address's count for that one attempt only: logging in to your own
/// account does not buy an attacker behind the same address more guesses.
class LoginThrottle
{
public:
    struct Verdict {
        bool allowed = true;
        qint64 retryAfterMs = 0; ///< when refused: how long to wait
        bool banned = false; ///< refused because the address is banned, not only delayed
    };

    explicit LoginThrottle(const AbuseLimits &limits = {});
    void setLimits(const AbuseLimits &limits) { m_limits = limits; }

    /// Asks whether an attempt for @p account from @p address may run now, and counts it.
    Verdict begin(const QHostAddress &address, const QString &account, qint64 nowMs);
    /// The attempt begun for @p account from @p address had the right password.
    void succeeded(const QHostAddress &address, const QString &account, qint64 nowMs);
    /// How many bans have started since the server started (metrics).
    [[nodiscard]] qint64 bansStarted() const { return m_bansStarted; }

private:
    struct Entry {
        int failures = 0;
        qint64 lastFailureMs = 0;
        qint64 blockedUntilMs = 0;
        bool banned = false;
    };
    static constexpr int maxTrackedKeys = 10'000;

    Entry &entry(QHash<QString, Entry> &map, const QString &key, qint64 nowMs);
    void block(Entry &entry, int freeFailures, int banFailures, qint64 nowMs);

    AbuseLimits m_limits;
    QHash<QString, Entry> m_addresses;
    QHash<QString, Entry> m_accounts;
    qint64 m_bansStarted = 0;
};

} // namespace Frontdesk
