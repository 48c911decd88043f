#pragma once

#include "chat/chatoutcome.h"
#include "protocol/commandanswer.h"
#include "protocol/wirecodec.h"

#include <QHash>
#include <QJsonObject>

namespace Frontdesk {

class ChatServices;

/// @brief The agent protocol's commands about a site's webhooks, all for
/// admins only: `list_webhooks`, `create_webhook`, `update_webhook`,
/// `rotate_webhook_secret`, `delete_webhook`, `list_webhook_deliveries` and
/// `resend_webhook_delivery` (docs/protocol.md, "Webhook commands").
///
/// Reads each command's fields, calls the WebhookService with typed values
/// and renders its answer, like SiteCommands, whose siteOf() rule says which
/// site a command means.
class WebhookCommands
{
public:
    using Answer = CommandAnswer;

    explicit WebhookCommands(ChatServices *chat);

    [[nodiscard]] static bool handles(const QString &type);
    void handle(const AgentRecord &agent, const WireMessage &message, const Answer &answer);

private:
    using Run = void (WebhookCommands::*)(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    static const QHash<QString, Run> &commands();

    void listWebhooks(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void createWebhook(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void updateWebhook(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void rotateSecret(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void deleteWebhook(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void listDeliveries(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void resendDelivery(const AgentRecord &agent, const WireMessage &message, const Answer &answer);

    ChatServices *m_chat;
};

} // namespace Frontdesk
