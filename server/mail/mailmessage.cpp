#include "mailmessage.h"

#include <QLocale>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

bool isPrintableAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

QString withoutControls(const QString &text)
{
    QString clean = text;
    for (QChar &c : clean) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return clean;
}

// RFC 2047 B encoding, each encoded-word at most 75 characters (12 of them
// "=?UTF-8?B?" and "?="), so at most 45 bytes of UTF-8 each, never splitting
// a character; words are joined by folding whitespace.
QByteArray encodedWords(const QString &text)
{
    QList<QByteArray> words;
    QByteArray chunk;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype length = text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QByteArray bytes = text.mid(i, length).toUtf8();
        i += length - 1;
        if (chunk.size() + bytes.size() > 45) {
            words.append(chunk);
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty())
        words.append(chunk);
    QByteArray out;
    for (const QByteArray &word : std::as_const(words)) {
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + word.toBase64() + "?=";
    }
    return out;
}

} // namespace

QByteArray MailMessage::encodeText(const QString &text)
{
    const QString clean = withoutControls(text).simplified();
    // Long ASCII subjects stay one line: 998 is SMTP's limit, far beyond the ones made here.
    if (isPrintableAscii(clean) && clean.size() < 900 && !clean.contains(u"=?"_s))
        return clean.toLatin1();
    return encodedWords(clean);
}

QByteArray MailMessage::encodePhrase(const QString &text)
{
    const QString clean = withoutControls(text).simplified();
    if (isPrintableAscii(clean) && !clean.contains(u"=?"_s)) {
        QByteArray quoted = clean.toLatin1();
        quoted.replace('\\', "\\\\").replace('"', "\\\"");
        return '"' + quoted + '"';
    }
    return encodedWords(clean);
}

QByteArray MailMessage::newMessageId(const QString &domain)
{
    quint64 random[2];
    QRandomGenerator::system()->fillRange(random);
    const QByteArray unique = QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
    return QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 36) + '.' + unique + '@' + domain.toLatin1();
}

QByteArray MailMessage::formatDate(const QDateTime &when)
{
    // The C locale: day and month names are English in RFC 5322, whatever the user's locale.
    return QLocale::c().toString(when.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss"_s).toLatin1() + " +0000";
}

QByteArray MailMessage::render() const
{
    QByteArray out;
    const auto header = [&out](const char *name, const QByteArray &value) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    };
    header("From", from.toHeader());
    header("To", to.toHeader());
    if (replyTo)
        header("Reply-To", replyTo->toHeader());
    header("Subject", encodeText(subject));
    header("Date", formatDate(date.isValid() ? date : QDateTime::currentDateTimeUtc()));
    header("Message-ID", '<' + (messageId.isEmpty() ? newMessageId(from.domain()) : messageId) + '>');
    header("MIME-Version", "1.0");
    header("Content-Type", "text/plain; charset=UTF-8");
    header("Content-Transfer-Encoding", "base64");
    // RFC 3834: made by a program, so autoresponders do not answer it.
    header("Auto-Submitted", "auto-generated");
    out += "\r\n";
    QString text = body;
    text.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    text.replace(u"\n"_s, u"\r\n"_s);
    const QByteArray encoded = text.toUtf8().toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76) {
        out += encoded.mid(i, 76);
        out += "\r\n";
    }
    return out;
}

} // namespace Frontdesk
