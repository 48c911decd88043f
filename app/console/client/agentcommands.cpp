#include "agentcommands.h"

#include "agentconnection.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

CommandOutcome outcomeOf(const CommandReply &reply)
{
    return CommandOutcome{reply.errorCode, reply.errorMessage, qint64(reply.frame.value(u"retryAfterMs"_s).toDouble())};
}

// A record's id on the wire: a JSON number (exact up to 2^53, far beyond any id).
QJsonValue wireId(qint64 id)
{
    return double(id);
}

} // namespace

template<typename T, typename Read>
void AgentCommands::ask(const QString &type, QJsonObject fields, QObject *context, Answered<T> done, Read read)
{
    m_connection->request(type, std::move(fields), context, [done = std::move(done), read](const CommandReply &reply) {
        if (!done)
            return;
        CommandResult<T> result;
        static_cast<CommandOutcome &>(result) = outcomeOf(reply);
        if (reply.ok())
            result.value = read(reply.frame);
        done(result);
    });
}

void AgentCommands::run(const QString &type, QJsonObject fields, QObject *context, Finished done)
{
    m_connection->request(type, std::move(fields), context, [done = std::move(done)](const CommandReply &reply) {
        if (done)
            done(outcomeOf(reply));
    });
}

void AgentCommands::accept(qint64 conversationId, QObject *context, Finished done)
{
    run(u"accept"_s, {{u"conversationId"_s, wireId(conversationId)}}, context, std::move(done));
}

void AgentCommands::close(qint64 conversationId, QObject *context, Finished done)
{
    run(u"close"_s, {{u"conversationId"_s, wireId(conversationId)}}, context, std::move(done));
}

void AgentCommands::transfer(qint64 conversationId, qint64 agentId, QObject *context, Finished done)
{
    run(u"transfer"_s, {{u"conversationId"_s, wireId(conversationId)}, {u"agentId"_s, wireId(agentId)}}, context,
        std::move(done));
}

void AgentCommands::reply(qint64 conversationId, const QString &clientId, const QString &body, QObject *context,
                          Answered<MessageRecord> done)
{
    ask<MessageRecord>(u"reply"_s, {{u"conversationId"_s, wireId(conversationId)}, {u"clientId"_s, clientId}, {u"body"_s, body}},
                       context, std::move(done),
                       [](const QJsonObject &frame) { return AgentViewReader::message(frame.value(u"message"_s).toObject()); });
}

void AgentCommands::markRead(qint64 conversationId, qint64 messageId)
{
    m_connection->request(u"read"_s, {{u"conversationId"_s, wireId(conversationId)}, {u"messageId"_s, wireId(messageId)}},
                          nullptr, {});
}

void AgentCommands::sendTyping(qint64 conversationId, bool active)
{
    m_connection->send({{u"type"_s, u"typing"_s}, {u"conversationId"_s, wireId(conversationId)}, {u"active"_s, active}});
}

void AgentCommands::history(qint64 conversationId, qint64 before, int limit, QObject *context,
                            Answered<QList<MessageRecord>> done)
{
    QJsonObject fields{{u"conversationId"_s, wireId(conversationId)}, {u"limit"_s, limit}};
    if (before > 0)
        fields.insert(u"before"_s, wireId(before));
    ask<QList<MessageRecord>>(u"history"_s, std::move(fields), context, std::move(done), [](const QJsonObject &frame) {
        return AgentViewReader::list(frame.value(u"messages"_s).toArray(), AgentViewReader::message);
    });
}

void AgentCommands::search(const QString &text, int limit, QObject *context, Answered<QList<ConversationView>> done)
{
    ask<QList<ConversationView>>(
        u"search"_s, {{u"text"_s, text}, {u"limit"_s, limit}}, context, std::move(done), [](const QJsonObject &frame) {
            return AgentViewReader::list(frame.value(u"conversations"_s).toArray(), AgentViewReader::conversationView);
        });
}

void AgentCommands::visitor(const QString &visitorId, QObject *context, Answered<VisitorDetails> done)
{
    ask<VisitorDetails>(u"visitor"_s, {{u"visitorId"_s, visitorId}}, context, std::move(done), AgentViewReader::visitorDetails);
}

void AgentCommands::setStatus(AgentStatus status, QObject *context, Answered<AgentStatus> done)
{
    ask<AgentStatus>(u"set_status"_s, {{u"status"_s, toString(status)}}, context, std::move(done),
                     [status](const QJsonObject &frame) {
                         const QString answered = frame.value(u"status"_s).toString();
                         return answered.isEmpty() ? status : AgentViewReader::agentStatus(answered);
                     });
}

