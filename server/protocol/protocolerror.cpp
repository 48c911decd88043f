#include "protocolerror.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

ProtocolError ProtocolError::make(ErrorCode code, const QString &message)
{
    return ProtocolError{code, message.isEmpty() ? defaultErrorSentence(code) : message};
}

ProtocolError ProtocolError::rateLimited(qint64 retryAfterMs, const QString &message)
{
    ProtocolError error = make(ErrorCode::RateLimited, message);
    error.retryAfterMs = qMax<qint64>(1, retryAfterMs);
    return error;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadJson:
        return u"bad_json"_s;
    case ErrorCode::InvalidUtf8:
        return u"invalid_utf8"_s;
    case ErrorCode::UnknownType:
        return u"unknown_type"_s;
    case ErrorCode::MissingField:
        return u"missing_field"_s;
    case ErrorCode::InvalidField:
        return u"invalid_field"_s;
    case ErrorCode::TextTooLong:
        return u"text_too_long"_s;
    case ErrorCode::NotAuthenticated:
        return u"not_authenticated"_s;
    case ErrorCode::InvalidToken:
        return u"invalid_token"_s;
    case ErrorCode::InvalidCredentials:
        return u"invalid_credentials"_s;
    case ErrorCode::UnknownSite:
        return u"unknown_site"_s;
    case ErrorCode::OriginNotAllowed:
        return u"origin_not_allowed"_s;
    case ErrorCode::NotFound:
        return u"not_found"_s;
    case ErrorCode::Conflict:
        return u"conflict"_s;
    case ErrorCode::Forbidden:
        return u"forbidden"_s;
    case ErrorCode::RateLimited:
        return u"rate_limited"_s;
    case ErrorCode::StorageFailed:
        return u"storage_failed"_s;
    case ErrorCode::UnsupportedVersion:
        return u"unsupported_version"_s;
    case ErrorCode::IdentityRejected:
        return u"identity_rejected"_s;
    case ErrorCode::StorageBusy:
        return u"storage_busy"_s;
    case ErrorCode::Banned:
        return u"banned"_s;
    case ErrorCode::UnsupportedMediaType:
        return u"unsupported_media_type"_s;
    }
    return u"bad_json"_s;
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (int code = 0; code <= int(ErrorCode::LastCode); ++code) {
        if (errorCodeName(ErrorCode(code)) == name)
            return ErrorCode(code);
    }
    return std::nullopt;
}

QString defaultErrorSentence(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadJson:
        return u"The message is not a JSON object."_s;
    case ErrorCode::InvalidUtf8:
        return u"The message is not valid UTF-8."_s;
    case ErrorCode::UnknownType:
        return u"The message type is not part of this protocol."_s;
    case ErrorCode::MissingField:
        return u"A required field is missing."_s;
    case ErrorCode::InvalidField:
        return u"A field has a value of the wrong kind."_s;
    case ErrorCode::TextTooLong:
        return u"The text is longer than allowed."_s;
    case ErrorCode::NotAuthenticated:
        return u"Say hello (visitor) or auth (agent) first."_s;
    case ErrorCode::InvalidToken:
        return u"The token is unknown or has expired."_s;
    case ErrorCode::InvalidCredentials:
        return u"The email or password is wrong."_s;
    case ErrorCode::UnknownSite:
        return u"No site has this site key."_s;
    case ErrorCode::OriginNotAllowed:
        return u"This website is not allowed to use this site key."_s;
    case ErrorCode::NotFound:
        return u"There is no such conversation."_s;
    case ErrorCode::Conflict:
        return u"The conversation's state does not allow this."_s;
    case ErrorCode::Forbidden:
        return u"Your role does not allow this."_s;
    case ErrorCode::RateLimited:
        return u"Too many requests; wait a moment and try again."_s;
    case ErrorCode::StorageFailed:
        return u"The server could not store this; nothing was saved. Try again."_s;
    case ErrorCode::UnsupportedVersion:
        return u"This server speaks protocol version 1."_s;
    case ErrorCode::IdentityRejected:
        return u"The identity hash does not match this user id; compute it on your server with the site's identity secret."_s;
    case ErrorCode::StorageBusy:
        return u"The server is busy; nothing was stored. Try again in a moment."_s;
    case ErrorCode::Banned:
        return u"This chat is not available to you."_s;
    case ErrorCode::UnsupportedMediaType:
        return u"Send the body as JSON, with Content-Type: application/json."_s;
    }
    return {};
}

int httpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadJson:
    case ErrorCode::InvalidUtf8:
    case ErrorCode::UnknownType:
    case ErrorCode::MissingField:
    case ErrorCode::InvalidField:
    case ErrorCode::UnsupportedVersion:
        return 400;
    case ErrorCode::TextTooLong:
        return 413;
    case ErrorCode::NotAuthenticated:
    case ErrorCode::InvalidToken:
    case ErrorCode::InvalidCredentials:
        return 401;
    case ErrorCode::OriginNotAllowed:
    case ErrorCode::Forbidden:
    case ErrorCode::IdentityRejected:
    case ErrorCode::Banned:
        return 403;
    case ErrorCode::UnsupportedMediaType:
        return 415;
    case ErrorCode::UnknownSite:
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::RateLimited:
        return 429;
    case ErrorCode::StorageFailed:
    case ErrorCode::StorageBusy:
        return 503;
    }
    return 400;
}

} // namespace Frontdesk
