#include "visitorservice.h"

#include "auth/tokens.h"
#include "chat/moderation.h"
#include "chat/presenceservice.h"
#include "core/continuewith.h"
#include "protocol/wirecodec.h"
#include "ratelimit/addresskey.h"
#include "store/store.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcChat)

namespace Frontdesk {

namespace {

constexpr int recentHistoryOnHello = 100;
constexpr int resumeHistoryLimit = 500;
constexpr int pagesInContext = 50;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

VisitorService::VisitorService(VisitorStore *visitors, ConversationStore *conversations, const PresenceService *presence,
                               const Moderation *moderation, DomainEventBus *events, const AbuseLimits &limits, QObject *parent)
    : QObject(parent)
    , m_visitors(visitors)
    , m_conversations(conversations)
    , m_presence(presence)
    , m_moderation(moderation)
    , m_events(events)
    , m_newVisitors(limits.newVisitorsPerMinute / 60.0, limits.newVisitorBurst)
{ }

ChatOutcome<VisitorPatch> VisitorService::checkIdentity(const SiteRecord &site, const VisitorIdentity &identity)
{
    if (site.identitySecret.isEmpty() || !Tokens::verifyIdentity(site.identitySecret, identity.userId, identity.hash)) {
        qCInfo(lcChat) << "identity for user" << identity.userId << "on site" << site.siteKey
                       << "refused: the hash does not match";
        return ProtocolError::make(ErrorCode::IdentityRejected);
    }
    VisitorPatch patch;
    if (!identity.name.trimmed().isEmpty())
        patch.name = identity.name.trimmed();
    if (!identity.email.trimmed().isEmpty()) {
        if (!WireCodec::isPlausibleEmail(identity.email.trimmed()))
            return ProtocolError::make(ErrorCode::InvalidField,
                                       u"\"%1\" does not look like an email address."_s.arg(identity.email.trimmed()));
        patch.email = identity.email.trimmed();
    }
    patch.attributes.insert(u"userId"_s, identity.userId);
    return patch;
}

void VisitorService::patch(const VisitorRecord &visitor, const VisitorPatch &patch, ChatCallback<VisitorRecord> done)
{
    continueWith(m_visitors->patchVisitor(visitor.id, patch), this, [this, done](const StoreResult<VisitorRecord> &result) {
        if (!result.ok()) {
            done(storeError(result.error, result.message));
            return;
        }
        m_events->publish(Events::VisitorUpdated{result.value});
        done(result.value);
    });
}

void VisitorService::verify(const SiteRecord &site, const QString &visitorId, const QString &token,
                            ChatCallback<VisitorRecord> done)
{
    if (visitorId.isEmpty() || token.isEmpty()) {
        done(ProtocolError::make(ErrorCode::InvalidToken, u"A visitor id and its token are required."_s));
        return;
    }
    continueWith(
        m_visitors->visitorByToken(site.id, visitorId, Tokens::hash(token)), this,
        [this, done, visitorId](const StoreResult<VisitorRecord> &result) {
            if (result.error == StoreError::NotFound) {
                qCInfo(lcChat) << "visitor" << visitorId << "presented a token that does not match; refused";
                done(ProtocolError::make(ErrorCode::InvalidToken,
                                         u"This visitor id and token do not match; say hello without them to start afresh."_s));
                return;
            }
            if (!result.ok()) {
                done(storeError(result.error, result.message));
                return;
            }
            // After the token: only the visitor itself learns that it is banned.
            if (const auto ban = m_moderation->visitorBan(visitorId, result.value.siteId)) {
                qCInfo(lcChat) << "visitor" << visitorId << "refused: banned by ban" << ban->id;
                done(Moderation::bannedError());
                return;
            }
            done(result.value);
        });
}

void VisitorService::hello(const SiteRecord &site, const VisitorHello &hello, ChatCallback<VisitorWelcome> done)
{
    // A socket upgraded (or a poll started) just before its address was banned.
    if (const auto ban = m_moderation->addressBan(hello.address, site.id)) {
        qCInfo(lcChat).noquote() << "hello from" << AddressKey::text(hello.address) << "refused: banned by ban" << ban->id;
        done(Moderation::bannedError());
        return;
    }
    // An identity with a wrong hash refuses the whole hello: nothing is created.
    VisitorPatch patch;
    if (hello.identity) {
        auto checked = checkIdentity(site, *hello.identity);
        if (auto *refused = std::get_if<ProtocolError>(&checked)) {
            done(*refused);
            return;
        }
        patch = std::get<VisitorPatch>(checked);
    }

    if (!hello.visitorId.isEmpty()) {
        verify(site, hello.visitorId, hello.token, [this, hello, patch, done](ChatOutcome<VisitorRecord> outcome) {
            if (auto *error = std::get_if<ProtocolError>(&outcome)) {
                done(*error);
                return;
            }
            welcome(std::get<VisitorRecord>(outcome), hello.token, hello, patch, done);
        });
        return;
    }

    // Each hello without an id creates a row: one address may not create them at network speed.
    qint64 retryAfterMs = 0;
    if (!m_newVisitors.take(AddressKey::text(hello.address), now(), &retryAfterMs)) {
        qCInfo(lcChat).noquote() << "new visitor from" << AddressKey::text(hello.address)
                                 << "refused: too many new visitors from that address";
        done(ProtocolError::rateLimited(retryAfterMs, u"Too many new chats from your network; try again in a moment."_s));
        return;
    }
    VisitorRecord visitor;
    visitor.id = Tokens::newVisitorId();
    visitor.siteId = site.id;
    visitor.createdAt = now();
    visitor.lastSeenAt = visitor.createdAt;
    const QString token = Tokens::generate();
    continueWith(m_visitors->createVisitor(visitor, Tokens::hash(token)), this,
                 [this, token, hello, patch, done](const StoreResult<VisitorRecord> &created) {
                     if (!created.ok()) {
                         done(storeError(created.error, created.message));
                         return;
                     }
                     welcome(created.value, token, hello, patch, done);
                 });
}

void VisitorService::welcome(VisitorRecord visitor, const QString &token, const VisitorHello &hello, const VisitorPatch &patch,
                             ChatCallback<VisitorWelcome> done)
{
    VisitorPatch update = patch;
    update.lastSeenAt = now();
    if (!hello.userAgent.isEmpty())
        update.attributes.insert(u"userAgent"_s, hello.userAgent);
    if (!hello.locale.isEmpty())
        update.attributes.insert(u"locale"_s, hello.locale);
    if (!hello.timezone.isEmpty())
        update.attributes.insert(u"timezone"_s, hello.timezone);
    if (!hello.referrer.isEmpty() && !visitor.attributes.contains(u"referrer"_s))
        update.attributes.insert(u"referrer"_s, hello.referrer);
    // Applied to the copy too, so the welcome and the agents see it at once;
    // the stored row is updated in the same queue, before anything after it.
    if (update.name)
        visitor.name = *update.name;
    if (update.email)
        visitor.email = *update.email;
    for (auto it = update.attributes.begin(); it != update.attributes.end(); ++it)
        visitor.attributes.insert(it.key(), it.value());
    visitor.lastSeenAt = update.lastSeenAt;
    continueWith(m_visitors->patchVisitor(visitor.id, update), this, [](const StoreResult<VisitorRecord> &result) {
        if (!result.ok())
            qCWarning(lcChat) << "could not update visitor context:" << result.message;
    });
    if (!hello.pageUrl.isEmpty())
        recordPage(visitor, hello.pageUrl, hello.pageTitle);

    continueWith(m_conversations->latestConversationForVisitor(visitor.id), this,
                 [this, hello, done, visitor, token](const StoreResult<std::optional<ConversationRecord>> &latest) {
                     if (!latest.ok()) {
                         done(storeError(latest.error, latest.message));
                         return;
                     }
                     VisitorWelcome result{
                         visitor, token, latest.value, {}, m_presence->agentsOnline(), m_presence->queuePosition(visitor.id)};
                     if (!latest.value) {
                         done(result);
                         return;
                     }
                     const qint64 conversationId = latest.value->id;
                     auto history = hello.after >= 0
                         ? m_conversations->messagesAfter(conversationId, hello.after, resumeHistoryLimit)
                         : m_conversations->messagesBefore(conversationId, 0, recentHistoryOnHello);
                     continueWith(history, this, [done, result](const StoreResult<QList<MessageRecord>> &messages) mutable {
                         if (!messages.ok()) {
                             done(storeError(messages.error, messages.message));
                             return;
                         }
                         result.messages = messages.value;
                         done(result);
                     });
                 });
}

void VisitorService::recordPage(const VisitorRecord &visitor, const QString &url, const QString &title)
{
    const PageView view{visitor.id, url, title, now()};
    continueWith(m_visitors->recordPageView(view), this, [this, view](const StoreResult<Done> &result) {
        if (!result.ok()) {
            qCWarning(lcChat) << "could not record page view of visitor" << view.visitorId << ":" << result.message;
            return;
        }
        m_events->publish(Events::VisitorPageViewed{view, m_presence->openConversationOf(view.visitorId)});
    });
}

void VisitorService::context(const QString &visitorId, ChatCallback<VisitorContext> done)
{
    continueWith(m_visitors->visitorById(visitorId), this, [this, visitorId, done](const StoreResult<VisitorRecord> &visitor) {
        if (!visitor.ok()) {
            done(visitor.error == StoreError::NotFound
                     ? ProtocolError::make(ErrorCode::NotFound, u"There is no visitor %1."_s.arg(visitorId))
                     : storeError(visitor.error, visitor.message));
            return;
        }
        continueWith(m_visitors->pageViews(visitorId, pagesInContext), this,
                     [this, visitorId, done, found = visitor.value](const StoreResult<QList<PageView>> &pages) {
                         if (!pages.ok()) {
                             done(storeError(pages.error, pages.message));
                             return;
                         }
                         continueWith(m_conversations->conversationsForVisitor(visitorId), this,
                                      [done, found, pages = pages.value](const StoreResult<QList<ConversationRecord>> &listed) {
                                          if (!listed.ok()) {
                                              done(storeError(listed.error, listed.message));
                                              return;
                                          }
                                          done(VisitorContext{found, pages, listed.value});
                                      });
                     });
    });
}

} // namespace Frontdesk
