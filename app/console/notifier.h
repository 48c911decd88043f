#pragma once

#include "alertsound.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>

class QSystemTrayIcon;
class QDBusPendingCallWatcher;

namespace Frontdesk {

class AgentClient;

/**
 * @brief Makes sure no chat is missed: a desktop notification (with sound) for
 * a new waiting visitor and for a visitor message in a chat that is not in
 * view, repeated while a visitor still waits; the window title carries the
 * count (the tray icon is TrayIcon's).
 *
 * Notifications go through the desktop's standard service
 * (org.freedesktop.Notifications on the session bus); clicking one emits
 * openConversationRequested. Without that service the tray's balloon is used.
 * Every call is asynchronous.
 *
 * Sound: its AlertSound rings for a waiting visitor, again every repeatSeconds
 * (once per period however many wait) until each is accepted or has left, and
 * chimes for a message not in view; meanwhile notifications carry
 * "suppress-sound", so the daemon adds no second sound. Only when the alert
 * sound cannot play do they ask the daemon for its "sound-name" instead.
 */
class Notifier : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client whose events are watched (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief The conversation the agent is looking at (no notifications for it); 0 for none.
    Q_PROPERTY(
        int viewedConversationId READ viewedConversationId WRITE setViewedConversationId NOTIFY viewedConversationIdChanged)
    /// @brief Whether the console window is the active window.
    Q_PROPERTY(bool windowActive READ windowActive WRITE setWindowActive NOTIFY windowActiveChanged)
    /// @brief Waiting visitors plus chats with unread visitor messages: the count in the tray and title.
    Q_PROPERTY(int attentionCount READ attentionCount NOTIFY attentionCountChanged)
    /// @brief Visitors waiting in the queue.
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY attentionCountChanged)
    /// @brief Seconds between reminders while a visitor waits; 0 turns reminders off.
    Q_PROPERTY(int repeatSeconds READ repeatSeconds WRITE setRepeatSeconds NOTIFY repeatSecondsChanged)
    /// @brief Whether visitors and their messages make a sound (the alert sound; the daemon's when that cannot play).
    Q_PROPERTY(bool soundEnabled READ soundEnabled WRITE setSoundEnabled NOTIFY soundEnabledChanged)
    /// @brief Whether desktop notifications are shown at all.
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY enabledChanged)
    /// @brief How many notifications were raised (for tests and diagnostics).
    Q_PROPERTY(int notificationCount READ notificationCount NOTIFY notified)
    /// @brief The console's own sounds: their volume, whether they can play, "Test sound".
    Q_PROPERTY(Frontdesk::AlertSound *alertSound READ alertSound CONSTANT)

public:
    explicit Notifier(QObject *parent = nullptr);
    ~Notifier() override;

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] int viewedConversationId() const { return m_viewed; }
    void setViewedConversationId(int conversationId);
    [[nodiscard]] bool windowActive() const { return m_windowActive; }
    void setWindowActive(bool active);
    [[nodiscard]] int attentionCount() const { return int(m_waiting.size() + m_unread.size()); }
    [[nodiscard]] int waitingCount() const { return int(m_waiting.size()); }
    [[nodiscard]] int repeatSeconds() const { return m_repeatSeconds; }
    void setRepeatSeconds(int seconds);
    [[nodiscard]] bool soundEnabled() const { return m_sound; }
    void setSoundEnabled(bool enabled);
    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    [[nodiscard]] int notificationCount() const { return m_notificationCount; }
    [[nodiscard]] AlertSound *alertSound() const { return m_alertSound; }

    // --- The tray (TrayIcon owns it) and messages about the console itself ---
    /// The tray icon whose balloon stands in when there is no notification service (may be null).
    void setTrayIcon(QSystemTrayIcon *tray);
    /// A notification about the console itself ("still running in the tray"): no sound, no action.
    void inform(const QString &title, const QString &body);
    // --- end of the tray block ---

    /// A server with the "body-markup" capability renders a markup subset (<b>, <i>, <a href>,
    /// <img src>) in bodies: @p text with &, <, >, " and ' as entities, so a visitor's markup shows
    /// as typed.
    [[nodiscard]] static QString escapeMarkup(const QString &text);

Q_SIGNALS:
    void clientChanged();
    void viewedConversationIdChanged();
    void windowActiveChanged();
    void attentionCountChanged();
    void repeatSecondsChanged();
    void soundEnabledChanged();
    void enabledChanged();
    /// A notification was raised for @p conversationId.
    void notified(int conversationId, const QString &title, const QString &body);
    /// The agent clicked a notification (or its "Open" action) for this conversation.
    void openConversationRequested(int conversationId);
    /// The agent clicked the tray icon.
    void showWindowRequested();

private Q_SLOTS:
    void onActionInvoked(uint notificationId, const QString &actionKey);
    void onNotificationClosed(uint notificationId, uint reason);

private:
    void notify(int conversationId, const QString &title, const QString &body, bool urgent);
    void send(int conversationId, const QString &title, const QString &body, bool urgent);
    void remind();
    void forget(int conversationId);
    [[nodiscard]] bool inView(int conversationId) const { return m_windowActive && conversationId == m_viewed; }
    // --- sound (AlertSound) ---
    /// Rings if a waiting visitor is still there.
    void ring();

    QPointer<AgentClient> m_client;
    int m_viewed = 0;
    bool m_windowActive = false;
    int m_repeatSeconds = 30;
    bool m_sound = true;
    bool m_enabled = true;
    int m_notificationCount = 0;
    QHash<int, QString> m_waiting; ///< waiting conversation → who (for reminders)
    QSet<int> m_unread; ///< conversations with visitor messages the agent has not seen
    QHash<int, uint> m_notificationFor; ///< conversation → desktop notification id (replaced, not piled up)
    QHash<uint, int> m_conversationOf;
    QTimer m_reminder;
    QPointer<QSystemTrayIcon> m_tray; ///< TrayIcon's
    int m_trayConversation = 0;
    bool m_busWatched = false;
    /// Whether the server renders markup in bodies ("body-markup"): asked once, before the first Notify.
    enum class BodyMarkup { Unknown, Asking, Yes, No } m_bodyMarkup = BodyMarkup::Unknown;
    struct Pending {
        int conversationId;
        QString title;
        QString body;
        bool urgent;
    };
    QList<Pending> m_pending; ///< notifications waiting for the server's capabilities
    AlertSound *m_alertSound = nullptr;
    /// Waiting conversations whose visitor closed the page: no ring for them. Always a subset of
    /// m_waiting, so "anyone still there" is a size comparison, not a loop over the queue.
    QSet<int> m_visitorGone;
};

} // namespace Frontdesk
