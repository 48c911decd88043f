// The abuse guards on a simulated clock: token buckets, the login throttle's
// delays, ban and forgiveness, and the address keys every limit counts under.
#include "ratelimit/addresskey.h"
#include "ratelimit/loginthrottle.h"
#include "ratelimit/ratelimiter.h"

#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class tst_RateLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketAllowsABurstThenTheRate();
    void limiterForgetsFullBucketsWhenAtItsBound();
    void addressKeys_data();
    void addressKeys();
    void attemptsCountWhenTheyStart();
    void delaysGrowThenTheAddressIsBanned();
    void successForgivesOnlyItsOwnAttemptAtTheAddress();
    void accountIsThrottledFromEveryAddress();
    void oldFailuresAreForgotten();
};

void tst_RateLimit::bucketAllowsABurstThenTheRate()
{
    TokenBucket bucket;
    qint64 wait = 0;
    for (int i = 0; i < 5; ++i)
        QVERIFY(bucket.take(1'000, 2.0, 5, &wait));
    QVERIFY(!bucket.take(1'000, 2.0, 5, &wait));
    QCOMPARE(wait, 500); // 2 per second: the next token in half a second
    QVERIFY(!bucket.take(1'499, 2.0, 5, &wait));
    QVERIFY(bucket.take(1'500, 2.0, 5, &wait));
    QVERIFY(!bucket.isFull(1'500, 2.0, 5));
    QVERIFY(bucket.isFull(10'000, 2.0, 5));
}

void tst_RateLimit::limiterForgetsFullBucketsWhenAtItsBound()
{
    RateLimiter limiter(1.0, 2, 100);
    for (int i = 0; i < 100; ++i)
        QVERIFY(limiter.take(u"k%1"_s.arg(i), 0));
    QCOMPARE(limiter.trackedKeys(), 100);
    // Much later every bucket is full again: the next new key sweeps them out.
    QVERIFY(limiter.take(u"new"_s, 60'000));
    QCOMPARE(limiter.trackedKeys(), 1);
    // A key that is still limited keeps its state.
    QVERIFY(limiter.take(u"new"_s, 60'000));
    QVERIFY(!limiter.take(u"new"_s, 60'000));
}

void tst_RateLimit::addressKeys_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("key");
    QTest::newRow("IPv4") << u"192.0.2.7"_s << u"192.0.2.7"_s;
    QTest::newRow("IPv4 on a dual-stack socket") << u"::ffff:192.0.2.7"_s << u"192.0.2.7"_s;
    QTest::newRow("IPv6 counts per /64") << u"2001:db8:1:2:aaaa:bbbb:cccc:dddd"_s << u"2001:db8:1:2::/64"_s;
    QTest::newRow("another address of the same /64") << u"2001:db8:1:2::1"_s << u"2001:db8:1:2::/64"_s;
    QTest::newRow("loopback") << u"::1"_s << u"::1"_s;
}

void tst_RateLimit::addressKeys()
{
    QFETCH(QString, address);
    QFETCH(QString, key);
    QCOMPARE(AddressKey::text(QHostAddress(address)), key);
}

void tst_RateLimit::attemptsCountWhenTheyStart()
{
    // Twenty guesses start before any has been checked: only the free ones may run.
    LoginThrottle throttle;
    const QHostAddress attacker(u"203.0.113.9"_s);
    int allowed = 0;
    for (int i = 0; i < 20; ++i)
        allowed += throttle.begin(attacker, u"admin@shop.example"_s, 1'000).allowed ? 1 : 0;
    QCOMPARE(allowed, AbuseLimits{}.loginFreeFailuresPerAccount);
}

void tst_RateLimit::delaysGrowThenTheAddressIsBanned()
{
    AbuseLimits limits;
    limits.loginFreeFailuresPerAccount = 1'000; // the address alone
    LoginThrottle throttle(limits);
    const QHostAddress attacker(u"2001:db8:1:2::5"_s);
    qint64 now = 0;
    QList<qint64> waits;
    for (int i = 0; i < limits.loginBanFailuresPerAddress; ++i) {
        // Each guess from another address of the same /64, as soon as allowed.
        const QHostAddress from(u"2001:db8:1:2::%1"_s.arg(i + 1, 0, 16));
        LoginThrottle::Verdict verdict = throttle.begin(from, u"user%1@shop.example"_s.arg(i), now);
        if (!verdict.allowed) {
            waits.append(verdict.retryAfterMs);
            now += verdict.retryAfterMs;
            verdict = throttle.begin(from, u"user%1@shop.example"_s.arg(i), now);
        }
        QVERIFY2(verdict.allowed, qPrintable(u"guess %1"_s.arg(i)));
    }
    QCOMPARE(waits.size(), limits.loginBanFailuresPerAddress - limits.loginFreeFailuresPerAddress);
    QCOMPARE(waits.first(), limits.loginBaseDelayMs);
    QCOMPARE(waits.at(1), 2 * limits.loginBaseDelayMs);
    QCOMPARE(waits.at(2), 4 * limits.loginBaseDelayMs);
    const LoginThrottle::Verdict banned = throttle.begin(attacker, u"x@shop.example"_s, now);
    QVERIFY(!banned.allowed);
    QVERIFY(banned.banned);
    QCOMPARE(banned.retryAfterMs, limits.loginBanMs);
    // Another network is not affected.
    QVERIFY(throttle.begin(QHostAddress(u"2001:db8:9::1"_s), u"x@shop.example"_s, now).allowed);
}

void tst_RateLimit::successForgivesOnlyItsOwnAttemptAtTheAddress()
{
    AbuseLimits limits;
    limits.loginFreeFailuresPerAccount = 1'000;
    LoginThrottle throttle(limits);
    const QHostAddress office(u"198.51.100.20"_s);
    qint64 now = 0;
    // Four guesses at the admin, then the attacker's own good login, again.
    for (int i = 0; i < 4; ++i)
        QVERIFY(throttle.begin(office, u"admin@shop.example"_s, now).allowed);
    QVERIFY(throttle.begin(office, u"eve@shop.example"_s, now).allowed);
    throttle.succeeded(office, u"eve@shop.example"_s, now);
    QVERIFY(throttle.begin(office, u"admin@shop.example"_s, now).allowed); // the fifth failure
    QVERIFY(!throttle.begin(office, u"admin@shop.example"_s, now).allowed); // and now a delay
    now += limits.loginBaseDelayMs;
    QVERIFY(throttle.begin(office, u"eve@shop.example"_s, now).allowed);
    throttle.succeeded(office, u"eve@shop.example"_s, now);
    // Forgiving eve's attempt leaves the admin's five: the delay stands.
    QVERIFY(!throttle.begin(office, u"admin@shop.example"_s, now).allowed);
}

void tst_RateLimit::accountIsThrottledFromEveryAddress()
{
    LoginThrottle throttle;
    const int free = AbuseLimits{}.loginFreeFailuresPerAccount;
    for (int i = 0; i < free; ++i)
        QVERIFY(throttle.begin(QHostAddress(u"192.0.2.%1"_s.arg(i + 1)), u"Admin@Shop.example"_s, 0).allowed);
    const auto next = throttle.begin(QHostAddress(u"192.0.2.200"_s), u"admin@shop.example "_s, 0);
    QVERIFY(!next.allowed);
    QVERIFY(!next.banned);
    QCOMPARE(next.retryAfterMs, AbuseLimits{}.loginBaseDelayMs);
    // The owner's right password forgives the account.
    QVERIFY(throttle.begin(QHostAddress(u"192.0.2.201"_s), u"admin@shop.example"_s, next.retryAfterMs).allowed);
    throttle.succeeded(QHostAddress(u"192.0.2.201"_s), u"admin@shop.example"_s, next.retryAfterMs);
    QVERIFY(throttle.begin(QHostAddress(u"192.0.2.202"_s), u"admin@shop.example"_s, next.retryAfterMs).allowed);
}

void tst_RateLimit::oldFailuresAreForgotten()
{
    LoginThrottle throttle;
    const QHostAddress from(u"192.0.2.1"_s);
    const int free = AbuseLimits{}.loginFreeFailuresPerAccount;
    for (int i = 0; i < free; ++i)
        QVERIFY(throttle.begin(from, u"a@shop.example"_s, 0).allowed);
    QVERIFY(!throttle.begin(from, u"a@shop.example"_s, 0).allowed);
    const qint64 later = AbuseLimits{}.loginForgetMs + 1;
    for (int i = 0; i < free; ++i)
        QVERIFY(throttle.begin(from, u"a@shop.example"_s, later).allowed);
}

QTEST_GUILESS_MAIN(tst_RateLimit)
#include "tst_ratelimit.moc"
