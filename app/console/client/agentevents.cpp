#include "agentevents.h"

#include "agentconnection.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEvents, "frontdesk.console.client")

namespace Frontdesk {

AgentEvents::AgentEvents(AgentConnection *connection, QObject *parent) : QObject(parent)
{
    connect(connection, &AgentConnection::signedIn, this,
            [this](const QJsonObject &agent) { Q_EMIT signedIn(AgentViewReader::agent(agent)); });
    connect(connection, &AgentConnection::authenticated, this, [this](const QJsonObject &frame) {
        m_snapshot = AgentViewReader::snapshot(frame);
        Q_EMIT authenticated(m_snapshot);
    });
    connect(connection, &AgentConnection::snapshotReceived, this, [this](const QJsonObject &) {
        const AgentSnapshotView snapshot = std::exchange(m_snapshot, {});
        Q_EMIT snapshotReceived(snapshot);
    });
    connect(connection, &AgentConnection::eventReceived, this, &AgentEvents::readEvent);
}

void AgentEvents::readEvent(const QString &type, const QJsonObject &frame)
{
    const int conversationId = frame.value(u"conversationId"_s).toInt();
    const QString visitorId = frame.value(u"visitorId"_s).toString();
    const auto conversation = [&frame] { return AgentViewReader::conversationView(frame.value(u"conversation"_s).toObject()); };
    if (type == u"message"_s) {
        Q_EMIT messageReceived(AgentViewReader::message(frame.value(u"message"_s).toObject()));
    } else if (type == u"conversation_created"_s) {
        Q_EMIT conversationCreated(conversation());
    } else if (type == u"conversation_updated"_s) {
        Q_EMIT conversationUpdated(conversation());
    } else if (type == u"conversation_rated"_s) {
        Q_EMIT conversationRated(conversation());
    } else if (type == u"typing"_s) {
        Q_EMIT typingReceived(conversationId, frame.value(u"active"_s).toBool());
    } else if (type == u"read"_s) {
        // Only "visitor" is the visitor's mark; anything else is the team's.
        const AuthorKind by = frame.value(u"by"_s).toString() == u"visitor"_s ? AuthorKind::Visitor : AuthorKind::Agent;
        Q_EMIT readReceived(conversationId, by, qint64(frame.value(u"messageId"_s).toDouble()));
    } else if (type == u"visitor_page"_s) {
        Q_EMIT visitorPageReceived(visitorId, AgentViewReader::page(frame.value(u"page"_s).toObject()), conversationId);
    } else if (type == u"visitor_left"_s || type == u"visitor_returned"_s) {
        Q_EMIT visitorConnectionChanged(visitorId, conversationId, type == u"visitor_returned"_s);
    } else if (type == u"visitor_updated"_s) {
        Q_EMIT visitorUpdated(AgentViewReader::visitor(frame.value(u"visitor"_s).toObject()));
    } else if (type == u"presence"_s) {
        Q_EMIT agentsOnlineChanged(frame.value(u"agentsOnline"_s).toInt());
    } else if (type == u"mail_status"_s) {
        Q_EMIT mailStatusReceived(AgentViewReader::mailStatus(frame.value(u"mail"_s).toObject()));
    } else if (type == u"agent_status"_s) {
        Q_EMIT agentStatusReceived(frame.value(u"agentId"_s).toInt(), frame.value(u"name"_s).toString(),
                                   AgentViewReader::agentStatus(frame.value(u"status"_s).toString()));
    } else if (type == u"site_created"_s || type == u"site_updated"_s) {
        Q_EMIT siteReceived(AgentViewReader::site(frame.value(u"site"_s).toObject()));
    } else if (type == u"site_deleted"_s) {
        Q_EMIT siteDeleted(frame.value(u"siteId"_s).toInt());
    } else if (type == u"webhook_status"_s) {
        Q_EMIT webhookStatusReceived(WebhookViewReader::webhook(frame.value(u"webhook"_s).toObject()));
    } else if (type == u"webhook_deleted"_s) {
        Q_EMIT webhookDeleted(qint64(frame.value(u"webhookId"_s).toDouble()));
    } else if (type == u"canned_changed"_s) {
        Q_EMIT cannedChanged();
    } else if (type == u"team_changed"_s) {
        Q_EMIT teamChanged();
    } else {
        qCDebug(lcEvents).noquote() << "ignored event" << type;
    }
}

} // namespace Frontdesk
