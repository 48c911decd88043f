#include "conversationmodel.h"

#include "agentclient.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QDateTime dateTime(qint64 msecs)
{
    return msecs > 0 ? QDateTime::fromMSecsSinceEpoch(msecs) : QDateTime();
}

QString waitText(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 3600)
        return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    // Kept in the context of the list model it came from, so its translations still apply.
    return QCoreApplication::translate("Frontdesk::ConversationListModel", "%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60);
}

} // namespace

ConversationModel::ConversationModel(QObject *parent) : QAbstractListModel(parent)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ConversationModel::tick);
}

QString ConversationModel::visitorDisplayName(const VisitorRecord &visitor, const QString &visitorId)
{
    QString name = visitor.name.trimmed();
    if (!name.isEmpty())
        return name;
    QString email = visitor.email.trimmed();
    if (!email.isEmpty())
        return email;
    return QCoreApplication::translate("Frontdesk::ConversationListModel", "Visitor %1").arg(visitorId.left(4).toUpper());
}

void ConversationModel::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    Q_EMIT clientChanged();
    if (!client)
        return;
    connect(client, &AgentClient::snapshotReceived, this,
            [this](const AgentSnapshotView &snapshot) { reset(snapshot.conversations); });
    connect(client, &AgentClient::conversationCreated, this,
            [this](const ConversationView &summary) { upsert(fromView(summary)); });
    connect(client, &AgentClient::conversationUpdated, this, [this](const ConversationView &update) {
        const int at = rowOf(int(update.conversation.id));
        if (at < 0)
            return;
        Row row = m_rows[at];
        mergeConversation(row, update.conversation);
        upsert(row);
    });
    connect(client, &AgentClient::conversationRated, this, [this](const ConversationView &rated) {
        updateRow(int(rated.conversation.id), [&](Row &row) { mergeConversation(row, rated.conversation); }, {});
    });
    connect(client, &AgentClient::messageReceived, this, [this](const MessageRecord &message) {
        updateRow(int(message.conversationId),
                  [&](Row &row) {
                      if (message.id <= row.lastMessage.id)
                          return; // already counted (the summary carried it)
                      row.lastMessage = message;
                      row.conversation.updatedAt = message.createdAt;
                      if (message.authorKind == AuthorKind::Visitor) {
                          ++row.unread;
                          row.typing = false;
                      }
                  },
                  {LastMessageRole, LastMessageAuthorRole, LastActivityRole, UnreadRole, VisitorTypingRole});
    });
    connect(client, &AgentClient::replyAcknowledged, this,
            [this](int conversationId, const QString &, const MessageRecord &message) {
                updateRow(conversationId,
                          [&](Row &row) {
                              row.lastMessage = message;
                              row.conversation.updatedAt = message.createdAt;
                          },
                          {LastMessageRole, LastMessageAuthorRole, LastActivityRole});
            });
    connect(client, &AgentClient::readReceived, this, [this](int conversationId, AuthorKind by, qint64 messageId) {
        if (by == AuthorKind::Visitor)
            return;
        updateRow(conversationId,
                  [&](Row &row) {
                      row.conversation.agentReadUpTo = std::max(row.conversation.agentReadUpTo, messageId);
                      if (row.lastMessage.id <= row.conversation.agentReadUpTo)
                          row.unread = 0;
                  },
                  {UnreadRole});
    });
    connect(client, &AgentClient::typingReceived, this, [this](int conversationId, bool active) {
        updateRow(conversationId, [&](Row &row) { row.typing = active; }, {VisitorTypingRole});
    });
    connect(client, &AgentClient::visitorPageReceived, this, [this](const QString &visitorId, const PageView &page, int) {
        updateVisitor(visitorId, [&](Row &row) { row.page = page; }, {CurrentPageRole, CurrentPageUrlRole});
    });
    connect(client, &AgentClient::visitorConnectionChanged, this, [this](const QString &, int conversationId, bool online) {
        updateRow(conversationId,
                  [&](Row &row) {
                      row.visitor.online = online;
                      row.typing = row.typing && online; // a visitor who left types no more
                  },
                  {VisitorOnlineRole, VisitorTypingRole});
    });
    connect(client, &AgentClient::visitorUpdated, this, [this](const VisitorView &visitor) {
        updateVisitor(visitor.visitor.id, [&](Row &row) { row.visitor = visitor; },
                      {VisitorNameRole, VisitorEmailRole, VisitorOnlineRole});
    });
    connect(client, &AgentClient::siteRemoved, this, &ConversationModel::removeSite);
    connect(client, &AgentClient::sitesChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {SiteLabelRole});
    });
    // Whose chat it is depends on who signed in: the My chats list refilters on this.
    connect(client, &AgentClient::agentChanged, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1)); // every role: the proxies refilter
    });
}

