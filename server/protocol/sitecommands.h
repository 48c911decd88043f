#pragma once

#include "chat/chatoutcome.h"
#include "protocol/commandanswer.h"
#include "protocol/wirecodec.h"

#include <QJsonObject>
#include <variant>

namespace Frontdesk {

class ChatServices;
class SiteDirectory;

/// @brief The agent protocol's commands about sites: `get_site` (any agent),
/// and for admins `list_sites`, `create_site`, `update_site` (rename and
/// settings) and `delete_site` (with the site key typed back).
///
/// Reads each command's fields, calls SiteService with typed values and
/// renders its answer, like TeamCommands. Which site a command means is
/// siteOf()'s rule, shared with every other site-scoped command.
class SiteCommands
{
public:
    using Answer = CommandAnswer;

    explicit SiteCommands(ChatServices *chat);

    [[nodiscard]] static bool handles(const QString &type);
    void handle(const AgentRecord &agent, const WireMessage &message, const Answer &answer);

    /// The site @p command names in "siteId". Absent (or null) means the only
    /// site of a server that has one, so a console from before several sites
    /// keeps working; with several it is missing_field, never a guess. An id
    /// that names no site is not_found.
    [[nodiscard]] static std::variant<SiteRecord, ProtocolError> siteOf(const SiteDirectory &sites, const QJsonObject &command);

private:
    struct Command {
        void (SiteCommands::*run)(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
        QString adminAction; ///< what only an admin may do, for the refusal; empty: any agent
    };
    static const QHash<QString, Command> &commands();

    void listSites(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void createSite(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void getSite(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void updateSite(const AgentRecord &agent, const WireMessage &message, const Answer &answer);
    void deleteSite(const AgentRecord &agent, const WireMessage &message, const Answer &answer);

    ChatServices *m_chat;
};

} // namespace Frontdesk
