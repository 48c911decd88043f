#include "mailer.h"

#include "chat/chatservices.h"
#include "core/continuewith.h"
#include "store/mailoutboxstore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <algorithm>

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
    if (isEnabled())
        m_chat->conversations()->setMailPolicy(this);
}

Mailer::~Mailer()
{
    stop();
    m_chat->conversations()->setMailPolicy(nullptr);
    m_chat->events()->unsubscribe(m_subscription);
}

void Mailer::start()
{
    if (m_started || m_stopped)
        return;
    m_started = true;
    m_sender.start();
    if (isEnabled())
        beginMailing();
}

void Mailer::reconfigure(const MailSettings &settings)
{
    if (m_stopped)
        return;
    const bool wasEnabled = isEnabled();
    m_settings = settings;
    m_sender.reconfigure(settings);
    if (wasEnabled == isEnabled())
        return;
    m_chat->conversations()->setMailPolicy(isEnabled() ? this : nullptr);
    if (!isEnabled()) {
        // New messages note no email now; the pending rows already written
        // wait for mail to be on again, like the queued ones.
        qDeleteAll(m_unanswered);
        m_unanswered.clear();
    } else if (m_started) {
        beginMailing();
    }
}

void Mailer::beginMailing()
{
    composePending(); // what a crash left between a message's commit and its email's composing
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
                   [this](const Events::ConversationOpened &e) {
                       composePending(); // the offline-form email the store may have noted
                       if (e.summary.conversation.status == ConversationStatus::Waiting)
                           watchUnanswered(e.summary.conversation.id, e.summary.conversation.siteId,
                                           e.summary.conversation.createdAt);
                   },
                   [this](const Events::MessageStored &e) {
                       if (e.message.authorKind == AuthorKind::Agent)
                           composePending(); // the reply's email, if the visitor was away
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

MailOnAppend Mailer::forVisitorMessage(const VisitorRecord &visitor) const
{
    if (m_stopped || m_chat->presence()->agentsOnline() > 0 || !teamAddress(visitor.siteId))
        return MailOnAppend::None;
    return MailOnAppend::TeamIfOpened; // the visitor is shown the offline form: "we'll get back to you by email"
}

MailOnAppend Mailer::forAgentReply(qint64 conversationId) const
{
    if (m_stopped)
        return MailOnAppend::None;
    const QString visitorId = m_chat->presence()->visitorOfOpenConversation(conversationId);
    // Online: the widget shows it; a tab that is open but hidden is the widget's to notice.
    if (visitorId.isEmpty() || m_chat->presence()->isVisitorOnline(visitorId))
        return MailOnAppend::None;
    return MailOnAppend::VisitorReply;
}

void Mailer::composePending()
{
    if (m_stopped)
        return;
    if (m_composing) {
        m_composeAgain = true;
        return;
    }
    m_composing = true;
    m_composeAgain = false;
    continueWith(m_outbox->pendingMail(50), this, [this](const StoreResult<QList<OutboxMail>> &pending) {
        if (!pending.ok()) {
            qCWarning(lcMail).noquote() << "could not read the pending mail:" << pending.message;
            m_composing = false; // the next message or start looks again
            return;
        }
        if (pending.value.isEmpty()) {
            m_composing = false;
            if (m_composeAgain)
                composePending();
            return;
        }
        composeBatch(pending.value);
    });
}

void Mailer::composeBatch(QList<OutboxMail> batch)
{
    if (m_stopped)
        return;
    if (batch.isEmpty()) {
        m_composing = false;
        composePending(); // the next batch, or what came meanwhile
        return;
    }
    const OutboxMail pending = batch.takeFirst();
    const auto next = [this, batch] { composeBatch(batch); };
    continueWith(m_outbox->context(pending.conversationId), this, [this, pending, next](const StoreResult<MailContext> &context) {
        // A conversation erased meanwhile took its outbox rows with it.
        const std::optional<MailMessage> message = context.ok() ? composeFor(pending, context.value) : std::nullopt;
        if (!context.ok() && context.error != StoreError::NotFound) {
            qCWarning(lcMail).noquote() << "could not read conversation" << pending.conversationId << "for mail" << pending.key
                                        << ":" << context.message;
            m_composing = false; // left pending: the next message or start tries again
            return;
        }
        const auto finished = [this, key = pending.key, queued = message.has_value(), next](const StoreResult<bool> &written) {
            if (!written.ok()) {
                qCWarning(lcMail).noquote() << "could not finish pending mail" << key << ":" << written.message;
                m_composing = false; // left pending: the next message or start tries again
                return;
            }
            if (queued && written.value) {
                qCInfo(lcMail).noquote() << "queued mail" << key;
                m_sender.queued();
            }
            next();
        };
        if (message)
            continueWith(
                m_outbox->queuePending(pending.id, message->to.address, message->render(), QDateTime::currentMSecsSinceEpoch()),
                this, finished);
        else
            continueWith(m_outbox->dropPending(pending.id), this, finished);
    });
}

std::optional<MailMessage> Mailer::composeFor(const OutboxMail &pending, const MailContext &context) const
{
    if (pending.key.startsWith(u"team:"_s)) {
        const auto to = teamAddress(context.site.id);
        if (!to)
            return std::nullopt;
        return MailComposer::teamNotice(context, MailComposer::TeamReason::Offline, 0, m_settings.from, *to);
    }
    if (pending.key.startsWith(u"reply:"_s)) {
        const qint64 replyId = QStringView(pending.key).mid(6).toLongLong();
        const auto reply = std::find_if(context.messages.cbegin(), context.messages.cend(),
                                        [replyId](const MessageRecord &m) { return m.id == replyId; });
        const QString email = context.visitor.email.trimmed();
        // Whether the site mails replies is read here, a moment after the reply was stored.
        if (reply == context.messages.cend() || !context.site.mailRepliesToAbsentVisitors || !MailAddress::isValidAddress(email))
            return std::nullopt; // no address, or one we will not put in a header
        return MailComposer::replyToVisitor(context, *reply, m_settings.from, MailAddress{context.visitor.name, email});
    }
    qCWarning(lcMail).noquote() << "dropping pending mail of an unknown kind:" << pending.key;
    return std::nullopt;
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
