#pragma once

#include "chat/chatoutcome.h"
#include "core/records.h"
#include "protocol/commandanswer.h"
#include "protocol/wirecodec.h"

#include <QJsonObject>

namespace Frontdesk {

class ChatServices;

/// @brief The admins' commands about visitors' data and about who may chat:
/// export_visitor, erase_visitor, ban, unban, list_bans and list_audit.
///
/// Every one is for admins only and writes (or reads) the audit log
/// (Moderation). Kept apart from TeamCommands: these are about visitors and
/// the law, not about the team. Answers go to @p answer as the `result`
/// frame's fields, or as the error.
class VisitorDataCommands
{
public:
    using Answer = CommandAnswer;

    explicit VisitorDataCommands(ChatServices *chat);

    [[nodiscard]] static bool handles(const QString &type);
    void handle(const AgentRecord &agent, const WireMessage &message, const Answer &answer);

private:
    struct Command {
        void (VisitorDataCommands::*run)(const AgentRecord &admin, const WireMessage &message, const Answer &answer);
        QString action; ///< what only an admin may do, for the refusal
    };
    static const QHash<QString, Command> &commands();

    void exportVisitor(const AgentRecord &admin, const WireMessage &message, const Answer &answer);
    void eraseVisitor(const AgentRecord &admin, const WireMessage &message, const Answer &answer);
    void ban(const AgentRecord &admin, const WireMessage &message, const Answer &answer);
    void unban(const AgentRecord &admin, const WireMessage &message, const Answer &answer);
    void listBans(const AgentRecord &admin, const WireMessage &message, const Answer &answer);
    void listAudit(const AgentRecord &admin, const WireMessage &message, const Answer &answer);

    ChatServices *m_chat;
};

} // namespace Frontdesk
