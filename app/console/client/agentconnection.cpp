#include "agentconnection.h"

#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSysInfo>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcConnection, "frontdesk.console.client")

namespace Frontdesk {

namespace {

// The sentences moved here from AgentClient; they keep its translation
// context so the existing translations still apply.
QString text(const char *source)
{
    return QCoreApplication::translate("Frontdesk::AgentClient", source);
}

QUrl socketUrl(const QUrl &server)
{
    QUrl url = server;
    url.setScheme(server.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    url.setPath(u"/v1/agent"_s);
    return url;
}

QUrl httpUrl(const QUrl &server, const QString &path)
{
    QUrl url = server;
    url.setPath(path);
    return url;
}

} // namespace

AgentConnection::AgentConnection(const QString &secretService, QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_secrets(new SecretStore(secretService, this))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &AgentConnection::openSocket);
    // Keeps proxies from dropping an idle connection, and notices a dead one.
    m_pingTimer.setInterval(25'000);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] { send({{u"type"_s, u"ping"_s}}); });
    connect(&m_socket, &QWebSocket::connected, this, &AgentConnection::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &AgentConnection::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &AgentConnection::onText);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        qCInfo(lcConnection).noquote() << "connection to" << m_serverUrl.toString() << "failed:" << m_socket.errorString();
        if (m_socket.state() == QAbstractSocket::UnconnectedState && m_state != Offline && m_state != LoggedOut)
            onDisconnected();
    });
}

AgentConnection::~AgentConnection()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

int AgentConnection::backoffMs(int attempt, double random)
{
    const double ceiling = std::min(30'000.0, 500.0 * std::pow(2.0, std::min(attempt, 16)));
    return int(ceiling / 2 + random * ceiling / 2);
}

QString AgentConnection::userAgentHeader()
{
    return u"Frontdesk/"_s + QStringLiteral(FRONTDESK_VERSION) + u" ("_s + QSysInfo::prettyProductName() + u"; "_s
        + QSysInfo::kernelType() + u')';
}

QString AgentConnection::sessionEndedSentence(const QString &reason)
{
    if (reason == u"password_changed"_s)
        return QCoreApplication::translate("Frontdesk::AgentClient",
                                           "Your password was changed on another computer. Please sign in again.");
    if (reason == u"password_reset"_s)
        return QCoreApplication::translate("Frontdesk::AgentClient",
                                           "An admin reset your password. Please sign in with the new one.");
    if (reason == u"disabled"_s)
        return QCoreApplication::translate("Frontdesk::AgentClient", "An admin disabled your account.");
    if (reason == u"deleted"_s)
        return QCoreApplication::translate("Frontdesk::AgentClient", "An admin removed your account.");
    if (reason == u"logged_out"_s)
        return QCoreApplication::translate("Frontdesk::AgentClient", "You were signed out.");
    return QCoreApplication::translate("Frontdesk::AgentClient",
                                       "This session was ended from another computer. Please sign in again.");
}

void AgentConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void AgentConnection::setError(const QString &error)
{
    if (m_errorString == error)
        return;
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

void AgentConnection::setServer(const QUrl &serverUrl)
{
    m_serverUrl = serverUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery);
    Q_EMIT serverUrlChanged();
}

void AgentConnection::login(const QUrl &serverUrl, const QString &email, const QString &password)
{
    m_reconnectTimer.stop();
    m_socket.abort();
    m_email = email.trimmed().toLower();
    setServer(serverUrl);
    setError({});
    setState(LoggingIn);
    QNetworkRequest request(httpUrl(m_serverUrl, u"/v1/agent/login"_s));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(20'000);
    // Named in the agent's session list ("Frontdesk 0.1 on Linux"), instead of Qt's bare "Mozilla/5.0".
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgentHeader());
    const QByteArray body
        = QJsonDocument(QJsonObject{{u"email"_s, m_email}, {u"password"_s, password}}).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 200) {
            QString message = json.value(u"error"_s).toObject().value(u"message"_s).toString();
            if (message.isEmpty())
                message = QCoreApplication::translate("Frontdesk::AgentClient", "Could not reach %1: %2")
                              .arg(m_serverUrl.toString(), reply->errorString());
            setError(message);
            setState(LoggedOut);
            return;
        }
        m_token = json.value(u"token"_s).toString();
        Q_EMIT signedIn(json.value(u"agent"_s).toObject());
        auto saved = m_secrets->write(SecretStore::keyForAgentToken(m_serverUrl.toString(), m_email), m_token)
                         .then(this, [](const SecretResult &result) {
                             if (!result.ok())
                                 qCWarning(lcConnection).noquote() << "could not keep the sign-in token:" << result.error;
                         });
        Q_UNUSED(saved);
        m_attempt = 0;
        openSocket();
    });
}

