#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QString>

namespace Frontdesk {

/**
 * @brief Random identifiers and secrets, and the hashing and comparison that
 * go with them.
 *
 * Session and API tokens are handed to clients once and stored only as
 * hash(): a leaked database does not leak working tokens. Comparisons of
 * secret values are constant-time so response timing reveals nothing about
 * how much of a guess was right.
 */
class Tokens
{
public:
    /// Length of a site key, in characters.
    static constexpr int siteKeyLength = 24;

    Tokens() = delete;

    /// @p bytes random bytes (libsodium's CSPRNG) as base64url without
    /// padding: 32 bytes give 43 URL- and header-safe characters. Empty for
    /// @p bytes < 1.
    [[nodiscard]] static QString generate(int bytes = 32);
    /// SHA-256 of the token's text, 32 raw bytes: what the database stores.
    [[nodiscard]] static QByteArray hash(const QString &token);
    /// A public id for an agent's login session (96 random bits, base64url):
    /// unrelated to the token, so listing sessions reveals nothing of it.
    [[nodiscard]] static QString newSessionId() { return generate(12); }
    /// A random UUID without braces, for a visitor who has none yet.
    [[nodiscard]] static QString newVisitorId();
    /// 24 characters from lowercase letters and digits without the look-alikes
    /// 0/o and 1/l/i (about 119 bits): pasted into HTML snippets and read
    /// aloud over the phone, so it must survive both.
    [[nodiscard]] static QString newSiteKey();
    /// 32 random bytes to sign visitor identities with (see identityHash()).
    [[nodiscard]] static QByteArray newIdentitySecret();
    /// Lower-case hex HMAC-SHA256 of @p userId (UTF-8) under @p secret. The
    /// site's backend computes the same value and passes it to the widget,
    /// which proves the visitor really is that user.
    [[nodiscard]] static QString identityHash(const QByteArray &secret, const QString &userId);
    /// Whether @p hexHash is identityHash(secret, userId), compared in
    /// constant time. Upper- or lower-case hex; false for anything that is not
    /// exactly 64 hex digits.
    [[nodiscard]] static bool verifyIdentity(const QByteArray &secret, const QString &userId, const QString &hexHash);
    /// Equality whose running time does not depend on where the arrays
    /// differ (only on their length, which is not secret for our uses).
    [[nodiscard]] static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
};

} // namespace Frontdesk
