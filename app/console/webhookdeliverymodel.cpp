#include "webhookdeliverymodel.h"

#include "agentclient.h"
#include "webhooklistmodel.h"

#include <QLocale>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QDateTime dateTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

/// Hours and minutes in the locale's way; the C locale's short format has seconds.
QString shortTime(const QTime &time)
{
    const QLocale locale;
    return locale.language() == QLocale::C ? time.toString(u"HH:mm"_s) : locale.toString(time, QLocale::ShortFormat);
}

} // namespace

WebhookDeliveryModel::WebhookDeliveryModel(QObject *parent) : QAbstractListModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &WebhookDeliveryModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &WebhookDeliveryModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &WebhookDeliveryModel::countChanged);
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(150);
    connect(&m_refreshSoon, &QTimer::timeout, this, &WebhookDeliveryModel::refresh);
}

void WebhookDeliveryModel::setClient(AgentClient *client)
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
    connect(client, &AgentClient::snapshotReceived, this, [this] {
        if (m_webhookId > 0)
            refresh();
    });
    connect(client, &AgentClient::stateChanged, this, [this] {
        if (m_client->state() == AgentClient::LoggedOut)
            setWebhookId(0);
    });
    // After every attempt and every change of the endpoint: the log has news.
    connect(client, &AgentClient::webhookStatusReceived, this, [this](const WebhookRecord &webhook) {
        if (webhook.id == m_webhookId && m_webhookId > 0)
            scheduleRefresh();
    });
    connect(client, &AgentClient::webhookDeleted, this, [this](qint64 webhookId) {
        if (webhookId == m_webhookId)
            setWebhookId(0);
    });
    refresh();
}

void WebhookDeliveryModel::setWebhookId(int webhookId)
{
    if (m_webhookId == webhookId)
        return;
    m_webhookId = std::max(0, webhookId);
    clear();
    Q_EMIT webhookIdChanged();
    refresh();
}

void WebhookDeliveryModel::setPageSize(int size)
{
    size = std::clamp(size, 1, 100); // the server's limit
    if (m_pageSize == size)
        return;
    m_pageSize = size;
    Q_EMIT pageSizeChanged();
}

bool WebhookDeliveryModel::canAsk() const
{
    return m_client && m_client->isOnline() && m_webhookId > 0;
}

void WebhookDeliveryModel::clear()
{
    ++m_generation;
    m_refreshSoon.stop();
    m_refreshing = false;
    m_refreshAgain = false;
    if (!m_rows.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }
    if (std::exchange(m_loading, 0) > 0)
        Q_EMIT loadingChanged();
    setLoaded(false);
    setCanLoadMore(false);
    setError({});
}

void WebhookDeliveryModel::scheduleRefresh()
{
    if (!m_refreshSoon.isActive())
        m_refreshSoon.start();
}

void WebhookDeliveryModel::refresh()
{
    if (!canAsk())
        return;
    if (m_refreshing) {
        m_refreshAgain = true; // one more read once this one is answered
        return;
    }
    m_refreshing = true;
    setLoading(true);
    const quint64 generation = m_generation;
    m_client->commands()->listWebhookDeliveries(m_webhookId, 0, m_pageSize, this,
                                                [this, generation](const CommandResult<QList<WebhookDelivery>> &answer) {
                                                    if (generation != m_generation)
                                                        return;
                                                    m_refreshing = false;
                                                    setLoading(false);
                                                    if (!answer.ok()) {
                                                        m_refreshAgain = false;
                                                        setError(answer.errorMessage);
                                                        return;
                                                    }
                                                    setError({});
                                                    merge(answer.value);
                                                    setLoaded(true);
                                                    if (std::exchange(m_refreshAgain, false))
                                                        refresh();
                                                });
}