ConversationModel::Row ConversationModel::fromView(const ConversationView &summary)
{
    Row row;
    mergeConversation(row, summary.conversation);
    row.visitor = summary.visitor;
    row.lastMessage = summary.lastMessage;
    if (row.lastMessage.authorKind == AuthorKind::Visitor && row.lastMessage.id > row.conversation.agentReadUpTo)
        row.unread = 1;
    return row;
}

void ConversationModel::mergeConversation(Row &row, const ConversationRecord &conversation)
{
    const ConversationRecord before = row.conversation;
    row.conversation = conversation;
    // An older server's events lack the site; the marks and the last change only move forward.
    if (conversation.siteId == 0)
        row.conversation.siteId = before.siteId;
    row.conversation.updatedAt = std::max(before.updatedAt, conversation.updatedAt);
    row.conversation.agentReadUpTo = std::max(before.agentReadUpTo, conversation.agentReadUpTo);
}

void ConversationModel::reset(const QList<ConversationView> &conversations)
{
    beginResetModel();
    // The history search's finds stay; the open conversations come from the snapshot.
    m_rows.removeIf([](const Row &row) { return row.searchRank < 0; });
    for (const ConversationView &summary : conversations) {
        Row row = fromView(summary);
        if (m_client)
            row.page = m_client->currentPage(row.conversation.visitorId);
        const int at = rowOf(int(row.conversation.id));
        if (at >= 0)
            m_rows[at] = row;
        else
            m_rows.append(row);
    }
    endResetModel();
    m_ticker.start();
}

void ConversationModel::upsert(Row row)
{
    const int at = rowOf(int(row.conversation.id));
    if (at >= 0) {
        const Row &existing = m_rows[at];
        // Events carry the conversation alone: keep what only the summary had.
        if (row.visitor.visitor.id.isEmpty())
            row.visitor = existing.visitor;
        if (row.lastMessage.id == 0)
            row.lastMessage = existing.lastMessage;
        if (row.page.url.isEmpty())
            row.page = existing.page;
        row.unread = existing.unread;
        row.typing = existing.typing;
        row.searchRank = existing.searchRank;
    } else if (m_client && row.page.url.isEmpty()) {
        row.page = m_client->currentPage(row.conversation.visitorId);
    }
    // A closed conversation is history: kept only while the search shows it.
    const bool kept = row.conversation.status != ConversationStatus::Closed || row.searchRank >= 0;
    if (at >= 0 && !kept) {
        removeAt(at);
    } else if (at >= 0) {
        m_rows[at] = row;
        Q_EMIT dataChanged(index(at), index(at));
    } else if (kept) {
        const int end = int(m_rows.size());
        beginInsertRows({}, end, end);
        m_rows.append(row);
        endInsertRows();
    }
    if (!m_ticker.isActive())
        m_ticker.start();
}

