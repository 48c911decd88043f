#pragma once

#include "chat/agentauthservice.h"
#include "chat/chatoutcome.h"
#include "protocol/commandanswer.h"
#include "protocol/wirecodec.h"

#include <QJsonObject>

namespace Frontdesk {

class ChatServices;

/// @brief The agent protocol's commands about the team rather than a
/// conversation: agents (list, create, delete, passwords), canned
/// responses, history search. The sites' commands are SiteCommands.
///
/// Reads each command's fields, calls TeamService with typed values and
/// renders its answer. Admin-only commands answer `forbidden` to other
/// agents. Answers go to @p answer as the fields of the `result` frame, or as
/// the error.
class TeamCommands
{
public:
    using Answer = CommandAnswer;

    explicit TeamCommands(ChatServices *chat);

    [[nodiscard]] static bool handles(const QString &type);
    /// @p caller is the agent and session the command comes from; @p client its connection.
    void handle(const AgentAuthentication &caller, const ClientContext &client, const WireMessage &message, const Answer &answer);

private:
    /// What every command is given: who asks, from where, what, and where the answer goes.
    struct Call {
        const AgentAuthentication &caller;
        const ClientContext &client;
        const WireMessage &message;
        const Answer &answer;
    };
    struct Command {
        void (TeamCommands::*run)(const Call &call);
        QString adminAction; ///< what only an admin may do, for the refusal; empty: any agent
    };
    static const QHash<QString, Command> &commands();

    void listAgents(const Call &call);
    void createAgent(const Call &call);
    void deleteAgent(const Call &call);
    void setAgentPassword(const Call &call);
    void setAgentDisabled(const Call &call);
    void changePassword(const Call &call);
    void listCanned(const Call &call);
    void saveCanned(const Call &call);
    void deleteCanned(const Call &call);
    void search(const Call &call);

    ChatServices *m_chat;
};

} // namespace Frontdesk
