#pragma once

#include "protocol/agentviewreader.h"
#include "webhookviewreader.h"

#include <QJsonObject>
#include <QObject>

namespace Frontdesk {

class AgentConnection;

/**
 * @brief The AgentConnection's frames read into records: the sign-in answer,
 * the snapshot and every event of the agent view, each as a typed signal.
 *
 * With AgentCommands this is where the console's client layer reads frame
 * fields (through AgentViewReader); what listens here (ConsoleState, the
 * models through AgentClient) sees records and ids only. An event this
 * console does not know is logged and dropped: a newer server may send more.
 */
class AgentEvents : public QObject
{
    Q_OBJECT

public:
    AgentEvents(AgentConnection *connection, QObject *parent);

Q_SIGNALS:
    /// The login answered with the agent (before the socket is open).
    void signedIn(const Frontdesk::AgentRecord &agent);
    /// The socket is authenticated; emitted before the state turns Online, so
    /// what is read from the snapshot (the agent, the outbox) is in place first.
    void authenticated(const Frontdesk::AgentSnapshotView &snapshot);
    /// The snapshot of an authenticated connection (after every (re)connect), once Online.
    void snapshotReceived(const Frontdesk::AgentSnapshotView &snapshot);

    void messageReceived(const Frontdesk::MessageRecord &message);
    void conversationCreated(const Frontdesk::ConversationView &summary);
    void conversationUpdated(const Frontdesk::ConversationView &conversation);
    void conversationRated(const Frontdesk::ConversationView &conversation);
    void typingReceived(int conversationId, bool active);
    /// @p by: who read (a visitor or the team).
    void readReceived(int conversationId, Frontdesk::AuthorKind by, qint64 messageId);
    void visitorPageReceived(const QString &visitorId, const Frontdesk::PageView &page, int conversationId);
    void visitorConnectionChanged(const QString &visitorId, int conversationId, bool online);
    void visitorUpdated(const Frontdesk::VisitorView &visitor);
    void agentsOnlineChanged(int count);
    /// The server's mail outbox changed (mail_status): queued, failed, the SMTP server's last refusal.
    void mailStatusReceived(const Frontdesk::MailStatus &status);
    void agentStatusReceived(int agentId, const QString &name, Frontdesk::AgentStatus status);
    /// A site was created or changed (without its identity secret: events never carry it).
    void siteReceived(const Frontdesk::SiteRecord &site);
    void siteDeleted(int siteId);
    /// An endpoint was added or changed, or a delivery to it was tried (webhook_status; admins only).
    void webhookStatusReceived(const Frontdesk::WebhookRecord &webhook);
    /// An endpoint was deleted with its delivery log (webhook_deleted; admins only).
    void webhookDeleted(qint64 webhookId);
    void cannedChanged();
    void teamChanged();

private:
    void readEvent(const QString &type, const QJsonObject &frame);

    AgentSnapshotView m_snapshot; ///< read once at authenticated, handed on again at snapshotReceived
};

} // namespace Frontdesk
