#include "agentauthcontroller.h"

#include "chat/agentauthservice.h"
#include "protocol/httpapicodec.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace Frontdesk {

namespace {
// A body any page could send without a CORS preflight (text/plain, a form)
// must not reach the password check: only JSON, which needs a preflight this
// endpoint never grants, so a visitor's browser cannot be made to guess.
bool isJson(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    return type == "application/json";
}

constexpr qsizetype loginBodyLimit = 4 * 1024;
} // namespace

AgentAuthController::AgentAuthController(AgentAuthService *auth) : m_auth(auth) { }

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
    if (!isJson(request)) {
        responder.respond(HttpResponse::error(ProtocolError::make(ErrorCode::UnsupportedMediaType)));
        return;
    }
    auto decoded = HttpApiCodec::decodeLogin(request.body);
    if (auto *error = std::get_if<ProtocolError>(&decoded)) {
        responder.respond(HttpResponse::error(*error));
        return;
    }
    const auto &[email, password] = std::get<HttpApiCodec::LoginRequest>(decoded);
    const ClientContext client{request.peerAddress, QString::fromUtf8(request.header("user-agent"))};
    m_auth->login(email, password, client, [responder](ChatOutcome<AgentLogin> outcome) {
        if (auto *failure = std::get_if<ProtocolError>(&outcome)) {
            responder.respond(HttpResponse::error(*failure));
            return;
        }
        const AgentLogin &login = std::get<AgentLogin>(outcome);
        HttpResponse response = HttpResponse::encodedJson(200, HttpApiCodec::loginBody(login.token, login.session, login.agent));
        responder.respond(response.noStore());
    });
}

void AgentAuthController::logout(const HttpRequest &request, const HttpResponder &responder)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ")) {
        responder.respond(
            HttpResponse::error(ProtocolError::make(ErrorCode::NotAuthenticated, u"Send Authorization: Bearer <token>."_s)));
        return;
    }
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    // Ends the session and closes its open sockets, not only the token.
    m_auth->logout(token, [responder](ChatOutcome<LoginSession> outcome) {
        auto *failure = std::get_if<ProtocolError>(&outcome);
        if (failure && failure->code != ErrorCode::NotFound) {
            responder.respond(HttpResponse::error(*failure));
            return;
        }
        responder.respond(HttpResponse::noContent());
    });
}

} // namespace Frontdesk
