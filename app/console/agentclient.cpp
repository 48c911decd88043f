#include "agentclient.h"

#include "secrets/secretstore.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

AgentClient::AgentClient(QObject *parent) : AgentClient(SecretStore::defaultServiceName(), parent) { }

AgentClient::AgentClient(const QString &secretService, QObject *parent)
    : QObject(parent)
    , m_connection(new AgentConnection(secretService, this))
    , m_state(new ConsoleState(m_connection, this))
    , m_replies(new ReplySender(m_connection, this))
{
    // Before the state turns Online and the models read the outbox (they do on snapshotReceived).
    connect(m_connection, &AgentConnection::authenticated, this, [this](const QJsonObject &snapshot) {
        m_replies->open(serverUrl(), agentId(), snapshot.value(u"site"_s).toObject().value(u"siteKey"_s).toString());
    });
    // The models take the snapshot first; then the rest of it is read and the outbox goes out.
    connect(m_connection, &AgentConnection::snapshotReceived, this, [this](const QJsonObject &snapshot) {
        Q_EMIT snapshotReceived(snapshot);
        m_state->afterSnapshot(snapshot);
        m_replies->resendAll();
    });

    connect(m_connection, &AgentConnection::stateChanged, this, &AgentClient::stateChanged);
    connect(m_connection, &AgentConnection::errorStringChanged, this, &AgentClient::errorStringChanged);
    connect(m_connection, &AgentConnection::serverUrlChanged, this, &AgentClient::serverUrlChanged);
    connect(m_connection, &AgentConnection::serverUrlChanged, this, &AgentClient::siteChanged); // the snippet's address

    connect(m_state, &ConsoleState::agentChanged, this, &AgentClient::agentChanged);
    connect(m_state, &ConsoleState::presenceChanged, this, &AgentClient::presenceChanged);
    connect(m_state, &ConsoleState::agentsOnlineChanged, this, &AgentClient::agentsOnlineChanged);
    connect(m_state, &ConsoleState::siteChanged, this, &AgentClient::siteChanged);
    connect(m_state->sites(), &ConsoleSites::sitesChanged, this, &AgentClient::sitesChanged);
    connect(m_state->sites(), &ConsoleSites::siteRemoved, this, &AgentClient::siteRemoved);
    connect(m_state, &ConsoleState::conversationCreated, this, &AgentClient::conversationCreated);
    connect(m_state, &ConsoleState::conversationUpdated, this, &AgentClient::conversationUpdated);
    connect(m_state, &ConsoleState::messageReceived, this, &AgentClient::messageReceived);
    connect(m_state, &ConsoleState::typingReceived, this, &AgentClient::typingReceived);
    connect(m_state, &ConsoleState::readReceived, this, &AgentClient::readReceived);
    connect(m_state, &ConsoleState::visitorPageReceived, this, &AgentClient::visitorPageReceived);
    connect(m_state, &ConsoleState::visitorConnectionChanged, this, &AgentClient::visitorConnectionChanged);
    connect(m_state, &ConsoleState::visitorUpdated, this, &AgentClient::visitorUpdated);
    connect(m_state, &ConsoleState::conversationRated, this, &AgentClient::conversationRated);
    connect(m_state, &ConsoleState::agentsReceived, this, &AgentClient::agentsReceived);
    connect(m_state, &ConsoleState::agentStatusReceived, this, &AgentClient::agentStatusReceived);
    connect(m_state, &ConsoleState::cannedChanged, this, &AgentClient::cannedChanged);
    connect(m_state, &ConsoleState::teamChanged, this, &AgentClient::teamChanged);

    connect(m_replies, &ReplySender::outboxChanged, this, &AgentClient::outboxChanged);
    connect(m_replies, &ReplySender::replyQueued, this, &AgentClient::replyQueued);
    connect(m_replies, &ReplySender::replyAcknowledged, this, &AgentClient::replyAcknowledged);
    connect(m_replies, &ReplySender::replyFailed, this, &AgentClient::replyFailed);
    connect(m_replies, &ReplySender::replyFailed, this,
            [this](int, const QString &, const QString &error) { Q_EMIT commandFailed(u"reply"_s, error); });
    connect(m_replies, &ReplySender::replyRetried, this, &AgentClient::replyRetried);
    connect(m_replies, &ReplySender::replyDiscarded, this, &AgentClient::replyDiscarded);
}

