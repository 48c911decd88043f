#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <optional>

// Plain values that cross the store's thread boundary. Times are milliseconds
// since the Unix epoch (UTC), the same in SQLite and MariaDB. The few open
// documents (a site's widget settings, a visitor's attributes) are
// QVariantMaps: the domain holds them without knowing JSON; the protocol
// converts them at the wire and the store in its columns (jsoncolumns.h).
namespace Frontdesk {

/// @brief A website that embeds the widget, identified by its public site key.
struct SiteRecord {
    qint64 id = 0;
    QString siteKey; ///< public, goes into the snippet
    QString name;
    QStringList allowedOrigins; ///< e.g. "https://shop.example"; normalised, "*" and "scheme://host:*" allowed (OriginPolicy)
    QVariantMap widgetSettings; ///< colours, position, title, welcome text, ...
    QByteArray identitySecret; ///< HMAC key for identify({hash}); never sent to visitors
    qint64 createdAt = 0;
    int closedRetentionDays = 0; ///< closed conversations older than this are deleted; 0: kept
    /// Where offline-form messages and unanswered chats are emailed; empty: not
    /// emailed. The team's, never a visitor's: not a widget setting (those
    /// reach every visitor's browser), and only agents see it.
    QString mailTeamAddress;
    int mailUnansweredMinutes = 0; ///< email the team a chat nobody accepted within this; 0: off
    bool mailRepliesToAbsentVisitors = true; ///< email an agent's reply to a visitor who left (and gave an email)
};

/// @brief The settings an admin changes on a site (`update_site`), each one
/// given or left as it is. Applied on the store's writer thread to the row as
/// it is then, so two changes at once (one admin saving the origins and then
/// the widget, or two admins) both land instead of the second overwriting the
/// first with what it read before.
struct SitePatch {
    std::optional<QString> name;
    std::optional<QStringList> allowedOrigins;
    std::optional<QVariantMap> widgetSettings;
    std::optional<int> closedRetentionDays;
    std::optional<QString> mailTeamAddress;
    std::optional<int> mailUnansweredMinutes;
    std::optional<bool> mailRepliesToAbsentVisitors;

