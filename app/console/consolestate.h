#pragma once

#include "protocol/agentviewreader.h"

#include <QHash>
#include <QObject>
#include <QUrl>

namespace Frontdesk {

class AgentCommands;
class AgentConnection;
class AgentEvents;
class ConsoleSites;

/**
 * @brief What the console knows of its session, read from the snapshot and
 * the events: the signed-in agent, the agent's own status, how many agents
 * are online, the sites (ConsoleSites) and the snippet of the current one, the
 * page each visitor is on and the visitors' read marks.
 *
 * It follows AgentEvents (records, not frames) and asks through
 * AgentCommands what the snapshot of an older server lacks. The agent's
 * status follows the connection: "offline" while it is down, else the status
 * the agent chose, which outlives a reconnect.
 */
class ConsoleState : public QObject
{
    Q_OBJECT

public:
    ConsoleState(AgentConnection *connection, AgentEvents *events, AgentCommands *commands, QObject *parent);

    [[nodiscard]] const AgentRecord &agent() const { return m_agent; }
    [[nodiscard]] bool isAdmin() const { return m_agent.role == AgentRole::Admin; }
    /// "online", "away" or "offline".
    [[nodiscard]] QString presence() const { return toString(m_presence); }
    [[nodiscard]] int agentsOnline() const { return m_agentsOnline; }
    /// The server's mail outbox as the snapshot and mail_status said.
    [[nodiscard]] const MailStatus &mailStatus() const { return m_mailStatus; }
    [[nodiscard]] ConsoleSites *sites() const { return m_sites; }
    /// The current site (the one the settings and the snippet show); id 0 while none is known.
    [[nodiscard]] SiteRecord site() const;
    /// The snippet of the current site.
    [[nodiscard]] QString snippet() const;
    [[nodiscard]] QString publicUrl() const { return m_publicUrl.toString(); }
    /// Keeps an absolute http(s) address (without query, fragment or last slash); anything else clears it.
    void setPublicUrl(const QString &url);
    /// The last page a visitor was seen on, if known (else an empty url).
    [[nodiscard]] PageView currentPage(const QString &visitorId) const { return m_currentPages.value(visitorId); }
    /// The visitor's read mark in @p conversationId as last reported (0: none known).
    [[nodiscard]] qint64 visitorReadUpTo(int conversationId) const { return m_visitorRead.value(conversationId); }

    /// Sets the agent's status: "online", "away" (set_status) or "offline" (disconnects until set back).
    void setPresence(const QString &status);
    /// Keeps a site as the server answered it (`get_site`, `create_site`, `update_site`).
    void setSite(const SiteRecord &site);
    /// Reads what the snapshot says beyond the agent (the sites, the team, the conversations'
    /// pages and read marks); called once the models have taken the snapshot.
    void afterSnapshot(const AgentSnapshotView &snapshot);

Q_SIGNALS:
    void agentChanged();
    void presenceChanged();
    void agentsOnlineChanged();
    void mailStatusChanged();
    /// The current site or its snippet changed (another site chosen, its settings, the address).
    void siteChanged();
    /// A page the console looked up for a visitor of the snapshot (the events bring the later ones).
    void visitorPageFound(const QString &visitorId, const Frontdesk::PageView &page);
    /// The team as the snapshot or `list_agents` gave it.
    void teamReceived(const QList<Frontdesk::TeamMember> &team);

private:
    void setAgent(const AgentRecord &agent);
    void followConnection();
    void takeSnapshot(const AgentSnapshotView &snapshot);
    void lookUpPage(const QString &visitorId);
    void noteVisitorRead(qint64 conversationId, qint64 messageId);
    void setPresenceShown(AgentStatus presence);

    AgentConnection *m_connection;
    AgentCommands *m_commands;
    AgentRecord m_agent;
    ConsoleSites *m_sites;
    QUrl m_publicUrl; ///< this console's setting; empty: the server's, else the connection's URL
    QUrl m_serverPublicUrl; ///< the snapshot's publicUrl (the server's --public-url)
    AgentStatus m_presence = AgentStatus::Offline;
    AgentStatus m_wantedStatus = AgentStatus::Online;
    int m_agentsOnline = 0;
    MailStatus m_mailStatus;
    QHash<QString, PageView> m_currentPages;
    QHash<qint64, qint64> m_visitorRead;
};

} // namespace Frontdesk
