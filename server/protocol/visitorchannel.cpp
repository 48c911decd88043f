#include "visitorchannel.h"

#include "chat/chatservices.h"
#include "mail/mailer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVisitor, "frontdesk.visitor")

namespace Frontdesk {

VisitorChannel::VisitorChannel(ChatServices *chat, const SiteRecord &site, const ClientContext &client, Push push,
                               QObject *parent)
    : QObject(parent), m_chat(chat), m_site(site), m_client(client), m_limits(chat->limits()), m_push(std::move(push))
{ }

bool VisitorChannel::admitFrame(const Send &reply, const WireMessage &message)
{
    qint64 retryAfterMs = 0;
    if (m_frames.take(QDateTime::currentMSecsSinceEpoch(), m_limits.framesPerSecond, m_limits.frameBurst, &retryAfterMs)) {
        m_refusedInARow = 0;
        return true;
    }
    if (++m_refusedInARow > m_limits.refusedFramesBeforeClose) {
        qCInfo(lcVisitor) << "closing visitor connection from" << m_client.address << ": it ignored" << m_refusedInARow
                          << "rate_limited answers in a row";
        Q_EMIT flooding();
        return false;
    }
    reply(Refusal{ProtocolError::rateLimited(retryAfterMs, u"Too many frames; slow down."_s), message.requestId});
    return false;
}

VisitorChannel::~VisitorChannel()
{
    if (m_visitor)
        m_chat->presence()->detachVisitor(this, m_visitor->id);
}

void VisitorChannel::pushToVisitor(const QByteArray &frame)
{
    if (!m_ended)
        m_push(frame);
}

void VisitorChannel::endConnection(const std::optional<ProtocolError> &notice, const QString &reason)
{
    if (m_ended)
        return;
    qCInfo(lcVisitor) << "ending the connection of visitor" << (m_visitor ? m_visitor->id : u"(none)"_s) << "from"
                      << m_client.address << ":" << reason;
    // Detached first: not one more event reaches it.
    if (m_visitor)
        m_chat->presence()->detachVisitor(this, m_visitor->id);
    m_visitor.reset();
    if (notice)
        m_push(WireCodec::encode(WireCodec::errorFrame(*notice)));
    m_ended = true;
    Q_EMIT ended(reason);
}

void VisitorChannel::replyError(const Send &reply, const ProtocolError &error, const WireMessage &message)
{
    qCInfo(lcVisitor).noquote() << "refused" << (message.type.isEmpty() ? u"frame"_s : WireCodec::loggable(message.type))
                                << "from a visitor:" << errorCodeName(error.code) << "-" << error.message;
    reply(Refusal{error, message.requestId});
}

void VisitorChannel::replyFrame(const Send &reply, QJsonObject frame, const WireMessage &message)
{
    WireCodec::addRef(frame, message.requestId);
    reply(WireCodec::encode(frame));
}

QByteArray VisitorChannel::socketFrame(const Answer &answer)
{
    if (const auto *refusal = std::get_if<Refusal>(&answer))
        return WireCodec::encode(WireCodec::errorFrame(refusal->error, refusal->requestId));
    return std::get<QByteArray>(answer);
}

void VisitorChannel::handleBytes(QByteArrayView bytes, const Send &reply)
{
    auto decoded = WireCodec::decode(bytes);
    if (auto *error = std::get_if<ProtocolError>(&decoded)) {
        if (admitFrame(reply, WireMessage{}))
            replyError(reply, *error, WireMessage{});
        return;
    }
    handle(std::get<WireMessage>(decoded), reply);
}

void VisitorChannel::handle(const WireMessage &message, const Send &reply)
{
    if (m_ended)
        return;
    // Every frame counts, whatever the transport: typing and page frames fan
    // out to every agent, so they are as good for a flood as messages.
    if (!admitFrame(reply, message))
        return;
    if (message.type == u"hello")
        return handleHello(message, reply);
    if (message.type == u"ping") {
        return replyFrame(reply, QJsonObject{{u"type"_s, u"pong"_s}}, message);
    }

    // The commands after hello: one table, like the agent's.
    using Handler = void (VisitorChannel::*)(const WireMessage &, const Send &);
    static const QHash<QString, Handler> commands{
        {u"message"_s, &VisitorChannel::handleMessage},
        {u"typing"_s, &VisitorChannel::handleTyping},
        {u"read"_s, &VisitorChannel::handleRead},
        {u"page"_s, &VisitorChannel::handlePage},
        {u"identify"_s, &VisitorChannel::handleIdentify},
        {u"profile"_s, &VisitorChannel::handleProfile},
        {u"attributes"_s, &VisitorChannel::handleAttributes},
        {u"rate"_s, &VisitorChannel::handleRate},
        {u"email_transcript"_s, &VisitorChannel::handleEmailTranscript},
    };
    const Handler handler = commands.value(message.type);
    if (!handler) {
        replyError(reply,
                   ProtocolError::make(ErrorCode::UnknownType,
                                       u"\"%1\" is not a visitor message type."_s.arg(WireCodec::loggable(message.type))),
                   message);
        return;
    }
    if (!m_visitor) {
        replyError(reply, ProtocolError::make(ErrorCode::NotAuthenticated, u"Send hello before \"%1\"."_s.arg(message.type)),
                   message);
        return;
    }
    (this->*handler)(message, reply);
}

void VisitorChannel::adoptVisitor(const VisitorRecord &visitor)
{
    if (m_visitor)
        return;
    m_visitor = visitor;
    m_chat->presence()->attachVisitor(this, visitor);
}

QJsonObject VisitorChannel::welcomeFrame(const VisitorWelcome &welcome, const SiteRecord &site, bool mailEnabled)
{
    QJsonArray messages;
    for (const MessageRecord &message : welcome.messages)
        messages.append(WireCodec::toVisitorJson(message));
    return QJsonObject{
        {u"type"_s, u"welcome"_s},
        {u"v"_s, 1},
        {u"visitorId"_s, welcome.visitor.id},
        {u"token"_s, welcome.token},
        {u"conversation"_s,
         welcome.conversation ? QJsonValue(WireCodec::toVisitorJson(*welcome.conversation)) : QJsonValue(QJsonValue::Null)},
        {u"messages"_s, messages},
        {u"agentsOnline"_s, welcome.agentsOnline},
        {u"queuePosition"_s, welcome.queuePosition > 0 ? QJsonValue(welcome.queuePosition) : QJsonValue(QJsonValue::Null)},
        {u"site"_s,
         QJsonObject{{u"name"_s, site.name},
                     {u"widget"_s, QJsonObject::fromVariantMap(site.widgetSettings)},
                     // Whether email_transcript can work: the widget offers it only then.
                     {u"mail"_s, mailEnabled}}},
    };
}

void VisitorChannel::handleHello(const WireMessage &message, const Send &reply)
{
    if (m_visitor || m_helloPending) {
        replyError(reply, ProtocolError::make(ErrorCode::Conflict, u"This connection has already said hello."_s), message);
        return;
    }
    if (refuseIfSiteGone(reply, message))
        return;
    const QJsonObject &o = message.object;
    const QJsonValue version = o.value(u"v"_s);
    if (!version.isUndefined() && !version.isNull() && version.toInt(-1) != 1) {
        replyError(reply, ProtocolError::make(ErrorCode::UnsupportedVersion), message);
        return;
    }

    if (!o.value(u"page"_s).isUndefined() && !o.value(u"page"_s).isObject() && !o.value(u"page"_s).isNull()) {
        replyError(reply, ProtocolError::make(ErrorCode::InvalidField, u"The field \"page\" must be an object."_s), message);
        return;
    }
    VisitorHello hello;
    hello.userAgent = m_client.userAgent;
    hello.address = m_client.address;
    if (o.contains(u"identity"_s) && !o.value(u"identity"_s).isNull()) {
        auto identity = readIdentity(o.value(u"identity"_s));
        if (auto *invalid = std::get_if<ProtocolError>(&identity)) {
            replyError(reply, *invalid, message);
            return;
        }
        hello.identity = std::get<VisitorIdentity>(identity);
    }
    ProtocolError error;
    const QJsonObject page = o.value(u"page"_s).toObject();
    if (!take(WireCodec::optionalString(o, u"visitorId"_s, 64), &hello.visitorId, &error)
        || !take(WireCodec::optionalString(o, u"token"_s, 128), &hello.token, &error)
        || !take(WireCodec::optionalId(o, u"after"_s, -1), &hello.after, &error)
        || !take(WireCodec::optionalString(page, u"url"_s, WireLimits::maxUrlChars), &hello.pageUrl, &error)
        || !take(WireCodec::optionalString(page, u"title"_s, WireLimits::maxTitleChars), &hello.pageTitle, &error)
        || !take(WireCodec::optionalString(o, u"referrer"_s, WireLimits::maxUrlChars), &hello.referrer, &error)
        || !take(WireCodec::optionalString(o, u"locale"_s, 35), &hello.locale, &error)
        || !take(WireCodec::optionalString(o, u"timezone"_s, 64), &hello.timezone, &error)) {
        replyError(reply, error, message);
        return;
    }

    m_helloPending = true;
    QPointer<VisitorChannel> self(this);
    m_chat->visitors()->hello(m_site, hello, [self, reply, message](ChatOutcome<VisitorWelcome> outcome) {
        if (!self)
            return;
        self->m_helloPending = false;
        // Deleted while the hello was being answered: its rows are gone too.
        if (self->refuseIfSiteGone(reply, message))
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome)) {
            replyError(reply, *failure, message);
            // A banned visitor gets nothing more from this connection.
            if (failure->code == ErrorCode::Banned) {
                self->m_ended = true;
                Q_EMIT self->ended(u"banned"_s);
            }
            return;
        }
        const VisitorWelcome &welcome = std::get<VisitorWelcome>(outcome);
        self->adoptVisitor(welcome.visitor);
        self->m_client.userAgent = QString(); // stored with the visitor; not needed again
        self->m_welcomeToken = welcome.token;
        QJsonObject frame = welcomeFrame(welcome, self->m_site, self->m_chat->mailer() && self->m_chat->mailer()->isEnabled());
        if (!self->m_pollingChannel.isEmpty())
            frame.insert(u"channel"_s, self->m_pollingChannel);
        replyFrame(reply, frame, message);
    });
}

