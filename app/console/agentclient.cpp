#include "agentclient.h"

#include "secrets/secretstore.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcClient, "frontdesk.console.client")

namespace Frontdesk {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
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

AgentClient::AgentClient(QObject *parent) : AgentClient(SecretStore::defaultServiceName(), parent) { }

AgentClient::AgentClient(const QString &secretService, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_secrets(new SecretStore(secretService, this))
    , m_outboxFolder(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outbox"_s)
{
    qRegisterMetaType<PendingReply>();
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &AgentClient::openSocket);
    // Keeps proxies from dropping an idle connection, and notices a dead one.
    m_pingTimer.setInterval(25'000);
    connect(&m_pingTimer, &QTimer::timeout, this, [this] { send({{u"type"_s, u"ping"_s}}); });
    connect(&m_socket, &QWebSocket::connected, this, &AgentClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &AgentClient::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &AgentClient::onText);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this](QAbstractSocket::SocketError) {
        qCInfo(lcClient).noquote() << "connection to" << m_serverUrl.toString() << "failed:" << m_socket.errorString();
        if (m_socket.state() == QAbstractSocket::UnconnectedState && m_state != Offline && m_state != LoggedOut)
            onDisconnected();
    });
}

AgentClient::~AgentClient()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

int AgentClient::backoffMs(int attempt, double random)
{
    const double ceiling = std::min(30'000.0, 500.0 * std::pow(2.0, std::min(attempt, 16)));
    return int(ceiling / 2 + random * ceiling / 2);
}

QString AgentClient::snippet() const
{
    const QString key = m_site.value(u"siteKey"_s).toString();
    const QUrl base = m_publicUrl.isEmpty() ? m_serverUrl : m_publicUrl;
    if (key.isEmpty() || base.isEmpty())
        return {};
    return u"<script async src=\"%1/widget.js\" data-site-key=\"%2\"></script>"_s.arg(base.toString(QUrl::StripTrailingSlash),
                                                                                      key);
}

void AgentClient::setPublicUrl(const QString &url)
{
    // Only an absolute http(s) address with a host can go into a page's
    // <script src>; anything else (a typo, half an address) is ignored.
    QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() || (parsed.scheme() != u"https"_s && parsed.scheme() != u"http"_s))
        parsed = QUrl();
    parsed.setQuery(QString());
    parsed.setFragment(QString());
    // "https://chat.example/" and "https://chat.example" are one address;
    // a path (a proxy's prefix, "/chat") is kept without its last slash.
    QString path = parsed.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    parsed.setPath(path);
    if (parsed == m_publicUrl)
        return;
    m_publicUrl = parsed;
    Q_EMIT siteChanged();
}

void AgentClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    const QString presence = state == Online ? m_wantedStatus : u"offline"_s;
    if (presence != m_presence) {
        m_presence = presence;
        Q_EMIT presenceChanged();
    }
    Q_EMIT stateChanged();
}

void AgentClient::setError(const QString &error)
{
    if (m_errorString == error)
        return;
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

QString AgentClient::userAgentHeader()
{
    return u"Frontdesk/"_s + QStringLiteral(FRONTDESK_VERSION) + u" ("_s + QSysInfo::prettyProductName() + u"; "_s
        + QSysInfo::kernelType() + u')';
}

void AgentClient::login(const QUrl &serverUrl, const QString &email, const QString &password)
{
    m_reconnectTimer.stop();
    m_socket.abort();
    m_serverUrl = serverUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery);
    m_email = email.trimmed().toLower();
    Q_EMIT serverUrlChanged();
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
                message = tr("Could not reach %1: %2").arg(m_serverUrl.toString(), reply->errorString());
            setError(message);
            setState(LoggedOut);
            return;
        }
        m_token = json.value(u"token"_s).toString();
        m_agent = json.value(u"agent"_s).toObject();
        Q_EMIT agentChanged();
        auto saved = m_secrets->write(SecretStore::keyForAgentToken(m_serverUrl.toString(), m_email), m_token)
                         .then(this, [](const SecretResult &result) {
                             if (!result.ok())
                                 qCWarning(lcClient).noquote() << "could not keep the sign-in token:" << result.error;
                         });
        Q_UNUSED(saved);
        m_attempt = 0;
        openSocket();
    });
}

