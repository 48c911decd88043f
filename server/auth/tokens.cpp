#include "tokens.h"

#include "sodiumruntime.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QMessageAuthenticationCode>
#include <QtCore/QUuid>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// No 0/o, 1/l/i: a site key gets copied by hand from screenshots and e-mails.
constexpr char siteKeyAlphabet[] = "23456789abcdefghjkmnpqrstuvwxyz";
constexpr auto siteKeyAlphabetSize = sizeof(siteKeyAlphabet) - 1;

void requireSodium()
{
    // Without a working CSPRNG every token would be guessable; there is no
    // safe way to carry on, and no caller could do anything better.
    if (!Internal::ensureSodium())
        qFatal("libsodium is unusable: refusing to generate predictable secrets");
}

QByteArray randomBytes(int count)
{
    requireSodium();
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return bytes;
}

bool isHexDigits(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return false;
    }
    return true;
}

} // namespace

QString Tokens::generate(int bytes)
{
    if (bytes < 1)
        return {};
    return QString::fromLatin1(randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray Tokens::hash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

QString Tokens::newVisitorId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString Tokens::newSiteKey()
{
    requireSodium();
    QString key;
    key.reserve(siteKeyLength);
    for (int i = 0; i < siteKeyLength; ++i) {
        // randombytes_uniform avoids the modulo bias of "random % 31".
        key.append(QLatin1Char(siteKeyAlphabet[randombytes_uniform(siteKeyAlphabetSize)]));
    }
    return key;
}

QByteArray Tokens::newIdentitySecret()
{
    return randomBytes(32);
}

QString Tokens::identityHash(const QByteArray &secret, const QString &userId)
{
    const QByteArray mac = QMessageAuthenticationCode::hash(userId.toUtf8(), secret, QCryptographicHash::Sha256);
    return QString::fromLatin1(mac.toHex());
}

bool Tokens::verifyIdentity(const QByteArray &secret, const QString &userId, const QString &hexHash)
{
    // QByteArray::fromHex skips invalid characters silently, so the shape is
    // checked first: otherwise "zz…" plus a valid tail could decode to
    // something shorter but still be compared.
    constexpr qsizetype hexLength = 2 * 32;
    if (hexHash.size() != hexLength || !isHexDigits(hexHash))
        return false;
    const QByteArray expected = QMessageAuthenticationCode::hash(userId.toUtf8(), secret, QCryptographicHash::Sha256);
    return constantTimeEquals(expected, QByteArray::fromHex(hexHash.toLatin1()));
}

bool Tokens::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    requireSodium();
    return sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace Frontdesk
