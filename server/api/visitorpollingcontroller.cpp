#include "visitorpollingcontroller.h"

#include "api/cors.h"
#include "api/pollingvisitor.h"
#include "auth/tokens.h"
#include "chat/chatservices.h"
#include "protocol/httpapicodec.h"
#include "protocol/visitorchannel.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

constexpr qsizetype helloBodyLimit = 8 * 1024;
constexpr qsizetype sendBodyLimit = 32 * 1024;
constexpr qsizetype pollBodyLimit = 1024;

// Every answer is the visitor's own: never cached, readable by its page.
HttpResponse answer(const HttpRequest &request, HttpResponse response)
{
    return Cors::allow(request, response.noStore());
}

HttpResponse errorResponse(const HttpRequest &request, const ProtocolError &error)
{
    return answer(request, HttpResponse::error(error));
}

// A channel's answer: the frame it encoded, or its refusal as an HTTP error
// (the request is its own correlation: no `ref`).
HttpResponse channelResponse(const HttpRequest &request, const VisitorChannel::Answer &reply)
{
    if (const auto *refusal = std::get_if<VisitorChannel::Refusal>(&reply))
        return errorResponse(request, refusal->error);
    return answer(request, HttpResponse::encodedJson(200, std::get<QByteArray>(reply)));
}

ClientContext clientOf(const HttpRequest &request)
{
    return ClientContext{request.peerAddress, QString::fromUtf8(request.header("user-agent"))};
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
                // No Access-Control-Allow-Origin: the refused page must not read anything.
                if (auto refused = Cors::refuseUnlessAllowed(request, *m_chat->sites(), *site))
                    return responder.respond(*refused);
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
            responder.respond(Cors::preflight(request, *m_chat->sites(), *site, "POST, OPTIONS"));
        });
    }
}

PollingVisitor *VisitorPollingController::adopt(const SiteRecord &site, const VisitorRecord &visitor, const QString &token,
                                                const QString &channelId, const HttpRequest &request)
{
    delete m_channels.value(channelId); // a channel id re-used with other credentials starts afresh
    auto *polling = new PollingVisitor(m_chat, site, visitor, Tokens::hash(token), clientOf(request), m_limits, this);
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
    auto decoded = HttpApiCodec::decodePollingHello(request.body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return responder.respond(errorResponse(request, *error));

    // A throwaway channel parses and answers the hello exactly as on a
    // WebSocket; the visitor then gets its long-lived PollingVisitor.
    auto *channel = new VisitorChannel(
        m_chat, site, clientOf(request), [](const QByteArray &) {}, this);
    const QString channelId = Tokens::generate(12);
    channel->setPollingChannel(channelId);
    QPointer<VisitorPollingController> self(this);
    channel->handle(std::get<WireMessage>(decoded),
                    [self, channel, channelId, request, responder, site](const VisitorChannel::Answer &reply) {
                        channel->deleteLater();
                        if (!self)
                            return;
                        if (std::holds_alternative<QByteArray>(reply) && channel->visitor())
                            self->adopt(site, *channel->visitor(), channel->welcomeToken(), channelId, request);
                        responder.respond(channelResponse(request, reply));
                    });
}

void VisitorPollingController::withVisitor(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site,
                                           const HttpApiCodec::PollingCredentials &credentials,
                                           std::function<void(PollingVisitor *)> then)
{
    const QString &visitorId = credentials.visitorId;
    const QString &token = credentials.token;
    const QString &channelId = credentials.channel;
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
    auto decoded = HttpApiCodec::decodePollingSend(request.body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return responder.respond(errorResponse(request, *error));
    // Plain copies, not structured bindings: clang 14 (the fuzz build) cannot capture those.
    const HttpApiCodec::PollingSend sent = std::get<HttpApiCodec::PollingSend>(decoded);
    const WireMessage frame = sent.frame;
    withVisitor(request, responder, site, sent.credentials, [request, responder, frame](PollingVisitor *visitor) {
        visitor->channel()->handle(frame, [request, responder](const VisitorChannel::Answer &reply) {
            responder.respond(channelResponse(request, reply));
        });
        // typing, page and read have no answer of their own on a WebSocket;
        // over HTTP the request still needs one.
        static const QStringList unanswered{u"typing"_s, u"page"_s, u"read"_s};
        if (responder.isPending() && unanswered.contains(frame.type))
            responder.respond(answer(request, HttpResponse::encodedJson(200, HttpApiCodec::pollingOkBody())));
    });
}

void VisitorPollingController::poll(const HttpRequest &request, const HttpResponder &responder, const SiteRecord &site)
{
    auto decoded = HttpApiCodec::decodePollingPoll(request.body);
    if (auto *error = std::get_if<ProtocolError>(&decoded))
        return responder.respond(errorResponse(request, *error));
    const HttpApiCodec::PollingPoll polled = std::get<HttpApiCodec::PollingPoll>(decoded);
    const QString cursor = polled.cursor;
    const qint64 after = polled.after;
    const QByteArray origin = request.header("origin");
    withVisitor(request, responder, site, polled.credentials,
                [responder, cursor, after, origin](PollingVisitor *visitor) { visitor->poll(cursor, after, responder, origin); });
}

} // namespace Frontdesk
