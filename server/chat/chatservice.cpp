#include "chatservice.h"

#include "auth/passwordhasher.h"
#include "auth/tokens.h"
#include "core/continuewith.h"
#include "protocol/wirecodec.h"
#include "ratelimit/addresskey.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcChat, "frontdesk.chat")

namespace Frontdesk {

namespace {

constexpr int recentHistoryOnHello = 100;
constexpr int resumeHistoryLimit = 500;
constexpr qint64 agentTokenLifetimeMs = 30LL * 24 * 3600 * 1000;
constexpr qint64 endedSessionMemoryMs = 5 * 60 * 1000;
constexpr int maxSessionUserAgentChars = 300;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonObject frame(const QString &type, std::initializer_list<QPair<QString, QJsonValue>> fields = {})
{
    QJsonObject object{{u"type"_s, type}};
    for (const auto &[key, value] : fields)
        object.insert(key, value);
    return object;
}

QString tooManyAttempts(qint64 retryAfterMs)
{
    const qint64 seconds = (retryAfterMs + 999) / 1000;
    if (seconds < 120)
        return u"Too many wrong passwords; try again in %1 seconds."_s.arg(seconds);
    return u"Too many wrong passwords; try again in %1 minutes."_s.arg((seconds + 59) / 60);
}

} // namespace

ChatService::ChatService(Store *store, SiteDirectory *sites, const AbuseLimits &limits, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sites(sites)
    , m_limits(limits)
    , m_loginThrottle(limits)
    , m_visitorMessages(limits.visitorMessagesPerSecond, limits.visitorMessageBurst)
    , m_newVisitors(limits.newVisitorsPerMinute / 60.0, limits.newVisitorBurst)
{ }

ProtocolError ChatService::readError(const StoreResult<ConversationRecord> &result, qint64 messageId)
{
    if (result.error == StoreError::NotFound)
        return ProtocolError::make(ErrorCode::NotFound, u"Message %1 is not in this conversation."_s.arg(messageId));
    return storeError(result.error, result.message);
}

ProtocolError ChatService::storeError(StoreError error, const QString &message)
{
    switch (error) {
    case StoreError::NotFound:
        return ProtocolError::make(ErrorCode::NotFound);
    case StoreError::Conflict:
        return ProtocolError::make(ErrorCode::Conflict);
    case StoreError::Busy:
        // The writer's queue is full: expected under a flood, and logged by
        // nobody per call (that would be a flood of its own).
        return ProtocolError::make(ErrorCode::StorageBusy);
    case StoreError::None:
    case StoreError::Failed:
        break;
    }
    qCWarning(lcChat) << "storage failed:" << message;
    return ProtocolError::make(ErrorCode::StorageFailed);
}

void ChatService::start(std::function<void(bool, QString)> done)
{
    continueWith(m_store->openConversations(), this, [this, done](const StoreResult<QList<ConversationSummary>> &result) {
        if (!result.ok()) {
            done(false, result.message);
            return;
        }
        for (const ConversationSummary &summary : result.value)
            trackOpenConversation(summary.conversation);
        continueWith(m_store->listBans(), this, [this, done](const StoreResult<QList<BanRecord>> &bans) {
            if (!bans.ok()) {
                done(false, bans.message);
                return;
            }
            m_bans.replaceAll(bans.value);
            done(true, {});
        });
    });
}

// --- Bans and erasure ------------------------------------------------------

ProtocolError ChatService::bannedError()
{
    return ProtocolError::make(ErrorCode::Banned);
}

std::optional<BanRecord> ChatService::addressBan(const QHostAddress &address, qint64 siteId) const
{
    return m_bans.matchAddress(address, siteId, now());
}

std::optional<BanRecord> ChatService::visitorBan(const QString &visitorId, qint64 siteId) const
{
    return m_bans.matchVisitor(visitorId, siteId, now());
}

int ChatService::applyBan(const BanRecord &ban)
{
    m_bans.add(ban);
    // Bans are rare admin actions: one pass over the connected visitors is fine here.
    const qint64 at = now();
    QList<VisitorEndpoint *> covered;
    for (auto it = m_visitorEndpoints.cbegin(); it != m_visitorEndpoints.cend(); ++it) {
        if (BanList::covers(ban, it.value()->address(), it.key(), m_visitorSite.value(it.key()), at))
            covered.append(it.value());
    }
    const QJsonObject notice = WireCodec::errorFrame(bannedError());
    for (VisitorEndpoint *endpoint : std::as_const(covered))
        endpoint->endConnection(notice, u"banned"_s);
    qCInfo(lcChat).noquote() << "ban" << ban.id << "of" << toString(ban.kind) << ban.value << "closed" << covered.size()
                             << "visitor connections";
    return int(covered.size());
}

void ChatService::liftBan(qint64 banId)
{
    m_bans.remove(banId);
}

void ChatService::forgetVisitor(const VisitorErasure &erased)
{
    const QString &visitorId = erased.visitor.id;
    // Out of the maps first, so closing the connections tells nobody "visitor_left".
    QList<qint64> moved;
    for (const qint64 conversationId : erased.conversationIds) {
        m_openConversationVisitor.remove(conversationId);
        moved += m_queues.remove(conversationId);
    }
    m_visitorOpenConversation.remove(visitorId);
    m_announcedPosition.remove(visitorId);
    const QList<VisitorEndpoint *> endpoints = m_visitorEndpoints.values(visitorId);
    m_visitorEndpoints.remove(visitorId);
    m_visitorSite.remove(visitorId);
    for (VisitorEndpoint *endpoint : endpoints)
        endpoint->endConnection({}, u"visitor erased"_s);
    QJsonArray conversations;
    for (const qint64 conversationId : erased.conversationIds)
        conversations.append(double(conversationId));
    pushToAgents(frame(u"visitor_erased"_s, {{u"visitorId"_s, visitorId}, {u"conversationIds"_s, conversations}}));
    announcePlaces(moved);
}

void ChatService::trackOpenConversation(const ConversationRecord &conversation)
{
    if (conversation.status == ConversationStatus::Closed) {
        m_openConversationVisitor.remove(conversation.id);
        if (m_visitorOpenConversation.value(conversation.visitorId) == conversation.id)
            m_visitorOpenConversation.remove(conversation.visitorId);
    } else {
        m_openConversationVisitor.insert(conversation.id, conversation.visitorId);
        m_visitorOpenConversation.insert(conversation.visitorId, conversation.id);
    }
    if (conversation.status == ConversationStatus::Waiting) {
        announcePlaces(m_queues.add(conversation.siteId, conversation.id));
    } else if (m_queues.contains(conversation.id)) {
        const QList<qint64> moved = m_queues.remove(conversation.id);
        announceNotWaiting(conversation.visitorId);
        announcePlaces(moved);
    }
}

int ChatService::queuePosition(const QString &visitorId) const
{
    return m_queues.place(m_visitorOpenConversation.value(visitorId));
}

void ChatService::announcePlaces(const QList<qint64> &conversationIds)
{
    // Only connected visitors can be told; the others learn their place from
    // the welcome when they come back.
    for (const qint64 conversationId : conversationIds) {
        const QString visitorId = m_openConversationVisitor.value(conversationId);
        if (visitorId.isEmpty() || !m_visitorEndpoints.contains(visitorId))
            continue;
        const int position = m_queues.place(conversationId);
        if (position == 0 || m_announcedPosition.value(visitorId) == position)
            continue;
        m_announcedPosition.insert(visitorId, position);
        pushToVisitor(visitorId, frame(u"queue"_s, {{u"position"_s, position}}));
    }
}

void ChatService::announceNotWaiting(const QString &visitorId)
{
    if (m_announcedPosition.remove(visitorId) > 0)
        pushToVisitor(visitorId, frame(u"queue"_s, {{u"position"_s, QJsonValue(QJsonValue::Null)}}));
}

// --- Visitors --------------------------------------------------------------

ChatOutcome<VisitorPatch> ChatService::checkIdentity(const SiteRecord &site, const VisitorIdentity &identity)
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

void ChatService::patchVisitor(const VisitorRecord &visitor, const VisitorPatch &patch, ChatCallback<VisitorRecord> done)
{
    continueWith(m_store->patchVisitor(visitor.id, patch), this, [this, done](const StoreResult<VisitorRecord> &result) {
        if (!result.ok()) {
            done(storeError(result.error, result.message));
            return;
        }
        const VisitorRecord &updated = result.value;
        pushToAgents(frame(u"visitor_updated"_s, {{u"visitor"_s, WireCodec::toJson(updated, isVisitorOnline(updated.id))}}));
        done(updated);
    });
}

void ChatService::rateConversation(const VisitorRecord &visitor, int rating, const QString &comment,
                                   ChatCallback<ConversationRecord> done)
{
    const auto site = m_sites->byId(visitor.siteId);
    if (site && !site->widgetSettings.value(u"ratingEnabled"_s).toBool(true)) {
        done(ProtocolError::make(ErrorCode::Forbidden, u"Ratings are turned off for this site."_s));
        return;
    }
    continueWith(
        m_store->latestConversationForVisitor(visitor.id), this,
        [this, rating, comment, done](const StoreResult<std::optional<ConversationRecord>> &latest) {
            if (!latest.ok() || !latest.value) {
                done(latest.ok() ? ProtocolError::make(ErrorCode::NotFound, u"There is no conversation to rate."_s)
                                 : storeError(latest.error, latest.message));
                return;
            }
            const qint64 conversationId = latest.value->id;
            continueWith(
                m_store->rateConversation(conversationId, rating, comment), this,
                [this, done, conversationId](const StoreResult<ConversationRecord> &rated) {
                    if (rated.error == StoreError::Conflict) {
                        done(ProtocolError::make(ErrorCode::Conflict,
                                                 u"Conversation %1 can be rated once it is closed."_s.arg(conversationId)));
                        return;
                    }
                    if (!rated.ok()) {
                        done(storeError(rated.error, rated.message));
                        return;
                    }
                    pushToAgents(frame(u"conversation_rated"_s, {{u"conversation"_s, WireCodec::toJson(rated.value)}}));
                    done(rated.value);
                });
        });
}

void ChatService::verifyVisitor(const SiteRecord &site, const QString &visitorId, const QString &token,
                                ChatCallback<VisitorRecord> done)
{
    if (visitorId.isEmpty() || token.isEmpty()) {
        done(ProtocolError::make(ErrorCode::InvalidToken, u"A visitor id and its token are required."_s));
        return;
    }
    continueWith(
        m_store->visitorByToken(site.id, visitorId, Tokens::hash(token)), this,
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
            if (const auto ban = visitorBan(visitorId, result.value.siteId)) {
                qCInfo(lcChat) << "visitor" << visitorId << "refused: banned by ban" << ban->id;
                done(bannedError());
                return;
            }
            done(result.value);
        });
}

void ChatService::helloVisitor(const SiteRecord &site, const VisitorHello &hello, ChatCallback<VisitorWelcome> done)
{
    // A socket upgraded (or a poll started) just before its address was banned.
    if (const auto ban = addressBan(hello.address, site.id)) {
        qCInfo(lcChat).noquote() << "hello from" << AddressKey::text(hello.address) << "refused: banned by ban" << ban->id;
        done(bannedError());
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

    // Finishes the hello once the visitor is known: context, then history.
    auto welcome = [this, hello, patch, done](VisitorRecord visitor, QString token) {
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
        continueWith(m_store->patchVisitor(visitor.id, update), this, [](const StoreResult<VisitorRecord> &result) {
            if (!result.ok())
                qCWarning(lcChat) << "could not update visitor context:" << result.message;
        });
        if (!hello.pageUrl.isEmpty())
            visitorPage(visitor, hello.pageUrl, hello.pageTitle);

        continueWith(m_store->latestConversationForVisitor(visitor.id), this,
                     [this, hello, done, visitor, token](const StoreResult<std::optional<ConversationRecord>> &latest) {
                         if (!latest.ok()) {
                             done(storeError(latest.error, latest.message));
                             return;
                         }
                         VisitorWelcome result{visitor, token, latest.value, {}, agentsOnline(), queuePosition(visitor.id)};
                         if (!latest.value) {
                             done(result);
                             return;
                         }
                         const qint64 conversationId = latest.value->id;
                         auto history = hello.after >= 0 ? m_store->messagesAfter(conversationId, hello.after, resumeHistoryLimit)
                                                         : m_store->messagesBefore(conversationId, 0, recentHistoryOnHello);
                         continueWith(history, this, [done, result](const StoreResult<QList<MessageRecord>> &messages) mutable {
                             if (!messages.ok()) {
                                 done(storeError(messages.error, messages.message));
                                 return;
                             }
                             result.messages = messages.value;
                             done(result);
                         });
                     });
    };

    if (!hello.visitorId.isEmpty()) {
        verifyVisitor(site, hello.visitorId, hello.token, [welcome, hello, done](ChatOutcome<VisitorRecord> outcome) {
            if (auto *error = std::get_if<ProtocolError>(&outcome)) {
                done(*error);
                return;
            }
            welcome(std::get<VisitorRecord>(outcome), hello.token);
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
    continueWith(m_store->createVisitor(visitor, Tokens::hash(token)), this,
                 [welcome, token, done](const StoreResult<VisitorRecord> &created) {
                     if (!created.ok()) {
                         done(storeError(created.error, created.message));
                         return;
                     }
                     welcome(created.value, token);
                 });
}

void ChatService::attachVisitor(VisitorEndpoint *endpoint, const VisitorRecord &visitor)
{
    const bool returning = !m_visitorEndpoints.contains(visitor.id);
    m_visitorEndpoints.insert(visitor.id, endpoint);
    m_visitorSite.insert(visitor.id, visitor.siteId);
    // The welcome told it its place; later changes are measured from there.
    if (const int position = queuePosition(visitor.id))
        m_announcedPosition.insert(visitor.id, position);
    const qint64 conversationId = m_visitorOpenConversation.value(visitor.id);
    if (returning && conversationId > 0)
        pushToAgents(frame(u"visitor_returned"_s, {{u"visitorId"_s, visitor.id}, {u"conversationId"_s, double(conversationId)}}));
}

void ChatService::detachVisitor(VisitorEndpoint *endpoint, const QString &visitorId)
{
    if (!m_visitorEndpoints.remove(visitorId, endpoint))
        return; // already let go (erased)
    if (m_visitorEndpoints.contains(visitorId))
        return;
    m_visitorSite.remove(visitorId);
    m_announcedPosition.remove(visitorId);
    const qint64 conversationId = m_visitorOpenConversation.value(visitorId);
    if (conversationId > 0)
        pushToAgents(frame(u"visitor_left"_s, {{u"visitorId"_s, visitorId}, {u"conversationId"_s, double(conversationId)}}));
}

void ChatService::postVisitorMessage(const VisitorRecord &visitor, const QString &clientId, const QString &body,
                                     VisitorEndpoint *origin, ChatCallback<AppendResult> done)
{
    // Refused before the store: a flood costs neither a row nor a place in the writer's queue.
    qint64 retryAfterMs = 0;
    if (!m_visitorMessages.take(visitor.id, now(), &retryAfterMs)) {
        done(ProtocolError::rateLimited(retryAfterMs, u"You are sending messages too fast; this one was not sent yet."_s));
        return;
    }
    continueWith(m_store->appendVisitorMessage(visitor.siteId, visitor.id, clientId, body, now()), this,
                 [this, visitor, origin, done](const StoreResult<AppendResult> &result) {
                     if (!result.ok()) {
                         done(storeError(result.error, result.message));
                         return;
                     }
                     const AppendResult &appended = result.value;
                     if (!appended.duplicate) {
                         trackOpenConversation(appended.conversation);
                         if (appended.conversationCreated) {
                             qCInfo(lcChat) << "visitor" << visitor.id << "opened conversation" << appended.conversation.id;
                             ConversationSummary summary{appended.conversation, visitor, appended.message};
                             pushToAgents(frame(u"conversation_created"_s,
                                                {{u"conversation"_s, WireCodec::toJson(summary, isVisitorOnline(visitor.id))}}));
                         }
                         pushToAgents(frame(u"message"_s, {{u"message"_s, WireCodec::toJson(appended.message)}}));
                         // The visitor's other tabs show it too; the sending tab has its ack.
                         pushToVisitor(visitor.id,
                                       frame(u"message"_s, {{u"message"_s, WireCodec::toVisitorJson(appended.message)}}), origin);
                     }
                     done(appended);
                 });
}

void ChatService::visitorTyping(const VisitorRecord &visitor, bool active)
{
    const qint64 conversationId = m_visitorOpenConversation.value(visitor.id);
    if (conversationId == 0)
        return; // nobody to tell before the first message
    pushToAgents(
        frame(u"typing"_s, {{u"conversationId"_s, double(conversationId)}, {u"visitorId"_s, visitor.id}, {u"active"_s, active}}));
}

void ChatService::visitorRead(const VisitorRecord &visitor, qint64 messageId, ChatCallback<ConversationRecord> done)
{
    continueWith(m_store->latestConversationForVisitor(visitor.id), this,
                 [this, messageId, done](const StoreResult<std::optional<ConversationRecord>> &latest) {
                     if (!latest.ok() || !latest.value) {
                         done(latest.ok()
                                  ? ProtocolError::make(ErrorCode::NotFound, u"There is no conversation to mark as read."_s)
                                  : storeError(latest.error, latest.message));
                         return;
                     }
                     const qint64 conversationId = latest.value->id;
                     continueWith(m_store->markRead(conversationId, AuthorKind::Visitor, messageId), this,
                                  [this, done, conversationId, messageId](const StoreResult<ConversationRecord> &marked) {
                                      if (!marked.ok()) {
                                          done(readError(marked, messageId));
                                          return;
                                      }
                                      pushToAgents(frame(u"read"_s,
                                                         {{u"conversationId"_s, double(conversationId)},
                                                          {u"by"_s, u"visitor"_s},
                                                          {u"messageId"_s, double(marked.value.visitorReadUpTo)}}));
                                      done(marked.value);
                                  });
                 });
}

void ChatService::visitorPage(const VisitorRecord &visitor, const QString &url, const QString &title)
{
    const PageView view{visitor.id, url, title, now()};
    continueWith(m_store->recordPageView(view), this, [this, view](const StoreResult<Done> &result) {
        if (!result.ok()) {
            qCWarning(lcChat) << "could not record page view of visitor" << view.visitorId << ":" << result.message;
            return;
        }
        QJsonObject event = frame(u"visitor_page"_s, {{u"visitorId"_s, view.visitorId}, {u"page"_s, WireCodec::toJson(view)}});
        if (const qint64 conversationId = m_visitorOpenConversation.value(view.visitorId))
            event.insert(u"conversationId"_s, double(conversationId));
        pushToAgents(event);
    });
}

void ChatService::visitorMessagesAfter(const VisitorRecord &visitor, qint64 afterId, ChatCallback<QList<MessageRecord>> done)
{
    continueWith(m_store->latestConversationForVisitor(visitor.id), this,
                 [this, afterId, done](const StoreResult<std::optional<ConversationRecord>> &latest) {
                     if (!latest.ok()) {
                         done(storeError(latest.error, latest.message));
                         return;
                     }
                     if (!latest.value) {
                         done(QList<MessageRecord>());
                         return;
                     }
                     continueWith(m_store->messagesAfter(latest.value->id, afterId, resumeHistoryLimit), this,
                                  [done](const StoreResult<QList<MessageRecord>> &messages) {
                                      if (!messages.ok())
                                          done(storeError(messages.error, messages.message));
                                      else
                                          done(messages.value);
                                  });
                 });
}

// --- Agents ----------------------------------------------------------------

void ChatService::loginAgent(const QString &email, const QString &password, const ClientContext &context,
                             ChatCallback<AgentLogin> done)
{
    const QString account = email.trimmed().toLower();
    const LoginThrottle::Verdict verdict = m_loginThrottle.begin(context.address, account, now());
    if (!verdict.allowed) {
        qCInfo(lcChat).noquote() << "login for" << WireCodec::loggable(account) << "from" << AddressKey::text(context.address)
                                 << "refused:" << (verdict.banned ? "the address is banned" : "too many failed logins") << "for"
                                 << (verdict.retryAfterMs + 999) / 1000 << "s";
        done(ProtocolError::rateLimited(verdict.retryAfterMs, tooManyAttempts(verdict.retryAfterMs)));
        return;
    }
    const auto refuse = [done, account] {
        qCInfo(lcChat).noquote() << "login refused for" << WireCodec::loggable(account);
        done(ProtocolError::make(ErrorCode::InvalidCredentials));
    };
    continueWith(m_store->agentByEmail(account), this,
                 [this, password, context, account, done, refuse](const StoreResult<AgentRecord> &found) {
                     if (found.error == StoreError::NotFound || (found.ok() && found.value.disabled)) {
                         // Hash anyway, so an unknown email takes as long as a wrong password.
                         continueWith(PasswordHasher::hash(password), this, [refuse](const QByteArray &) { refuse(); });
                         return;
                     }
                     if (!found.ok()) {
                         done(storeError(found.error, found.message));
                         return;
                     }
                     const AgentRecord agent = found.value;
                     continueWith(PasswordHasher::verify(agent.passwordHash, password), this,
                                  [this, agent, context, account, done, refuse](bool ok) {
                                      if (!ok) {
                                          refuse();
                                          return;
                                      }
                                      m_loginThrottle.succeeded(context.address, account, now());
                                      LoginSession session;
                                      session.id = Tokens::newSessionId();
                                      session.agentId = agent.id;
                                      session.createdAt = now();
                                      session.lastUsedAt = session.createdAt;
                                      session.expiresAt = session.createdAt + agentTokenLifetimeMs;
                                      session.userAgent = context.userAgent.left(maxSessionUserAgentChars);
                                      session.address = context.address.toString();
                                      const QString token = Tokens::generate();
                                      continueWith(m_store->createAgentToken(session, Tokens::hash(token)), this,
                                                   [agent, session, token, done](const StoreResult<Done> &stored) {
                                                       if (!stored.ok()) {
                                                           done(storeError(stored.error, stored.message));
                                                           return;
                                                       }
                                                       qCInfo(lcChat)
                                                           << "agent" << agent.email << "logged in, session" << session.id;
                                                       done(AgentLogin{agent, session, token});
                                                   });
                                  });
                 });
}

void ChatService::verifyPassword(const AgentRecord &agent, const QString &password, const ClientContext &context,
                                 ChatCallback<bool> done)
{
    const LoginThrottle::Verdict verdict = m_loginThrottle.begin(context.address, agent.email, now());
    if (!verdict.allowed) {
        qCInfo(lcChat) << "password check for" << agent.email << "refused: too many wrong passwords";
        done(ProtocolError::rateLimited(verdict.retryAfterMs, tooManyAttempts(verdict.retryAfterMs)));
        return;
    }
    // The stored hash, not the one read at login: it may have changed since.
    continueWith(
        m_store->agentById(agent.id), this, [this, password, context, agent, done](const StoreResult<AgentRecord> &stored) {
            if (!stored.ok()) {
                done(storeError(stored.error, stored.message));
                return;
            }
            continueWith(PasswordHasher::verify(stored.value.passwordHash, password), this,
                         [this, context, agent, done](bool ok) {
                             if (!ok) {
                                 done(ProtocolError::make(ErrorCode::InvalidCredentials, u"The current password is wrong."_s));
                                 return;
                             }
                             m_loginThrottle.succeeded(context.address, agent.email, now());
                             done(true);
                         });
        });
}

void ChatService::authenticateAgent(const QString &token, ChatCallback<AgentAuthentication> done)
{
    continueWith(
        m_store->agentByTokenHash(Tokens::hash(token), now()), this, [done](const StoreResult<AgentAuthentication> &result) {
            if (result.error == StoreError::NotFound) {
                done(ProtocolError::make(ErrorCode::InvalidToken, u"The agent token is unknown or has expired; log in again."_s));
                return;
            }
            if (!result.ok()) {
                done(storeError(result.error, result.message));
                return;
            }
            done(result.value);
        });
}

void ChatService::logoutAgent(const QString &token, ChatCallback<LoginSession> done)
{
    continueWith(m_store->deleteAgentToken(Tokens::hash(token)), this, [this, done](const StoreResult<LoginSession> &result) {
        if (!result.ok()) {
            done(storeError(result.error, result.message));
            return;
        }
        endSessions({result.value.id}, SessionEnd::LoggedOut);
        done(result.value);
    });
}

void ChatService::agentSessions(const AgentRecord &agent, ChatCallback<QList<LoginSession>> done)
{
    continueWith(m_store->agentSessions(agent.id, now()), this, [done](const StoreResult<QList<LoginSession>> &result) {
        if (!result.ok())
            done(storeError(result.error, result.message));
        else
            done(result.value);
    });
}

void ChatService::endAgentSession(const AgentRecord &agent, const QString &sessionId, SessionEnd why, ChatCallback<bool> done)
{
    continueWith(
        m_store->deleteAgentSession(agent.id, sessionId), this,
        [this, agent, sessionId, why, done](const StoreResult<Done> &result) {
            if (result.error == StoreError::NotFound) {
                done(ProtocolError::make(ErrorCode::NotFound, u"You have no session %1."_s.arg(WireCodec::loggable(sessionId))));
                return;
            }
            if (!result.ok()) {
                done(storeError(result.error, result.message));
                return;
            }
            qCInfo(lcChat) << "agent" << agent.email << "ended session" << sessionId;
            endSessions({sessionId}, why);
            done(true);
        });
}

QString ChatService::sessionEndReason(SessionEnd why)
{
    switch (why) {
    case SessionEnd::LoggedOut:
        return u"logged_out"_s;
    case SessionEnd::EndedByAgent:
        return u"ended"_s;
    case SessionEnd::PasswordChanged:
        return u"password_changed"_s;
    case SessionEnd::PasswordReset:
        return u"password_reset"_s;
    case SessionEnd::Disabled:
        return u"disabled"_s;
    case SessionEnd::Deleted:
        return u"deleted"_s;
    }
    return u"ended"_s;
}

void ChatService::endSessions(const QStringList &sessionIds, SessionEnd why)
{
    if (sessionIds.isEmpty())
        return;
    const qint64 at = now();
    // An authentication reads its token, then the snapshot, then attaches:
    // remember ended sessions long enough to refuse one caught in between.
    for (auto it = m_endedSessions.begin(); it != m_endedSessions.end();)
        it = at - it.value() > endedSessionMemoryMs ? m_endedSessions.erase(it) : std::next(it);
    for (const QString &id : sessionIds)
        m_endedSessions.insert(id, at);
    const QString reason = sessionEndReason(why);
    const QSet<AgentEndpoint *> endpoints = m_agentEndpoints;
    for (AgentEndpoint *endpoint : endpoints) {
        if (sessionIds.contains(endpoint->sessionId()))
            endpoint->endSession(reason);
    }
}

void ChatService::agentSnapshot(const AgentRecord &agent, ChatCallback<QJsonObject> done)
{
    continueWith(m_store->openConversations(), this, [this, agent, done](const StoreResult<QList<ConversationSummary>> &open) {
        if (!open.ok()) {
            done(storeError(open.error, open.message));
            return;
        }
        QJsonArray conversations;
        for (const ConversationSummary &summary : open.value)
            conversations.append(WireCodec::toJson(summary, isVisitorOnline(summary.visitor.id)));
        continueWith(
            m_store->listAgents(), this, [this, agent, done, conversations](const StoreResult<QList<AgentRecord>> &agents) {
                if (!agents.ok()) {
                    done(storeError(agents.error, agents.message));
                    return;
                }
                // Counted as if attached already: the agent is online from this frame on.
                const bool attached = m_agentPresence.contains(agent.id);
                const int online = agentsOnline() + (attached ? 0 : 1);
                QJsonArray team;
                for (const AgentRecord &member : agents.value) {
                    QJsonObject entry = WireCodec::toJson(member);
                    entry.insert(u"status"_s, member.id == agent.id && !attached ? u"online"_s : agentStatus(member.id));
                    team.append(entry);
                }
                const QList<SiteRecord> sites = m_sites->all();
                const bool admin = agent.role == AgentRole::Admin;
                done(frame(
                    u"snapshot"_s,
                    {{u"agent"_s, WireCodec::toJson(agent)},
                     {u"conversations"_s, conversations},
                     {u"agentsOnline"_s, online},
                     {u"agents"_s, team},
                     {u"site"_s, sites.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(siteJson(sites.first(), admin))}}));
            });
    });
}

QJsonObject ChatService::siteJson(const SiteRecord &site, bool withSecret)
{
    QJsonObject object{{u"id"_s, double(site.id)},
                       {u"siteKey"_s, site.siteKey},
                       {u"name"_s, site.name},
                       {u"allowedOrigins"_s, QJsonArray::fromStringList(site.allowedOrigins)},
                       {u"widget"_s, site.widgetSettings},
                       {u"closedRetentionDays"_s, site.closedRetentionDays}};
    if (withSecret)
        object.insert(u"identitySecret"_s, QString::fromLatin1(site.identitySecret.toHex()));
    return object;
}

int ChatService::agentsOnline() const
{
    int online = 0;
    for (const AgentPresence &presence : m_agentPresence)
        online += presence.status == u"online" ? 1 : 0;
    return online;
}

QString ChatService::agentStatus(qint64 agentId) const
{
    const auto it = m_agentPresence.constFind(agentId);
    return it == m_agentPresence.constEnd() ? u"offline"_s : it->status;
}

void ChatService::attachAgent(AgentEndpoint *endpoint, const AgentRecord &agent)
{
    m_agentEndpoints.insert(endpoint);
    AgentPresence &presence = m_agentPresence[agent.id];
    presence.name = agent.name;
    if (presence.connections++ == 0) {
        presence.status = u"online"_s;
        pushToAgents(frame(u"agent_status"_s,
                           {{u"agentId"_s, double(agent.id)}, {u"name"_s, agent.name}, {u"status"_s, presence.status}}));
        broadcastAgentsOnline();
    }
}

void ChatService::detachAgent(AgentEndpoint *endpoint, const AgentRecord &agent)
{
    if (!m_agentEndpoints.remove(endpoint))
        return;
    auto it = m_agentPresence.find(agent.id);
    if (it == m_agentPresence.end() || --it->connections > 0)
        return;
    m_agentPresence.erase(it);
    pushToAgents(
        frame(u"agent_status"_s, {{u"agentId"_s, double(agent.id)}, {u"name"_s, agent.name}, {u"status"_s, u"offline"_s}}));
    broadcastAgentsOnline();
}

void ChatService::setAgentStatus(const AgentRecord &agent, const QString &status)
{
    auto it = m_agentPresence.find(agent.id);
    if (it == m_agentPresence.end() || it->status == status)
        return;
    it->status = status;
    qCInfo(lcChat) << "agent" << agent.email << "is now" << status;
    pushToAgents(frame(u"agent_status"_s, {{u"agentId"_s, double(agent.id)}, {u"name"_s, agent.name}, {u"status"_s, status}}));
    broadcastAgentsOnline();
}

void ChatService::broadcastAgentsOnline()
{
    // Visitors only care whether somebody can answer; they hear about changes of the count.
    const int online = agentsOnline();
    if (online == m_lastAgentsOnline)
        return;
    m_lastAgentsOnline = online;
    const QJsonObject event = frame(u"presence"_s, {{u"agentsOnline"_s, online}});
    for (VisitorEndpoint *endpoint : std::as_const(m_visitorEndpoints))
        endpoint->pushToVisitor(event);
    pushToAgents(event);
}

void ChatService::transferConversation(const AgentRecord &agent, qint64 conversationId, qint64 targetAgentId,
                                       ChatCallback<ConversationRecord> done)
{
    continueWith(
        m_store->agentById(targetAgentId), this,
        [this, agent, conversationId, targetAgentId, done](const StoreResult<AgentRecord> &target) {
            if (target.error == StoreError::NotFound) {
                done(ProtocolError::make(ErrorCode::NotFound, u"There is no agent %1."_s.arg(targetAgentId)));
                return;
            }
            if (!target.ok()) {
                done(storeError(target.error, target.message));
                return;
            }
            const QString line = tr("%1 transferred the chat to %2").arg(agent.name, target.value.name);
            continueWith(
                m_store->assignConversation(conversationId, targetAgentId, true, line, now()), this,
                [this, agent, target, conversationId, done](const StoreResult<ConversationChange> &result) {
                    if (result.error == StoreError::Conflict) {
                        done(ProtocolError::make(ErrorCode::Conflict, u"Conversation %1 is closed."_s.arg(conversationId)));
                        return;
                    }
                    if (!result.ok()) {
                        done(storeError(result.error, result.message));
                        return;
                    }
                    if (result.value.systemMessage.id > 0) {
                        qCInfo(lcChat) << "agent" << agent.email << "transferred conversation" << conversationId << "to"
                                       << target.value.email;
                        announceConversationChange(result.value);
                        pushToVisitor(result.value.conversation.visitorId,
                                      frame(u"agent_joined"_s,
                                            {{u"agentName"_s, target.value.name},
                                             {u"conversation"_s, WireCodec::toVisitorJson(result.value.conversation)}}));
                    }
                    done(result.value.conversation);
                });
        });
}

void ChatService::announceConversationChange(const ConversationChange &change)
{
    trackOpenConversation(change.conversation);
    pushToAgents(frame(u"conversation_updated"_s, {{u"conversation"_s, WireCodec::toJson(change.conversation)}}));
    if (change.systemMessage.id > 0) {
        pushToAgents(frame(u"message"_s, {{u"message"_s, WireCodec::toJson(change.systemMessage)}}));
        pushToVisitor(change.conversation.visitorId,
                      frame(u"message"_s, {{u"message"_s, WireCodec::toVisitorJson(change.systemMessage)}}));
    }
}

void ChatService::acceptConversation(const AgentRecord &agent, qint64 conversationId, ChatCallback<ConversationRecord> done)
{
    const QString line = tr("%1 joined the chat").arg(agent.name);
    continueWith(
        m_store->assignConversation(conversationId, agent.id, false, line, now()), this,
        [this, agent, conversationId, done](const StoreResult<ConversationChange> &result) {
            if (result.error == StoreError::Conflict) {
                done(ProtocolError::make(ErrorCode::Conflict,
                                         u"Conversation %1 is closed or was accepted by another agent."_s.arg(conversationId)));
                return;
            }
            if (!result.ok()) {
                done(storeError(result.error, result.message));
                return;
            }
            if (result.value.systemMessage.id == 0) {
                done(result.value.conversation); // accepted before by this agent: nothing new to tell
                return;
            }
            qCInfo(lcChat) << "agent" << agent.email << "accepted conversation" << conversationId;
            announceConversationChange(result.value);
            pushToVisitor(
                result.value.conversation.visitorId,
                frame(u"agent_joined"_s,
                      {{u"agentName"_s, agent.name}, {u"conversation"_s, WireCodec::toVisitorJson(result.value.conversation)}}));
            done(result.value.conversation);
        });
}

void ChatService::replyToConversation(const AgentRecord &agent, qint64 conversationId, const QString &clientId,
                                      const QString &body, AgentEndpoint *origin, ChatCallback<AppendResult> done)
{
    continueWith(m_store->appendAgentMessage(conversationId, agent.id, clientId, body, now()), this,
                 [this, origin, conversationId, done](const StoreResult<AppendResult> &result) {
                     if (result.error == StoreError::Conflict) {
                         done(ProtocolError::make(ErrorCode::Conflict, u"Conversation %1 is closed."_s.arg(conversationId)));
                         return;
                     }
                     if (!result.ok()) {
                         done(storeError(result.error, result.message));
                         return;
                     }
                     if (!result.value.duplicate) {
                         pushToVisitor(result.value.conversation.visitorId,
                                       frame(u"message"_s, {{u"message"_s, WireCodec::toVisitorJson(result.value.message)}}));
                         pushToAgents(frame(u"message"_s, {{u"message"_s, WireCodec::toJson(result.value.message)}}), origin);
                     }
                     done(result.value);
                 });
}

void ChatService::closeConversation(const AgentRecord &agent, qint64 conversationId, ChatCallback<ConversationRecord> done)
{
    const QString line = tr("%1 closed the chat").arg(agent.name);
    continueWith(
        m_store->closeConversation(conversationId, line, now()), this,
        [this, agent, conversationId, done](const StoreResult<ConversationChange> &result) {
            if (result.error == StoreError::Conflict) {
                done(ProtocolError::make(ErrorCode::Conflict, u"Conversation %1 is already closed."_s.arg(conversationId)));
                return;
            }
            if (!result.ok()) {
                done(storeError(result.error, result.message));
                return;
            }
            qCInfo(lcChat) << "agent" << agent.email << "closed conversation" << conversationId;
            announceConversationChange(result.value);
            pushToVisitor(
                result.value.conversation.visitorId,
                frame(u"conversation_closed"_s, {{u"conversation"_s, WireCodec::toVisitorJson(result.value.conversation)}}));
            done(result.value.conversation);
        });
}

std::optional<ProtocolError> ChatService::agentTyping(const AgentRecord &agent, qint64 conversationId, bool active)
{
    const auto it = m_openConversationVisitor.constFind(conversationId);
    if (it == m_openConversationVisitor.constEnd())
        return ProtocolError::make(ErrorCode::NotFound, u"Conversation %1 is not open."_s.arg(conversationId));
    pushToVisitor(*it, frame(u"typing"_s, {{u"active"_s, active}, {u"agentName"_s, agent.name}}));
    return std::nullopt;
}

void ChatService::agentRead(const AgentRecord &agent, qint64 conversationId, qint64 messageId,
                            ChatCallback<ConversationRecord> done)
{
    Q_UNUSED(agent);
    continueWith(
        m_store->markRead(conversationId, AuthorKind::Agent, messageId), this,
        [this, done, messageId](const StoreResult<ConversationRecord> &marked) {
            if (!marked.ok()) {
                done(readError(marked, messageId));
                return;
            }
            pushToVisitor(marked.value.visitorId, frame(u"read"_s, {{u"messageId"_s, double(marked.value.agentReadUpTo)}}));
            pushToAgents(frame(u"read"_s,
                               {{u"conversationId"_s, double(marked.value.id)},
                                {u"by"_s, u"agent"_s},
                                {u"messageId"_s, double(marked.value.agentReadUpTo)}}));
            done(marked.value);
        });
}

void ChatService::conversationHistory(qint64 conversationId, qint64 beforeId, int limit, ChatCallback<QList<MessageRecord>> done)
{
    continueWith(m_store->conversationById(conversationId), this,
                 [this, conversationId, beforeId, limit, done](const StoreResult<ConversationRecord> &conversation) {
                     if (!conversation.ok()) {
                         done(storeError(conversation.error, conversation.message));
                         return;
                     }
                     continueWith(m_store->messagesBefore(conversationId, beforeId, limit), this,
                                  [done](const StoreResult<QList<MessageRecord>> &messages) {
                                      if (!messages.ok())
                                          done(storeError(messages.error, messages.message));
                                      else
                                          done(messages.value);
                                  });
                 });
}

void ChatService::visitorContext(const QString &visitorId, ChatCallback<QJsonObject> done)
{
    constexpr int pagesShown = 50;
    continueWith(m_store->visitorById(visitorId), this, [this, visitorId, done](const StoreResult<VisitorRecord> &visitor) {
        if (!visitor.ok()) {
            done(visitor.error == StoreError::NotFound
                     ? ProtocolError::make(ErrorCode::NotFound, u"There is no visitor %1."_s.arg(visitorId))
                     : storeError(visitor.error, visitor.message));
            return;
        }
        QJsonObject context{{u"visitor"_s, WireCodec::toJson(visitor.value, isVisitorOnline(visitorId))}};
        continueWith(m_store->pageViews(visitorId, pagesShown), this,
                     [this, visitorId, done, context](const StoreResult<QList<PageView>> &pages) mutable {
                         if (!pages.ok()) {
                             done(storeError(pages.error, pages.message));
                             return;
                         }
                         QJsonArray pageList;
                         for (const PageView &view : pages.value)
                             pageList.append(WireCodec::toJson(view));
                         context.insert(u"pages"_s, pageList);
                         continueWith(m_store->conversationsForVisitor(visitorId), this,
                                      [done, context](const StoreResult<QList<ConversationRecord>> &conversations) mutable {
                                          if (!conversations.ok()) {
                                              done(storeError(conversations.error, conversations.message));
                                              return;
                                          }
                                          QJsonArray conversationList;
                                          for (const ConversationRecord &conversation : conversations.value)
                                              conversationList.append(WireCodec::toJson(conversation));
                                          context.insert(u"conversations"_s, conversationList);
                                          done(context);
                                      });
                     });
    });
}

// --- Fan-out ---------------------------------------------------------------

void ChatService::pushToVisitor(const QString &visitorId, const QJsonObject &event, VisitorEndpoint *except)
{
    // values() copies: an endpoint may detach itself while being pushed to.
    const QList<VisitorEndpoint *> endpoints = m_visitorEndpoints.values(visitorId);
    for (VisitorEndpoint *endpoint : endpoints) {
        if (endpoint != except)
            endpoint->pushToVisitor(event);
    }
}

void ChatService::pushToAgents(const QJsonObject &event, AgentEndpoint *except)
{
    const QSet<AgentEndpoint *> endpoints = m_agentEndpoints;
    for (AgentEndpoint *endpoint : endpoints) {
        if (endpoint != except)
            endpoint->pushToAgent(event);
    }
}

} // namespace Frontdesk
