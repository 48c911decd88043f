#pragma once

#include "core/mailonappend.h"
#include "core/records.h"

namespace Frontdesk {

/// @brief Which email a message being stored asks for, decided before the
/// store job from what only the running server knows (who is online, the
/// site's settings), so that the store writes the email's outbox row in the
/// message's own transaction (see MailOnAppend). The Mailer is the one policy;
/// without one (no SMTP server) no message asks for any.
class MailPolicy
{
public:
    virtual ~MailPolicy() = default;
    /// For a visitor's message: TeamIfOpened when no agent is online and the
    /// visitor's site has a team address (the store adds it only if the
    /// message opens a conversation).
    [[nodiscard]] virtual MailOnAppend forVisitorMessage(const VisitorRecord &visitor) const = 0;
    /// For an agent's reply in @p conversationId: VisitorReply when none of the
    /// visitor's connections is open (whether the site mails replies and the
    /// visitor gave an email is read when it is composed).
    [[nodiscard]] virtual MailOnAppend forAgentReply(qint64 conversationId) const = 0;
};

} // namespace Frontdesk
