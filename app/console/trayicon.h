#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

class QAction;
class QActionGroup;
class QMenu;
class QSystemTrayIcon;

namespace Frontdesk {

class AgentClient;
class ConversationFilterModel;
class ConversationModel;

/**
 * @brief The console's icon in the desktop's tray, telling the truth about
 * the chat: normal, attention (visitors waiting: their count drawn in the
 * icon and said in the tooltip) or offline (not connected; in host mode also
 * when the in-process server is down, since the console then cannot connect).
 *
 * Its menu lists the waiting visitors, longest waiting first (a click
 * accepts the chat and opens the window on it), the agent's status (online,
 * away, offline, as the console's presence selector), Open and Quit.
 *
 * QSystemTrayIcon does the desktop's part: where a StatusNotifierWatcher is on
 * the session bus when the icon is first shown, Qt exports it as a
 * StatusNotifierItem with the menu as com.canonical.dbusmenu; otherwise it docks
 * in an XEmbed tray. Neither is asked for more than the icon, tooltip and menu.
 *
 * The menu follows the queue through a ConversationFilterModel; changes are
 * gathered for one pass of the event loop, and the menu shows at most
 * maxListed visitors, so a rush costs a bounded rebuild, not one per visitor.
 */
class TrayIcon : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console creates the tray icon.")

    /// @brief Normal, Attention (visitors waiting) or Offline.
    Q_PROPERTY(State state READ state NOTIFY changed)
    /// @brief Visitors waiting: the number in the icon.
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY changed)
    /// @brief The tooltip as the tray shows it.
    Q_PROPERTY(QString toolTip READ toolTip NOTIFY changed)

public:
    enum State { Normal, Attention, Offline };
    Q_ENUM(State)

    /// The most waiting visitors the menu lists; the rest are "and N more".
    static constexpr int maxListed = 8;

    TrayIcon(AgentClient *client, ConversationModel *conversations, QObject *parent = nullptr);
    ~TrayIcon() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] int waitingCount() const;
    [[nodiscard]] QString toolTip() const { return m_toolTip; }
    /// The tray's menu (also for screenshots and tests).
    [[nodiscard]] QMenu *menu() const { return m_menu; }
    /// The desktop's icon, once shown (the notifier's fallback for balloons).
    [[nodiscard]] QSystemTrayIcon *systemTrayIcon() const { return m_tray; }

    /// Shows the icon (needs a QApplication; the tray itself may come later: Qt docks when it does).
    void show();

    /// The icon for @p state with @p count drawn in the attention state.
    [[nodiscard]] static QIcon drawIcon(State state, int count);
    /// A visitor-supplied string as a menu label: one line, elided, '&' doubled so it is no mnemonic;
    /// with @p dbusMenu also '_' doubled (see label()).
    [[nodiscard]] static QString menuLabel(const QString &text, int maxLength = 48, bool dbusMenu = false);

Q_SIGNALS:
    void changed();
    /// Open: show the console window.
    void openRequested();
    /// A waiting visitor was chosen: the chat was accepted; show the window on it.
    void conversationChosen(int conversationId);
    /// Quit was chosen (the console asks first when visitors would be left).
    void quitRequested();

private:
    void scheduleRefresh();
    void refresh();
    void rebuildVisitors();
    void updatePresence();
    [[nodiscard]] QString describe() const;
    [[nodiscard]] static bool hasStatusNotifierHost();
    [[nodiscard]] QString label(const QString &text, int maxLength) const { return menuLabel(text, maxLength, m_dbusMenu); }

    QPointer<AgentClient> m_client;
    ConversationFilterModel *m_queue = nullptr;
    QMenu *m_menu = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_header = nullptr;
    QAction *m_visitorsEnd = nullptr;
    QList<QAction *> m_visitorActions;
    QActionGroup *m_presence = nullptr;
    QTimer m_refresh;
    /// Qt exports the menu over com.canonical.dbusmenu (a StatusNotifierItem host was there at show()):
    /// Qt turns the first '&' into dbusmenu's '_' but passes '_' on as is, which hosts read as a
    /// mnemonic ("ann_lee" would show as "annlee"), so labels double it there.
    bool m_dbusMenu = false;
    State m_state = Offline;
    int m_shownCount = -1;
    QString m_toolTip;
    QList<QPair<int, QString>> m_listed; ///< what the menu lists now (id, label), to rebuild only on change
};

} // namespace Frontdesk
