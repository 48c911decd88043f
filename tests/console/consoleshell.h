#pragma once

#include "consolelifecycle.h"
#include "conversationmodel.h"
#include "trayicon.h"

namespace Frontdesk::ConsoleTesting {

/// What ConsoleHost builds around the window besides the client, settings,
/// notifier and session: the tray's model, the tray and the lifecycle, wired
/// the same way. Main.qml needs the lifecycle ("lifecycle").
struct ConsoleShell {
    ConsoleShell(AgentClient *client, SessionController *session, ConsoleSettings *settings, Notifier *notifier,
                 bool startMinimized = false)
        : tray(client, &conversations), lifecycle(client, &conversations, session, settings, notifier, &tray, startMinimized)
    {
        conversations.setClient(client);
    }

    ConversationModel conversations;
    TrayIcon tray;
    ConsoleLifecycle lifecycle;
};

} // namespace Frontdesk::ConsoleTesting
