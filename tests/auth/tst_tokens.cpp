#include <auth/tokens.h>

#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QUrl>
#include <QtCore/QUuid>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using Frontdesk::Tokens;

class tst_Tokens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generate_data();
    void generate();
    void generateIsUnique();
    void generateRejectsNonPositive();
    void hash_data();
    void hash();
    void visitorId();
    void siteKey();
    void identitySecret();
    void identityHash_data();
    void identityHash();
    void verifyIdentity_data();
    void verifyIdentity();
    void constantTimeEquals_data();
    void constantTimeEquals();
};

void tst_Tokens::generate_data()
{
    QTest::addColumn<int>("bytes");
    QTest::addColumn<int>("length");

    // base64 without padding: ceil(bytes * 4 / 3) characters.
    QTest::newRow("default") << 32 << 43;
    QTest::newRow("1") << 1 << 2;
    QTest::newRow("16") << 16 << 22;
    QTest::newRow("24") << 24 << 32;
    QTest::newRow("64") << 64 << 86;
}

void tst_Tokens::generate()
{
    QFETCH(int, bytes);
    QFETCH(int, length);

    const QString token = bytes == 32 ? Tokens::generate() : Tokens::generate(bytes);
    QCOMPARE(token.size(), length);
    static const QRegularExpression base64url(u"^[A-Za-z0-9_-]+$"_s);
    QVERIFY2(base64url.match(token).hasMatch(), qPrintable(token));
    const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(decoded);
    QCOMPARE(decoded.decoded.size(), bytes);
}

void tst_Tokens::generateIsUnique()
{
    QSet<QString> seen;
    for (int i = 0; i < 2000; ++i)
        seen.insert(Tokens::generate());
    QCOMPARE(seen.size(), 2000);

    // Catches a generator stuck on one value per position (a broken RNG
    // wrapper), which uniqueness alone would miss for long tokens.
    QSet<QChar> firstCharacters;
    for (const QString &token : std::as_const(seen))
        firstCharacters.insert(token.front());
    QVERIFY(firstCharacters.size() > 50);
}

void tst_Tokens::generateRejectsNonPositive()
{
    QVERIFY(Tokens::generate(0).isEmpty());
    QVERIFY(Tokens::generate(-5).isEmpty());
}

void tst_Tokens::hash_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("expectedHex");

    // Expected values from `printf %s TEXT | openssl dgst -sha256`.
    QTest::newRow("empty") << QString() << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << u"abc"_s << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

void tst_Tokens::hash()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, expectedHex);

    const QByteArray digest = Tokens::hash(token);
    QCOMPARE(digest.size(), 32);
    QCOMPARE(digest.toHex(), expectedHex);
    QCOMPARE(Tokens::hash(token), digest); // stable: the database looks tokens up by it
}

void tst_Tokens::visitorId()
{
    const QString id = Tokens::newVisitorId();
    QCOMPARE(id.size(), 36);
    QVERIFY(!id.startsWith(u'{'));
    QVERIFY(!QUuid::fromString(id).isNull());
    QVERIFY(Tokens::newVisitorId() != id);
}

void tst_Tokens::siteKey()
{
    static const QRegularExpression shape(u"^[a-z0-9]{24}$"_s);
    static const QRegularExpression ambiguous(u"[01oil]"_s);
    QSet<QString> seen;
    QSet<QChar> characters;
    for (int i = 0; i < 1000; ++i) {
        const QString key = Tokens::newSiteKey();
        QCOMPARE(key.size(), Tokens::siteKeyLength);
        QVERIFY2(shape.match(key).hasMatch(), qPrintable(key));
        QVERIFY2(!ambiguous.match(key).hasMatch(), qPrintable(key));
        QCOMPARE(QString::fromLatin1(QUrl::toPercentEncoding(key)), key); // URL-safe as is
        seen.insert(key);
        for (const QChar c : key)
            characters.insert(c);
    }
    QCOMPARE(seen.size(), 1000);
    // All 31 symbols of the alphabet turn up in 24,000 draws.
    QCOMPARE(characters.size(), 31);
}

