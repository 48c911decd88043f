#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QFuture>
#include <QtCore/QString>

namespace Frontdesk {

/**
 * @brief Argon2id password hashing (libsodium's crypto_pwhash, "interactive"
 * limits) for agent accounts.
 *
 * One hash costs about 64 MB of memory and tens of milliseconds of CPU, on
 * purpose. The blocking functions are for worker threads and tools; everything
 * on the network or GUI thread uses the QFuture versions, which run on a
 * private pool of at most two threads so that a burst of logins queues up
 * instead of allocating 64 MB per concurrent attempt.
 *
 * The stored form is libsodium's self-describing string ("$argon2id$v=19$m=…"),
 * so the parameters can be raised later and old hashes still verify.
 */
class PasswordHasher
{
public:
    static constexpr int minimumPasswordLength = 8;
    /// Long enough for any pass phrase or manager-generated password, short
    /// enough that nobody can make the server hash megabytes per attempt.
    static constexpr int maximumPasswordLength = 1024;

    PasswordHasher() = delete;

    /// Hashes on the calling thread. Returns an empty array on failure
    /// (libsodium unusable, or the 64 MB could not be allocated).
    [[nodiscard]] static QByteArray hashBlocking(const QString &password);
    /// Verifies on the calling thread. False for a wrong password and for
    /// anything that is not a hash libsodium understands.
    [[nodiscard]] static bool verifyBlocking(const QByteArray &hash, const QString &password);
    /// True when @p hash was made with other parameters than the current
    /// ones (or is not a hash at all), so a successful login should store a
    /// fresh hash.
    [[nodiscard]] static bool needsRehash(const QByteArray &hash);

    /// hashBlocking() on the hashing pool.
    [[nodiscard]] static QFuture<QByteArray> hash(const QString &password);
    /// verifyBlocking() on the hashing pool.
    [[nodiscard]] static QFuture<bool> verify(const QByteArray &hash, const QString &password);

    /// Empty when @p password is acceptable as a new password, else a
    /// sentence for the user saying why not. Lengths count characters
    /// (Unicode code points), not bytes.
    [[nodiscard]] static QString validatePassword(const QString &password);
};

} // namespace Frontdesk
