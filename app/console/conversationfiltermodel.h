#pragma once

#include "conversationmodel.h"

#include <QPointer>
#include <QQmlEngine>
#include <QSortFilterProxyModel>

namespace Frontdesk {

/**
 * @brief One list of the sidebar over the one ConversationModel: the queue
 * (waiting), my chats, all open chats, or the history (closed chats the
 * search found).
 *
 * Open lists are oldest first (who has waited longest on top); the history is
 * in the order the search answered, newest closed first. Rows come and go as
 * the model's rows change status or owner.
 */
class ConversationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The conversations to choose from (required).
    Q_PROPERTY(Frontdesk::ConversationModel *conversations READ conversations WRITE setConversations NOTIFY conversationsChanged
                   REQUIRED)
    /// @brief Which conversations to show: Queue, Mine, Open or History.
    Q_PROPERTY(Filter filter READ filter WRITE setFilter NOTIFY filterChanged)
    /// @brief How many conversations are shown.
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// @brief How many shown conversations have visitor messages the agents have not read.
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
    /// @brief History: true while a search is running.
    Q_PROPERTY(bool searching READ isSearching NOTIFY searchingChanged)

public:
    enum Filter { Queue, Mine, Open, History };
    Q_ENUM(Filter)

    explicit ConversationFilterModel(QObject *parent = nullptr);

    [[nodiscard]] ConversationModel *conversations() const { return m_conversations; }
    void setConversations(ConversationModel *conversations);
    [[nodiscard]] Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] int unreadCount() const;
    [[nodiscard]] bool isSearching() const { return m_conversations && m_conversations->isSearching(); }

    /// @brief The conversation id in @p row, or 0.
    Q_INVOKABLE int conversationIdAt(int row) const;
    /// @brief The row showing @p conversationId, or -1.
    Q_INVOKABLE int rowOf(int conversationId) const;
    /// @brief Finds closed conversations whose messages or visitor match @p text (shown by History).
    Q_INVOKABLE void search(const QString &text);

Q_SIGNALS:
    void conversationsChanged();
    void filterChanged();
    void countChanged();
    void unreadCountChanged();
    void searchingChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QPointer<ConversationModel> m_conversations;
    Filter m_filter = Open;
};

} // namespace Frontdesk
