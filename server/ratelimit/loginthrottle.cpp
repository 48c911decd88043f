#include "loginthrottle.h"

#include "ratelimit/addresskey.h"

#include <algorithm>

namespace Frontdesk {

namespace {
QString accountKey(const QString &account)
{
    return account.trimmed().toLower();
}
} // namespace

LoginThrottle::LoginThrottle(const AbuseLimits &limits) : m_limits(limits) { }

LoginThrottle::Entry &LoginThrottle::entry(QHash<QString, Entry> &map, const QString &key, qint64 nowMs)
{
    // Bounded memory: a list this long is an attack; forget what no longer matters.
    if (map.size() >= maxTrackedKeys && !map.contains(key)) {
        for (auto it = map.begin(); it != map.end();) {
            const bool quiet = it->blockedUntilMs <= nowMs && nowMs - it->lastFailureMs > m_limits.loginForgetMs;
            it = quiet ? map.erase(it) : std::next(it);
        }
        if (map.size() >= maxTrackedKeys) {
            for (auto it = map.begin(); it != map.end();)
                it = it->blockedUntilMs <= nowMs ? map.erase(it) : std::next(it);
        }
    }
    Entry &found = map[key];
    if (found.failures > 0 && found.blockedUntilMs <= nowMs && nowMs - found.lastFailureMs > m_limits.loginForgetMs)
        found = Entry{}; // old failures expire
    return found;
}

void LoginThrottle::block(Entry &entry, int freeFailures, int banFailures, qint64 nowMs)
{
    const bool wasBanned = entry.banned && entry.blockedUntilMs > nowMs;
    entry.banned = banFailures > 0 && entry.failures >= banFailures;
    if (entry.banned) {
        if (!wasBanned)
            ++m_bansStarted; // a new ban, not one extended
        entry.blockedUntilMs = nowMs + m_limits.loginBanMs;
        return;
    }
    if (entry.failures < freeFailures) {
        entry.blockedUntilMs = 0;
        return;
    }
    const int doublings = std::min(entry.failures - freeFailures, 30);
    const qint64 delay = std::min<qint64>(m_limits.loginMaxDelayMs, m_limits.loginBaseDelayMs << doublings);
    entry.blockedUntilMs = entry.lastFailureMs + delay;
}

LoginThrottle::Verdict LoginThrottle::begin(const QHostAddress &address, const QString &account, qint64 nowMs)
{
    Entry &byAddress = entry(m_addresses, AddressKey::text(address), nowMs);
    Entry &byAccount = entry(m_accounts, accountKey(account), nowMs);
    const qint64 waitAddress = byAddress.blockedUntilMs - nowMs;
    const qint64 waitAccount = byAccount.blockedUntilMs - nowMs;
    if (waitAddress > 0 || waitAccount > 0)
        return Verdict{false, std::max(waitAddress, waitAccount), waitAddress > 0 && byAddress.banned};

    for (Entry *counted : {&byAddress, &byAccount}) {
        ++counted->failures;
        counted->lastFailureMs = nowMs;
    }
    block(byAddress, m_limits.loginFreeFailuresPerAddress, m_limits.loginBanFailuresPerAddress, nowMs);
    block(byAccount, m_limits.loginFreeFailuresPerAccount, 0, nowMs);
    return Verdict{};
}

void LoginThrottle::succeeded(const QHostAddress &address, const QString &account, qint64 nowMs)
{
    m_accounts.remove(accountKey(account));
    const auto it = m_addresses.find(AddressKey::text(address));
    if (it == m_addresses.end() || it->banned)
        return;
    it->failures = std::max(0, it->failures - 1);
    block(*it, m_limits.loginFreeFailuresPerAddress, m_limits.loginBanFailuresPerAddress, nowMs);
}

} // namespace Frontdesk
