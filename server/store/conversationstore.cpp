// The ConversationStore's jobs about conversations and their messages.
#include "conversationstore.h"

#include "core/webhookrecords.h"
#include "storerows.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

using namespace StoreRows;

// Conversations and messages

QFuture<StoreResult<AppendResult>> ConversationStore::appendVisitorMessage(qint64 siteId, const QString &visitorId,
                                                                           const QString &clientId, const QString &body,
                                                                           qint64 now, MailOnAppend mail)
{
    return submit<AppendResult>(m_writer, [=](SqlSession &s) -> StoreResult<AppendResult> {
        const QString what = u"visitor %1"_s.arg(visitorId);
        if (clientId.size() > MaxClientIdLength)
            return StoreResult<AppendResult>::failure(
                StoreError::Failed,
                u"the client id of a message from %1 is longer than %2 characters"_s.arg(what).arg(MaxClientIdLength));
        // A resend of a message stored before, perhaps in a conversation that
        // has closed since: give back what was stored, do not store it again.
        if (!clientId.isEmpty()) {
            auto duplicate = findDuplicate(s,
                                           u"SELECT "_s + MessageColumns + MessageFrom
                                               + u" JOIN conversations c ON c.id = m.conversation_id"
                                                 " WHERE c.visitor_id = ? AND m.author_key = 'visitor' AND m.client_id = ?"_s,
                                           {visitorId, clientId}, u"look up message %1 of %2"_s.arg(clientId, what));
            if (duplicate)
                return *duplicate;
        }
        const auto visitor = loadVisitor(s, visitorId);
        if (!visitor.ok())
            return StoreResult<AppendResult>::failure(visitor.error, visitor.message);
        if (visitor.value.siteId != siteId)
            return notFound<AppendResult>(u"%1 does not belong to site %2"_s.arg(what).arg(siteId));

        AppendResult result;
        PreparedQuery open;
        if (!s.exec(open,
                    u"SELECT id FROM conversations WHERE visitor_id = ? AND status IN ('waiting', 'active')"
                    " ORDER BY id DESC LIMIT 1"_s,
                    {visitorId}, u"find the open conversation of "_s + what))
            return failed<AppendResult>(s);
        qint64 conversationId = 0;
        if (open.next()) {
            conversationId = open.value(0).toLongLong();
        } else {
            PreparedQuery insert;
            if (!s.exec(insert,
                        u"INSERT INTO conversations (site_id, visitor_id, status, created_at, updated_at)"
                        " VALUES (?, ?, ?, ?, ?)"_s,
                        {siteId, visitorId, toString(ConversationStatus::Waiting), now, now},
                        u"start a conversation for "_s + what))
                return failed<AppendResult>(s);
            conversationId = insertedId(insert);
            result.conversationCreated = true;
        }
        const auto message = insertMessage(s, conversationId, AuthorKind::Visitor, 0, body, clientId, now);
        if (!message.ok())
            return StoreResult<AppendResult>::failure(message.error, message.message);
        result.message = message.value;
        if (result.conversationCreated
            && !journalEvent(s, siteId, conversationId, WebhookEvents::conversationCreated, message.value.id, 0, now))
            return failed<AppendResult>(s);
        if (!journalEvent(s, siteId, conversationId, WebhookEvents::messageVisitor, message.value.id, 0, now))
            return failed<AppendResult>(s);
        if (mail == MailOnAppend::TeamIfOpened && result.conversationCreated
            && !insertPendingMail(s, u"team:%1"_s.arg(conversationId), conversationId, MailRecipientKind::Team, now))
            return failed<AppendResult>(s);
        const auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return StoreResult<AppendResult>::failure(conversation.error, conversation.message);
        result.conversation = conversation.value;
        return StoreResult<AppendResult>::success(result);
    });
}

