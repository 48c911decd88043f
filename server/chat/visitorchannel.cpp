#include "visitorchannel.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVisitor, "frontdesk.visitor")

namespace Frontdesk {

VisitorChannel::VisitorChannel(ChatService *chat, const SiteRecord &site, const QString &userAgent, Send push, QObject *parent)
    : QObject(parent), m_chat(chat), m_site(site), m_userAgent(userAgent), m_push(std::move(push))
{ }

VisitorChannel::~VisitorChannel()
{
    if (m_visitor)
        m_chat->detachVisitor(this, m_visitor->id);
}

void VisitorChannel::pushToVisitor(const QJsonObject &event)
{
    m_push(event);
}

void VisitorChannel::replyError(const Send &reply, const ProtocolError &error, const WireMessage &message)
{
    qCInfo(lcVisitor).noquote() << "refused" << (message.type.isEmpty() ? u"frame"_s : message.type)
                                << "from a visitor:" << errorCodeName(error.code) << "-" << error.message;
    reply(WireCodec::errorFrame(error, message.requestId));
}

void VisitorChannel::handleBytes(QByteArrayView bytes, const Send &reply)
{
    auto decoded = WireCodec::decode(bytes);
    if (auto *error = std::get_if<ProtocolError>(&decoded)) {
        replyError(reply, *error, WireMessage{});
        return;
    }
    handle(std::get<WireMessage>(decoded), reply);
}

void VisitorChannel::handle(const WireMessage &message, const Send &reply)
{
    if (message.type == u"hello")
        return handleHello(message, reply);
    if (message.type == u"ping") {
        QJsonObject pong{{u"type"_s, u"pong"_s}};
        if (!message.requestId.isUndefined())
            pong.insert(u"ref"_s, message.requestId);
        return reply(pong);
    }

    static const QStringList afterHello{u"message"_s, u"typing"_s, u"read"_s, u"page"_s};
    if (!afterHello.contains(message.type)) {
        replyError(reply,
                   ProtocolError::make(ErrorCode::UnknownType, u"\"%1\" is not a visitor message type."_s.arg(message.type)),
                   message);
        return;
    }
    if (!m_visitor) {
        replyError(reply, ProtocolError::make(ErrorCode::NotAuthenticated, u"Send hello before \"%1\"."_s.arg(message.type)),
                   message);
        return;
    }
    if (message.type == u"message")
        handleMessage(message, reply);
    else if (message.type == u"typing")
        handleTyping(message, reply);
    else if (message.type == u"read")
        handleRead(message, reply);
    else
        handlePage(message, reply);
}

void VisitorChannel::adoptVisitor(const VisitorRecord &visitor)
{
    if (m_visitor)
        return;
    m_visitor = visitor;
    m_chat->attachVisitor(this, visitor);
}

QJsonObject VisitorChannel::welcomeFrame(const VisitorWelcome &welcome, const SiteRecord &site)
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
        {u"site"_s, QJsonObject{{u"name"_s, site.name}, {u"widget"_s, site.widgetSettings}}},
    };
}

void VisitorChannel::handleHello(const WireMessage &message, const Send &reply)
{
    if (m_visitor || m_helloPending) {
        replyError(reply, ProtocolError::make(ErrorCode::Conflict, u"This connection has already said hello."_s), message);
        return;
    }
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
    hello.userAgent = m_userAgent;
    ProtocolError error;
    const QJsonObject page = o.value(u"page"_s).toObject();
    if (!take(WireCodec::optionalString(o, u"visitorId"_s, 64), &hello.visitorId, &error)
        || !take(WireCodec::optionalString(o, u"token"_s, 128), &hello.token, &error)
        || !take(WireCodec::optionalId(o, u"after"_s, -1), &hello.after, &error)
        || !take(WireCodec::optionalString(page, u"url"_s, WireLimits::maxUrlChars), &hello.pageUrl, &error)
        || !take(WireCodec::optionalString(page, u"title"_s, WireLimits::maxTitleChars), &hello.pageTitle, &error)
        || !take(WireCodec::optionalString(o, u"referrer"_s, WireLimits::maxUrlChars), &hello.referrer, &error)
        || !take(WireCodec::optionalString(o, u"locale"_s, 35), &hello.locale, &error)) {
        replyError(reply, error, message);
        return;
    }

    m_helloPending = true;
    QPointer<VisitorChannel> self(this);
    m_chat->helloVisitor(m_site, hello, [self, reply, message](ChatOutcome<VisitorWelcome> outcome) {
        if (!self)
            return;
        self->m_helloPending = false;
        if (auto *failure = std::get_if<ProtocolError>(&outcome)) {
            replyError(reply, *failure, message);
            return;
        }
        const VisitorWelcome &welcome = std::get<VisitorWelcome>(outcome);
        self->adoptVisitor(welcome.visitor);
        QJsonObject frame = welcomeFrame(welcome, self->m_site);
        if (!message.requestId.isUndefined())
            frame.insert(u"ref"_s, message.requestId);
        reply(frame);
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
    m_chat->postVisitorMessage(*m_visitor, clientId, body, this,
                               [self, reply, message, clientId](ChatOutcome<AppendResult> outcome) {
                                   if (!self)
                                       return;
                                   if (auto *failure = std::get_if<ProtocolError>(&outcome)) {
                                       replyError(reply, *failure, message);
                                       return;
                                   }
                                   const AppendResult &appended = std::get<AppendResult>(outcome);
                                   QJsonObject ack{{u"type"_s, u"ack"_s},
                                                   {u"clientId"_s, clientId},
                                                   {u"messageId"_s, double(appended.message.id)},
                                                   {u"conversationId"_s, double(appended.message.conversationId)},
                                                   {u"createdAt"_s, double(appended.message.createdAt)},
                                                   {u"duplicate"_s, appended.duplicate}};
                                   if (!message.requestId.isUndefined())
                                       ack.insert(u"ref"_s, message.requestId);
                                   reply(ack);
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
    m_chat->visitorTyping(*m_visitor, active);
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
    m_chat->visitorRead(*m_visitor, messageId, [self, reply, message](ChatOutcome<ConversationRecord> outcome) {
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
    m_chat->visitorPage(*m_visitor, url, title);
}

} // namespace Frontdesk
