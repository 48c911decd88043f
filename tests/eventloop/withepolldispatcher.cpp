// main() for an existing Qt Test suite compiled with -Dmain=frontdesk_suite_main:
// installs the epoll dispatcher on the main thread, then runs the suite's own
// main(), whose QCoreApplication adopts it.
#include "eventloop/epolleventdispatcher.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

int frontdesk_suite_main(int argc, char *argv[]);

namespace {

// Runs once the suite's QCoreApplication exists: refuse to pass silently on Qt's dispatcher.
void checkDispatcher()
{
    if (!qobject_cast<Frontdesk::EpollEventDispatcher *>(QCoreApplication::eventDispatcher())) {
        std::fputs("withepolldispatcher: the application did not adopt the epoll dispatcher\n", stderr);
        std::abort();
    }
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(checkDispatcher)

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new Frontdesk::EpollEventDispatcher);
    return frontdesk_suite_main(argc, argv);
}
