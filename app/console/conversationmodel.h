#pragma once

#include "protocol/agentviewreader.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

#include <functional>

namespace Frontdesk {

class AgentClient;

/**
 * @brief Every conversation the console knows, once: the open ones (from the
 * snapshot and the events) and the closed ones the last history search found.
 *
 * The lists of the sidebar (Queue, My chats, All active, History) are
 * ConversationFilterModel proxies over this one model, so an event changes
 * one row and every list that shows it follows. A conversation that closes
 * leaves the model unless the history search found it. While a waiting
 * conversation is known, its wait time role ticks every second.
 */
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client that feeds the model (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief True while a history search is running.
    Q_PROPERTY(bool searching READ isSearching NOTIFY searchingChanged)

public:
    enum Role {
        ConversationIdRole = Qt::UserRole + 1, ///< number
        StatusRole, ///< "waiting", "active" or "closed"
        VisitorIdRole, ///< string
        VisitorNameRole, ///< name, else email, else "Visitor ABCD"
        VisitorEmailRole,
        VisitorOnlineRole, ///< bool: the visitor has a connection now
        AgentNameRole, ///< the assigned agent's name, "" when waiting
        IsMineRole, ///< bool: assigned to the signed-in agent
        CreatedAtRole, ///< QDateTime
        WaitSecondsRole, ///< seconds since the conversation started (ticks while waiting)
        WaitTextRole, ///< the wait as "0:42" or "12 min"
        LastMessageRole, ///< the newest message's text
        LastMessageAuthorRole, ///< "visitor", "agent" or "system"
        LastActivityRole, ///< QDateTime of the newest message or change
        CurrentPageRole, ///< the page the visitor is on (title, else URL)
        CurrentPageUrlRole,
        UnreadRole, ///< number of visitor messages not yet read by an agent
        VisitorTypingRole, ///< bool
        ClosedAtRole, ///< QDateTime, closed conversations only
        SearchRankRole, ///< the place in the last history search's answer (newest closed first); -1 if not found by it
        SiteIdRole, ///< number: the site the visitor wrote from
        SiteLabelRole, ///< the site's name when the server has several sites; "" with one
    };
    Q_ENUM(Role)

    explicit ConversationModel(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] bool isSearching() const { return m_searching; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// @brief The row of @p conversationId in this model, or -1.
    Q_INVOKABLE int rowOf(int conversationId) const;
    /// @brief Finds closed conversations whose messages or visitor match @p text (the History list).
    Q_INVOKABLE void search(const QString &text);

    /// The display name for a visitor (name, email, or "Visitor ABCD" from @p visitorId).
    [[nodiscard]] static QString visitorDisplayName(const VisitorRecord &visitor, const QString &visitorId);

Q_SIGNALS:
    void clientChanged();
    void searchingChanged();

private:
    struct Row {
        ConversationRecord conversation;
        VisitorView visitor; ///< visitor.visitor.id empty while unknown
        MessageRecord lastMessage; ///< id 0: none
        PageView page; ///< url empty while unknown
        int unread = 0;
        bool typing = false;
        int searchRank = -1;
    };

    void reset(const QList<ConversationView> &conversations);
    void upsert(Row row);
    void updateRow(int id, const std::function<void(Row &)> &change, const QList<int> &roles);
    void updateVisitor(const QString &visitorId, const std::function<void(Row &)> &change, const QList<int> &roles);
    void removeAt(int row);
    void removeSite(int siteId);
    void takeSearchResults(const QList<ConversationView> &conversations);
    void tick();
    [[nodiscard]] static Row fromView(const ConversationView &summary);
    static void mergeConversation(Row &row, const ConversationRecord &conversation);

    QPointer<AgentClient> m_client;
    QList<Row> m_rows;
    QTimer m_ticker;
    bool m_searching = false;
    int m_searchGeneration = 0;
};

} // namespace Frontdesk
