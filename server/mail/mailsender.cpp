#include "mailsender.h"

#include "core/continuewith.h"
#include "store/mailoutboxstore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMail, "frontdesk.mail")

namespace Frontdesk {

namespace {

// QTimer takes int milliseconds; a row due later is looked at again after this.
constexpr qint64 maxWaitMs = 3600 * 1000;

void logSendingThrough(const MailSettings &settings, QStringView when)
{
    qCInfo(lcMail).noquote() << "sending mail through" << settings.smtpUrl.toString() << "as" << settings.from.toString()
                             << (settings.user.isEmpty() ? u"without AUTH"_s : u"as user "_s + settings.user) << when;
}

} // namespace

MailSender::MailSender(const MailSettings &settings, MailOutboxStore *outbox, DomainEventBus *events, QObject *parent)
    : QObject(parent), m_settings(settings), m_outbox(outbox), m_events(events), m_timer(this)
{
    m_smtpThread.setMaxThreadCount(1);
    m_smtpThread.setObjectName(u"smtp"_s);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MailSender::wake);
    m_status.enabled = settings.isEnabled();
}

MailSender::~MailSender()
{
    stop();
}

void MailSender::start()
{
    if (m_stopped || m_started)
        return;
    m_started = true;
    if (m_settings.isEnabled())
        beginSending();
}

void MailSender::beginSending()
{
    logSendingThrough(m_settings, {});
    refreshStatus();
    wake();
}

void MailSender::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_timer.stop();
    m_abort = true;
    if (m_inFlight) {
        // Recorded now, while the store still takes calls (it commits them
        // all before closing); the continuation will find nothing in flight.
        m_attempt.waitForFinished();
        const OutboxMail mail = *m_inFlight;
        finish(mail, m_attempt.result());
    }
    m_smtpThread.waitForDone();
}

void MailSender::queued()
{
    if (m_stopped || !m_settings.isEnabled())
        return;
    refreshStatus();
    wake();
}

void MailSender::wake()
{
    if (m_stopped || !m_settings.isEnabled())
        return;
    if (m_busy) {
        m_wakeAgain = true;
        return;
    }
    sendNext();
}

void MailSender::reconfigure(const MailSettings &settings)
{
    if (m_stopped)
        return;
    const bool wasEnabled = m_settings.isEnabled();
    m_settings = settings;
    if (!m_started)
        return; // start() begins with these
    if (!settings.isEnabled()) {
        if (wasEnabled)
            qCInfo(lcMail).noquote() << "mail is off now; what is queued stays queued";
        m_timer.stop();
        refreshStatus(); // enabled: false
        return;
    }
    if (!wasEnabled) {
        beginSending();
        return;
    }
    logSendingThrough(m_settings, u"from now on");
    continueWith(m_outbox->retryQueuedNow(QDateTime::currentMSecsSinceEpoch()), this, [this](const StoreResult<int> &due) {
        if (!due.ok())
            qCWarning(lcMail).noquote() << "could not make the queued mail due:" << due.message;
        else if (due.value > 0)
            qCInfo(lcMail).noquote() << due.value << "queued mail retried now";
        refreshStatus();
        wake();
    });
}

void MailSender::sendNextIfEnabled()
{
    if (m_stopped)
        return;
    if (!m_settings.isEnabled()) {
        m_busy = false;
        return;
    }
    sendNext();
}

void MailSender::sendNext()
{
    m_busy = true;
    m_wakeAgain = false;
    m_timer.stop();
    continueWith(m_outbox->nextDue(QDateTime::currentMSecsSinceEpoch()), this,
                 [this](const StoreResult<std::optional<OutboxMail>> &due) {
                     if (m_stopped)
                         return;
                     if (!m_settings.isEnabled()) {
                         m_busy = false; // turned off meanwhile
                         return;
                     }
                     if (!due.ok()) {
                         qCWarning(lcMail).noquote() << "could not read the mail outbox:" << due.message;
                         m_busy = false;
                         m_timer.start(int(std::min(m_settings.retryFirstMs, maxWaitMs)));
                         return;
                     }
                     if (!due.value) {
                         scheduleNext();
                         return;
                     }
                     attempt(*due.value);
                 });
}

void MailSender::attempt(const OutboxMail &mail)
{
    m_inFlight = mail;
    const MailSettings settings = m_settings;
    const std::atomic_bool *abort = &m_abort;
    m_attempt = QtConcurrent::run(&m_smtpThread, [settings, mail, abort] {
        return SmtpClient::send(settings, settings.from.address, mail.recipient, mail.message, abort);
    });
    continueWith(m_attempt, this, [this, id = mail.id](const SmtpOutcome &outcome) {
        if (!m_inFlight || m_inFlight->id != id)
            return; // recorded by stop()
        const OutboxMail done = *m_inFlight;
        finish(done, outcome);
        sendNextIfEnabled();
    });
}

void MailSender::finish(const OutboxMail &mail, const SmtpOutcome &outcome)
{
    m_inFlight.reset();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (outcome.kind == SmtpOutcome::Kind::Sent) {
        qCInfo(lcMail).noquote() << "sent mail" << mail.key << "to the" << toString(mail.recipientKind) << "at" << mail.recipient;
        m_outbox->markSent(mail.id, now);
    } else {
        const int attempts = mail.attempts + 1;
        const qint64 next = now + m_settings.retryDelayMs(attempts);
        const bool giveUp = outcome.kind == SmtpOutcome::Kind::Rejected || next - mail.createdAt > m_settings.giveUpAfterMs;
        if (giveUp)
            qCWarning(lcMail).noquote() << "gave up on mail" << mail.key << "to" << mail.recipient << "after" << attempts
                                        << "attempts:" << outcome.sentence;
        else
            qCInfo(lcMail).noquote() << "mail" << mail.key << "to" << mail.recipient << "failed (attempt" << attempts
                                     << "), retrying in" << (next - now) / 1000 << "s:" << outcome.sentence;
        m_outbox->markFailedAttempt(mail.id, attempts, next, giveUp, outcome.sentence, now);
    }
    refreshStatus();
}

void MailSender::scheduleNext()
{
    continueWith(m_outbox->nextDueAt(), this, [this](const StoreResult<qint64> &next) {
        if (m_stopped)
            return;
        m_busy = false;
        if (m_wakeAgain) {
            sendNextIfEnabled();
            return;
        }
        if (!next.ok() || next.value == 0)
            return; // nothing queued: wake() comes with the next mail
        const qint64 wait = std::clamp<qint64>(next.value - QDateTime::currentMSecsSinceEpoch(), 0, maxWaitMs);
        m_timer.start(int(wait));
    });
}

void MailSender::refreshStatus()
{
    // Queued after the marks above, so it reads them.
    continueWith(m_outbox->status(), this, [this](const StoreResult<MailStatus> &read) {
        if (!read.ok() || m_stopped)
            return;
        MailStatus status = read.value;
        status.enabled = m_settings.isEnabled();
        if (status == m_status)
            return;
        m_status = status;
        m_events->publish(Events::MailStatusChanged{m_status});
    });
}

} // namespace Frontdesk