void AgentCommands::changePassword(const QString &current, const QString &password, QObject *context, Finished done)
{
    run(u"change_password"_s, {{u"current"_s, current}, {u"password"_s, password}}, context, std::move(done));
}

void AgentCommands::listSessions(QObject *context, Answered<QList<SessionView>> done)
{
    ask<QList<SessionView>>(u"list_sessions"_s, {}, context, std::move(done), [](const QJsonObject &frame) {
        return AgentViewReader::list(frame.value(u"sessions"_s).toArray(), AgentViewReader::session);
    });
}

void AgentCommands::endSession(const QString &sessionId, QObject *context, Finished done)
{
    run(u"end_session"_s, {{u"sessionId"_s, sessionId}}, context, std::move(done));
}

namespace {

SiteRecord siteOf(const QJsonObject &frame)
{
    return AgentViewReader::site(frame.value(u"site"_s).toObject());
}

} // namespace

void AgentCommands::getSite(QObject *context, Answered<SiteRecord> done)
{
    ask<SiteRecord>(u"get_site"_s, {}, context, std::move(done), siteOf);
}

void AgentCommands::createSite(const QString &name, QObject *context, Answered<SiteRecord> done)
{
    ask<SiteRecord>(u"create_site"_s, {{u"name"_s, name}}, context, std::move(done), siteOf);
}

void AgentCommands::updateSite(qint64 siteId, const SitePatch &patch, QObject *context, Answered<SiteRecord> done)
{
    QJsonObject fields;
    // Named always: with several sites the server never guesses which one.
    if (siteId > 0)
        fields.insert(u"siteId"_s, wireId(siteId));
    if (patch.name)
        fields.insert(u"name"_s, *patch.name);
    if (patch.allowedOrigins)
        fields.insert(u"allowedOrigins"_s, QJsonArray::fromStringList(*patch.allowedOrigins));
    if (patch.widgetSettings)
        fields.insert(u"widget"_s, QJsonObject::fromVariantMap(*patch.widgetSettings));
    if (patch.closedRetentionDays)
        fields.insert(u"closedRetentionDays"_s, *patch.closedRetentionDays);
    if (patch.mailTeamAddress)
        fields.insert(u"mailTeamAddress"_s, *patch.mailTeamAddress);
    if (patch.mailUnansweredMinutes)
        fields.insert(u"mailUnansweredMinutes"_s, *patch.mailUnansweredMinutes);
    if (patch.mailRepliesToAbsentVisitors)
        fields.insert(u"mailRepliesToAbsentVisitors"_s, *patch.mailRepliesToAbsentVisitors);
    ask<SiteRecord>(u"update_site"_s, std::move(fields), context, std::move(done), siteOf);
}

void AgentCommands::deleteSite(qint64 siteId, const QString &confirmSiteKey, QObject *context, Finished done)
{
    run(u"delete_site"_s, {{u"siteId"_s, wireId(siteId)}, {u"confirmSiteKey"_s, confirmSiteKey}}, context, std::move(done));
}

void AgentCommands::listAgents(QObject *context, Answered<QList<TeamMember>> done)
{
    ask<QList<TeamMember>>(u"list_agents"_s, {}, context, std::move(done), [](const QJsonObject &frame) {
        return AgentViewReader::list(frame.value(u"agents"_s).toArray(), AgentViewReader::teamMember);
    });
}

void AgentCommands::createAgent(const QString &email, const QString &name, const QString &password, AgentRole role,
                                QObject *context, Finished done)
{
    run(u"create_agent"_s, {{u"email"_s, email}, {u"name"_s, name}, {u"password"_s, password}, {u"role"_s, toString(role)}},
        context, std::move(done));
}

void AgentCommands::deleteAgent(qint64 agentId, QObject *context, Finished done)
{
    run(u"delete_agent"_s, {{u"agentId"_s, wireId(agentId)}}, context, std::move(done));
}

void AgentCommands::setAgentPassword(qint64 agentId, const QString &password, QObject *context, Finished done)
{
    run(u"set_agent_password"_s, {{u"agentId"_s, wireId(agentId)}, {u"password"_s, password}}, context, std::move(done));
}

void AgentCommands::setAgentDisabled(qint64 agentId, bool disabled, QObject *context, Finished done)
{
    run(u"set_agent_disabled"_s, {{u"agentId"_s, wireId(agentId)}, {u"disabled"_s, disabled}}, context, std::move(done));
}

