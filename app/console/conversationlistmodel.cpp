#include "conversationlistmodel.h"

#include "agentclient.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

qint64 ms(const QJsonValue &value)
{
    return value.isDouble() ? qint64(value.toDouble()) : 0;
}

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
    return ConversationListModel::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

} // namespace

ConversationListModel::ConversationListModel(QObject *parent) : QAbstractListModel(parent)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &ConversationListModel::tick);
    connect(this, &QAbstractItemModel::rowsInserted, this, &ConversationListModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ConversationListModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ConversationListModel::countChanged);
    connect(this, &QAbstractItemModel::rowsInserted, this, &ConversationListModel::unreadCountChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ConversationListModel::unreadCountChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ConversationListModel::unreadCountChanged);
    connect(this, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(UnreadRole))
                    Q_EMIT unreadCountChanged();
            });
    auto bump = [this] {
        ++m_revision;
        Q_EMIT revisionChanged();
    };
    connect(this, &QAbstractItemModel::dataChanged, this, bump);
    connect(this, &QAbstractItemModel::rowsInserted, this, bump);
    connect(this, &QAbstractItemModel::rowsRemoved, this, bump);
    connect(this, &QAbstractItemModel::modelReset, this, bump);
}

QString ConversationListModel::visitorDisplayName(const QJsonObject &visitor, const QString &visitorId)
{
    QString name = visitor.value(u"name"_s).toString().trimmed();
    if (!name.isEmpty())
        return name;
    QString email = visitor.value(u"email"_s).toString().trimmed();
    if (!email.isEmpty())
        return email;
    return tr("Visitor %1").arg(visitorId.left(4).toUpper());
}

void ConversationListModel::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    Q_EMIT clientChanged();
    if (!client)
        return;
    connect(client, &AgentClient::snapshotReceived, this, [this](const QJsonObject &snapshot) {
        if (m_filter != History)
            reset(snapshot.value(u"conversations"_s).toArray());
    });
    connect(client, &AgentClient::conversationCreated, this, [this](const QJsonObject &summary) {
        if (m_filter != History)
            upsert(fromJson(summary), true);
    });
    connect(client, &AgentClient::conversationUpdated, this, [this](const QJsonObject &conversation) {
        const int id = conversation.value(u"id"_s).toInt();
        if (m_filter == History) {
            updateRow(id, [&](Row &row) { mergeConversation(row, conversation); }, {});
            return;
        }
        auto it = m_all.find(id);
        if (it == m_all.end())
            return;
        Row row = it.value();
        mergeConversation(row, conversation);
        upsert(row, true);
    });
    connect(client, &AgentClient::messageReceived, this, [this](const QJsonObject &message) {
        const QString author = message.value(u"author"_s).toString();
        updateRow(message.value(u"conversationId"_s).toInt(),
                  [&](Row &row) {
                      if (ms(message.value(u"id"_s)) <= ms(row.lastMessage.value(u"id"_s)))
                          return; // already counted (the summary carried it)
                      row.lastMessage = message;
                      row.updatedAt = ms(message.value(u"createdAt"_s));
                      if (author == u"visitor"_s) {
                          ++row.unread;
                          row.typing = false;
                      }
                  },
                  {LastMessageRole, LastMessageAuthorRole, LastActivityRole, UnreadRole, VisitorTypingRole});
    });
    connect(client, &AgentClient::replyAcknowledged, this,
            [this](int conversationId, const QString &, const QJsonObject &message) {
                updateRow(conversationId,
                          [&](Row &row) {
                              row.lastMessage = message;
                              row.updatedAt = ms(message.value(u"createdAt"_s));
                          },
                          {LastMessageRole, LastMessageAuthorRole, LastActivityRole});
            });
    connect(client, &AgentClient::readReceived, this, [this](int conversationId, const QString &by, qint64 messageId) {
        if (by != u"agent"_s)
            return;
        updateRow(conversationId,
                  [&](Row &row) {
                      row.agentReadUpTo = std::max(row.agentReadUpTo, messageId);
                      if (ms(row.lastMessage.value(u"id"_s)) <= row.agentReadUpTo)
                          row.unread = 0;
                  },
                  {UnreadRole});
    });
    connect(client, &AgentClient::typingReceived, this, [this](int conversationId, bool active) {
        updateRow(conversationId, [&](Row &row) { row.typing = active; }, {VisitorTypingRole});
    });
    connect(client, &AgentClient::visitorPageReceived, this, [this](const QString &visitorId, const QJsonObject &page, int) {
        for (auto it = m_all.begin(); it != m_all.end(); ++it) {
            if (it->visitorId == visitorId)
                updateRow(it->id, [&](Row &row) { row.page = page; }, {CurrentPageRole, CurrentPageUrlRole});
        }
    });
    connect(client, &AgentClient::visitorConnectionChanged, this, [this](const QString &, int conversationId, bool online) {
        updateRow(conversationId, [&](Row &row) { row.visitor.insert(u"online"_s, online); }, {VisitorOnlineRole});
    });
    connect(client, &AgentClient::visitorUpdated, this, [this](const QJsonObject &visitor) {
        const QString visitorId = visitor.value(u"id"_s).toString();
        for (auto it = m_all.begin(); it != m_all.end(); ++it) {
            if (it->visitorId == visitorId)
                updateRow(it->id, [&](Row &row) { row.visitor = visitor; },
                          {VisitorNameRole, VisitorEmailRole, VisitorOnlineRole});
        }
    });
    connect(client, &AgentClient::agentChanged, this, &ConversationListModel::refilter);
}

