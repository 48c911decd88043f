#include "conversationservice.h"

#include "chat/mailpolicy.h"
#include "chat/presenceservice.h"
#include "chat/sitedirectory.h"
#include "core/continuewith.h"
#include "store/store.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcChat)

namespace Frontdesk {

namespace {

constexpr int resumeHistoryLimit = 500;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Events::AgentRef refOf(const AgentRecord &agent)
{
    return Events::AgentRef{agent.id, agent.name};
}

} // namespace

ConversationService::ConversationService(ConversationStore *conversations, AgentStore *agents, const SiteDirectory *sites,
                                         const PresenceService *presence, DomainEventBus *events, const AbuseLimits &limits,
                                         const QUrl &publicUrl, QObject *parent)
    : QObject(parent)
    , m_conversations(conversations)
    , m_agents(agents)
    , m_sites(sites)
    , m_presence(presence)
    , m_events(events)
    , m_publicUrl(publicUrl)
    , m_visitorMessages(limits.visitorMessagesPerSecond, limits.visitorMessageBurst)
{ }

// --- The visitor's side ----------------------------------------------------

void ConversationService::postVisitorMessage(const VisitorRecord &visitor, const QString &clientId, const QString &body,
                                             const void *origin, ChatCallback<AppendResult> done)
{
    // Refused before the store: a flood costs neither a row nor a place in the writer's queue.
    qint64 retryAfterMs = 0;
    if (!m_visitorMessages.take(visitor.id, now(), &retryAfterMs)) {
        done(ProtocolError::rateLimited(retryAfterMs, u"You are sending messages too fast; this one was not sent yet."_s));
        return;
    }
    const MailOnAppend mail = m_mailPolicy ? m_mailPolicy->forVisitorMessage(visitor) : MailOnAppend::None;
    continueWith(m_conversations->appendVisitorMessage(visitor.siteId, visitor.id, clientId, body, now(), mail), this,
                 [this, visitor, origin, done](const StoreResult<AppendResult> &result) {
                     if (!result.ok()) {
                         done(storeError(result.error, result.message));
                         return;
                     }
                     const AppendResult &appended = result.value;
                     if (!appended.duplicate) {
                         if (appended.conversationCreated) {
                             qCInfo(lcChat) << "visitor" << visitor.id << "opened conversation" << appended.conversation.id;
                             m_events->publish(Events::ConversationOpened{
                                 ConversationSummary{appended.conversation, visitor, appended.message}});
                         }
                         m_events->publish(Events::MessageStored{appended.conversation, appended.message, origin});
                     }
                     done(appended);
                 });
}

void ConversationService::visitorTyping(const VisitorRecord &visitor, bool active)
{
    const qint64 conversationId = m_presence->openConversationOf(visitor.id);
    if (conversationId == 0)
        return; // nobody to tell before the first message
    m_events->publish(Events::TypingChanged{conversationId, visitor.id, AuthorKind::Visitor, {}, active});
}

void ConversationService::visitorRead(const VisitorRecord &visitor, qint64 messageId, ChatCallback<ConversationRecord> done)
{
    continueWith(m_conversations->latestConversationForVisitor(visitor.id), this,
                 [this, messageId, done](const StoreResult<std::optional<ConversationRecord>> &latest) {
                     if (!latest.ok() || !latest.value) {
                         done(latest.ok()
                                  ? ProtocolError::make(ErrorCode::NotFound, u"There is no conversation to mark as read."_s)
                                  : storeError(latest.error, latest.message));
                         return;
                     }
                     markRead(latest.value->id, AuthorKind::Visitor, messageId, done);
                 });
}

void ConversationService::markRead(qint64 conversationId, AuthorKind reader, qint64 messageId,
                                   ChatCallback<ConversationRecord> done)
{
    continueWith(
        m_conversations->markRead(conversationId, reader, messageId), this,
        [this, reader, messageId, done](const StoreResult<ConversationRecord> &marked) {
            if (marked.error == StoreError::NotFound) {
                done(ProtocolError::make(ErrorCode::NotFound, u"Message %1 is not in this conversation."_s.arg(messageId)));
                return;
            }
            if (!marked.ok()) {
                done(storeError(marked.error, marked.message));
                return;
            }
            m_events->publish(Events::ReadMarked{marked.value, reader});
            done(marked.value);
        });
}

void ConversationService::rate(const VisitorRecord &visitor, int rating, const QString &comment,
                               ChatCallback<ConversationRecord> done)
{
    const auto site = m_sites->byId(visitor.siteId);
    if (site && !site->widgetSettings.value(u"ratingEnabled"_s, true).toBool()) {
        done(ProtocolError::make(ErrorCode::Forbidden, u"Ratings are turned off for this site."_s));
        return;
    }
    continueWith(m_conversations->latestConversationForVisitor(visitor.id), this,
                 [this, rating, comment, done](const StoreResult<std::optional<ConversationRecord>> &latest) {
                     if (!latest.ok() || !latest.value) {
                         done(latest.ok() ? ProtocolError::make(ErrorCode::NotFound, u"There is no conversation to rate."_s)
                                          : storeError(latest.error, latest.message));
                         return;
                     }
                     const qint64 conversationId = latest.value->id;
                     continueWith(m_conversations->rateConversation(conversationId, rating, comment), this,
                                  [this, done, conversationId](const StoreResult<ConversationRecord> &rated) {
                                      if (rated.error == StoreError::Conflict) {
                                          done(ProtocolError::make(
                                              ErrorCode::Conflict,
                                              u"Conversation %1 can be rated once it is closed."_s.arg(conversationId)));
                                          return;
                                      }
                                      if (!rated.ok()) {
                                          done(storeError(rated.error, rated.message));
                                          return;
                                      }
                                      m_events->publish(Events::ConversationRated{rated.value});
                                      done(rated.value);
                                  });
                 });
}

void ConversationService::visitorMessagesAfter(const VisitorRecord &visitor, qint64 afterId,
                                               ChatCallback<QList<MessageRecord>> done)
{
    continueWith(m_conversations->latestConversationForVisitor(visitor.id), this,
                 [this, afterId, done](const StoreResult<std::optional<ConversationRecord>> &latest) {
                     if (!latest.ok()) {
                         done(storeError(latest.error, latest.message));
                         return;
                     }
                     if (!latest.value) {
                         done(QList<MessageRecord>());
                         return;
                     }
                     continueWith(m_conversations->messagesAfter(latest.value->id, afterId, resumeHistoryLimit), this,
                                  [done](const StoreResult<QList<MessageRecord>> &messages) { done(outcomeOf(messages)); });
                 });
}

// --- The team's side -------------------------------------------------------

void ConversationService::accept(const AgentRecord &agent, qint64 conversationId, ChatCallback<ConversationRecord> done)
{
    const QString line = tr("%1 joined the chat").arg(agent.name);
    continueWith(
        m_conversations->assignConversation(conversationId, agent.id, false, line, now()), this,
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
            if (result.value.systemMessage.id > 0) { // 0: accepted before by this agent, nothing new
                qCInfo(lcChat) << "agent" << agent.email << "accepted conversation" << conversationId;
                m_events->publish(
                    Events::ConversationAccepted{result.value.conversation, result.value.systemMessage, refOf(agent)});
            }
            done(result.value.conversation);
        });
}

