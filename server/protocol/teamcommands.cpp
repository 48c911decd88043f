#include "teamcommands.h"

#include "auth/passwordhasher.h"
#include "chat/chatservices.h"
#include "protocol/commandanswer.h"
#include "protocol/sitecommands.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

constexpr int maxShortcutChars = 64;
constexpr int maxSearchChars = 200;

} // namespace

TeamCommands::TeamCommands(ChatServices *chat) : m_chat(chat) { }

const QHash<QString, TeamCommands::Command> &TeamCommands::commands()
{
    static const QHash<QString, Command> table{
        {u"list_agents"_s, {&TeamCommands::listAgents, {}}},
        {u"create_agent"_s, {&TeamCommands::createAgent, u"add agents"_s}},
        {u"delete_agent"_s, {&TeamCommands::deleteAgent, u"remove agents"_s}},
        {u"set_agent_password"_s, {&TeamCommands::setAgentPassword, u"reset other agents' passwords"_s}},
        {u"set_agent_disabled"_s, {&TeamCommands::setAgentDisabled, u"disable agents"_s}},
        {u"change_password"_s, {&TeamCommands::changePassword, {}}},
        {u"list_canned"_s, {&TeamCommands::listCanned, {}}},
        {u"save_canned"_s, {&TeamCommands::saveCanned, {}}},
        {u"delete_canned"_s, {&TeamCommands::deleteCanned, {}}},
        {u"search"_s, {&TeamCommands::search, {}}},
    };
    return table;
}

bool TeamCommands::handles(const QString &type)
{
    return commands().contains(type);
}

void TeamCommands::handle(const AgentAuthentication &caller, const ClientContext &client, const WireMessage &message,
                          const Answer &answer)
{
    const Command command = commands().value(message.type);
    if (!command.run)
        return answer(ProtocolError::make(ErrorCode::UnknownType));
    if (!command.adminAction.isEmpty() && caller.agent.role != AgentRole::Admin)
        return answer(ProtocolError::make(ErrorCode::Forbidden, u"Only an admin may %1."_s.arg(command.adminAction)));
    (this->*command.run)(Call{caller, client, message, answer});
}

void TeamCommands::listAgents(const Call &call)
{
    m_chat->team()->listAgents(answerWith<QList<TeamMember>>(call.answer, [](const QList<TeamMember> &team) {
        QJsonArray list;
        for (const TeamMember &member : team)
            list.append(WireCodec::toJson(member));
        return QJsonObject{{u"agents"_s, list}};
    }));
}

void TeamCommands::createAgent(const Call &call)
{
    const QJsonObject &o = call.message.object;
    QString email, name, password, role;
    ProtocolError error;
    if (!take(WireCodec::requiredString(o, u"email"_s, WireLimits::maxEmailChars), &email, &error)
        || !take(WireCodec::optionalString(o, u"name"_s, WireLimits::maxNameChars), &name, &error)
        || !take(WireCodec::requiredString(o, u"password"_s, PasswordHasher::maximumPasswordLength, true), &password, &error)
        || !take(WireCodec::optionalString(o, u"role"_s, 10), &role, &error))
        return call.answer(error);
    if (!role.isEmpty() && role != u"agent" && role != u"admin")
        return call.answer(ProtocolError::make(ErrorCode::InvalidField, u"The role is \"agent\" or \"admin\"."_s));
    m_chat->team()->createAgent(call.caller.agent, email, name, password, agentRoleFromString(role),
                                answerWith<AgentRecord>(call.answer, [](const AgentRecord &agent) {
                                    return QJsonObject{{u"agent"_s, WireCodec::toJson(agent)}};
                                }));
}

void TeamCommands::deleteAgent(const Call &call)
{
    qint64 agentId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(call.message.object, u"agentId"_s), &agentId, &error))
        return call.answer(error);
    m_chat->team()->deleteAgent(call.caller.agent, agentId, answerEmpty(call.answer));
}

void TeamCommands::setAgentPassword(const Call &call)
{
    qint64 agentId = 0;
    QString password;
    ProtocolError error;
    if (!take(WireCodec::requiredId(call.message.object, u"agentId"_s), &agentId, &error)
        || !take(WireCodec::requiredString(call.message.object, u"password"_s, PasswordHasher::maximumPasswordLength, true),
                 &password, &error))
        return call.answer(error);
    m_chat->team()->resetPassword(call.caller.agent, agentId, password, answerEmpty(call.answer));
}

