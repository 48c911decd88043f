#include "agentauthcontroller.h"

#include "auth/tokens.h"
#include "chat/chatservice.h"
#include "protocol/wirecodec.h"
#include "store/continuewith.h"
#include "store/store.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace Frontdesk {

namespace {
HttpResponse errorResponse(const ProtocolError &error)
{
    return HttpResponse::error(httpStatus(error.code), errorCodeName(error.code), error.message);
}
constexpr qsizetype loginBodyLimit = 4 * 1024;
} // namespace

AgentAuthController::AgentAuthController(ChatService *chat) : m_chat(chat) { }

void AgentAuthController::registerRoutes(HttpRouter &router)
{
    router.addRoute(
        "POST", u"/v1/agent/login"_s,
        [this](const HttpRequest &request, const HttpResponder &responder) { login(request, responder); }, loginBodyLimit);
    router.addRoute(
        "POST", u"/v1/agent/logout"_s,
        [this](const HttpRequest &request, const HttpResponder &responder) { logout(request, responder); }, loginBodyLimit);
}

void AgentAuthController::login(const HttpRequest &request, const HttpResponder &responder)
{
    const QHostAddress peer = request.peerAddress;
    if (m_throttle.isBanned(peer)) {
        qCInfo(lcApi) << "login from" << peer << "refused: too many failed attempts";
        const qint64 seconds = m_throttle.secondsUntilUnbanned(peer);
        HttpResponse response = errorResponse(ProtocolError::make(
            ErrorCode::RateLimited,
            u"Too many failed logins from your address; try again in %1 minutes."_s.arg(qMax<qint64>(1, (seconds + 59) / 60))));
        response.setHeader("Retry-After", QByteArray::number(seconds));
        responder.respond(response);
        return;
    }
    auto decoded = WireCodec::decodeObject(request.body);
    if (auto *error = std::get_if<ProtocolError>(&decoded)) {
        responder.respond(errorResponse(*error));
        return;
    }
    const QJsonObject body = std::get<QJsonObject>(decoded);
    QString email;
    QString password;
    ProtocolError error;
    if (!take(WireCodec::requiredString(body, u"email"_s, 254), &email, &error)
        || !take(WireCodec::requiredString(body, u"password"_s, 1024, true), &password, &error)) {
        responder.respond(errorResponse(error));
        return;
    }
    m_chat->loginAgent(email, password, [this, responder, peer](ChatOutcome<AgentLogin> outcome) {
        if (auto *failure = std::get_if<ProtocolError>(&outcome)) {
            if (failure->code == ErrorCode::InvalidCredentials)
                m_throttle.recordFailure(peer);
            responder.respond(errorResponse(*failure));
            return;
        }
        m_throttle.recordSuccess(peer);
        const AgentLogin &login = std::get<AgentLogin>(outcome);
        HttpResponse response = HttpResponse::json(200,
                                                   QJsonObject{{u"token"_s, login.token},
                                                               {u"expiresAt"_s, double(login.expiresAt)},
                                                               {u"agent"_s, WireCodec::toJson(login.agent)}});
        response.setHeader("Cache-Control", "no-store");
        responder.respond(response);
    });
}

void AgentAuthController::logout(const HttpRequest &request, const HttpResponder &responder)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ")) {
        responder.respond(
            errorResponse(ProtocolError::make(ErrorCode::NotAuthenticated, u"Send Authorization: Bearer <token>."_s)));
        return;
    }
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    continueWith(m_chat->store()->deleteAgentToken(Tokens::hash(token)), m_chat, [responder](const StoreResult<Done> &result) {
        if (!result.ok() && result.error != StoreError::NotFound) {
            responder.respond(errorResponse(ChatService::storeError(result.error, result.message)));
            return;
        }
        responder.respond(HttpResponse::noContent());
    });
}

} // namespace Frontdesk