void AgentClient::resume(const QUrl &serverUrl, const QString &email)
{
    m_serverUrl = serverUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery);
    m_email = email.trimmed().toLower();
    Q_EMIT serverUrlChanged();
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

void AgentClient::connectWithToken(const QUrl &serverUrl, const QString &token)
{
    m_serverUrl = serverUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemovePath | QUrl::RemoveQuery);
    Q_EMIT serverUrlChanged();
    m_token = token;
    m_attempt = 0;
    openSocket();
}

void AgentClient::logout()
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
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_authenticated = false;
    setState(LoggedOut);
    m_socket.close();
    failPending(u"disconnected"_s, tr("Signed out."));
    // Signing out is not giving up on what was written: the visitor still waits
    // for it. The replies stay in the file and go out at this agent's next sign-in.
    closeOutbox();
}

void AgentClient::setPresence(const QString &status)
{
    if (status == u"offline"_s) {
        m_reconnectTimer.stop();
        m_pingTimer.stop();
        m_authenticated = false;
        setState(Offline);
        m_socket.close();
        return;
    }
    if (status != u"online"_s && status != u"away"_s)
        return;
    m_wantedStatus = status;
    if (m_state == Offline) {
        m_attempt = 0;
        openSocket();
        return;
    }
    if (m_state != Online)
        return;
    request(u"set_status"_s, {{u"status"_s, status}}, this, [this, status](const CommandReply &answer) {
        if (!answer.ok()) {
            qCInfo(lcClient).noquote() << "set_status" << status << "refused:" << answer.errorMessage;
            return;
        }
        const QString confirmed = answer.frame.value(u"status"_s).toString(status);
        if (m_state == Online && confirmed != m_presence) {
            m_presence = confirmed;
            Q_EMIT presenceChanged();
        }
    });
    // Show the choice at once; the server's answer confirms it.
    if (m_presence != status) {
        m_presence = status;
        Q_EMIT presenceChanged();
    }
}

void AgentClient::openSocket()
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

void AgentClient::onConnected()
{
    QJsonObject frame{{u"type"_s, u"auth"_s}, {u"token"_s, m_token}, {u"id"_s, double(m_nextId++)}};
    send(frame);
}

void AgentClient::onDisconnected()
{
    m_pingTimer.stop();
    const bool wasAuthenticated = m_authenticated;
    m_authenticated = false;
    failPending(u"disconnected"_s, tr("The connection to the server was lost."));
    if (m_state == LoggedOut || m_state == Offline)
        return;
    if (wasAuthenticated)
        m_attempt = 0;
    scheduleReconnect();
}

void AgentClient::scheduleReconnect()
{
    if (m_reconnectTimer.isActive())
        return;
    setState(Reconnecting);
    const int delay = backoffMs(m_attempt++, QRandomGenerator::global()->generateDouble());
    qCInfo(lcClient).noquote() << "reconnecting to" << m_serverUrl.toString() << "in" << delay << "ms";
    m_reconnectTimer.start(delay);
}

