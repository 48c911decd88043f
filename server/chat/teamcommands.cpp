#include "teamcommands.h"

#include "auth/passwordhasher.h"
#include "chat/agentaccounts.h"
#include "chat/audittrail.h"
#include "chat/sitesettings.h"
#include "core/continuewith.h"
#include "store/store.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTeam, "frontdesk.team")

namespace Frontdesk {

namespace {

constexpr int maxShortcutChars = 64;
constexpr int maxSearchChars = 200;

QJsonObject cannedJson(const CannedResponse &response)
{
    return QJsonObject{{u"id"_s, double(response.id)}, {u"shortcut"_s, response.shortcut}, {u"body"_s, response.body}};
}

} // namespace

TeamCommands::TeamCommands(ChatService *chat) : m_chat(chat) { }

bool TeamCommands::handles(const QString &type)
{
    static const QStringList types{u"list_agents"_s,     u"create_agent"_s,  u"delete_agent"_s, u"set_agent_password"_s,
                                   u"change_password"_s, u"get_site"_s,      u"update_site"_s,  u"list_canned"_s,
                                   u"save_canned"_s,     u"delete_canned"_s, u"search"_s,       u"set_agent_disabled"_s};
    return types.contains(type);
}

void TeamCommands::handle(const AgentAuthentication &caller, const ClientContext &client, const WireMessage &message,
                          const Answer &answer)
{
    const AgentRecord &agent = caller.agent;
    static const QStringList adminOnly{u"create_agent"_s, u"delete_agent"_s, u"set_agent_password"_s, u"update_site"_s,
                                       u"set_agent_disabled"_s};
    if (adminOnly.contains(message.type) && agent.role != AgentRole::Admin) {
        static const QHash<QString, QString> actions{{u"create_agent"_s, u"add agents"_s},
                                                     {u"delete_agent"_s, u"remove agents"_s},
                                                     {u"set_agent_password"_s, u"reset other agents' passwords"_s},
                                                     {u"update_site"_s, u"change the site's settings"_s},
                                                     {u"set_agent_disabled"_s, u"disable agents"_s}};
        answer(ProtocolError::make(ErrorCode::Forbidden, u"Only an admin may %1."_s.arg(actions.value(message.type))));
        return;
    }
    const QString &type = message.type;
    if (type == u"list_agents")
        listAgents(answer);
    else if (type == u"create_agent")
        createAgent(agent, message, answer);
    else if (type == u"delete_agent")
        deleteAgent(agent, message, answer);
    else if (type == u"set_agent_password")
        setAgentPassword(agent, message, answer);
    else if (type == u"set_agent_disabled")
        setAgentDisabled(agent, message, answer);
    else if (type == u"change_password")
        changePassword(caller, client, message, answer);
    else if (type == u"get_site")
        getSite(agent, answer);
    else if (type == u"update_site")
        updateSite(message, answer);
    else if (type == u"list_canned")
        listCanned(answer);
    else if (type == u"save_canned")
        saveCanned(message, answer);
    else if (type == u"delete_canned")
        deleteCanned(message, answer);
    else
        search(message, answer);
}

void TeamCommands::listAgents(const Answer &answer)
{
    ChatService *chat = m_chat;
    continueWith(chat->store()->listAgents(), chat, [chat, answer](const StoreResult<QList<AgentRecord>> &agents) {
        if (!agents.ok())
            return answer(ChatService::storeError(agents.error, agents.message));
        QJsonArray list;
        for (const AgentRecord &agent : agents.value) {
            QJsonObject entry = WireCodec::toJson(agent);
            entry.insert(u"status"_s, chat->agentStatus(agent.id));
            list.append(entry);
        }
        answer(QJsonObject{{u"agents"_s, list}});
    });
}

void TeamCommands::createAgent(const AgentRecord &admin, const WireMessage &message, const Answer &answer)
{
    QString email, name, password, role;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"email"_s, WireLimits::maxEmailChars), &email, &error)
        || !take(WireCodec::optionalString(message.object, u"name"_s, WireLimits::maxNameChars), &name, &error)
        || !take(WireCodec::requiredString(message.object, u"password"_s, PasswordHasher::maximumPasswordLength, true), &password,
                 &error)
        || !take(WireCodec::optionalString(message.object, u"role"_s, 10), &role, &error))
        return answer(error);
    if (!role.isEmpty() && role != u"agent" && role != u"admin")
        return answer(ProtocolError::make(ErrorCode::InvalidField, u"The role is \"agent\" or \"admin\"."_s));
    ChatService *chat = m_chat;
    AgentAccounts::create(chat->store(), email, name, password, agentRoleFromString(role.isEmpty() ? u"agent"_s : role), chat,
                          [chat, admin, answer](const AccountOutcome &outcome) {
                              if (!outcome.ok)
                                  return answer(ProtocolError::make(outcome.code, outcome.message));
                              AuditTrail::record(
                                  chat->store(), chat,
                                  AuditTrail::entry(admin, u"create_agent"_s, u"agent %1"_s.arg(outcome.agent.id),
                                                    u"%1 (%2)"_s.arg(outcome.agent.email, toString(outcome.agent.role))));
                              chat->broadcastToAgents(QJsonObject{{u"type"_s, u"team_changed"_s}});
                              answer(QJsonObject{{u"agent"_s, WireCodec::toJson(outcome.agent)}});
                          });
}

