#pragma once

#include "core/records.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace Frontdesk {

class AgentClient;
struct PendingReply;

/**
 * @brief The messages of the conversation open in the chat pane, oldest first,
 * with each reply's delivery state (sending, sent, read by the visitor).
 *
 * Setting conversationId loads the newest messages with `history`; live
 * messages, acknowledgements and read marks arrive through the AgentClient.
 * Replies written while offline show as "sending" until the server
 * acknowledges them; one the server refused shows as "failed" with the
 * reason, until the agent retries or discards it. While `active` (the chat is in view), the model marks
 * what it shows as read.
 */
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client that feeds the list (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief The conversation shown; 0 for none.
    Q_PROPERTY(int conversationId READ conversationId WRITE setConversationId NOTIFY conversationIdChanged)
    /// @brief Whether the chat is in front of the agent (then new messages are marked read).
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /// @brief How many messages are loaded.
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// @brief True while the first page of messages is loading.
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    /// @brief Whether the visitor is typing right now.
    Q_PROPERTY(bool visitorTyping READ visitorTyping NOTIFY visitorTypingChanged)

public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1, ///< number; 0 while a reply is being sent
        AuthorRole, ///< "visitor", "agent" or "system"
        AuthorNameRole, ///< the agent's name for agent messages
        BodyRole, ///< the text
        CreatedAtRole, ///< QDateTime
        TimeTextRole, ///< the time as the locale writes it (e.g. "14:05")
        DeliveryRole, ///< agent messages: "sending", "sent", "read" or "failed" (refused by the server); else ""
        IsOwnRole, ///< bool: written by the signed-in agent
        ClientIdRole, ///< the sender's client id
        FirstInGroupRole, ///< bool: the first of consecutive messages by the same author
        ErrorRole, ///< why the server refused a "failed" reply, as a sentence; else ""
    };
    Q_ENUM(Role)

    explicit MessageListModel(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] int conversationId() const { return m_conversationId; }
    void setConversationId(int conversationId);
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] bool visitorTyping() const { return m_visitorTyping; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// @brief Sends @p text as a reply to this conversation; false if it is blank.
    Q_INVOKABLE bool send(const QString &text);
    /// @brief Sends the refused reply @p clientId again.
    Q_INVOKABLE void retry(const QString &clientId);
    /// @brief Drops the refused reply @p clientId; it was never stored.
    Q_INVOKABLE void discard(const QString &clientId);
    /// @brief Tells the visitor whether the agent is typing (throttled; stops by itself after 5 s).
    Q_INVOKABLE void setTyping(bool typing);
    /// @brief The conversation as plain text, one line a message.
    Q_INVOKABLE QString transcript() const;
    /// @brief Copies the transcript to the clipboard.
    Q_INVOKABLE void copyTranscript() const;
    /// @brief Loads the page of messages before the oldest one shown.
    Q_INVOKABLE void loadOlder();

Q_SIGNALS:
    void clientChanged();
    void conversationIdChanged();
    void activeChanged();
    void countChanged();
    void loadingChanged();
    void visitorTypingChanged();

private:
    struct Message {
        qint64 id = 0; ///< 0 while a reply is being sent
        AuthorKind author = AuthorKind::Visitor;
        QString authorName;
        qint64 authorAgentId = 0;
        QString body;
        QString clientId;
        qint64 createdAt = 0;
        bool pending = false;
        QString error; ///< a pending reply the server refused
    };

    [[nodiscard]] static Message fromRecord(const MessageRecord &message);
    void load();
    void insertMessage(const Message &message);
    [[nodiscard]] Message pendingMessage(const PendingReply &reply) const;
    /// The row of the pending reply @p clientId, or -1.
    [[nodiscard]] int pendingRow(const QString &clientId) const;
    void setVisitorTyping(bool typing);
    void markShownRead();
    [[nodiscard]] QString delivery(const Message &message) const;

    QPointer<AgentClient> m_client;
    int m_conversationId = 0;
    bool m_active = false;
    bool m_loading = false;
    bool m_visitorTyping = false;
    bool m_typingSent = false;
    qint64 m_visitorReadUpTo = 0;
    qint64 m_markedRead = 0;
    int m_generation = 0;
    QList<Message> m_messages;
    QTimer m_typingTimeout; ///< stops our typing indicator after a pause
    QTimer m_visitorTypingTimeout; ///< a visitor whose "stopped" frame was lost stops after a while
};

} // namespace Frontdesk
