// The parts of an email Frontdesk builds itself: addresses checked strictly,
// headers no visitor text can break out of, RFC 2047 subjects, RFC 5322
// dates, the body's encoding, the retry schedule and the settings' parsing.
#include "mail/mailcomposer.h"
#include "mail/mailmessage.h"
#include "mail/mailsettings.h"

#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

/// @brief MailAddress, MailMessage, MailComposer and MailSettings alone.
class tst_MailMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addresses_data();
    void addresses();
    void namedAddresses();
    void subjectsAreEncodedWords_data();
    void subjectsAreEncodedWords();
    void noHeaderFromVisitorText();
    void dateAndMessageId();
    void bodyIsBase64WithCrlf();
    void retryDelaysDoubleToTheCap();
    void settings();
    void composerKeepsOutUnsafeLinks();
    void composerFillsPlaceholdersOnce();
    void emailsInTheChatsLanguage_data();
    void emailsInTheChatsLanguage();
};

void tst_MailMessage::addresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"ann@shop.example"_s << true;
    QTest::newRow("plus and dots") << u"ann.b+chat@mail.shop.example"_s << true;
    QTest::newRow("no domain dot") << u"ann@localhost"_s << false;
    QTest::newRow("CRLF") << u"ann@shop.example\r\nBcc: x@y.example"_s << false;
    QTest::newRow("two") << u"a@b.example, c@d.example"_s << false;
    QTest::newRow("angle") << u"<a@b.example>"_s << false;
    QTest::newRow("space") << u"a b@c.example"_s << false;
    QTest::newRow("quoted local") << u"\"a\"@b.example"_s << false;
    QTest::newRow("double dot") << u"a..b@c.example"_s << false;
    QTest::newRow("leading dot") << u".a@c.example"_s << false;
    QTest::newRow("hyphen label end") << u"a@c-.example"_s << false;
    QTest::newRow("non-ASCII") << u"zoë@shop.example"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("long local") << QString(65, u'a') + u"@b.example"_s << false;
    QTest::newRow("NUL") << (u"a"_s + QChar(u'\0') + u"@b.example"_s) << false;
}

void tst_MailMessage::addresses()
{
    QFETCH(QString, address);
    QFETCH(bool, valid);
    QCOMPARE(MailAddress::isValidAddress(address), valid);
}

void tst_MailMessage::namedAddresses()
{
    const auto named = MailAddress::parse(u"Shop support <chat@shop.example>"_s);
    QVERIFY(named);
    QCOMPARE(named->name, u"Shop support"_s);
    QCOMPARE(named->address, u"chat@shop.example"_s);
    QCOMPARE(named->toHeader(), QByteArray("\"Shop support\" <chat@shop.example>"));
    const auto quoted = MailAddress::parse(u"\"Zoë \\\"Z\\\"\" <z@shop.example>"_s);
    QVERIFY(quoted);
    QVERIFY(quoted->toHeader().startsWith("=?UTF-8?B?"));
    QVERIFY(!MailAddress::parse(u"Shop <a@b.example> <c@d.example>"_s));
    QVERIFY(!MailAddress::parse(u"Shop <a@b.example>, c@d.example"_s));
    const MailAddress quotedName{u"a \"quoted\" \\ name"_s, u"a@b.example"_s};
    QCOMPARE(quotedName.toHeader(), QByteArray("\"a \\\"quoted\\\" \\\\ name\" <a@b.example>"));
}

void tst_MailMessage::subjectsAreEncodedWords_data()
{
    QTest::addColumn<QString>("subject");
    QTest::newRow("accents") << u"Café Zoë"_s;
    QTest::newRow("emoji") << u"Chat ☕ 😀 from Zoë"_s;
    QTest::newRow("long CJK") << QString(80, QChar(0x4e2d));
    QTest::newRow("looks encoded") << u"=?UTF-8?B?aGk=?="_s;
}