void AgentClient::send(const QJsonObject &frame)
{
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return;
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void AgentClient::request(const QString &type, QJsonObject fields, QObject *context, Callback callback)
{
    if (m_state != Online) {
        if (callback)
            callback({{}, u"disconnected"_s, tr("Not connected to the server.")});
        return;
    }
    const qint64 id = m_nextId++;
    fields.insert(u"type"_s, type);
    fields.insert(u"id"_s, double(id));
    m_pending.insert(id, Pending{type, context, std::move(callback), context != nullptr});
    send(fields);
}

void AgentClient::failPending(const QString &code, const QString &message)
{
    const auto pending = std::exchange(m_pending, {});
    for (const Pending &entry : pending) {
        if (entry.callback && (!entry.hasContext || entry.context))
            entry.callback({{}, code, message});
    }
}

void AgentClient::simpleCommand(const QString &type, const QJsonObject &fields)
{
    request(type, fields, this, [this, type](const CommandReply &answer) {
        if (!answer.ok())
            Q_EMIT commandFailed(type, answer.errorMessage);
    });
}

void AgentClient::accept(int conversationId)
{
    simpleCommand(u"accept"_s, {{u"conversationId"_s, conversationId}});
}

void AgentClient::close(int conversationId)
{
    simpleCommand(u"close"_s, {{u"conversationId"_s, conversationId}});
}

void AgentClient::transfer(int conversationId, int agentId)
{
    simpleCommand(u"transfer"_s, {{u"conversationId"_s, conversationId}, {u"agentId"_s, agentId}});
}

QString AgentClient::reply(int conversationId, const QString &body)
{
    if (conversationId <= 0 || body.trimmed().isEmpty())
        return {};
    PendingReply pending{conversationId, QUuid::createUuid().toString(QUuid::WithoutBraces), body, nowMs(), {}};
    m_outbox.append(pending);
    Q_EMIT replyQueued(pending);
    Q_EMIT outboxChanged();
    if (outboxFile().isEmpty()) {
        sendReply(pending);
        return pending.clientId;
    }
    // On disk before on the wire: a console killed after the server stored the
    // reply but before the ack resends the same client id, and nothing is doubled.
    QString clientId = pending.clientId; // not const: returned, so moved
    m_unsaved.insert(clientId);
    auto saved = saveOutbox().then(this, [this, clientId](bool) {
        m_unsaved.remove(clientId);
        const auto it = findReply(clientId);
        if (it != m_outbox.end())
            sendReply(*it);
    });
    Q_UNUSED(saved);
    return clientId;
}

int AgentClient::pendingReplies() const
{
    return int(std::count_if(m_outbox.cbegin(), m_outbox.cend(), [](const PendingReply &reply) { return !reply.failed(); }));
}

QString AgentClient::outboxFile() const
{
    return m_outboxStore && m_outboxStore->isOpen() ? m_outboxStore->filePath() : QString();
}

QList<PendingReply>::iterator AgentClient::findReply(const QString &clientId)
{
    return std::find_if(m_outbox.begin(), m_outbox.end(), [&](const PendingReply &entry) { return entry.clientId == clientId; });
}

QFuture<bool> AgentClient::saveOutbox()
{
    if (!m_outboxStore || !m_outboxStore->isOpen())
        return QtFuture::makeReadyFuture(false);
    return m_outboxStore->save(m_outbox);
}

void AgentClient::openOutbox(const QString &siteKey)
{
    if (agentId() <= 0)
        return;
    const QString owner = m_serverUrl.toString() + u" agent "_s + QString::number(agentId());
    if (owner == m_outboxOwner)
        return;
    // Another agent's (or server's) replies are not this agent's to send: they stay in their own file.
    closeOutbox();
    m_outboxOwner = owner;
    m_outboxStore = std::make_unique<ReplyOutbox>(m_outboxFolder);
    if (!m_outboxStore->open(m_serverUrl, agentId(), siteKey))
        return;
    QList<PendingReply> merged = m_outboxStore->load();
    if (!merged.isEmpty())
        qCInfo(lcClient).noquote() << merged.size() << "replies kept from the last run of the console go out again";
    for (const PendingReply &reply : std::as_const(m_outbox)) {
        if (std::none_of(merged.cbegin(), merged.cend(),
                         [&](const PendingReply &kept) { return kept.clientId == reply.clientId; }))
            merged.append(reply);
    }
    m_outbox = merged;
    auto saved = saveOutbox();
    Q_UNUSED(saved);
    Q_EMIT outboxChanged();
}

void AgentClient::closeOutbox()
{
    if (!m_outbox.isEmpty() && outboxFile().isEmpty())
        qCWarning(lcClient).noquote() << m_outbox.size() << "unsent replies of" << m_outboxOwner
                                      << "are dropped: this console had no outbox file for them";
    // Waits for the saves still queued (a few small files at most), so nothing written is lost.
    m_outboxStore.reset();
    m_outboxOwner.clear();
    m_unsaved.clear();
    if (!m_outbox.isEmpty()) {
        m_outbox.clear();
        Q_EMIT outboxChanged();
    }
}

void AgentClient::retryReply(const QString &clientId)
{
    const auto it = findReply(clientId);
    if (it == m_outbox.end() || !it->failed())
        return;
    it->error.clear();
    const PendingReply reply = *it;
    auto saved = saveOutbox();
    Q_UNUSED(saved);
    Q_EMIT outboxChanged();
    Q_EMIT replyRetried(reply.conversationId, clientId);
    sendReply(reply);
}

void AgentClient::discardReply(const QString &clientId)
{
    const auto it = findReply(clientId);
    // One still being sent may be stored already: only a refused one can be taken back.
    if (it == m_outbox.end() || !it->failed())
        return;
    const int conversationId = it->conversationId;
    m_outbox.erase(it);
    auto saved = saveOutbox();
    Q_UNUSED(saved);
    Q_EMIT outboxChanged();
    Q_EMIT replyDiscarded(conversationId, clientId);
}

void AgentClient::scheduleResend(const QString &clientId, qint64 delayMs)
{
    QTimer::singleShot(std::chrono::milliseconds(qMax<qint64>(1000, delayMs)), this, [this, clientId] {
        const auto it = findReply(clientId);
        if (it != m_outbox.end())
            sendReply(*it);
    });
}

void AgentClient::sendReply(const PendingReply &pending)
{
    if (m_state != Online)
        return; // resent after the next snapshot
    if (pending.failed() || m_unsaved.contains(pending.clientId))
        return; // refused: waits for the agent; not saved yet: sent once it is
    const QString clientId = pending.clientId;
    const int conversationId = pending.conversationId;
    request(u"reply"_s, {{u"conversationId"_s, conversationId}, {u"clientId"_s, clientId}, {u"body"_s, pending.body}}, this,
            [this, clientId, conversationId](const CommandReply &answer) {
                // Nothing was stored: it stays in the outbox and is resent with the same client id.
                static const QStringList retried{u"disconnected"_s, u"storage_failed"_s, u"storage_busy"_s, u"rate_limited"_s};
                if (retried.contains(answer.errorCode)) {
                    if (answer.errorCode != u"disconnected"_s)
                        scheduleResend(clientId, qint64(answer.frame.value(u"retryAfterMs"_s).toDouble()));
                    return;
                }
                const auto it = findReply(clientId);
                if (it == m_outbox.end() || it->failed())
                    return;
                if (!answer.ok()) {
                    // Refused for good: kept, shown as failed with the reason, until retried or discarded.
                    it->error = answer.errorMessage.isEmpty() ? tr("The server refused this reply (%1).").arg(answer.errorCode)
                                                              : answer.errorMessage;
                    const QString error = it->error;
                    auto saved = saveOutbox();
                    Q_UNUSED(saved);
                    Q_EMIT outboxChanged();
                    Q_EMIT replyFailed(conversationId, clientId, error);
                    Q_EMIT commandFailed(u"reply"_s, error);
                    return;
                }
                const PendingReply sent = *it;
                m_outbox.erase(it);
                auto saved = saveOutbox();
                Q_UNUSED(saved);
                Q_EMIT outboxChanged();
                const QJsonObject message{{u"id"_s, answer.frame.value(u"messageId"_s)},
                                          {u"conversationId"_s, conversationId},
                                          {u"author"_s, u"agent"_s},
                                          {u"authorName"_s, agentName()},
                                          {u"authorAgentId"_s, agentId()},
                                          {u"body"_s, sent.body},
                                          {u"clientId"_s, clientId},
                                          {u"createdAt"_s, answer.frame.value(u"createdAt"_s)}};
                Q_EMIT replyAcknowledged(conversationId, clientId, message);
            });
}

void AgentClient::sendTyping(int conversationId, bool active)
{
    if (m_state == Online && conversationId > 0)
        send({{u"type"_s, u"typing"_s}, {u"conversationId"_s, conversationId}, {u"active"_s, active}});
}

void AgentClient::markRead(int conversationId, double messageId)
{
    if (m_state != Online || conversationId <= 0 || messageId < 1)
        return;
    request(u"read"_s, {{u"conversationId"_s, conversationId}, {u"messageId"_s, messageId}}, nullptr, {});
}

void AgentClient::updateSite(const QVariantMap &fields)
{
    request(u"update_site"_s, QJsonObject::fromVariantMap(fields), this, [this](const CommandReply &answer) {
        if (!answer.ok()) {
            Q_EMIT commandFailed(u"update_site"_s, answer.errorMessage);
            return;
        }
        m_site = answer.frame.value(u"site"_s).toObject();
        Q_EMIT siteChanged();
    });
}

void AgentClient::changePassword(const QString &current, const QString &password)
{
    simpleCommand(u"change_password"_s, {{u"current"_s, current}, {u"password"_s, password}});
}

void AgentClient::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(u"type"_s).toString();
    if (type == u"snapshot"_s) {
        handleSnapshot(frame);
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
            qCWarning(lcClient).noquote() << "auth refused:" << frame.value(u"message"_s).toString();
            if (code == u"invalid_token"_s) {
                signOutLocally(tr("Your session has expired. Please sign in again."));
            } else {
                setError(frame.value(u"message"_s).toString());
            }
            return;
        }
    }
    if (type == u"error"_s) {
        qCInfo(lcClient).noquote() << "server error:" << frame.value(u"message"_s).toString();
        return;
    }
    handleEvent(type, frame);
}

