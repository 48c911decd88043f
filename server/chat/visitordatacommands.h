#pragma once

#include "chat/chatservice.h"
#include "protocol/wirecodec.h"

namespace Frontdesk {

/// @brief The admins' commands about visitors' data and about who may chat:
/// export_visitor, erase_visitor, ban, unban, list_bans and list_audit.
///
/// Every one is for admins only and writes (or reads) the audit log. Kept
/// apart from TeamCommands: these are about visitors and the law, not about
/// the team. Answers go to @p answer as the `result` frame's fields, or as the error.
class VisitorDataCommands
{
public:
    using Answer = std::function<void(ChatOutcome<QJsonObject>)>;

    explicit VisitorDataCommands(ChatService *chat);

    [[nodiscard]] static bool handles(const QString &type);
    void handle(const AgentRecord &agent, const WireMessage &message, const Answer &answer);

    [[nodiscard]] static QJsonObject toJson(const BanRecord &ban, qint64 now);
    [[nodiscard]] static QJsonObject toJson(const AuditEntry &entry);

private:
    void exportVisitor(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void eraseVisitor(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void ban(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void unban(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void listBans(const Answer &answer);
    void listAudit(const WireMessage &message, const Answer &answer);

    ChatService *m_chat;
};

} // namespace Frontdesk