void AgentConnection::resume(const QUrl &serverUrl, const QString &email)
{
    m_email = email.trimmed().toLower();
    setServer(serverUrl);
    setState(LoggingIn);
    auto read = m_secrets->read(SecretStore::keyForAgentToken(m_serverUrl.toString(), m_email))
                    .then(this, [this](const SecretResult &result) {
                        if (!result.ok() || !result.found || result.value.isEmpty()) {
                            setError(result.ok() ? QString() : result.error);
                            setState(LoggedOut);
                            return;
                        }
                        m_token = result.value;
                        m_attempt = 0;
                        openSocket();
                    });
    Q_UNUSED(read);
}

void AgentConnection::connectWithToken(const QUrl &serverUrl, const QString &token)
{
    setServer(serverUrl);
    m_token = token;
    m_attempt = 0;
    openSocket();
}

void AgentConnection::stopTimers()
{
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_authenticated = false;
}

void AgentConnection::logout()
{
    if (!m_token.isEmpty() && m_serverUrl.isValid()) {
        QNetworkRequest request(httpUrl(m_serverUrl, u"/v1/agent/logout"_s));
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        QNetworkReply *reply = m_network->post(request, QByteArray());
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        auto removed = m_secrets->remove(SecretStore::keyForAgentToken(m_serverUrl.toString(), m_email));
        Q_UNUSED(removed);
    }
    m_token.clear();
    stopTimers();
    setState(LoggedOut);
    m_socket.close();
    failPending(u"disconnected"_s, text(QT_TRANSLATE_NOOP("Frontdesk::AgentClient", "Signed out.")));
}

void AgentConnection::goOffline()
{
    stopTimers();
    setState(Offline);
    m_socket.close();
}

void AgentConnection::reconnect()
{
    if (m_state != Offline)
        return;
    m_attempt = 0;
    openSocket();
}

void AgentConnection::openSocket()
{
    if (m_token.isEmpty()) {
        setState(LoggedOut);
        return;
    }
    if (m_state != Reconnecting)
        setState(Connecting);
    m_authenticated = false;
    m_socket.abort();
    // No Origin header: the agent endpoint refuses web pages.
    m_socket.open(QNetworkRequest(socketUrl(m_serverUrl)));
}

void AgentConnection::onConnected()
{
    send({{u"type"_s, u"auth"_s}, {u"token"_s, m_token}, {u"id"_s, double(m_nextId++)}});
}

void AgentConnection::onDisconnected()
{
    m_pingTimer.stop();
    const bool wasAuthenticated = m_authenticated;
    m_authenticated = false;
    failPending(u"disconnected"_s, text(QT_TRANSLATE_NOOP("Frontdesk::AgentClient", "The connection to the server was lost.")));
    if (m_state == LoggedOut || m_state == Offline)
        return;
    if (wasAuthenticated)
        m_attempt = 0;
    scheduleReconnect();
}

