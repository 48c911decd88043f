#include <auth/passwordhasher.h>

#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using Frontdesk::PasswordHasher;

class tst_PasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashIsArgon2id();
    void verify_data();
    void verify();
    void saltedHashesDiffer();
    void rejectsGarbageHashes_data();
    void rejectsGarbageHashes();
    void olderHashes_data();
    void olderHashes();
    void needsRehash_data();
    void needsRehash();
    void asyncHashAndVerify();
    void asyncBurstCompletes();
    void validatePassword_data();
    void validatePassword();
};

void tst_PasswordHasher::hashIsArgon2id()
{
    const QByteArray hash = PasswordHasher::hashBlocking(u"correct horse battery staple"_s);
    QVERIFY2(hash.startsWith("$argon2id$"), hash.constData());
    // The interactive limits: 64 MiB, 2 passes. A change here must be deliberate.
    QVERIFY2(hash.contains("$m=65536,t=2,p=1$"), hash.constData());
}

void tst_PasswordHasher::verify_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("attempt");
    QTest::addColumn<bool>("expected");

    QTest::newRow("right") << u"correct horse battery staple"_s << u"correct horse battery staple"_s << true;
    QTest::newRow("wrong") << u"correct horse battery staple"_s << u"correct horse battery stapler"_s << false;
    QTest::newRow("case matters") << u"Passw0rd!"_s << u"passw0rd!"_s << false;
    QTest::newRow("empty attempt") << u"correct horse battery staple"_s << QString() << false;
    QTest::newRow("non-ASCII") << u"pässwörd-ß-密码-🔑"_s << u"pässwörd-ß-密码-🔑"_s << true;
    // Composed and decomposed "ä" are different bytes; we hash bytes, so they
    // are different passwords (no silent normalisation).
    QTest::newRow("unnormalised") << u"p\u00e4sswort"_s << u"pa\u0308sswort"_s << false;
}

void tst_PasswordHasher::verify()
{
    QFETCH(QString, stored);
    QFETCH(QString, attempt);
    QFETCH(bool, expected);

    const QByteArray hash = PasswordHasher::hashBlocking(stored);
    QVERIFY(!hash.isEmpty());
    QCOMPARE(PasswordHasher::verifyBlocking(hash, attempt), expected);
}

void tst_PasswordHasher::saltedHashesDiffer()
{
    const QString password = u"same password twice"_s;
    const QByteArray first = PasswordHasher::hashBlocking(password);
    const QByteArray second = PasswordHasher::hashBlocking(password);
    QVERIFY(!first.isEmpty());
    QVERIFY(first != second);
    QVERIFY(PasswordHasher::verifyBlocking(first, password));
    QVERIFY(PasswordHasher::verifyBlocking(second, password));
}

void tst_PasswordHasher::rejectsGarbageHashes_data()
{
    QTest::addColumn<QByteArray>("hash");

    const QByteArray real = PasswordHasher::hashBlocking(u"hunter22hunter22"_s);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("not a hash");
    QTest::newRow("plain password") << QByteArray("hunter22hunter22");
    QTest::newRow("prefix only") << QByteArray("$argon2id$");
    QTest::newRow("truncated") << real.left(real.size() - 10);
    QTest::newRow("embedded NUL") << QByteArray(real).insert(20, '\0');
    QTest::newRow("overlong") << (real + QByteArray(200, 'A'));
    QTest::newRow("bcrypt") << QByteArray("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW");
    QByteArray tampered = real;
    tampered[tampered.size() - 3] = tampered.at(tampered.size() - 3) == 'A' ? 'B' : 'A';
    QTest::newRow("tampered digest") << tampered;
}

void tst_PasswordHasher::rejectsGarbageHashes()
{
    QFETCH(QByteArray, hash);
    QVERIFY(!PasswordHasher::verifyBlocking(hash, u"hunter22hunter22"_s));
}

void tst_PasswordHasher::olderHashes_data()
{
    QTest::addColumn<QByteArray>("hash");

    // Made with libsodium 1.0.18 when this test was written, for the password
    // "hunter22hunter22": crypto_pwhash_argon2id_str with t=3, m=8 MiB, and
    // crypto_pwhash_argon2i_str (the default before libsodium 1.0.15).
    QTest::newRow("argon2id, other limits") << QByteArray(
        "$argon2id$v=19$m=8192,t=3,p=1$MyXEG8NGFgwy9aDkeMecQw$Kov9MwmhuYXbSFiLwuWVideibjpuLdGZbYXgEHUnamE");
    QTest::newRow("argon2i") << QByteArray(
        "$argon2i$v=19$m=4096,t=4,p=1$Y6KfFDWEMr7UnVX5yHneoA$6Eigh5kKLVwYP7AGfzpE+scQZl8cCzal6RtMCDOLoXo");
}

