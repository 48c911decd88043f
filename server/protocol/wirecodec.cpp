#include "wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Frontdesk {

bool WireCodec::isValidUtf8(QByteArrayView bytes)
{
    // QJsonDocument would replace broken sequences with U+FFFD and carry on;
    // the protocol refuses them instead, so the client learns its encoder is wrong.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    Q_UNUSED(text);
    return !decoder.hasError();
}

bool WireCodec::isPlausibleEmail(const QString &email)
{
    const qsizetype at = email.indexOf(u'@');
    return at > 0 && at < email.size() - 1 && email.indexOf(u'@', at + 1) < 0 && !email.contains(u' ')
        && email.size() <= WireLimits::maxEmailChars;
}

std::variant<QJsonObject, ProtocolError> WireCodec::decodeObject(QByteArrayView bytes)
{
    if (!isValidUtf8(bytes))
        return ProtocolError::make(ErrorCode::InvalidUtf8);

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return ProtocolError::make(
            ErrorCode::BadJson,
            u"The message is not valid JSON (%1 at offset %2)."_s.arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return ProtocolError::make(ErrorCode::BadJson, u"The message must be a JSON object."_s);
    return document.object();
}

std::variant<WireMessage, ProtocolError> WireCodec::decode(QByteArrayView bytes)
{
    auto decoded = decodeObject(bytes);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return *error;

    WireMessage message;
    message.object = std::get<QJsonObject>(decoded);
    message.requestId = message.object.value(u"id"_s);
    const QJsonValue type = message.object.value(u"type"_s);
    if (type.isUndefined())
        return ProtocolError::make(ErrorCode::MissingField, u"The field \"type\" is missing."_s);
    if (!type.isString() || type.toString().isEmpty())
        return ProtocolError::make(ErrorCode::InvalidField, u"The field \"type\" must be a non-empty string."_s);
    message.type = type.toString();
    return message;
}

QByteArray WireCodec::encode(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::variant<QString, ProtocolError> WireCodec::requiredString(const QJsonObject &object, const QString &field, int maxChars,
                                                               bool allowEmpty)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return ProtocolError::make(ErrorCode::MissingField, u"The field \"%1\" is missing."_s.arg(field));
    if (!value.isString())
        return ProtocolError::make(ErrorCode::InvalidField, u"The field \"%1\" must be a string."_s.arg(field));
    const QString text = value.toString();
    if (!allowEmpty && text.trimmed().isEmpty())
        return ProtocolError::make(ErrorCode::InvalidField, u"The field \"%1\" must not be empty."_s.arg(field));
    if (text.size() > maxChars)
        return ProtocolError::make(
            ErrorCode::TextTooLong,
            u"The field \"%1\" has %2 characters; at most %3 are allowed."_s.arg(field).arg(text.size()).arg(maxChars));
    return text;
}

std::variant<QString, ProtocolError> WireCodec::optionalString(const QJsonObject &object, const QString &field, int maxChars)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return QString();
    return requiredString(object, field, maxChars, true);
}

std::variant<qint64, ProtocolError> WireCodec::requiredId(const QJsonObject &object, const QString &field, qint64 minimum)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return ProtocolError::make(ErrorCode::MissingField, u"The field \"%1\" is missing."_s.arg(field));
    const double number = value.toDouble(-1);
    // Doubles hold integers exactly up to 2^53, which is what JavaScript sends.
    if (!value.isDouble() || number != std::floor(number) || number < double(minimum) || number > 9007199254740991.0)
        return ProtocolError::make(ErrorCode::InvalidField,
                                   u"The field \"%1\" must be a whole number of at least %2."_s.arg(field).arg(minimum));
    return qint64(number);
}

std::variant<qint64, ProtocolError> WireCodec::optionalId(const QJsonObject &object, const QString &field, qint64 fallback)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return fallback;
    return requiredId(object, field, 0);
}

std::variant<bool, ProtocolError> WireCodec::requiredBool(const QJsonObject &object, const QString &field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return ProtocolError::make(ErrorCode::MissingField, u"The field \"%1\" is missing."_s.arg(field));
    if (!value.isBool())
        return ProtocolError::make(ErrorCode::InvalidField, u"The field \"%1\" must be true or false."_s.arg(field));
    return value.toBool();
}

QString WireCodec::loggable(const QString &text, qsizetype maxChars)
{
    QString safe = text.left(maxChars);
    for (QChar &c : safe) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = u'?';
    }
    if (text.size() > maxChars)
        safe += u"… (%1 characters)"_s.arg(text.size());
    return safe;
}

QJsonObject WireCodec::errorFrame(const ProtocolError &error, const QJsonValue &ref)
{
    QJsonObject frame{{u"type"_s, u"error"_s}, {u"code"_s, errorCodeName(error.code)}, {u"message"_s, error.message}};
    if (error.retryAfterMs > 0)
        frame.insert(u"retryAfterMs"_s, double(error.retryAfterMs));
    if (!ref.isUndefined() && !ref.isNull())
        frame.insert(u"ref"_s, ref);
    return frame;
}