void TeamCommands::setAgentDisabled(const Call &call)
{
    qint64 agentId = 0;
    bool disabled = false;
    ProtocolError error;
    if (!take(WireCodec::requiredId(call.message.object, u"agentId"_s), &agentId, &error)
        || !take(WireCodec::requiredBool(call.message.object, u"disabled"_s), &disabled, &error))
        return call.answer(error);
    m_chat->team()->setAgentDisabled(call.caller.agent, agentId, disabled, answerEmpty(call.answer));
}

void TeamCommands::changePassword(const Call &call)
{
    QString current, password;
    ProtocolError error;
    if (!take(WireCodec::requiredString(call.message.object, u"current"_s, PasswordHasher::maximumPasswordLength, true), &current,
              &error)
        || !take(WireCodec::requiredString(call.message.object, u"password"_s, PasswordHasher::maximumPasswordLength, true),
                 &password, &error))
        return call.answer(error);
    m_chat->team()->changePassword(call.caller, call.client, current, password, answerEmpty(call.answer));
}

void TeamCommands::listCanned(const Call &call)
{
    m_chat->team()->listCanned(answerWith<QList<CannedResponse>>(call.answer, [](const QList<CannedResponse> &responses) {
        QJsonArray list;
        for (const CannedResponse &response : responses)
            list.append(WireCodec::toJson(response));
        return QJsonObject{{u"canned"_s, list}};
    }));
}

void TeamCommands::saveCanned(const Call &call)
{
    const QJsonObject &o = call.message.object;
    CannedResponse response;
    ProtocolError error;
    // "cannedId", not "id": "id" is the request id every command may carry.
    if (!take(WireCodec::optionalId(o, u"cannedId"_s, 0), &response.id, &error)
        || !take(WireCodec::requiredString(o, u"shortcut"_s, maxShortcutChars), &response.shortcut, &error)
        || !take(WireCodec::requiredString(o, u"body"_s, WireLimits::maxMessageChars), &response.body, &error))
        return call.answer(error);
    if (response.shortcut.startsWith(u'/'))
        response.shortcut.remove(0, 1);
    static const QRegularExpression shortcutPattern(u"^[A-Za-z0-9_-]+$"_s);
    if (!shortcutPattern.match(response.shortcut).hasMatch())
        return call.answer(ProtocolError::make(ErrorCode::InvalidField, u"A shortcut has letters, digits, - and _ only."_s));
    m_chat->team()->saveCanned(response, answerWith<CannedResponse>(call.answer, [](const CannedResponse &saved) {
                                   return QJsonObject{{u"canned"_s, WireCodec::toJson(saved)}};
                               }));
}

void TeamCommands::deleteCanned(const Call &call)
{
    qint64 id = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(call.message.object, u"cannedId"_s), &id, &error))
        return call.answer(error);
    m_chat->team()->deleteCanned(id, answerEmpty(call.answer));
}

void TeamCommands::search(const Call &call)
{
    QString text;
    qint64 limit = 50;
    ProtocolError error;
    if (!take(WireCodec::optionalString(call.message.object, u"text"_s, maxSearchChars), &text, &error)
        || !take(WireCodec::optionalId(call.message.object, u"limit"_s, 50), &limit, &error))
        return call.answer(error);
    if (limit < 1 || limit > WireLimits::maxHistoryPage)
        return call.answer(ProtocolError::make(
            ErrorCode::InvalidField, u"The field \"limit\" must be between 1 and %1."_s.arg(WireLimits::maxHistoryPage)));
    // The history is the team's, across sites, as the open conversations are
    // in the snapshot: without "siteId" it searches every site (each result
    // names its own); with one, that site only.
    qint64 siteId = 0;
    const QJsonValue givenSite = call.message.object.value(u"siteId"_s);
    if (!givenSite.isUndefined() && !givenSite.isNull()) {
        const auto site = SiteCommands::siteOf(*m_chat->sites(), call.message.object);
        if (auto *refused = std::get_if<ProtocolError>(&site))
            return call.answer(*refused);
        siteId = std::get<SiteRecord>(site).id;
    }
    const PresenceService *presence = m_chat->presence();
    m_chat->team()->search(
        text.trimmed(), int(limit), siteId,
        answerWith<QList<ConversationSummary>>(call.answer, [presence](const QList<ConversationSummary> &found) {
            QJsonArray list;
            for (const ConversationSummary &summary : found)
                list.append(WireCodec::toJson(summary, presence->isVisitorOnline(summary.visitor.id)));
            return QJsonObject{{u"conversations"_s, list}};
        }));
}

} // namespace Frontdesk