void ConversationModel::removeAt(int row)
{
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ConversationModel::removeSite(int siteId)
{
    // Backwards, so the rows still to look at keep their places.
    for (int at = int(m_rows.size()) - 1; at >= 0; --at) {
        if (m_rows[at].conversation.siteId == siteId)
            removeAt(at);
    }
}

void ConversationModel::updateRow(int id, const std::function<void(Row &)> &change, const QList<int> &roles)
{
    const int at = rowOf(id);
    if (at < 0)
        return;
    change(m_rows[at]);
    Q_EMIT dataChanged(index(at), index(at), roles);
}

void ConversationModel::updateVisitor(const QString &visitorId, const std::function<void(Row &)> &change, const QList<int> &roles)
{
    for (int at = 0; at < m_rows.size(); ++at) {
        if (m_rows[at].conversation.visitorId == visitorId) {
            change(m_rows[at]);
            Q_EMIT dataChanged(index(at), index(at), roles);
        }
    }
}

void ConversationModel::tick()
{
    // Only the wait time moves; one dataChanged per row keeps delegates cheap.
    for (int at = 0; at < m_rows.size(); ++at) {
        if (m_rows[at].conversation.status == ConversationStatus::Waiting)
            Q_EMIT dataChanged(index(at), index(at), {WaitSecondsRole, WaitTextRole});
    }
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const ConversationRecord &conversation = row.conversation;
    const qint64 waited = (QDateTime::currentMSecsSinceEpoch() - conversation.createdAt) / 1000;
    switch (role) {
    case Qt::DisplayRole:
    case VisitorNameRole:
        return visitorDisplayName(row.visitor.visitor, conversation.visitorId);
    case ConversationIdRole:
        return int(conversation.id);
    case StatusRole:
        return toString(conversation.status);
    case VisitorIdRole:
        return conversation.visitorId;
    case VisitorEmailRole:
        return row.visitor.visitor.email;
    case VisitorOnlineRole:
        return row.visitor.online;
    case AgentNameRole:
        return conversation.assignedAgentName;
    case IsMineRole:
        return m_client && conversation.assignedAgentId != 0 && conversation.assignedAgentId == m_client->agentId();
    case CreatedAtRole:
        return dateTime(conversation.createdAt);
    case WaitSecondsRole:
        return waited;
    case WaitTextRole:
        return waitText(waited);
    case LastMessageRole:
        return row.lastMessage.body.simplified();
    case LastMessageAuthorRole:
        return row.lastMessage.id > 0 ? toString(row.lastMessage.authorKind) : QString();
    case LastActivityRole:
        return dateTime(std::max(conversation.updatedAt, row.lastMessage.createdAt));
    case CurrentPageRole:
        return row.page.title.isEmpty() ? row.page.url : row.page.title;
    case CurrentPageUrlRole:
        return row.page.url;
    case UnreadRole:
        return row.unread;
    case VisitorTypingRole:
        return row.typing;
    case SiteIdRole:
        return int(conversation.siteId);
    case SiteLabelRole:
        return m_client && m_client->consoleState()->sites()->all().size() > 1 ? m_client->siteName(int(conversation.siteId))
                                                                               : QString();
    case ClosedAtRole:
        return dateTime(conversation.closedAt);
    case SearchRankRole:
        return row.searchRank;
    }
    return {};
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    return {{ConversationIdRole, "conversationId"},
            {StatusRole, "status"},
            {VisitorIdRole, "visitorId"},
            {VisitorNameRole, "visitorName"},
            {VisitorEmailRole, "visitorEmail"},
            {VisitorOnlineRole, "visitorOnline"},
            {AgentNameRole, "agentName"},
            {IsMineRole, "isMine"},
            {CreatedAtRole, "createdAt"},
            {WaitSecondsRole, "waitSeconds"},
            {WaitTextRole, "waitText"},
            {LastMessageRole, "lastMessage"},
            {LastMessageAuthorRole, "lastMessageAuthor"},
            {LastActivityRole, "lastActivity"},
            {CurrentPageRole, "currentPage"},
            {CurrentPageUrlRole, "currentPageUrl"},
            {UnreadRole, "unread"},
            {VisitorTypingRole, "visitorTyping"},
            {ClosedAtRole, "closedAt"},
            {SearchRankRole, "searchRank"},
            {SiteIdRole, "siteId"},
            {SiteLabelRole, "siteLabel"}};
}

int ConversationModel::rowOf(int conversationId) const
{
    for (int at = 0; at < m_rows.size(); ++at) {
        if (m_rows[at].conversation.id == conversationId)
            return at;
    }
    return -1;
}

void ConversationModel::search(const QString &text)
{
    if (!m_client)
        return;
    const int generation = ++m_searchGeneration;
    m_searching = true;
    Q_EMIT searchingChanged();
    m_client->commands()->search(text.trimmed(), 100, this,
                                 [this, generation](const CommandResult<QList<ConversationView>> &answer) {
                                     if (generation != m_searchGeneration)
                                         return; // a newer search is running
                                     m_searching = false;
                                     Q_EMIT searchingChanged();
                                     takeSearchResults(answer.value);
                                     if (!answer.ok() && m_client)
                                         Q_EMIT m_client->commandFailed(u"search"_s, answer.errorMessage);
                                 });
}

void ConversationModel::takeSearchResults(const QList<ConversationView> &conversations)
{
    // The last search's finds that are closed leave; the open ones only lose their rank.
    for (int at = int(m_rows.size()) - 1; at >= 0; --at) {
        if (m_rows[at].searchRank < 0)
            continue;
        if (m_rows[at].conversation.status == ConversationStatus::Closed) {
            removeAt(at);
        } else {
            m_rows[at].searchRank = -1;
            Q_EMIT dataChanged(index(at), index(at), {SearchRankRole});
        }
    }
    int rank = 0;
    for (const ConversationView &found : conversations) {
        Row row = fromView(found);
        row.searchRank = rank++;
        const int at = rowOf(int(row.conversation.id));
        if (at >= 0) {
            m_rows[at].searchRank = row.searchRank;
            Q_EMIT dataChanged(index(at), index(at), {SearchRankRole});
            continue;
        }
        const int end = int(m_rows.size());
        beginInsertRows({}, end, end);
        m_rows.append(row);
        endInsertRows();
    }
}

} // namespace Frontdesk
