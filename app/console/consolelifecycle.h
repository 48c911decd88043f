#pragma once

#include "trayicon.h" // complete for the tray property's meta type

#include <QObject>
#include <QPointer>
#include <QQmlEngine>

namespace Frontdesk {

class AgentClient;
class ConsoleSettings;
class ConversationModel;
class Notifier;
class SessionController;

/**
 * @brief What closing the window and quitting mean: the console lives on in
 * the tray until the agent quits on purpose.
 *
 * Closing the window hides it (minimises it where the desktop has no tray,
 * or the console would be unreachable); the in-process server (host mode)
 * and the connection (remote mode) keep running, and notifications keep
 * coming. The first time, a notification says so, once (remembered in the
 * settings). Quitting is explicit (the tray menu, Ctrl+Q, the window's menu)
 * and asks first while visitors wait or chats are active, with the counts and
 * what quitting costs: in host mode the chat goes off the site, in remote
 * mode this agent stops being notified. A later start of the program, the
 * tray's Open and its visitors bring the window back through
 * showWindowRequested / openConversationRequested.
 *
 * The QML window binds to it (Main.qml); no window logic lives here.
 */
class ConsoleLifecycle : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console creates the ConsoleLifecycle.")

    /// @brief Started with --minimized (the autostart entry): the window starts hidden in the tray.
    Q_PROPERTY(bool startMinimized READ startMinimized CONSTANT)
    /// @brief Whether the desktop has a tray (StatusNotifierItem host or XEmbed tray) right now.
    Q_PROPERTY(bool trayAvailable READ trayAvailable NOTIFY trayAvailableChanged)
    /// @brief The tray icon (its state and tooltip, for the settings and tests).
    Q_PROPERTY(Frontdesk::TrayIcon *tray READ tray CONSTANT)

public:
    ConsoleLifecycle(AgentClient *client, ConversationModel *conversations, SessionController *session, ConsoleSettings *settings,
                     Notifier *notifier, TrayIcon *tray, bool startMinimized, QObject *parent = nullptr);

    [[nodiscard]] bool startMinimized() const { return m_startMinimized; }
    [[nodiscard]] bool trayAvailable() const { return m_trayAvailable; }
    [[nodiscard]] TrayIcon *tray() const { return m_tray; }

    /// @brief Asks the desktop again whether it has a tray (a panel may have started or stopped); returns it.
    Q_INVOKABLE bool checkTray();
    /// @brief Quit was asked for: quits at once when nobody would be left, else emits quitConfirmationRequested.
    Q_INVOKABLE void requestQuit();
    /// @brief Quits the program (the answer "Quit anyway"): stops the in-process server after the window.
    Q_INVOKABLE void quit();
    /// @brief The window was closed to the tray: the first time ever, a notification says Frontdesk runs on.
    Q_INVOKABLE void windowHidden();
    /// @brief Brings the window to the front (a second start, the tray's Open).
    Q_INVOKABLE void showWindow();

    /// @brief The question to ask before quitting, or "" when nothing waits and no chat is active.
    Q_INVOKABLE QString quitQuestion() const;
    /// The question for @p waiting visitors and @p active chats; "" for none.
    [[nodiscard]] static QString quitQuestion(bool hostMode, int waiting, int active);

Q_SIGNALS:
    void trayAvailableChanged();
    /// Show the window and bring it to the front.
    void showWindowRequested();
    /// Show the window on this conversation (the tray's visitor, already accepted).
    void openConversationRequested(int conversationId);
    /// Quitting would leave visitors: ask @p question, and call quit() on yes.
    void quitConfirmationRequested(const QString &question);
    /// The program is about to quit on the agent's request (the event loop ends next).
    void quitting();

private:
    QPointer<AgentClient> m_client;
    QPointer<ConversationModel> m_conversations;
    QPointer<SessionController> m_session;
    QPointer<ConsoleSettings> m_settings;
    QPointer<Notifier> m_notifier;
    TrayIcon *m_tray;
    bool m_startMinimized;
    bool m_trayAvailable = false;
};

} // namespace Frontdesk
