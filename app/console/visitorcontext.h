#pragma once

#include "protocol/agentviewreader.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

namespace Frontdesk {

class AgentClient;

/**
 * @brief What the console knows about one visitor, for the side panel: who,
 * where on the site, where from, with what browser, at what local time, and
 * their earlier conversations.
 *
 * Setting visitorId asks the server (`visitor` command); `visitor_page` and
 * `visitor_updated` events keep it current.
 */
class VisitorContext : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client that answers (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief The visitor shown; "" for none.
    Q_PROPERTY(QString visitorId READ visitorId WRITE setVisitorId NOTIFY visitorIdChanged)
    /// @brief True once the server answered for this visitor.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY changed)
    /// @brief The name the visitor gave ("" if none).
    Q_PROPERTY(QString name READ name NOTIFY changed)
    /// @brief The email the visitor gave ("" if none).
    Q_PROPERTY(QString email READ email NOTIFY changed)
    /// @brief The user id the site vouched for with its identity HMAC ("" if none). Only this is
    /// verified: name and email come from the visitor, even after an identity was accepted.
    Q_PROPERTY(QString userId READ userId NOTIFY changed)
    /// @brief Name, else email, else "Visitor ABCD".
    Q_PROPERTY(QString displayName READ displayName NOTIFY changed)
    /// @brief Whether the visitor has a connection now.
    Q_PROPERTY(bool online READ isOnline NOTIFY changed)
    /// @brief The page the visitor is on: its title (or URL).
    Q_PROPERTY(QString currentPageTitle READ currentPageTitle NOTIFY changed)
    /// @brief The URL of the page the visitor is on.
    Q_PROPERTY(QString currentPageUrl READ currentPageUrl NOTIFY changed)
    /// @brief Pages visited, newest first: maps with url, title, timeText.
    Q_PROPERTY(QVariantList pages READ pages NOTIFY changed)
    /// @brief Where the visitor came from ("" if direct).
    Q_PROPERTY(QString referrer READ referrer NOTIFY changed)
    /// @brief Browser and version, from the User-Agent.
    Q_PROPERTY(QString browser READ browser NOTIFY changed)
    /// @brief Operating system, from the User-Agent.
    Q_PROPERTY(QString operatingSystem READ operatingSystem NOTIFY changed)
    /// @brief The browser's language (e.g. "en-GB").
    Q_PROPERTY(QString locale READ locale NOTIFY changed)
    /// @brief The visitor's local time ("" unless the widget sent a time zone).
    Q_PROPERTY(QString localTime READ localTime NOTIFY localTimeChanged)
    /// @brief Earlier conversations, newest first: maps with conversationId, status, agentName, dateText.
    Q_PROPERTY(QVariantList earlierConversations READ earlierConversations NOTIFY changed)
    /// @brief When the visitor was first seen, as text.
    Q_PROPERTY(QString firstSeen READ firstSeen NOTIFY changed)

public:
    explicit VisitorContext(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] QString visitorId() const { return m_visitorId; }
    void setVisitorId(const QString &visitorId);

    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] QString name() const;
    [[nodiscard]] QString email() const;
    [[nodiscard]] QString userId() const;
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] bool isOnline() const;
    [[nodiscard]] QString currentPageTitle() const;
    [[nodiscard]] QString currentPageUrl() const;
    [[nodiscard]] QVariantList pages() const;
    [[nodiscard]] QString referrer() const;
    [[nodiscard]] QString browser() const;
    [[nodiscard]] QString operatingSystem() const;
    [[nodiscard]] QString locale() const;
    [[nodiscard]] QString localTime() const;
    [[nodiscard]] QVariantList earlierConversations() const;
    [[nodiscard]] QString firstSeen() const;

    /// @brief Asks the server again.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void clientChanged();
    void visitorIdChanged();
    void changed();
    void localTimeChanged();

private:
    [[nodiscard]] QString attribute(const QString &name) const;

    QPointer<AgentClient> m_client;
    QString m_visitorId;
    bool m_loaded = false;
    VisitorView m_visitor;
    QList<PageView> m_pages; ///< newest first
    QList<ConversationRecord> m_conversations;
    QTimer m_clock;
    int m_generation = 0;
};

} // namespace Frontdesk
