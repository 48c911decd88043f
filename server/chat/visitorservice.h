#pragma once

#include "chat/chatoutcome.h"
#include "core/domainevents.h"
#include "core/records.h"
#include "ratelimit/abuselimits.h"
#include "ratelimit/ratelimiter.h"

#include <QHostAddress>
#include <QObject>

namespace Frontdesk {

class Moderation;
class PresenceService;
class ConversationStore;
class VisitorStore;

/// @brief A logged-in user of the embedding site, vouched for by the site's
/// server with an HMAC of the id (identify() in the widget).
struct VisitorIdentity {
    QString userId;
    QString name;
    QString email;
    QString hash; ///< hex HMAC-SHA256 of userId with the site's identity secret
};

/// @brief What a visitor says when it connects (hello, on either transport).
struct VisitorHello {
    QHostAddress address; ///< of the connection; new visitors are limited per address
    std::optional<VisitorIdentity> identity;
    QString visitorId; ///< empty for a new visitor
    QString token; ///< the session token the server issued with that id
    qint64 after = -1; ///< last message id the client has; -1: send recent history
    QString pageUrl;
    QString pageTitle;
    QString referrer;
    QString userAgent;
    QString locale;
    QString timezone; ///< IANA name from the browser, e.g. Europe/Oslo
};

/// @brief What the server answers a hello with.
struct VisitorWelcome {
    VisitorRecord visitor;
    QString token;
    std::optional<ConversationRecord> conversation;
    QList<MessageRecord> messages;
    int agentsOnline = 0;
    int queuePosition = 0; ///< 1-based place among waiting conversations; 0 when not waiting
};

/// @brief The console's right-hand panel: the visitor, the pages it visited
/// lately, its conversations.
struct VisitorContext {
    VisitorRecord visitor;
    QList<PageView> pages;
    QList<ConversationRecord> conversations;
};

/// @brief Visitors: who they are (hello with a token, identities vouched for
/// by the site), what they tell about themselves, and where they browse.
class VisitorService : public QObject
{
    Q_OBJECT

public:
    VisitorService(VisitorStore *visitors, ConversationStore *conversations, const PresenceService *presence,
                   const Moderation *moderation, DomainEventBus *events, const AbuseLimits &limits, QObject *parent = nullptr);

    /// A new visitor (limited per address) or a returning one (its token
    /// checked), its context stored, and its conversation's recent history.
    void hello(const SiteRecord &site, const VisitorHello &hello, ChatCallback<VisitorWelcome> done);
    /// The visitor whose id and token these are (invalid_token, or banned).
    void verify(const SiteRecord &site, const QString &visitorId, const QString &token, ChatCallback<VisitorRecord> done);
    /// The profile change an identity stands for, or identity_rejected when its hash is wrong.
    [[nodiscard]] static ChatOutcome<VisitorPatch> checkIdentity(const SiteRecord &site, const VisitorIdentity &identity);
    /// Applies a profile change (identify, pre-chat form, setAttributes) and publishes it.
    void patch(const VisitorRecord &visitor, const VisitorPatch &patch, ChatCallback<VisitorRecord> done);
    void recordPage(const VisitorRecord &visitor, const QString &url, const QString &title);
    void context(const QString &visitorId, ChatCallback<VisitorContext> done);

private:
    /// Finishes a hello once the visitor is known: its context, then the history.
    void welcome(VisitorRecord visitor, const QString &token, const VisitorHello &hello, const VisitorPatch &patch,
                 ChatCallback<VisitorWelcome> done);

    VisitorStore *m_visitors;
    ConversationStore *m_conversations;
    const PresenceService *m_presence;
    const Moderation *m_moderation;
    DomainEventBus *m_events;
    RateLimiter m_newVisitors; ///< by address key
};

} // namespace Frontdesk
