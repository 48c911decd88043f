#pragma once

#include "core/webhookrecords.h"
#include "webhooksettings.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Frontdesk {

class WebhookStore;

/// @brief Sends the queued webhook deliveries, each endpoint in order.
///
/// Every endpoint is a lane: only its oldest queued delivery (the head) is
/// sent, one attempt at a time, so a receiver gets its events in order and a
/// slow or dead one holds up nobody else. A delivery is marked delivered
/// **after** a 2xx answer, so a kill during an attempt sends it again at the
/// next start (at least once: receivers dedupe on webhook-id). A failure
/// (no answer within the timeout, a refused connection, a TLS error, a status
/// that is not 2xx, a redirect, which is not followed) is retried after
/// WebhookSettings::retryDelay(), and the lane waits behind it; after
/// giveUpAfterMs from the event it is failed for good and the lane goes on.
///
/// On the network thread; the HTTP client is Qt's QNetworkAccessManager.
class WebhookSender : public QObject
{
    Q_OBJECT

public:
    WebhookSender(const WebhookSettings &settings, WebhookStore *store, QObject *parent = nullptr);

    /// Looks at the lanes now; again whenever wake() is called.
    void start();
    /// Sends nothing more; attempts under way are abandoned (and sent again next start).
    void stop();
    /// New deliveries were queued, or one was resent or an endpoint enabled: look at the lanes again.
    void wake();

Q_SIGNALS:
    /// An attempt for @p webhookId was recorded (delivered, to be retried, or failed).
    void attempted(qint64 webhookId);

private:
    void lookAtLanes();
    void send(const WebhookDelivery &head);
    void record(const WebhookDelivery &head, int statusCode, const QString &error);

    WebhookSettings m_settings;
    WebhookStore *m_store;
    QNetworkAccessManager m_network;
    QTimer m_nextDue;
    QSet<qint64> m_inFlight; ///< webhook ids with an attempt under way
    bool m_started = false;
    bool m_looking = false;
    bool m_lookAgain = false;
};

} // namespace Frontdesk
