#include "teamservice.h"

#include "chat/agentaccounts.h"
#include "chat/agentauthservice.h"
#include "chat/audittrail.h"
#include "chat/presenceservice.h"
#include "core/continuewith.h"
#include "store/store.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTeam, "frontdesk.team")

namespace Frontdesk {

namespace {

ProtocolError noAgent(qint64 agentId)
{
    return ProtocolError::make(ErrorCode::NotFound, u"There is no agent %1."_s.arg(agentId));
}

} // namespace

TeamService::TeamService(AgentStore *agents, CannedResponseStore *canned, ConversationStore *conversations,
                         AuditLogStore *auditLog, const PresenceService *presence, AgentAuthService *auth, DomainEventBus *events,
                         QObject *parent)
    : QObject(parent)
    , m_agents(agents)
    , m_canned(canned)
    , m_conversations(conversations)
    , m_auditLog(auditLog)
    , m_presence(presence)
    , m_auth(auth)
    , m_events(events)
{ }

void TeamService::listAgents(ChatCallback<QList<TeamMember>> done)
{
    continueWith(m_agents->listAgents(), this, [this, done](const StoreResult<QList<AgentRecord>> &agents) {
        if (!agents.ok()) {
            done(storeError(agents.error, agents.message));
            return;
        }
        QList<TeamMember> team;
        for (const AgentRecord &agent : agents.value)
            team.append({agent, m_presence->agentStatus(agent.id)});
        done(team);
    });
}

void TeamService::createAgent(const AgentRecord &admin, const QString &email, const QString &name, const QString &password,
                              AgentRole role, ChatCallback<AgentRecord> done)
{
    AgentAccounts::create(m_agents, email, name, password, role, this, [this, admin, done](const AccountOutcome &outcome) {
        if (!outcome.ok) {
            done(ProtocolError::make(outcome.code, outcome.message));
            return;
        }
        AuditTrail::record(m_auditLog, this,
                           AuditTrail::entry(admin, u"create_agent"_s, u"agent %1"_s.arg(outcome.agent.id),
                                             u"%1 (%2)"_s.arg(outcome.agent.email, toString(outcome.agent.role))));
        m_events->publish(Events::TeamChanged{});
        done(outcome.agent);
    });
}

void TeamService::deleteAgent(const AgentRecord &admin, qint64 agentId, ChatCallback<bool> done)
{
    if (agentId == admin.id) {
        done(ProtocolError::make(ErrorCode::Conflict, u"You cannot delete your own account."_s));
        return;
    }
    continueWith(m_agents->deleteAgent(agentId), this, [this, admin, agentId, done](const StoreResult<QStringList> &deleted) {
        if (deleted.error == StoreError::NotFound) {
            done(noAgent(agentId));
            return;
        }
        if (!deleted.ok()) {
            done(storeError(deleted.error, deleted.message));
            return;
        }
        qCInfo(lcTeam) << "admin" << admin.email << "deleted agent" << agentId << "; ending" << deleted.value.size()
                       << "sessions";
        AuditTrail::record(m_auditLog, this,
                           AuditTrail::entry(admin, u"delete_agent"_s, u"agent %1"_s.arg(agentId),
                                             u"%1 sessions ended"_s.arg(deleted.value.size())));
        m_auth->endSessions(deleted.value, SessionEnd::Deleted);
        m_events->publish(Events::TeamChanged{});
        done(true);
    });
}

void TeamService::resetPassword(const AgentRecord &admin, qint64 agentId, const QString &password, ChatCallback<bool> done)
{
    // A reset ends every session of that agent, the admin's own included when
    // it is the admin's account: whoever knew the old password is out.
    AgentAccounts::setPassword(
        m_agents, agentId, password, {}, this, [this, admin, agentId, done](const AccountOutcome &outcome) {
            if (!outcome.ok) {
                done(ProtocolError::make(outcome.code, outcome.message));
                return;
            }
            qCInfo(lcTeam) << "admin" << admin.email << "reset the password of agent" << agentId << "; ending"
                           << outcome.endedSessions.size() << "sessions";
            AuditTrail::record(m_auditLog, this,
                               AuditTrail::entry(admin, u"reset_password"_s, u"agent %1"_s.arg(agentId),
                                                 u"%1 sessions ended"_s.arg(outcome.endedSessions.size())));
            m_auth->endSessions(outcome.endedSessions, SessionEnd::PasswordReset);
            done(true);
        });
}

void TeamService::setAgentDisabled(const AgentRecord &admin, qint64 agentId, bool disabled, ChatCallback<bool> done)
{
    if (agentId == admin.id) {
        done(ProtocolError::make(ErrorCode::Conflict, u"You cannot disable your own account."_s));
        return;
    }
    continueWith(m_agents->setAgentDisabled(agentId, disabled), this,
                 [this, admin, agentId, disabled, done](const StoreResult<QStringList> &changed) {
                     if (changed.error == StoreError::NotFound) {
                         done(noAgent(agentId));
                         return;
                     }
                     if (!changed.ok()) {
                         done(storeError(changed.error, changed.message));
                         return;
                     }
                     qCInfo(lcTeam) << "admin" << admin.email << (disabled ? "disabled" : "enabled") << "agent" << agentId;
                     AuditTrail::record(m_auditLog, this,
                                        AuditTrail::entry(admin, disabled ? u"disable_agent"_s : u"enable_agent"_s,
                                                          u"agent %1"_s.arg(agentId),
                                                          u"%1 sessions ended"_s.arg(changed.value.size())));
                     m_auth->endSessions(changed.value, SessionEnd::Disabled);
                     m_events->publish(Events::TeamChanged{});
                     done(true);
                 });
}

void TeamService::changePassword(const AgentAuthentication &caller, const ClientContext &client, const QString &current,
                                 const QString &password, ChatCallback<bool> done)
{
    // Through the login throttle: an open socket is no way around it.
    m_auth->verifyPassword(caller.agent, current, client, [this, caller, password, done](ChatOutcome<bool> verified) {
        if (auto *failure = std::get_if<ProtocolError>(&verified)) {
            done(*failure);
            return;
        }
        // This console stays signed in; every other session of the agent ends.
        AgentAccounts::setPassword(m_agents, caller.agent.id, password, caller.session.id, this,
                                   [this, caller, done](const AccountOutcome &outcome) {
                                       if (!outcome.ok) {
                                           done(ProtocolError::make(outcome.code, outcome.message));
                                           return;
                                       }
                                       qCInfo(lcTeam) << "agent" << caller.agent.email << "changed their password; ending"
                                                      << outcome.endedSessions.size() << "other sessions";
                                       m_auth->endSessions(outcome.endedSessions, SessionEnd::PasswordChanged);
                                       done(true);
                                   });
    });
}

void TeamService::listCanned(ChatCallback<QList<CannedResponse>> done)
{
    continueWith(m_canned->listCannedResponses(), this,
                 [done](const StoreResult<QList<CannedResponse>> &listed) { done(outcomeOf(listed)); });
}

void TeamService::saveCanned(const CannedResponse &response, ChatCallback<CannedResponse> done)
{
    continueWith(m_canned->saveCannedResponse(response), this, [this, response, done](const StoreResult<CannedResponse> &saved) {
        if (saved.error == StoreError::NotFound) {
            done(ProtocolError::make(ErrorCode::NotFound, u"There is no canned response %1."_s.arg(response.id)));
            return;
        }
        if (saved.error == StoreError::Conflict) {
            done(ProtocolError::make(ErrorCode::Conflict, u"The shortcut /%1 is taken."_s.arg(response.shortcut)));
            return;
        }
        if (saved.ok())
            m_events->publish(Events::CannedResponsesChanged{});
        done(outcomeOf(saved));
    });
}

void TeamService::deleteCanned(qint64 id, ChatCallback<bool> done)
{
    continueWith(m_canned->deleteCannedResponse(id), this, [this, id, done](const StoreResult<Done> &deleted) {
        if (deleted.error == StoreError::NotFound) {
            done(ProtocolError::make(ErrorCode::NotFound, u"There is no canned response %1."_s.arg(id)));
            return;
        }
        if (!deleted.ok()) {
            done(storeError(deleted.error, deleted.message));
            return;
        }
        m_events->publish(Events::CannedResponsesChanged{});
        done(true);
    });
}

void TeamService::search(const QString &text, int limit, qint64 siteId, ChatCallback<QList<ConversationSummary>> done)
{
    continueWith(m_conversations->searchClosedConversations(text, limit, siteId), this,
                 [done](const StoreResult<QList<ConversationSummary>> &found) { done(outcomeOf(found)); });
}

} // namespace Frontdesk