bool VisitorChannel::refuseIfSiteGone(const Send &reply, const WireMessage &message)
{
    if (m_chat->sites()->byId(m_site.id))
        return false;
    replyError(reply, ProtocolError::make(ErrorCode::UnknownSite, u"This site no longer exists."_s), message);
    m_ended = true;
    Q_EMIT ended(u"site deleted"_s);
    return true;
}

std::variant<VisitorIdentity, ProtocolError> VisitorChannel::readIdentity(const QJsonValue &value)
{
    if (!value.isObject())
        return ProtocolError::make(ErrorCode::InvalidField, u"The field \"identity\" must be an object."_s);
    const QJsonObject o = value.toObject();
    VisitorIdentity identity;
    ProtocolError error;
    if (!take(WireCodec::requiredString(o, u"id"_s, WireLimits::maxUserIdChars), &identity.userId, &error)
        || !take(WireCodec::requiredString(o, u"hash"_s, 64), &identity.hash, &error)
        || !take(WireCodec::optionalString(o, u"name"_s, WireLimits::maxNameChars), &identity.name, &error)
        || !take(WireCodec::optionalString(o, u"email"_s, WireLimits::maxEmailChars), &identity.email, &error))
        return error;
    return identity;
}

void VisitorChannel::replyOk(const Send &reply, const WireMessage &message)
{
    replyFrame(reply, QJsonObject{{u"type"_s, u"ok"_s}}, message);
}

