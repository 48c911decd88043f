#include "agentclient.h"

#include "secrets/secretstore.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

AgentClient::AgentClient(QObject *parent) : AgentClient(SecretStore::defaultServiceName(), parent) { }

AgentClient::AgentClient(const QString &secretService, QObject *parent)
    : QObject(parent)
    , m_connection(new AgentConnection(secretService, this))
    , m_events(new AgentEvents(m_connection, this))
    , m_commands(m_connection)
    , m_state(new ConsoleState(m_connection, m_events, &m_commands, this))
    , m_replies(new ReplySender(m_connection, &m_commands, this))
{
    // Before the state turns Online and the models read the outbox (they do on snapshotReceived).
    connect(m_events, &AgentEvents::authenticated, this, [this](const AgentSnapshotView &snapshot) {
        m_replies->open(serverUrl(), agentId(),
                        snapshot.sites && !snapshot.sites->isEmpty() ? snapshot.sites->first().siteKey : QString());
    });
    // The models take the snapshot first; then the rest of it is read and the outbox goes out.
    connect(m_events, &AgentEvents::snapshotReceived, this, [this](const AgentSnapshotView &snapshot) {
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
    connect(m_state, &ConsoleState::mailStatusChanged, this, &AgentClient::mailStatusChanged);
    connect(m_state, &ConsoleState::siteChanged, this, &AgentClient::siteChanged);
    connect(m_state->sites(), &ConsoleSites::sitesChanged, this, &AgentClient::sitesChanged);
    connect(m_state->sites(), &ConsoleSites::siteRemoved, this, &AgentClient::siteRemoved);
    // The events as records, after ConsoleState took what it keeps of them.
    connect(m_events, &AgentEvents::conversationCreated, this, &AgentClient::conversationCreated);
    connect(m_events, &AgentEvents::conversationUpdated, this, &AgentClient::conversationUpdated);
    connect(m_events, &AgentEvents::messageReceived, this, &AgentClient::messageReceived);
    connect(m_events, &AgentEvents::typingReceived, this, &AgentClient::typingReceived);
    connect(m_events, &AgentEvents::readReceived, this, &AgentClient::readReceived);
    connect(m_events, &AgentEvents::visitorPageReceived, this, &AgentClient::visitorPageReceived);
    connect(m_state, &ConsoleState::visitorPageFound, this,
            [this](const QString &visitorId, const PageView &page) { Q_EMIT visitorPageReceived(visitorId, page, 0); });
    connect(m_events, &AgentEvents::visitorConnectionChanged, this, &AgentClient::visitorConnectionChanged);
    connect(m_events, &AgentEvents::visitorUpdated, this, &AgentClient::visitorUpdated);
    connect(m_events, &AgentEvents::conversationRated, this, &AgentClient::conversationRated);
    connect(m_state, &ConsoleState::teamReceived, this, &AgentClient::agentsReceived);
    connect(m_events, &AgentEvents::agentStatusReceived, this, &AgentClient::agentStatusReceived);
    connect(m_events, &AgentEvents::cannedChanged, this, &AgentClient::cannedChanged);
    connect(m_events, &AgentEvents::teamChanged, this, &AgentClient::teamChanged);
    connect(m_events, &AgentEvents::webhookStatusReceived, this, &AgentClient::webhookStatusReceived);
    connect(m_events, &AgentEvents::webhookDeleted, this, &AgentClient::webhookDeleted);

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

AgentCommands::Finished AgentClient::reportFailure(const QString &type)
{
    return [this, type](const CommandOutcome &outcome) {
        if (!outcome.ok())
            Q_EMIT commandFailed(type, outcome.errorMessage);
    };
}

void AgentClient::accept(int conversationId)
{
    m_commands.accept(conversationId, this, reportFailure(u"accept"_s));
}

void AgentClient::close(int conversationId)
{
    m_commands.close(conversationId, this, reportFailure(u"close"_s));
}

void AgentClient::transfer(int conversationId, int agentId)
{
    m_commands.transfer(conversationId, agentId, this, reportFailure(u"transfer"_s));
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
        m_commands.sendTyping(conversationId, active);
}

void AgentClient::markRead(int conversationId, double messageId)
{
    if (!isOnline() || conversationId <= 0 || messageId < 1)
        return;
    m_commands.markRead(conversationId, qint64(messageId));
}

QVariantMap AgentClient::siteMap(const SiteRecord &site)
{
    if (site.id <= 0)
        return {};
    QVariantMap map{{u"id"_s, int(site.id)},
                    {u"siteKey"_s, site.siteKey},
                    {u"name"_s, site.name},
                    {u"allowedOrigins"_s, site.allowedOrigins},
                    {u"widget"_s, site.widgetSettings},
                    {u"closedRetentionDays"_s, site.closedRetentionDays},
                    {u"mailTeamAddress"_s, site.mailTeamAddress},
                    {u"mailUnansweredMinutes"_s, site.mailUnansweredMinutes},
                    {u"mailRepliesToAbsentVisitors"_s, site.mailRepliesToAbsentVisitors}};
    if (!site.identitySecret.isEmpty())
        map.insert(u"identitySecret"_s, QString::fromLatin1(site.identitySecret.toHex()));
    return map;
}

QVariantList AgentClient::sites() const
{
    QVariantList list;
    for (const SiteRecord &site : m_state->sites()->all())
        list.append(siteMap(site));
    return list;
}

QString AgentClient::siteName(int siteId) const
{
    return m_state->sites()->byId(siteId).name;
}

void AgentClient::updateSite(const SitePatch &patch)
{
    m_commands.updateSite(currentSiteId(), patch, this, [this](const CommandResult<SiteRecord> &answer) {
        if (!answer.ok()) {
            Q_EMIT commandFailed(u"update_site"_s, answer.errorMessage);
            return;
        }
        m_state->setSite(answer.value);
    });
}

void AgentClient::createSite(const QString &name)
{
    m_commands.createSite(name, this, [this](const CommandResult<SiteRecord> &answer) {
        if (!answer.ok()) {
            Q_EMIT commandFailed(u"create_site"_s, answer.errorMessage);
            return;
        }
        m_state->setSite(answer.value);
        setCurrentSiteId(int(answer.value.id));
    });
}

void AgentClient::deleteSite(int siteId, const QString &confirmSiteKey)
{
    m_commands.deleteSite(siteId, confirmSiteKey, this, [this, siteId](const CommandOutcome &answer) {
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
    m_commands.changePassword(current, password, this, reportFailure(u"change_password"_s));
}

} // namespace Frontdesk
