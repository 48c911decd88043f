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
 * @brief The current site's webhook endpoints (admins only), oldest first,
 * from `list_webhooks`, kept live by `webhook_status` and `webhook_deleted`,
 * with the verbs Settings → Webhooks offers on them.
 *
 * The list is read again whenever the console (re)connects, the current site
 * changes or the view becomes active; an endpoint of another site is never
 * shown. A command that fails leaves its sentence (the error frame's
 * `message`) on the row it was about (ErrorRole, with ErrorActionRole naming
 * the control), or in createError for the form: the view shows it next to the
 * control that caused it. For a non-admin the list stays empty and nothing is
 * asked: the server would refuse.
 */
class WebhookListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client whose current site's endpoints are listed (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief While true (the view is showing), the list is read when it becomes true and the relative times tick.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /// @brief How many endpoints the site has.
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// @brief True once the server answered list_webhooks for the current site.
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    /// @brief The site whose endpoints these are (0 while none is known).
    Q_PROPERTY(int siteId READ siteId NOTIFY siteIdChanged)
    /// @brief Why the list could not be read, as a sentence; "" when it could.
    Q_PROPERTY(QString listError READ listError NOTIFY listErrorChanged)
    /// @brief Why the last create() was refused (by the form's checks or the server); "" otherwise.
    Q_PROPERTY(QString createError READ createError NOTIFY createErrorChanged)
    /// @brief True while a create_webhook is on its way.
    Q_PROPERTY(bool creating READ isCreating NOTIFY creatingChanged)
    /// @brief The six event types an endpoint can subscribe to, in the order the docs list them.
    Q_PROPERTY(QStringList eventTypes READ eventTypes CONSTANT)

public:
    enum Role {
        WebhookIdRole = Qt::UserRole + 1, ///< int
        SiteIdRole, ///< int
        UrlRole, ///< the endpoint's address, as the admin typed it (text from the wire: show it plain)
        EventsRole, ///< QStringList: the subscribed event types ("message.visitor", …)
        EventNamesRole, ///< the subscribed events as words: "New chat, Visitor message", or "All events"
        EnabledRole, ///< bool "isEnabled" (not "enabled": that is every Item's): whether events are sent to it
        DescriptionRole, ///< the admin's note on it ("" for none)
        SecretRole, ///< "whsec_…": the signing secret
        CreatedAtRole, ///< QDateTime
        QueuedRole, ///< int: deliveries waiting to be sent or retried
        FailedRole, ///< int: deliveries given up on
        LastDeliveredAtRole, ///< QDateTime, invalid while nothing was delivered
        LastFailureAtRole, ///< QDateTime of the last failed attempt since the last delivery, else invalid
        LastFailureRole, ///< that attempt's sentence ("Connection refused", "HTTP 500"), else ""
        StatusLineRole, ///< "Delivered 2 min ago", "3 waiting, last failure: …", "No deliveries yet"
        StatusKindRole, ///< "none", "delivered", "waiting" or "failing": what the status line's colour says
        ErrorRole, ///< the sentence of the last command on this row that failed; "" once one succeeds
        ErrorActionRole, ///< which control it came from: "enabled", "update", "rotate" or "delete" ("" for none)
        BusyRole, ///< bool: a command on this row is on its way
    };
    Q_ENUM(Role)

    explicit WebhookListModel(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] bool isLoaded() const { return m_loaded; }
    [[nodiscard]] int siteId() const { return int(m_siteId); }
    [[nodiscard]] QString listError() const { return m_listError; }
    [[nodiscard]] QString createError() const { return m_createError; }
    [[nodiscard]] bool isCreating() const { return m_creating; }
    [[nodiscard]] static QStringList eventTypes() { return WebhookEvents::all(); }
    /// The endpoint with @p webhookId as last heard of (id 0 when it is not listed).
    [[nodiscard]] WebhookRecord webhook(qint64 webhookId) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// @brief Reads the current site's endpoints again.
    Q_INVOKABLE void refresh();
    /// @brief Adds an endpoint to the current site: @p url (http:// or https://), the event types it hears
    /// (at least one) and an optional note. Returns false, with createError set, when the form's own checks
    /// refuse it (nothing is sent); created() follows the server's answer.
    Q_INVOKABLE bool create(const QString &url, const QStringList &events, const QString &description);
    /// @brief Turns sending to the endpoint on or off; the row shows the choice at once and goes back if refused.
    Q_INVOKABLE void setEnabled(int webhookId, bool enabled);
    /// @brief Changes the endpoint's address, events and note. Returns false, with the row's error set, when
    /// the form's own checks refuse it; updated() follows the server's answer.
    Q_INVOKABLE bool update(int webhookId, const QString &url, const QStringList &events, const QString &description);
    /// @brief Gives the endpoint a new secret; what is sent from then on is signed with it.
    Q_INVOKABLE void rotateSecret(int webhookId);
    /// @brief Deletes the endpoint with its delivery log.
    Q_INVOKABLE void remove(int webhookId);

    /// @brief An event type in words: "message.visitor" → "Visitor message" (an unknown type as it is).
    Q_INVOKABLE static QString eventName(const QString &type);
    /// The subscribed events as words, in the docs' order; "All events" when every type is there.
    [[nodiscard]] static QString eventNames(const QStringList &types);
    /// "" when @p url starts with http:// or https://, else the sentence the form shows.
    [[nodiscard]] static QString urlProblem(const QString &url);
    /// The status line of @p webhook seen at @p now.
    [[nodiscard]] static QString statusLine(const WebhookRecord &webhook, const QDateTime &now);
    /// "none", "delivered", "waiting" or "failing".
    [[nodiscard]] static QString statusKind(const WebhookRecord &webhook);

Q_SIGNALS:
    void clientChanged();
    void activeChanged();
    void countChanged();
    void loadedChanged();
    void siteIdChanged();
    void listErrorChanged();
    void createErrorChanged();
    void creatingChanged();
    /// The server added the endpoint create() asked for (the form clears itself).
    void created(int webhookId);
    /// The server took an update() (an editor closes).
    void updated(int webhookId);

private:
    struct Row {
        WebhookRecord webhook;
        QString error;
        QString errorAction;
        int busy = 0;
    };

    void followSite();
    void clear();
    void replace(const QList<WebhookRecord> &webhooks);
    /// Adds @p webhook (in id order) or replaces the row with its id; the row's error stays.
    void upsert(const WebhookRecord &webhook);
    void removeRow(qint64 webhookId);
    [[nodiscard]] int indexOf(qint64 webhookId) const;
    /// Marks a command on the row as sent (@p action "" keeps the row's error) or answered.
    void setBusy(qint64 webhookId, bool busy);
    void setRowError(qint64 webhookId, const QString &action, const QString &error);
    void setCreateError(const QString &error);
    void setCreating(bool creating);
    void setListError(const QString &error);
    void setLoaded(bool loaded);
    [[nodiscard]] bool canAsk() const;

    QPointer<AgentClient> m_client;
    QList<Row> m_rows;
    QTimer m_tick; ///< keeps "Delivered 2 min ago" true while the view shows
    qint64 m_siteId = 0;
    quint64 m_listGeneration = 0; ///< answers to an older list_webhooks (another site, a later refresh) are dropped
    QString m_listError;
    QString m_createError;
    bool m_active = false;
    bool m_loaded = false;
    bool m_creating = false;
    bool m_wasAdmin = false;
};

} // namespace Frontdesk
