#include "visitorpollingcontroller.h"

#include "api/cors.h"
#include "api/pollingvisitor.h"
#include "auth/tokens.h"
#include "chat/chatservices.h"
#include "protocol/visitorchannel.h"
#include "protocol/wirecodec.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

constexpr qsizetype helloBodyLimit = 8 * 1024;
constexpr qsizetype sendBodyLimit = 32 * 1024;
constexpr qsizetype pollBodyLimit = 1024;

HttpResponse frameResponse(const HttpRequest &request, const QJsonObject &frame)
{
    int status = 200;
    if (frame.value(u"type"_s).toString() == u"error") {
        // The code's own status, so HTTP clients can branch on it too.
        const auto code = errorCodeFromName(frame.value(u"code"_s).toString());
        status = code ? httpStatus(*code) : 400;
    }
    HttpResponse response = HttpResponse::json(status, frame);
    response.setHeader("Cache-Control", "no-store");
    return Cors::allow(request, response);
}

HttpResponse errorResponse(const HttpRequest &request, const ProtocolError &error)
{
    return frameResponse(request, WireCodec::errorFrame(error));
}

} // namespace

VisitorPollingController::VisitorPollingController(ChatServices *chat, const RealtimeLimits &limits, QObject *parent)
    : QObject(parent), m_chat(chat), m_limits(limits)
{ }

void VisitorPollingController::registerRoutes(HttpRouter &router)
{
    using Action = void (VisitorPollingController::*)(const HttpRequest &, const HttpResponder &, const SiteRecord &);
    const struct {
        const char *name;
        Action action;
        qsizetype bodyLimit;
    } endpoints[] = {
        {"hello", &VisitorPollingController::hello, helloBodyLimit},
        {"send", &VisitorPollingController::send, sendBodyLimit},
        {"poll", &VisitorPollingController::poll, pollBodyLimit},
    };
    for (const auto &endpoint : endpoints) {
        const QString path = u"/v1/sites/{siteKey}/visitor/"_s + QLatin1String(endpoint.name);
        const Action action = endpoint.action;
        // Every endpoint: the site must exist and the page's origin must be allowed for it.
        router.addRoute(
            "POST", path,
            [this, action](const HttpRequest &request, const HttpResponder &responder) {
                const auto site = m_chat->sites()->byKey(request.pathParameter(u"siteKey"_s));
                if (!site)
                    return responder.respond(errorResponse(request, ProtocolError::make(ErrorCode::UnknownSite)));
                if (Cors::refuseUnlessAllowed(request, *site)) {
                    // No Access-Control-Allow-Origin: the refused page must not read anything.
                    const ProtocolError refused = ProtocolError::make(ErrorCode::OriginNotAllowed);
                    return responder.respond(HttpResponse::json(httpStatus(refused.code), WireCodec::errorFrame(refused)));
                }
                // With CORS headers, so the widget can read why and stop.
                if (m_chat->moderation()->addressBan(request.peerAddress, site->id))
                    return responder.respond(errorResponse(request, Moderation::bannedError()));
                (this->*action)(request, responder, *site);
            },
            endpoint.bodyLimit);
        router.addRoute("OPTIONS", path, [this](const HttpRequest &request, const HttpResponder &responder) {
            const auto site = m_chat->sites()->byKey(request.pathParameter(u"siteKey"_s));
            if (!site)
                return responder.respond(errorResponse(request, ProtocolError::make(ErrorCode::UnknownSite)));
            responder.respond(Cors::preflight(request, *site, "POST, OPTIONS"));
        });
    }
}

PollingVisitor *VisitorPollingController::adopt(const SiteRecord &site, const VisitorRecord &visitor, const QString &token,
                                                const QString &channelId, const HttpRequest &request)
{
    delete m_channels.value(channelId); // a channel id re-used with other credentials starts afresh
    auto *polling
        = new PollingVisitor(m_chat, site, visitor, Tokens::hash(token),
                             ClientContext{request.peerAddress, QString::fromUtf8(request.header("user-agent"))}, m_limits, this);
    m_channels.insert(channelId, polling);
    connect(polling, &PollingVisitor::expired, polling, &QObject::deleteLater);
    connect(polling, &QObject::destroyed, this, [this, channelId, polling] {
        if (m_channels.value(channelId) == polling)
            m_channels.remove(channelId);
    });
    return polling;
}

