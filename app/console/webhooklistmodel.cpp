#include "webhooklistmodel.h"

#include "agentclient.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QDateTime dateTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

/// "Delivered just now", "Delivered 2 min ago", … for a delivery at @p then seen at @p now.
QString deliveredSentence(const QDateTime &then, const QDateTime &now)
{
    const qint64 seconds = std::max<qint64>(0, then.secsTo(now));
    if (seconds < 60)
        return WebhookListModel::tr("Delivered just now");
    // Abbreviated units need no plural forms (the console has no English .ts to supply them).
    if (seconds < 3600)
        return WebhookListModel::tr("Delivered %1 min ago").arg(seconds / 60);
    if (seconds < 86'400)
        return WebhookListModel::tr("Delivered %1 h ago").arg(seconds / 3600);
    return WebhookListModel::tr("Delivered on %1").arg(QLocale().toString(then.date(), QLocale::ShortFormat));
}

} // namespace

WebhookListModel::WebhookListModel(QObject *parent) : QAbstractListModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &WebhookListModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &WebhookListModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &WebhookListModel::countChanged);
    m_tick.setInterval(30'000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {StatusLineRole});
    });
}

void WebhookListModel::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    Q_EMIT clientChanged();
    clear();
    if (!client)
        return;
    m_wasAdmin = client->isAdmin();
    m_siteId = client->currentSiteId();
    Q_EMIT siteIdChanged();
    // Every (re)connect: what happened while the console was away is only in the list.
    connect(client, &AgentClient::snapshotReceived, this, [this] {
        if (m_active)
            refresh();
    });
    connect(client, &AgentClient::siteChanged, this, &WebhookListModel::followSite);
    connect(client, &AgentClient::agentChanged, this, [this] {
        // Signed in again as someone else, or the role changed: an agent's console must not keep an admin's list.
        if (m_client->isAdmin() == m_wasAdmin)
            return;
        m_wasAdmin = m_client->isAdmin();
        clear();
        if (m_active)
            refresh();
    });
    connect(client, &AgentClient::stateChanged, this, [this] {
        if (m_client->state() == AgentClient::LoggedOut)
            clear();
    });
    connect(client, &AgentClient::webhookStatusReceived, this, [this](const WebhookRecord &webhook) {
        if (webhook.siteId == m_siteId && m_siteId > 0)
            upsert(webhook);
    });
    connect(client, &AgentClient::webhookDeleted, this, &WebhookListModel::removeRow);
    refresh();
}

void WebhookListModel::setActive(bool active)
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

void WebhookListModel::followSite()
{
    const qint64 siteId = m_client->currentSiteId();
    if (siteId == m_siteId)
        return; // the same site's settings changed: its endpoints did not
    clear();
    m_siteId = siteId;
    Q_EMIT siteIdChanged();
    if (m_active)
        refresh();
}

bool WebhookListModel::canAsk() const
{
    return m_client && m_client->isOnline() && m_client->isAdmin() && m_siteId > 0;
}

void WebhookListModel::refresh()
{
    if (!canAsk())
        return;
    const quint64 generation = ++m_listGeneration;
    const qint64 siteId = m_siteId;
    m_client->commands()->listWebhooks(
        siteId, this, [this, generation, siteId](const CommandResult<QList<WebhookRecord>> &answer) {
            if (generation != m_listGeneration || siteId != m_siteId)
                return; // a later list, or another site's, is on its way or came first
            if (!answer.ok()) {
                // An older server knows no webhook command: say that rather than its "not an agent command".
                setListError(answer.errorCode == u"unknown_type"_s
                                 ? tr("This server does not support webhooks. Update Frontdesk on the server to use them.")
                                 : answer.errorMessage);
                return;
            }
            setListError({});
            replace(answer.value);
        });
}

void WebhookListModel::clear()
{
    ++m_listGeneration;
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    setLoaded(false);
    setListError({});
    setCreateError({});
}

void WebhookListModel::replace(const QList<WebhookRecord> &webhooks)
{
    // Keep each row's last error across the re-read: it still says what went wrong.
    QHash<qint64, Row> before;
    for (const Row &row : std::as_const(m_rows))
        before.insert(row.webhook.id, row);
    beginResetModel();
    m_rows.clear();
    for (const WebhookRecord &webhook : webhooks) {
        if (webhook.siteId != 0 && webhook.siteId != m_siteId)
            continue;
        Row row = before.value(webhook.id);
        row.webhook = webhook;
        m_rows.append(row);
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) { return a.webhook.id < b.webhook.id; });
    endResetModel();
    setLoaded(true);
}

