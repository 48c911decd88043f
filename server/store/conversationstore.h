#pragma once

#include "core/mailonappend.h"
#include "core/records.h"
#include "core/storeresult.h"

#include <QFuture>
#include <optional>

namespace Frontdesk {

class WriterQueue;

/// @brief Conversations and their messages, read marks and ratings, and the search over closed ones.
///
/// The jobs that store a message, an acceptance, a close or a rating also note
/// it in the integrations' journal (`integration_events`, see WebhookStore)
/// in the same transaction, for a site with an enabled webhook.
///
/// One part of the Store (see store.h): every call is a job for the one
/// writer thread and answers through a QFuture once its transaction committed.
class ConversationStore
{
public:
    explicit ConversationStore(const WriterQueue &writer) : m_writer(writer) { }

    /// Stores a visitor's message in the visitor's open conversation, creating a
    /// waiting conversation when none is open. Idempotent on (visitor, clientId)
    /// among the visitor's own messages:
    /// a client id seen before gives back the stored row with duplicate = true.
    /// With @p mail TeamIfOpened, a conversation it opens leaves its pending team email (see MailOnAppend).
    QFuture<StoreResult<AppendResult>> appendVisitorMessage(qint64 siteId, const QString &visitorId, const QString &clientId,
                                                            const QString &body, qint64 now,
                                                            MailOnAppend mail = MailOnAppend::None);
    /// Stores an agent's reply. Idempotent on (conversation, agent, clientId):
    /// client ids are unique per author, so another author's id is no resend.
    /// NotFound for an unknown conversation, Conflict when it is closed.
    /// With @p mail VisitorReply, the reply leaves its pending email to the visitor (see MailOnAppend).
    QFuture<StoreResult<AppendResult>> appendAgentMessage(qint64 conversationId, qint64 agentId, const QString &clientId,
                                                          const QString &body, qint64 now,
                                                          MailOnAppend mail = MailOnAppend::None);
    /// Assigns the conversation to @p agentId and makes it active, adding the
    /// system line @p systemBody. Conflict when it is closed, or assigned to
    /// another agent and @p allowReassign is false. Already active with this
    /// agent: nothing changes and systemMessage.id is 0.
    QFuture<StoreResult<ConversationChange>> assignConversation(qint64 conversationId, qint64 agentId, bool allowReassign,
                                                                const QString &systemBody, qint64 now);
    /// Closes the conversation with the system line @p systemBody, by agent
    /// @p byAgentId (0: nobody in particular). Conflict when already closed.
    QFuture<StoreResult<ConversationChange>> closeConversation(qint64 conversationId, const QString &systemBody, qint64 now,
                                                               qint64 byAgentId = 0);
    QFuture<StoreResult<ConversationRecord>> conversationById(qint64 conversationId);
    /// The visitor's most recent conversation of any status, if there is one.
    QFuture<StoreResult<std::optional<ConversationRecord>>> latestConversationForVisitor(const QString &visitorId);
    /// Every conversation of the visitor, newest first.
    QFuture<StoreResult<QList<ConversationRecord>>> conversationsForVisitor(const QString &visitorId);
    /// Messages with id > @p afterId, oldest first, at most @p limit.
    QFuture<StoreResult<QList<MessageRecord>>> messagesAfter(qint64 conversationId, qint64 afterId, int limit);
    /// Messages with id < @p beforeId (all when 0), the newest @p limit of them, oldest first.
    QFuture<StoreResult<QList<MessageRecord>>> messagesBefore(qint64 conversationId, qint64 beforeId, int limit);
    /// Waiting and active conversations, oldest first, with visitor and last message.
    QFuture<StoreResult<QList<ConversationSummary>>> openConversations();
    /// Closed conversations whose messages contain @p text or whose visitor's
    /// name or email contains it (empty text: all), newest first; of @p siteId
    /// only, or of every site when it is 0.
    QFuture<StoreResult<QList<ConversationSummary>>> searchClosedConversations(const QString &text, int limit, qint64 siteId = 0);
    /// Stores the visitor's 1-5 rating (again: replaces it). Conflict unless the conversation is closed.
    QFuture<StoreResult<ConversationRecord>> rateConversation(qint64 conversationId, int rating, const QString &comment);
    /// Raises the reader's read mark (never lowers it). NotFound when the
    /// message is not in the conversation.
    QFuture<StoreResult<ConversationRecord>> markRead(qint64 conversationId, AuthorKind reader, qint64 messageId);

private:
    const WriterQueue &m_writer;
};

} // namespace Frontdesk