void VisitorPollingController::hello(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site)
{
    auto decoded = WireCodec::decodeObject(request.body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return responder.respond(errorResponse(request, *error));
    QJsonObject body = std::get<QJsonObject>(decoded);
    body.insert(u"type"_s, u"hello"_s);

    // A throwaway channel parses and answers the hello exactly as on a
    // WebSocket; the visitor then gets its long-lived PollingVisitor.
    auto *channel = new VisitorChannel(
        m_chat, site, ClientContext{request.peerAddress, QString::fromUtf8(request.header("user-agent"))},
        [](const QByteArray &) {}, this);
    QPointer<VisitorPollingController> self(this);
    WireMessage message{u"hello"_s, body, QJsonValue(QJsonValue::Undefined)};
    channel->handle(message, [self, channel, request, responder, site](const QJsonObject &frame) {
        channel->deleteLater();
        if (!self)
            return;
        if (frame.value(u"type"_s).toString() != u"welcome") {
            responder.respond(frameResponse(request, frame));
            return;
        }
        const QString channelId = Tokens::generate(12);
        self->adopt(site, *channel->visitor(), frame.value(u"token"_s).toString(), channelId, request);
        QJsonObject welcome = frame;
        welcome.insert(u"channel"_s, channelId);
        responder.respond(frameResponse(request, welcome));
    });
}

void VisitorPollingController::withVisitor(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site,
                                           const QJsonObject &body, std::function<void(PollingVisitor *)> then)
{
    QString visitorId;
    QString token;
    QString channelId;
    ProtocolError error;
    if (!take(WireCodec::requiredString(body, u"visitorId"_s, 64), &visitorId, &error)
        || !take(WireCodec::requiredString(body, u"token"_s, 128), &token, &error)
        || !take(WireCodec::requiredString(body, u"channel"_s, 64), &channelId, &error))
        return responder.respond(errorResponse(request, error));

    PollingVisitor *known = m_channels.value(channelId);
    // A channel the server ended (banned, erased) has no visitor left; it goes at the next turn of the loop.
    if (known && known->channel()->visitor() && known->channel()->visitor()->id == visitorId
        && known->tokenMatches(Tokens::hash(token))) {
        known->touch();
        return then(known);
    }
    // Unknown here (a restart, an expired channel): the token decides, and
    // the channel id is kept so the client's later requests find it.
    QPointer<VisitorPollingController> self(this);
    m_chat->visitors()->verify(site, visitorId, token,
                               [self, request, responder, site, token, channelId, then](ChatOutcome<VisitorRecord> outcome) {
                                   if (!self)
                                       return;
                                   if (auto *failure = std::get_if<ProtocolError>(&outcome))
                                       return responder.respond(errorResponse(request, *failure));
                                   then(self->adopt(site, std::get<VisitorRecord>(outcome), token, channelId, request));
                               });
}

void VisitorPollingController::send(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site)
{
    auto decoded = WireCodec::decodeObject(request.body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return responder.respond(errorResponse(request, *error));
    const QJsonObject body = std::get<QJsonObject>(decoded);
    if (!body.value(u"frame"_s).isObject())
        return responder.respond(errorResponse(
            request,
            ProtocolError::make(ErrorCode::MissingField, u"The field \"frame\" must hold the visitor message to send."_s)));

    // Decode the inner frame with the same rules as a WebSocket frame.
    const QByteArray frameBytes = WireCodec::encode(body.value(u"frame"_s).toObject());
    auto message = WireCodec::decode(frameBytes);
    if (auto *error = std::get_if<ProtocolError>(&message))
        return responder.respond(errorResponse(request, *error));
    const WireMessage frame = std::get<WireMessage>(message);
    if (frame.type == u"hello")
        return responder.respond(errorResponse(
            request, ProtocolError::make(ErrorCode::InvalidField, u"Say hello through the /visitor/hello endpoint."_s)));

    withVisitor(request, responder, site, body, [request, responder, frame](PollingVisitor *visitor) {
        visitor->channel()->handle(
            frame, [request, responder](const QJsonObject &reply) { responder.respond(frameResponse(request, reply)); });
        // typing, page and read have no answer of their own on a WebSocket;
        // over HTTP the request still needs one.
        static const QStringList unanswered{u"typing"_s, u"page"_s, u"read"_s};
        if (responder.isPending() && unanswered.contains(frame.type))
            responder.respond(frameResponse(request, QJsonObject{{u"type"_s, u"ok"_s}}));
    });
}

void VisitorPollingController::poll(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site)
{
    auto decoded = WireCodec::decodeObject(request.body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return responder.respond(errorResponse(request, *error));
    const QJsonObject body = std::get<QJsonObject>(decoded);
    QString cursor;
    qint64 after = -1;
    ProtocolError error;
    if (!take(WireCodec::optionalString(body, u"cursor"_s, 64), &cursor, &error)
        || !take(WireCodec::optionalId(body, u"after"_s, -1), &after, &error))
        return responder.respond(errorResponse(request, error));
    const QByteArray origin = request.header("origin");
    withVisitor(request, responder, site, body,
                [responder, cursor, after, origin](PollingVisitor *visitor) { visitor->poll(cursor, after, responder, origin); });
}

} // namespace Frontdesk
