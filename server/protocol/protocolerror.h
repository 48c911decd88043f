#pragma once

#include <QString>
#include <optional>

namespace Frontdesk {

/// @brief Every way a client's input can be refused, on every transport.
///
/// Each code has a stable wire name (docs/protocol.md lists them) and a
/// default sentence; a specific ProtocolError may carry a more precise one.
enum class ErrorCode {
    BadJson, ///< not a JSON object
    InvalidUtf8, ///< bytes that are not UTF-8
    UnknownType, ///< "type" names no message of this protocol
    MissingField, ///< a required field is absent
    InvalidField, ///< a field has the wrong type or an impossible value
    TextTooLong, ///< a text field is over its limit
    NotAuthenticated, ///< hello/auth must come first
    InvalidToken, ///< visitor or agent token unknown, expired or not matching
    InvalidCredentials, ///< wrong email or password
    UnknownSite, ///< no site with that key
    OriginNotAllowed, ///< the page's origin is not configured for the site
    NotFound, ///< the conversation (or other object) does not exist
    Conflict, ///< the object's state forbids it (closed, taken by another agent)
    Forbidden, ///< the agent's role does not allow it
    RateLimited, ///< too many requests; retry later
    StorageFailed, ///< the database did not take it; nothing was stored, retry
    UnsupportedVersion, ///< a protocol version this server does not speak
    IdentityRejected, ///< identify's hash is not the site's HMAC of the user id
    StorageBusy, ///< too many calls are waiting for the database; nothing was stored, retry shortly
    Banned, ///< the visitor or the address is banned by an admin
    UnsupportedMediaType, ///< an HTTP body that is not application/json
    LastCode = UnsupportedMediaType,
};

/// @brief An error to send to a client: a code and a sentence a person can read.
struct ProtocolError {
    ErrorCode code = ErrorCode::BadJson;
    QString message;
    qint64 retryAfterMs = 0; ///< rate_limited: when trying again can succeed (0: not said)

    [[nodiscard]] static ProtocolError make(ErrorCode code, const QString &message = {});
    /// rate_limited, with when to try again.
    [[nodiscard]] static ProtocolError rateLimited(qint64 retryAfterMs, const QString &message = {});
};

[[nodiscard]] QString errorCodeName(ErrorCode code);
/// The code with that wire name, if there is one.
[[nodiscard]] std::optional<ErrorCode> errorCodeFromName(const QString &name);
[[nodiscard]] QString defaultErrorSentence(ErrorCode code);
/// The HTTP status the HTTP API answers this error with.
[[nodiscard]] int httpStatus(ErrorCode code);

} // namespace Frontdesk