void tst_MailMessage::subjectsAreEncodedWords()
{
    QFETCH(QString, subject);
    const QByteArray encoded = MailMessage::encodeText(subject);
    // Each word at most 75 characters, folded with CRLF + space, whole
    // characters in each: decoding the words one by one gives the text back.
    QString decoded;
    for (const QByteArray &line : encoded.split('\n')) {
        const QByteArray word = line.trimmed();
        QVERIFY2(word.size() <= 75, word.constData());
        QVERIFY(word.startsWith("=?UTF-8?B?") && word.endsWith("?="));
        const QByteArray bytes = QByteArray::fromBase64(word.mid(10, word.size() - 12));
        QCOMPARE(QString::fromUtf8(bytes).toUtf8(), bytes); // no split character
        decoded += QString::fromUtf8(bytes);
    }
    QCOMPARE(decoded, subject);
    QCOMPARE(MailMessage::encodeText(u"Plain subject"_s), QByteArray("Plain subject"));
}

void tst_MailMessage::noHeaderFromVisitorText()
{
    MailMessage mail;
    mail.from = MailAddress{u"Frontdesk"_s, u"chat@frontdesk.example"_s};
    mail.to = MailAddress{u"Team\r\nBcc: evil@x.example"_s, u"team@shop.example"_s};
    mail.replyTo = MailAddress{u"Zoë\nX-Injected: 1"_s, u"zoe@visitor.example"_s};
    mail.subject = u"Hello\r\nBcc: evil@x.example\r\n\r\nbody"_s;
    mail.body = u"line one\nBcc: not a header\r\n"_s;
    const QByteArray rendered = mail.render();
    const QByteArray headers = rendered.left(rendered.indexOf("\r\n\r\n") + 2);
    // Every header line starts with a known name or is a folded continuation.
    const QList<QByteArray> known{"From:",          "To:",           "Reply-To:",
                                  "Subject:",       "Date:",         "Message-ID:",
                                  "MIME-Version:",  "Content-Type:", "Content-Transfer-Encoding:",
                                  "Auto-Submitted:"};
    for (const QByteArray &line : headers.split('\n')) {
        if (line.isEmpty())
            continue;
        QVERIFY2(line.endsWith('\r'), line.constData()); // no bare LF
        const bool continuation = line.startsWith(' ');
        bool isKnown = false;
        for (const QByteArray &name : known)
            isKnown = isKnown || line.startsWith(name);
        QVERIFY2(continuation || isKnown, line.constData());
    }
    // The text stays (inside a quoted name or the subject), never as a header of its own.
    QVERIFY(!headers.contains("\r\nBcc:"));
    QVERIFY(!headers.contains("\r\nX-Injected:"));
    QCOMPARE(headers.count("\r\nSubject:"), 1);
    QVERIFY(headers.contains("Subject: Hello Bcc: evil@x.example body\r\n"));
}

void tst_MailMessage::dateAndMessageId()
{
    const QDateTime when(QDate(2026, 12, 3), QTime(13, 2, 24), Qt::UTC);
    QCOMPARE(MailMessage::formatDate(when), QByteArray("Thu, 03 Dec 2026 13:02:24 +0000"));
    const QByteArray a = MailMessage::newMessageId(u"shop.example"_s);
    const QByteArray b = MailMessage::newMessageId(u"shop.example"_s);
    QVERIFY(a != b);
    QVERIFY(a.endsWith("@shop.example"));
    MailMessage mail;
    mail.from = MailAddress{QString(), u"chat@shop.example"_s};
    mail.to = mail.from;
    mail.date = when;
    QVERIFY(mail.render().contains("\r\nDate: Thu, 03 Dec 2026 13:02:24 +0000\r\n"));
    QVERIFY(mail.render().contains("@shop.example>\r\n"));
}