void WebhookListModel::upsert(const WebhookRecord &webhook)
{
    if (webhook.id <= 0)
        return;
    const int at = indexOf(webhook.id);
    if (at >= 0) {
        m_rows[at].webhook = webhook;
        Q_EMIT dataChanged(index(at), index(at));
        return;
    }
    const auto place = std::lower_bound(m_rows.cbegin(), m_rows.cend(), webhook.id,
                                        [](const Row &row, qint64 id) { return row.webhook.id < id; });
    const int row = int(place - m_rows.cbegin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, Row{webhook, {}, {}, 0});
    endInsertRows();
}

void WebhookListModel::removeRow(qint64 webhookId)
{
    const int at = indexOf(webhookId);
    if (at < 0)
        return;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
}

int WebhookListModel::indexOf(qint64 webhookId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].webhook.id == webhookId)
            return i;
    }
    return -1;
}

WebhookRecord WebhookListModel::webhook(qint64 webhookId) const
{
    const int at = indexOf(webhookId);
    return at >= 0 ? m_rows[at].webhook : WebhookRecord();
}

void WebhookListModel::setBusy(qint64 webhookId, bool busy)
{
    const int at = indexOf(webhookId);
    if (at < 0)
        return;
    Row &row = m_rows[at];
    const bool wasBusy = row.busy > 0;
    row.busy = std::max(0, row.busy + (busy ? 1 : -1));
    if (wasBusy != (row.busy > 0))
        Q_EMIT dataChanged(index(at), index(at), {BusyRole});
}

void WebhookListModel::setRowError(qint64 webhookId, const QString &action, const QString &error)
{
    const int at = indexOf(webhookId);
    if (at < 0)
        return;
    Row &row = m_rows[at];
    if (row.error == error && row.errorAction == action)
        return;
    row.error = error;
    row.errorAction = error.isEmpty() ? QString() : action;
    Q_EMIT dataChanged(index(at), index(at), {ErrorRole, ErrorActionRole});
}

bool WebhookListModel::create(const QString &url, const QStringList &events, const QString &description)
{
    const QString address = url.trimmed();
    QString problem = urlProblem(address);
    if (problem.isEmpty() && events.isEmpty())
        problem = tr("Choose at least one event.");
    if (problem.isEmpty() && !canAsk())
        problem = m_client && !m_client->isAdmin() ? tr("Only an admin can add webhooks.") : tr("Not connected to the server.");
    setCreateError(problem);
    if (!problem.isEmpty())
        return false;
    setCreating(true);
    m_client->commands()->createWebhook(m_siteId, address, events, description.trimmed(), this,
                                        [this](const CommandResult<WebhookRecord> &answer) {
                                            setCreating(false);
                                            if (!answer.ok()) {
                                                setCreateError(answer.errorMessage);
                                                return;
                                            }
                                            setCreateError({});
                                            // webhook_status came first; this makes sure.
                                            if (answer.value.siteId == m_siteId || answer.value.siteId == 0)
                                                upsert(answer.value);
                                            Q_EMIT created(int(answer.value.id));
                                        });
    return true;
}

void WebhookListModel::setEnabled(int webhookId, bool enabled)
{
    const int at = indexOf(webhookId);
    if (at < 0 || !m_client)
        return;
    const bool before = m_rows[at].webhook.enabled;
    // Shown at once: the switch must not jump back while the server answers.
    m_rows[at].webhook.enabled = enabled;
    m_rows[at].error.clear();
    m_rows[at].errorAction.clear();
    Q_EMIT dataChanged(index(at), index(at), {EnabledRole, ErrorRole, ErrorActionRole});
    setBusy(webhookId, true);
    WebhookPatch patch;
    patch.enabled = enabled;
    m_client->commands()->updateWebhook(webhookId, patch, this,
                                        [this, webhookId, before](const CommandResult<WebhookRecord> &answer) {
                                            setBusy(webhookId, false);
                                            if (answer.ok()) {
                                                upsert(answer.value);
                                                return;
                                            }
                                            const int row = indexOf(webhookId);
                                            if (row >= 0) {
                                                m_rows[row].webhook.enabled = before;
                                                Q_EMIT dataChanged(index(row), index(row), {EnabledRole});
                                            }
                                            setRowError(webhookId, u"enabled"_s, answer.errorMessage);
                                        });
}