void AgentClient::handleSnapshot(const QJsonObject &snapshot)
{
    m_authenticated = true;
    m_attempt = 0;
    m_agent = snapshot.value(u"agent"_s).toObject();
    Q_EMIT agentChanged();
    // Before the models read the outbox (they do on snapshotReceived).
    openOutbox(snapshot.value(u"site"_s).toObject().value(u"siteKey"_s).toString());
    m_agentsOnline = snapshot.value(u"agentsOnline"_s).toInt();
    Q_EMIT agentsOnlineChanged();
    setError({});
    setState(Online);
    m_pingTimer.start();
    Q_EMIT snapshotReceived(snapshot);

    // Protocol additions (site, agents, status) are optional: an older server lacks them.
    if (snapshot.contains(u"site"_s)) {
        m_site = snapshot.value(u"site"_s).toObject();
        Q_EMIT siteChanged();
    } else {
        request(u"get_site"_s, {}, this, [this](const CommandReply &answer) {
            if (answer.ok()) {
                m_site = answer.frame.value(u"site"_s).toObject();
                Q_EMIT siteChanged();
            }
        });
    }
    if (snapshot.contains(u"agents"_s)) {
        Q_EMIT agentsReceived(snapshot.value(u"agents"_s).toArray());
    } else {
        request(u"list_agents"_s, {}, this, [this](const CommandReply &answer) {
            if (answer.ok())
                Q_EMIT agentsReceived(answer.frame.value(u"agents"_s).toArray());
        });
    }
    if (m_wantedStatus != u"online"_s)
        setPresence(m_wantedStatus);

    const QJsonArray conversations = snapshot.value(u"conversations"_s).toArray();
    for (const QJsonValue &value : conversations) {
        noteConversation(value.toObject());
        lookUpPage(value.toObject().value(u"visitorId"_s).toString());
    }

    // What was written while offline goes out now, in order, with the same client ids.
    for (const PendingReply &pending : std::as_const(m_outbox))
        sendReply(pending);
}

