#pragma once

class QAbstractEventDispatcher;

namespace Frontdesk {

/// @brief Picks the network thread's event dispatcher from the
/// FRONTDESK_EVENT_DISPATCHER environment variable.
///
/// Unset or `epoll`: a new EpollEventDispatcher. `default`: none, so the
/// caller keeps Qt's own (glib or UNIX) dispatcher, for comparison or as an
/// escape hatch. Anything else is logged and treated as `default`.
class EventDispatcherChoice
{
public:
    /// A new dispatcher the caller owns (hand it to QThread::setEventDispatcher()
    /// or QCoreApplication::setEventDispatcher()), or nullptr to keep Qt's.
    [[nodiscard]] static QAbstractEventDispatcher *createFromEnvironment();
};

} // namespace Frontdesk
