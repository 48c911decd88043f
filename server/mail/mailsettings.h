#pragma once

#include "mailaddress.h"

#include <QString>
#include <QUrl>

namespace Frontdesk {

/// @brief The server's SMTP settings (`--smtp-*`, the configuration file's
/// `[server]` section) and the outbox's timing.
///
/// Mail is off while no SMTP URL is set: nothing is queued then. The
/// password is never a setting of the file or the command line: it comes
/// from FRONTDESK_SMTP_PASSWORD or the secret store (app/main.cpp).
struct MailSettings {
    /// smtp://HOST[:PORT] (STARTTLS required unless allowPlain) or smtps://HOST[:PORT] (TLS from the start).
    QUrl smtpUrl;
    QString user; ///< empty: no AUTH
    QString password;
    MailAddress from; ///< the From of every email, e.g. "Shop support <chat@shop.example>"
    QString caBundlePath; ///< PEM roots to trust for the SMTP server's certificate (a private CA); empty: the system's
    bool allowPlain = false; ///< smtp:// without TLS (a relay on localhost); never the default

    // The outbox's timing (--limit mail-*): a failed attempt is retried after
    // retryFirstMs, doubling up to retryMaxMs, until giveUpAfterMs after the
    // mail was queued.
    qint64 retryFirstMs = 30 * 1000;
    qint64 retryMaxMs = 3600 * 1000;
    qint64 giveUpAfterMs = 24 * 3600 * 1000;
    qint64 transcriptIntervalMs = 5 * 60 * 1000; ///< one transcript request per conversation per this
    qint64 smtpTimeoutMs = 30 * 1000; ///< one attempt, connection to QUIT

    [[nodiscard]] bool isEnabled() const { return !smtpUrl.isEmpty(); }
    /// How long to wait after the @p attempts-th failed attempt (1 for the first).
    [[nodiscard]] qint64 retryDelayMs(int attempts) const;
    /// The settings together: a From when an URL is set, TLS unless plain was asked for.
    [[nodiscard]] bool validate(QString *error) const;

    /// Parses --smtp-url; false with a sentence.
    [[nodiscard]] static bool parseUrl(const QString &text, QUrl *url, QString *error);
    /// Parses --smtp-from; false with a sentence.
    [[nodiscard]] static bool parseFrom(const QString &text, MailAddress *from, QString *error);
    /// "true"/"false", "yes"/"no", "1"/"0", "on"/"off"; false with a sentence naming @p option.
    [[nodiscard]] static bool parseBool(const QString &text, const QString &option, bool *value, QString *error);
};

} // namespace Frontdesk
