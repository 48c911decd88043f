#include "agentchannel.h"

#include "chat/chatservices.h"
#include "mail/mailer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAgent, "frontdesk.agent")

namespace Frontdesk {

AgentChannel::AgentChannel(ChatServices *chat, const ClientContext &client, Send send, Push push, QObject *parent)
    : QObject(parent)
    , m_chat(chat)
    , m_client(client)
    , m_limits(chat->limits())
    , m_send(std::move(send))
    , m_push(std::move(push))
    , m_team(chat)
    , m_sites(chat)
    , m_webhooks(chat)
    , m_visitorData(chat)
{ }

AgentChannel::~AgentChannel()
{
    if (m_agent)
        m_chat->presence()->detachAgent(this, *m_agent);
}

void AgentChannel::send(const QJsonObject &frame)
{
    m_send(WireCodec::encode(frame));
}

void AgentChannel::pushToAgent(const QByteArray &frame)
{
    if (!m_ended)
        m_push(frame);
}

void AgentChannel::endSession(SessionEnd why)
{
    if (m_ended)
        return;
    m_ended = true;
    const QString reason = toString(why);
    qCInfo(lcAgent) << "session" << sessionId() << "of agent" << (m_agent ? m_agent->email : u"(not attached)"_s)
                    << "ended:" << reason << "; closing its connection";
    // Detached at once: not one more event reaches a revoked session.
    if (m_agent)
        m_chat->presence()->detachAgent(this, *m_agent);
    send(QJsonObject{{u"type"_s, u"session_ended"_s}, {u"reason"_s, reason}});
    Q_EMIT sessionEnded(reason);
}

bool AgentChannel::admitFrame(const WireMessage &message)
{
    qint64 retryAfterMs = 0;
    if (m_frames.take(QDateTime::currentMSecsSinceEpoch(), m_limits.framesPerSecond, m_limits.frameBurst, &retryAfterMs)) {
        m_refusedInARow = 0;
        return true;
    }
    if (++m_refusedInARow > m_limits.refusedFramesBeforeClose) {
        qCInfo(lcAgent) << "closing agent connection from" << m_client.address << ": it ignored" << m_refusedInARow
                        << "rate_limited answers in a row";
        Q_EMIT flooding();
        return false;
    }
    sendError(ProtocolError::rateLimited(retryAfterMs, u"Too many frames; slow down."_s), message);
    return false;
}

void AgentChannel::sendError(const ProtocolError &error, const WireMessage &message)
{
    qCInfo(lcAgent).noquote() << "refused" << (message.type.isEmpty() ? u"frame"_s : WireCodec::loggable(message.type))
                              << "from agent" << (m_agent ? m_agent->email : u"(not logged in)"_s) << ":"
                              << errorCodeName(error.code) << "-" << error.message;
    send(WireCodec::errorFrame(error, message.requestId));
}

void AgentChannel::sendResult(const WireMessage &message, QJsonObject fields)
{
    fields.insert(u"type"_s, u"result"_s);
    fields.insert(u"command"_s, message.type);
    WireCodec::addRef(fields, message.requestId);
    send(fields);
}

void AgentChannel::handleBytes(QByteArrayView bytes)
{
    if (m_ended)
        return;
    auto decoded = WireCodec::decode(bytes);
    if (auto *error = std::get_if<ProtocolError>(&decoded)) {
        if (admitFrame(WireMessage{}))
            sendError(*error, WireMessage{});
        return;
    }
    handle(std::get<WireMessage>(decoded));
}

void AgentChannel::handle(const WireMessage &message)
{
    if (m_ended || !admitFrame(message))
        return;
    using Handler = void (AgentChannel::*)(const WireMessage &);
    static const QHash<QString, Handler> commands{
        {u"accept"_s, &AgentChannel::handleAccept},
        {u"reply"_s, &AgentChannel::handleReply},
        {u"close"_s, &AgentChannel::handleClose},
        {u"typing"_s, &AgentChannel::handleTyping},
        {u"read"_s, &AgentChannel::handleRead},
        {u"history"_s, &AgentChannel::handleHistory},
        {u"visitor"_s, &AgentChannel::handleVisitor},
        {u"set_status"_s, &AgentChannel::handleSetStatus},
        {u"transfer"_s, &AgentChannel::handleTransfer},
        {u"list_sessions"_s, &AgentChannel::handleListSessions},
        {u"end_session"_s, &AgentChannel::handleEndSession},
        {u"logout"_s, &AgentChannel::handleLogout},
    };
    if (message.type == u"auth")
        return handleAuth(message);
    if (message.type == u"ping") {
        QJsonObject pong{{u"type"_s, u"pong"_s}};
        WireCodec::addRef(pong, message.requestId);
        return send(pong);
    }
    const Handler handler = commands.value(message.type);
    const bool visitorData = VisitorDataCommands::handles(message.type);
    const bool team = TeamCommands::handles(message.type);
    const bool sites = SiteCommands::handles(message.type);
    const bool webhooks = WebhookCommands::handles(message.type);
    if (!handler && !visitorData && !team && !sites && !webhooks)
        return sendError(ProtocolError::make(ErrorCode::UnknownType,
                                             u"\"%1\" is not an agent command."_s.arg(WireCodec::loggable(message.type))),
                         message);
    if (!m_agent)
        return sendError(
            ProtocolError::make(ErrorCode::NotAuthenticated, u"Send auth with your token before \"%1\"."_s.arg(message.type)),
            message);
    if (visitorData)
        return m_visitorData.handle(*m_agent, message, answerFor(message));
    if (team)
        return m_team.handle(*m_auth, m_client, message, answerFor(message));
    if (sites)
        return m_sites.handle(*m_agent, message, answerFor(message));
    if (webhooks)
        return m_webhooks.handle(*m_agent, message, answerFor(message));
    (this->*handler)(message);
}

CommandAnswer AgentChannel::answerFor(const WireMessage &message)
{
    QPointer<AgentChannel> self(this);
    return [self, message](ChatOutcome<QJsonObject> outcome) {
        if (!self)
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return self->sendError(*failure, message);
        self->sendResult(message, std::get<QJsonObject>(outcome));
    };
}

void AgentChannel::handleAuth(const WireMessage &message)
{
    if (m_agent || m_authPending)
        return sendError(ProtocolError::make(ErrorCode::Conflict, u"This connection is already authenticated."_s), message);
    QString token;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"token"_s, 128), &token, &error))
        return sendError(error, message);

    m_authPending = true;
    QPointer<AgentChannel> self(this);
    m_chat->agentAuth()->authenticate(token, [self, message](ChatOutcome<AgentAuthentication> outcome) {
        if (!self)
            return;
        self->m_authPending = false;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return self->sendError(*failure, message);
        const AgentAuthentication auth = std::get<AgentAuthentication>(outcome);
        self->m_authPending = true;
        self->m_chat->conversations()->snapshot(auth.agent, [self, message, auth](ChatOutcome<AgentSnapshot> snapshot) {
            if (!self)
                return;
            self->m_authPending = false;
            if (auto *failure = std::get_if<ProtocolError>(&snapshot))
                return self->sendError(*failure, message);
            self->m_auth = auth;
            // The session may have ended while the snapshot was read.
            if (self->m_chat->agentAuth()->isSessionEnded(auth.session.id))
                return self->endSession(SessionEnd::EndedByAgent);
            self->m_agent = &self->m_auth->agent;
            QJsonObject frame = self->snapshotFrame(auth.agent, std::get<AgentSnapshot>(snapshot));
            frame.insert(u"sessionId"_s, auth.session.id);
            WireCodec::addRef(frame, message.requestId);
            self->send(frame);
            // From now on every event reaches it: the store answers in queue
            // order, so nothing committed after the snapshot's read is missed.
            self->m_chat->presence()->attachAgent(self, auth.agent);
            Q_EMIT self->authenticated();
        });
    });
}