void tst_PasswordHasher::olderHashes()
{
    QFETCH(QByteArray, hash);

    // Old hashes keep working, and are flagged so a login can upgrade them.
    QVERIFY(PasswordHasher::verifyBlocking(hash, u"hunter22hunter22"_s));
    QVERIFY(!PasswordHasher::verifyBlocking(hash, u"hunter22hunter23"_s));
    QVERIFY(PasswordHasher::needsRehash(hash));
}

void tst_PasswordHasher::needsRehash_data()
{
    QTest::addColumn<QByteArray>("hash");
    QTest::addColumn<bool>("expected");

    QTest::newRow("current") << PasswordHasher::hashBlocking(u"fresh password"_s) << false;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("garbage") << QByteArray("not a hash") << true;
    QTest::newRow("bcrypt") << QByteArray("$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW") << true;
}

void tst_PasswordHasher::needsRehash()
{
    QFETCH(QByteArray, hash);
    QFETCH(bool, expected);

    QCOMPARE(PasswordHasher::needsRehash(hash), expected);
}

void tst_PasswordHasher::asyncHashAndVerify()
{
    const QString password = u"asynchronous secret"_s;
    QFuture<QByteArray> hashed = PasswordHasher::hash(password);
    QTRY_VERIFY_WITH_TIMEOUT(hashed.isFinished(), 30000);
    const QByteArray hash = hashed.result();
    QVERIFY(hash.startsWith("$argon2id$"));

    QFuture<bool> right = PasswordHasher::verify(hash, password);
    QFuture<bool> wrong = PasswordHasher::verify(hash, u"another secret"_s);
    QTRY_VERIFY_WITH_TIMEOUT(right.isFinished() && wrong.isFinished(), 30000);
    QCOMPARE(right.result(), true);
    QCOMPARE(wrong.result(), false);
}

void tst_PasswordHasher::asyncBurstCompletes()
{
    // A burst larger than the pool queues up and still completes, and every
    // answer belongs to its own request.
    const QByteArray hash = PasswordHasher::hashBlocking(u"burst password"_s);
    QList<QFuture<bool>> attempts;
    for (int i = 0; i < 8; ++i)
        attempts.append(PasswordHasher::verify(hash, i % 2 == 0 ? u"burst password"_s : u"wrong %1"_s.arg(i)));
    for (int i = 0; i < attempts.size(); ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(attempts.at(i).isFinished(), 60000);
        QCOMPARE(attempts.at(i).result(), i % 2 == 0);
    }
}

void tst_PasswordHasher::validatePassword_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("acceptable");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("empty") << QString() << false << u"too short"_s;
    QTest::newRow("7 characters") << u"1234567"_s << false << u"too short"_s;
    QTest::newRow("8 characters") << u"12345678"_s << true << QString();
    QTest::newRow("spaces count") << u"a b c d "_s << true << QString();
    // Four emoji are eight UTF-16 units but four characters.
    QTest::newRow("4 emoji") << u"🔑🔑🔑🔑"_s << false << u"too short"_s;
    QTest::newRow("8 emoji") << u"🔑🔑🔑🔑🔑🔑🔑🔑"_s << true << QString();
    QTest::newRow("1024 characters") << QString(1024, u'x') << true << QString();
    QTest::newRow("1025 characters") << QString(1025, u'x') << false << u"too long"_s;
}

void tst_PasswordHasher::validatePassword()
{
    QFETCH(QString, password);
    QFETCH(bool, acceptable);
    QFETCH(QString, mentions);

    const QString verdict = PasswordHasher::validatePassword(password);
    QCOMPARE(verdict.isEmpty(), acceptable);
    if (!acceptable) {
        QVERIFY2(verdict.contains(mentions), qPrintable(verdict));
        QVERIFY2(verdict.endsWith(u'.'), qPrintable(verdict));
    }
}

QTEST_GUILESS_MAIN(tst_PasswordHasher)
#include "tst_passwordhasher.moc"
