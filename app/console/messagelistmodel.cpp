#include "messagelistmodel.h"

#include "agentclient.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// The locale's short time without seconds (the C locale's short format has them).
QString shortTime(const QTime &time)
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s);
    return QLocale().toString(time, format);
}

} // namespace

MessageListModel::MessageListModel(QObject *parent) : QAbstractListModel(parent)
{
    m_typingTimeout.setSingleShot(true);
    m_typingTimeout.setInterval(5000);
    connect(&m_typingTimeout, &QTimer::timeout, this, [this] { setTyping(false); });
    m_visitorTypingTimeout.setSingleShot(true);
    m_visitorTypingTimeout.setInterval(30'000);
    connect(&m_visitorTypingTimeout, &QTimer::timeout, this, [this] { setVisitorTyping(false); });
    connect(this, &QAbstractItemModel::rowsInserted, this, &MessageListModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &MessageListModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &MessageListModel::countChanged);
}

MessageListModel::Message MessageListModel::fromRecord(const MessageRecord &record)
{
    Message message;
    message.id = record.id;
    message.author = record.authorKind;
    message.authorName = record.authorName;
    message.authorAgentId = record.authorAgentId;
    message.body = record.body;
    message.clientId = record.clientId;
    message.createdAt = record.createdAt;
    return message;
}

void MessageListModel::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    Q_EMIT clientChanged();
    if (!client)
        return;
    connect(client, &AgentClient::snapshotReceived, this, [this] {
        // After a reconnect, fetch what may have been missed.
        if (m_conversationId > 0)
            load();
    });
    connect(client, &AgentClient::messageReceived, this, [this](const MessageRecord &record) {
        if (record.conversationId != m_conversationId)
            return;
        const Message message = fromRecord(record);
        if (message.author == AuthorKind::Visitor)
            setVisitorTyping(false);
        insertMessage(message);
        markShownRead();
    });
    connect(client, &AgentClient::replyQueued, this, [this](const PendingReply &reply) {
        if (reply.conversationId == m_conversationId)
            insertMessage(pendingMessage(reply));
    });
    connect(client, &AgentClient::replyAcknowledged, this,
            [this](int conversationId, const QString &, const MessageRecord &record) {
                if (conversationId == m_conversationId)
                    insertMessage(fromRecord(record));
            });
    // A refused reply stays where it was written, marked, until the agent decides.
    connect(client, &AgentClient::replyFailed, this, [this](int conversationId, const QString &clientId, const QString &error) {
        const int row = conversationId == m_conversationId ? pendingRow(clientId) : -1;
        if (row < 0)
            return;
        m_messages[row].error = error;
        Q_EMIT dataChanged(index(row), index(row), {DeliveryRole, ErrorRole});
    });
    connect(client, &AgentClient::replyRetried, this, [this](int conversationId, const QString &clientId) {
        const int row = conversationId == m_conversationId ? pendingRow(clientId) : -1;
        if (row < 0)
            return;
        m_messages[row].error.clear();
        Q_EMIT dataChanged(index(row), index(row), {DeliveryRole, ErrorRole});
    });
    connect(client, &AgentClient::replyDiscarded, this, [this](int conversationId, const QString &clientId) {
        const int row = conversationId == m_conversationId ? pendingRow(clientId) : -1;
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_messages.removeAt(row);
        endRemoveRows();
    });
    connect(client, &AgentClient::readReceived, this, [this](int conversationId, AuthorKind by, qint64 messageId) {
        if (conversationId != m_conversationId || by != AuthorKind::Visitor || messageId <= m_visitorReadUpTo)
            return;
        m_visitorReadUpTo = messageId;
        if (!m_messages.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_messages.size()) - 1), {DeliveryRole});
    });
    connect(client, &AgentClient::typingReceived, this, [this](int conversationId, bool active) {
        if (conversationId == m_conversationId)
            setVisitorTyping(active);
    });
    // A visitor who left, or a chat that closed, types no more: no "typing…" left over.
    connect(client, &AgentClient::visitorConnectionChanged, this, [this](const QString &, int conversationId, bool online) {
        if (!online && conversationId == m_conversationId)
            setVisitorTyping(false);
    });
    connect(client, &AgentClient::conversationUpdated, this, [this](const ConversationView &update) {
        if (update.conversation.id == m_conversationId && update.conversation.status == ConversationStatus::Closed)
            setVisitorTyping(false);
    });
    if (m_conversationId > 0)
        load();
}