QJsonObject AgentChannel::snapshotFrame(const AgentRecord &agent, const AgentSnapshot &snapshot) const
{
    const PresenceService *presence = m_chat->presence();
    QJsonArray conversations;
    for (const ConversationSummary &summary : snapshot.conversations)
        conversations.append(WireCodec::toJson(summary, presence->isVisitorOnline(summary.visitor.id)));
    QJsonArray team;
    for (const TeamMember &member : snapshot.team)
        team.append(WireCodec::toJson(member));
    const bool admin = agent.role == AgentRole::Admin;
    // "site" is the oldest site, as consoles from before several sites read
    // it; "sites" is every site, the identity secrets for admins only.
    QJsonArray sites;
    for (const SiteRecord &site : snapshot.sites)
        sites.append(WireCodec::toJson(site, admin));
    return QJsonObject{
        {u"type"_s, u"snapshot"_s},
        {u"agent"_s, WireCodec::toJson(agent)},
        {u"conversations"_s, conversations},
        {u"agentsOnline"_s, snapshot.agentsOnline},
        {u"agents"_s, team},
        {u"site"_s,
         snapshot.sites.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(WireCodec::toJson(snapshot.sites.first(), admin))},
        {u"sites"_s, sites},
        {u"publicUrl"_s, snapshot.publicUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(snapshot.publicUrl.toString())},
        // The outbox's status (with the SMTP server's refusals) is an admin's to read.
        {u"mail"_s,
         admin ? QJsonValue(WireCodec::toJson(m_chat->mailer() ? m_chat->mailer()->status() : MailStatus{}))
               : QJsonValue(QJsonValue::Null)}};
}

