#include "passwordhasher.h"

#include "sodiumruntime.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QThreadPool>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// Pinned to Argon2id rather than libsodium's "default algorithm", so a
// library upgrade can never silently change what new hashes are.
constexpr auto opsLimit = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
constexpr auto memLimit = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;

QThreadPool *hashingPool()
{
    // Two threads: at most 2 x 64 MB in flight however many logins arrive at
    // once (the rest wait in the queue), and on a two-core VPS the network
    // thread keeps a core. Never the global pool, whose threads other code
    // expects to be short-lived.
    static QThreadPool *const pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(2);
        p->setObjectName(u"Frontdesk password hashing"_s);
        return p;
    }();
    // Deliberately leaked: destroying a pool during static destruction would
    // wait for (or race with) threads after QCoreApplication is gone.
    return pool;
}

/// The UTF-8 bytes of a password, wiped when they go out of scope so the
/// plain text does not linger in freed heap memory longer than needed.
class Utf8Secret
{
public:
    explicit Utf8Secret(const QString &text) : m_bytes(text.toUtf8()) { }
    ~Utf8Secret()
    {
        if (!m_bytes.isEmpty())
            sodium_memzero(m_bytes.data(), size_t(m_bytes.size()));
    }
    Utf8Secret(const Utf8Secret &) = delete;
    Utf8Secret &operator=(const Utf8Secret &) = delete;

    [[nodiscard]] const char *data() const { return m_bytes.constData(); }
    [[nodiscard]] unsigned long long size() const { return static_cast<unsigned long long>(m_bytes.size()); }

private:
    QByteArray m_bytes;
};

/// A stored hash that libsodium can be handed safely: it reads a
/// NUL-terminated string, so embedded NULs or absurd lengths are refused here.
bool plausibleHash(const QByteArray &hash)
{
    return !hash.isEmpty() && hash.size() < qsizetype(crypto_pwhash_STRBYTES) && !hash.contains('\0');
}

qsizetype codePointCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        // A surrogate pair is one character to the user.
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

} // namespace

QByteArray PasswordHasher::hashBlocking(const QString &password)
{
    if (!Internal::ensureSodium())
        return {};
    const Utf8Secret secret(password);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_argon2id_str(out, secret.data(), secret.size(), opsLimit, memLimit) != 0) {
        qWarning("Password hashing failed (Argon2id could not allocate its memory); no hash was produced");
        return {};
    }
    return QByteArray(out);
}

bool PasswordHasher::verifyBlocking(const QByteArray &hash, const QString &password)
{
    if (!Internal::ensureSodium() || !plausibleHash(hash))
        return false;
    const Utf8Secret secret(password);
    // The generic verifier reads the algorithm from the string, so hashes
    // made by an older default (Argon2i) keep working.
    return crypto_pwhash_str_verify(hash.constData(), secret.data(), secret.size()) == 0;
}

bool PasswordHasher::needsRehash(const QByteArray &hash)
{
    if (!Internal::ensureSodium() || !plausibleHash(hash))
        return true;
    // Returns 1 for other parameters, -1 for another algorithm or garbage.
    return crypto_pwhash_argon2id_str_needs_rehash(hash.constData(), opsLimit, memLimit) != 0;
}

QFuture<QByteArray> PasswordHasher::hash(const QString &password)
{
    return QtConcurrent::run(hashingPool(), [password] { return hashBlocking(password); });
}

QFuture<bool> PasswordHasher::verify(const QByteArray &hash, const QString &password)
{
    return QtConcurrent::run(hashingPool(), [hash, password] { return verifyBlocking(hash, password); });
}

QString PasswordHasher::validatePassword(const QString &password)
{
    const qsizetype length = codePointCount(password);
    if (length < minimumPasswordLength)
        return u"The password is too short: use at least %1 characters."_s.arg(minimumPasswordLength);
    if (length > maximumPasswordLength)
        return u"The password is too long: use at most %1 characters."_s.arg(maximumPasswordLength);
    return {};
}

} // namespace Frontdesk