void ConversationListModel::setFilter(Filter filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    Q_EMIT filterChanged();
    refilter();
}

bool ConversationListModel::accepts(const Row &row) const
{
    switch (m_filter) {
    case Queue:
        return row.status == u"waiting"_s;
    case Mine:
        return row.status == u"active"_s && m_client && row.assignedAgentId == m_client->agentId();
    case Open:
        return row.status == u"waiting"_s || row.status == u"active"_s;
    case History:
        return true;
    }
    return false;
}

ConversationListModel::Row ConversationListModel::fromJson(const QJsonObject &summary)
{
    Row row;
    mergeConversation(row, summary);
    row.visitor = summary.value(u"visitor"_s).toObject();
    row.lastMessage = summary.value(u"lastMessage"_s).toObject();
    if (row.lastMessage.value(u"author"_s).toString() == u"visitor"_s && ms(row.lastMessage.value(u"id"_s)) > row.agentReadUpTo)
        row.unread = 1;
    return row;
}

void ConversationListModel::mergeConversation(Row &row, const QJsonObject &conversation)
{
    row.id = conversation.value(u"id"_s).toInt();
    row.status = conversation.value(u"status"_s).toString();
    row.visitorId = conversation.value(u"visitorId"_s).toString();
    row.agentName = conversation.value(u"agentName"_s).toString();
    row.assignedAgentId = conversation.value(u"assignedAgentId"_s).toInt();
    row.createdAt = ms(conversation.value(u"createdAt"_s));
    row.updatedAt = std::max(row.updatedAt, ms(conversation.value(u"updatedAt"_s)));
    row.closedAt = ms(conversation.value(u"closedAt"_s));
    row.agentReadUpTo = std::max(row.agentReadUpTo, ms(conversation.value(u"agentReadUpTo"_s)));
}

void ConversationListModel::reset(const QJsonArray &conversations)
{
    beginResetModel();
    m_all.clear();
    m_rows.clear();
    for (const QJsonValue &value : conversations) {
        Row row = fromJson(value.toObject());
        if (m_client)
            row.page = m_client->currentPage(row.visitorId);
        m_all.insert(row.id, row);
        if (accepts(row))
            m_rows.append(row.id);
    }
    if (m_filter != History)
        std::sort(m_rows.begin(), m_rows.end(), [this](int a, int b) { return m_all[a].createdAt < m_all[b].createdAt; });
    endResetModel();
    m_ticker.start();
}

void ConversationListModel::upsert(const Row &incoming, bool announce)
{
    Row row = incoming;
    const auto existing = m_all.constFind(row.id);
    if (existing != m_all.constEnd()) {
        // Events carry the conversation alone: keep what only the summary had.
        if (row.visitor.isEmpty())
            row.visitor = existing->visitor;
        if (row.lastMessage.isEmpty())
            row.lastMessage = existing->lastMessage;
        if (row.page.isEmpty())
            row.page = existing->page;
        row.unread = existing->unread;
        row.typing = existing->typing;
    } else if (m_client && row.page.isEmpty()) {
        row.page = m_client->currentPage(row.visitorId);
    }
    if (row.status == u"closed"_s && m_filter != History)
        m_all.remove(row.id);
    else
        m_all.insert(row.id, row);

    const int shownAt = m_rows.indexOf(row.id);
    const bool wanted = row.status != u"closed"_s && accepts(row);
    if (shownAt >= 0 && !wanted) {
        beginRemoveRows({}, shownAt, shownAt);
        m_rows.removeAt(shownAt);
        endRemoveRows();
    } else if (shownAt >= 0) {
        const QModelIndex changed = index(shownAt);
        Q_EMIT dataChanged(changed, changed);
    } else if (wanted) {
        int position = 0;
        while (position < m_rows.size() && m_all[m_rows[position]].createdAt <= row.createdAt)
            ++position;
        beginInsertRows({}, position, position);
        m_rows.insert(position, row.id);
        endInsertRows();
        if (announce)
            Q_EMIT conversationAdded(row.id);
    }
    if (!m_ticker.isActive())
        m_ticker.start();
}