void AgentCommands::listCanned(QObject *context, Answered<QList<CannedResponse>> done)
{
    ask<QList<CannedResponse>>(u"list_canned"_s, {}, context, std::move(done), [](const QJsonObject &frame) {
        return AgentViewReader::list(frame.value(u"canned"_s).toArray(), AgentViewReader::cannedResponse);
    });
}

void AgentCommands::saveCanned(const CannedResponse &response, QObject *context, Finished done)
{
    QJsonObject fields{{u"shortcut"_s, response.shortcut}, {u"body"_s, response.body}};
    if (response.id > 0)
        fields.insert(u"id"_s, wireId(response.id));
    run(u"save_canned"_s, std::move(fields), context, std::move(done));
}

void AgentCommands::deleteCanned(qint64 cannedId, QObject *context, Finished done)
{
    run(u"delete_canned"_s, {{u"id"_s, wireId(cannedId)}}, context, std::move(done));
}

namespace {

WebhookRecord webhookOf(const QJsonObject &frame)
{
    return WebhookViewReader::webhook(frame.value(u"webhook"_s).toObject());
}

} // namespace

void AgentCommands::listWebhooks(qint64 siteId, QObject *context, Answered<QList<WebhookRecord>> done)
{
    QJsonObject fields;
    // Named always, as for update_site: with several sites the server never guesses.
    if (siteId > 0)
        fields.insert(u"siteId"_s, wireId(siteId));
    ask<QList<WebhookRecord>>(u"list_webhooks"_s, std::move(fields), context, std::move(done), [](const QJsonObject &frame) {
        return AgentViewReader::list(frame.value(u"webhooks"_s).toArray(), WebhookViewReader::webhook);
    });
}

void AgentCommands::createWebhook(qint64 siteId, const QString &url, const QStringList &events, const QString &description,
                                  QObject *context, Answered<WebhookRecord> done)
{
    QJsonObject fields{{u"url"_s, url}, {u"events"_s, QJsonArray::fromStringList(events)}};
    if (siteId > 0)
        fields.insert(u"siteId"_s, wireId(siteId));
    if (!description.isEmpty())
        fields.insert(u"description"_s, description);
    ask<WebhookRecord>(u"create_webhook"_s, std::move(fields), context, std::move(done), webhookOf);
}

void AgentCommands::updateWebhook(qint64 webhookId, const WebhookPatch &patch, QObject *context, Answered<WebhookRecord> done)
{
    QJsonObject fields{{u"webhookId"_s, wireId(webhookId)}};
    if (patch.url)
        fields.insert(u"url"_s, *patch.url);
    if (patch.events)
        fields.insert(u"events"_s, QJsonArray::fromStringList(*patch.events));
    if (patch.description)
        fields.insert(u"description"_s, *patch.description);
    if (patch.enabled)
        fields.insert(u"enabled"_s, *patch.enabled);
    ask<WebhookRecord>(u"update_webhook"_s, std::move(fields), context, std::move(done), webhookOf);
}

void AgentCommands::rotateWebhookSecret(qint64 webhookId, QObject *context, Answered<WebhookRecord> done)
{
    ask<WebhookRecord>(u"rotate_webhook_secret"_s, {{u"webhookId"_s, wireId(webhookId)}}, context, std::move(done), webhookOf);
}

void AgentCommands::deleteWebhook(qint64 webhookId, QObject *context, Finished done)
{
    run(u"delete_webhook"_s, {{u"webhookId"_s, wireId(webhookId)}}, context, std::move(done));
}

void AgentCommands::listWebhookDeliveries(qint64 webhookId, qint64 beforeId, int limit, QObject *context,
                                          Answered<QList<WebhookDelivery>> done)
{
    QJsonObject fields{{u"webhookId"_s, wireId(webhookId)}, {u"limit"_s, limit}};
    if (beforeId > 0)
        fields.insert(u"beforeId"_s, wireId(beforeId));
    ask<QList<WebhookDelivery>>(
        u"list_webhook_deliveries"_s, std::move(fields), context, std::move(done), [](const QJsonObject &frame) {
            return AgentViewReader::list(frame.value(u"deliveries"_s).toArray(), WebhookViewReader::delivery);
        });
}

void AgentCommands::resendWebhookDelivery(qint64 deliveryId, QObject *context, Answered<WebhookDelivery> done)
{
    ask<WebhookDelivery>(
        u"resend_webhook_delivery"_s, {{u"deliveryId"_s, wireId(deliveryId)}}, context, std::move(done),
        [](const QJsonObject &frame) { return WebhookViewReader::delivery(frame.value(u"delivery"_s).toObject()); });
}

} // namespace Frontdesk
