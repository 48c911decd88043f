#pragma once

#include "core/webhookrecords.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace Frontdesk {

class AgentClient;

/**
 * @brief One webhook endpoint's delivery log (admins only), newest first,
 * from `list_webhook_deliveries`, a page at a time ("load more" asks for the
 * page before the oldest row shown), with resend().
 *
 * While an endpoint is chosen (webhookId), every `webhook_status` about it
 * reads the newest page again and merges it by delivery id: rows change in
 * place, new ones come in at the top, the older pages loaded stay. A burst of
 * events costs one read at a time. The log empties when the endpoint is
 * deleted (webhookId turns 0) and is read again after every reconnect.
 */
class WebhookDeliveryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client that reads the log (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief The endpoint whose log this is; 0 for none (the log is empty and nothing is asked).
    Q_PROPERTY(int webhookId READ webhookId WRITE setWebhookId NOTIFY webhookIdChanged)
    /// @brief How many deliveries are loaded.
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// @brief True once the newest page of the chosen endpoint arrived.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    /// @brief True while a page is on its way.
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    /// @brief True while older deliveries may exist beyond the last row (the last page was full).
    Q_PROPERTY(bool canLoadMore READ canLoadMore NOTIFY canLoadMoreChanged)
    /// @brief Why the log could not be read, as a sentence; "" when it could.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// @brief How many deliveries a page holds (1-100; 50 by default).
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)

public:
    enum Role {
        DeliveryIdRole = Qt::UserRole + 1, ///< int
        EventIdRole, ///< "evt_42": the webhook-id header, the same for every retry and resend
        EventRole, ///< the event type, "message.visitor"
        EventNameRole, ///< the event in words, "Visitor message"
        StatusRole, ///< "queued", "delivered" or "failed"
        StatusTextRole, ///< "Delivered", "Waiting", "Waiting, retry at 13:40", "Failed"
        AttemptsRole, ///< int
        StatusCodeRole, ///< int: the last attempt's HTTP status, 0 when none came
        StatusCodeTextRole, ///< "HTTP 500", "No answer" (tried, nothing came back), "" (not tried yet)
        ErrorRole, ///< the last failure's sentence (from the server: show it plain), "" for none
        CreatedAtRole, ///< QDateTime: when the event was handed to the endpoint
        LastAttemptAtRole, ///< QDateTime, invalid before the first attempt
        NextAttemptAtRole, ///< QDateTime of the next try while queued
        DeliveredAtRole, ///< QDateTime, invalid until delivered
        TimeTextRole, ///< when it was delivered, else last tried, else created: "13:40" today, else with the date
        ResendErrorRole, ///< why the last resend() of this row was refused; ""
        ResendingRole, ///< bool: a resend is on its way
    };
    Q_ENUM(Role)

    explicit WebhookDeliveryModel(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] int webhookId() const { return int(m_webhookId); }
    void setWebhookId(int webhookId);
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] bool isLoading() const { return m_loading > 0; }
    [[nodiscard]] bool canLoadMore() const { return m_canLoadMore; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    void setPageSize(int size);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// @brief Reads the newest page again and merges it in.
    Q_INVOKABLE void refresh();
    /// @brief Reads the page before the oldest delivery shown (while canLoadMore).
    Q_INVOKABLE void loadMore();
    /// @brief Sends the delivery again, due now, under the same webhook-id.
    Q_INVOKABLE void resend(int deliveryId);

    /// "Delivered", "Waiting", "Waiting, retry at 13:40" or "Failed" for @p delivery seen at @p now.
    [[nodiscard]] static QString statusText(const WebhookDelivery &delivery, const QDateTime &now);
    /// "13:40" on @p now's day, else the short date and time.
    [[nodiscard]] static QString timeText(const QDateTime &then, const QDateTime &now);

Q_SIGNALS:
    void clientChanged();
    void webhookIdChanged();
    void countChanged();
    void loadedChanged();
    void loadingChanged();
    void canLoadMoreChanged();
    void errorChanged();
    void pageSizeChanged();

private:
    struct Row {
        WebhookDelivery delivery;
        QString resendError;
        bool resending = false;
    };

    void clear();
    /// Sends the first read of a burst; the ones asked for meanwhile make one more after it.
    void scheduleRefresh();
    void merge(const QList<WebhookDelivery> &page);
    void append(const QList<WebhookDelivery> &page);
    /// Replaces the row with @p delivery's id (a resend's answer).
    void replaceRow(const WebhookDelivery &delivery);
    [[nodiscard]] int indexOf(qint64 deliveryId) const;
    void setLoading(bool loading);
    void setLoaded(bool loaded);
    void setCanLoadMore(bool canLoadMore);
    void setError(const QString &error);
    [[nodiscard]] bool canAsk() const;

    QPointer<AgentClient> m_client;
    QList<Row> m_rows; ///< newest (highest id) first
    QTimer m_refreshSoon; ///< gathers the webhook_status of a burst into one read
    qint64 m_webhookId = 0;
    quint64 m_generation = 0; ///< answers about an earlier endpoint choice are dropped
    int m_pageSize = 50;
    int m_loading = 0;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
    bool m_loaded = false;
    bool m_canLoadMore = false;
    QString m_error;
};

} // namespace Frontdesk
