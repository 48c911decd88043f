#include "eventframes.h"

#include "chat/presenceservice.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Frontdesk::EventFrames {

namespace {

QByteArray frame(const QString &type, std::initializer_list<QPair<QString, QJsonValue>> fields = {})
{
    QJsonObject object{{u"type"_s, type}};
    for (const auto &[key, value] : fields)
        object.insert(key, value);
    return WireCodec::encode(object);
}

QByteArray agentMessage(const MessageRecord &message)
{
    return frame(u"message"_s, {{u"message"_s, WireCodec::toJson(message)}});
}

QByteArray visitorMessage(const MessageRecord &message)
{
    return frame(u"message"_s, {{u"message"_s, WireCodec::toVisitorJson(message)}});
}

/// An accept, transfer or close as agents see it: the conversation, then its system line.
QList<QByteArray> changeForAgents(const ConversationRecord &conversation, const MessageRecord &systemMessage)
{
    QList<QByteArray> frames{frame(u"conversation_updated"_s, {{u"conversation"_s, WireCodec::toJson(conversation)}})};
    if (systemMessage.id > 0)
        frames.append(agentMessage(systemMessage));
    return frames;
}

/// A new agent in the conversation as its visitor sees it: the system line, then who joined.
VisitorFrames joinedForVisitor(const ConversationRecord &conversation, const MessageRecord &systemMessage,
                               const QString &agentName)
{
    return {
        conversation.visitorId,
        false,
        {visitorMessage(systemMessage),
         frame(u"agent_joined"_s, {{u"agentName"_s, agentName}, {u"conversation"_s, WireCodec::toVisitorJson(conversation)}})}};
}

QByteArray visitorPresence(const QString &type, const QString &visitorId, qint64 conversationId)
{
    return frame(type, {{u"visitorId"_s, visitorId}, {u"conversationId"_s, double(conversationId)}});
}

} // namespace

bool forAdminsOnly(const DomainEvent &event)
{
    return std::holds_alternative<Events::MailStatusChanged>(event) || std::holds_alternative<Events::WebhookChanged>(event)
        || std::holds_alternative<Events::WebhookDeleted>(event);
}

QList<QByteArray> forAgents(const DomainEvent &event, const PresenceService &presence)
{
    return std::visit(
        Overloaded{
            [&](const Events::ConversationOpened &e) -> QList<QByteArray> {
                return {
                    frame(u"conversation_created"_s,
                          {{u"conversation"_s, WireCodec::toJson(e.summary, presence.isVisitorOnline(e.summary.visitor.id))}})};
            },
            [](const Events::MessageStored &e) -> QList<QByteArray> { return {agentMessage(e.message)}; },
            [](const Events::ConversationAccepted &e) { return changeForAgents(e.conversation, e.systemMessage); },
            [](const Events::ConversationTransferred &e) { return changeForAgents(e.conversation, e.systemMessage); },
            [](const Events::ConversationClosed &e) { return changeForAgents(e.conversation, e.systemMessage); },
            [](const Events::ConversationRated &e) -> QList<QByteArray> {
                return {frame(u"conversation_rated"_s, {{u"conversation"_s, WireCodec::toJson(e.conversation)}})};
            },
            [](const Events::TypingChanged &e) -> QList<QByteArray> {
                if (e.by != AuthorKind::Visitor)
                    return {}; // the agents' own typing goes to the visitor only
                return {frame(
                    u"typing"_s,
                    {{u"conversationId"_s, double(e.conversationId)}, {u"visitorId"_s, e.visitorId}, {u"active"_s, e.active}})};
            },
            [](const Events::ReadMarked &e) -> QList<QByteArray> {
                const bool byAgent = e.by == AuthorKind::Agent;
                const qint64 upTo = byAgent ? e.conversation.agentReadUpTo : e.conversation.visitorReadUpTo;
                return {frame(u"read"_s,
                              {{u"conversationId"_s, double(e.conversation.id)},
                               {u"by"_s, toString(e.by)},
                               {u"messageId"_s, double(upTo)}})};
            },
            [](const Events::VisitorPageViewed &e) -> QList<QByteArray> {
                QJsonObject object{
                    {u"type"_s, u"visitor_page"_s}, {u"visitorId"_s, e.view.visitorId}, {u"page"_s, WireCodec::toJson(e.view)}};
                if (e.conversationId > 0)
                    object.insert(u"conversationId"_s, double(e.conversationId));
                return {WireCodec::encode(object)};
            },
            // Agents hear of visitors coming and going only while they have a conversation open.
            [](const Events::VisitorReturned &e) -> QList<QByteArray> {
                if (e.conversationId == 0)
                    return {};
                return {visitorPresence(u"visitor_returned"_s, e.visitorId, e.conversationId)};
            },
            [](const Events::VisitorLeft &e) -> QList<QByteArray> {
                if (e.conversationId == 0)
                    return {};
                return {visitorPresence(u"visitor_left"_s, e.visitorId, e.conversationId)};
            },
            [&](const Events::VisitorUpdated &e) -> QList<QByteArray> {
                return {frame(u"visitor_updated"_s,
                              {{u"visitor"_s, WireCodec::toJson(e.visitor, presence.isVisitorOnline(e.visitor.id))}})};
            },
            [](const Events::VisitorErased &e) -> QList<QByteArray> {
                QJsonArray conversations;
                for (const qint64 conversationId : e.conversationIds)
                    conversations.append(double(conversationId));
                return {frame(u"visitor_erased"_s, {{u"visitorId"_s, e.visitorId}, {u"conversationIds"_s, conversations}})};
            },
            [](const Events::AgentStatusChanged &e) -> QList<QByteArray> {
                return {
                    frame(u"agent_status"_s,
                          {{u"agentId"_s, double(e.agent.id)}, {u"name"_s, e.agent.name}, {u"status"_s, toString(e.status)}})};
            },
            [](const Events::AgentsOnlineChanged &e) -> QList<QByteArray> {
                return {frame(u"presence"_s, {{u"agentsOnline"_s, e.count}})};
            },
            [](const Events::TeamChanged &) -> QList<QByteArray> { return {frame(u"team_changed"_s)}; },
            [](const Events::CannedResponsesChanged &) -> QList<QByteArray> { return {frame(u"canned_changed"_s)}; },
            // Encoded once for every agent, so without the identity secret:
            // an admin reads it with get_site or list_sites.
            [](const Events::SiteCreated &e) -> QList<QByteArray> {
                return {frame(u"site_created"_s, {{u"site"_s, WireCodec::toJson(e.site, false)}})};
            },
            [](const Events::SiteUpdated &e) -> QList<QByteArray> {
                return {frame(u"site_updated"_s, {{u"site"_s, WireCodec::toJson(e.site, false)}})};
            },
            // The console drops every conversation of that site: each names its siteId.
            [](const Events::SiteDeleted &e) -> QList<QByteArray> {
                return {
                    frame(u"site_deleted"_s,
                          {{u"siteId"_s, double(e.deletion.site.id)}, {u"site"_s, WireCodec::toJson(e.deletion.site, false)}})};
            },
            [](const Events::QueuePlaceChanged &) -> QList<QByteArray> { return {}; },
            [](const Events::SessionsEnded &) -> QList<QByteArray> { return {}; },
            [](const Events::MailStatusChanged &e) -> QList<QByteArray> {
                return {frame(u"mail_status"_s, {{u"mail"_s, WireCodec::toJson(e.status)}})};
            },
            [](const Events::WebhookChanged &e) -> QList<QByteArray> {
                return {frame(u"webhook_status"_s, {{u"webhook"_s, WireCodec::toJson(e.webhook)}})};
            },
            [](const Events::WebhookDeleted &e) -> QList<QByteArray> {
                return {frame(u"webhook_deleted"_s, {{u"webhookId"_s, double(e.webhookId)}, {u"siteId"_s, double(e.siteId)}})};
            },
        },
        event);
}