bool AgentChannel::readConversationId(const WireMessage &message, qint64 *conversationId)
{
    ProtocolError error;
    if (take(WireCodec::requiredId(message.object, u"conversationId"_s), conversationId, &error))
        return true;
    sendError(error, message);
    return false;
}

ChatCallback<ConversationRecord> AgentChannel::answerWithConversation(const WireMessage &message)
{
    QPointer<AgentChannel> self(this);
    return [self, message](ChatOutcome<ConversationRecord> outcome) {
        if (!self)
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return self->sendError(*failure, message);
        self->sendResult(message, {{u"conversation"_s, WireCodec::toJson(std::get<ConversationRecord>(outcome))}});
    };
}

void AgentChannel::handleAccept(const WireMessage &message)
{
    qint64 conversationId = 0;
    if (readConversationId(message, &conversationId))
        m_chat->conversations()->accept(*m_agent, conversationId, answerWithConversation(message));
}

void AgentChannel::handleClose(const WireMessage &message)
{
    qint64 conversationId = 0;
    if (readConversationId(message, &conversationId))
        m_chat->conversations()->close(*m_agent, conversationId, answerWithConversation(message));
}

void AgentChannel::handleReply(const WireMessage &message)
{
    qint64 conversationId = 0;
    QString clientId;
    QString body;
    ProtocolError error;
    if (!readConversationId(message, &conversationId))
        return;
    if (!take(WireCodec::requiredString(message.object, u"clientId"_s, WireLimits::maxClientIdChars), &clientId, &error)
        || !take(WireCodec::requiredString(message.object, u"body"_s, WireLimits::maxMessageChars), &body, &error))
        return sendError(error, message);

    QPointer<AgentChannel> self(this);
    m_chat->conversations()->reply(*m_agent, conversationId, clientId, body, static_cast<AgentEndpoint *>(this),
                                   [self, message, clientId](ChatOutcome<AppendResult> outcome) {
                                       if (!self)
                                           return;
                                       if (auto *failure = std::get_if<ProtocolError>(&outcome))
                                           return self->sendError(*failure, message);
                                       const AppendResult &appended = std::get<AppendResult>(outcome);
                                       QJsonObject ack = WireCodec::ackFrame(appended, clientId);
                                       // The stored message as agents see it (for a duplicate: the row
                                       // stored first), so the console shows it without rebuilding it.
                                       ack.insert(u"message"_s, WireCodec::toJson(appended.message));
                                       WireCodec::addRef(ack, message.requestId);
                                       self->send(ack);
                                   });
}

void AgentChannel::handleTyping(const WireMessage &message)
{
    qint64 conversationId = 0;
    bool active = false;
    ProtocolError error;
    if (!readConversationId(message, &conversationId))
        return;
    if (!take(WireCodec::requiredBool(message.object, u"active"_s), &active, &error))
        return sendError(error, message);
    if (const auto refused = m_chat->conversations()->agentTyping(*m_agent, conversationId, active))
        sendError(*refused, message);
}

void AgentChannel::handleRead(const WireMessage &message)
{
    qint64 conversationId = 0;
    qint64 messageId = 0;
    ProtocolError error;
    if (!readConversationId(message, &conversationId))
        return;
    if (!take(WireCodec::requiredId(message.object, u"messageId"_s), &messageId, &error))
        return sendError(error, message);
    m_chat->conversations()->agentRead(*m_agent, conversationId, messageId, answerWithConversation(message));
}

