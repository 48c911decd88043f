#pragma once

#include "core/records.h"
#include "core/storeresult.h"

#include <QFuture>
#include <optional>

namespace Frontdesk {

class WriterQueue;

/// @brief The mail outbox (`mail_outbox`): every email is a row before it is
/// sent, so none is lost or sent twice across restarts, and the reads the
/// mailer composes its emails from.
///
/// One part of the Store (see store.h): every call is a job for the one
/// writer thread and answers through a QFuture once its transaction committed.
class MailOutboxStore
{
public:
    explicit MailOutboxStore(const WriterQueue &writer) : m_writer(writer) { }

    /// Queues @p mail, due at once (its nextAttemptAt, or its createdAt).
    /// True when it was written; false when a mail with its key already
    /// exists (queued, sent or failed): the same cause is mailed once.
    QFuture<StoreResult<bool>> enqueue(const OutboxMail &mail);
    /// The pending rows the message jobs wrote (see MailOnAppend), oldest first,
    /// at most @p limit: key, conversation and recipient kind only.
    QFuture<StoreResult<QList<OutboxMail>>> pendingMail(int limit);
    /// Pending mail @p id is composed: it is queued, due at once. False when it is no longer pending.
    QFuture<StoreResult<bool>> queuePending(qint64 id, const QString &recipient, const QByteArray &message, qint64 now);
    /// Pending mail @p id has nothing to say (no team address, no visitor email, the
    /// site does not mail replies): removed, so its key can be mailed later.
    QFuture<StoreResult<bool>> dropPending(qint64 id);
    /// The queued mail due first at or before @p now; std::nullopt when none is due.
    QFuture<StoreResult<std::optional<OutboxMail>>> nextDue(qint64 now);
    /// When the next queued mail is due; 0 when nothing is queued.
    QFuture<StoreResult<qint64>> nextDueAt();
    /// The queued mail waiting for a retry is due at @p now (new SMTP settings
    /// may let it through); how many rows that was.
    QFuture<StoreResult<int>> retryQueuedNow(qint64 now);
    /// The SMTP server took it.
    QFuture<StoreResult<bool>> markSent(qint64 id, qint64 now);
    /// An attempt failed with @p error (the SMTP server's sentence): try again
    /// at @p nextAttemptAt, or, when @p giveUp, mark it failed for good.
    QFuture<StoreResult<bool>> markFailedAttempt(qint64 id, int attempts, qint64 nextAttemptAt, bool giveUp, const QString &error,
                                                 qint64 now);
    /// Counts of queued and failed mail, and the last failure since the last
    /// success (enabled is left false: the store does not know the settings).
    QFuture<StoreResult<MailStatus>> status();
    /// Everything an email about @p conversationId says; NotFound when it is gone.
    QFuture<StoreResult<MailContext>> context(qint64 conversationId);
    /// The waiting conversations, oldest first (id, site and when opened only).
    QFuture<StoreResult<QList<ConversationRecord>>> waitingConversations();

private:
    const WriterQueue &m_writer;
};

} // namespace Frontdesk
