#pragma once

#include "core/domainevents.h"
#include "http/httprouter.h"
#include "metricsaccess.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace Frontdesk {

class ChatServices;
class HttpListener;
class Store;
class VisitorPollingController;
class WebSocketHub;

/**
 * @brief `GET /metrics` in the Prometheus text format (version 0.0.4): open
 * sockets by kind, messages stored, open conversations by status, the queue
 * of each site, the writer's commit latency, refusals by reason, login bans.
 *
 * Everything is read when scraped from the parts that keep it (the listener,
 * the hub, the presence service, the store), except the messages stored: a
 * subscriber of the bus counts those. The numbers tell how busy the server is
 * and who it turns away: answered only to MetricsAccess.
 */
class ServerMetrics
{
public:
    struct Sources {
        HttpListener *listener = nullptr;
        WebSocketHub *hub = nullptr;
        VisitorPollingController *polling = nullptr;
        ChatServices *chat = nullptr;
        Store *store = nullptr;
    };

    ServerMetrics(const Sources &sources, const MetricsAccess &access);
    ~ServerMetrics();
    ServerMetrics(const ServerMetrics &) = delete;
    ServerMetrics &operator=(const ServerMetrics &) = delete;

    void registerRoutes(HttpRouter &router);
    /// The exposition text as a scrape gets it.
    [[nodiscard]] QByteArray render() const;

private:
    [[nodiscard]] bool mayRead(const HttpRequest &request) const;

    Sources m_sources;
    MetricsAccess m_access;
    int m_subscription = 0;
    qint64 m_messagesByAuthor[3] = {0, 0, 0}; ///< visitor, agent, system
};

} // namespace Frontdesk