void VisitorChannel::applyPatch(const VisitorPatch &patch, const Send &reply, const WireMessage &message)
{
    QPointer<VisitorChannel> self(this);
    m_chat->visitors()->patch(*m_visitor, patch, [self, reply, message](ChatOutcome<VisitorRecord> outcome) {
        if (!self)
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return replyError(reply, *failure, message);
        self->m_visitor = std::get<VisitorRecord>(outcome);
        replyOk(reply, message);
    });
}

void VisitorChannel::handleIdentify(const WireMessage &message, const Send &reply)
{
    auto identity = readIdentity(message.object.value(u"identity"_s));
    if (auto *invalid = std::get_if<ProtocolError>(&identity))
        return replyError(reply, *invalid, message);
    auto patch = VisitorService::checkIdentity(m_site, std::get<VisitorIdentity>(identity));
    if (auto *refused = std::get_if<ProtocolError>(&patch))
        return replyError(reply, *refused, message);
    applyPatch(std::get<VisitorPatch>(patch), reply, message);
}

void VisitorChannel::handleProfile(const WireMessage &message, const Send &reply)
{
    QString name;
    QString email;
    ProtocolError error;
    if (!take(WireCodec::optionalString(message.object, u"name"_s, WireLimits::maxNameChars), &name, &error)
        || !take(WireCodec::optionalString(message.object, u"email"_s, WireLimits::maxEmailChars), &email, &error))
        return replyError(reply, error, message);
    email = email.trimmed();
    if (!email.isEmpty() && !WireCodec::isPlausibleEmail(email))
        return replyError(
            reply, ProtocolError::make(ErrorCode::InvalidField, u"\"%1\" does not look like an email address."_s.arg(email)),
            message);
    VisitorPatch patch;
    // Absent and null leave a field as it is; "" clears it.
    if (!message.object.value(u"name"_s).isUndefined() && !message.object.value(u"name"_s).isNull())
        patch.name = name.trimmed();
    if (!message.object.value(u"email"_s).isUndefined() && !message.object.value(u"email"_s).isNull())
        patch.email = email;
    applyPatch(patch, reply, message);
}