QFuture<StoreResult<AppendResult>> ConversationStore::appendAgentMessage(qint64 conversationId, qint64 agentId,
                                                                         const QString &clientId, const QString &body, qint64 now,
                                                                         MailOnAppend mail)
{
    return submit<AppendResult>(m_writer, [=](SqlSession &s) -> StoreResult<AppendResult> {
        if (clientId.size() > MaxClientIdLength)
            return StoreResult<AppendResult>::failure(
                StoreError::Failed,
                u"the client id of a reply in conversation %1 is longer than %2 characters"_s.arg(conversationId)
                    .arg(MaxClientIdLength));
        const auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return StoreResult<AppendResult>::failure(conversation.error, conversation.message);
        // Idempotency comes before the state check: a resend of a reply stored
        // just before the conversation closed is answered, not refused.
        if (!clientId.isEmpty()) {
            auto duplicate = findDuplicate(
                s,
                u"SELECT "_s + MessageColumns + MessageFrom
                    + u" WHERE m.conversation_id = ? AND m.author_key = ? AND m.client_id = ?"_s,
                {conversationId, authorKey(AuthorKind::Agent, agentId), clientId},
                u"look up message %1 of agent %2 in conversation %3"_s.arg(clientId).arg(agentId).arg(conversationId));
            if (duplicate)
                return *duplicate;
        }
        if (conversation.value.status == ConversationStatus::Closed)
            return conflict<AppendResult>(u"conversation %1 is closed"_s.arg(conversationId));
        const auto agent = exists(s, u"SELECT 1 FROM agents WHERE id = ?"_s, {agentId}, u"look up agent %1"_s.arg(agentId));
        if (!agent)
            return failed<AppendResult>(s);
        if (!*agent)
            return notFound<AppendResult>(u"agent %1 does not exist"_s.arg(agentId));
        const auto message = insertMessage(s, conversationId, AuthorKind::Agent, agentId, body, clientId, now);
        if (!message.ok())
            return StoreResult<AppendResult>::failure(message.error, message.message);
        AppendResult result;
        result.message = message.value;
        if (!journalEvent(s, conversation.value.siteId, conversationId, WebhookEvents::messageAgent, message.value.id, agentId,
                          now))
            return failed<AppendResult>(s);
        if (mail == MailOnAppend::VisitorReply
            && !insertPendingMail(s, u"reply:%1"_s.arg(message.value.id), conversationId, MailRecipientKind::Visitor, now))
            return failed<AppendResult>(s);
        const auto updated = loadConversation(s, conversationId);
        if (!updated.ok())
            return StoreResult<AppendResult>::failure(updated.error, updated.message);
        result.conversation = updated.value;
        return StoreResult<AppendResult>::success(result);
    });
}

QFuture<StoreResult<ConversationChange>> ConversationStore::assignConversation(qint64 conversationId, qint64 agentId,
                                                                               bool allowReassign, const QString &systemBody,
                                                                               qint64 now)
{
    return submit<ConversationChange>(m_writer, [=](SqlSession &s) -> StoreResult<ConversationChange> {
        const auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return StoreResult<ConversationChange>::failure(conversation.error, conversation.message);
        const ConversationRecord &c = conversation.value;
        if (c.status == ConversationStatus::Closed)
            return conflict<ConversationChange>(u"conversation %1 is closed"_s.arg(conversationId));
        if (c.assignedAgentId != 0 && c.assignedAgentId != agentId && !allowReassign)
            return conflict<ConversationChange>(
                u"conversation %1 is already assigned to agent %2"_s.arg(conversationId).arg(c.assignedAgentId));
        // Accepting twice (a double click, a resent command) changes nothing and adds no second line.
        if (c.assignedAgentId == agentId && c.status == ConversationStatus::Active)
            return StoreResult<ConversationChange>::success(ConversationChange{c, MessageRecord{}});
        const auto agent = exists(s, u"SELECT 1 FROM agents WHERE id = ?"_s, {agentId}, u"look up agent %1"_s.arg(agentId));
        if (!agent)
            return failed<ConversationChange>(s);
        if (!*agent)
            return notFound<ConversationChange>(u"agent %1 does not exist"_s.arg(agentId));
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE conversations SET status = ?, assigned_agent_id = ?, updated_at = ? WHERE id = ?"_s,
                    {toString(ConversationStatus::Active), agentId, now, conversationId},
                    u"assign conversation %1 to agent %2"_s.arg(conversationId).arg(agentId)))
            return failed<ConversationChange>(s);
        auto change = changeWithSystemLine(s, conversationId, systemBody, now);
        // A transfer is no acceptance: the integrations hear of it as its own event, with the agent it went to.
        const QLatin1StringView kind
            = allowReassign ? WebhookEvents::conversationTransferred : WebhookEvents::conversationAccepted;
        if (change.ok() && !journalEvent(s, c.siteId, conversationId, kind, change.value.systemMessage.id, agentId, now))
            return failed<ConversationChange>(s);
        return change;
    });
}

