#pragma once

#include "core/domainevents.h"

namespace Frontdesk {

class PresenceService;

/// @brief Tells the connected visitors and agents what happened: a bus
/// subscriber that renders each event once per audience (EventFrames) and
/// hands the bytes to every connection concerned, but not to the one the
/// change came from, which has its answer instead.
class EventFanout
{
public:
    EventFanout(DomainEventBus *events, const PresenceService *presence);
    ~EventFanout();
    EventFanout(const EventFanout &) = delete;
    EventFanout &operator=(const EventFanout &) = delete;

private:
    void deliver(const DomainEvent &event);

    DomainEventBus *m_events;
    const PresenceService *m_presence;
    int m_subscription = 0;
};

} // namespace Frontdesk
