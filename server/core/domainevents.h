#pragma once

#include "core/eventbus.h"
#include "core/records.h"
#include "core/webhookrecords.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <variant>

// What happened in the chat, as typed values. A service publishes one only
// after its transaction committed (from the store's answer), so a subscriber
// never hears of a change that was rolled back, and hears them in commit
// order. The fan-out to visitors and agents is a subscriber like any other;
// so is a later bridge, mailer or webhook sender (docs/architecture.md, "The
// event bus").
namespace Frontdesk::Events {

/// Who did it, as every subscriber may show it.
struct AgentRef {
    qint64 id = 0;
    QString name;
};

/// A visitor's first message opened a conversation; its MessageStored follows.
struct ConversationOpened {
    ConversationSummary summary;
};

/// A visitor's or an agent's message was stored (not for a resend of a stored one).
struct MessageStored {
    ConversationRecord conversation;
    MessageRecord message;
    /// The connection that sent it, which has its ack instead of the event;
    /// opaque, compared by the fan-out only (null: none).
    const void *origin = nullptr;
};

/// An agent took a waiting conversation; systemMessage is the line that says so.
struct ConversationAccepted {
    ConversationRecord conversation;
    MessageRecord systemMessage;
    AgentRef agent;
};

/// An agent gave a conversation to another agent.
struct ConversationTransferred {
    ConversationRecord conversation;
    MessageRecord systemMessage;
    AgentRef from;
    AgentRef to;
};

struct ConversationClosed {
    ConversationRecord conversation;
    MessageRecord systemMessage;
    AgentRef by;
};

/// The visitor rated a closed conversation.
struct ConversationRated {
    ConversationRecord conversation;
};

/// Someone started or stopped typing. Not stored: published at once.
struct TypingChanged {
    qint64 conversationId = 0;
    QString visitorId;
    AuthorKind by = AuthorKind::Visitor; ///< Visitor or Agent
    QString agentName; ///< when an agent types
    bool active = false;
};

/// The visitor's or the team's read mark moved (conversation holds both marks).
struct ReadMarked {
    ConversationRecord conversation;
    AuthorKind by = AuthorKind::Visitor;
};

struct VisitorPageViewed {
    PageView view;
    qint64 conversationId = 0; ///< the visitor's open conversation; 0 when none
};

/// A visitor's first connection (of all its tabs) opened.
struct VisitorReturned {
    QString visitorId;
    qint64 conversationId = 0; ///< 0 when none is open
};

/// A visitor's last connection closed.
struct VisitorLeft {
    QString visitorId;
    qint64 conversationId = 0;
};

/// The visitor's profile or context changed (identify, pre-chat form, attributes).
struct VisitorUpdated {
    VisitorRecord visitor;
};

/// An admin erased the visitor and all it said.
struct VisitorErased {
    QString visitorId;
    QList<qint64> conversationIds;
};

/// A connected waiting visitor's place in its site's queue changed; 0: no longer waiting.
struct QueuePlaceChanged {
    QString visitorId;
    int place = 0;
};

struct AgentStatusChanged {
    AgentRef agent;
    AgentStatus status = AgentStatus::Offline;
};

/// How many agents are online changed.
struct AgentsOnlineChanged {
    int count = 0;
};

/// Agents were added, removed, disabled or enabled.
struct TeamChanged {
};

struct CannedResponsesChanged {
};

/// An admin created a site (it has its own key, secret and queue).
struct SiteCreated {
    SiteRecord site;
};

/// A site's settings changed (name, origins, widget, retention).
struct SiteUpdated {
    SiteRecord site;
};

/// An admin deleted a site and everything stored for it (conversations,
/// messages, visitors, page views, bans): its visitors' connections close and
/// its queue is gone.
struct SiteDeleted {
    SiteDeletion deletion;
};

/// Login sessions ended (logout, password change or reset, agent disabled or
/// deleted): their connections must close now.
struct SessionsEnded {
    QStringList sessionIds;
    SessionEnd why = SessionEnd::EndedByAgent;
};

/// The outbox's state changed: an email was queued, sent, retried or given up
/// on. Not a change in the store's rows alone: MailSender publishes it after
/// each attempt it made, with the SMTP server's sentence for a failure.
struct MailStatusChanged {
    MailStatus status;
};

/// A webhook endpoint was added or changed, or an attempt to deliver to it
/// was recorded: its state as it is now (for the admins' consoles).
struct WebhookChanged {
    WebhookRecord webhook;
};

struct WebhookDeleted {
    qint64 webhookId = 0;
    qint64 siteId = 0;
};

} // namespace Frontdesk::Events

namespace Frontdesk {

using DomainEvent
    = std::variant<Events::ConversationOpened, Events::MessageStored, Events::ConversationAccepted,
                   Events::ConversationTransferred, Events::ConversationClosed, Events::ConversationRated, Events::TypingChanged,
                   Events::ReadMarked, Events::VisitorPageViewed, Events::VisitorReturned, Events::VisitorLeft,
                   Events::VisitorUpdated, Events::VisitorErased, Events::QueuePlaceChanged, Events::AgentStatusChanged,
                   Events::AgentsOnlineChanged, Events::TeamChanged, Events::CannedResponsesChanged, Events::SiteCreated,
                   Events::SiteUpdated, Events::SiteDeleted, Events::SessionsEnded, Events::MailStatusChanged,
                   Events::WebhookChanged, Events::WebhookDeleted>;

/// The one bus of a server: services publish, the fan-out and integrations subscribe.
using DomainEventBus = EventBus<DomainEvent>;

/// For std::visit over a DomainEvent with one lambda per type of interest.
template<typename... Handlers> struct Overloaded : Handlers... {
    using Handlers::operator()...;
};
template<typename... Handlers> Overloaded(Handlers...) -> Overloaded<Handlers...>;

} // namespace Frontdesk