QFuture<StoreResult<ConversationChange>> ConversationStore::closeConversation(qint64 conversationId, const QString &systemBody,
                                                                              qint64 now, qint64 byAgentId)
{
    return submit<ConversationChange>(m_writer, [=](SqlSession &s) -> StoreResult<ConversationChange> {
        const auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return StoreResult<ConversationChange>::failure(conversation.error, conversation.message);
        if (conversation.value.status == ConversationStatus::Closed)
            return conflict<ConversationChange>(u"conversation %1 is already closed"_s.arg(conversationId));
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE conversations SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?"_s,
                    {toString(ConversationStatus::Closed), now, now, conversationId},
                    u"close conversation %1"_s.arg(conversationId)))
            return failed<ConversationChange>(s);
        auto change = changeWithSystemLine(s, conversationId, systemBody, now);
        if (change.ok()
            && !journalEvent(s, conversation.value.siteId, conversationId, WebhookEvents::conversationClosed,
                             change.value.systemMessage.id, byAgentId, now))
            return failed<ConversationChange>(s);
        return change;
    });
}

QFuture<StoreResult<ConversationRecord>> ConversationStore::conversationById(qint64 conversationId)
{
    return submit<ConversationRecord>(m_writer, [conversationId](SqlSession &s) { return loadConversation(s, conversationId); });
}

QFuture<StoreResult<std::optional<ConversationRecord>>> ConversationStore::latestConversationForVisitor(const QString &visitorId)
{
    using Result = StoreResult<std::optional<ConversationRecord>>;
    return submit<std::optional<ConversationRecord>>(m_writer, [visitorId](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q,
                    u"SELECT "_s + ConversationColumns + ConversationFrom
                        + u" WHERE c.visitor_id = ? ORDER BY c.id DESC LIMIT 1"_s,
                    {visitorId}, u"read the latest conversation of visitor %1"_s.arg(visitorId)))
            return failed<std::optional<ConversationRecord>>(s);
        if (!q.next())
            return Result::success(std::nullopt);
        return Result::success(readConversation(q));
    });
}

QFuture<StoreResult<QList<ConversationRecord>>> ConversationStore::conversationsForVisitor(const QString &visitorId)
{
    using Result = StoreResult<QList<ConversationRecord>>;
    return submit<QList<ConversationRecord>>(m_writer, [visitorId](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT "_s + ConversationColumns + ConversationFrom + u" WHERE c.visitor_id = ? ORDER BY c.id DESC"_s,
                    {visitorId}, u"read the conversations of visitor %1"_s.arg(visitorId)))
            return failed<QList<ConversationRecord>>(s);
        QList<ConversationRecord> conversations;
        while (q.next())
            conversations.append(readConversation(q));
        return Result::success(conversations);
    });
}

QFuture<StoreResult<QList<MessageRecord>>> ConversationStore::messagesAfter(qint64 conversationId, qint64 afterId, int limit)
{
    return submit<QList<MessageRecord>>(m_writer, [=](SqlSession &s) {
        return readConversationMessages(s, conversationId, u" AND m.id > ? ORDER BY m.id LIMIT ?"_s,
                                        {afterId, std::max(limit, 0)}, false);
    });
}

QFuture<StoreResult<QList<MessageRecord>>> ConversationStore::messagesBefore(qint64 conversationId, qint64 beforeId, int limit)
{
    // The newest `limit` below the mark, fetched newest first and turned around.
    const qint64 upper = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    return submit<QList<MessageRecord>>(m_writer, [=](SqlSession &s) {
        return readConversationMessages(s, conversationId, u" AND m.id < ? ORDER BY m.id DESC LIMIT ?"_s,
                                        {upper, std::max(limit, 0)}, true);
    });
}

QFuture<StoreResult<QList<ConversationSummary>>> ConversationStore::openConversations()
{
    using Result = StoreResult<QList<ConversationSummary>>;
    return submit<QList<ConversationSummary>>(m_writer, [](SqlSession &s) -> Result {
        PreparedQuery q;
        if (!s.exec(q, SummarySelect + u" WHERE c.status IN ('waiting', 'active') ORDER BY c.id"_s, {},
                    u"read the open conversations"_s))
            return failed<QList<ConversationSummary>>(s);
        QList<ConversationSummary> summaries;
        while (q.next())
            summaries.append(readSummary(q));
        return Result::success(summaries);
    });
}

