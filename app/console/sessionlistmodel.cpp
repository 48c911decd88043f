#include "sessionlistmodel.h"

#include "agentclient.h"
#include "useragent.h"

#include <QLocale>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QDateTime dateTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

} // namespace

SessionListModel::SessionListModel(QObject *parent) : QAbstractListModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &SessionListModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &SessionListModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &SessionListModel::countChanged);
    // "Last active 5 minutes ago" goes stale while the view is open.
    m_tick.setInterval(30'000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!m_sessions.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_sessions.size()) - 1), {LastActiveRole});
    });
}

void SessionListModel::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    Q_EMIT clientChanged();
    if (!client)
        return;
    connect(client, &AgentClient::snapshotReceived, this, [this] {
        if (m_active)
            refresh();
    });
    connect(client, &AgentClient::stateChanged, this, [this] {
        // Another agent's sessions must not linger after signing out and in as someone else.
        if (m_client->state() == AgentClient::LoggedOut && !m_sessions.isEmpty()) {
            beginResetModel();
            m_sessions.clear();
            endResetModel();
            m_loaded = false;
            Q_EMIT loadedChanged();
        }
    });
    refresh();
}

void SessionListModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (active) {
        refresh();
        m_tick.start();
    } else {
        m_tick.stop();
    }
}

void SessionListModel::refresh()
{
    if (!m_client || !m_client->isOnline())
        return;
    m_client->commands()->listSessions(this, [this](const CommandResult<QList<SessionView>> &answer) {
        if (answer.ok())
            replace(answer.value);
    });
}

void SessionListModel::replace(const QList<SessionView> &sessions)
{
    beginResetModel();
    m_sessions.clear();
    for (const SessionView &view : sessions) {
        Session session;
        session.id = view.session.id;
        session.userAgent = view.session.userAgent;
        session.device = deviceName(session.userAgent);
        session.address = view.session.address;
        session.createdAt = dateTime(view.session.createdAt);
        session.lastUsedAt = dateTime(view.session.lastUsedAt);
        session.current = view.current;
        m_sessions.append(session);
    }
    // This console first, then the others as the server ordered them (most recently used first).
    std::stable_sort(m_sessions.begin(), m_sessions.end(),
                     [](const Session &a, const Session &b) { return a.current && !b.current; });
    endResetModel();
    if (!m_loaded) {
        m_loaded = true;
        Q_EMIT loadedChanged();
    }
}

void SessionListModel::endSession(const QString &sessionId)
{
    if (!m_client || sessionId.isEmpty())
        return;
    m_client->commands()->endSession(sessionId, this, [this](const CommandOutcome &answer) {
        if (!answer.ok())
            Q_EMIT m_client->commandFailed(u"end_session"_s, answer.errorMessage);
        refresh();
    });
}

void SessionListModel::endOtherSessions()
{
    if (!m_client)
        return;
    QStringList others;
    for (const Session &session : std::as_const(m_sessions)) {
        if (!session.current)
            others.append(session.id);
    }
    if (others.isEmpty())
        return;
    // One end_session each (the protocol has no "all but this one"); read the list once they are all answered.
    auto left = std::make_shared<qsizetype>(others.size());
    for (const QString &id : std::as_const(others)) {
        m_client->commands()->endSession(id, this, [this, left](const CommandOutcome &answer) {
            // not_found: that session ended or expired meanwhile, which is what was asked for.
            if (!answer.ok() && answer.errorCode != u"not_found"_s && answer.errorCode != u"disconnected"_s)
                Q_EMIT m_client->commandFailed(u"end_session"_s, answer.errorMessage);
            if (--*left == 0)
                refresh();
        });
    }
}

QString SessionListModel::lastActiveSentence(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return {};
    const qint64 seconds = then.secsTo(now);
    if (seconds < 60)
        return tr("Active now");
    // Separate sentences for one: the console has no English .ts to supply "%n minute(s)" plural forms.
    if (seconds < 3600) {
        const qint64 minutes = seconds / 60;
        return minutes == 1 ? tr("Last active a minute ago") : tr("Last active %1 minutes ago").arg(minutes);
    }
    if (seconds < 86'400) {
        const qint64 hours = seconds / 3600;
        return hours == 1 ? tr("Last active an hour ago") : tr("Last active %1 hours ago").arg(hours);
    }
    if (seconds < 30 * 86'400) {
        const qint64 days = seconds / 86'400;
        return days == 1 ? tr("Last active a day ago") : tr("Last active %1 days ago").arg(days);
    }
    return tr("Last active on %1").arg(QLocale().toString(then.date(), QLocale::ShortFormat));
}

QString SessionListModel::deviceName(const QString &userAgent)
{
    const UserAgent parsed = UserAgent::parse(userAgent);
    if (!parsed.browser.isEmpty() && !parsed.os.isEmpty())
        return tr("%1 on %2", "browser on operating system").arg(parsed.browser, parsed.os);
    if (!parsed.browser.isEmpty())
        return parsed.browser;
    if (!parsed.os.isEmpty())
        return parsed.os;
    const QString raw = userAgent.simplified();
    return raw.isEmpty() ? tr("Unknown device") : raw;
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Session &session = m_sessions[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case DeviceRole:
        return session.device;
    case SessionIdRole:
        return session.id;
    case UserAgentRole:
        return session.userAgent;
    case AddressRole:
        return session.address;
    case CreatedAtRole:
        return session.createdAt;
    case LastUsedAtRole:
        return session.lastUsedAt;
    case LastActiveRole:
        // This console is in use right now, whenever its token was last presented.
        return session.current ? tr("Active now") : lastActiveSentence(session.lastUsedAt, QDateTime::currentDateTime());
    case IsCurrentRole:
        return session.current;
    }
    return {};
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    return {{SessionIdRole, "sessionId"},   {DeviceRole, "device"},       {UserAgentRole, "userAgent"},
            {AddressRole, "address"},       {CreatedAtRole, "createdAt"}, {LastUsedAtRole, "lastUsedAt"},
            {LastActiveRole, "lastActive"}, {IsCurrentRole, "isCurrent"}};
}

} // namespace Frontdesk
