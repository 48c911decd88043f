#include "conversationfiltermodel.h"

#include "agentclient.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Frontdesk {

ConversationFilterModel::ConversationFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(this, signal, this, &ConversationFilterModel::countChanged);
        connect(this, signal, this, &ConversationFilterModel::unreadCountChanged);
    }
    connect(this, &QAbstractItemModel::modelReset, this, &ConversationFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ConversationFilterModel::unreadCountChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ConversationFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ConversationFilterModel::unreadCountChanged);
    connect(this, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(ConversationModel::UnreadRole))
                    Q_EMIT unreadCountChanged();
            });
    setSortRole(ConversationModel::CreatedAtRole);
    sort(0);
}

void ConversationFilterModel::setConversations(ConversationModel *conversations)
{
    if (m_conversations == conversations)
        return;
    if (m_conversations)
        m_conversations->disconnect(this);
    m_conversations = conversations;
    setSourceModel(conversations);
    if (conversations)
        connect(conversations, &ConversationModel::searchingChanged, this, &ConversationFilterModel::searchingChanged);
    Q_EMIT conversationsChanged();
    Q_EMIT searchingChanged();
}

void ConversationFilterModel::setFilter(Filter filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    // A change of the sort role re-sorts when that role changes, and only then (the ticks do not).
    setSortRole(filter == History ? ConversationModel::SearchRankRole : ConversationModel::CreatedAtRole);
    invalidate();
    Q_EMIT filterChanged();
    Q_EMIT countChanged();
    Q_EMIT unreadCountChanged();
}

bool ConversationFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString status = row.data(ConversationModel::StatusRole).toString();
    switch (m_filter) {
    case Queue:
        return status == u"waiting"_s;
    case Mine:
        return status == u"active"_s && row.data(ConversationModel::IsMineRole).toBool();
    case Open:
        return status == u"waiting"_s || status == u"active"_s;
    case History:
        return row.data(ConversationModel::SearchRankRole).toInt() >= 0;
    }
    return false;
}

bool ConversationFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_filter == History)
        return left.data(ConversationModel::SearchRankRole).toInt() < right.data(ConversationModel::SearchRankRole).toInt();
    const QDateTime a = left.data(ConversationModel::CreatedAtRole).toDateTime();
    const QDateTime b = right.data(ConversationModel::CreatedAtRole).toDateTime();
    if (a != b)
        return a < b;
    return left.data(ConversationModel::ConversationIdRole).toInt() < right.data(ConversationModel::ConversationIdRole).toInt();
}

int ConversationFilterModel::unreadCount() const
{
    int unread = 0;
    for (int row = 0; row < rowCount(); ++row)
        unread += index(row, 0).data(ConversationModel::UnreadRole).toInt() > 0 ? 1 : 0;
    return unread;
}

int ConversationFilterModel::conversationIdAt(int row) const
{
    return row >= 0 && row < rowCount() ? index(row, 0).data(ConversationModel::ConversationIdRole).toInt() : 0;
}

int ConversationFilterModel::rowOf(int conversationId) const
{
    if (!m_conversations)
        return -1;
    const int sourceRow = m_conversations->rowOf(conversationId);
    if (sourceRow < 0)
        return -1;
    const QModelIndex shown = mapFromSource(m_conversations->index(sourceRow));
    return shown.isValid() ? shown.row() : -1;
}

void ConversationFilterModel::search(const QString &text)
{
    if (m_conversations)
        m_conversations->search(text);
}

} // namespace Frontdesk
