#pragma once

#include "chat/endpoints.h"
#include "chat/waitingqueues.h"
#include "core/domainevents.h"
#include "core/records.h"

#include <QHash>
#include <QMultiHash>
#include <QSet>

namespace Frontdesk {

/// @brief Who is here now: the visitors' and agents' open connections, each
/// agent's status, the open conversations and each site's queue of waiting
/// ones with every connected visitor's place in it.
///
/// Memory only, on the network thread; filled from the store at start
/// (load()) and kept in step by the bus: it hears each conversation's change
/// before the fan-out does (it subscribes first), so the fan-out renders
/// against the state after the change. What it learns itself (an agent came
/// or went, a visitor's place moved) it publishes as events too.
class PresenceService
{
public:
    explicit PresenceService(DomainEventBus *events);
    ~PresenceService();
    PresenceService(const PresenceService &) = delete;
    PresenceService &operator=(const PresenceService &) = delete;

    /// The open conversations at start.
    void load(const QList<ConversationSummary> &open);

    // Visitors
    void attachVisitor(VisitorEndpoint *endpoint, const VisitorRecord &visitor);
    void detachVisitor(VisitorEndpoint *endpoint, const QString &visitorId);
    [[nodiscard]] bool isVisitorOnline(const QString &visitorId) const { return m_visitorEndpoints.contains(visitorId); }
    /// A copy: an endpoint may detach itself while being pushed to.
    [[nodiscard]] QList<VisitorEndpoint *> visitorEndpoints(const QString &visitorId) const
    {
        return m_visitorEndpoints.values(visitorId);
    }
    [[nodiscard]] QList<VisitorEndpoint *> allVisitorEndpoints() const { return m_visitorEndpoints.values(); }
    /// Closes, with the banned notice, every visitor connection @p ban covers at @p now; returns how many.
    int endConnectionsCoveredBy(const BanRecord &ban, qint64 now);

    // Agents
    void attachAgent(AgentEndpoint *endpoint, const AgentRecord &agent);
    void detachAgent(AgentEndpoint *endpoint, const AgentRecord &agent);
    [[nodiscard]] QList<AgentEndpoint *> agentEndpoints() const { return m_agentEndpoints.values(); }
    /// Online or away for an agent with a console open; the change is published.
    void setAgentStatus(const AgentRecord &agent, AgentStatus status);
    [[nodiscard]] AgentStatus agentStatus(qint64 agentId) const;
    [[nodiscard]] bool hasConsoleOpen(qint64 agentId) const { return m_agents.contains(agentId); }
    /// Agents with a console open whose status is online (away agents do not count).
    [[nodiscard]] int agentsOnline() const;

    // Conversations
    /// The visitor's open conversation; 0 when none.
    [[nodiscard]] qint64 openConversationOf(const QString &visitorId) const { return m_visitorOpenConversation.value(visitorId); }
    /// The visitor of an open conversation; empty when it is not open.
    [[nodiscard]] QString visitorOfOpenConversation(qint64 conversationId) const
    {
        return m_openConversationVisitor.value(conversationId);
    }
    /// 1-based place of the visitor's conversation in its site's queue; 0 when it is not waiting.
    [[nodiscard]] int queuePosition(const QString &visitorId) const;
    /// How many conversations are open (waiting or active), and how many of them wait, by site id (metrics).
    [[nodiscard]] int openConversationCount() const { return int(m_visitorOpenConversation.size()); }
    [[nodiscard]] QHash<qint64, int> waitingBySite() const { return m_queues.sizes(); }

private:
    void onEvent(const DomainEvent &event);
    /// Keeps the maps and the queues up to date with @p conversation's state.
    void track(const ConversationRecord &conversation);
    void forget(const Events::VisitorErased &erased);
    /// A deleted site: its conversations and queue are gone, its visitors' connections close.
    void forgetSite(const Events::SiteDeleted &deleted);
    void endSessions(const Events::SessionsEnded &ended);
    void publishAgentsOnline();
    /// Tells each connected visitor of @p conversationIds its place, if it changed.
    void announcePlaces(const QList<qint64> &conversationIds);
    /// Tells @p visitorId, if it was told a place, that it is no longer waiting.
    void announceNotWaiting(const QString &visitorId);

    DomainEventBus *m_events;
    int m_subscription = 0;

    QMultiHash<QString, VisitorEndpoint *> m_visitorEndpoints; ///< by visitor id; a visitor may have many tabs
    QHash<QString, qint64> m_visitorSite; ///< connected visitor id → site id
    QSet<AgentEndpoint *> m_agentEndpoints;
    struct AgentPresence {
        int connections = 0;
        AgentStatus status = AgentStatus::Online;
        QString name;
    };
    QHash<qint64, AgentPresence> m_agents; ///< agents with a console open
    int m_lastAgentsOnline = 0; ///< what was last published

    QHash<qint64, QString> m_openConversationVisitor; ///< open conversation id → visitor id
    QHash<QString, qint64> m_visitorOpenConversation; ///< visitor id → open conversation id
    WaitingQueues m_queues; ///< each site's waiting conversations, oldest first
    QHash<QString, int> m_announcedPosition; ///< connected waiting visitor id → place last published
};

} // namespace Frontdesk