void MessageListModel::setConversationId(int conversationId)
{
    if (m_conversationId == conversationId)
        return;
    setTyping(false);
    m_conversationId = conversationId;
    m_visitorReadUpTo = 0;
    m_markedRead = 0;
    setVisitorTyping(false);
    beginResetModel();
    m_messages.clear();
    endResetModel();
    Q_EMIT conversationIdChanged();
    load();
}

void MessageListModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    markShownRead();
}

void MessageListModel::load()
{
    const int generation = ++m_generation;
    if (!m_client || m_conversationId <= 0 || !m_client->isOnline())
        return;
    m_loading = true;
    Q_EMIT loadingChanged();
    const int conversationId = m_conversationId;
    m_client->commands()->history(conversationId, 0, 100, this,
                                  [this, generation](const CommandResult<QList<MessageRecord>> &answer) {
                                      if (generation != m_generation)
                                          return;
                                      m_loading = false;
                                      Q_EMIT loadingChanged();
                                      if (!answer.ok())
                                          return;
                                      for (const MessageRecord &record : answer.value)
                                          insertMessage(fromRecord(record));
                                      // Replies still in the outbox show as "sending", or "failed" if refused.
                                      for (const PendingReply &reply : m_client->outbox()) {
                                          if (reply.conversationId == m_conversationId)
                                              insertMessage(pendingMessage(reply));
                                      }
                                      markShownRead();
                                  });
    m_visitorReadUpTo = std::max(m_visitorReadUpTo, m_client->visitorReadUpTo(conversationId));
}

void MessageListModel::loadOlder()
{
    if (!m_client || m_conversationId <= 0 || m_messages.isEmpty())
        return;
    qint64 oldest = 0;
    for (const Message &message : std::as_const(m_messages)) {
        if (message.id > 0) {
            oldest = message.id;
            break;
        }
    }
    if (oldest <= 1)
        return;
    const int generation = m_generation;
    m_client->commands()->history(m_conversationId, oldest, 100, this,
                                  [this, generation](const CommandResult<QList<MessageRecord>> &answer) {
                                      if (generation != m_generation || !answer.ok())
                                          return;
                                      for (const MessageRecord &record : answer.value)
                                          insertMessage(fromRecord(record));
                                  });
}

MessageListModel::Message MessageListModel::pendingMessage(const PendingReply &reply) const
{
    Message message;
    message.author = AuthorKind::Agent;
    message.authorName = m_client->agentName();
    message.authorAgentId = m_client->agentId();
    message.body = reply.body;
    message.clientId = reply.clientId;
    message.createdAt = reply.queuedAt;
    message.pending = true;
    message.error = reply.error;
    return message;
}

int MessageListModel::pendingRow(const QString &clientId) const
{
    for (int i = 0; i < m_messages.size(); ++i) {
        if (m_messages[i].pending && m_messages[i].clientId == clientId)
            return i;
    }
    return -1;
}

void MessageListModel::retry(const QString &clientId)
{
    if (m_client)
        m_client->retryReply(clientId);
}

void MessageListModel::discard(const QString &clientId)
{
    if (m_client)
        m_client->discardReply(clientId);
}

void MessageListModel::insertMessage(const Message &message)
{
    // A known id or client id is the same message (dedupe, docs/protocol.md §2):
    // an acknowledged reply replaces its "sending" row.
    for (int i = 0; i < m_messages.size(); ++i) {
        Message &existing = m_messages[i];
        const bool sameId = message.id > 0 && existing.id == message.id;
        const bool sameClient
            = !message.clientId.isEmpty() && existing.clientId == message.clientId && existing.author == message.author;
        if (sameId || sameClient) {
            if (existing.pending && !message.pending) {
                existing = message;
                // The acknowledged message may belong further down (its server time).
                Q_EMIT dataChanged(index(i), index(i));
            }
            return;
        }
    }
    // Stored messages are ordered by id; pending ones stay at the end.
    int position = int(m_messages.size());
    if (!message.pending) {
        position = 0;
        while (position < m_messages.size() && !m_messages[position].pending && m_messages[position].id < message.id)
            ++position;
    }
    beginInsertRows({}, position, position);
    m_messages.insert(position, message);
    endInsertRows();
    // The neighbour's grouping may change.
    if (position + 1 < m_messages.size())
        Q_EMIT dataChanged(index(position + 1), index(position + 1), {FirstInGroupRole});
}

