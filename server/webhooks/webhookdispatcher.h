#pragma once

#include "core/domainevents.h"

#include <QObject>
#include <QTimer>

namespace Frontdesk {

class WebhookSender;
class WebhookStore;

/// @brief Turns the integrations' journal into webhook deliveries: a bus
/// subscriber that, after each committed chat event an endpoint may want
/// (and at start, for what a crash left), reads the journal after its
/// cursor, renders each event once (WebhookPayload), queues one delivery per
/// enabled endpoint of the site that subscribed to its type, and moves its
/// cursor past them in the same transaction (WebhookStore::addDeliveries).
/// Then it wakes the WebhookSender.
///
/// The journal row is written in the change's own transaction, so an event is
/// never lost between the commit and this; the cursor moves with the
/// deliveries, so none is queued twice.
class WebhookDispatcher : public QObject
{
    Q_OBJECT

public:
    WebhookDispatcher(WebhookStore *store, DomainEventBus *events, WebhookSender *sender, QObject *parent = nullptr);
    ~WebhookDispatcher() override;

    void start();
    void stop();

private:
    void onEvent(const DomainEvent &event);
    /// Reads and queues a batch at a time until the journal is drained; a call
    /// while it runs makes it look again when done.
    void drain();

    WebhookStore *m_store;
    DomainEventBus *m_events;
    WebhookSender *m_sender;
    QTimer m_retry; ///< after a failed store call: the database comes back by itself
    int m_subscription = 0;
    bool m_started = false;
    bool m_draining = false;
    bool m_drainAgain = false;
};

} // namespace Frontdesk