void VisitorChannel::handleAttributes(const WireMessage &message, const Send &reply)
{
    const QJsonValue value = message.object.value(u"attributes"_s);
    if (!value.isObject())
        return replyError(reply, ProtocolError::make(ErrorCode::InvalidField, u"The field \"attributes\" must be an object."_s),
                          message);
    const QJsonObject given = value.toObject();
    QJsonObject custom = QJsonObject::fromVariantMap(m_visitor->attributes.value(u"custom"_s).toMap());
    for (auto it = given.begin(); it != given.end(); ++it) {
        const QJsonValue v = it.value();
        if (it.key().isEmpty() || it.key().size() > WireLimits::maxAttributeKeyChars)
            return replyError(
                reply,
                ProtocolError::make(ErrorCode::InvalidField,
                                    u"Attribute names have 1 to %1 characters."_s.arg(WireLimits::maxAttributeKeyChars)),
                message);
        if (!(v.isString() || v.isDouble() || v.isBool() || v.isNull()))
            return replyError(
                reply,
                ProtocolError::make(ErrorCode::InvalidField,
                                    u"The attribute \"%1\" must be a string, a number, true, false or null."_s.arg(it.key())),
                message);
        if (v.isString() && v.toString().size() > WireLimits::maxAttributeValueChars)
            return replyError(reply,
                              ProtocolError::make(ErrorCode::TextTooLong,
                                                  u"The attribute \"%1\" is longer than %2 characters."_s.arg(it.key()).arg(
                                                      WireLimits::maxAttributeValueChars)),
                              message);
        if (v.isNull())
            custom.remove(it.key());
        else
            custom.insert(it.key(), v);
    }
    if (custom.size() > WireLimits::maxAttributes)
        return replyError(reply,
                          ProtocolError::make(ErrorCode::InvalidField,
                                              u"A visitor has at most %1 attributes."_s.arg(WireLimits::maxAttributes)),
                          message);
    // Kept apart from the attributes the server sets (userAgent, locale, userId),
    // and merged key by key by the writer, so two tabs cannot undo each other.
    VisitorPatch patch;
    patch.customAttributes = given.toVariantMap();
    applyPatch(patch, reply, message);
}