void MessageListModel::setVisitorTyping(bool typing)
{
    if (typing)
        m_visitorTypingTimeout.start();
    else
        m_visitorTypingTimeout.stop();
    if (m_visitorTyping == typing)
        return;
    m_visitorTyping = typing;
    Q_EMIT visitorTypingChanged();
}

void MessageListModel::setTyping(bool typing)
{
    if (!m_client || m_conversationId <= 0)
        return;
    if (typing)
        m_typingTimeout.start();
    if (typing == m_typingSent)
        return;
    m_typingSent = typing;
    m_client->sendTyping(m_conversationId, typing);
}

void MessageListModel::markShownRead()
{
    if (!m_active || !m_client || m_messages.isEmpty())
        return;
    qint64 newest = 0;
    for (const Message &message : std::as_const(m_messages))
        newest = std::max(newest, message.id);
    if (newest > m_markedRead) {
        m_markedRead = newest;
        m_client->markRead(m_conversationId, double(newest));
    }
}

bool MessageListModel::send(const QString &text)
{
    if (!m_client || m_conversationId <= 0 || text.trimmed().isEmpty())
        return false;
    setTyping(false);
    m_typingTimeout.stop();
    return !m_client->reply(m_conversationId, text).isEmpty();
}

QString MessageListModel::delivery(const Message &message) const
{
    if (message.author != AuthorKind::Agent)
        return {};
    if (message.pending)
        return message.error.isEmpty() ? u"sending"_s : u"failed"_s;
    return message.id <= m_visitorReadUpTo ? u"read"_s : u"sent"_s;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &message = m_messages[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return message.body;
    case MessageIdRole:
        return message.id;
    case AuthorRole:
        return toString(message.author);
    case AuthorNameRole:
        return message.authorName;
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(message.createdAt);
    case TimeTextRole:
        return shortTime(QDateTime::fromMSecsSinceEpoch(message.createdAt).time());
    case DeliveryRole:
        return delivery(message);
    case IsOwnRole:
        return m_client && message.author == AuthorKind::Agent && message.authorAgentId == m_client->agentId();
    case ClientIdRole:
        return message.clientId;
    case ErrorRole:
        return message.error;
    case FirstInGroupRole: {
        if (index.row() == 0)
            return true;
        const Message &previous = m_messages[index.row() - 1];
        return previous.author != message.author || previous.authorAgentId != message.authorAgentId
            || message.createdAt - previous.createdAt > 5 * 60 * 1000;
    }
    }
    return {};
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{MessageIdRole, "messageId"},
            {AuthorRole, "author"},
            {AuthorNameRole, "authorName"},
            {BodyRole, "body"},
            {CreatedAtRole, "createdAt"},
            {TimeTextRole, "timeText"},
            {DeliveryRole, "delivery"},
            {IsOwnRole, "isOwn"},
            {ClientIdRole, "clientId"},
            {FirstInGroupRole, "firstInGroup"},
            {ErrorRole, "error"}};
}

QString MessageListModel::transcript() const
{
    QStringList lines;
    const QLocale locale;
    for (const Message &message : m_messages) {
        const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(message.createdAt), QLocale::ShortFormat);
        QString who;
        if (message.author == AuthorKind::Visitor)
            who = tr("Visitor");
        else if (message.author == AuthorKind::Agent)
            who = message.authorName;
        if (who.isEmpty())
            lines.append(u"[%1] * %2"_s.arg(when, message.body));
        else
            lines.append(u"[%1] %2: %3"_s.arg(when, who, message.body));
    }
    return lines.join(u'\n');
}

void MessageListModel::copyTranscript() const
{
    if (auto *clipboard = QGuiApplication::clipboard())
        clipboard->setText(transcript());
}

} // namespace Frontdesk