void TeamCommands::deleteAgent(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    qint64 agentId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"agentId"_s), &agentId, &error))
        return answer(error);
    if (agentId == agent.id)
        return answer(ProtocolError::make(ErrorCode::Conflict, u"You cannot delete your own account."_s));
    ChatService *chat = m_chat;
    continueWith(chat->store()->deleteAgent(agentId), chat,
                 [chat, agent, agentId, answer](const StoreResult<QStringList> &deleted) {
                     if (deleted.error == StoreError::NotFound)
                         return answer(ProtocolError::make(ErrorCode::NotFound, u"There is no agent %1."_s.arg(agentId)));
                     if (!deleted.ok())
                         return answer(ChatService::storeError(deleted.error, deleted.message));
                     qCInfo(lcTeam) << "admin" << agent.email << "deleted agent" << agentId << "; ending" << deleted.value.size()
                                    << "sessions";
                     AuditTrail::record(chat->store(), chat,
                                        AuditTrail::entry(agent, u"delete_agent"_s, u"agent %1"_s.arg(agentId),
                                                          u"%1 sessions ended"_s.arg(deleted.value.size())));
                     chat->endSessions(deleted.value, SessionEnd::Deleted);
                     chat->broadcastToAgents(QJsonObject{{u"type"_s, u"team_changed"_s}});
                     answer(QJsonObject{});
                 });
}

void TeamCommands::setAgentPassword(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    qint64 agentId = 0;
    QString password;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"agentId"_s), &agentId, &error)
        || !take(WireCodec::requiredString(message.object, u"password"_s, PasswordHasher::maximumPasswordLength, true), &password,
                 &error))
        return answer(error);
    ChatService *chat = m_chat;
    // A reset ends every session of that agent, the admin's own included when
    // it is the admin's account: whoever knew the old password is out.
    AgentAccounts::setPassword(
        chat->store(), agentId, password, {}, chat, [chat, agent, agentId, answer](const AccountOutcome &outcome) {
            if (!outcome.ok)
                return answer(ProtocolError::make(outcome.code, outcome.message));
            qCInfo(lcTeam) << "admin" << agent.email << "reset the password of agent" << agentId << "; ending"
                           << outcome.endedSessions.size() << "sessions";
            AuditTrail::record(chat->store(), chat,
                               AuditTrail::entry(agent, u"reset_password"_s, u"agent %1"_s.arg(agentId),
                                                 u"%1 sessions ended"_s.arg(outcome.endedSessions.size())));
            chat->endSessions(outcome.endedSessions, SessionEnd::PasswordReset);
            answer(QJsonObject{});
        });
}