QFuture<StoreResult<QList<ConversationSummary>>> ConversationStore::searchClosedConversations(const QString &text, int limit,
                                                                                              qint64 siteId)
{
    using Result = StoreResult<QList<ConversationSummary>>;
    return submit<QList<ConversationSummary>>(m_writer, [text, limit, siteId](SqlSession &s) -> Result {
        PreparedQuery q;
        // One statement for "every site" (0) and for one site, so each text is prepared once.
        const QString closed = u" WHERE c.status = 'closed' AND (? = 0 OR c.site_id = ?)"_s;
        const QString order = u" ORDER BY c.closed_at DESC, c.id DESC LIMIT ?"_s;
        bool ok = false;
        if (text.isEmpty()) {
            ok = s.exec(q, SummarySelect + closed + order, {siteId, siteId, std::max(limit, 0)}, u"list closed conversations"_s);
        } else {
            const QString pattern = likePattern(text);
            ok = s.exec(q,
                        SummarySelect + closed
                            + u" AND ("
                              " EXISTS (SELECT 1 FROM messages sm WHERE sm.conversation_id = c.id"
                              "   AND LOWER(sm.body) LIKE ? ESCAPE '!')"
                              " OR LOWER(v.name) LIKE ? ESCAPE '!'"
                              " OR LOWER(v.email) LIKE ? ESCAPE '!')"_s
                            + order,
                        {siteId, siteId, pattern, pattern, pattern, std::max(limit, 0)},
                        u"search closed conversations for \"%1\""_s.arg(text));
        }
        if (!ok)
            return failed<QList<ConversationSummary>>(s);
        QList<ConversationSummary> summaries;
        while (q.next())
            summaries.append(readSummary(q));
        return Result::success(summaries);
    });
}

QFuture<StoreResult<ConversationRecord>> ConversationStore::markRead(qint64 conversationId, AuthorKind reader, qint64 messageId)
{
    return submit<ConversationRecord>(m_writer, [=](SqlSession &s) -> StoreResult<ConversationRecord> {
        auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return conversation;
        // A mark past the conversation's messages would hide every later one as read.
        const auto known = exists(s, u"SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?"_s,
                                  {messageId, conversationId}, u"look up message %1"_s.arg(messageId));
        if (!known)
            return failed<ConversationRecord>(s);
        if (!*known)
            return notFound<ConversationRecord>(u"message %1 is not in conversation %2"_s.arg(messageId).arg(conversationId));
        // Two fixed statements rather than a column name spliced into one.
        QString sql;
        switch (reader) {
        case AuthorKind::Visitor:
            sql = u"UPDATE conversations SET visitor_read_up_to = ? WHERE id = ? AND visitor_read_up_to < ?"_s;
            break;
        case AuthorKind::Agent:
            sql = u"UPDATE conversations SET agent_read_up_to = ? WHERE id = ? AND agent_read_up_to < ?"_s;
            break;
        case AuthorKind::System:
            return StoreResult<ConversationRecord>::failure(StoreError::Failed, u"the system has no read mark to set"_s);
        }
        PreparedQuery q;
        if (!s.exec(q, sql, {messageId, conversationId, messageId},
                    u"mark conversation %1 read up to message %2"_s.arg(conversationId).arg(messageId)))
            return failed<ConversationRecord>(s);
        return loadConversation(s, conversationId);
    });
}

QFuture<StoreResult<ConversationRecord>> ConversationStore::rateConversation(qint64 conversationId, int rating,
                                                                             const QString &comment)
{
    return submit<ConversationRecord>(m_writer, [=](SqlSession &s) -> StoreResult<ConversationRecord> {
        auto conversation = loadConversation(s, conversationId);
        if (!conversation.ok())
            return conversation;
        if (conversation.value.status != ConversationStatus::Closed)
            return conflict<ConversationRecord>(u"conversation %1 is not closed yet"_s.arg(conversationId));
        PreparedQuery q;
        if (!s.exec(q, u"UPDATE conversations SET rating = ?, rating_comment = ? WHERE id = ?"_s,
                    {rating, comment, conversationId}, u"rate conversation %1"_s.arg(conversationId)))
            return failed<ConversationRecord>(s);
        if (!journalEvent(s, conversation.value.siteId, conversationId, WebhookEvents::conversationRated, 0, 0,
                          QDateTime::currentMSecsSinceEpoch()))
            return failed<ConversationRecord>(s);
        return loadConversation(s, conversationId);
    });
}

} // namespace Frontdesk