    [[nodiscard]] SiteRecord appliedTo(SiteRecord site) const
    {
        site.mailTeamAddress = mailTeamAddress.value_or(site.mailTeamAddress);
        site.mailUnansweredMinutes = mailUnansweredMinutes.value_or(site.mailUnansweredMinutes);
        site.mailRepliesToAbsentVisitors = mailRepliesToAbsentVisitors.value_or(site.mailRepliesToAbsentVisitors);
        site.name = name.value_or(site.name);
        site.allowedOrigins = allowedOrigins.value_or(site.allowedOrigins);
        site.widgetSettings = widgetSettings.value_or(site.widgetSettings);
        site.closedRetentionDays = closedRetentionDays.value_or(site.closedRetentionDays);
        return site;
    }
};

enum class AgentRole { Agent, Admin };

/// @brief A person who answers chats.
struct AgentRecord {
    qint64 id = 0;
    QString email; ///< unique, compared case-insensitively (stored lower-case)
    QString name;
    AgentRole role = AgentRole::Agent;
    QByteArray passwordHash; ///< libsodium crypto_pwhash_str output (Argon2id)
    qint64 createdAt = 0;
    bool disabled = false; ///< a disabled agent cannot log in and has no sessions
};

/// @brief One login of an agent: the token it was given (stored only as a
/// hash) and what the agent sees of it in the list of their sessions.
struct LoginSession {
    QString id; ///< public id to name the session by; not the token, not derived from it
    qint64 agentId = 0;
    qint64 createdAt = 0;
    qint64 lastUsedAt = 0;
    qint64 expiresAt = 0;
    QString userAgent; ///< of the login request
    QString address; ///< of the login request
};

/// @brief A token that authenticated: whose it is, and which session.
struct AgentAuthentication {
    AgentRecord agent;
    LoginSession session;
};

/// @brief A browser that loaded the widget; its id is a UUID chosen by the server.
struct VisitorRecord {
    QString id;
    qint64 siteId = 0;
    QString name;
    QString email;
    QVariantMap attributes; ///< setAttributes() values and the browser context
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
};

enum class ConversationStatus { Waiting, Active, Closed };
enum class AuthorKind { Visitor, Agent, System };

/// @brief One chat between a visitor and the team.
struct ConversationRecord {
    qint64 id = 0;
    qint64 siteId = 0;
    QString visitorId;
    ConversationStatus status = ConversationStatus::Waiting;
    qint64 assignedAgentId = 0; ///< 0 while nobody has accepted it
    QString assignedAgentName; ///< filled by reads, for display
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 closedAt = 0; ///< 0 while open
    qint64 visitorReadUpTo = 0; ///< highest message id the visitor has read
    qint64 agentReadUpTo = 0; ///< highest message id an agent has read
    int rating = 0; ///< the visitor's 1-5 rating once closed; 0 while unrated
    QString ratingComment;
};

/// @brief One line of a conversation.
struct MessageRecord {
    qint64 id = 0; ///< grows with time across the whole database
    qint64 conversationId = 0;
    AuthorKind authorKind = AuthorKind::Visitor;
    qint64 authorAgentId = 0; ///< set for agent messages
    QString authorName; ///< agent's name for agent messages, filled by reads
    QString body;
    QString clientId; ///< sender's idempotency key; empty for system messages
    qint64 createdAt = 0;
};

/// @brief What appending a message did: the stored row, its conversation, and
/// whether this call created either of them.
struct AppendResult {
    ConversationRecord conversation;
    MessageRecord message;
    bool conversationCreated = false;
    bool duplicate = false; ///< the client id was stored before; message is that row
};

/// @brief A change of a conversation's state and the system line that records it.
struct ConversationChange {
    ConversationRecord conversation;
    MessageRecord systemMessage;
};

/// @brief A row of an agent's queue: the conversation, who it is with, and
/// the last thing said.
struct ConversationSummary {
    ConversationRecord conversation;
    VisitorRecord visitor;
    MessageRecord lastMessage; ///< id 0 when the conversation has none yet
};

/// @brief Changes to a visitor's profile, applied in one step by the writer
/// so that two tabs updating at once cannot undo each other.
struct VisitorPatch {
    std::optional<QString> name;
    std::optional<QString> email;
    QVariantMap attributes; ///< merged key by key into the stored ones; a null value (QVariant::isNull()) removes the key
    QVariantMap customAttributes; ///< merged the same way into attributes["custom"]
    qint64 lastSeenAt = 0; ///< 0: unchanged
};

/// @brief A reply the team keeps ready, typed as `/shortcut` in the composer.
struct CannedResponse {
    qint64 id = 0;
    QString shortcut; ///< without the slash; unique
    QString body;
    qint64 updatedAt = 0;
};

/// @brief What a retention sweep deleted.
struct PurgeReport {
    int visitors = 0; ///< visitors who never wrote and were not seen for the retention period
    int conversations = 0; ///< closed conversations past their site's retention
};

/// @brief What deleting a site removed (delete_site), counted for the audit
/// log and the admin's answer.
struct SiteDeletion {
    SiteRecord site;
    QList<qint64> openConversationIds; ///< its waiting and active conversations, which leave the queues
    int conversations = 0;
    int messages = 0;
    int visitors = 0;
    int pageViews = 0;
    int bans = 0;
};

/// @brief A page a visitor opened while the widget was loaded.
struct PageView {
    QString visitorId;
    QString url;
    QString title;
    qint64 at = 0;
};

/// @brief A conversation with every one of its messages, oldest first.
struct ConversationTranscript {
    ConversationRecord conversation;
    QList<MessageRecord> messages;
};

enum class BanKind { Visitor, Address };

/// @brief Whether an agent can take chats now: a console open and "online",
/// a console open and "away", or no console open.
enum class AgentStatus { Offline, Online, Away };

/// @brief An agent as the team sees it: the account and whether it is here.
struct TeamMember {
    AgentRecord agent;
    AgentStatus status = AgentStatus::Offline;
};

/// @brief Why an agent's sessions end; the reason goes to the console.
enum class SessionEnd { LoggedOut, EndedByAgent, PasswordChanged, PasswordReset, Disabled, Deleted };

/// @brief An admin's refusal of a visitor id or an address range.
struct BanRecord {
    qint64 id = 0;
    qint64 siteId = 0; ///< 0: every site
    BanKind kind = BanKind::Visitor;
    QString value; ///< a visitor id, or an address or range in CIDR form ("203.0.113.0/24")
    QString reason;
    QString createdBy; ///< the admin's email
    qint64 createdAt = 0;
    qint64 expiresAt = 0; ///< 0: never
};

/// @brief One line of the audit log: who did what to what.
struct AuditEntry {
    qint64 id = 0;
    qint64 at = 0;
    qint64 agentId = 0; ///< not a reference: the line outlives a deleted agent
    QString agentEmail;
    QString action; ///< e.g. "export_visitor", "ban", "create_agent"
    QString target; ///< e.g. a visitor id, "agent 4", "ban 2"
    QString detail;
};

/// @brief Everything stored about one visitor (export_visitor).
struct VisitorExport {
    VisitorRecord visitor;
    QList<PageView> pages; ///< oldest first, all of them
    QList<ConversationTranscript> conversations; ///< oldest first, each with all its messages
    QList<BanRecord> bans; ///< bans naming the visitor's id
};

/// @brief What erasing a visitor deleted.
struct VisitorErasure {
    VisitorRecord visitor;
    QList<qint64> conversationIds;
    int messages = 0;
    int pageViews = 0;
};

/// @brief Who an email is for: the site's team, or the visitor.
enum class MailRecipientKind { Team, Visitor };

/// @brief One email of the outbox (`mail_outbox`): written before it is sent,
/// marked sent once the SMTP server took it, retried with backoff until then.
struct OutboxMail {
    qint64 id = 0;
    QString key; ///< what caused it ("team:12", "reply:345"); a second enqueue with the same key is a no-op
    qint64 conversationId = 0; ///< what it is about: erasing the visitor, deleting the site or retention deletes it too
    MailRecipientKind recipientKind = MailRecipientKind::Team;
    QString recipient; ///< the envelope's one recipient (a checked address)
    QByteArray message; ///< the whole RFC 5322 message, rendered once, so a resend is the same bytes (same Message-ID)
    qint64 createdAt = 0;
    qint64 nextAttemptAt = 0;
    int attempts = 0;
};

/// @brief How the outbox is doing, for the consoles (snapshot and `mail_status`).
struct MailStatus {
    bool enabled = false; ///< an SMTP server is configured
    int queued = 0; ///< not sent yet (waiting or retrying)
    int failed = 0; ///< given up on (a permanent rejection, or retried for a day)
    qint64 lastFailureAt = 0; ///< 0: no failure since the last success
    MailRecipientKind lastFailureRecipientKind = MailRecipientKind::Team;
    QString lastFailure; ///< the SMTP server's own sentence ("550 5.1.1 <x@y>: Recipient address rejected")
    qint64 lastSentAt = 0;