void WireCodec::addRef(QJsonObject &answer, const QJsonValue &requestId)
{
    if (!requestId.isUndefined())
        answer.insert(u"ref"_s, requestId);
}

QJsonObject WireCodec::ackFrame(const AppendResult &appended, const QString &clientId)
{
    return QJsonObject{{u"type"_s, u"ack"_s},
                       {u"clientId"_s, clientId},
                       {u"messageId"_s, double(appended.message.id)},
                       {u"conversationId"_s, double(appended.message.conversationId)},
                       {u"createdAt"_s, double(appended.message.createdAt)},
                       {u"duplicate"_s, appended.duplicate}};
}

static QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(double(id)) : QJsonValue(QJsonValue::Null);
}

QJsonObject WireCodec::toJson(const MessageRecord &message)
{
    QJsonObject object = toVisitorJson(message);
    object.insert(u"clientId"_s, message.clientId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(message.clientId));
    object.insert(u"authorAgentId"_s, idOrNull(message.authorAgentId));
    return object;
}

QJsonObject WireCodec::toVisitorJson(const MessageRecord &message)
{
    return QJsonObject{
        {u"id"_s, double(message.id)},
        {u"conversationId"_s, double(message.conversationId)},
        {u"author"_s, toString(message.authorKind)},
        {u"authorName"_s, message.authorName},
        {u"body"_s, message.body},
        // A visitor sees only its own client ids (to match acks); agents' are theirs.
        {u"clientId"_s,
         message.clientId.isEmpty() || message.authorKind != AuthorKind::Visitor ? QJsonValue(QJsonValue::Null)
                                                                                 : QJsonValue(message.clientId)},
        {u"createdAt"_s, double(message.createdAt)},
    };
}

QJsonObject WireCodec::toJson(const ConversationRecord &conversation)
{
    QJsonObject object = toVisitorJson(conversation);
    object.insert(u"siteId"_s, double(conversation.siteId));
    object.insert(u"visitorId"_s, conversation.visitorId);
    object.insert(u"assignedAgentId"_s, idOrNull(conversation.assignedAgentId));
    object.insert(u"updatedAt"_s, double(conversation.updatedAt));
    object.insert(u"ratingComment"_s, conversation.ratingComment);
    return object;
}