void AgentChannel::handleHistory(const WireMessage &message)
{
    qint64 conversationId = 0;
    qint64 before = 0;
    qint64 limit = 50;
    ProtocolError error;
    if (!readConversationId(message, &conversationId))
        return;
    if (!take(WireCodec::optionalId(message.object, u"before"_s, 0), &before, &error)
        || !take(WireCodec::optionalId(message.object, u"limit"_s, 50), &limit, &error))
        return sendError(error, message);
    if (limit < 1 || limit > WireLimits::maxHistoryPage)
        return sendError(ProtocolError::make(ErrorCode::InvalidField,
                                             u"The field \"limit\" must be between 1 and %1."_s.arg(WireLimits::maxHistoryPage)),
                         message);
    QPointer<AgentChannel> self(this);
    m_chat->conversations()->history(
        conversationId, before, int(limit), [self, message, conversationId](ChatOutcome<QList<MessageRecord>> outcome) {
            if (!self)
                return;
            if (auto *failure = std::get_if<ProtocolError>(&outcome))
                return self->sendError(*failure, message);
            QJsonArray messages;
            for (const MessageRecord &record : std::get<QList<MessageRecord>>(outcome))
                messages.append(WireCodec::toJson(record));
            self->sendResult(message, {{u"conversationId"_s, double(conversationId)}, {u"messages"_s, messages}});
        });
}

void AgentChannel::handleVisitor(const WireMessage &message)
{
    QString visitorId;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"visitorId"_s, 64), &visitorId, &error))
        return sendError(error, message);
    QPointer<AgentChannel> self(this);
    m_chat->visitors()->context(visitorId, [self, message](ChatOutcome<VisitorContext> outcome) {
        if (!self)
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return self->sendError(*failure, message);
        const VisitorContext &context = std::get<VisitorContext>(outcome);
        QJsonArray pages;
        for (const PageView &view : context.pages)
            pages.append(WireCodec::toJson(view));
        QJsonArray conversations;
        for (const ConversationRecord &conversation : context.conversations)
            conversations.append(WireCodec::toJson(conversation));
        const bool online = self->m_chat->presence()->isVisitorOnline(context.visitor.id);
        self->sendResult(message,
                         {{u"visitor"_s, WireCodec::toJson(context.visitor, online)},
                          {u"pages"_s, pages},
                          {u"conversations"_s, conversations}});
    });
}

void AgentChannel::handleSetStatus(const WireMessage &message)
{
    QString status;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"status"_s, 10), &status, &error))
        return sendError(error, message);
    const auto settable = settableAgentStatusFromString(status);
    if (!settable)
        return sendError(ProtocolError::make(ErrorCode::InvalidField, u"The status is \"online\" or \"away\"."_s), message);
    m_chat->presence()->setAgentStatus(*m_agent, *settable);
    sendResult(message, {{u"status"_s, status}});
}

void AgentChannel::handleTransfer(const WireMessage &message)
{
    qint64 conversationId = 0;
    qint64 agentId = 0;
    ProtocolError error;
    if (!readConversationId(message, &conversationId))
        return;
    if (!take(WireCodec::requiredId(message.object, u"agentId"_s), &agentId, &error))
        return sendError(error, message);
    m_chat->conversations()->transfer(*m_agent, conversationId, agentId, answerWithConversation(message));
}

void AgentChannel::handleListSessions(const WireMessage &message)
{
    QPointer<AgentChannel> self(this);
    m_chat->agentAuth()->sessions(*m_agent, [self, message](ChatOutcome<QList<LoginSession>> outcome) {
        if (!self)
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return self->sendError(*failure, message);
        QJsonArray sessions;
        for (const LoginSession &session : std::get<QList<LoginSession>>(outcome)) {
            QJsonObject entry = WireCodec::toJson(session);
            entry.insert(u"current"_s, session.id == self->sessionId());
            sessions.append(entry);
        }
        self->sendResult(message, {{u"sessions"_s, sessions}});
    });
}

void AgentChannel::handleEndSession(const WireMessage &message)
{
    QString sessionId;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"sessionId"_s, 64), &sessionId, &error))
        return sendError(error, message);
    if (sessionId == this->sessionId())
        return sendError(ProtocolError::make(ErrorCode::Conflict, u"This is the session you are using; use logout to end it."_s),
                         message);
    QPointer<AgentChannel> self(this);
    m_chat->agentAuth()->endSession(*m_agent, sessionId, SessionEnd::EndedByAgent, [self, message](ChatOutcome<bool> outcome) {
        if (!self)
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return self->sendError(*failure, message);
        self->sendResult(message, {});
    });
}

void AgentChannel::handleLogout(const WireMessage &message)
{
    // Answered first: the session_ended event and the close follow it.
    sendResult(message, {});
    m_chat->agentAuth()->endSession(*m_agent, sessionId(), SessionEnd::LoggedOut, [](ChatOutcome<bool>) {});
}

} // namespace Frontdesk
