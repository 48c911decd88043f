#pragma once

#include "agentcommands.h"
#include "agentconnection.h"
#include "replyoutbox.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <memory>

namespace Frontdesk {

/**
 * @brief The agent's replies until the server has them: the outbox, its file,
 * sending, resending and the server's acknowledgement or refusal.
 *
 * A reply is written to the outbox file (ReplyOutbox) before it goes on the
 * wire, and leaves it when the `ack` arrives, so a console that is killed
 * resends the same client ids at its next sign-in and the server stores each
 * reply once. After every reconnect, what is still in the outbox goes out
 * again in the order written. A reply the server refuses for good stays,
 * marked failed with the reason, until the agent retries or discards it.
 */
class ReplySender : public QObject
{
    Q_OBJECT

public:
    ReplySender(AgentConnection *connection, AgentCommands *commands, QObject *parent);
    ~ReplySender() override;

    [[nodiscard]] int pendingReplies() const;
    [[nodiscard]] int failedReplies() const { return int(m_outbox.size()) - pendingReplies(); }
    /// Every reply not acknowledged yet, oldest first, the refused ones included.
    [[nodiscard]] QList<PendingReply> outbox() const { return m_outbox; }
    /// Where the outbox files live (default: "outbox" in QStandardPaths::AppDataLocation).
    [[nodiscard]] QString outboxFolder() const { return m_outboxFolder; }
    /// Changes the outbox folder (tests); takes effect at the next sign-in.
    void setOutboxFolder(const QString &folder) { m_outboxFolder = folder; }
    /// The open outbox file, or empty while none is open (before the first snapshot, or held by another console).
    [[nodiscard]] QString outboxFile() const;

    /// Switches to the outbox file of @p agentId on @p server (installation @p siteKey) and loads what it kept.
    void open(const QUrl &server, int agentId, const QString &siteKey);
    /// Releases the file (signing out): what it holds stays there for this agent's next sign-in.
    void close();
    /// Sends every reply still in the outbox, in order (after a snapshot).
    void resendAll();

    /// Queues a reply (sent now if online, else after reconnecting); returns its client id.
    QString reply(int conversationId, const QString &body);
    /// Sends a refused reply again, with its client id (nothing of it was stored).
    void retry(const QString &clientId);
    /// Drops a refused reply from the outbox for good.
    void discard(const QString &clientId);

Q_SIGNALS:
    void outboxChanged();
    void replyQueued(const Frontdesk::PendingReply &reply);
    /// The server stored the reply; @p message is the stored message the `ack` carries (agents' view).
    void replyAcknowledged(int conversationId, const QString &clientId, const Frontdesk::MessageRecord &message);
    /// The server refused the reply for good; it stays in the outbox, failed, until retried or discarded.
    void replyFailed(int conversationId, const QString &clientId, const QString &errorMessage);
    void replyRetried(int conversationId, const QString &clientId);
    void replyDiscarded(int conversationId, const QString &clientId);

private:
    void send(const PendingReply &reply);
    void answered(const QString &clientId, int conversationId, const CommandResult<MessageRecord> &answer);
    /// Saves the outbox (on the writer thread) and tells; the future says whether it reached the disk.
    QFuture<bool> save();
    [[nodiscard]] QList<PendingReply>::iterator find(const QString &clientId);
    /// Sends an outbox entry again after @p delayMs (at least a second).
    void scheduleResend(const QString &clientId, qint64 delayMs);

    AgentConnection *m_connection;
    AgentCommands *m_commands;
    QList<PendingReply> m_outbox;
    QString m_outboxFolder;
    std::unique_ptr<ReplyOutbox> m_file;
    QString m_owner; ///< server URL and agent id whose replies m_outbox holds
    QSet<QString> m_unsaved; ///< client ids whose first save has not reached the disk yet: not sent before it has
};

} // namespace Frontdesk