bool WebhookListModel::update(int webhookId, const QString &url, const QStringList &events, const QString &description)
{
    if (indexOf(webhookId) < 0 || !m_client)
        return false;
    const QString address = url.trimmed();
    QString problem = urlProblem(address);
    if (problem.isEmpty() && events.isEmpty())
        problem = tr("Choose at least one event.");
    setRowError(webhookId, u"update"_s, problem);
    if (!problem.isEmpty())
        return false;
    setBusy(webhookId, true);
    WebhookPatch patch;
    patch.url = address;
    patch.events = events;
    patch.description = description.trimmed();
    m_client->commands()->updateWebhook(webhookId, patch, this, [this, webhookId](const CommandResult<WebhookRecord> &answer) {
        setBusy(webhookId, false);
        if (!answer.ok()) {
            setRowError(webhookId, u"update"_s, answer.errorMessage);
            return;
        }
        upsert(answer.value);
        setRowError(webhookId, {}, {});
        Q_EMIT updated(webhookId);
    });
    return true;
}

void WebhookListModel::rotateSecret(int webhookId)
{
    if (indexOf(webhookId) < 0 || !m_client)
        return;
    setRowError(webhookId, {}, {});
    setBusy(webhookId, true);
    m_client->commands()->rotateWebhookSecret(webhookId, this, [this, webhookId](const CommandResult<WebhookRecord> &answer) {
        setBusy(webhookId, false);
        if (!answer.ok()) {
            setRowError(webhookId, u"rotate"_s, answer.errorMessage);
            return;
        }
        upsert(answer.value);
    });
}

void WebhookListModel::remove(int webhookId)
{
    if (indexOf(webhookId) < 0 || !m_client)
        return;
    setRowError(webhookId, {}, {});
    setBusy(webhookId, true);
    m_client->commands()->deleteWebhook(webhookId, this, [this, webhookId](const CommandOutcome &answer) {
        setBusy(webhookId, false);
        // not_found: deleted meanwhile (by another admin), which is what was asked for.
        if (!answer.ok() && answer.errorCode != u"not_found"_s) {
            setRowError(webhookId, u"delete"_s, answer.errorMessage);
            return;
        }
        // webhook_deleted came first and did this already; the answer makes sure.
        removeRow(webhookId);
    });
}

void WebhookListModel::setCreateError(const QString &error)
{
    if (m_createError == error)
        return;
    m_createError = error;
    Q_EMIT createErrorChanged();
}

void WebhookListModel::setCreating(bool creating)
{
    if (m_creating == creating)
        return;
    m_creating = creating;
    Q_EMIT creatingChanged();
}

void WebhookListModel::setListError(const QString &error)
{
    if (m_listError == error)
        return;
    m_listError = error;
    Q_EMIT listErrorChanged();
}

void WebhookListModel::setLoaded(bool loaded)
{
    if (m_loaded == loaded)
        return;
    m_loaded = loaded;
    Q_EMIT loadedChanged();
}

QString WebhookListModel::eventName(const QString &type)
{
    if (type == WebhookEvents::conversationCreated)
        return tr("New chat");
    if (type == WebhookEvents::conversationAccepted)
        return tr("Chat accepted");
    if (type == WebhookEvents::conversationTransferred)
        return tr("Chat transferred");
    if (type == WebhookEvents::conversationClosed)
        return tr("Chat closed");
    if (type == WebhookEvents::conversationRated)
        return tr("Chat rated");
    if (type == WebhookEvents::messageVisitor)
        return tr("Visitor message");
    if (type == WebhookEvents::messageAgent)
        return tr("Agent reply");
    return type;
}

