#pragma once

#include "chat/chatoutcome.h"
#include "chat/mailpolicy.h"
#include "core/domainevents.h"
#include "mailcomposer.h"
#include "mailsender.h"
#include "mailsettings.h"

#include <QHash>
#include <QObject>
#include <functional>

class QTimer;

namespace Frontdesk {

class ChatServices;
class MailOutboxStore;

/// @brief What Frontdesk emails, and when: a subscriber on the event bus
/// that writes each email to the outbox, and the MailSender that sends it.
///
/// - a conversation opened while no agent was online, and one nobody accepted
///   within the site's `mailUnansweredMinutes` (a timer per waiting
///   conversation; at start, the ones already waiting longer are mailed at
///   once): to the site's team address, key `team:ID`, so a conversation is
///   mailed to the team once whatever the reason and however often it restarts;
/// - an agent's reply stored while none of the visitor's connections was open,
///   when the site has `mailRepliesToAbsentVisitors` and the visitor gave an
///   email: to the visitor, key `reply:MESSAGE-ID`;
/// - a visitor's request for the transcript of their closed conversation
///   (emailTranscript(), at most one per conversation per
///   MailSettings::transcriptIntervalMs): key `transcript:ID:TIME`.
///
/// The first two come from a message: as the MailPolicy, the Mailer tells the
/// ConversationService which email a message asks for, and the store writes
/// it as a pending outbox row in the message's own transaction, so a kill -9
/// right after the commit cannot lose it and a rolled-back change is never
/// mailed. After the commit (and at start, for what a crash left pending) each
/// pending row is composed from the stored conversation and queued, or dropped
/// when there is nothing to say. The unanswered-chat email is re-derived from
/// the waiting conversations at start, and a transcript is queued before the
/// visitor is told so. Off (nothing is queued) while no SMTP server is configured.
class Mailer : public QObject, public MailPolicy
{
    Q_OBJECT

public:
    Mailer(const MailSettings &settings, MailOutboxStore *outbox, ChatServices *chat, QObject *parent = nullptr);
    ~Mailer() override;

    /// Starts the sender and the unanswered-chat timers of the conversations already waiting.
    void start();
    /// Stops the timers and the sender (see MailSender::stop()); before the store closes.
    void stop();
    /// Mails through @p settings from now on (the console's Settings, applied
    /// while the server runs). Turning mail on starts what start() would have
    /// (the pending rows, the unanswered-chat timers); turning it off notes no
    /// email for new messages and sends nothing more, leaving what is queued
    /// or pending in the outbox for when mail is on again.
    void reconfigure(const MailSettings &settings);

    [[nodiscard]] bool isEnabled() const { return m_settings.isEnabled(); }
    [[nodiscard]] MailStatus status() const { return m_sender.status(); }

    /// Queues the transcript of @p visitor's closed conversation @p conversationId
    /// to @p email (or the visitor's own email when empty). Refused with a
    /// ProtocolError when mail is off, the address is missing or invalid, the
    /// conversation is not the visitor's or not closed, or one was sent for it
    /// within the interval (rate_limited, with when to try again).
    void emailTranscript(const VisitorRecord &visitor, qint64 conversationId, const QString &email, ChatCallback<bool> done);

    // MailPolicy
    [[nodiscard]] MailOnAppend forVisitorMessage(const VisitorRecord &visitor) const override;
    [[nodiscard]] MailOnAppend forAgentReply(qint64 conversationId) const override;

private:
    using Compose = std::function<std::optional<MailMessage>(const MailContext &)>;

    void onEvent(const DomainEvent &event);
    /// Mail is on after start: the pending rows, then the waiting conversations' timers.
    void beginMailing();
    /// Composes and queues the pending rows, a batch at a time, until none is
    /// left; a call while it runs makes it look again when done.
    void composePending();
    void composeBatch(QList<OutboxMail> batch);
    /// The email pending row @p pending stands for, from its conversation's
    /// context; std::nullopt when there is nothing to say after all.
    [[nodiscard]] std::optional<MailMessage> composeFor(const OutboxMail &pending, const MailContext &context) const;
    /// Starts (or restarts) the unanswered timer of a waiting conversation.
    void watchUnanswered(qint64 conversationId, qint64 siteId, qint64 openedAt);
    void unansweredDue(qint64 conversationId, qint64 siteId, qint64 openedAt);
    void forget(qint64 conversationId);
    /// Reads @p conversationId's context, composes with @p compose (nothing
    /// queued when it gives nothing) and queues it under @p key.
    /// @p done, when given, hears true once queued (or queued before), or why not.
    void enqueueAbout(qint64 conversationId, const QString &key, MailRecipientKind kind, Compose compose,
                      ChatCallback<bool> done = {});
    [[nodiscard]] std::optional<MailAddress> teamAddress(qint64 siteId) const;

    MailSettings m_settings;
    MailOutboxStore *m_outbox;
    ChatServices *m_chat;
    MailSender m_sender;
    int m_subscription = 0;
    QHash<qint64, QTimer *> m_unanswered; ///< waiting conversation id → its timer
    QHash<qint64, qint64> m_lastTranscript; ///< conversation id → when its last transcript was asked for
    bool m_started = false;
    bool m_stopped = false;
    bool m_composing = false;
    bool m_composeAgain = false;
};

} // namespace Frontdesk
