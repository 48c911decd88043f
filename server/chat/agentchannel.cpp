#include "agentchannel.h"

#include "chat/teamcommands.h"
#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAgent, "frontdesk.agent")

namespace Frontdesk {

AgentChannel::AgentChannel(ChatService *chat, const ClientContext &client, const AbuseLimits &limits, Send send, QObject *parent)
    : QObject(parent)
    , m_chat(chat)
    , m_client(client)
    , m_limits(limits)
    , m_send(std::move(send))
    , m_team(chat)
    , m_visitorData(chat)
{ }

AgentChannel::~AgentChannel()
{
    if (m_agent)
        m_chat->detachAgent(this, *m_agent);
}

void AgentChannel::pushToAgent(const QJsonObject &event)
{
    if (!m_ended)
        m_send(event);
}

void AgentChannel::endSession(const QString &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    qCInfo(lcAgent) << "session" << sessionId() << "of agent" << (m_agent ? m_agent->email : u"(not attached)"_s)
                    << "ended:" << reason << "; closing its connection";
    // Detached at once: not one more event reaches a revoked session.
    if (m_agent)
        m_chat->detachAgent(this, *m_agent);
    m_send(QJsonObject{{u"type"_s, u"session_ended"_s}, {u"reason"_s, reason}});
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
    m_send(WireCodec::errorFrame(error, message.requestId));
}

void AgentChannel::sendResult(const WireMessage &message, QJsonObject fields)
{
    fields.insert(u"type"_s, u"result"_s);
    fields.insert(u"command"_s, message.type);
    WireCodec::addRef(fields, message.requestId);
    m_send(fields);
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
        return m_send(pong);
    }
    const Handler handler = commands.value(message.type);
    if (VisitorDataCommands::handles(message.type)) {
        if (!m_agent)
            return sendError(
                ProtocolError::make(ErrorCode::NotAuthenticated, u"Send auth with your token before \"%1\"."_s.arg(message.type)),
                message);
        QPointer<AgentChannel> self(this);
        m_visitorData.handle(*m_agent, message, [self, message](ChatOutcome<QJsonObject> outcome) {
            if (!self)
                return;
            if (auto *failure = std::get_if<ProtocolError>(&outcome))
                return self->sendError(*failure, message);
            self->sendResult(message, std::get<QJsonObject>(outcome));
        });
        return;
    }
    if (TeamCommands::handles(message.type)) {
        if (!m_agent)
            return sendError(
                ProtocolError::make(ErrorCode::NotAuthenticated, u"Send auth with your token before \"%1\"."_s.arg(message.type)),
                message);
        QPointer<AgentChannel> self(this);
        m_team.handle(*m_auth, m_client, message, [self, message](ChatOutcome<QJsonObject> outcome) {
            if (!self)
                return;
            if (auto *failure = std::get_if<ProtocolError>(&outcome))
                return self->sendError(*failure, message);
            self->sendResult(message, std::get<QJsonObject>(outcome));
        });
        return;
    }
    if (!handler)
        return sendError(ProtocolError::make(ErrorCode::UnknownType,
                                             u"\"%1\" is not an agent command."_s.arg(WireCodec::loggable(message.type))),
                         message);
    if (!m_agent)
        return sendError(
            ProtocolError::make(ErrorCode::NotAuthenticated, u"Send auth with your token before \"%1\"."_s.arg(message.type)),
            message);
    (this->*handler)(message);
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
    m_chat->authenticateAgent(token, [self, message](ChatOutcome<AgentAuthentication> outcome) {
        if (!self)
            return;
        self->m_authPending = false;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return self->sendError(*failure, message);
        const AgentAuthentication auth = std::get<AgentAuthentication>(outcome);
        self->m_authPending = true;
        self->m_chat->agentSnapshot(auth.agent, [self, message, auth](ChatOutcome<QJsonObject> snapshot) {
            if (!self)
                return;
            self->m_authPending = false;
            if (auto *failure = std::get_if<ProtocolError>(&snapshot))
                return self->sendError(*failure, message);
            self->m_auth = auth;
            // The session may have ended while the snapshot was read.
            if (self->m_chat->isSessionEnded(auth.session.id))
                return self->endSession(ChatService::sessionEndReason(SessionEnd::EndedByAgent));
            self->m_agent = &self->m_auth->agent;
            QJsonObject frame = std::get<QJsonObject>(snapshot);
            frame.insert(u"sessionId"_s, auth.session.id);
            WireCodec::addRef(frame, message.requestId);
            self->m_send(frame);
            self->m_chat->attachAgent(self, auth.agent);
            Q_EMIT self->authenticated();
        });
    });
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
        m_chat->acceptConversation(*m_agent, conversationId, answerWithConversation(message));
}

void AgentChannel::handleClose(const WireMessage &message)
{
    qint64 conversationId = 0;
    if (readConversationId(message, &conversationId))
        m_chat->closeConversation(*m_agent, conversationId, answerWithConversation(message));
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
    m_chat->replyToConversation(*m_agent, conversationId, clientId, body, this,
                                [self, message, clientId](ChatOutcome<AppendResult> outcome) {
                                    if (!self)
                                        return;
                                    if (auto *failure = std::get_if<ProtocolError>(&outcome))
                                        return self->sendError(*failure, message);
                                    QJsonObject ack = WireCodec::ackFrame(std::get<AppendResult>(outcome), clientId);
                                    WireCodec::addRef(ack, message.requestId);
                                    self->m_send(ack);
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
    if (const auto refused = m_chat->agentTyping(*m_agent, conversationId, active))
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
    m_chat->agentRead(*m_agent, conversationId, messageId, answerWithConversation(message));
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
    m_chat->conversationHistory(
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
    m_chat->visitorContext(visitorId, [self, message](ChatOutcome<QJsonObject> outcome) {
        if (!self)
            return;
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return self->sendError(*failure, message);
        self->sendResult(message, std::get<QJsonObject>(outcome));
    });
}

void AgentChannel::handleSetStatus(const WireMessage &message)
{
    QString status;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"status"_s, 10), &status, &error))
        return sendError(error, message);
    if (status != u"online" && status != u"away")
        return sendError(ProtocolError::make(ErrorCode::InvalidField, u"The status is \"online\" or \"away\"."_s), message);
    m_chat->setAgentStatus(*m_agent, status);
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
    m_chat->transferConversation(*m_agent, conversationId, agentId, answerWithConversation(message));
}

void AgentChannel::handleListSessions(const WireMessage &message)
{
    QPointer<AgentChannel> self(this);
    m_chat->agentSessions(*m_agent, [self, message](ChatOutcome<QList<LoginSession>> outcome) {
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
    m_chat->endAgentSession(*m_agent, sessionId, SessionEnd::EndedByAgent, [self, message](ChatOutcome<bool> outcome) {
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
    m_chat->endAgentSession(*m_agent, sessionId(), SessionEnd::LoggedOut, [](ChatOutcome<bool>) {});
}

} // namespace Frontdesk
