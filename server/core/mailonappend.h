#pragma once

namespace Frontdesk {

/// @brief The email a message being stored asks for. The outbox row is written
/// in the message's own transaction, as "pending": a kill -9 right after the
/// commit cannot lose it. The Mailer composes it from the stored conversation
/// afterwards (or drops it when there is nothing to say after all).
enum class MailOnAppend {
    None,
    TeamIfOpened, ///< the message opened a conversation while no agent was online: key "team:CONVERSATION"
    VisitorReply, ///< an agent's reply to a visitor who is not connected: key "reply:MESSAGE"
};

} // namespace Frontdesk
