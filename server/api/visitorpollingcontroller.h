#pragma once

#include "core/records.h"
#include "http/httprouter.h"
#include "protocol/httpapicodec.h"
#include "realtime/realtimelimits.h"

#include <QHash>
#include <QObject>

namespace Frontdesk {

class ChatServices;
class PollingVisitor;

/// @brief The visitor protocol over plain HTTP, for networks that block
/// WebSockets: `POST /v1/sites/{siteKey}/visitor/hello`, `.../send` and
/// `.../poll` (docs/protocol.md, "Long-polling fallback"). Same frames, same
/// semantics, same VisitorChannel as the WebSocket.
class VisitorPollingController : public QObject
{
    Q_OBJECT

public:
    VisitorPollingController(ChatServices *chat, const RealtimeLimits &limits, QObject *parent = nullptr);
    void registerRoutes(HttpRouter &router);

    [[nodiscard]] int pollingChannelCount() const { return int(m_channels.size()); }

private:
    void hello(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site);
    void send(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site);
    void poll(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site);
    /// Finds the polling visitor for the body's visitorId/token, verifying the
    /// token against the store when the server has not seen it yet (e.g. after
    /// a restart); calls @p then with it, or answers the error itself.
    void withVisitor(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site,
                     const HttpApiCodec::PollingCredentials &credentials, std::function<void(PollingVisitor *)> then);
    PollingVisitor *adopt(const SiteRecord &site, const VisitorRecord &visitor, const QString &token, const QString &channelId,
                          const HttpRequest &request);

    ChatServices *m_chat;
    RealtimeLimits m_limits;
    /// By channel id: one per browser tab (each tab says hello), so two tabs
    /// of one visitor never take each other's events.
    QHash<QString, PollingVisitor *> m_channels;
};

} // namespace Frontdesk