void ConversationListModel::updateRow(int id, const std::function<void(Row &)> &change, const QList<int> &roles)
{
    auto it = m_all.find(id);
    if (it == m_all.end())
        return;
    change(it.value());
    const int shownAt = m_rows.indexOf(id);
    if (shownAt >= 0) {
        const QModelIndex changed = index(shownAt);
        Q_EMIT dataChanged(changed, changed, roles);
    }
}

void ConversationListModel::refilter()
{
    if (m_filter == History)
        return;
    beginResetModel();
    m_rows.clear();
    for (const Row &row : std::as_const(m_all)) {
        if (accepts(row))
            m_rows.append(row.id);
    }
    std::sort(m_rows.begin(), m_rows.end(), [this](int a, int b) { return m_all[a].createdAt < m_all[b].createdAt; });
    endResetModel();
}

void ConversationListModel::tick()
{
    // Only the wait time moves; one dataChanged per row keeps delegates cheap.
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_all[m_rows[i]].status == u"waiting"_s) {
            const QModelIndex changed = index(i);
            Q_EMIT dataChanged(changed, changed, {WaitSecondsRole, WaitTextRole});
        }
    }
}

int ConversationListModel::unreadCount() const
{
    int count = 0;
    for (int id : m_rows)
        count += m_all[id].unread > 0 ? 1 : 0;
    return count;
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_all[m_rows[index.row()]];
    const qint64 waited = (QDateTime::currentMSecsSinceEpoch() - row.createdAt) / 1000;
    switch (role) {
    case Qt::DisplayRole:
    case VisitorNameRole:
        return visitorDisplayName(row.visitor, row.visitorId);
    case ConversationIdRole:
        return row.id;
    case StatusRole:
        return row.status;
    case VisitorIdRole:
        return row.visitorId;
    case VisitorEmailRole:
        return row.visitor.value(u"email"_s).toString();
    case VisitorOnlineRole:
        return row.visitor.value(u"online"_s).toBool();
    case AgentNameRole:
        return row.agentName;
    case IsMineRole:
        return m_client && row.assignedAgentId != 0 && row.assignedAgentId == m_client->agentId();
    case CreatedAtRole:
        return dateTime(row.createdAt);
    case WaitSecondsRole:
        return waited;
    case WaitTextRole:
        return waitText(waited);
    case LastMessageRole:
        return row.lastMessage.value(u"body"_s).toString().simplified();
    case LastMessageAuthorRole:
        return row.lastMessage.value(u"author"_s).toString();
    case LastActivityRole:
        return dateTime(std::max(row.updatedAt, ms(row.lastMessage.value(u"createdAt"_s))));
    case CurrentPageRole: {
        const QString title = row.page.value(u"title"_s).toString();
        return title.isEmpty() ? row.page.value(u"url"_s).toString() : title;
    }
    case CurrentPageUrlRole:
        return row.page.value(u"url"_s).toString();
    case UnreadRole:
        return row.unread;
    case VisitorTypingRole:
        return row.typing;
    case ClosedAtRole:
        return dateTime(row.closedAt);
    }
    return {};
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
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
            {ClosedAtRole, "closedAt"}};
}

int ConversationListModel::conversationIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row] : 0;
}

int ConversationListModel::rowOf(int conversationId) const
{
    return int(m_rows.indexOf(conversationId));
}

QVariantMap ConversationListModel::get(int conversationId) const
{
    const int row = rowOf(conversationId);
    QVariantMap result;
    if (row < 0)
        return result;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        result.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return result;
}

void ConversationListModel::search(const QString &text)
{
    if (m_filter != History || !m_client)
        return;
    const int generation = ++m_searchGeneration;
    m_searching = true;
    Q_EMIT searchingChanged();
    QJsonObject fields{{u"text"_s, text.trimmed()}, {u"limit"_s, 100}};
    m_client->request(u"search"_s, fields, this, [this, generation](const CommandReply &answer) {
        if (generation != m_searchGeneration)
            return; // a newer search is running
        m_searching = false;
        Q_EMIT searchingChanged();
        beginResetModel();
        m_all.clear();
        m_rows.clear();
        if (answer.ok()) {
            for (const QJsonValue &value : answer.frame.value(u"conversations"_s).toArray()) {
                const Row row = fromJson(value.toObject());
                m_all.insert(row.id, row);
                m_rows.append(row.id);
            }
        }
        endResetModel();
        if (!answer.ok() && m_client)
            Q_EMIT m_client->commandFailed(u"search"_s, answer.errorMessage);
    });
}

} // namespace Frontdesk
