#pragma once

#include "core/records.h"
#include "core/webhookrecords.h"
#include "protocolerror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <optional>
#include <variant>

namespace Frontdesk {

/// @brief The size limits of protocol v1's fields (docs/protocol.md, "Limits").
namespace WireLimits {
constexpr int maxMessageChars = 4000;
constexpr int maxClientIdChars = 64;
constexpr int maxUrlChars = 2048;
constexpr int maxTitleChars = 300;
constexpr int maxNameChars = 200;
constexpr int maxEmailChars = 254;
constexpr int maxUserIdChars = 128;
constexpr int maxAttributes = 50; ///< custom attributes per visitor
constexpr int maxAttributeKeyChars = 64;
constexpr int maxAttributeValueChars = 500;
constexpr int maxRatingCommentChars = 1000;
constexpr int maxHistoryPage = 200;
/// WebSocket close code of an agent connection whose session ended (logout,
/// password change or reset, agent disabled or deleted); the reason says which.
constexpr int sessionEndedCloseCode = 4001;
} // namespace WireLimits

/// @brief One decoded client message: its type, the whole object, and the
/// optional request id that answers echo back as "ref".
struct WireMessage {
    QString type;
    QJsonObject object;
    QJsonValue requestId;
};

/// @brief Turns bytes from the wire into messages and protocol values into
/// JSON, and reads fields with the checks every message needs.
///
/// Pure functions: no state, no I/O, so the codec is tested on its own.
class WireCodec
{
public:
    /// Strict UTF-8 check, JSON parse, object with a string "type".
    [[nodiscard]] static std::variant<WireMessage, ProtocolError> decode(QByteArrayView bytes);
    /// Strict UTF-8 check and JSON parse of a body that must be an object (HTTP API).
    [[nodiscard]] static std::variant<QJsonObject, ProtocolError> decodeObject(QByteArrayView bytes);
    [[nodiscard]] static QByteArray encode(const QJsonObject &object);
    [[nodiscard]] static bool isValidUtf8(QByteArrayView bytes);
    /// Something@something without spaces: enough to catch typos, not a full RFC 5322 check.
    [[nodiscard]] static bool isPlausibleEmail(const QString &email);
    /// A client-supplied string made safe for one log line: control characters
    /// (newlines forge log lines) become '?', and it is cut to @p maxChars.
    [[nodiscard]] static QString loggable(const QString &text, qsizetype maxChars = 64);

    /// A required string no longer than @p maxChars; with @p allowEmpty false an empty string is invalid.
    [[nodiscard]] static std::variant<QString, ProtocolError> requiredString(const QJsonObject &object, const QString &field,
                                                                             int maxChars, bool allowEmpty = false);
    /// An optional string: absent or null gives an empty string.
    [[nodiscard]] static std::variant<QString, ProtocolError> optionalString(const QJsonObject &object, const QString &field,
                                                                             int maxChars);
    /// A required whole number >= @p minimum.
    [[nodiscard]] static std::variant<qint64, ProtocolError> requiredId(const QJsonObject &object, const QString &field,
                                                                        qint64 minimum = 1);
    /// An optional whole number >= 0; absent or null gives @p fallback.
    [[nodiscard]] static std::variant<qint64, ProtocolError> optionalId(const QJsonObject &object, const QString &field,
                                                                        qint64 fallback = 0);
    [[nodiscard]] static std::variant<bool, ProtocolError> requiredBool(const QJsonObject &object, const QString &field);

    [[nodiscard]] static QJsonObject errorFrame(const ProtocolError &error, const QJsonValue &ref = {});
    /// Echoes the request id of the frame being answered as "ref" (when it had one, even null).
    static void addRef(QJsonObject &answer, const QJsonValue &requestId);
    /// The `ack` of a stored message: its id, conversation and time, and whether it was a resend.
    [[nodiscard]] static QJsonObject ackFrame(const AppendResult &appended, const QString &clientId);
    [[nodiscard]] static QJsonObject toJson(const MessageRecord &message);
    [[nodiscard]] static QJsonObject toJson(const ConversationRecord &conversation);
    [[nodiscard]] static QJsonObject toJson(const ConversationSummary &summary, bool visitorOnline);
    [[nodiscard]] static QJsonObject toJson(const VisitorRecord &visitor, bool online);
    [[nodiscard]] static QJsonObject toJson(const AgentRecord &agent);
    [[nodiscard]] static QJsonObject toJson(const LoginSession &session);
    [[nodiscard]] static QJsonObject toJson(const PageView &view);
    /// The site as agents see it; the identity secret only for admins.
    [[nodiscard]] static QJsonObject toJson(const SiteRecord &site, bool withSecret);
    /// An agent with its status ("online", "away", "offline").
    [[nodiscard]] static QJsonObject toJson(const TeamMember &member);
    /// The outbox's status as consoles see it (snapshot "mail", event mail_status).
    [[nodiscard]] static QJsonObject toJson(const MailStatus &status);
    /// For admins only: it carries the signing secret.
    [[nodiscard]] static QJsonObject toJson(const WebhookRecord &webhook);
    /// The log's line of one delivery (its body is not sent: the console has the event).
    [[nodiscard]] static QJsonObject toJson(const WebhookDelivery &delivery);
    [[nodiscard]] static QJsonObject toJson(const CannedResponse &response);
    /// A ban, and whether it is in force at @p now.
    [[nodiscard]] static QJsonObject toJson(const BanRecord &ban, qint64 now);
    [[nodiscard]] static QJsonObject toJson(const AuditEntry &entry);
    /// What a visitor may see of the conversation (no agent ids or emails).
    [[nodiscard]] static QJsonObject toVisitorJson(const ConversationRecord &conversation);
    /// What a visitor may see of a message (no agent id; client ids only of its own messages).
    [[nodiscard]] static QJsonObject toVisitorJson(const MessageRecord &message);
};

/// Unpacks a codec result: `if (!take(result, &value, &error)) ...`.
template<typename T> [[nodiscard]] bool take(std::variant<T, ProtocolError> &&result, T *value, ProtocolError *error)
{
    if (auto *failure = std::get_if<ProtocolError>(&result)) {
        *error = std::move(*failure);
        return false;
    }
    *value = std::move(std::get<T>(result));
    return true;
}

} // namespace Frontdesk
