#pragma once

#include "core/domainevents.h"
#include "core/records.h"
#include "mailsettings.h"
#include "smtpclient.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <optional>

namespace Frontdesk {

class MailOutboxStore;

/// @brief Sends the outbox's due mail, one at a time, and keeps the status
/// the consoles show.
///
/// Lives on the network thread; libcurl blocks, so each attempt runs on a
/// pool of one thread of its own and its outcome comes back here, where the
/// row is marked sent, retried later (MailSettings::retryDelayMs, doubling to
/// an hour) or failed (a permanent 5xx at once, anything else after a day).
/// A row is marked only after the SMTP server answered: a kill -9 during an
/// attempt sends that one mail again at the next start (with the same
/// Message-ID), never drops it.
///
/// Every change of the status is published on the bus (MailStatusChanged),
/// so the fan-out tells the consoles.
class MailSender : public QObject
{
    Q_OBJECT

public:
    MailSender(const MailSettings &settings, MailOutboxStore *outbox, DomainEventBus *events, QObject *parent = nullptr);
    ~MailSender() override;

    /// Reads the status from the outbox and starts sending what is due.
    void start();
    /// Ends the attempt in flight (as a retry, recorded before the store
    /// closes) and sends nothing more.
    void stop();
    /// Something was queued: the status counts it, and it is sent now if nothing is in flight.
    void queued();
    /// Looks for due mail now if nothing is in flight.
    void wake();
    /// Sends through @p settings from the next attempt on (one in flight
    /// finishes with the old ones). Turning mail on starts sending; turning it
    /// off sends nothing more, the queued rows stay for a later start; with
    /// mail on, the mail waiting for a retry is due at once: the new settings
    /// are why it may go through now.
    void reconfigure(const MailSettings &settings);

    [[nodiscard]] const MailStatus &status() const { return m_status; }

private:
    /// Mail was turned on (at start or by reconfigure()): the status, then what is due.
    void beginSending();
    void sendNext();
    /// After an attempt: the next one, unless stopped or mail was turned off meanwhile.
    void sendNextIfEnabled();
    void attempt(const OutboxMail &mail);
    void finish(const OutboxMail &mail, const SmtpOutcome &outcome);
    /// Waits for the next due row (or @p ms at most).
    void scheduleNext();
    void refreshStatus();

    MailSettings m_settings;
    MailOutboxStore *m_outbox;
    DomainEventBus *m_events;
    QThreadPool m_smtpThread; ///< one thread: libcurl's blocking calls
    QTimer m_timer;
    MailStatus m_status;
    std::optional<OutboxMail> m_inFlight;
    QFuture<SmtpOutcome> m_attempt;
    std::atomic_bool m_abort{false};
    bool m_busy = false; ///< a read of the outbox or an attempt is under way
    bool m_wakeAgain = false; ///< woken while busy: look again when done
    bool m_started = false; ///< start() was called (whether mail was on then or not)
    bool m_stopped = false;
};

} // namespace Frontdesk
