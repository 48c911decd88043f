#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace Frontdesk {

class AgentClient;

/**
 * @brief One of the console's conversation lists: the queue (waiting), my chats,
 * all open chats, or the history (closed chats found by a search).
 *
 * Each instance follows the AgentClient's snapshot and events and shows the
 * conversations its filter selects, oldest first (history: newest first).
 * While a waiting conversation is shown, the wait time role ticks every second.
 */
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client that feeds the list (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief Which conversations to show: Queue, Mine, Open or History.
    Q_PROPERTY(Filter filter READ filter WRITE setFilter NOTIFY filterChanged)
    /// @brief How many conversations are shown.
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// @brief How many shown conversations have visitor messages the agents have not read.
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
    /// @brief Grows on every change, so bindings that read get() re-evaluate.
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
    /// @brief History only: true while a search is running.
    Q_PROPERTY(bool searching READ isSearching NOTIFY searchingChanged)

public:
    enum Filter { Queue, Mine, Open, History };
    Q_ENUM(Filter)

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
        WaitSecondsRole, ///< seconds since the conversation started (ticks while shown)
        WaitTextRole, ///< the wait as "0:42" or "12 min"
        LastMessageRole, ///< the newest message's text
        LastMessageAuthorRole, ///< "visitor", "agent" or "system"
        LastActivityRole, ///< QDateTime of the newest message or change
        CurrentPageRole, ///< the page the visitor is on (title, else URL)
        CurrentPageUrlRole,
        UnreadRole, ///< number of visitor messages not yet read by an agent
        VisitorTypingRole, ///< bool
        ClosedAtRole, ///< QDateTime, history only
    };
    Q_ENUM(Role)

    explicit ConversationListModel(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    [[nodiscard]] int unreadCount() const;
    [[nodiscard]] bool isSearching() const { return m_searching; }
    [[nodiscard]] int revision() const { return m_revision; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// @brief The conversation id in @p row, or 0.
    Q_INVOKABLE int conversationIdAt(int row) const;
    /// @brief The row showing @p conversationId, or -1.
    Q_INVOKABLE int rowOf(int conversationId) const;
    /// @brief Every role of @p conversationId as a map (empty if not shown).
    Q_INVOKABLE QVariantMap get(int conversationId) const;
    /// @brief History only: finds closed conversations whose messages or visitor match @p text.
    Q_INVOKABLE void search(const QString &text);

    /// The display name for a visitor object (name, email, or "Visitor ABCD").
    [[nodiscard]] static QString visitorDisplayName(const QJsonObject &visitor, const QString &visitorId);

Q_SIGNALS:
    void clientChanged();
    void filterChanged();
    void countChanged();
    void unreadCountChanged();
    void searchingChanged();
    void revisionChanged();
    /// A conversation entered this list (for the queue: a new waiting visitor).
    void conversationAdded(int conversationId);

private:
    struct Row {
        int id = 0;
        QString status;
        QString visitorId;
        QJsonObject visitor;
        QString agentName;
        int assignedAgentId = 0;
        qint64 createdAt = 0;
        qint64 updatedAt = 0;
        qint64 closedAt = 0;
        qint64 agentReadUpTo = 0;
        QJsonObject lastMessage;
        QJsonObject page;
        int unread = 0;
        bool typing = false;
    };

    [[nodiscard]] bool accepts(const Row &row) const;
    void reset(const QJsonArray &conversations);
    void upsert(const Row &row, bool announce);
    void updateRow(int id, const std::function<void(Row &)> &change, const QList<int> &roles);
    void refilter();
    void tick();
    [[nodiscard]] static Row fromJson(const QJsonObject &summary);
    static void mergeConversation(Row &row, const QJsonObject &conversation);

    QPointer<AgentClient> m_client;
    Filter m_filter = Open;
    QHash<int, Row> m_all; ///< every open conversation the client knows (history: the search results)
    QList<int> m_rows; ///< the ids shown, in order
    QTimer m_ticker;
    bool m_searching = false;
    int m_searchGeneration = 0;
    int m_revision = 0;
};

} // namespace Frontdesk
