#include "consolestate.h"

#include "agentconnection.h"
#include "consolesites.h"
#include "serverconfig.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcState, "frontdesk.console.client")

namespace Frontdesk {

ConsoleState::ConsoleState(AgentConnection *connection, QObject *parent)
    : QObject(parent), m_connection(connection), m_sites(new ConsoleSites(this))
{
    connect(m_sites, &ConsoleSites::currentChanged, this, &ConsoleState::siteChanged);
    connect(connection, &AgentConnection::stateChanged, this, &ConsoleState::followConnection);
    connect(connection, &AgentConnection::signedIn, this, &ConsoleState::setAgent);
    connect(connection, &AgentConnection::authenticated, this, &ConsoleState::takeSnapshot);
    connect(connection, &AgentConnection::eventReceived, this, &ConsoleState::handleEvent);
}

QJsonObject ConsoleState::site() const
{
    return m_sites->current();
}

QString ConsoleState::snippet() const
{
    const QString key = site().value(u"siteKey"_s).toString();
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

void ConsoleState::setSite(const QJsonObject &site)
{
    m_sites->upsert(site);
}

void ConsoleState::setAgent(const QJsonObject &agent)
{
    m_agent = agent;
    Q_EMIT agentChanged();
}

void ConsoleState::setPresenceShown(const QString &presence)
{
    if (presence == m_presence)
        return;
    m_presence = presence;
    Q_EMIT presenceChanged();
}

void ConsoleState::followConnection()
{
    setPresenceShown(m_connection->isOnline() ? m_wantedStatus : u"offline"_s);
}

void ConsoleState::setPresence(const QString &status)
{
    if (status == u"offline"_s) {
        m_connection->goOffline();
        return;
    }
    if (status != u"online"_s && status != u"away"_s)
        return;
    m_wantedStatus = status;
    if (m_connection->state() == AgentConnection::Offline) {
        m_connection->reconnect();
        return;
    }
    if (!m_connection->isOnline())
        return;
    m_connection->request(u"set_status"_s, {{u"status"_s, status}}, this, [this, status](const CommandReply &answer) {
        if (!answer.ok()) {
            qCInfo(lcState).noquote() << "set_status" << status << "refused:" << answer.errorMessage;
            return;
        }
        if (m_connection->isOnline())
            setPresenceShown(answer.frame.value(u"status"_s).toString(status));
    });
    // Show the choice at once; the server's answer confirms it.
    setPresenceShown(status);
}

void ConsoleState::takeSnapshot(const QJsonObject &snapshot)
{
    setAgent(snapshot.value(u"agent"_s).toObject());
    m_agentsOnline = snapshot.value(u"agentsOnline"_s).toInt();
    Q_EMIT agentsOnlineChanged();
}

void ConsoleState::afterSnapshot(const QJsonObject &snapshot)
{
    // Protocol additions (sites, site, agents, status, publicUrl) are optional: an older server lacks them.
    const QUrl serverPublicUrl = normalizedPublicUrl(snapshot.value(u"publicUrl"_s).toString());
    if (serverPublicUrl != m_serverPublicUrl) {
        m_serverPublicUrl = serverPublicUrl;
        Q_EMIT siteChanged();
    }
    if (snapshot.value(u"sites"_s).isArray()) {
        m_sites->reset(snapshot.value(u"sites"_s).toArray());
    } else if (snapshot.contains(u"site"_s)) {
        const QJsonValue only = snapshot.value(u"site"_s);
        m_sites->reset(only.isObject() ? QJsonArray{only} : QJsonArray());
    } else {
        m_connection->request(u"get_site"_s, {}, this, [this](const CommandReply &answer) {
            if (answer.ok())
                setSite(answer.frame.value(u"site"_s).toObject());
        });
    }
    if (snapshot.contains(u"agents"_s)) {
        Q_EMIT agentsReceived(snapshot.value(u"agents"_s).toArray());
    } else {
        m_connection->request(u"list_agents"_s, {}, this, [this](const CommandReply &answer) {
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
}

void ConsoleState::noteConversation(const QJsonObject &conversation)
{
    const int id = conversation.value(u"id"_s).toInt();
    const qint64 mark = qint64(conversation.value(u"visitorReadUpTo"_s).toDouble());
    if (id > 0 && mark > m_visitorRead.value(id))
        m_visitorRead.insert(id, mark);
}

void ConsoleState::lookUpPage(const QString &visitorId)
{
    if (visitorId.isEmpty() || m_currentPages.contains(visitorId))
        return;
    m_connection->request(u"visitor"_s, {{u"visitorId"_s, visitorId}}, this, [this, visitorId](const CommandReply &answer) {
        if (!answer.ok())
            return;
        const QJsonArray pages = answer.frame.value(u"pages"_s).toArray();
        if (pages.isEmpty() || m_currentPages.contains(visitorId))
            return;
        m_currentPages.insert(visitorId, pages.first().toObject());
        Q_EMIT visitorPageReceived(visitorId, pages.first().toObject(), 0);
    });
}

void ConsoleState::handleEvent(const QString &type, const QJsonObject &frame)
{
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
    } else if (type == u"site_created"_s || type == u"site_updated"_s) {
        m_sites->upsert(frame.value(u"site"_s).toObject());
    } else if (type == u"site_deleted"_s) {
        m_sites->remove(frame.value(u"siteId"_s).toInt());
    } else if (type == u"canned_changed"_s) {
        Q_EMIT cannedChanged();
    } else if (type == u"team_changed"_s) {
        Q_EMIT teamChanged();
    } else {
        qCDebug(lcState).noquote() << "ignored event" << type;
    }
}

} // namespace Frontdesk
