#pragma once

#include "agentcommands.h"
#include "agentconnection.h"
#include "agentevents.h"
#include "consolesites.h"
#include "consolestate.h"
#include "replysender.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantMap>

namespace Frontdesk {

/**
 * @brief The console's client of one Frontdesk server (the agent protocol,
 * docs/protocol.md §5), as the one object QML and the models bind to.
 *
 * It is a facade over the client layer (client/: AgentConnection, the
 * socket, sign-in and keyring token, reconnect, request/answer matching;
 * AgentEvents and AgentCommands, frames read into records and commands sent
 * from them; ReplySender, the reply outbox and its file, resending,
 * acknowledgements) and ConsoleState (the agent, its status, the sites,
 * pages and read marks). It adds nothing of its own but the verbs that are
 * one command each; QML calls verbs and reads properties, the models take
 * its signals, which carry records, never frames.
 *
 * Host mode and remote mode use this same class: in host mode the URL is the
 * in-process server's.
 */
class AgentClient : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console creates the AgentClient; bind to the one it passes in.")

    /// @brief Where the session stands (AgentConnection.LoggedOut, LoggingIn, Connecting, Online, Reconnecting, Offline).
    Q_PROPERTY(Frontdesk::AgentConnection::State state READ state NOTIFY stateChanged)
    /// @brief True while authenticated on a live connection.
    Q_PROPERTY(bool online READ isOnline NOTIFY stateChanged)
    /// @brief The last sign-in or connection problem, as a sentence; empty when there is none.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// @brief The server's base URL (http or https).
    Q_PROPERTY(QUrl serverUrl READ serverUrl NOTIFY serverUrlChanged)
    /// @brief The signed-in agent's id (0 before the first snapshot).
    Q_PROPERTY(int agentId READ agentId NOTIFY agentChanged)
    /// @brief The signed-in agent's display name.
    Q_PROPERTY(QString agentName READ agentName NOTIFY agentChanged)
    /// @brief The signed-in agent's email.
    Q_PROPERTY(QString agentEmail READ agentEmail NOTIFY agentChanged)
    /// @brief Whether the signed-in agent is an admin (may manage agents and the site).
    Q_PROPERTY(bool isAdmin READ isAdmin NOTIFY agentChanged)
    /// @brief The agent's own status: "online", "away" or "offline" (disconnected on purpose).
    Q_PROPERTY(QString presence READ presence NOTIFY presenceChanged)
    /// @brief How many agents are online (what visitors see).
    Q_PROPERTY(int agentsOnline READ agentsOnline NOTIFY agentsOnlineChanged)
    /// @brief Whether the server sends email (an SMTP server is configured).
    Q_PROPERTY(bool mailEnabled READ mailEnabled NOTIFY mailStatusChanged)
    /// @brief The SMTP server's last refusal since the last email sent ("" while mail works), e.g.
    /// "550 5.1.1 <x@y>: Recipient address rejected".
    Q_PROPERTY(QString mailProblem READ mailProblem NOTIFY mailStatusChanged)
    /// @brief Who the failed email was for: "team" or "visitor".
    Q_PROPERTY(QString mailProblemRecipient READ mailProblemRecipient NOTIFY mailStatusChanged)
    /// @brief When that email failed (invalid while none did).
    Q_PROPERTY(QDateTime mailProblemAt READ mailProblemAt NOTIFY mailStatusChanged)
    /// @brief How many emails wait to be sent (or retried).
    Q_PROPERTY(int mailQueued READ mailQueued NOTIFY mailStatusChanged)
    /// @brief How many emails were given up on.
    Q_PROPERTY(int mailFailed READ mailFailed NOTIFY mailStatusChanged)
    /// @brief The current site as `get_site` returns it (id, siteKey, name, allowedOrigins, widget,
    /// identitySecret for admins): the one the settings and the snippet show.
    Q_PROPERTY(QVariantMap site READ site NOTIFY siteChanged)
    /// @brief Every site of the server, oldest first, as maps like `site`.
    Q_PROPERTY(QVariantList sites READ sites NOTIFY sitesChanged)
    /// @brief The current site's id (0 while none is known); set it to switch sites.
    Q_PROPERTY(int currentSiteId READ currentSiteId WRITE setCurrentSiteId NOTIFY siteChanged)
    /// @brief The `<script>` tag to paste into the website, built from the public
    /// URL (or, without one, the URL the console connects to) and the site key.
    Q_PROPERTY(QString snippet READ snippet NOTIFY siteChanged)
    /// @brief The address visitors' browsers reach the server at, when it is not
    /// the one the console uses (a proxy, a domain): http(s) only, else ignored.
    Q_PROPERTY(QString publicUrl READ publicUrl WRITE setPublicUrl NOTIFY siteChanged)
    /// @brief How many replies wait for the server's acknowledgement (refused ones not counted).
    Q_PROPERTY(int pendingReplies READ pendingReplies NOTIFY outboxChanged)
    /// @brief How many replies the server refused for good and wait for the agent to retry or discard.
    Q_PROPERTY(int failedReplies READ failedReplies NOTIFY outboxChanged)

public:
    using State = AgentConnection::State;
    using enum AgentConnection::State;