void WebhookDeliveryModel::loadMore()
{
    if (!canAsk() || !m_canLoadMore || m_rows.isEmpty())
        return;
    const qint64 beforeId = m_rows.last().delivery.id;
    setLoading(true);
    setCanLoadMore(false); // one page at a time
    const quint64 generation = m_generation;
    m_client->commands()->listWebhookDeliveries(m_webhookId, beforeId, m_pageSize, this,
                                                [this, generation](const CommandResult<QList<WebhookDelivery>> &answer) {
                                                    if (generation != m_generation)
                                                        return;
                                                    setLoading(false);
                                                    if (!answer.ok()) {
                                                        setCanLoadMore(true); // it may be asked again
                                                        setError(answer.errorMessage);
                                                        return;
                                                    }
                                                    setError({});
                                                    append(answer.value);
                                                    setCanLoadMore(answer.value.size() >= m_pageSize);
                                                });
}

void WebhookDeliveryModel::merge(const QList<WebhookDelivery> &page)
{
    // Nothing shown yet, or more new deliveries than a page (the rows shown are
    // not next to the page): the page is the log.
    if (m_rows.isEmpty() || (page.size() >= m_pageSize && page.last().id > m_rows.first().delivery.id)) {
        beginResetModel();
        m_rows.clear();
        for (const WebhookDelivery &delivery : page)
            m_rows.append(Row{delivery, {}, false});
        endResetModel();
        setCanLoadMore(page.size() >= m_pageSize);
        return;
    }
    for (const WebhookDelivery &delivery : page) {
        const int at = indexOf(delivery.id);
        if (at >= 0) {
            m_rows[at].delivery = delivery;
            Q_EMIT dataChanged(index(at), index(at));
            continue;
        }
        const auto place = std::lower_bound(m_rows.cbegin(), m_rows.cend(), delivery.id,
                                            [](const Row &row, qint64 id) { return row.delivery.id > id; });
        const int row = int(place - m_rows.cbegin());
        beginInsertRows({}, row, row);
        m_rows.insert(row, Row{delivery, {}, false});
        endInsertRows();
    }
}

void WebhookDeliveryModel::append(const QList<WebhookDelivery> &page)
{
    QList<Row> older;
    const qint64 oldest = m_rows.isEmpty() ? std::numeric_limits<qint64>::max() : m_rows.last().delivery.id;
    for (const WebhookDelivery &delivery : page) {
        if (delivery.id < oldest && (older.isEmpty() || delivery.id < older.last().delivery.id))
            older.append(Row{delivery, {}, false});
    }
    if (older.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(older.size()) - 1);
    m_rows.append(older);
    endInsertRows();
}

void WebhookDeliveryModel::replaceRow(const WebhookDelivery &delivery)
{
    const int at = indexOf(delivery.id);
    if (at < 0)
        return;
    m_rows[at].delivery = delivery;
    Q_EMIT dataChanged(index(at), index(at));
}

void WebhookDeliveryModel::resend(int deliveryId)
{
    const int at = indexOf(deliveryId);
    if (at < 0 || !m_client)
        return;
    m_rows[at].resending = true;
    m_rows[at].resendError.clear();
    Q_EMIT dataChanged(index(at), index(at), {ResendingRole, ResendErrorRole});
    const quint64 generation = m_generation;
    m_client->commands()->resendWebhookDelivery(deliveryId, this,
                                                [this, deliveryId, generation](const CommandResult<WebhookDelivery> &answer) {
                                                    if (generation != m_generation)
                                                        return;
                                                    const int row = indexOf(deliveryId);
                                                    if (row < 0)
                                                        return;
                                                    m_rows[row].resending = false;
                                                    m_rows[row].resendError = answer.ok() ? QString() : answer.errorMessage;
                                                    if (answer.ok() && answer.value.id == deliveryId)
                                                        m_rows[row].delivery = answer.value;
                                                    Q_EMIT dataChanged(index(row), index(row));
                                                });
}

int WebhookDeliveryModel::indexOf(qint64 deliveryId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].delivery.id == deliveryId)
            return i;
    }
    return -1;
}

void WebhookDeliveryModel::setLoading(bool loading)
{
    const bool was = m_loading > 0;
    m_loading = std::max(0, m_loading + (loading ? 1 : -1));
    if (was != (m_loading > 0))
        Q_EMIT loadingChanged();
}