void tst_Tokens::identitySecret()
{
    const QByteArray secret = Tokens::newIdentitySecret();
    QCOMPARE(secret.size(), 32);
    QVERIFY(Tokens::newIdentitySecret() != secret);
}

void tst_Tokens::identityHash_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("expected");

    // Computed independently when this test was written:
    //   printf %s 'what do ya want for nothing?' | openssl dgst -sha256 -hmac Jefe   (RFC 4231 test case 2)
    //   printf %s USERID | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f
    const QByteArray counting = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    QTest::newRow("RFC 4231 case 2") << QByteArray("Jefe") << u"what do ya want for nothing?"_s
                                     << u"5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"_s;
    QTest::newRow("32-byte secret") << counting << u"user-42"_s
                                    << u"74ea6318fd907a367325175cdf62f55dd986485ca4cd5342c5f9120938404bf6"_s;
    QTest::newRow("UTF-8 user id") << counting << u"Zoë@example.com"_s
                                   << u"a20584eae2f82187976b8224a5320d0260662e79f3b63e7ede4b059626b5d0ee"_s;
}

void tst_Tokens::identityHash()
{
    QFETCH(QByteArray, secret);
    QFETCH(QString, userId);
    QFETCH(QString, expected);

    QCOMPARE(Tokens::identityHash(secret, userId), expected);
    QVERIFY(Tokens::verifyIdentity(secret, userId, expected));
    QVERIFY(Tokens::verifyIdentity(secret, userId, expected.toUpper()));
}

void tst_Tokens::verifyIdentity_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("hexHash");

    const QByteArray secret = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    const QString good = u"74ea6318fd907a367325175cdf62f55dd986485ca4cd5342c5f9120938404bf6"_s;
    QString flipped = good;
    flipped[10] = flipped.at(10) == u'0' ? u'1' : u'0';

    QTest::newRow("other user") << secret << u"user-43"_s << good;
    QTest::newRow("other secret") << QByteArray(32, 'x') << u"user-42"_s << good;
    QTest::newRow("one digit changed") << secret << u"user-42"_s << flipped;
    QTest::newRow("empty") << secret << u"user-42"_s << QString();
    QTest::newRow("too short") << secret << u"user-42"_s << good.chopped(2);
    QTest::newRow("too long") << secret << u"user-42"_s << (good + u"00"_s);
    QTest::newRow("odd length") << secret << u"user-42"_s << good.chopped(1);
    QTest::newRow("non-hex") << secret << u"user-42"_s << (u"zz"_s + good.mid(2));
    // fromHex() would skip the spaces and decode a shorter prefix; must not pass.
    QTest::newRow("spaces") << secret << u"user-42"_s << (good.left(62) + u"  "_s);
    QTest::newRow("base64 of the MAC") << secret << u"user-42"_s
                                       << QString::fromLatin1(QByteArray::fromHex(good.toLatin1()).toBase64());
}

void tst_Tokens::verifyIdentity()
{
    QFETCH(QByteArray, secret);
    QFETCH(QString, userId);
    QFETCH(QString, hexHash);

    QVERIFY(!Tokens::verifyIdentity(secret, userId, hexHash));
}

void tst_Tokens::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("both empty") << QByteArray() << QByteArray("") << true;
    QTest::newRow("same") << QByteArray("secret-token") << QByteArray("secret-token") << true;
    QTest::newRow("last byte") << QByteArray("secret-token") << QByteArray("secret-tokeN") << false;
    QTest::newRow("first byte") << QByteArray("secret-token") << QByteArray("Secret-token") << false;
    QTest::newRow("prefix") << QByteArray("secret") << QByteArray("secret-token") << false;
    QTest::newRow("empty vs not") << QByteArray() << QByteArray("x") << false;
    QTest::newRow("binary") << QByteArray("\0\1\2", 3) << QByteArray("\0\1\2", 3) << true;
    QTest::newRow("binary differs after NUL") << QByteArray("\0\1\2", 3) << QByteArray("\0\1\3", 3) << false;
}

void tst_Tokens::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);

    QCOMPARE(Tokens::constantTimeEquals(a, b), equal);
    QCOMPARE(Tokens::constantTimeEquals(b, a), equal);
}

QTEST_GUILESS_MAIN(tst_Tokens)
#include "tst_tokens.moc"
