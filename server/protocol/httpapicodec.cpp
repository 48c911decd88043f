#include "httpapicodec.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Frontdesk::HttpApiCodec {

namespace {

std::variant<PollingCredentials, ProtocolError> readCredentials(const QJsonObject &body)
{
    PollingCredentials credentials;
    ProtocolError error;
    if (!take(WireCodec::requiredString(body, u"visitorId"_s, 64), &credentials.visitorId, &error)
        || !take(WireCodec::requiredString(body, u"token"_s, 128), &credentials.token, &error)
        || !take(WireCodec::requiredString(body, u"channel"_s, 64), &credentials.channel, &error))
        return error;
    return credentials;
}

} // namespace

QByteArray errorBody(const QString &code, const QString &message)
{
    return WireCodec::encode(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}});
}

QByteArray healthBody(bool storing, qint64 uptimeSeconds, int connections)
{
    return WireCodec::encode(QJsonObject{{u"status"_s, storing ? u"ok"_s : u"storage_unavailable"_s},
                                         {u"version"_s, QStringLiteral(FRONTDESK_VERSION)},
                                         {u"protocol"_s, 1},
                                         {u"uptimeSeconds"_s, uptimeSeconds},
                                         {u"connections"_s, connections}});
}

QByteArray siteConfigBody(const SiteRecord &site, int agentsOnline)
{
    return WireCodec::encode(QJsonObject{{u"siteKey"_s, site.siteKey},
                                         {u"name"_s, site.name},
                                         {u"widget"_s, QJsonObject::fromVariantMap(site.widgetSettings)},
                                         {u"agentsOnline"_s, agentsOnline},
                                         {u"protocol"_s, 1}});
}

std::variant<LoginRequest, ProtocolError> decodeLogin(QByteArrayView body)
{
    auto decoded = WireCodec::decodeObject(body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return *error;
    const QJsonObject object = std::get<QJsonObject>(decoded);
    LoginRequest login;
    ProtocolError error;
    if (!take(WireCodec::requiredString(object, u"email"_s, 254), &login.email, &error)
        || !take(WireCodec::requiredString(object, u"password"_s, 1024, true), &login.password, &error))
        return error;
    return login;
}

QByteArray loginBody(const QString &token, const LoginSession &session, const AgentRecord &agent)
{
    return WireCodec::encode(QJsonObject{{u"token"_s, token},
                                         {u"expiresAt"_s, double(session.expiresAt)},
                                         {u"sessionId"_s, session.id},
                                         {u"agent"_s, WireCodec::toJson(agent)}});
}

std::variant<WireMessage, ProtocolError> decodePollingHello(QByteArrayView body)
{
    auto decoded = WireCodec::decodeObject(body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return *error;
    QJsonObject hello = std::get<QJsonObject>(decoded);
    hello.insert(u"type"_s, u"hello"_s);
    // No `id`: the HTTP request is its own correlation.
    return WireMessage{u"hello"_s, hello, QJsonValue(QJsonValue::Undefined)};
}

std::variant<PollingSend, ProtocolError> decodePollingSend(QByteArrayView body)
{
    auto decoded = WireCodec::decodeObject(body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return *error;
    const QJsonObject object = std::get<QJsonObject>(decoded);
    if (!object.value(u"frame"_s).isObject())
        return ProtocolError::make(ErrorCode::MissingField, u"The field \"frame\" must hold the visitor message to send."_s);
    // The inner frame is decoded with the same rules as a WebSocket frame.
    auto frame = WireCodec::decode(WireCodec::encode(object.value(u"frame"_s).toObject()));
    if (auto *error = std::get_if<ProtocolError>(&frame))
        return *error;
    PollingSend send{{}, std::get<WireMessage>(frame)};
    if (send.frame.type == u"hello")
        return ProtocolError::make(ErrorCode::InvalidField, u"Say hello through the /visitor/hello endpoint."_s);
    auto credentials = readCredentials(object);
    if (auto *error = std::get_if<ProtocolError>(&credentials))
        return *error;
    send.credentials = std::get<PollingCredentials>(credentials);
    return send;
}

std::variant<PollingPoll, ProtocolError> decodePollingPoll(QByteArrayView body)
{
    auto decoded = WireCodec::decodeObject(body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return *error;
    const QJsonObject object = std::get<QJsonObject>(decoded);
    PollingPoll poll;
    ProtocolError error;
    if (!take(WireCodec::optionalString(object, u"cursor"_s, 64), &poll.cursor, &error)
        || !take(WireCodec::optionalId(object, u"after"_s, -1), &poll.after, &error))
        return error;
    auto credentials = readCredentials(object);
    if (auto *failure = std::get_if<ProtocolError>(&credentials))
        return *failure;
    poll.credentials = std::get<PollingCredentials>(credentials);
    return poll;
}

QByteArray pollingOkBody()
{
    return QByteArrayLiteral(R"({"type":"ok"})");
}

QByteArray pollBatchBody(const QList<QByteArray> &events, const QString &cursor)
{
    // The events are encoded already: joined as they are, not parsed again.
    // The cursor is the server's own "<epoch>.<seq>", [A-Za-z0-9_.-]: nothing to escape.
    Q_ASSERT(!cursor.contains(u'"') && !cursor.contains(u'\\'));
    QByteArray batch = QByteArrayLiteral(R"({"events":[)");
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (i > 0)
            batch += ',';
        batch += events.at(i);
    }
    batch += R"(],"cursor":")" + cursor.toLatin1() + R"("})";
    return batch;
}

QByteArray resyncEvent()
{
    return QByteArrayLiteral(R"({"type":"resync"})");
}

QByteArray visitorMessageEvent(const MessageRecord &message)
{
    return WireCodec::encode(QJsonObject{{u"type"_s, u"message"_s}, {u"message"_s, WireCodec::toVisitorJson(message)}});
}

} // namespace Frontdesk::HttpApiCodec
