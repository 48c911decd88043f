#pragma once

#include <deque>
#include <functional>

namespace Frontdesk {

/// @brief One in-process bus for the domain's events: every subscriber hears
/// every event once, and all of them in the same order.
///
/// Single-threaded (the network thread). A service publishes only after its
/// transaction committed, from the store's answer, and the store answers in
/// commit order, so the bus's order is the commit order. publish() delivers
/// at once, synchronously; an event published by a subscriber while another
/// is being delivered waits until every subscriber has had the current one,
/// so no subscriber can see B before A when A was published first.
template<typename Event> class EventBus
{
public:
    using Handler = std::function<void(const Event &)>;

    /// Adds @p handler after the existing ones; returns the id that removes it.
    int subscribe(Handler handler)
    {
        m_subscribers.push_back({++m_lastId, std::move(handler), true});
        return m_lastId;
    }

    /// Removes a subscriber; safe from inside a handler, its own included (it
    /// hears nothing more; it is dropped once the delivery is over).
    void unsubscribe(int id)
    {
        for (Subscriber &subscriber : m_subscribers) {
            if (subscriber.id == id)
                subscriber.active = false;
        }
        if (!m_delivering)
            removeGone();
    }

    void publish(Event event)
    {
        m_pending.push_back(std::move(event));
        if (m_delivering)
            return;
        m_delivering = true;
        while (!m_pending.empty()) {
            const Event current = std::move(m_pending.front());
            m_pending.pop_front();
            // By index, up to the count before: a handler may subscribe
            // someone new, who hears the next event, not this one. A deque
            // keeps the handler being called where it is while one is added.
            const size_t count = m_subscribers.size();
            for (size_t i = 0; i < count; ++i) {
                if (m_subscribers[i].active)
                    m_subscribers[i].handler(current);
            }
        }
        m_delivering = false;
        removeGone();
    }

    [[nodiscard]] size_t subscriberCount() const { return m_subscribers.size(); }

private:
    struct Subscriber {
        int id = 0;
        Handler handler;
        bool active = true;
    };

    void removeGone()
    {
        std::erase_if(m_subscribers, [](const Subscriber &subscriber) { return !subscriber.active; });
    }

    std::deque<Subscriber> m_subscribers;
    std::deque<Event> m_pending;
    int m_lastId = 0;
    bool m_delivering = false;
};

} // namespace Frontdesk
