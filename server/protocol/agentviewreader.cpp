#include "agentviewreader.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

qint64 AgentViewReader::number(const QJsonObject &object, QLatin1StringView field)
{
    const QJsonValue value = object.value(field);
    return value.isDouble() ? qint64(value.toDouble()) : 0;
}

QString AgentViewReader::text(const QJsonObject &object, QLatin1StringView field)
{
    return object.value(field).toString();
}

MessageRecord AgentViewReader::message(const QJsonObject &object)
{
    MessageRecord message;
    message.id = number(object, "id"_L1);
    message.conversationId = number(object, "conversationId"_L1);
    message.authorKind = authorKindFromString(text(object, "author"_L1));
    message.authorAgentId = number(object, "authorAgentId"_L1);
    message.authorName = text(object, "authorName"_L1);
    message.body = text(object, "body"_L1);
    message.clientId = text(object, "clientId"_L1);
    message.createdAt = number(object, "createdAt"_L1);
    return message;
}

ConversationRecord AgentViewReader::conversation(const QJsonObject &object)
{
    ConversationRecord conversation;
    conversation.id = number(object, "id"_L1);
    conversation.siteId = number(object, "siteId"_L1);
    conversation.visitorId = text(object, "visitorId"_L1);
    conversation.status = conversationStatusFromString(text(object, "status"_L1));
    conversation.assignedAgentId = number(object, "assignedAgentId"_L1);
    conversation.assignedAgentName = text(object, "agentName"_L1);
    conversation.createdAt = number(object, "createdAt"_L1);
    conversation.updatedAt = number(object, "updatedAt"_L1);
    conversation.closedAt = number(object, "closedAt"_L1);
    conversation.visitorReadUpTo = number(object, "visitorReadUpTo"_L1);
    conversation.agentReadUpTo = number(object, "agentReadUpTo"_L1);
    conversation.rating = int(number(object, "rating"_L1));
    conversation.ratingComment = text(object, "ratingComment"_L1);
    return conversation;
}

ConversationView AgentViewReader::conversationView(const QJsonObject &object)
{
    ConversationView view;
    view.conversation = conversation(object);
    if (object.value("visitor"_L1).isObject())
        view.visitor = visitor(object.value("visitor"_L1).toObject());
    if (object.value("lastMessage"_L1).isObject())
        view.lastMessage = message(object.value("lastMessage"_L1).toObject());
    return view;
}

VisitorView AgentViewReader::visitor(const QJsonObject &object)
{
    VisitorView view;
    view.visitor.id = text(object, "id"_L1);
    view.visitor.name = text(object, "name"_L1);
    view.visitor.email = text(object, "email"_L1);
    view.visitor.attributes = object.value("attributes"_L1).toObject().toVariantMap();
    view.visitor.createdAt = number(object, "createdAt"_L1);
    view.visitor.lastSeenAt = number(object, "lastSeenAt"_L1);
    view.online = object.value("online"_L1).toBool();
    return view;
}

PageView AgentViewReader::page(const QJsonObject &object)
{
    PageView page;
    page.url = text(object, "url"_L1);
    page.title = text(object, "title"_L1);
    page.at = number(object, "at"_L1);
    return page;
}

AgentRecord AgentViewReader::agent(const QJsonObject &object)
{
    AgentRecord agent;
    agent.id = number(object, "id"_L1);
    agent.name = text(object, "name"_L1);
    agent.email = text(object, "email"_L1);
    agent.role = agentRoleFromString(text(object, "role"_L1));
    agent.disabled = object.value("disabled"_L1).toBool();
    return agent;
}

TeamMember AgentViewReader::teamMember(const QJsonObject &object)
{
    return TeamMember{agent(object), agentStatus(text(object, "status"_L1))};
}