void ConversationService::transfer(const AgentRecord &agent, qint64 conversationId, qint64 targetAgentId,
                                   ChatCallback<ConversationRecord> done)
{
    continueWith(m_agents->agentById(targetAgentId), this,
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
                     continueWith(m_conversations->assignConversation(conversationId, targetAgentId, true, line, now()), this,
                                  [this, agent, target, conversationId, done](const StoreResult<ConversationChange> &result) {
                                      if (result.error == StoreError::Conflict) {
                                          done(ProtocolError::make(ErrorCode::Conflict,
                                                                   u"Conversation %1 is closed."_s.arg(conversationId)));
                                          return;
                                      }
                                      if (!result.ok()) {
                                          done(storeError(result.error, result.message));
                                          return;
                                      }
                                      if (result.value.systemMessage.id > 0) {
                                          qCInfo(lcChat) << "agent" << agent.email << "transferred conversation" << conversationId
                                                         << "to" << target.value.email;
                                          m_events->publish(Events::ConversationTransferred{result.value.conversation,
                                                                                            result.value.systemMessage,
                                                                                            refOf(agent), refOf(target.value)});
                                      }
                                      done(result.value.conversation);
                                  });
                 });
}

void ConversationService::reply(const AgentRecord &agent, qint64 conversationId, const QString &clientId, const QString &body,
                                const void *origin, ChatCallback<AppendResult> done)
{
    const MailOnAppend mail = m_mailPolicy ? m_mailPolicy->forAgentReply(conversationId) : MailOnAppend::None;
    continueWith(m_conversations->appendAgentMessage(conversationId, agent.id, clientId, body, now(), mail), this,
                 [this, origin, conversationId, done](const StoreResult<AppendResult> &result) {
                     if (result.error == StoreError::Conflict) {
                         done(ProtocolError::make(ErrorCode::Conflict, u"Conversation %1 is closed."_s.arg(conversationId)));
                         return;
                     }
                     if (!result.ok()) {
                         done(storeError(result.error, result.message));
                         return;
                     }
                     if (!result.value.duplicate)
                         m_events->publish(Events::MessageStored{result.value.conversation, result.value.message, origin});
                     done(result.value);
                 });
}

