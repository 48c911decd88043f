#pragma once

#include "serverconfig.h"

class QCoreApplication;

namespace Frontdesk {

/// @brief The console's start: one console per user (a second start shows the
/// first and exits 0), settings, language, style, the agent client,
/// notifications, the tray, and the QML window. The start-up flow itself
/// (wizard, host or remote mode, sign-in) is SessionController's; what closing
/// and quitting mean is ConsoleLifecycle's.
class ConsoleHost
{
public:
    /// Runs the console; @p startMinimized keeps the window hidden in the tray at start (--minimized).
    static int run(QCoreApplication &app, const ServerConfig &config, bool startMinimized = false);
    /// Installs the translation for @p language ("" = the system's).
    static void installTranslation(QCoreApplication &app, const QString &language);
};

} // namespace Frontdesk
