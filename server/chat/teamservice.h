#pragma once

#include "chat/chatoutcome.h"
#include "core/domainevents.h"
#include "core/records.h"

#include <QObject>

namespace Frontdesk {

class AgentAuthService;
class PresenceService;
class AgentStore;
class AuditLogStore;
class CannedResponseStore;
class ConversationStore;
struct ClientContext;

/// @brief The team and its tools: agent accounts (create, delete, disable,
/// passwords), canned responses and the search of past
/// conversations. Who may do what (admins only, mostly) is checked by the
/// caller; every change is audited and published.
class TeamService : public QObject
{
    Q_OBJECT

public:
    TeamService(AgentStore *agents, CannedResponseStore *canned, ConversationStore *conversations, AuditLogStore *auditLog,
                const PresenceService *presence, AgentAuthService *auth, DomainEventBus *events, QObject *parent = nullptr);

    void listAgents(ChatCallback<QList<TeamMember>> done);
    void createAgent(const AgentRecord &admin, const QString &email, const QString &name, const QString &password, AgentRole role,
                     ChatCallback<AgentRecord> done);
    /// Deletes the account and ends its sessions (conflict for the admin's own).
    void deleteAgent(const AgentRecord &admin, qint64 agentId, ChatCallback<bool> done);
    /// An admin sets another agent's password; every session of that agent ends.
    void resetPassword(const AgentRecord &admin, qint64 agentId, const QString &password, ChatCallback<bool> done);
    void setAgentDisabled(const AgentRecord &admin, qint64 agentId, bool disabled, ChatCallback<bool> done);
    /// The agent's own password, the current one checked through the login
    /// throttle; every other session of the agent ends.
    void changePassword(const AgentAuthentication &caller, const ClientContext &client, const QString &current,
                        const QString &password, ChatCallback<bool> done);

    void listCanned(ChatCallback<QList<CannedResponse>> done);
    /// A new one (id 0) or a change; conflict when the shortcut is taken.
    void saveCanned(const CannedResponse &response, ChatCallback<CannedResponse> done);
    void deleteCanned(qint64 id, ChatCallback<bool> done);

    /// Closed conversations whose messages hold @p text, newest first; of
    /// @p siteId only, or of every site when it is 0.
    void search(const QString &text, int limit, qint64 siteId, ChatCallback<QList<ConversationSummary>> done);

private:
    AgentStore *m_agents;
    CannedResponseStore *m_canned;
    ConversationStore *m_conversations;
    AuditLogStore *m_auditLog;
    const PresenceService *m_presence;
    AgentAuthService *m_auth;
    DomainEventBus *m_events;
};

} // namespace Frontdesk