void tst_MailMessage::bodyIsBase64WithCrlf()
{
    MailMessage mail;
    mail.from = MailAddress{QString(), u"chat@shop.example"_s};
    mail.to = mail.from;
    mail.body = u"Zoë wrote:\n"_s + QString(200, u'x') + u"\nend"_s;
    const QByteArray rendered = mail.render();
    const QByteArray body = rendered.mid(rendered.indexOf("\r\n\r\n") + 4);
    for (const QByteArray &line : body.split('\n'))
        QVERIFY(line.size() <= 77); // 76 and the CR
    QCOMPARE(QString::fromUtf8(QByteArray::fromBase64(QByteArray(body).replace("\r\n", ""))),
             u"Zoë wrote:\r\n"_s + QString(200, u'x') + u"\r\nend"_s);
}

void tst_MailMessage::retryDelaysDoubleToTheCap()
{
    MailSettings settings;
    QCOMPARE(settings.retryDelayMs(1), qint64(30 * 1000));
    QCOMPARE(settings.retryDelayMs(2), qint64(60 * 1000));
    QCOMPARE(settings.retryDelayMs(3), qint64(120 * 1000));
    QCOMPARE(settings.retryDelayMs(8), qint64(3600 * 1000)); // 30 s · 2^7 = 64 min, capped at an hour
    QCOMPARE(settings.retryDelayMs(100), qint64(3600 * 1000));
}

void tst_MailMessage::settings()
{
    QUrl url;
    QString error;
    QVERIFY(MailSettings::parseUrl(u"smtp://mail.shop.example"_s, &url, &error));
    QCOMPARE(url.toString(), u"smtp://mail.shop.example:587"_s);
    QVERIFY(MailSettings::parseUrl(u"smtps://mail.shop.example"_s, &url, &error));
    QCOMPARE(url.port(), 465);
    QVERIFY(!MailSettings::parseUrl(u"http://mail.shop.example"_s, &url, &error));
    QVERIFY(!MailSettings::parseUrl(u"smtp://user:pw@mail.shop.example"_s, &url, &error));
    QVERIFY(error.contains(u"without a user or password"_s));
    QVERIFY(MailSettings::parseUrl(QString(), &url, &error));
    QVERIFY(url.isEmpty());

    MailSettings mail;
    QVERIFY(MailSettings::parseUrl(u"smtp://mail.shop.example"_s, &mail.smtpUrl, &error));
    QVERIFY(!mail.validate(&error)); // no From
    QVERIFY(error.contains(u"--smtp-from"_s));
    QVERIFY(MailSettings::parseFrom(u"Shop <chat@shop.example>"_s, &mail.from, &error));
    QVERIFY(mail.validate(&error));
    mail.allowPlain = true;
    mail.user = u"shop"_s;
    QVERIFY(!mail.validate(&error)); // a password in the clear over the network
    QVERIFY(MailSettings::parseUrl(u"smtp://127.0.0.1:25"_s, &mail.smtpUrl, &error));
    QVERIFY(mail.validate(&error));
}

void tst_MailMessage::composerKeepsOutUnsafeLinks()
{
    MailContext context;
    context.site.name = u"Shop"_s;
    context.conversation.id = 42;
    context.visitor.email = u"ann@visitor.example"_s;
    context.lastPage.url = u"javascript:alert(1)"_s;
    MessageRecord reply;
    reply.authorKind = AuthorKind::Agent;
    reply.authorName = u"Bob"_s;
    reply.body = u"Hi"_s;
    const MailAddress from{QString(), u"chat@shop.example"_s};
    const MailMessage toVisitor
        = MailComposer::replyToVisitor(context, reply, from, MailAddress{QString(), context.visitor.email});
    QVERIFY(!toVisitor.body.contains(u"javascript:"_s));
    const MailMessage toTeam = MailComposer::teamNotice(context, MailComposer::TeamReason::Offline, 0, from,
                                                        MailAddress{QString(), u"t@shop.example"_s});
    QVERIFY(toTeam.body.contains(u"frontdesk://conversation/42"_s));
    QCOMPARE(toTeam.replyTo->address, u"ann@visitor.example"_s);
    context.visitor.email = u"not an address"_s;
    QVERIFY(!MailComposer::teamNotice(context, MailComposer::TeamReason::Offline, 0, from, toTeam.to).replyTo);
}

