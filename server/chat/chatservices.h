#pragma once

#include "chat/agentauthservice.h"
#include "chat/conversationservice.h"
#include "chat/moderation.h"
#include "chat/presenceservice.h"
#include "chat/sitedirectory.h"
#include "chat/siteservice.h"
#include "chat/teamservice.h"
#include "chat/visitorservice.h"
#include "core/domainevents.h"
#include "ratelimit/abuselimits.h"

#include <QObject>
#include <functional>
#include <memory>

namespace Frontdesk {

class Mailer;
class Store;
class WebhookService;

/// @brief The chat's services over one store and one event bus, built
/// together because they are wired together: the transports and the
/// protocol's handlers are given the ones they use, the store to none.
///
/// The bus is declared first so it outlives every subscriber; the presence
/// service subscribes first, so every later subscriber (the fan-out, an
/// integration) sees the state after each change.
class ChatServices : public QObject
{
    Q_OBJECT

public:
    /// @p publicUrl (--public-url; empty when not set) goes into each console's snapshot.
    ChatServices(Store *store, SiteDirectory *sites, const AbuseLimits &limits, const QUrl &publicUrl = {},
                 QObject *parent = nullptr);
    ~ChatServices() override;

    /// Loads what the services keep in memory: the open conversations and the bans.
    void start(std::function<void(bool ok, QString error)> done);

    [[nodiscard]] DomainEventBus *events() { return &m_events; }
    [[nodiscard]] PresenceService *presence() { return &m_presence; }
    [[nodiscard]] VisitorService *visitors() { return &m_visitors; }
    [[nodiscard]] ConversationService *conversations() { return &m_conversations; }
    [[nodiscard]] AgentAuthService *agentAuth() { return &m_agentAuth; }
    [[nodiscard]] TeamService *team() { return &m_team; }
    /// Creating, changing and deleting sites; sites() is what they are now.
    [[nodiscard]] SiteService *siteService() { return &m_siteService; }
    [[nodiscard]] Moderation *moderation() { return &m_moderation; }
    [[nodiscard]] const SiteDirectory *sites() const { return m_sites; }
    [[nodiscard]] const AbuseLimits &limits() const { return m_limits; }
    /// What is emailed and the outbox's status (server/mail, a bus subscriber
    /// the server adds); null when the server was built without one.
    [[nodiscard]] Mailer *mailer() const { return m_mailer; }
    void setMailer(Mailer *mailer) { m_mailer = mailer; }
    /// The sites' webhooks (server/webhooks, added by the server); null when there is none.
    [[nodiscard]] WebhookService *webhooks() const { return m_webhooks; }
    void setWebhooks(WebhookService *webhooks) { m_webhooks = webhooks; }

private:
    Store *m_store;
    SiteDirectory *m_sites;
    AbuseLimits m_limits;
    DomainEventBus m_events;
    PresenceService m_presence;
    Moderation m_moderation;
    VisitorService m_visitors;
    ConversationService m_conversations;
    AgentAuthService m_agentAuth;
    TeamService m_team;
    SiteService m_siteService;
    Mailer *m_mailer = nullptr;
    WebhookService *m_webhooks = nullptr;
};

} // namespace Frontdesk
