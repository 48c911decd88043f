#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

namespace Frontdesk {

class AgentConnection;
class ConsoleSites;

/**
 * @brief What the console knows of its session, read from the snapshot and
 * the events: the signed-in agent, the agent's own status, how many agents
 * are online, the sites (ConsoleSites) and the snippet of the current one, the
 * page each visitor is on and the visitors' read marks.
 *
 * It turns each event frame of the AgentConnection into the signal that
 * says what happened; the list models follow those signals. The agent's
 * status follows the connection: "offline" while it is down, else the status
 * the agent chose, which outlives a reconnect.
 */
class ConsoleState : public QObject
{
    Q_OBJECT

public:
    ConsoleState(AgentConnection *connection, QObject *parent);

    [[nodiscard]] int agentId() const { return m_agent.value(QLatin1String("id")).toInt(); }
    [[nodiscard]] QString agentName() const { return m_agent.value(QLatin1String("name")).toString(); }
    [[nodiscard]] QString agentEmail() const { return m_agent.value(QLatin1String("email")).toString(); }
    [[nodiscard]] bool isAdmin() const { return m_agent.value(QLatin1String("role")).toString() == QLatin1String("admin"); }
    [[nodiscard]] QString presence() const { return m_presence; }
    [[nodiscard]] int agentsOnline() const { return m_agentsOnline; }
    [[nodiscard]] ConsoleSites *sites() const { return m_sites; }
    /// The current site (the one the settings and the snippet show).
    [[nodiscard]] QJsonObject site() const;
    /// The snippet of the current site.
    [[nodiscard]] QString snippet() const;
    [[nodiscard]] QString publicUrl() const { return m_publicUrl.toString(); }
    /// Keeps an absolute http(s) address (without query, fragment or last slash); anything else clears it.
    void setPublicUrl(const QString &url);
    /// The last page a visitor was seen on ({url,title,at}), if known.
    [[nodiscard]] QJsonObject currentPage(const QString &visitorId) const { return m_currentPages.value(visitorId); }
    /// The visitor's read mark in @p conversationId as last reported (0: none known).
    [[nodiscard]] qint64 visitorReadUpTo(int conversationId) const { return m_visitorRead.value(conversationId); }

    /// Sets the agent's status: "online", "away" (set_status) or "offline" (disconnects until set back).
    void setPresence(const QString &status);
    /// Keeps a site as the server answered it (`get_site`, `create_site`, `update_site`).
    void setSite(const QJsonObject &site);
    /// Reads what the snapshot says beyond the agent (the site, the team, the conversations'
    /// pages and read marks); called once the models have taken the snapshot.
    void afterSnapshot(const QJsonObject &snapshot);

Q_SIGNALS:
    void agentChanged();
    void presenceChanged();
    void agentsOnlineChanged();
    /// The current site or its snippet changed (another site chosen, its settings, the address).
    void siteChanged();

    void conversationCreated(const QJsonObject &summary);
    void conversationUpdated(const QJsonObject &conversation);
    void messageReceived(const QJsonObject &message);
    void typingReceived(int conversationId, bool active);
    void readReceived(int conversationId, const QString &by, qint64 messageId);
    void visitorPageReceived(const QString &visitorId, const QJsonObject &page, int conversationId);
    void visitorConnectionChanged(const QString &visitorId, int conversationId, bool online);
    void visitorUpdated(const QJsonObject &visitor);
    void conversationRated(const QJsonObject &conversation);
    void agentsReceived(const QJsonArray &agents);
    void agentStatusReceived(int agentId, const QString &name, const QString &status);
    void cannedChanged();
    void teamChanged();

private:
    void setAgent(const QJsonObject &agent);
    void followConnection();
    void takeSnapshot(const QJsonObject &snapshot);
    void handleEvent(const QString &type, const QJsonObject &frame);
    void lookUpPage(const QString &visitorId);
    void noteConversation(const QJsonObject &conversation);
    void setPresenceShown(const QString &presence);

    AgentConnection *m_connection;
    QJsonObject m_agent;
    ConsoleSites *m_sites;
    QUrl m_publicUrl; ///< this console's setting; empty: the server's, else the connection's URL
    QUrl m_serverPublicUrl; ///< the snapshot's publicUrl (the server's --public-url)
    QString m_presence = QStringLiteral("offline");
    QString m_wantedStatus = QStringLiteral("online");
    int m_agentsOnline = 0;
    QHash<QString, QJsonObject> m_currentPages;
    QHash<int, qint64> m_visitorRead;
};

} // namespace Frontdesk
