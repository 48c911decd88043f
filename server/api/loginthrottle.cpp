#include "loginthrottle.h"

namespace Frontdesk {

LoginThrottle::LoginThrottle(int maxFailures, qint64 banMs) : m_maxFailures(maxFailures), m_banMs(banMs)
{
    m_clock.start();
}

bool LoginThrottle::isBanned(const QHostAddress &address)
{
    auto it = m_entries.find(address);
    if (it == m_entries.end() || it->bannedUntil == 0)
        return false;
    if (m_clock.elapsed() < it->bannedUntil)
        return true;
    m_entries.erase(it); // ban served: start counting afresh
    return false;
}

void LoginThrottle::recordFailure(const QHostAddress &address)
{
    const qint64 now = m_clock.elapsed();
    // Bounded memory: an address list this long is an attack; forget the quiet ones.
    if (m_entries.size() > maxTrackedAddresses) {
        for (auto it = m_entries.begin(); it != m_entries.end();)
            it = (it->bannedUntil < now && now - it->lastFailure > m_banMs) ? m_entries.erase(it) : std::next(it);
    }
    Entry &entry = m_entries[address];
    if (now - entry.lastFailure > m_banMs)
        entry.failures = 0; // old failures expire with the ban window
    entry.lastFailure = now;
    if (++entry.failures >= m_maxFailures)
        entry.bannedUntil = now + m_banMs;
}

qint64 LoginThrottle::secondsUntilUnbanned(const QHostAddress &address) const
{
    const auto it = m_entries.constFind(address);
    if (it == m_entries.constEnd())
        return 0;
    return qMax<qint64>(0, (it->bannedUntil - m_clock.elapsed() + 999) / 1000);
}

void LoginThrottle::recordSuccess(const QHostAddress &address)
{
    m_entries.remove(address);
}

} // namespace Frontdesk
