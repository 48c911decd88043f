#pragma once

#include "mailaddress.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace Frontdesk {

/// @brief One plain-text email, rendered as RFC 5322 bytes for SMTP.
///
/// Every header is built here from checked parts: addresses are MailAddress
/// (strict), names and the subject lose their control characters and are
/// RFC 2047 encoded-words when they are not plain ASCII, so no visitor-typed
/// text can start a header of its own. The body is UTF-8 in base64 (lines of
/// 76), which no SMTP server rewraps or mangles.
struct MailMessage {
    MailAddress from;
    MailAddress to;
    std::optional<MailAddress> replyTo;
    QString subject;
    QString body; ///< plain text; any line ending becomes CRLF
    QDateTime date; ///< invalid: now
    QByteArray messageId; ///< without the angle brackets; empty: a new one in from's domain

    /// The message as the SMTP DATA carries it (CRLF line ends).
    [[nodiscard]] QByteArray render() const;

    /// A new unique Message-ID (without brackets): 128 random bits and a time, `@domain`.
    [[nodiscard]] static QByteArray newMessageId(const QString &domain);
    /// RFC 5322's date-time in UTC: "Thu, 03 Dec 2026 13:02:24 +0000".
    [[nodiscard]] static QByteArray formatDate(const QDateTime &when);
    /// Unstructured header text (a subject): as is when it is printable
    /// ASCII, else RFC 2047 B encoded-words of at most 75 characters each,
    /// split between whole characters. Control characters become spaces.
    [[nodiscard]] static QByteArray encodeText(const QString &text);
    /// A display name: a quoted string when printable ASCII, else encoded-words.
    [[nodiscard]] static QByteArray encodePhrase(const QString &text);
};

} // namespace Frontdesk