    explicit AgentClient(QObject *parent = nullptr);
    /// @p secretService: the keyring service name (tests pass their own).
    AgentClient(const QString &secretService, QObject *parent);
    ~AgentClient() override;

    [[nodiscard]] AgentConnection *connection() const { return m_connection; }
    [[nodiscard]] AgentCommands *commands() { return &m_commands; }
    [[nodiscard]] ConsoleState *consoleState() const { return m_state; }
    [[nodiscard]] ReplySender *replies() const { return m_replies; }

    [[nodiscard]] State state() const { return m_connection->state(); }
    [[nodiscard]] bool isOnline() const { return m_connection->isOnline(); }
    [[nodiscard]] QString errorString() const { return m_connection->errorString(); }
    [[nodiscard]] QUrl serverUrl() const { return m_connection->serverUrl(); }
    [[nodiscard]] int agentId() const { return int(m_state->agent().id); }
    [[nodiscard]] QString agentName() const { return m_state->agent().name; }
    [[nodiscard]] QString agentEmail() const { return m_state->agent().email; }
    [[nodiscard]] bool isAdmin() const { return m_state->isAdmin(); }
    [[nodiscard]] QString presence() const { return m_state->presence(); }
    [[nodiscard]] int agentsOnline() const { return m_state->agentsOnline(); }
    [[nodiscard]] bool mailEnabled() const { return m_state->mailStatus().enabled; }
    [[nodiscard]] QString mailProblem() const { return m_state->mailStatus().lastFailure; }
    [[nodiscard]] QString mailProblemRecipient() const { return toString(m_state->mailStatus().lastFailureRecipientKind); }
    [[nodiscard]] QDateTime mailProblemAt() const
    {
        const qint64 at = m_state->mailStatus().lastFailureAt;
        return at > 0 ? QDateTime::fromMSecsSinceEpoch(at) : QDateTime();
    }
    [[nodiscard]] int mailQueued() const { return m_state->mailStatus().queued; }
    [[nodiscard]] int mailFailed() const { return m_state->mailStatus().failed; }
    [[nodiscard]] QVariantMap site() const { return siteMap(m_state->site()); }
    /// The current site (id 0 while none is known).
    [[nodiscard]] SiteRecord currentSite() const { return m_state->site(); }
    [[nodiscard]] QVariantList sites() const;
    [[nodiscard]] int currentSiteId() const { return m_state->sites()->currentId(); }
    void setCurrentSiteId(int siteId) { m_state->sites()->setCurrentId(siteId); }
    /// The name of the site with @p siteId ("" when unknown).
    [[nodiscard]] QString siteName(int siteId) const;
    [[nodiscard]] QString snippet() const { return m_state->snippet(); }
    [[nodiscard]] QString publicUrl() const { return m_state->publicUrl(); }
    void setPublicUrl(const QString &url) { m_state->setPublicUrl(url); }
    [[nodiscard]] int pendingReplies() const { return m_replies->pendingReplies(); }
    [[nodiscard]] int failedReplies() const { return m_replies->failedReplies(); }
    /// Every reply not acknowledged yet, oldest first, the refused ones included.
    [[nodiscard]] QList<PendingReply> outbox() const { return m_replies->outbox(); }
    /// Where the outbox files live (default: "outbox" in QStandardPaths::AppDataLocation).
    [[nodiscard]] QString outboxFolder() const { return m_replies->outboxFolder(); }
    /// Changes the outbox folder (tests); takes effect at the next sign-in.
    void setOutboxFolder(const QString &folder) { m_replies->setOutboxFolder(folder); }
    /// The open outbox file, or empty while none is open (before the first snapshot, or held by another console).
    [[nodiscard]] QString outboxFile() const { return m_replies->outboxFile(); }
    /// The last page a visitor was seen on, if known (else an empty url).
    [[nodiscard]] PageView currentPage(const QString &visitorId) const { return m_state->currentPage(visitorId); }
    /// The visitor's read mark in @p conversationId as last reported (0: none known).
    [[nodiscard]] qint64 visitorReadUpTo(int conversationId) const { return m_state->visitorReadUpTo(conversationId); }
    /// The User-Agent of the console's login, e.g. "Frontdesk/0.1.0 (Debian GNU/Linux 12 (bookworm); linux)".
    [[nodiscard]] static QString userAgentHeader() { return AgentConnection::userAgentHeader(); }
    /// The reconnect delay for attempt @p attempt (0-based): 0.5 s doubling to 30 s, with jitter.
    [[nodiscard]] static int backoffMs(int attempt, double random) { return AgentConnection::backoffMs(attempt, random); }