void WebhookDeliveryModel::setLoaded(bool loaded)
{
    if (m_loaded == loaded)
        return;
    m_loaded = loaded;
    Q_EMIT loadedChanged();
}

void WebhookDeliveryModel::setCanLoadMore(bool canLoadMore)
{
    if (m_canLoadMore == canLoadMore)
        return;
    m_canLoadMore = canLoadMore;
    Q_EMIT canLoadMoreChanged();
}

void WebhookDeliveryModel::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

QString WebhookDeliveryModel::statusText(const WebhookDelivery &delivery, const QDateTime &now)
{
    switch (delivery.status) {
    case DeliveryStatus::Delivered:
        return tr("Delivered");
    case DeliveryStatus::Failed:
        return tr("Failed");
    case DeliveryStatus::Queued:
        break;
    }
    const QDateTime next = dateTime(delivery.nextAttemptAt);
    if (delivery.attempts > 0 && next.isValid() && next > now)
        return tr("Waiting, retry at %1").arg(shortTime(next.time()));
    return tr("Waiting");
}

QString WebhookDeliveryModel::timeText(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return {};
    if (then.date() == now.date())
        return shortTime(then.time());
    return QLocale().toString(then.date(), QLocale::ShortFormat) + u' ' + shortTime(then.time());
}

int WebhookDeliveryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant WebhookDeliveryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const WebhookDelivery &delivery = row.delivery;
    switch (role) {
    case Qt::DisplayRole:
    case EventNameRole:
        return WebhookListModel::eventName(delivery.eventType);
    case DeliveryIdRole:
        return int(delivery.id);
    case EventIdRole:
        return delivery.eventId > 0 ? u"evt_%1"_s.arg(delivery.eventId) : QString();
    case EventRole:
        return delivery.eventType;
    case StatusRole:
        return toString(delivery.status);
    case StatusTextRole:
        return statusText(delivery, QDateTime::currentDateTime());
    case AttemptsRole:
        return delivery.attempts;
    case StatusCodeRole:
        return delivery.statusCode;
    case StatusCodeTextRole:
        if (delivery.statusCode > 0)
            return tr("HTTP %1").arg(delivery.statusCode);
        return delivery.attempts > 0 ? tr("No answer") : QString();
    case ErrorRole:
        return delivery.error;
    case CreatedAtRole:
        return dateTime(delivery.createdAt);
    case LastAttemptAtRole:
        return dateTime(delivery.lastAttemptAt);
    case NextAttemptAtRole:
        return dateTime(delivery.nextAttemptAt);
    case DeliveredAtRole:
        return dateTime(delivery.deliveredAt);
    case TimeTextRole: {
        const qint64 at = delivery.deliveredAt > 0 ? delivery.deliveredAt
            : delivery.lastAttemptAt > 0           ? delivery.lastAttemptAt
                                                   : delivery.createdAt;
        return timeText(dateTime(at), QDateTime::currentDateTime());
    }
    case ResendErrorRole:
        return row.resendError;
    case ResendingRole:
        return row.resending;
    }
    return {};
}

QHash<int, QByteArray> WebhookDeliveryModel::roleNames() const
{
    return {{DeliveryIdRole, "deliveryId"},
            {EventIdRole, "eventId"},
            {EventRole, "event"},
            {EventNameRole, "eventName"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {AttemptsRole, "attempts"},
            {StatusCodeRole, "statusCode"},
            {StatusCodeTextRole, "statusCodeText"},
            {ErrorRole, "error"},
            {CreatedAtRole, "createdAt"},
            {LastAttemptAtRole, "lastAttemptAt"},
            {NextAttemptAtRole, "nextAttemptAt"},
            {DeliveredAtRole, "deliveredAt"},
            {TimeTextRole, "timeText"},
            {ResendErrorRole, "resendError"},
            {ResendingRole, "resending"}};
}

} // namespace Frontdesk
