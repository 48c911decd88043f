#pragma once

#include "conversationmodel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

namespace Frontdesk {

/**
 * @brief The conversation open in the chat pane, as properties QML binds to.
 *
 * It follows the one ConversationModel: when the conversation's row changes
 * (a new agent, a ticking wait, a visitor who renamed themselves), the
 * properties change in place. When the row leaves the model (the chat was
 * closed and no search shows it), the last values stay, with the status
 * "closed", so the pane keeps saying whom it was with.
 */
class CurrentConversation : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The conversations to follow (required).
    Q_PROPERTY(Frontdesk::ConversationModel *conversations READ conversations WRITE setConversations NOTIFY conversationsChanged
                   REQUIRED)
    /// @brief The conversation shown; 0 for none.
    Q_PROPERTY(int conversationId READ conversationId WRITE setConversationId NOTIFY conversationIdChanged)
    /// @brief "waiting", "active" or "closed"; "" when none is shown or it is not known yet.
    Q_PROPERTY(QString status READ status NOTIFY changed)
    /// @brief True while the conversation is waiting or active (it can be answered, transferred, closed).
    Q_PROPERTY(bool open READ isOpen NOTIFY changed)
    /// @brief The visitor's id ("" if none).
    Q_PROPERTY(QString visitorId READ visitorId NOTIFY changed)
    /// @brief The visitor's name, else email, else "Visitor ABCD".
    Q_PROPERTY(QString visitorName READ visitorName NOTIFY changed)
    /// @brief The assigned agent's name ("" while waiting).
    Q_PROPERTY(QString agentName READ agentName NOTIFY changed)
    /// @brief How long the visitor has waited, as "0:42" (ticks while waiting).
    Q_PROPERTY(QString waitText READ waitText NOTIFY changed)
    /// @brief Whether it is assigned to the signed-in agent.
    Q_PROPERTY(bool isMine READ isMine NOTIFY changed)

public:
    explicit CurrentConversation(QObject *parent = nullptr);

    [[nodiscard]] ConversationModel *conversations() const { return m_conversations; }
    void setConversations(ConversationModel *conversations);
    [[nodiscard]] int conversationId() const { return m_conversationId; }
    void setConversationId(int conversationId);

    [[nodiscard]] QString status() const { return m_status; }
    [[nodiscard]] bool isOpen() const { return m_status == QLatin1String("waiting") || m_status == QLatin1String("active"); }
    [[nodiscard]] QString visitorId() const { return m_visitorId; }
    [[nodiscard]] QString visitorName() const { return m_visitorName; }
    [[nodiscard]] QString agentName() const { return m_agentName; }
    [[nodiscard]] QString waitText() const { return m_waitText; }
    [[nodiscard]] bool isMine() const { return m_isMine; }

Q_SIGNALS:
    void conversationsChanged();
    void conversationIdChanged();
    void changed();

private:
    /// Finds the row again (rows came or went) and reads it.
    void locate();
    /// Reads the row's roles into the properties; tells QML only if one changed.
    void read();

    QPointer<ConversationModel> m_conversations;
    int m_conversationId = 0;
    int m_row = -1;
    QString m_status;
    QString m_visitorId;
    QString m_visitorName;
    QString m_agentName;
    QString m_waitText;
    bool m_isMine = false;
};

} // namespace Frontdesk