    /// @brief Signs in with email and password, keeps the token in the keyring, then connects.
    Q_INVOKABLE void login(const QUrl &serverUrl, const QString &email, const QString &password);
    /// @brief Connects with the token kept in the keyring; without one, ends LoggedOut with a sentence.
    Q_INVOKABLE void resume(const QUrl &serverUrl, const QString &email);
    /// @brief Connects with a token the caller already has (tests, host mode).
    Q_INVOKABLE void connectWithToken(const QUrl &serverUrl, const QString &token);
    /// @brief Signs out: revokes the token on the server, forgets it and disconnects. Unsent
    /// replies stay in the outbox file and go out when the same agent signs in to this server again.
    Q_INVOKABLE void logout();
    /// @brief Sets the agent's status: "online", "away" (set_status) or "offline" (disconnects until set back).
    Q_INVOKABLE void setPresence(const QString &status);

    /// @brief Takes a waiting conversation.
    Q_INVOKABLE void accept(int conversationId);
    /// @brief Closes a conversation.
    Q_INVOKABLE void close(int conversationId);
    /// @brief Hands a conversation to another agent.
    Q_INVOKABLE void transfer(int conversationId, int agentId);
    /// @brief Queues a reply (sent now if online, else after reconnecting); returns its client id.
    Q_INVOKABLE QString reply(int conversationId, const QString &body);
    /// @brief Sends a refused reply again, with its client id (nothing of it was stored).
    Q_INVOKABLE void retryReply(const QString &clientId);
    /// @brief Drops a refused reply from the outbox for good.
    Q_INVOKABLE void discardReply(const QString &clientId);
    /// @brief Tells the visitor the agent is (or stopped) typing.
    Q_INVOKABLE void sendTyping(int conversationId, bool active);
    /// @brief Marks the conversation read up to @p messageId.
    Q_INVOKABLE void markRead(int conversationId, double messageId);
    /// Saves what @p patch sets on the current site (admin); the answer replaces the site shown.
    void updateSite(const SitePatch &patch);
    /// @brief Creates a site (admin) named @p name and makes it the current one.
    Q_INVOKABLE void createSite(const QString &name);
    /// @brief Deletes the site @p siteId with all its data (admin); @p confirmSiteKey is its key, typed back.
    Q_INVOKABLE void deleteSite(int siteId, const QString &confirmSiteKey);
    /// @brief Changes the agent's own password.
    Q_INVOKABLE void changePassword(const QString &current, const QString &password);