void AgentConnection::scheduleReconnect()
{
    if (m_reconnectTimer.isActive())
        return;
    setState(Reconnecting);
    const int delay = backoffMs(m_attempt++, QRandomGenerator::global()->generateDouble());
    qCInfo(lcConnection).noquote() << "reconnecting to" << m_serverUrl.toString() << "in" << delay << "ms";
    m_reconnectTimer.start(delay);
}

void AgentConnection::send(const QJsonObject &frame)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return;
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void AgentConnection::request(const QString &type, QJsonObject fields, QObject *context, Callback callback)
{
    if (m_state != Online) {
        if (callback)
            callback({{}, u"disconnected"_s, text(QT_TRANSLATE_NOOP("Frontdesk::AgentClient", "Not connected to the server."))});
        return;
    }
    const qint64 id = m_nextId++;
    fields.insert(u"type"_s, type);
    fields.insert(u"id"_s, double(id));
    m_pending.insert(id, Pending{context, std::move(callback), context != nullptr});
    send(fields);
}

void AgentConnection::failPending(const QString &code, const QString &message)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &entry : pending) {
        if (entry.callback && (!entry.hasContext || entry.context))
            entry.callback({{}, code, message});
    }
}

void AgentConnection::signOutLocally(const QString &why)
{
    auto removed = m_secrets->remove(SecretStore::keyForAgentToken(m_serverUrl.toString(), m_email));
    Q_UNUSED(removed);
    m_token.clear();
    setError(why);
    stopTimers();
    setState(LoggedOut);
    m_socket.close();
}

void AgentConnection::onText(const QString &frameText)
{
    const QJsonObject frame = QJsonDocument::fromJson(frameText.toUtf8()).object();
    const QString type = frame.value(u"type"_s).toString();
    if (type == u"snapshot"_s) {
        m_authenticated = true;
        m_attempt = 0;
        Q_EMIT authenticated(frame);
        setError({});
        setState(Online);
        m_pingTimer.start();
        Q_EMIT snapshotReceived(frame);
        return;
    }
    if (frame.contains(u"ref"_s) && (type == u"result"_s || type == u"ack"_s || type == u"error"_s || type == u"pong"_s)) {
        const qint64 ref = qint64(frame.value(u"ref"_s).toDouble());
        const auto it = m_pending.find(ref);
        if (it != m_pending.end()) {
            const Pending pending = it.value();
            m_pending.erase(it);
            if (pending.callback && (!pending.hasContext || pending.context)) {
                if (type == u"error"_s)
                    pending.callback({frame, frame.value(u"code"_s).toString(), frame.value(u"message"_s).toString()});
                else
                    pending.callback({frame, {}, {}});
            }
            return;
        }
        if (type == u"error"_s && !m_authenticated) {
            // The auth frame was refused.
            const QString code = frame.value(u"code"_s).toString();
            qCWarning(lcConnection).noquote() << "auth refused:" << frame.value(u"message"_s).toString();
            if (code == u"invalid_token"_s)
                signOutLocally(
                    text(QT_TRANSLATE_NOOP("Frontdesk::AgentClient", "Your session has expired. Please sign in again.")));
            else
                setError(frame.value(u"message"_s).toString());
            return;
        }
    }
    if (type == u"error"_s) {
        qCInfo(lcConnection).noquote() << "server error:" << frame.value(u"message"_s).toString();
        return;
    }
    if (type == u"session_ended"_s) {
        // The server closes the socket next: do not reconnect with a dead token.
        const QString reason = frame.value(u"reason"_s).toString();
        qCInfo(lcConnection).noquote() << "session ended by the server:" << reason;
        signOutLocally(sessionEndedSentence(reason));
        failPending(u"disconnected"_s, text(QT_TRANSLATE_NOOP("Frontdesk::AgentClient", "Signed out.")));
        return;
    }
    if (type != u"pong"_s)
        Q_EMIT eventReceived(type, frame);
}

} // namespace Frontdesk
