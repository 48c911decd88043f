#include "replysender.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcReplies, "frontdesk.console.client")

namespace Frontdesk {

ReplySender::ReplySender(AgentConnection *connection, AgentCommands *commands, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_commands(commands)
    , m_outboxFolder(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outbox"_s)
{
    qRegisterMetaType<PendingReply>();
}

ReplySender::~ReplySender() = default;

int ReplySender::pendingReplies() const
{
    return int(std::count_if(m_outbox.cbegin(), m_outbox.cend(), [](const PendingReply &reply) { return !reply.failed(); }));
}

QString ReplySender::outboxFile() const
{
    return m_file && m_file->isOpen() ? m_file->filePath() : QString();
}

QList<PendingReply>::iterator ReplySender::find(const QString &clientId)
{
    return std::find_if(m_outbox.begin(), m_outbox.end(), [&](const PendingReply &entry) { return entry.clientId == clientId; });
}

QFuture<bool> ReplySender::save()
{
    Q_EMIT outboxChanged();
    if (!m_file || !m_file->isOpen())
        return QtFuture::makeReadyFuture(false);
    return m_file->save(m_outbox);
}

void ReplySender::open(const QUrl &server, int agentId, const QString &siteKey)
{
    if (agentId <= 0)
        return;
    const QString owner = server.toString() + u" agent "_s + QString::number(agentId);
    if (owner == m_owner)
        return;
    // Another agent's (or server's) replies are not this agent's to send: they stay in their own file.
    close();
    m_owner = owner;
    m_file = std::make_unique<ReplyOutbox>(m_outboxFolder);
    if (!m_file->open(server, agentId, siteKey))
        return;
    QList<PendingReply> merged = m_file->load();
    if (!merged.isEmpty())
        qCInfo(lcReplies).noquote() << merged.size() << "replies kept from the last run of the console go out again";
    for (const PendingReply &reply : std::as_const(m_outbox)) {
        if (std::none_of(merged.cbegin(), merged.cend(),
                         [&](const PendingReply &kept) { return kept.clientId == reply.clientId; }))
            merged.append(reply);
    }
    m_outbox = merged;
    auto saved = save();
    Q_UNUSED(saved);
}

void ReplySender::close()
{
    if (!m_outbox.isEmpty() && outboxFile().isEmpty())
        qCWarning(lcReplies).noquote() << m_outbox.size() << "unsent replies of" << m_owner
                                       << "are dropped: this console had no outbox file for them";
    // Waits for the saves still queued (a few small files at most), so nothing written is lost.
    m_file.reset();
    m_owner.clear();
    m_unsaved.clear();
    if (!m_outbox.isEmpty()) {
        m_outbox.clear();
        Q_EMIT outboxChanged();
    }
}

void ReplySender::resendAll()
{
    // What was written while offline goes out now, in order, with the same client ids.
    for (const PendingReply &pending : std::as_const(m_outbox))
        send(pending);
}

QString ReplySender::reply(int conversationId, const QString &body)
{
    if (conversationId <= 0 || body.trimmed().isEmpty())
        return {};
    PendingReply pending{
        conversationId, QUuid::createUuid().toString(QUuid::WithoutBraces), body, QDateTime::currentMSecsSinceEpoch(), {}};
    m_outbox.append(pending);
    Q_EMIT replyQueued(pending);
    if (outboxFile().isEmpty()) {
        Q_EMIT outboxChanged();
        send(pending);
        return pending.clientId;
    }
    // On disk before on the wire: a console killed after the server stored the
    // reply but before the ack resends the same client id, and nothing is doubled.
    QString clientId = pending.clientId; // not const: returned, so moved
    m_unsaved.insert(clientId);
    auto saved = save().then(this, [this, clientId](bool) {
        m_unsaved.remove(clientId);
        const auto it = find(clientId);
        if (it != m_outbox.end())
            send(*it);
    });
    Q_UNUSED(saved);
    return clientId;
}

void ReplySender::retry(const QString &clientId)
{
    const auto it = find(clientId);
    if (it == m_outbox.end() || !it->failed())
        return;
    it->error.clear();
    const PendingReply reply = *it;
    auto saved = save();
    Q_UNUSED(saved);
    Q_EMIT replyRetried(reply.conversationId, clientId);
    send(reply);
}

void ReplySender::discard(const QString &clientId)
{
    const auto it = find(clientId);
    // One still being sent may be stored already: only a refused one can be taken back.
    if (it == m_outbox.end() || !it->failed())
        return;
    const int conversationId = it->conversationId;
    m_outbox.erase(it);
    auto saved = save();
    Q_UNUSED(saved);
    Q_EMIT replyDiscarded(conversationId, clientId);
}

void ReplySender::scheduleResend(const QString &clientId, qint64 delayMs)
{
    QTimer::singleShot(std::chrono::milliseconds(qMax<qint64>(1000, delayMs)), this, [this, clientId] {
        const auto it = find(clientId);
        if (it != m_outbox.end())
            send(*it);
    });
}

void ReplySender::send(const PendingReply &pending)
{
    if (!m_connection->isOnline())
        return; // resent after the next snapshot
    if (pending.failed() || m_unsaved.contains(pending.clientId))
        return; // refused: waits for the agent; not saved yet: sent once it is
    const QString clientId = pending.clientId;
    const int conversationId = pending.conversationId;
    m_commands->reply(conversationId, clientId, pending.body, this,
                      [this, clientId, conversationId](const CommandResult<MessageRecord> &answer) {
                          answered(clientId, conversationId, answer);
                      });
}

void ReplySender::answered(const QString &clientId, int conversationId, const CommandResult<MessageRecord> &answer)
{
    // Nothing was stored: it stays in the outbox and is resent with the same client id.
    static const QStringList retried{u"disconnected"_s, u"storage_failed"_s, u"storage_busy"_s, u"rate_limited"_s};
    if (retried.contains(answer.errorCode)) {
        if (answer.errorCode != u"disconnected"_s)
            scheduleResend(clientId, answer.retryAfterMs);
        return;
    }
    const auto it = find(clientId);
    if (it == m_outbox.end() || it->failed())
        return;
    if (!answer.ok()) {
        // Refused for good: kept, shown as failed with the reason, until retried or discarded.
        it->error = answer.errorMessage.isEmpty()
            ? QCoreApplication::translate("Frontdesk::AgentClient", "The server refused this reply (%1).").arg(answer.errorCode)
            : answer.errorMessage;
        const QString error = it->error;
        auto saved = save();
        Q_UNUSED(saved);
        Q_EMIT replyFailed(conversationId, clientId, error);
        return;
    }
    m_outbox.erase(it);
    auto saved = save();
    Q_UNUSED(saved);
    // The server's stored message (for a duplicate, the row it stored first), shown as it is.
    Q_EMIT replyAcknowledged(conversationId, clientId, answer.value);
}

} // namespace Frontdesk
