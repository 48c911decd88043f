#pragma once

#include "protocol/agentviewreader.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace Frontdesk {

class AgentClient;

/**
 * @brief The signed-in agent's own sessions (one per login: this console,
 * another computer, a forgotten browser), most recently used first, from
 * `list_sessions`; ending one signs that console out at once.
 */
class SessionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client that feeds the list (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief While true (the view is showing), the list is read again on every (re)connect and kept fresh.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /// @brief How many sessions there are, this one included.
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// @brief True once a list has arrived from the server (false while offline before the first answer).
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)

public:
    enum Role {
        SessionIdRole = Qt::UserRole + 1, ///< string: the session's id (not its token)
        DeviceRole, ///< e.g. "Firefox 121 on Linux", or the raw user agent when it is not recognised
        UserAgentRole, ///< the User-Agent header of the login, as sent
        AddressRole, ///< the address the login came from
        CreatedAtRole, ///< QDateTime: the login
        LastUsedAtRole, ///< QDateTime: the last connection with its token
        LastActiveRole, ///< sentence: "Active now", "Last active 5 minutes ago"
        IsCurrentRole, ///< bool: the session of this console
    };
    Q_ENUM(Role)

    explicit SessionListModel(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] bool isLoaded() const { return m_loaded; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// @brief Asks the server for the list again.
    Q_INVOKABLE void refresh();
    /// @brief Signs out another of the agent's sessions (end_session); the list is read again after.
    Q_INVOKABLE void endSession(const QString &sessionId);
    /// @brief Signs out every session but this console's.
    Q_INVOKABLE void endOtherSessions();

    /// "Active now", "Last active 5 minutes ago", … for @p then seen at @p now.
    [[nodiscard]] static QString lastActiveSentence(const QDateTime &then, const QDateTime &now);
    /// "Firefox 121 on Linux", "Linux", "Firefox 121", else @p userAgent itself (or "Unknown device").
    [[nodiscard]] static QString deviceName(const QString &userAgent);

Q_SIGNALS:
    void clientChanged();
    void activeChanged();
    void countChanged();
    void loadedChanged();

private:
    struct Session {
        QString id;
        QString userAgent;
        QString device;
        QString address;
        QDateTime createdAt;
        QDateTime lastUsedAt;
        bool current = false;
    };

    void replace(const QList<SessionView> &sessions);

    QPointer<AgentClient> m_client;
    QList<Session> m_sessions;
    QTimer m_tick; ///< keeps "5 minutes ago" true while the view shows
    bool m_active = false;
    bool m_loaded = false;
};

} // namespace Frontdesk
