#include "webhookcommands.h"

#include "chat/chatservices.h"
#include "protocol/sitecommands.h"
#include "webhooks/webhookservice.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

constexpr int defaultDeliveries = 50;
constexpr int maxDeliveries = 100;

QJsonObject webhookAnswer(const WebhookRecord &webhook)
{
    return {{u"webhook"_s, WireCodec::toJson(webhook)}};
}

/// "url": a checked endpoint URL.
std::variant<QString, ProtocolError> urlOf(const QJsonObject &command)
{
    QString url;
    ProtocolError error;
    if (!take(WireCodec::requiredString(command, u"url"_s, WebhookInput::maxUrlChars), &url, &error))
        return error;
    url = url.trimmed();
    const QString problem = WebhookInput::urlProblem(url);
    if (!problem.isEmpty())
        return ProtocolError::make(ErrorCode::InvalidField, problem);
    return url;
}

/// "events": a non-empty array of known event types, each once.
std::variant<QStringList, ProtocolError> eventsOf(const QJsonObject &command)
{
    const QJsonValue value = command.value(u"events"_s);
    if (value.isUndefined() || value.isNull())
        return ProtocolError::make(ErrorCode::MissingField, u"The field \"events\" is required."_s);
    if (!value.isArray())
        return ProtocolError::make(ErrorCode::InvalidField, u"The field \"events\" must be an array of event types."_s);
    QStringList events;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return ProtocolError::make(ErrorCode::InvalidField, u"The field \"events\" must be an array of event types."_s);
        if (!events.contains(item.toString()))
            events.append(item.toString());
    }
    const QString problem = WebhookInput::eventsProblem(events);
    if (!problem.isEmpty())
        return ProtocolError::make(ErrorCode::InvalidField, problem);
    return events;
}

} // namespace

WebhookCommands::WebhookCommands(ChatServices *chat) : m_chat(chat) { }

const QHash<QString, WebhookCommands::Run> &WebhookCommands::commands()
{
    static const QHash<QString, Run> table{
        {u"list_webhooks"_s, &WebhookCommands::listWebhooks},
        {u"create_webhook"_s, &WebhookCommands::createWebhook},
        {u"update_webhook"_s, &WebhookCommands::updateWebhook},
        {u"rotate_webhook_secret"_s, &WebhookCommands::rotateSecret},
        {u"delete_webhook"_s, &WebhookCommands::deleteWebhook},
        {u"list_webhook_deliveries"_s, &WebhookCommands::listDeliveries},
        {u"resend_webhook_delivery"_s, &WebhookCommands::resendDelivery},
    };
    return table;
}

bool WebhookCommands::handles(const QString &type)
{
    return commands().contains(type);
}

void WebhookCommands::handle(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    const Run run = commands().value(message.type);
    if (!run)
        return answer(ProtocolError::make(ErrorCode::UnknownType));
    // An endpoint hears everything said on its site, and its secret signs for
    // the server: admins only, before any field is read.
    if (agent.role != AgentRole::Admin)
        return answer(ProtocolError::make(ErrorCode::Forbidden, u"Only an admin may manage webhooks."_s));
    if (!m_chat->webhooks())
        return answer(ProtocolError::make(ErrorCode::UnknownType, u"This server has no webhooks."_s));
    (this->*run)(agent, message, answer);
}

void WebhookCommands::listWebhooks(const AgentRecord &, const WireMessage &message, const Answer &answer)
{
    const auto site = SiteCommands::siteOf(*m_chat->sites(), message.object);
    if (auto *refused = std::get_if<ProtocolError>(&site))
        return answer(*refused);
    m_chat->webhooks()->list(std::get<SiteRecord>(site).id,
                             answerWith<QList<WebhookRecord>>(answer, [](const QList<WebhookRecord> &webhooks) {
                                 QJsonArray list;
                                 for (const WebhookRecord &webhook : webhooks)
                                     list.append(WireCodec::toJson(webhook));
                                 return QJsonObject{{u"webhooks"_s, list}};
                             }));
}