void AgentClient::noteConversation(const QJsonObject &conversation)
{
    const int id = conversation.value(u"id"_s).toInt();
    const qint64 mark = qint64(conversation.value(u"visitorReadUpTo"_s).toDouble());
    if (id > 0 && mark > m_visitorRead.value(id))
        m_visitorRead.insert(id, mark);
}

void AgentClient::lookUpPage(const QString &visitorId)
{
    if (visitorId.isEmpty() || m_currentPages.contains(visitorId))
        return;
    request(u"visitor"_s, {{u"visitorId"_s, visitorId}}, this, [this, visitorId](const CommandReply &answer) {
        if (!answer.ok())
            return;
        const QJsonArray pages = answer.frame.value(u"pages"_s).toArray();
        if (pages.isEmpty() || m_currentPages.contains(visitorId))
            return;
        m_currentPages.insert(visitorId, pages.first().toObject());
        Q_EMIT visitorPageReceived(visitorId, pages.first().toObject(), 0);
    });
}

void AgentClient::signOutLocally(const QString &why)
{
    auto removed = m_secrets->remove(SecretStore::keyForAgentToken(m_serverUrl.toString(), m_email));
    Q_UNUSED(removed);
    m_token.clear();
    setError(why);
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_authenticated = false;
    setState(LoggedOut);
    m_socket.close();
}