QString WebhookListModel::eventNames(const QStringList &types)
{
    const QStringList all = WebhookEvents::all();
    if (std::all_of(all.cbegin(), all.cend(), [&types](const QString &type) { return types.contains(type); }))
        return tr("All events");
    QStringList names;
    // The docs' order, whatever order the server keeps them in; unknown (newer) types last.
    for (const QString &type : all) {
        if (types.contains(type))
            names.append(eventName(type));
    }
    for (const QString &type : types) {
        if (!all.contains(type))
            names.append(type);
    }
    return names.join(tr(", ", "between event names"));
}

QString WebhookListModel::urlProblem(const QString &url)
{
    const QString address = url.trimmed();
    if (address.isEmpty())
        return tr("Enter the address that should receive the events.");
    const bool web = (address.startsWith(u"https://"_s, Qt::CaseInsensitive) && address.size() > 8)
        || (address.startsWith(u"http://"_s, Qt::CaseInsensitive) && address.size() > 7);
    return web ? QString() : tr("The address must start with http:// or https://.");
}

QString WebhookListModel::statusKind(const WebhookRecord &webhook)
{
    if (webhook.lastFailureAt > 0)
        return u"failing"_s;
    if (webhook.queued > 0)
        return u"waiting"_s;
    if (webhook.lastDeliveredAt > 0)
        return u"delivered"_s;
    return u"none"_s;
}

QString WebhookListModel::statusLine(const WebhookRecord &webhook, const QDateTime &now)
{
    // One arg() call with every value: a failure sentence with "%1" in it stays text.
    QString line;
    if (webhook.queued > 0 && webhook.lastFailureAt > 0)
        line = tr("%1 waiting, last failure: %2").arg(QString::number(webhook.queued), webhook.lastFailure);
    else if (webhook.queued > 0)
        line = tr("%1 waiting").arg(webhook.queued);
    else if (webhook.lastFailureAt > 0)
        line = tr("Last attempt failed: %1").arg(webhook.lastFailure);
    else if (webhook.lastDeliveredAt > 0)
        line = deliveredSentence(dateTime(webhook.lastDeliveredAt), now);
    else
        line = tr("No deliveries yet");
    if (webhook.failed > 0)
        line += u"  ·  "_s + tr("%1 given up on").arg(webhook.failed);
    return line;
}

int WebhookListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant WebhookListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const WebhookRecord &webhook = row.webhook;
    switch (role) {
    case Qt::DisplayRole:
    case UrlRole:
        return webhook.url;
    case WebhookIdRole:
        return int(webhook.id);
    case SiteIdRole:
        return int(webhook.siteId);
    case EventsRole:
        return webhook.events;
    case EventNamesRole:
        return eventNames(webhook.events);
    case EnabledRole:
        return webhook.enabled;
    case DescriptionRole:
        return webhook.description;
    case SecretRole:
        return webhook.secret;
    case CreatedAtRole:
        return dateTime(webhook.createdAt);
    case QueuedRole:
        return webhook.queued;
    case FailedRole:
        return webhook.failed;
    case LastDeliveredAtRole:
        return dateTime(webhook.lastDeliveredAt);
    case LastFailureAtRole:
        return dateTime(webhook.lastFailureAt);
    case LastFailureRole:
        return webhook.lastFailure;
    case StatusLineRole:
        return statusLine(webhook, QDateTime::currentDateTime());
    case StatusKindRole:
        return statusKind(webhook);
    case ErrorRole:
        return row.error;
    case ErrorActionRole:
        return row.errorAction;
    case BusyRole:
        return row.busy > 0;
    }
    return {};
}

QHash<int, QByteArray> WebhookListModel::roleNames() const
{
    return {{WebhookIdRole, "webhookId"},
            {SiteIdRole, "siteId"},
            {UrlRole, "url"},
            {EventsRole, "events"},
            {EventNamesRole, "eventNames"},
            {EnabledRole, "isEnabled"},
            {DescriptionRole, "description"},
            {SecretRole, "secret"},
            {CreatedAtRole, "createdAt"},
            {QueuedRole, "queued"},
            {FailedRole, "failed"},
            {LastDeliveredAtRole, "lastDeliveredAt"},
            {LastFailureAtRole, "lastFailureAt"},
            {LastFailureRole, "lastFailure"},
            {StatusLineRole, "statusLine"},
            {StatusKindRole, "statusKind"},
            {ErrorRole, "error"},
            {ErrorActionRole, "errorAction"},
            {BusyRole, "busy"}};
}

} // namespace Frontdesk