    friend bool operator==(const MailStatus &, const MailStatus &) = default;
};

/// @brief What an email about a conversation says: the conversation, who it is
/// with, everything said in it, and the page the visitor was last on.
struct MailContext {
    SiteRecord site;
    ConversationRecord conversation;
    VisitorRecord visitor;
    QList<MessageRecord> messages; ///< oldest first
    PageView lastPage; ///< url empty when none was recorded
};

[[nodiscard]] QString toString(MailRecipientKind kind);
[[nodiscard]] MailRecipientKind mailRecipientKindFromString(const QString &text);
[[nodiscard]] QString toString(ConversationStatus status);
[[nodiscard]] ConversationStatus conversationStatusFromString(const QString &text);
[[nodiscard]] QString toString(AuthorKind kind);
[[nodiscard]] AuthorKind authorKindFromString(const QString &text);
[[nodiscard]] QString toString(AgentRole role);
[[nodiscard]] AgentRole agentRoleFromString(const QString &text);
[[nodiscard]] QString toString(BanKind kind);
/// std::nullopt for anything but "visitor" and "address".
[[nodiscard]] std::optional<BanKind> banKindFromString(const QString &text);
/// "online", "away" or "offline".
[[nodiscard]] QString toString(AgentStatus status);
/// std::nullopt for anything but "online" and "away" (an agent cannot set "offline").
[[nodiscard]] std::optional<AgentStatus> settableAgentStatusFromString(const QString &text);
/// "logged_out", "ended", "password_changed", "password_reset", "disabled" or "deleted".
[[nodiscard]] QString toString(SessionEnd why);

} // namespace Frontdesk
