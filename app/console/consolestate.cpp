#include "consolestate.h"

#include "agentcommands.h"
#include "agentconnection.h"
#include "agentevents.h"
#include "consolesites.h"
#include "serverconfig.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcState, "frontdesk.console.client")

namespace Frontdesk {

ConsoleState::ConsoleState(AgentConnection *connection, AgentEvents *events, AgentCommands *commands, QObject *parent)
    : QObject(parent), m_connection(connection), m_commands(commands), m_sites(new ConsoleSites(this))
{
    connect(m_sites, &ConsoleSites::currentChanged, this, &ConsoleState::siteChanged);
    connect(connection, &AgentConnection::stateChanged, this, &ConsoleState::followConnection);
    // These run before AgentClient hands the same signals on to the models, so
    // a model reading the state (a page, a read mark) finds it up to date.
    connect(events, &AgentEvents::signedIn, this, &ConsoleState::setAgent);
    connect(events, &AgentEvents::authenticated, this, &ConsoleState::takeSnapshot);
    connect(events, &AgentEvents::conversationCreated, this, [this](const ConversationView &summary) {
        noteVisitorRead(summary.conversation.id, summary.conversation.visitorReadUpTo);
        lookUpPage(summary.conversation.visitorId);
    });
    connect(events, &AgentEvents::conversationUpdated, this, [this](const ConversationView &update) {
        noteVisitorRead(update.conversation.id, update.conversation.visitorReadUpTo);
    });
    connect(events, &AgentEvents::readReceived, this, [this](int conversationId, AuthorKind by, qint64 messageId) {
        if (by == AuthorKind::Visitor)
            noteVisitorRead(conversationId, messageId);
    });
    connect(events, &AgentEvents::visitorPageReceived, this,
            [this](const QString &visitorId, const PageView &page, int) { m_currentPages.insert(visitorId, page); });
    connect(events, &AgentEvents::mailStatusReceived, this, [this](const MailStatus &status) {
        m_mailStatus = status;
        Q_EMIT mailStatusChanged();
    });
    connect(events, &AgentEvents::agentsOnlineChanged, this, [this](int count) {
        m_agentsOnline = count;
        Q_EMIT agentsOnlineChanged();
    });
    connect(events, &AgentEvents::siteReceived, m_sites, &ConsoleSites::upsert);
    connect(events, &AgentEvents::siteDeleted, m_sites, &ConsoleSites::remove);
}

SiteRecord ConsoleState::site() const
{
    return m_sites->current();
}

QString ConsoleState::snippet() const
{
    const QString key = site().siteKey;
    // This console's own setting, else the server's --public-url, else the
    // address this console connected to.
    const QUrl base = !m_publicUrl.isEmpty() ? m_publicUrl
        : !m_serverPublicUrl.isEmpty()       ? m_serverPublicUrl
                                             : m_connection->serverUrl();
    if (key.isEmpty() || base.isEmpty())
        return {};
    return u"<script async src=\"%1/widget.js\" data-site-key=\"%2\"></script>"_s.arg(base.toString(QUrl::StripTrailingSlash),
                                                                                      key);
}

namespace {

// The server's rule (ServerConfig::parsePublicUrl) for both this console's
// setting and the snapshot's publicUrl; anything it refuses (a typo, half an
// address) means "none".
QUrl normalizedPublicUrl(const QString &url)
{
    QUrl parsed;
    QString ignored;
    return ServerConfig::parsePublicUrl(url, &parsed, &ignored) ? parsed : QUrl();
}

} // namespace

void ConsoleState::setPublicUrl(const QString &url)
{
    const QUrl parsed = normalizedPublicUrl(url);
    if (parsed == m_publicUrl)
        return;
    m_publicUrl = parsed;
    Q_EMIT siteChanged();
}

void ConsoleState::setSite(const SiteRecord &site)
{
    m_sites->upsert(site);
}

void ConsoleState::setAgent(const AgentRecord &agent)
{
    m_agent = agent;
    Q_EMIT agentChanged();
}

void ConsoleState::setPresenceShown(AgentStatus presence)
{
    if (presence == m_presence)
        return;
    m_presence = presence;
    Q_EMIT presenceChanged();
}

void ConsoleState::followConnection()
{
    setPresenceShown(m_connection->isOnline() ? m_wantedStatus : AgentStatus::Offline);
}

void ConsoleState::setPresence(const QString &status)
{
    if (status == u"offline"_s) {
        m_connection->goOffline();
        return;
    }
    const std::optional<AgentStatus> wanted = settableAgentStatusFromString(status);
    if (!wanted)
        return;
    m_wantedStatus = *wanted;
    if (m_connection->state() == AgentConnection::Offline) {
        m_connection->reconnect();
        return;
    }
    if (!m_connection->isOnline())
        return;
    m_commands->setStatus(*wanted, this, [this, status](const CommandResult<AgentStatus> &answer) {
        if (!answer.ok()) {
            qCInfo(lcState).noquote() << "set_status" << status << "refused:" << answer.errorMessage;
            return;
        }
        if (m_connection->isOnline())
            setPresenceShown(answer.value);
    });
    // Show the choice at once; the server's answer confirms it.
    setPresenceShown(*wanted);
}

void ConsoleState::takeSnapshot(const AgentSnapshotView &snapshot)
{
    setAgent(snapshot.agent);
    m_agentsOnline = snapshot.agentsOnline;
    Q_EMIT agentsOnlineChanged();
    m_mailStatus = snapshot.mail;
    Q_EMIT mailStatusChanged();
}

void ConsoleState::afterSnapshot(const AgentSnapshotView &snapshot)
{
    // What an older server's snapshot lacks (sites, agents) is asked for.
    const QUrl serverPublicUrl = normalizedPublicUrl(snapshot.publicUrl.toString());
    if (serverPublicUrl != m_serverPublicUrl) {
        m_serverPublicUrl = serverPublicUrl;
        Q_EMIT siteChanged();
    }
    if (snapshot.sites) {
        m_sites->reset(*snapshot.sites);
    } else {
        m_commands->getSite(this, [this](const CommandResult<SiteRecord> &answer) {
            if (answer.ok())
                setSite(answer.value);
        });
    }
    if (snapshot.team) {
        Q_EMIT teamReceived(*snapshot.team);
    } else {
        m_commands->listAgents(this, [this](const CommandResult<QList<TeamMember>> &answer) {
            if (answer.ok())
                Q_EMIT teamReceived(answer.value);
        });
    }
    if (m_wantedStatus != AgentStatus::Online)
        setPresence(toString(m_wantedStatus));

    for (const ConversationView &view : snapshot.conversations) {
        noteVisitorRead(view.conversation.id, view.conversation.visitorReadUpTo);
        lookUpPage(view.conversation.visitorId);
    }
}

void ConsoleState::noteVisitorRead(qint64 conversationId, qint64 messageId)
{
    if (conversationId > 0 && messageId > m_visitorRead.value(conversationId))
        m_visitorRead.insert(conversationId, messageId);
}

void ConsoleState::lookUpPage(const QString &visitorId)
{
    if (visitorId.isEmpty() || m_currentPages.contains(visitorId))
        return;
    m_commands->visitor(visitorId, this, [this, visitorId](const CommandResult<VisitorDetails> &answer) {
        if (!answer.ok() || answer.value.pages.isEmpty() || m_currentPages.contains(visitorId))
            return;
        const PageView page = answer.value.pages.first();
        m_currentPages.insert(visitorId, page);
        Q_EMIT visitorPageFound(visitorId, page);
    });
}

} // namespace Frontdesk