void ConversationService::close(const AgentRecord &agent, qint64 conversationId, ChatCallback<ConversationRecord> done)
{
    const QString line = tr("%1 closed the chat").arg(agent.name);
    continueWith(
        m_conversations->closeConversation(conversationId, line, now(), agent.id), this,
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
            m_events->publish(Events::ConversationClosed{result.value.conversation, result.value.systemMessage, refOf(agent)});
            done(result.value.conversation);
        });
}

std::optional<ProtocolError> ConversationService::agentTyping(const AgentRecord &agent, qint64 conversationId, bool active)
{
    const QString visitorId = m_presence->visitorOfOpenConversation(conversationId);
    if (visitorId.isEmpty())
        return ProtocolError::make(ErrorCode::NotFound, u"Conversation %1 is not open."_s.arg(conversationId));
    m_events->publish(Events::TypingChanged{conversationId, visitorId, AuthorKind::Agent, agent.name, active});
    return std::nullopt;
}

void ConversationService::agentRead(const AgentRecord &agent, qint64 conversationId, qint64 messageId,
                                    ChatCallback<ConversationRecord> done)
{
    Q_UNUSED(agent); // one read mark for the whole team
    markRead(conversationId, AuthorKind::Agent, messageId, std::move(done));
}

void ConversationService::history(qint64 conversationId, qint64 beforeId, int limit, ChatCallback<QList<MessageRecord>> done)
{
    continueWith(m_conversations->conversationById(conversationId), this,
                 [this, conversationId, beforeId, limit, done](const StoreResult<ConversationRecord> &conversation) {
                     if (!conversation.ok()) {
                         done(storeError(conversation.error, conversation.message));
                         return;
                     }
                     continueWith(m_conversations->messagesBefore(conversationId, beforeId, limit), this,
                                  [done](const StoreResult<QList<MessageRecord>> &messages) { done(outcomeOf(messages)); });
                 });
}

void ConversationService::snapshot(const AgentRecord &agent, ChatCallback<AgentSnapshot> done)
{
    continueWith(m_conversations->openConversations(), this,
                 [this, agent, done](const StoreResult<QList<ConversationSummary>> &open) {
                     if (!open.ok()) {
                         done(storeError(open.error, open.message));
                         return;
                     }
                     continueWith(m_agents->listAgents(), this,
                                  [this, agent, done, conversations = open.value](const StoreResult<QList<AgentRecord>> &agents) {
                                      if (!agents.ok()) {
                                          done(storeError(agents.error, agents.message));
                                          return;
                                      }
                                      // Counted as if attached already: the agent is online from this frame on.
                                      const bool attached = m_presence->hasConsoleOpen(agent.id);
                                      AgentSnapshot snapshot;
                                      snapshot.conversations = conversations;
                                      snapshot.agentsOnline = m_presence->agentsOnline() + (attached ? 0 : 1);
                                      for (const AgentRecord &member : agents.value) {
                                          const AgentStatus status = member.id == agent.id && !attached
                                              ? AgentStatus::Online
                                              : m_presence->agentStatus(member.id);
                                          snapshot.team.append({member, status});
                                      }
                                      snapshot.sites = m_sites->all();
                                      snapshot.publicUrl = m_publicUrl;
                                      done(snapshot);
                                  });
                 });
}

} // namespace Frontdesk
