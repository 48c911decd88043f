#include "websockethub.h"

#include "chat/chatservices.h"
#include "protocol/protocolerror.h"
#include "realtime/agentsession.h"
#include "realtime/visitorsession.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRealtime, "frontdesk.realtime")

namespace Frontdesk {

namespace {
const QString visitorPath = u"/v1/visitor"_s;
const QString agentPath = u"/v1/agent"_s;

HttpResponse refuse(ErrorCode code, const QString &sentence = {})
{
    return HttpResponse::error(ProtocolError::make(code, sentence));
}
} // namespace

WebSocketHub::WebSocketHub(ChatServices *chat, const RealtimeLimits &limits, QObject *parent)
    : QObject(parent)
    , m_chat(chat)
    , m_limits(limits)
    , m_server(new QWebSocketServer(u"Frontdesk"_s, QWebSocketServer::NonSecureMode, this))
{
    // TLS, when on, is already terminated by the listener's QSslServer: the
    // hub only ever sees the plain handshake.
    m_server->setHandshakeTimeout(m_limits.handshakeTimeoutMs);
    connect(m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server->nextPendingConnection())
            startSession(socket);
    });
}

void WebSocketHub::attachTo(HttpListener *listener)
{
    m_proxyTrust = listener->proxyTrust();
    listener->setUpgradeHandler([this](const HttpRequest &request) { return checkUpgrade(request); },
                                [this](QTcpSocket *socket) { m_server->handleConnection(socket); });
}

std::optional<HttpResponse> WebSocketHub::checkUpgrade(const HttpRequest &request) const
{
    // The listener only asks about `Upgrade: websocket` requests; others never reach the hub.

    const QString origin = QString::fromUtf8(request.header("origin"));
    if (request.path == visitorPath) {
        const QString siteKey = request.query.queryItemValue(u"site"_s);
        const auto site = m_chat->sites()->byKey(siteKey);
        if (!site) {
            qCInfo(lcRealtime) << "refused visitor socket from" << request.peerAddress << ": unknown site key" << siteKey;
            return refuse(ErrorCode::UnknownSite);
        }
        if (!m_chat->sites()->allowsOrigin(*site, origin)) {
            qCInfo(lcRealtime) << "refused visitor socket from" << request.peerAddress << ": origin" << origin
                               << "is not allowed for site" << siteKey;
            return refuse(ErrorCode::OriginNotAllowed);
        }
        if (const auto ban = m_chat->moderation()->addressBan(request.peerAddress, site->id)) {
            qCInfo(lcRealtime) << "refused visitor socket from" << request.peerAddress << ": banned by ban" << ban->id;
            return refuse(ErrorCode::Banned);
        }
        return std::nullopt;
    }
    if (request.path == agentPath) {
        if (!origin.isEmpty()) {
            qCInfo(lcRealtime) << "refused agent socket from" << request.peerAddress << ": a browser origin" << origin;
            return refuse(ErrorCode::OriginNotAllowed, u"The agent endpoint does not accept connections from web pages."_s);
        }
        return std::nullopt;
    }
    return HttpResponse::error(404, u"not_found"_s, u"There is no WebSocket endpoint at %1."_s.arg(request.path));
}

void WebSocketHub::startSession(QWebSocket *socket)
{
    socket->setMaxAllowedIncomingFrameSize(m_limits.maxFrameBytes);
    socket->setMaxAllowedIncomingMessageSize(m_limits.maxMessageBytes);
    socket->setOutgoingFrameSize(m_limits.maxFrameBytes);

    const QUrl url = socket->requestUrl();
    QObject *session = nullptr;
    if (url.path() == visitorPath) {
        // Checked before the upgrade; the site may only have vanished since.
        const auto site = m_chat->sites()->byKey(QUrlQuery(url).queryItemValue(u"site"_s));
        if (!site) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"unknown site"_s);
            socket->deleteLater();
            return;
        }
        session = new VisitorSession(socket, m_chat, *site, clientOf(socket), m_limits, this);
    } else {
        session = new AgentSession(socket, m_chat, clientOf(socket), m_limits, this);
    }
    int &count = url.path() == visitorPath ? m_visitorSessions : m_agentSessions;
    ++count;
    connect(session, &QObject::destroyed, this, [&count] { --count; });
}

ClientContext WebSocketHub::clientOf(QWebSocket *socket) const
{
    // The handshake was checked with the same rule (the listener's): the same client both times.
    const QNetworkRequest &request = socket->request();
    const ProxyTrust::Client client = m_proxyTrust.resolve(socket->peerAddress(), request.rawHeader(m_proxyTrust.headerName()),
                                                           request.rawHeader("X-Forwarded-Proto"));
    return ClientContext{client.address, QString::fromUtf8(request.rawHeader("User-Agent"))};
}

} // namespace Frontdesk
