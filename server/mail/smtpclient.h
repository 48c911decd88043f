#pragma once

#include "mailsettings.h"

#include <QByteArray>
#include <QString>
#include <atomic>

namespace Frontdesk {

/// @brief What one SMTP attempt came to.
struct SmtpOutcome {
    enum class Kind {
        Sent, ///< the server accepted the message (250 after DATA)
        Retry, ///< a temporary failure: 4xx, no connection, TLS or AUTH trouble, a timeout
        Rejected, ///< a permanent 5xx for this message (550 bad recipient, 552 too big): retrying cannot help
    };
    Kind kind = Kind::Retry;
    int code = 0; ///< the SMTP server's last reply code; 0 when it never answered
    /// The SMTP server's own sentence for a failure ("550 5.1.1 <x@y>: Recipient
    /// address rejected"), else curl's ("Failed to connect to ... Connection refused").
    QString sentence;
};

/// @brief Sends one message over SMTP with libcurl (TLS, STARTTLS, AUTH).
///
/// Blocking: call it from a worker thread, never the network or GUI thread
/// (MailSender runs it on a thread of its own). libcurl speaks the protocol;
/// this class only sets it up and reads back what the server said: curl's
/// error buffer says only "RCPT failed: 550", so the server's reply lines are
/// taken from CURLOPT_DEBUGFUNCTION's CURLINFO_HEADER_IN.
class SmtpClient
{
public:
    /// Sends @p message from @p envelopeFrom to @p recipient. A set @p abort
    /// ends the attempt within a second or so (shutdown), as a Retry.
    [[nodiscard]] static SmtpOutcome send(const MailSettings &settings, const QString &envelopeFrom, const QString &recipient,
                                          const QByteArray &message, const std::atomic_bool *abort = nullptr);
};

} // namespace Frontdesk
