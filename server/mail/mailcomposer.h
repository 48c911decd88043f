#pragma once

#include "core/records.h"
#include "mailmessage.h"

#include <QDateTime>

namespace Frontdesk {

/// @brief The words of each email Frontdesk sends, from a conversation's
/// MailContext: pure functions, so the tests read exactly what goes out.
///
/// Every value a visitor typed goes into the body (plain text, base64, so it
/// cannot become a header) and into the subject and Reply-To only through
/// MailMessage and MailAddress, which strip and encode it. Each email is in
/// its reader's language (MailLanguage); the transcript is a line per message
/// with its time (UTC) and author.
namespace MailComposer {

/// Why the team is told of a conversation.
enum class TeamReason { Offline, Unanswered };

/// The link that opens the conversation in the console.
[[nodiscard]] QString consoleLink(qint64 conversationId);

/// To the site's team: the visitor's details, the transcript and the link;
/// Reply-To the visitor when they gave a valid email.
[[nodiscard]] MailMessage teamNotice(const MailContext &context, TeamReason reason, int minutes, const MailAddress &from,
                                     const MailAddress &to);
/// To a visitor who left: the agent's reply, the transcript, how to come back.
[[nodiscard]] MailMessage replyToVisitor(const MailContext &context, const MessageRecord &reply, const MailAddress &from,
                                         const MailAddress &to);
/// To a visitor who asked for it: the transcript of their closed chat.
[[nodiscard]] MailMessage transcript(const MailContext &context, const MailAddress &from, const MailAddress &to);

} // namespace MailComposer

} // namespace Frontdesk
