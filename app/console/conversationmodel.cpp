#include "conversationmodel.h"

#include "agentclient.h"

#include <QCoreApplication>
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

QString ConversationModel::visitorDisplayName(const QJsonObject &visitor, const QString &visitorId)
{
    QString name = visitor.value(u"name"_s).toString().trimmed();
    if (!name.isEmpty())
        return name;
    QString email = visitor.value(u"email"_s).toString().trimmed();
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
            [this](const QJsonObject &snapshot) { reset(snapshot.value(u"conversations"_s).toArray()); });
    connect(client, &AgentClient::conversationCreated, this, [this](const QJsonObject &summary) { upsert(fromJson(summary)); });
    connect(client, &AgentClient::conversationUpdated, this, [this](const QJsonObject &conversation) {
        const int at = rowOf(conversation.value(u"id"_s).toInt());
        if (at < 0)
            return;
        Row row = m_rows[at];
        mergeConversation(row, conversation);
        upsert(row);
    });
    connect(client, &AgentClient::conversationRated, this, [this](const QJsonObject &conversation) {
        updateRow(conversation.value(u"id"_s).toInt(), [&](Row &row) { mergeConversation(row, conversation); }, {});
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
        updateVisitor(visitorId, [&](Row &row) { row.page = page; }, {CurrentPageRole, CurrentPageUrlRole});
    });
    connect(client, &AgentClient::visitorConnectionChanged, this, [this](const QString &, int conversationId, bool online) {
        updateRow(conversationId, [&](Row &row) { row.visitor.insert(u"online"_s, online); }, {VisitorOnlineRole});
    });
    connect(client, &AgentClient::visitorUpdated, this, [this](const QJsonObject &visitor) {
        updateVisitor(visitor.value(u"id"_s).toString(), [&](Row &row) { row.visitor = visitor; },
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

ConversationModel::Row ConversationModel::fromJson(const QJsonObject &summary)
{
    Row row;
    mergeConversation(row, summary);
    row.visitor = summary.value(u"visitor"_s).toObject();
    row.lastMessage = summary.value(u"lastMessage"_s).toObject();
    if (row.lastMessage.value(u"author"_s).toString() == u"visitor"_s && ms(row.lastMessage.value(u"id"_s)) > row.agentReadUpTo)
        row.unread = 1;
    return row;
}

void ConversationModel::mergeConversation(Row &row, const QJsonObject &conversation)
{
    row.id = conversation.value(u"id"_s).toInt();
    row.siteId = conversation.value(u"siteId"_s).toInt(row.siteId);
    row.status = conversation.value(u"status"_s).toString();
    row.visitorId = conversation.value(u"visitorId"_s).toString();
    row.agentName = conversation.value(u"agentName"_s).toString();
    row.assignedAgentId = conversation.value(u"assignedAgentId"_s).toInt();
    row.createdAt = ms(conversation.value(u"createdAt"_s));
    row.updatedAt = std::max(row.updatedAt, ms(conversation.value(u"updatedAt"_s)));
    row.closedAt = ms(conversation.value(u"closedAt"_s));
    row.agentReadUpTo = std::max(row.agentReadUpTo, ms(conversation.value(u"agentReadUpTo"_s)));
}

void ConversationModel::reset(const QJsonArray &conversations)
{
    beginResetModel();
    // The history search's finds stay; the open conversations come from the snapshot.
    m_rows.removeIf([](const Row &row) { return row.searchRank < 0; });
    for (const QJsonValue &value : conversations) {
        Row row = fromJson(value.toObject());
        if (m_client)
            row.page = m_client->currentPage(row.visitorId);
        const int at = rowOf(row.id);
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
    const int at = rowOf(row.id);
    if (at >= 0) {
        const Row &existing = m_rows[at];
        // Events carry the conversation alone: keep what only the summary had.
        if (row.visitor.isEmpty())
            row.visitor = existing.visitor;
        if (row.lastMessage.isEmpty())
            row.lastMessage = existing.lastMessage;
        if (row.page.isEmpty())
            row.page = existing.page;
        row.unread = existing.unread;
        row.typing = existing.typing;
        row.searchRank = existing.searchRank;
    } else if (m_client && row.page.isEmpty()) {
        row.page = m_client->currentPage(row.visitorId);
    }
    // A closed conversation is history: kept only while the search shows it.
    const bool kept = row.status != u"closed"_s || row.searchRank >= 0;
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
        if (m_rows[at].siteId == siteId)
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
        if (m_rows[at].visitorId == visitorId) {
            change(m_rows[at]);
            Q_EMIT dataChanged(index(at), index(at), roles);
        }
    }
}

void ConversationModel::tick()
{
    // Only the wait time moves; one dataChanged per row keeps delegates cheap.
    for (int at = 0; at < m_rows.size(); ++at) {
        if (m_rows[at].status == u"waiting"_s)
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
    case SiteIdRole:
        return row.siteId;
    case SiteLabelRole:
        return m_client && m_client->consoleState()->sites()->all().size() > 1 ? m_client->siteName(row.siteId) : QString();
    case ClosedAtRole:
        return dateTime(row.closedAt);
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
        if (m_rows[at].id == conversationId)
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
    const QJsonObject fields{{u"text"_s, text.trimmed()}, {u"limit"_s, 100}};
    m_client->request(u"search"_s, fields, this, [this, generation](const CommandReply &answer) {
        if (generation != m_searchGeneration)
            return; // a newer search is running
        m_searching = false;
        Q_EMIT searchingChanged();
        takeSearchResults(answer.ok() ? answer.frame.value(u"conversations"_s).toArray() : QJsonArray());
        if (!answer.ok() && m_client)
            Q_EMIT m_client->commandFailed(u"search"_s, answer.errorMessage);
    });
}

void ConversationModel::takeSearchResults(const QJsonArray &conversations)
{
    // The last search's finds that are closed leave; the open ones only lose their rank.
    for (int at = int(m_rows.size()) - 1; at >= 0; --at) {
        if (m_rows[at].searchRank < 0)
            continue;
        if (m_rows[at].status == u"closed"_s) {
            removeAt(at);
        } else {
            m_rows[at].searchRank = -1;
            Q_EMIT dataChanged(index(at), index(at), {SearchRankRole});
        }
    }
    int rank = 0;
    for (const QJsonValue &value : conversations) {
        Row row = fromJson(value.toObject());
        row.searchRank = rank++;
        const int at = rowOf(row.id);
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
