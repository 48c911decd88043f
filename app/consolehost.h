#pragma once

#include "serverconfig.h"

class QCoreApplication;

namespace Frontdesk {

/// @brief The console's start: settings, language, style, the agent client,
/// notifications, and the QML window. The start-up flow itself (wizard, host
/// or remote mode, sign-in) is SessionController's.
class ConsoleHost
{
public:
    static int run(QCoreApplication &app, const ServerConfig &config);
    /// Installs the translation for @p language ("" = the system's).
    static void installTranslation(QCoreApplication &app, const QString &language);
};

} // namespace Frontdesk
