#include "presenceservice.h"

#include "chat/banlist.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPresence, "frontdesk.presence")

namespace Frontdesk {

PresenceService::PresenceService(DomainEventBus *events) : m_events(events)
{
    m_subscription = m_events->subscribe([this](const DomainEvent &event) { onEvent(event); });
}

PresenceService::~PresenceService()
{
    m_events->unsubscribe(m_subscription);
}

void PresenceService::load(const QList<ConversationSummary> &open)
{
    for (const ConversationSummary &summary : open)
        track(summary.conversation);
}

void PresenceService::onEvent(const DomainEvent &event)
{
    std::visit(Overloaded{
                   [this](const Events::ConversationOpened &e) { track(e.summary.conversation); },
                   [this](const Events::MessageStored &e) { track(e.conversation); },
                   [this](const Events::ConversationAccepted &e) { track(e.conversation); },
                   [this](const Events::ConversationTransferred &e) { track(e.conversation); },
                   [this](const Events::ConversationClosed &e) { track(e.conversation); },
                   [this](const Events::VisitorErased &e) { forget(e); },
                   [this](const Events::SiteDeleted &e) { forgetSite(e); },
                   [this](const Events::SessionsEnded &e) { endSessions(e); },
                   [](const auto &) {},
               },
               event);
}

// --- Visitors --------------------------------------------------------------

void PresenceService::attachVisitor(VisitorEndpoint *endpoint, const VisitorRecord &visitor)
{
    const bool returning = !m_visitorEndpoints.contains(visitor.id);
    m_visitorEndpoints.insert(visitor.id, endpoint);
    m_visitorSite.insert(visitor.id, visitor.siteId);
    // The welcome told it its place; later changes are measured from there.
    if (const int position = queuePosition(visitor.id))
        m_announcedPosition.insert(visitor.id, position);
    if (returning)
        m_events->publish(Events::VisitorReturned{visitor.id, openConversationOf(visitor.id)});
}

void PresenceService::detachVisitor(VisitorEndpoint *endpoint, const QString &visitorId)
{
    if (!m_visitorEndpoints.remove(visitorId, endpoint))
        return; // already let go (erased)
    if (m_visitorEndpoints.contains(visitorId))
        return;
    m_visitorSite.remove(visitorId);
    m_announcedPosition.remove(visitorId);
    m_events->publish(Events::VisitorLeft{visitorId, openConversationOf(visitorId)});
}

int PresenceService::endConnectionsCoveredBy(const BanRecord &ban, qint64 now)
{
    // Bans are rare admin actions: one pass over the connected visitors is fine here.
    QList<VisitorEndpoint *> covered;
    for (auto it = m_visitorEndpoints.cbegin(); it != m_visitorEndpoints.cend(); ++it) {
        if (BanList::covers(ban, it.value()->address(), it.key(), m_visitorSite.value(it.key()), now))
            covered.append(it.value());
    }
    for (VisitorEndpoint *endpoint : std::as_const(covered))
        endpoint->endConnection(ProtocolError::make(ErrorCode::Banned), u"banned"_s);
    return int(covered.size());
}

void PresenceService::forget(const Events::VisitorErased &erased)
{
    const QString &visitorId = erased.visitorId;
    // Out of the maps first, so closing the connections tells nobody "visitor left".
    QList<qint64> moved;
    for (const qint64 conversationId : erased.conversationIds) {
        m_openConversationVisitor.remove(conversationId);
        moved += m_queues.remove(conversationId);
    }
    m_visitorOpenConversation.remove(visitorId);
    m_announcedPosition.remove(visitorId);
    const QList<VisitorEndpoint *> endpoints = m_visitorEndpoints.values(visitorId);
    m_visitorEndpoints.remove(visitorId);
    m_visitorSite.remove(visitorId);
    for (VisitorEndpoint *endpoint : endpoints)
        endpoint->endConnection(std::nullopt, u"visitor erased"_s);
    announcePlaces(moved);
}

void PresenceService::forgetSite(const Events::SiteDeleted &deleted)
{
    const qint64 siteId = deleted.deletion.site.id;
    // Its whole queue goes at once: no other site's visitor moves, and its
    // own visitors are about to be disconnected, so nobody is told a place.
    m_queues.removeSite(siteId);
    for (const qint64 conversationId : deleted.deletion.openConversationIds) {
        const QString visitorId = m_openConversationVisitor.take(conversationId);
        if (m_visitorOpenConversation.value(visitorId) == conversationId)
            m_visitorOpenConversation.remove(visitorId);
    }
    // A site deletion is a rare admin action: one pass over the connected visitors is fine.
    QList<QString> visitors;
    for (auto it = m_visitorSite.cbegin(); it != m_visitorSite.cend(); ++it) {
        if (it.value() == siteId)
            visitors.append(it.key());
    }
    QList<VisitorEndpoint *> endpoints;
    for (const QString &visitorId : std::as_const(visitors)) {
        // Out of the maps before closing, so the close tells nobody "visitor left".
        endpoints += m_visitorEndpoints.values(visitorId);
        m_visitorEndpoints.remove(visitorId);
        m_visitorSite.remove(visitorId);
        m_announcedPosition.remove(visitorId);
    }
    qCInfo(lcPresence) << "site" << siteId << "deleted: closing" << endpoints.size() << "connections of" << visitors.size()
                       << "visitors";
    for (VisitorEndpoint *endpoint : std::as_const(endpoints))
        endpoint->endConnection(ProtocolError::make(ErrorCode::UnknownSite, u"This site no longer exists."_s), u"site deleted"_s);
}

// --- Agents ----------------------------------------------------------------

void PresenceService::attachAgent(AgentEndpoint *endpoint, const AgentRecord &agent)
{
    m_agentEndpoints.insert(endpoint);
    AgentPresence &presence = m_agents[agent.id];
    presence.name = agent.name;
    if (presence.connections++ == 0) {
        presence.status = AgentStatus::Online;
        m_events->publish(Events::AgentStatusChanged{{agent.id, agent.name}, presence.status});
        publishAgentsOnline();
    }
}

void PresenceService::detachAgent(AgentEndpoint *endpoint, const AgentRecord &agent)
{
    if (!m_agentEndpoints.remove(endpoint))
        return;
    auto it = m_agents.find(agent.id);
    if (it == m_agents.end() || --it->connections > 0)
        return;
    m_agents.erase(it);
    m_events->publish(Events::AgentStatusChanged{{agent.id, agent.name}, AgentStatus::Offline});
    publishAgentsOnline();
}

void PresenceService::setAgentStatus(const AgentRecord &agent, AgentStatus status)
{
    auto it = m_agents.find(agent.id);
    if (it == m_agents.end() || it->status == status || status == AgentStatus::Offline)
        return;
    it->status = status;
    qCInfo(lcPresence) << "agent" << agent.email << "is now" << toString(status);
    m_events->publish(Events::AgentStatusChanged{{agent.id, agent.name}, status});
    publishAgentsOnline();
}

AgentStatus PresenceService::agentStatus(qint64 agentId) const
{
    const auto it = m_agents.constFind(agentId);
    return it == m_agents.constEnd() ? AgentStatus::Offline : it->status;
}

int PresenceService::agentsOnline() const
{
    int online = 0;
    for (const AgentPresence &presence : m_agents)
        online += presence.status == AgentStatus::Online ? 1 : 0;
    return online;
}

void PresenceService::publishAgentsOnline()
{
    // Visitors only care whether somebody can answer: only changes of the count are news.
    const int online = agentsOnline();
    if (online == m_lastAgentsOnline)
        return;
    m_lastAgentsOnline = online;
    m_events->publish(Events::AgentsOnlineChanged{online});
}

void PresenceService::endSessions(const Events::SessionsEnded &ended)
{
    const QSet<AgentEndpoint *> endpoints = m_agentEndpoints;
    for (AgentEndpoint *endpoint : endpoints) {
        if (ended.sessionIds.contains(endpoint->sessionId()))
            endpoint->endSession(ended.why);
    }
}

// --- Conversations and queues ----------------------------------------------

void PresenceService::track(const ConversationRecord &conversation)
{
    if (conversation.status == ConversationStatus::Closed) {
        m_openConversationVisitor.remove(conversation.id);
        if (m_visitorOpenConversation.value(conversation.visitorId) == conversation.id)
            m_visitorOpenConversation.remove(conversation.visitorId);
    } else {
        m_openConversationVisitor.insert(conversation.id, conversation.visitorId);
        m_visitorOpenConversation.insert(conversation.visitorId, conversation.id);
    }
    if (conversation.status == ConversationStatus::Waiting) {
        announcePlaces(m_queues.add(conversation.siteId, conversation.id));
    } else if (m_queues.contains(conversation.id)) {
        const QList<qint64> moved = m_queues.remove(conversation.id);
        announceNotWaiting(conversation.visitorId);
        announcePlaces(moved);
    }
}

int PresenceService::queuePosition(const QString &visitorId) const
{
    return m_queues.place(m_visitorOpenConversation.value(visitorId));
}

void PresenceService::announcePlaces(const QList<qint64> &conversationIds)
{
    // Only connected visitors can be told; the others learn their place from
    // the welcome when they come back.
    for (const qint64 conversationId : conversationIds) {
        const QString visitorId = m_openConversationVisitor.value(conversationId);
        if (visitorId.isEmpty() || !m_visitorEndpoints.contains(visitorId))
            continue;
        const int position = m_queues.place(conversationId);
        if (position == 0 || m_announcedPosition.value(visitorId) == position)
            continue;
        m_announcedPosition.insert(visitorId, position);
        m_events->publish(Events::QueuePlaceChanged{visitorId, position});
    }
}

void PresenceService::announceNotWaiting(const QString &visitorId)
{
    if (m_announcedPosition.remove(visitorId) > 0)
        m_events->publish(Events::QueuePlaceChanged{visitorId, 0});
}

} // namespace Frontdesk