// A visitor's name is text, never a placeholder: "%1" in it stays "%1".
void tst_MailMessage::composerFillsPlaceholdersOnce()
{
    MailContext context;
    context.site.name = u"Shop %2"_s;
    context.conversation.id = 42;
    context.visitor.name = u"Eve %1 %3 %4"_s;
    const MailAddress from{QString(), u"chat@shop.example"_s};
    const MailAddress team{QString(), u"t@shop.example"_s};
    const MailMessage offline = MailComposer::teamNotice(context, MailComposer::TeamReason::Offline, 0, from, team);
    QCOMPARE(offline.subject, u"[Shop %2] Message from Eve %1 %3 %4 while nobody was online (chat #42)"_s);
    const MailMessage waited = MailComposer::teamNotice(context, MailComposer::TeamReason::Unanswered, 5, from, team);
    QCOMPARE(waited.subject, u"[Shop %2] Eve %1 %3 %4 has waited 5 minutes, nobody accepted (chat #42)"_s);
    QVERIFY2(waited.body.startsWith(u"Eve %1 %3 %4 started a chat on Shop %2 that nobody accepted within 5 minutes.\n"_s),
             qPrintable(waited.body));
}

void tst_MailMessage::emailsInTheChatsLanguage_data()
{
    QTest::addColumn<QString>("siteLocale");
    QTest::addColumn<QString>("browser");
    QTest::addColumn<QString>("visitorSubject");
    QTest::addColumn<QString>("teamSubjectStart");
    // The widget's choice: the site's locale when set, else the browser's.
    QTest::newRow("browser French") << u"auto"_s << u"fr-CA"_s << u"Bob a répondu à votre chat avec Café"_s
                                    << u"[Café] Message from"_s;
    QTest::newRow("browser German") << QString() << u"de_DE"_s << u"Bob hat auf Ihren Chat mit Café geantwortet"_s
                                    << u"[Café] Message from"_s;
    QTest::newRow("site Spanish") << u"es"_s << u"de-DE"_s << u"Bob respondió a su chat con Café"_s
                                  << u"[Café] Mensaje de Ann mientras nadie"_s;
    QTest::newRow("unknown language") << u"auto"_s << u"ja-JP"_s << u"Bob replied to your chat with Café"_s
                                      << u"[Café] Message from"_s;
    QTest::newRow("hostile tag") << u"../../etc"_s << u"\u202e"_s << u"Bob replied to your chat with Café"_s
                                 << u"[Café] Message from"_s;
}

void tst_MailMessage::emailsInTheChatsLanguage()
{
    QFETCH(QString, siteLocale);
    QFETCH(QString, browser);
    QFETCH(QString, visitorSubject);
    QFETCH(QString, teamSubjectStart);
    MailContext context;
    context.site.name = u"Café"_s;
    if (!siteLocale.isEmpty())
        context.site.widgetSettings.insert(u"locale"_s, siteLocale);
    context.conversation.id = 7;
    context.visitor.name = u"Ann"_s;
    context.visitor.email = u"ann@visitor.example"_s;
    context.visitor.attributes.insert(u"locale"_s, browser);
    MessageRecord reply;
    reply.authorKind = AuthorKind::Agent;
    reply.authorName = u"Bob"_s;
    reply.body = u"Hi"_s;
    const MailAddress from{QString(), u"chat@shop.example"_s};
    const MailMessage toVisitor
        = MailComposer::replyToVisitor(context, reply, from, MailAddress{u"Ann"_s, context.visitor.email});
    QCOMPARE(toVisitor.subject, visitorSubject);
    const MailMessage toTeam = MailComposer::teamNotice(context, MailComposer::TeamReason::Offline, 0, from,
                                                        MailAddress{QString(), u"t@shop.example"_s});
    QVERIFY2(toTeam.subject.startsWith(teamSubjectStart), qPrintable(toTeam.subject));
    // The rendered message carries it intact (UTF-8, encoded words).
    QVERIFY(!toVisitor.render().isEmpty());
}

QTEST_GUILESS_MAIN(tst_MailMessage)
#include "tst_mailmessage.moc"
