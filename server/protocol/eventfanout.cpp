#include "eventfanout.h"

#include "chat/presenceservice.h"
#include "protocol/eventframes.h"

namespace Frontdesk {

namespace {

const void *originOf(const DomainEvent &event)
{
    const auto *stored = std::get_if<Events::MessageStored>(&event);
    return stored ? stored->origin : nullptr;
}

} // namespace

EventFanout::EventFanout(DomainEventBus *events, const PresenceService *presence) : m_events(events), m_presence(presence)
{
    m_subscription = m_events->subscribe([this](const DomainEvent &event) { deliver(event); });
}

EventFanout::~EventFanout()
{
    m_events->unsubscribe(m_subscription);
}

void EventFanout::deliver(const DomainEvent &event)
{
    const void *origin = originOf(event);
    const EventFrames::VisitorFrames visitors = EventFrames::forVisitors(event);
    if (!visitors.frames.isEmpty()) {
        // Copies of the endpoint lists: one may detach itself while being pushed to.
        const QList<VisitorEndpoint *> endpoints
            = visitors.everyone ? m_presence->allVisitorEndpoints() : m_presence->visitorEndpoints(visitors.visitorId);
        for (VisitorEndpoint *endpoint : endpoints) {
            if (static_cast<const void *>(endpoint) == origin)
                continue;
            for (const QByteArray &frame : visitors.frames)
                endpoint->pushToVisitor(frame);
        }
    }
    const QList<QByteArray> agentFrames = EventFrames::forAgents(event, *m_presence);
    if (agentFrames.isEmpty())
        return;
    const bool adminsOnly = EventFrames::forAdminsOnly(event);
    const QList<AgentEndpoint *> endpoints = m_presence->agentEndpoints();
    for (AgentEndpoint *endpoint : endpoints) {
        if (static_cast<const void *>(endpoint) == origin || (adminsOnly && !endpoint->isAdmin()))
            continue;
        for (const QByteArray &frame : agentFrames)
            endpoint->pushToAgent(frame);
    }
}

} // namespace Frontdesk
