#include "httpconnection.h"

#include "httplistener.h"
#include "httplogging.h"
#include "httprouter.h"

#include <QDateTime>
#include <QLocale>
#include <QScopedValueRollback>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// How long an answered error waits, reading and dropping input, before it
// closes: closing with unread input makes the kernel send a reset, and a
// reset can destroy the error response before the client has read it.
constexpr int LingerMs = 2'000;

bool isReservedHeader(const QByteArray &name)
{
    // The connection writes these itself; a second copy from a handler would
    // make the framing ambiguous (request smuggling through a proxy).
    return name.compare("content-length", Qt::CaseInsensitive) == 0 || name.compare("connection", Qt::CaseInsensitive) == 0
        || name.compare("date", Qt::CaseInsensitive) == 0 || name.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
}

QByteArray httpDate()
{
    // RFC 9110 IMF-fixdate; the C locale keeps day and month names English.
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const QHostAddress &peer, HttpListener *listener)
    : QObject(listener)
    , m_listener(listener)
    , m_socket(socket)
    , m_peer(peer)
    , m_reader(listener->limits(), [listener](const QByteArray &method, const QString &path) {
        return listener->router().maxBodyBytes(method, path);
    })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(socket, &QIODevice::readyRead, this, &HttpConnection::processInput);
    connect(socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(socket, &QAbstractSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(socket, &QObject::destroyed, this, [this] {
        // The listener (or its server) went away under us.
        m_pending = false;
        m_phase = Phase::Finished;
        m_timer.stop();
        deleteLater();
    });

    if (socket->state() != QAbstractSocket::ConnectedState) {
        finish();
        return;
    }
    // Like nginx's client_header_timeout, the first request's headers are due
    // within the header timeout of the accept: a connection that never speaks
    // is the cheapest way to hold a slot.
    arm(Phase::WaitingForRequest, m_listener->limits().headerTimeoutMs);
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

bool HttpConnection::isPending(quint64 serial) const
{
    return m_pending && serial == m_serial && m_socket && m_phase == Phase::Responding;
}

void HttpConnection::respond(quint64 serial, const HttpResponse &response)
{
    if (!isPending(serial))
        return;
    m_pending = false;
    writeResponse(response, m_keepAlive, m_head);
    if (!m_keepAlive) {
        closeNow();
        return;
    }
    afterResponse();
}

// --- input -------------------------------------------------------------------

void HttpConnection::beginRequest()
{
    // The transaction keeps every byte of the request in the socket, so that
    // a WebSocket upgrade can be rolled back and handed on unread.
    m_socket->startTransaction();
    m_reader.begin(m_peer);

    // The first request keeps the deadline that started at the accept.
    if (m_servedRequests > 0 || !m_timer.isActive())
        arm(Phase::ReadingHeaders, m_listener->limits().headerTimeoutMs);
    else
        m_phase = Phase::ReadingHeaders;
}

void HttpConnection::processInput()
{
    if (m_processing)
        return;
    const QScopedValueRollback guard(m_processing, true);

    while (m_socket) {
        if (m_phase == Phase::Lingering) {
            m_socket->skip(m_socket->bytesAvailable());
            return;
        }
        if (m_phase != Phase::WaitingForRequest && m_phase != Phase::ReadingHeaders && m_phase != Phase::ReadingBody)
            return;
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return;
        if (m_phase == Phase::WaitingForRequest)
            beginRequest();

        // Peek, then consume only what the parser took: bytes of a pipelined
        // next request stay in the socket.
        const QByteArray data = m_socket->peek(m_reader.acceptable(available));
        const qsizetype parsed = m_reader.feed(data);
        m_socket->skip(parsed);
        if (const std::optional<Rejection> &rejection = m_reader.rejection()) {
            reject(*rejection);
            return;
        }
        if (m_reader.takeBodyStart()) {
            // curl and others wait for this before sending a body over 1 KiB.
            if (m_reader.request().header("expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
                m_socket->flush();
            }
            arm(Phase::ReadingBody, m_listener->limits().bodyTimeoutMs);
        }
        // Once a request is known not to be an upgrade its bytes need not be
        // kept: committing lets a large body stream through without being
        // buffered twice.
        if (m_reader.headersComplete() && !m_reader.request().upgrade && m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        if (m_reader.isComplete())
            completeRequest();
        else if (parsed == 0)
            return; // the parser took nothing and said nothing: wait for more input
    }
}

bool HttpConnection::adoptClient()
{
    m_request.scheme = m_listener->isTls() ? QByteArrayLiteral("https") : QByteArrayLiteral("http");
    const ProxyTrust &trust = m_listener->proxyTrust();
    if (!trust.trusts(m_peer))
        return true;
    const auto allLines = [this](QByteArrayView name) {
        QByteArray joined;
        for (const auto &[headerName, value] : std::as_const(m_request.headers)) {
            if (QByteArrayView(headerName) == name)
                joined += (joined.isEmpty() ? QByteArray() : QByteArrayLiteral(", ")) + value;
        }
        return joined;
    };
    const ProxyTrust::Client client = trust.resolve(m_peer, allLines(trust.headerName()), allLines("x-forwarded-proto"));
    m_request.peerAddress = client.address;
    if (!client.scheme.isEmpty())
        m_request.scheme = client.scheme;
    if (m_listener->countForClient(m_socket, client.address))
        return true;
    reject(
        {429, u"too_many_connections"_s, u"Too many open connections; try again shortly."_s,
         u"(proxy) sent a request of %1, which has its limit of %2 open connections already; answered 429 and closed the connection."_s
             .arg(client.address.toString(), QString::number(m_listener->limits().maxConnectionsPerIp))});
    return false;
}

void HttpConnection::completeRequest()
{
    m_timer.stop();
    m_request = m_reader.takeRequest();
    if (!adoptClient())
        return;
    if (m_request.upgrade) {
        handleUpgrade();
        return;
    }
    ++m_serial;
    ++m_servedRequests;
    m_pending = true;
    m_keepAlive = m_request.keepAlive;
    m_head = m_request.method == "HEAD";
    m_phase = Phase::Responding;
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest{};
    m_listener->router().dispatch(std::move(request), HttpResponder(this, m_serial));
}

void HttpConnection::handleUpgrade()
{
    const HttpListener::UpgradeCheck &check = m_listener->m_upgradeCheck;
    const HttpListener::UpgradeTakeOver &takeOver = m_listener->m_upgradeTakeOver;
    if (!takeOver) {
        reject(
            {404, u"not_found"_s, u"There is no WebSocket endpoint at %1."_s.arg(m_request.path),
             u"asked for a WebSocket upgrade of %1 but nothing accepts upgrades; answered 404 and closed the connection."_s.arg(
                 m_request.path)});
        return;
    }
    if (check) {
        if (const std::optional<HttpResponse> refusal = check(m_request)) {
            ++m_listener->m_refusedByCode[u"websocket_upgrade_refused"_s];
            logRejection(u"was refused a WebSocket upgrade of %1; answered %2 and closed the connection."_s.arg(
                m_request.path, QString::number(refusal->status)));
            m_socket->commitTransaction();
            writeResponse(*refusal, false, false);
            closeNow();
            return;
        }
    }

    QTcpSocket *socket = m_socket;
    m_timer.stop();
    m_phase = Phase::Finished;
    // From here on the socket belongs to the realtime layer: nothing of ours
    // may react to its signals (handleConnection() emits readyRead at once).
    socket->disconnect(this);
    socket->rollbackTransaction();
    socket->setReadBufferSize(0);
    m_socket = nullptr;
    deleteLater();
    qCDebug(lcHttp).noquote() << u"Handed the WebSocket upgrade of %1 from %2 on."_s.arg(m_request.path, m_peer.toString());
    takeOver(socket);
}

// --- output ------------------------------------------------------------------

void HttpConnection::writeResponse(const HttpResponse &response, bool keepAlive, bool headOnly)
{
    if (!m_socket)
        return;
    const int status = response.status;
    const bool bodyAllowed = status >= 200 && status != 204 && status != 304;

    QByteArray out;
    out.reserve(256 + (headOnly ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpResponse::reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (isReservedHeader(name))
            continue;
        if (name.contains('\r') || name.contains('\n') || value.contains('\r') || value.contains('\n')) {
            qCWarning(lcHttp).noquote() << u"Dropped the response header %1 to %2: it contains a line break."_s.arg(
                QString::fromLatin1(name), m_peer.toString());
            continue;
        }
        out += name + ": " + value + "\r\n";
    }
    if (bodyAllowed)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n") : QByteArrayLiteral("Connection: close\r\n");
    out += "Date: " + httpDate() + "\r\n\r\n";
    if (bodyAllowed && !headOnly)
        out += response.body;
    m_socket->write(out);
    m_socket->flush();
}

void HttpConnection::afterResponse()
{
    if (!m_socket)
        return;
    // Read the next pipelined request only once this answer has left: a
    // client that pipelines and never reads must not grow our write buffer.
    if (m_socket->bytesToWrite() > 0) {
        arm(Phase::Draining, m_listener->limits().idleTimeoutMs);
        return;
    }
    arm(Phase::WaitingForRequest, m_listener->limits().idleTimeoutMs);
    // Queued: an asynchronous answer must not run the next handler inside
    // the previous handler's respond() call.
    if (m_socket->bytesAvailable() > 0 && !m_processing)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::onBytesWritten()
{
    if (m_phase != Phase::Draining || !m_socket)
        return;
    if (m_socket->bytesToWrite() > 0) {
        arm(Phase::Draining, m_listener->limits().idleTimeoutMs); // progress: the client is reading
        return;
    }
    afterResponse();
}

void HttpConnection::reject(const Rejection &rejection)
{
    ++m_listener->m_refusedByCode[rejection.code];
    logRejection(rejection.reason);
    m_pending = false;
    if (!m_socket)
        return;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    writeResponse(HttpResponse::error(rejection.status, rejection.code, rejection.message), false, false);
    arm(Phase::Lingering, qMin(LingerMs, m_listener->limits().idleTimeoutMs));
    m_socket->skip(m_socket->bytesAvailable());
}

void HttpConnection::closeNow()
{
    if (!m_socket || m_phase == Phase::Finished)
        return;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    // disconnectFromHost() waits for unwritten data; a client that never
    // reads would keep the socket forever without this deadline.
    arm(Phase::Closing, m_listener->limits().idleTimeoutMs);
    m_socket->disconnectFromHost(); // may emit disconnected() right here
}

void HttpConnection::finish()
{
    m_phase = Phase::Finished;
    m_pending = false;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    deleteLater();
}

void HttpConnection::onDisconnected()
{
    if (m_phase == Phase::Finished)
        return;
    if (m_pending)
        qCDebug(lcHttp).noquote() << u"Client %1 went away before its request was answered; dropped the answer."_s.arg(
            m_peer.toString());
    finish();
}

void HttpConnection::arm(Phase phase, int timeoutMs)
{
    m_phase = phase;
    m_timer.start(timeoutMs);
}

void HttpConnection::onTimeout()
{
    if (!m_socket) {
        finish();
        return;
    }
    const HttpLimits &limits = m_listener->limits();
    switch (m_phase) {
    case Phase::WaitingForRequest:
        if (m_servedRequests == 0)
            logRejection(
                u"opened a connection but sent no request within %1 ms; closed the connection."_s.arg(limits.headerTimeoutMs));
        else
            qCDebug(lcHttp).noquote()
                << u"Closed the idle keep-alive connection of %1 after %2 ms."_s.arg(m_peer.toString()).arg(limits.idleTimeoutMs);
        closeNow();
        return;
    case Phase::ReadingHeaders:
    case Phase::ReadingBody: {
        const bool headers = m_phase == Phase::ReadingHeaders;
        const int timeout = headers ? limits.headerTimeoutMs : limits.bodyTimeoutMs;
        const QString part = headers ? u"its request headers"_s : u"its request body"_s;
        logRejection(u"did not send %1 within %2 ms; answered 408 and closed the connection."_s.arg(part).arg(timeout));
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        ++m_listener->m_refusedByCode[u"request_timeout"_s];
        writeResponse(HttpResponse::error(408, u"request_timeout"_s, u"The server timed out waiting for %1."_s.arg(part)), false,
                      false);
        closeNow();
        return;
    }
    case Phase::Draining:
        logRejection(u"did not read its response within %1 ms; aborted the connection."_s.arg(limits.idleTimeoutMs));
        m_socket->abort();
        finish();
        return;
    case Phase::Lingering:
        closeNow();
        return;
    case Phase::Closing:
        m_socket->abort();
        finish();
        return;
    case Phase::Responding:
    case Phase::Finished:
        return;
    }
}

void HttpConnection::logRejection(const QString &reason)
{
    const QString sentence = u"Client %1 %2"_s.arg(m_peer.toString(), reason);
    qCInfo(lcHttp).noquote() << sentence;
    Q_EMIT m_listener->clientRejected(m_peer, sentence);
}

} // namespace Frontdesk