AgentClient::~AgentClient() = default;

void AgentClient::login(const QUrl &serverUrl, const QString &email, const QString &password)
{
    m_connection->login(serverUrl, email, password);
}

void AgentClient::resume(const QUrl &serverUrl, const QString &email)
{
    m_connection->resume(serverUrl, email);
}

void AgentClient::connectWithToken(const QUrl &serverUrl, const QString &token)
{
    m_connection->connectWithToken(serverUrl, token);
}

void AgentClient::logout()
{
    m_connection->logout();
    // Signing out is not giving up on what was written: the visitor still waits
    // for it. The replies stay in the file and go out at this agent's next sign-in.
    m_replies->close();
}

void AgentClient::setPresence(const QString &status)
{
    m_state->setPresence(status);
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
    return m_replies->reply(conversationId, body);
}

void AgentClient::retryReply(const QString &clientId)
{
    m_replies->retry(clientId);
}

void AgentClient::discardReply(const QString &clientId)
{
    m_replies->discard(clientId);
}

void AgentClient::sendTyping(int conversationId, bool active)
{
    if (isOnline() && conversationId > 0)
        m_connection->send({{u"type"_s, u"typing"_s}, {u"conversationId"_s, conversationId}, {u"active"_s, active}});
}

void AgentClient::markRead(int conversationId, double messageId)
{
    if (!isOnline() || conversationId <= 0 || messageId < 1)
        return;
    request(u"read"_s, {{u"conversationId"_s, conversationId}, {u"messageId"_s, messageId}}, nullptr, {});
}

QVariantList AgentClient::sites() const
{
    QVariantList list;
    for (const QJsonObject &site : m_state->sites()->all())
        list.append(site.toVariantMap());
    return list;
}

QString AgentClient::siteName(int siteId) const
{
    return m_state->sites()->byId(siteId).value(u"name"_s).toString();
}

void AgentClient::updateSite(const QVariantMap &fields)
{
    QJsonObject frame = QJsonObject::fromVariantMap(fields);
    // Named always: with several sites the server never guesses which one.
    if (currentSiteId() > 0)
        frame.insert(u"siteId"_s, currentSiteId());
    request(u"update_site"_s, frame, this, [this](const CommandReply &answer) {
        if (!answer.ok()) {
            Q_EMIT commandFailed(u"update_site"_s, answer.errorMessage);
            return;
        }
        m_state->setSite(answer.frame.value(u"site"_s).toObject());
    });
}

void AgentClient::createSite(const QString &name)
{
    request(u"create_site"_s, {{u"name"_s, name}}, this, [this](const CommandReply &answer) {
        if (!answer.ok()) {
            Q_EMIT commandFailed(u"create_site"_s, answer.errorMessage);
            return;
        }
        const QJsonObject site = answer.frame.value(u"site"_s).toObject();
        m_state->setSite(site);
        setCurrentSiteId(site.value(u"id"_s).toInt());
    });
}

void AgentClient::deleteSite(int siteId, const QString &confirmSiteKey)
{
    request(u"delete_site"_s, {{u"siteId"_s, siteId}, {u"confirmSiteKey"_s, confirmSiteKey}}, this,
            [this, siteId](const CommandReply &answer) {
                if (!answer.ok()) {
                    Q_EMIT commandFailed(u"delete_site"_s, answer.errorMessage);
                    return;
                }
                // site_deleted came first and did this already; the answer makes sure.
                m_state->sites()->remove(siteId);
            });
}

void AgentClient::changePassword(const QString &current, const QString &password)
{
    simpleCommand(u"change_password"_s, {{u"current"_s, current}, {u"password"_s, password}});
}

} // namespace Frontdesk
