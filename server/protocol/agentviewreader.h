#pragma once

#include "core/records.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>

namespace Frontdesk {

/// @brief A visitor as agents see one: the record, and whether a browser of theirs is connected now.
struct VisitorView {
    VisitorRecord visitor;
    bool online = false;
};

/// @brief A conversation as agents see it. From a summary (the snapshot,
/// `conversation_created`, `search`) it has the visitor and the last message;
/// from `conversation_updated` only the conversation: then visitor.visitor.id
/// is empty and lastMessage.id is 0, and what the console knew stays.
struct ConversationView {
    ConversationRecord conversation;
    VisitorView visitor;
    MessageRecord lastMessage; ///< id 0: none (or not in this frame)
};

/// @brief The `visitor` command's answer: the visitor, their pages (newest first) and conversations.
struct VisitorDetails {
    VisitorView visitor;
    QList<PageView> pages;
    QList<ConversationRecord> conversations;
};

/// @brief One of the agent's sessions (`list_sessions`), and whether it is this connection's.
struct SessionView {
    LoginSession session;
    bool current = false;
};

/// @brief What the `snapshot` frame says after every (re)connect. The lists an
/// older server does not send are std::nullopt, so the console asks for them.
struct AgentSnapshotView {
    AgentRecord agent;
    int agentsOnline = 0;
    QList<ConversationView> conversations;
    std::optional<QList<SiteRecord>> sites; ///< "sites", else the one "site" of an older server
    std::optional<QList<TeamMember>> team;
    QUrl publicUrl; ///< the server's --public-url; empty when it has none
    MailStatus mail; ///< the outbox's status; disabled when an older server does not say
};

/**
 * @brief Reads the agent view of protocol v1 (docs/protocol.md §5) back into
 * the domain's records: the inverse of WireCodec::toJson, for the console.
 *
 * It sits next to the codec so both sides of a shape change together (the
 * round trip is tested). A field that is missing or of the wrong type reads
 * as its record's default, never as an error: the console shows what it can
 * of a newer or older server and never trusts a frame to be well formed.
 */
class AgentViewReader
{
public:
    /// An id or a time: a JSON number (a double holds whole numbers exactly up
    /// to 2^53); null, a string or anything else reads as 0. Every reader of
    /// the agent view (the console's too) reads fields with these two.
    [[nodiscard]] static qint64 number(const QJsonObject &object, QLatin1StringView field);
    /// A string field; anything else reads as empty.
    [[nodiscard]] static QString text(const QJsonObject &object, QLatin1StringView field);

    [[nodiscard]] static MessageRecord message(const QJsonObject &object);
    [[nodiscard]] static ConversationRecord conversation(const QJsonObject &object);
    /// A conversation with what a summary adds (the visitor, the last message) when the frame has it.
    [[nodiscard]] static ConversationView conversationView(const QJsonObject &object);
    [[nodiscard]] static VisitorView visitor(const QJsonObject &object);
    [[nodiscard]] static PageView page(const QJsonObject &object);
    [[nodiscard]] static AgentRecord agent(const QJsonObject &object);
    [[nodiscard]] static TeamMember teamMember(const QJsonObject &object);
    /// The identity secret only when the frame carries one (admins).
    [[nodiscard]] static SiteRecord site(const QJsonObject &object);
    [[nodiscard]] static CannedResponse cannedResponse(const QJsonObject &object);
    [[nodiscard]] static SessionView session(const QJsonObject &object);
    [[nodiscard]] static VisitorDetails visitorDetails(const QJsonObject &answer);
    [[nodiscard]] static AgentSnapshotView snapshot(const QJsonObject &frame);
    /// The snapshot's "mail" and mail_status's "mail".
    [[nodiscard]] static MailStatus mailStatus(const QJsonObject &object);
    /// "online", "away"; anything else is offline.
    [[nodiscard]] static AgentStatus agentStatus(const QString &text);

    /// Every element of @p array that is an object, read with @p read (the others are skipped).
    template<typename Read> [[nodiscard]] static auto list(const QJsonArray &array, Read read)
    {
        QList<decltype(read(QJsonObject()))> result;
        result.reserve(array.size());
        for (const QJsonValue &value : array) {
            if (value.isObject())
                result.append(read(value.toObject()));
        }
        return result;
    }
};

} // namespace Frontdesk
