#pragma once

#include "serverconfig.h"

class QCoreApplication;

namespace Frontdesk {

/// @brief Host mode: the server runs in-process on its own network thread
/// and the window shows where it listens and the snippet to paste.
///
/// The full agent console (queue, chats, visitor panel) builds on this and
/// speaks the agent protocol to this same in-process server.
class ConsoleHost
{
public:
    static int run(QCoreApplication &app, const ServerConfig &config);
};

} // namespace Frontdesk