void VisitorChannel::handleRate(const WireMessage &message, const Send &reply)
{
    qint64 rating = 0;
    QString comment;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"rating"_s, 1), &rating, &error)
        || !take(WireCodec::optionalString(message.object, u"comment"_s, WireLimits::maxRatingCommentChars), &comment, &error))
        return replyError(reply, error, message);
    if (rating > 5)
        return replyError(reply, ProtocolError::make(ErrorCode::InvalidField, u"The rating is a whole number from 1 to 5."_s),
                          message);
    QPointer<VisitorChannel> self(this);
    m_chat->conversations()->rate(*m_visitor, int(rating), comment.trimmed(),
                                  [self, reply, message](ChatOutcome<ConversationRecord> outcome) {
                                      if (!self)
                                          return;
                                      if (auto *failure = std::get_if<ProtocolError>(&outcome))
                                          return replyError(reply, *failure, message);
                                      replyOk(reply, message);
                                  });
}

void VisitorChannel::handleEmailTranscript(const WireMessage &message, const Send &reply)
{
    qint64 conversationId = 0;
    QString email;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"conversationId"_s), &conversationId, &error)
        || !take(WireCodec::optionalString(message.object, u"email"_s, WireLimits::maxEmailChars), &email, &error))
        return replyError(reply, error, message);
    Mailer *mailer = m_chat->mailer();
    if (!mailer)
        return replyError(reply, ProtocolError::make(ErrorCode::Conflict, u"This chat server does not send email."_s), message);
    QPointer<VisitorChannel> self(this);
    mailer->emailTranscript(*m_visitor, conversationId, email, [self, reply, message](ChatOutcome<bool> outcome) {
        if (!self)
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return replyError(reply, *failure, message);
        replyOk(reply, message);
    });
}

void VisitorChannel::handleMessage(const WireMessage &message, const Send &reply)
{
    QString clientId;
    QString body;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"clientId"_s, WireLimits::maxClientIdChars), &clientId, &error)
        || !take(WireCodec::requiredString(message.object, u"body"_s, WireLimits::maxMessageChars), &body, &error)) {
        replyError(reply, error, message);
        return;
    }
    QPointer<VisitorChannel> self(this); // the transport behind `reply` may be gone by the commit
    m_chat->conversations()->postVisitorMessage(
        *m_visitor, clientId, body, static_cast<VisitorEndpoint *>(this),
        [self, reply, message, clientId](ChatOutcome<AppendResult> outcome) {
            if (!self)
                return;
            if (auto *failure = std::get_if<ProtocolError>(&outcome)) {
                replyError(reply, *failure, message);
                return;
            }
            replyFrame(reply, WireCodec::ackFrame(std::get<AppendResult>(outcome), clientId), message);
        });
}

void VisitorChannel::handleTyping(const WireMessage &message, const Send &reply)
{
    bool active = false;
    ProtocolError error;
    if (!take(WireCodec::requiredBool(message.object, u"active"_s), &active, &error)) {
        replyError(reply, error, message);
        return;
    }
    m_chat->conversations()->visitorTyping(*m_visitor, active);
}

void VisitorChannel::handleRead(const WireMessage &message, const Send &reply)
{
    qint64 messageId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"messageId"_s), &messageId, &error)) {
        replyError(reply, error, message);
        return;
    }
    QPointer<VisitorChannel> self(this);
    m_chat->conversations()->visitorRead(*m_visitor, messageId, [self, reply, message](ChatOutcome<ConversationRecord> outcome) {
        if (!self)
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            replyError(reply, *failure, message);
    });
}

void VisitorChannel::handlePage(const WireMessage &message, const Send &reply)
{
    QString url;
    QString title;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"url"_s, WireLimits::maxUrlChars), &url, &error)
        || !take(WireCodec::optionalString(message.object, u"title"_s, WireLimits::maxTitleChars), &title, &error)) {
        replyError(reply, error, message);
        return;
    }
    m_chat->visitors()->recordPage(*m_visitor, url, title);
}

} // namespace Frontdesk