QString AgentClient::sessionEndedSentence(const QString &reason)
{
    if (reason == u"password_changed"_s)
        return tr("Your password was changed on another computer. Please sign in again.");
    if (reason == u"password_reset"_s)
        return tr("An admin reset your password. Please sign in with the new one.");
    if (reason == u"disabled"_s)
        return tr("An admin disabled your account.");
    if (reason == u"deleted"_s)
        return tr("An admin removed your account.");
    if (reason == u"logged_out"_s)
        return tr("You were signed out.");
    return tr("This session was ended from another computer. Please sign in again.");
}

void AgentClient::handleEvent(const QString &type, const QJsonObject &frame)
{
    if (type == u"session_ended"_s) {
        // The server closes the socket next: do not reconnect with a dead token.
        const QString reason = frame.value(u"reason"_s).toString();
        qCInfo(lcClient).noquote() << "session ended by the server:" << reason;
        signOutLocally(sessionEndedSentence(reason));
        failPending(u"disconnected"_s, tr("Signed out."));
        return;
    }
    if (type == u"message"_s) {
        Q_EMIT messageReceived(frame.value(u"message"_s).toObject());
    } else if (type == u"conversation_created"_s) {
        const QJsonObject summary = frame.value(u"conversation"_s).toObject();
        noteConversation(summary);
        Q_EMIT conversationCreated(summary);
        lookUpPage(summary.value(u"visitorId"_s).toString());
    } else if (type == u"conversation_updated"_s) {
        noteConversation(frame.value(u"conversation"_s).toObject());
        Q_EMIT conversationUpdated(frame.value(u"conversation"_s).toObject());
    } else if (type == u"conversation_rated"_s) {
        Q_EMIT conversationRated(frame.value(u"conversation"_s).toObject());
    } else if (type == u"typing"_s) {
        Q_EMIT typingReceived(frame.value(u"conversationId"_s).toInt(), frame.value(u"active"_s).toBool());
    } else if (type == u"read"_s) {
        if (frame.value(u"by"_s).toString() == u"visitor"_s)
            noteConversation({{u"id"_s, frame.value(u"conversationId"_s)}, {u"visitorReadUpTo"_s, frame.value(u"messageId"_s)}});
        Q_EMIT readReceived(frame.value(u"conversationId"_s).toInt(), frame.value(u"by"_s).toString(),
                            qint64(frame.value(u"messageId"_s).toDouble()));
    } else if (type == u"visitor_page"_s) {
        const QString visitorId = frame.value(u"visitorId"_s).toString();
        const QJsonObject page = frame.value(u"page"_s).toObject();
        m_currentPages.insert(visitorId, page);
        Q_EMIT visitorPageReceived(visitorId, page, frame.value(u"conversationId"_s).toInt());
    } else if (type == u"visitor_left"_s || type == u"visitor_returned"_s) {
        Q_EMIT visitorConnectionChanged(frame.value(u"visitorId"_s).toString(), frame.value(u"conversationId"_s).toInt(),
                                        type == u"visitor_returned"_s);
    } else if (type == u"visitor_updated"_s) {
        Q_EMIT visitorUpdated(frame.value(u"visitor"_s).toObject());
    } else if (type == u"presence"_s) {
        m_agentsOnline = frame.value(u"agentsOnline"_s).toInt();
        Q_EMIT agentsOnlineChanged();
    } else if (type == u"agent_status"_s) {
        Q_EMIT agentStatusReceived(frame.value(u"agentId"_s).toInt(), frame.value(u"name"_s).toString(),
                                   frame.value(u"status"_s).toString());
    } else if (type == u"site_updated"_s) {
        m_site = frame.value(u"site"_s).toObject();
        Q_EMIT siteChanged();
    } else if (type == u"canned_changed"_s) {
        Q_EMIT cannedChanged();
    } else if (type == u"team_changed"_s) {
        Q_EMIT teamChanged();
    } else if (type != u"pong"_s) {
        qCDebug(lcClient).noquote() << "ignored event" << type;
    }
}

} // namespace Frontdesk
