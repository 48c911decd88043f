#include "mailer.h"

#include "chat/chatservices.h"
#include "core/continuewith.h"
#include "store/mailoutboxstore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcMail)

namespace Frontdesk {

namespace {

// QTimer takes int milliseconds: a longer wait is taken in steps.
constexpr qint64 maxTimerMs = 24LL * 3600 * 1000;

} // namespace

Mailer::Mailer(const MailSettings &settings, MailOutboxStore *outbox, ChatServices *chat, QObject *parent)
    : QObject(parent), m_settings(settings), m_outbox(outbox), m_chat(chat), m_sender(settings, outbox, chat->events(), this)
{
    // After the presence service and the fan-out: it reads who is online after the change.
    m_subscription = m_chat->events()->subscribe([this](const DomainEvent &event) { onEvent(event); });
}

Mailer::~Mailer()
{
    stop();
    m_chat->events()->unsubscribe(m_subscription);
}

void Mailer::start()
{
    if (!isEnabled())
        return;
    m_sender.start();
    continueWith(m_outbox->waitingConversations(), this, [this](const StoreResult<QList<ConversationRecord>> &waiting) {
        if (!waiting.ok()) {
            qCWarning(lcMail).noquote() << "could not read the waiting conversations for the unanswered-chat emails:"
                                        << waiting.message;
            return;
        }
        for (const ConversationRecord &c : waiting.value)
            watchUnanswered(c.id, c.siteId, c.createdAt);
    });
}

void Mailer::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    qDeleteAll(m_unanswered);
    m_unanswered.clear();
    m_sender.stop();
}

void Mailer::onEvent(const DomainEvent &event)
{
    if (!isEnabled() || m_stopped)
        return;
    std::visit(Overloaded{
                   [this](const Events::ConversationOpened &e) { conversationOpened(e.summary); },
                   [this](const Events::MessageStored &e) {
                       if (e.message.authorKind == AuthorKind::Agent)
                           agentReplied(e);
                   },
                   [this](const Events::ConversationAccepted &e) { forget(e.conversation.id); },
                   [this](const Events::ConversationTransferred &e) { forget(e.conversation.id); },
                   [this](const Events::ConversationClosed &e) { forget(e.conversation.id); },
                   [this](const Events::VisitorErased &e) {
                       for (const qint64 id : e.conversationIds)
                           forget(id);
                   },
                   [this](const Events::SiteDeleted &e) {
                       for (const qint64 id : e.deletion.openConversationIds)
                           forget(id);
                   },
                   [](const auto &) {},
               },
               event);
}

std::optional<MailAddress> Mailer::teamAddress(qint64 siteId) const
{
    const std::optional<SiteRecord> site = m_chat->sites()->byId(siteId);
    if (!site || !MailAddress::isValidAddress(site->mailTeamAddress))
        return std::nullopt;
    return MailAddress{site->name + u" team"_s, site->mailTeamAddress};
}

void Mailer::conversationOpened(const ConversationSummary &summary)
{
    const ConversationRecord &c = summary.conversation;
    if (m_chat->presence()->agentsOnline() == 0 && teamAddress(c.siteId)) {
        // An offline-form message: the visitor was told "we'll get back to you by email".
        const MailAddress from = m_settings.from;
        enqueueAbout(c.id, u"team:%1"_s.arg(c.id), MailRecipientKind::Team,
                     [this, from](const MailContext &context) -> std::optional<MailMessage> {
                         const auto to = teamAddress(context.site.id);
                         if (!to)
                             return std::nullopt;
                         return MailComposer::teamNotice(context, MailComposer::TeamReason::Offline, 0, from, *to);
                     });
    }
    if (c.status == ConversationStatus::Waiting)
        watchUnanswered(c.id, c.siteId, c.createdAt);
}

void Mailer::watchUnanswered(qint64 conversationId, qint64 siteId, qint64 openedAt)
{
    const std::optional<SiteRecord> site = m_chat->sites()->byId(siteId);
    // Read again when the timer fires: an admin may change the minutes meanwhile.
    const int minutes = site ? site->mailUnansweredMinutes : 0;
    if (minutes <= 0 || !teamAddress(siteId))
        return;
    const qint64 due = openedAt + qint64(minutes) * 60 * 1000;
    const qint64 wait = std::clamp<qint64>(due - QDateTime::currentMSecsSinceEpoch(), 0, maxTimerMs);
    QTimer *timer = m_unanswered.value(conversationId);
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this,
                [this, conversationId, siteId, openedAt] { unansweredDue(conversationId, siteId, openedAt); });
        m_unanswered.insert(conversationId, timer);
    }
    timer->start(int(wait));
}

void Mailer::unansweredDue(qint64 conversationId, qint64 siteId, qint64 openedAt)
{
    const std::optional<SiteRecord> site = m_chat->sites()->byId(siteId);
    const int minutes = site ? site->mailUnansweredMinutes : 0;
    if (minutes <= 0 || !teamAddress(siteId)) {
        forget(conversationId);
        return;
    }
    if (QDateTime::currentMSecsSinceEpoch() < openedAt + qint64(minutes) * 60 * 1000) {
        watchUnanswered(conversationId, siteId, openedAt); // the minutes grew, or a long wait's next step
        return;
    }
    forget(conversationId);
    const MailAddress from = m_settings.from;
    enqueueAbout(conversationId, u"team:%1"_s.arg(conversationId), MailRecipientKind::Team,
                 [this, from, minutes](const MailContext &context) -> std::optional<MailMessage> {
                     const auto to = teamAddress(context.site.id);
                     // Accepted (or closed) between the timer and this read: nothing to tell.
                     if (!to || context.conversation.status != ConversationStatus::Waiting)
                         return std::nullopt;
                     return MailComposer::teamNotice(context, MailComposer::TeamReason::Unanswered, minutes, from, *to);
                 });
}