    /// The site as QML reads it (id, siteKey, name, allowedOrigins, widget,
    /// closedRetentionDays; identitySecret in hex for admins).
    [[nodiscard]] static QVariantMap siteMap(const SiteRecord &site);

Q_SIGNALS:
    void stateChanged();
    void errorStringChanged();
    void serverUrlChanged();
    void agentChanged();
    void presenceChanged();
    void agentsOnlineChanged();
    void mailStatusChanged();
    void siteChanged();
    void sitesChanged();
    void outboxChanged();

    /// A snapshot arrived (after every (re)connect): the models reset from it.
    void snapshotReceived(const Frontdesk::AgentSnapshotView &snapshot);
    void conversationCreated(const Frontdesk::ConversationView &summary);
    /// The conversation alone (no visitor, no last message): what the console knew of those stays.
    void conversationUpdated(const Frontdesk::ConversationView &conversation);
    void messageReceived(const Frontdesk::MessageRecord &message);
    void replyQueued(const Frontdesk::PendingReply &reply);
    /// The server stored the reply; @p message is the stored row (for a resend, the one stored first).
    void replyAcknowledged(int conversationId, const QString &clientId, const Frontdesk::MessageRecord &message);
    /// The server refused the reply for good; it stays in the outbox, failed, until retried or discarded.
    void replyFailed(int conversationId, const QString &clientId, const QString &errorMessage);
    void replyRetried(int conversationId, const QString &clientId);
    void replyDiscarded(int conversationId, const QString &clientId);
    void typingReceived(int conversationId, bool active);
    void readReceived(int conversationId, Frontdesk::AuthorKind by, qint64 messageId);
    /// The page a visitor is on now; @p conversationId is 0 when the console looked it up itself.
    void visitorPageReceived(const QString &visitorId, const Frontdesk::PageView &page, int conversationId);
    void visitorConnectionChanged(const QString &visitorId, int conversationId, bool online);
    void visitorUpdated(const Frontdesk::VisitorView &visitor);
    void conversationRated(const Frontdesk::ConversationView &conversation);
    void agentsReceived(const QList<Frontdesk::TeamMember> &agents);
    void agentStatusReceived(int agentId, const QString &name, Frontdesk::AgentStatus status);
    void cannedChanged();
    /// A site is gone with all its data (`site_deleted`): its conversations leave the lists.
    void siteRemoved(int siteId);
    /// An agent was added, removed, disabled or enabled (`team_changed`): read the team again.
    void teamChanged();
    /// An endpoint of any site was added or changed, or a delivery to it was tried (`webhook_status`, admins only).
    void webhookStatusReceived(const Frontdesk::WebhookRecord &webhook);
    /// An endpoint was deleted with its delivery log (`webhook_deleted`, admins only).
    void webhookDeleted(qint64 webhookId);
    /// A command the user started failed; @p message is a sentence to show.
    void commandFailed(const QString &command, const QString &message);

private:
    /// Reports a failure of the command @p type (commandFailed); the caller keeps nothing else.
    [[nodiscard]] AgentCommands::Finished reportFailure(const QString &type);

    AgentConnection *m_connection;
    AgentEvents *m_events;
    AgentCommands m_commands;
    ConsoleState *m_state;
    ReplySender *m_replies;
};

} // namespace Frontdesk