void TeamCommands::setAgentDisabled(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    qint64 agentId = 0;
    bool disabled = false;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"agentId"_s), &agentId, &error)
        || !take(WireCodec::requiredBool(message.object, u"disabled"_s), &disabled, &error))
        return answer(error);
    if (agentId == agent.id)
        return answer(ProtocolError::make(ErrorCode::Conflict, u"You cannot disable your own account."_s));
    ChatService *chat = m_chat;
    continueWith(chat->store()->setAgentDisabled(agentId, disabled), chat,
                 [chat, agent, agentId, disabled, answer](const StoreResult<QStringList> &changed) {
                     if (changed.error == StoreError::NotFound)
                         return answer(ProtocolError::make(ErrorCode::NotFound, u"There is no agent %1."_s.arg(agentId)));
                     if (!changed.ok())
                         return answer(ChatService::storeError(changed.error, changed.message));
                     qCInfo(lcTeam) << "admin" << agent.email << (disabled ? "disabled" : "enabled") << "agent" << agentId;
                     AuditTrail::record(chat->store(), chat,
                                        AuditTrail::entry(agent, disabled ? u"disable_agent"_s : u"enable_agent"_s,
                                                          u"agent %1"_s.arg(agentId),
                                                          u"%1 sessions ended"_s.arg(changed.value.size())));
                     chat->endSessions(changed.value, SessionEnd::Disabled);
                     chat->broadcastToAgents(QJsonObject{{u"type"_s, u"team_changed"_s}});
                     answer(QJsonObject{});
                 });
}

void TeamCommands::changePassword(const AgentAuthentication &caller, const ClientContext &client, const WireMessage &message,
                                  const Answer &answer)
{
    QString current, password;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"current"_s, PasswordHasher::maximumPasswordLength, true), &current,
              &error)
        || !take(WireCodec::requiredString(message.object, u"password"_s, PasswordHasher::maximumPasswordLength, true), &password,
                 &error))
        return answer(error);
    ChatService *chat = m_chat;
    // Through the login throttle: an open socket is no way around it.
    chat->verifyPassword(caller.agent, current, client, [chat, caller, password, answer](ChatOutcome<bool> verified) {
        if (auto *failure = std::get_if<ProtocolError>(&verified))
            return answer(*failure);
        // This console stays signed in; every other session of the agent ends.
        AgentAccounts::setPassword(chat->store(), caller.agent.id, password, caller.session.id, chat,
                                   [chat, caller, answer](const AccountOutcome &outcome) {
                                       if (!outcome.ok)
                                           return answer(ProtocolError::make(outcome.code, outcome.message));
                                       qCInfo(lcTeam) << "agent" << caller.agent.email << "changed their password; ending"
                                                      << outcome.endedSessions.size() << "other sessions";
                                       chat->endSessions(outcome.endedSessions, SessionEnd::PasswordChanged);
                                       answer(QJsonObject{});
                                   });
    });
}

void TeamCommands::getSite(const AgentRecord &agent, const Answer &answer)
{
    const QList<SiteRecord> sites = m_chat->sites()->all();
    if (sites.isEmpty())
        return answer(ProtocolError::make(ErrorCode::NotFound, u"There is no site yet."_s));
    answer(QJsonObject{{u"site"_s, ChatService::siteJson(sites.first(), agent.role == AgentRole::Admin)}});
}

void TeamCommands::updateSite(const WireMessage &message, const Answer &answer)
{
    const QList<SiteRecord> sites = m_chat->sites()->all();
    if (sites.isEmpty())
        return answer(ProtocolError::make(ErrorCode::NotFound, u"There is no site yet."_s));
    auto updated = SiteSettings::apply(sites.first(), message.object);
    if (auto *refused = std::get_if<ProtocolError>(&updated))
        return answer(*refused);
    const SiteRecord site = std::get<SiteRecord>(updated);
    ChatService *chat = m_chat;
    continueWith(chat->store()->updateSite(site), chat, [chat, answer](const StoreResult<SiteRecord> &saved) {
        if (!saved.ok())
            return answer(ChatService::storeError(saved.error, saved.message));
        chat->sites()->upsert(saved.value);
        chat->broadcastToAgents(
            QJsonObject{{u"type"_s, u"site_updated"_s}, {u"site"_s, ChatService::siteJson(saved.value, false)}});
        answer(QJsonObject{{u"site"_s, ChatService::siteJson(saved.value, true)}});
    });
}