void WebhookCommands::createWebhook(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    const auto site = SiteCommands::siteOf(*m_chat->sites(), message.object);
    if (auto *refused = std::get_if<ProtocolError>(&site))
        return answer(*refused);
    WebhookRecord draft;
    draft.siteId = std::get<SiteRecord>(site).id;
    ProtocolError error;
    if (!take(urlOf(message.object), &draft.url, &error) || !take(eventsOf(message.object), &draft.events, &error)
        || !take(WireCodec::optionalString(message.object, u"description"_s, WebhookInput::maxDescriptionChars),
                 &draft.description, &error))
        return answer(error);
    m_chat->webhooks()->create(agent, draft, answerWith<WebhookRecord>(answer, webhookAnswer));
}

void WebhookCommands::updateWebhook(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    qint64 webhookId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"webhookId"_s), &webhookId, &error))
        return answer(error);
    WebhookPatch patch;
    const QJsonObject &command = message.object;
    if (command.contains(u"url"_s)) {
        QString url;
        if (!take(urlOf(command), &url, &error))
            return answer(error);
        patch.url = url;
    }
    if (command.contains(u"events"_s)) {
        QStringList events;
        if (!take(eventsOf(command), &events, &error))
            return answer(error);
        patch.events = events;
    }
    if (command.contains(u"description"_s)) {
        QString description;
        if (!take(WireCodec::optionalString(command, u"description"_s, WebhookInput::maxDescriptionChars), &description, &error))
            return answer(error);
        patch.description = description;
    }
    if (command.contains(u"enabled"_s)) {
        bool enabled = true;
        if (!take(WireCodec::requiredBool(command, u"enabled"_s), &enabled, &error))
            return answer(error);
        patch.enabled = enabled;
    }
    m_chat->webhooks()->update(agent, webhookId, patch, answerWith<WebhookRecord>(answer, webhookAnswer));
}

void WebhookCommands::rotateSecret(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    qint64 webhookId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"webhookId"_s), &webhookId, &error))
        return answer(error);
    m_chat->webhooks()->rotateSecret(agent, webhookId, answerWith<WebhookRecord>(answer, webhookAnswer));
}

void WebhookCommands::deleteWebhook(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    qint64 webhookId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"webhookId"_s), &webhookId, &error))
        return answer(error);
    m_chat->webhooks()->remove(agent, webhookId, answerWith<WebhookRecord>(answer, [](const WebhookRecord &gone) {
                                   return QJsonObject{{u"webhookId"_s, double(gone.id)}};
                               }));
}

void WebhookCommands::listDeliveries(const AgentRecord &, const WireMessage &message, const Answer &answer)
{
    qint64 webhookId = 0;
    qint64 beforeId = 0;
    qint64 limit = defaultDeliveries;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"webhookId"_s), &webhookId, &error)
        || !take(WireCodec::optionalId(message.object, u"beforeId"_s), &beforeId, &error)
        || !take(WireCodec::optionalId(message.object, u"limit"_s, defaultDeliveries), &limit, &error))
        return answer(error);
    if (limit < 1 || limit > maxDeliveries)
        return answer(
            ProtocolError::make(ErrorCode::InvalidField, u"The field \"limit\" must be between 1 and %1."_s.arg(maxDeliveries)));
    m_chat->webhooks()->deliveries(webhookId, beforeId, int(limit),
                                   answerWith<QList<WebhookDelivery>>(answer, [](const QList<WebhookDelivery> &deliveries) {
                                       QJsonArray list;
                                       for (const WebhookDelivery &delivery : deliveries)
                                           list.append(WireCodec::toJson(delivery));
                                       return QJsonObject{{u"deliveries"_s, list}};
                                   }));
}

void WebhookCommands::resendDelivery(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    qint64 deliveryId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"deliveryId"_s), &deliveryId, &error))
        return answer(error);
    m_chat->webhooks()->resend(agent, deliveryId, answerWith<WebhookDelivery>(answer, [](const WebhookDelivery &delivery) {
                                   return QJsonObject{{u"delivery"_s, WireCodec::toJson(delivery)}};
                               }));
}

} // namespace Frontdesk