SiteRecord AgentViewReader::site(const QJsonObject &object)
{
    SiteRecord site;
    site.id = number(object, "id"_L1);
    site.siteKey = text(object, "siteKey"_L1);
    site.name = text(object, "name"_L1);
    for (const QJsonValue &origin : object.value("allowedOrigins"_L1).toArray()) {
        if (origin.isString())
            site.allowedOrigins.append(origin.toString());
    }
    site.widgetSettings = object.value("widget"_L1).toObject().toVariantMap();
    site.closedRetentionDays = int(number(object, "closedRetentionDays"_L1));
    site.mailTeamAddress = text(object, "mailTeamAddress"_L1);
    site.mailUnansweredMinutes = int(number(object, "mailUnansweredMinutes"_L1));
    site.mailRepliesToAbsentVisitors = object.value("mailRepliesToAbsentVisitors"_L1).toBool(true);
    site.identitySecret = QByteArray::fromHex(text(object, "identitySecret"_L1).toLatin1());
    return site;
}

MailStatus AgentViewReader::mailStatus(const QJsonObject &object)
{
    MailStatus status;
    status.enabled = object.value("enabled"_L1).toBool();
    status.queued = int(number(object, "queued"_L1));
    status.failed = int(number(object, "failed"_L1));
    status.lastSentAt = number(object, "lastSentAt"_L1);
    const QJsonObject failure = object.value("lastFailure"_L1).toObject();
    status.lastFailureAt = number(failure, "at"_L1);
    status.lastFailureRecipientKind = mailRecipientKindFromString(text(failure, "recipient"_L1));
    status.lastFailure = text(failure, "reply"_L1);
    return status;
}

CannedResponse AgentViewReader::cannedResponse(const QJsonObject &object)
{
    CannedResponse response;
    response.id = number(object, "id"_L1);
    response.shortcut = text(object, "shortcut"_L1);
    response.body = text(object, "body"_L1);
    return response;
}

SessionView AgentViewReader::session(const QJsonObject &object)
{
    SessionView view;
    view.session.id = text(object, "id"_L1);
    view.session.createdAt = number(object, "createdAt"_L1);
    view.session.lastUsedAt = number(object, "lastUsedAt"_L1);
    view.session.expiresAt = number(object, "expiresAt"_L1);
    view.session.userAgent = text(object, "userAgent"_L1);
    view.session.address = text(object, "address"_L1);
    view.current = object.value("current"_L1).toBool();
    return view;
}

VisitorDetails AgentViewReader::visitorDetails(const QJsonObject &answer)
{
    return VisitorDetails{visitor(answer.value("visitor"_L1).toObject()), list(answer.value("pages"_L1).toArray(), page),
                          list(answer.value("conversations"_L1).toArray(), conversation)};
}

AgentSnapshotView AgentViewReader::snapshot(const QJsonObject &frame)
{
    AgentSnapshotView view;
    view.agent = agent(frame.value("agent"_L1).toObject());
    view.agentsOnline = int(number(frame, "agentsOnline"_L1));
    view.conversations = list(frame.value("conversations"_L1).toArray(), conversationView);
    // Protocol additions (sites, site, agents, publicUrl) are optional: an older server lacks them.
    if (frame.value("sites"_L1).isArray()) {
        view.sites = list(frame.value("sites"_L1).toArray(), site);
    } else if (frame.contains("site"_L1)) {
        const QJsonValue only = frame.value("site"_L1);
        view.sites = only.isObject() ? QList<SiteRecord>{site(only.toObject())} : QList<SiteRecord>();
    }
    if (frame.value("agents"_L1).isArray())
        view.team = list(frame.value("agents"_L1).toArray(), teamMember);
    view.publicUrl = QUrl(text(frame, "publicUrl"_L1));
    view.mail = mailStatus(frame.value("mail"_L1).toObject());
    return view;
}

AgentStatus AgentViewReader::agentStatus(const QString &text)
{
    if (text == u"online"_s)
        return AgentStatus::Online;
    if (text == u"away"_s)
        return AgentStatus::Away;
    return AgentStatus::Offline;
}

} // namespace Frontdesk
