#pragma once

#include "chat/chatservice.h"
#include "protocol/wirecodec.h"

namespace Frontdesk {

/// @brief The agent protocol's commands about the team rather than a
/// conversation: agents (list, create, delete, passwords), the site's
/// settings, canned responses, history search.
///
/// Admin-only commands answer `forbidden` to other agents. Answers go to
/// @p answer as the fields of the `result` frame, or as the error.
class TeamCommands
{
public:
    using Answer = std::function<void(ChatOutcome<QJsonObject>)>;

    explicit TeamCommands(ChatService *chat);

    [[nodiscard]] static bool handles(const QString &type);
    /// @p caller is the agent and session the command comes from; @p client its connection.
    void handle(const AgentAuthentication &caller, const ClientContext &client, const WireMessage &message, const Answer &answer);

private:
    void listAgents(const Answer &answer);
    void createAgent(const AgentRecord &admin, const WireMessage &message, const Answer &answer);
    void deleteAgent(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void setAgentPassword(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void setAgentDisabled(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void changePassword(const AgentAuthentication &caller, const ClientContext &client, const WireMessage &message,
                        const Answer &answer);
    void getSite(const AgentRecord &agent, const Answer &answer);
    void updateSite(const WireMessage &message, const Answer &answer);
    void listCanned(const Answer &answer);
    void saveCanned(const WireMessage &message, const Answer &answer);
    void deleteCanned(const WireMessage &message, const Answer &answer);
    void search(const WireMessage &message, const Answer &answer);

    ChatService *m_chat;
};

} // namespace Frontdesk