void Mailer::forget(qint64 conversationId)
{
    if (QTimer *timer = m_unanswered.take(conversationId))
        timer->deleteLater();
}

void Mailer::agentReplied(const Events::MessageStored &stored)
{
    const std::optional<SiteRecord> site = m_chat->sites()->byId(stored.conversation.siteId);
    if (!site || !site->mailRepliesToAbsentVisitors)
        return;
    if (m_chat->presence()->isVisitorOnline(stored.conversation.visitorId))
        return; // the widget shows it; a tab that is open but hidden is the widget's to notice
    const MailAddress from = m_settings.from;
    const MessageRecord reply = stored.message;
    enqueueAbout(stored.conversation.id, u"reply:%1"_s.arg(reply.id), MailRecipientKind::Visitor,
                 [from, reply](const MailContext &context) -> std::optional<MailMessage> {
                     const QString email = context.visitor.email.trimmed();
                     if (!MailAddress::isValidAddress(email))
                         return std::nullopt; // no address, or one we will not put in a header
                     return MailComposer::replyToVisitor(context, reply, from, MailAddress{context.visitor.name, email});
                 });
}

void Mailer::emailTranscript(const VisitorRecord &visitor, qint64 conversationId, const QString &email, ChatCallback<bool> done)
{
    if (!isEnabled())
        return done(ProtocolError::make(ErrorCode::Conflict, u"This chat server does not send email."_s));
    const QString address = email.trimmed().isEmpty() ? visitor.email.trimmed() : email.trimmed();
    if (address.isEmpty())
        return done(ProtocolError::make(ErrorCode::MissingField, u"Give the email address to send the transcript to."_s));
    if (!MailAddress::isValidAddress(address))
        return done(ProtocolError::make(ErrorCode::InvalidField,
                                        u"\"%1\" does not look like an email address."_s.arg(address.left(254))));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 last = m_lastTranscript.value(conversationId, 0);
    if (last > 0 && now - last < m_settings.transcriptIntervalMs)
        return done(ProtocolError::rateLimited(last + m_settings.transcriptIntervalMs - now,
                                               u"The transcript of this chat was sent a moment ago; try again later."_s));
    // Counted when asked, not when queued: two requests at once cannot both pass.
    m_lastTranscript.insert(conversationId, now);
    const MailAddress from = m_settings.from;
    const QString visitorId = visitor.id;
    auto refusal = std::make_shared<std::optional<ProtocolError>>();
    enqueueAbout(
        conversationId, u"transcript:%1:%2"_s.arg(conversationId).arg(now), MailRecipientKind::Visitor,
        [from, visitorId, address, refusal](const MailContext &context) -> std::optional<MailMessage> {
            if (context.conversation.visitorId != visitorId) {
                *refusal = ProtocolError::make(ErrorCode::NotFound, u"There is no such conversation of yours."_s);
                return std::nullopt;
            }
            if (context.conversation.status != ConversationStatus::Closed) {
                *refusal = ProtocolError::make(ErrorCode::Conflict, u"The transcript is sent once the chat is closed."_s);
                return std::nullopt;
            }
            return MailComposer::transcript(context, from, MailAddress{context.visitor.name, address});
        },
        [this, done, refusal, conversationId](ChatOutcome<bool> outcome) {
            if (std::holds_alternative<bool>(outcome))
                return done(true);
            m_lastTranscript.remove(conversationId); // refused: it does not count against the visitor
            done(*refusal ? **refusal : std::get<ProtocolError>(outcome));
        });
}

void Mailer::enqueueAbout(qint64 conversationId, const QString &key, MailRecipientKind kind, Compose compose,
                          ChatCallback<bool> done)
{
    const auto answer = [done](ChatOutcome<bool> outcome) {
        if (done)
            done(std::move(outcome));
    };
    continueWith(m_outbox->context(conversationId), this,
                 [this, conversationId, key, kind, compose, answer](const StoreResult<MailContext> &context) {
                     if (!context.ok()) {
                         if (context.error == StoreError::NotFound)
                             return answer(ProtocolError::make(ErrorCode::NotFound, u"There is no such conversation."_s));
                         qCWarning(lcMail).noquote()
                             << "could not read conversation" << conversationId << "for mail" << key << ":" << context.message;
                         return answer(ProtocolError::make(ErrorCode::StorageFailed));
                     }
                     const std::optional<MailMessage> message = compose(context.value);
                     if (!message)
                         return answer(ProtocolError::make(ErrorCode::Conflict, u"There is nothing to send."_s));
                     OutboxMail mail;
                     mail.key = key;
                     mail.conversationId = conversationId;
                     mail.recipientKind = kind;
                     mail.recipient = message->to.address;
                     mail.message = message->render();
                     continueWith(m_outbox->enqueue(mail), this, [this, key, answer](const StoreResult<bool> &queued) {
                         if (!queued.ok()) {
                             qCWarning(lcMail).noquote() << "could not queue mail" << key << ":" << queued.message;
                             return answer(ProtocolError::make(ErrorCode::StorageFailed));
                         }
                         if (queued.value) {
                             qCInfo(lcMail).noquote() << "queued mail" << key;
                             m_sender.queued();
                         }
                         answer(true);
                     });
                 });
}

} // namespace Frontdesk