VisitorFrames forVisitors(const DomainEvent &event)
{
    return std::visit(
        Overloaded{
            [](const Events::MessageStored &e) -> VisitorFrames {
                return {e.conversation.visitorId, false, {visitorMessage(e.message)}};
            },
            [](const Events::ConversationAccepted &e) { return joinedForVisitor(e.conversation, e.systemMessage, e.agent.name); },
            [](const Events::ConversationTransferred &e) { return joinedForVisitor(e.conversation, e.systemMessage, e.to.name); },
            [](const Events::ConversationClosed &e) -> VisitorFrames {
                VisitorFrames told{e.conversation.visitorId, false, {}};
                if (e.systemMessage.id > 0)
                    told.frames.append(visitorMessage(e.systemMessage));
                told.frames.append(
                    frame(u"conversation_closed"_s, {{u"conversation"_s, WireCodec::toVisitorJson(e.conversation)}}));
                return told;
            },
            [](const Events::TypingChanged &e) -> VisitorFrames {
                if (e.by != AuthorKind::Agent)
                    return {};
                return {e.visitorId, false, {frame(u"typing"_s, {{u"active"_s, e.active}, {u"agentName"_s, e.agentName}})}};
            },
            [](const Events::ReadMarked &e) -> VisitorFrames {
                if (e.by != AuthorKind::Agent)
                    return {};
                return {e.conversation.visitorId,
                        false,
                        {frame(u"read"_s, {{u"messageId"_s, double(e.conversation.agentReadUpTo)}})}};
            },
            [](const Events::QueuePlaceChanged &e) -> VisitorFrames {
                const QJsonValue position = e.place > 0 ? QJsonValue(e.place) : QJsonValue(QJsonValue::Null);
                return {e.visitorId, false, {frame(u"queue"_s, {{u"position"_s, position}})}};
            },
            [](const Events::AgentsOnlineChanged &e) -> VisitorFrames {
                return {{}, true, {frame(u"presence"_s, {{u"agentsOnline"_s, e.count}})}};
            },
            [](const auto &) -> VisitorFrames { return {}; },
        },
        event);
}

} // namespace Frontdesk::EventFrames
