#pragma once

#include "protocol/agentviewreader.h"
#include "webhookviewreader.h"

#include <QJsonObject>
#include <QString>

#include <functional>

class QObject;

namespace Frontdesk {

class AgentConnection;
struct CommandReply;

/// @brief How a command ended: empty errorCode on success, else the server's
/// code ("disconnected" when the connection dropped first) and its sentence.
struct CommandOutcome {
    QString errorCode;
    QString errorMessage;
    qint64 retryAfterMs = 0; ///< rate_limited and storage_busy: when to try again
    [[nodiscard]] bool ok() const { return errorCode.isEmpty(); }
};

/// @brief How a command that answers with a value ended, and that value (its default on failure).
template<typename T> struct CommandResult : CommandOutcome {
    T value{};
};

/**
 * @brief The agent commands of protocol v1 (docs/protocol.md §5) as typed
 * calls: the console says what it wants in records and gets records back.
 *
 * This and AgentEvents are the console's only readers and writers of frame
 * fields (with AgentViewReader, the server's own reading of its agent view);
 * the models, the state and the settings never see JSON. Each call sends one
 * frame over the AgentConnection; its handler runs once with the outcome,
 * in @p context, and not at all once @p context is gone.
 */
class AgentCommands
{
public:
    using Finished = std::function<void(const CommandOutcome &)>;
    template<typename T> using Answered = std::function<void(const CommandResult<T> &)>;

    explicit AgentCommands(AgentConnection *connection) : m_connection(connection) { }

    void accept(qint64 conversationId, QObject *context, Finished done);
    void close(qint64 conversationId, QObject *context, Finished done);
    void transfer(qint64 conversationId, qint64 agentId, QObject *context, Finished done);
    /// The server answers with the stored message (for a resend, the one it stored first).
    void reply(qint64 conversationId, const QString &clientId, const QString &body, QObject *context,
               Answered<MessageRecord> done);
    /// Fire and forget: the read mark travels back as a `read` event.
    void markRead(qint64 conversationId, qint64 messageId);
    /// Fire and forget; only while the socket is open.
    void sendTyping(qint64 conversationId, bool active);
    /// The newest @p limit messages, or those before message @p before (0: the newest), oldest first.
    void history(qint64 conversationId, qint64 before, int limit, QObject *context, Answered<QList<MessageRecord>> done);
    /// Closed conversations whose messages or visitor match @p text, newest first.
    void search(const QString &text, int limit, QObject *context, Answered<QList<ConversationView>> done);
    void visitor(const QString &visitorId, QObject *context, Answered<VisitorDetails> done);
    /// Online or away (never Offline: that is a disconnect); answers with the status the server set.
    void setStatus(AgentStatus status, QObject *context, Answered<AgentStatus> done);
    void changePassword(const QString &current, const QString &password, QObject *context, Finished done);
    void listSessions(QObject *context, Answered<QList<SessionView>> done);
    void endSession(const QString &sessionId, QObject *context, Finished done);

    /// The oldest site (servers before several sites); newer consoles read the snapshot's `sites`.
    void getSite(QObject *context, Answered<SiteRecord> done);
    void createSite(const QString &name, QObject *context, Answered<SiteRecord> done);
    /// Applies what @p patch sets to the site @p siteId (admin); answers with the site as saved.
    void updateSite(qint64 siteId, const SitePatch &patch, QObject *context, Answered<SiteRecord> done);
    /// Deletes the site with its data (admin); @p confirmSiteKey is its key, typed back.
    void deleteSite(qint64 siteId, const QString &confirmSiteKey, QObject *context, Finished done);

    void listAgents(QObject *context, Answered<QList<TeamMember>> done);
    void createAgent(const QString &email, const QString &name, const QString &password, AgentRole role, QObject *context,
                     Finished done);
    void deleteAgent(qint64 agentId, QObject *context, Finished done);
    void setAgentPassword(qint64 agentId, const QString &password, QObject *context, Finished done);
    void setAgentDisabled(qint64 agentId, bool disabled, QObject *context, Finished done);

    void listCanned(QObject *context, Answered<QList<CannedResponse>> done);
    /// Saves @p response: a new one when its id is 0, else the one with its id.
    void saveCanned(const CannedResponse &response, QObject *context, Finished done);
    void deleteCanned(qint64 cannedId, QObject *context, Finished done);

    /// The endpoints of the site @p siteId (admin), oldest first.
    void listWebhooks(qint64 siteId, QObject *context, Answered<QList<WebhookRecord>> done);
    /// A new endpoint of the site @p siteId (admin); the server makes its secret. An empty @p description is not sent.
    void createWebhook(qint64 siteId, const QString &url, const QStringList &events, const QString &description, QObject *context,
                       Answered<WebhookRecord> done);
    /// Applies what @p patch sets (url, events, description, enabled; the secret only through rotateWebhookSecret).
    void updateWebhook(qint64 webhookId, const WebhookPatch &patch, QObject *context, Answered<WebhookRecord> done);
    /// A new secret for the endpoint; what is sent from now on is signed with it.
    void rotateWebhookSecret(qint64 webhookId, QObject *context, Answered<WebhookRecord> done);
    /// Deletes the endpoint and its delivery log.
    void deleteWebhook(qint64 webhookId, QObject *context, Finished done);
    /// The endpoint's deliveries, newest first: the newest @p limit, or those before @p beforeId (0: the newest).
    void listWebhookDeliveries(qint64 webhookId, qint64 beforeId, int limit, QObject *context,
                               Answered<QList<WebhookDelivery>> done);
    /// Queues the delivery again, due now, with the same webhook-id; answers with it as it is now.
    void resendWebhookDelivery(qint64 deliveryId, QObject *context, Answered<WebhookDelivery> done);

private:
    /// Sends @p type; @p read turns a successful answer frame into the value.
    template<typename T, typename Read>
    void ask(const QString &type, QJsonObject fields, QObject *context, Answered<T> done, Read read);
    void run(const QString &type, QJsonObject fields, QObject *context, Finished done);

    AgentConnection *m_connection;
};

} // namespace Frontdesk