QJsonObject WireCodec::toVisitorJson(const ConversationRecord &conversation)
{
    return QJsonObject{
        {u"id"_s, double(conversation.id)},
        {u"status"_s, toString(conversation.status)},
        {u"agentName"_s,
         conversation.assignedAgentName.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(conversation.assignedAgentName)},
        {u"createdAt"_s, double(conversation.createdAt)},
        {u"closedAt"_s, idOrNull(conversation.closedAt)},
        {u"visitorReadUpTo"_s, double(conversation.visitorReadUpTo)},
        {u"agentReadUpTo"_s, double(conversation.agentReadUpTo)},
        {u"rating"_s, conversation.rating > 0 ? QJsonValue(conversation.rating) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject WireCodec::toJson(const ConversationSummary &summary, bool visitorOnline)
{
    QJsonObject object = toJson(summary.conversation);
    object.insert(u"visitor"_s, toJson(summary.visitor, visitorOnline));
    object.insert(u"lastMessage"_s,
                  summary.lastMessage.id > 0 ? QJsonValue(toJson(summary.lastMessage)) : QJsonValue(QJsonValue::Null));
    return object;
}

QJsonObject WireCodec::toJson(const VisitorRecord &visitor, bool online)
{
    return QJsonObject{
        {u"id"_s, visitor.id},
        {u"name"_s, visitor.name},
        {u"email"_s, visitor.email},
        {u"attributes"_s, QJsonObject::fromVariantMap(visitor.attributes)},
        {u"online"_s, online},
        {u"createdAt"_s, double(visitor.createdAt)},
        {u"lastSeenAt"_s, double(visitor.lastSeenAt)},
    };
}

QJsonObject WireCodec::toJson(const AgentRecord &agent)
{
    return QJsonObject{
        {u"id"_s, double(agent.id)},       {u"name"_s, agent.name},         {u"email"_s, agent.email},
        {u"role"_s, toString(agent.role)}, {u"disabled"_s, agent.disabled},
    };
}

QJsonObject WireCodec::toJson(const LoginSession &session)
{
    return QJsonObject{
        {u"id"_s, session.id},
        {u"createdAt"_s, double(session.createdAt)},
        {u"lastUsedAt"_s, double(session.lastUsedAt)},
        {u"expiresAt"_s, double(session.expiresAt)},
        {u"userAgent"_s, session.userAgent},
        {u"address"_s, session.address},
    };
}

QJsonObject WireCodec::toJson(const PageView &view)
{
    return QJsonObject{{u"url"_s, view.url}, {u"title"_s, view.title}, {u"at"_s, double(view.at)}};
}

QJsonObject WireCodec::toJson(const SiteRecord &site, bool withSecret)
{
    QJsonObject object{{u"id"_s, double(site.id)},
                       {u"siteKey"_s, site.siteKey},
                       {u"name"_s, site.name},
                       {u"allowedOrigins"_s, QJsonArray::fromStringList(site.allowedOrigins)},
                       {u"widget"_s, QJsonObject::fromVariantMap(site.widgetSettings)},
                       {u"closedRetentionDays"_s, site.closedRetentionDays},
                       {u"mailTeamAddress"_s, site.mailTeamAddress},
                       {u"mailUnansweredMinutes"_s, site.mailUnansweredMinutes},
                       {u"mailRepliesToAbsentVisitors"_s, site.mailRepliesToAbsentVisitors}};
    if (withSecret)
        object.insert(u"identitySecret"_s, QString::fromLatin1(site.identitySecret.toHex()));
    return object;
}

QJsonObject WireCodec::toJson(const MailStatus &status)
{
    QJsonObject object{{u"enabled"_s, status.enabled},
                       {u"queued"_s, status.queued},
                       {u"failed"_s, status.failed},
                       {u"lastSentAt"_s, status.lastSentAt > 0 ? QJsonValue(double(status.lastSentAt)) : QJsonValue()}};
    if (status.lastFailureAt > 0)
        object.insert(u"lastFailure"_s,
                      QJsonObject{{u"at"_s, double(status.lastFailureAt)},
                                  {u"recipient"_s, toString(status.lastFailureRecipientKind)},
                                  {u"reply"_s, status.lastFailure}});
    else
        object.insert(u"lastFailure"_s, QJsonValue());
    return object;
}

QJsonObject WireCodec::toJson(const WebhookRecord &webhook)
{
    return {{u"id"_s, double(webhook.id)},
            {u"siteId"_s, double(webhook.siteId)},
            {u"url"_s, webhook.url},
            {u"events"_s, QJsonArray::fromStringList(webhook.events)},
            {u"enabled"_s, webhook.enabled},
            {u"description"_s, webhook.description},
            {u"secret"_s, webhook.secret},
            {u"createdAt"_s, double(webhook.createdAt)},
            {u"queued"_s, webhook.queued},
            {u"failed"_s, webhook.failed},
            {u"lastDeliveredAt"_s, double(webhook.lastDeliveredAt)},
            {u"lastFailureAt"_s, double(webhook.lastFailureAt)},
            {u"lastFailure"_s, webhook.lastFailure}};
}

QJsonObject WireCodec::toJson(const WebhookDelivery &delivery)
{
    return {{u"id"_s, double(delivery.id)},
            {u"webhookId"_s, double(delivery.webhookId)},
            {u"eventId"_s, u"evt_%1"_s.arg(delivery.eventId)},
            {u"event"_s, delivery.eventType},
            {u"conversationId"_s, double(delivery.conversationId)},
            {u"status"_s, toString(delivery.status)},
            {u"attempts"_s, delivery.attempts},
            {u"statusCode"_s, delivery.statusCode},
            {u"error"_s, delivery.error},
            {u"createdAt"_s, double(delivery.createdAt)},
            {u"lastAttemptAt"_s, double(delivery.lastAttemptAt)},
            {u"nextAttemptAt"_s, double(delivery.nextAttemptAt)},
            {u"deliveredAt"_s, double(delivery.deliveredAt)}};
}

QJsonObject WireCodec::toJson(const TeamMember &member)
{
    QJsonObject object = toJson(member.agent);
    object.insert(u"status"_s, toString(member.status));
    return object;
}

QJsonObject WireCodec::toJson(const CannedResponse &response)
{
    return QJsonObject{{u"id"_s, double(response.id)}, {u"shortcut"_s, response.shortcut}, {u"body"_s, response.body}};
}

QJsonObject WireCodec::toJson(const BanRecord &ban, qint64 now)
{
    return QJsonObject{
        {u"id"_s, double(ban.id)},
        {u"siteId"_s, ban.siteId > 0 ? QJsonValue(double(ban.siteId)) : QJsonValue(QJsonValue::Null)}, // null: every site
        {u"kind"_s, toString(ban.kind)},
        {u"value"_s, ban.value},
        {u"reason"_s, ban.reason},
        {u"createdBy"_s, ban.createdBy},
        {u"createdAt"_s, double(ban.createdAt)},
        {u"expiresAt"_s, ban.expiresAt > 0 ? QJsonValue(double(ban.expiresAt)) : QJsonValue(QJsonValue::Null)},
        {u"active"_s, ban.expiresAt == 0 || ban.expiresAt > now},
    };
}

QJsonObject WireCodec::toJson(const AuditEntry &entry)
{
    return QJsonObject{
        {u"id"_s, double(entry.id)},
        {u"at"_s, double(entry.at)},
        {u"agentId"_s, entry.agentId > 0 ? QJsonValue(double(entry.agentId)) : QJsonValue(QJsonValue::Null)},
        {u"agentEmail"_s, entry.agentEmail},
        {u"action"_s, entry.action},
        {u"target"_s, entry.target},
        {u"detail"_s, entry.detail},
    };
}

} // namespace Frontdesk