void TeamCommands::listCanned(const Answer &answer)
{
    continueWith(m_chat->store()->listCannedResponses(), m_chat, [answer](const StoreResult<QList<CannedResponse>> &listed) {
        if (!listed.ok())
            return answer(ChatService::storeError(listed.error, listed.message));
        QJsonArray list;
        for (const CannedResponse &response : listed.value)
            list.append(cannedJson(response));
        answer(QJsonObject{{u"canned"_s, list}});
    });
}

void TeamCommands::saveCanned(const WireMessage &message, const Answer &answer)
{
    CannedResponse response;
    ProtocolError error;
    // "cannedId", not "id": "id" is the request id every command may carry.
    if (!take(WireCodec::optionalId(message.object, u"cannedId"_s, 0), &response.id, &error)
        || !take(WireCodec::requiredString(message.object, u"shortcut"_s, maxShortcutChars), &response.shortcut, &error)
        || !take(WireCodec::requiredString(message.object, u"body"_s, WireLimits::maxMessageChars), &response.body, &error))
        return answer(error);
    if (response.shortcut.startsWith(u'/'))
        response.shortcut.remove(0, 1);
    static const QRegularExpression shortcutPattern(u"^[A-Za-z0-9_-]+$"_s);
    if (!shortcutPattern.match(response.shortcut).hasMatch())
        return answer(ProtocolError::make(ErrorCode::InvalidField, u"A shortcut has letters, digits, - and _ only."_s));
    ChatService *chat = m_chat;
    continueWith(
        chat->store()->saveCannedResponse(response), chat, [chat, response, answer](const StoreResult<CannedResponse> &saved) {
            if (saved.error == StoreError::NotFound)
                return answer(ProtocolError::make(ErrorCode::NotFound, u"There is no canned response %1."_s.arg(response.id)));
            if (saved.error == StoreError::Conflict)
                return answer(ProtocolError::make(ErrorCode::Conflict, u"The shortcut /%1 is taken."_s.arg(response.shortcut)));
            if (!saved.ok())
                return answer(ChatService::storeError(saved.error, saved.message));
            chat->broadcastToAgents(QJsonObject{{u"type"_s, u"canned_changed"_s}});
            answer(QJsonObject{{u"canned"_s, cannedJson(saved.value)}});
        });
}

void TeamCommands::deleteCanned(const WireMessage &message, const Answer &answer)
{
    qint64 id = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"cannedId"_s), &id, &error))
        return answer(error);
    ChatService *chat = m_chat;
    continueWith(chat->store()->deleteCannedResponse(id), chat, [chat, id, answer](const StoreResult<Done> &deleted) {
        if (deleted.error == StoreError::NotFound)
            return answer(ProtocolError::make(ErrorCode::NotFound, u"There is no canned response %1."_s.arg(id)));
        if (!deleted.ok())
            return answer(ChatService::storeError(deleted.error, deleted.message));
        chat->broadcastToAgents(QJsonObject{{u"type"_s, u"canned_changed"_s}});
        answer(QJsonObject{});
    });
}

void TeamCommands::search(const WireMessage &message, const Answer &answer)
{
    QString text;
    qint64 limit = 50;
    ProtocolError error;
    if (!take(WireCodec::optionalString(message.object, u"text"_s, maxSearchChars), &text, &error)
        || !take(WireCodec::optionalId(message.object, u"limit"_s, 50), &limit, &error))
        return answer(error);
    if (limit < 1 || limit > WireLimits::maxHistoryPage)
        return answer(ProtocolError::make(ErrorCode::InvalidField,
                                          u"The field \"limit\" must be between 1 and %1."_s.arg(WireLimits::maxHistoryPage)));
    ChatService *chat = m_chat;
    continueWith(chat->store()->searchClosedConversations(text.trimmed(), int(limit)), chat,
                 [chat, answer](const StoreResult<QList<ConversationSummary>> &found) {
                     if (!found.ok())
                         return answer(ChatService::storeError(found.error, found.message));
                     QJsonArray list;
                     for (const ConversationSummary &summary : found.value)
                         list.append(WireCodec::toJson(summary, chat->isVisitorOnline(summary.visitor.id)));
                     answer(QJsonObject{{u"conversations"_s, list}});
                 });
}

} // namespace Frontdesk
