#include "currentconversation.h"

#include "agentclient.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

CurrentConversation::CurrentConversation(QObject *parent) : QObject(parent) { }

void CurrentConversation::setConversations(ConversationModel *conversations)
{
    if (m_conversations == conversations)
        return;
    if (m_conversations)
        m_conversations->disconnect(this);
    m_conversations = conversations;
    if (conversations) {
        connect(conversations, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    if (m_row >= topLeft.row() && m_row <= bottomRight.row())
                        read();
                });
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(conversations, signal, this, &CurrentConversation::locate);
        connect(conversations, &QAbstractItemModel::modelReset, this, &CurrentConversation::locate);
        connect(conversations, &QAbstractItemModel::layoutChanged, this, &CurrentConversation::locate);
    }
    Q_EMIT conversationsChanged();
    locate();
}

void CurrentConversation::setConversationId(int conversationId)
{
    if (m_conversationId == conversationId)
        return;
    m_conversationId = conversationId;
    // Nothing of the previous conversation may show under the new one's id.
    m_status.clear();
    m_visitorId.clear();
    m_visitorName.clear();
    m_agentName.clear();
    m_waitText.clear();
    m_isMine = false;
    Q_EMIT conversationIdChanged();
    m_row = -1;
    locate();
    Q_EMIT changed();
}

void CurrentConversation::locate()
{
    const int row = m_conversations && m_conversationId > 0 ? m_conversations->rowOf(m_conversationId) : -1;
    m_row = row;
    if (row >= 0) {
        read();
    } else if (isOpen()) {
        // It left the model: closed, and no search shows it. What it was stays on screen.
        m_status = u"closed"_s;
        Q_EMIT changed();
    }
}

void CurrentConversation::read()
{
    if (!m_conversations || m_row < 0)
        return;
    const QModelIndex row = m_conversations->index(m_row);
    const QString status = row.data(ConversationModel::StatusRole).toString();
    const QString visitorId = row.data(ConversationModel::VisitorIdRole).toString();
    const QString visitorName = row.data(ConversationModel::VisitorNameRole).toString();
    const QString agentName = row.data(ConversationModel::AgentNameRole).toString();
    const QString waitText = row.data(ConversationModel::WaitTextRole).toString();
    const bool isMine = row.data(ConversationModel::IsMineRole).toBool();
    if (status == m_status && visitorId == m_visitorId && visitorName == m_visitorName && agentName == m_agentName
        && waitText == m_waitText && isMine == m_isMine)
        return;
    m_status = status;
    m_visitorId = visitorId;
    m_visitorName = visitorName;
    m_agentName = agentName;
    m_waitText = waitText;
    m_isMine = isMine;
    Q_EMIT changed();
}

} // namespace Frontdesk
