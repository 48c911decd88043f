#include "eventloop/eventdispatcherchoice.h"

#include "eventloop/epolleventdispatcher.h"

#include <QLoggingCategory>

namespace Frontdesk {

Q_DECLARE_LOGGING_CATEGORY(lcEventLoop)

QAbstractEventDispatcher *EventDispatcherChoice::createFromEnvironment()
{
    const QByteArray choice = qgetenv("FRONTDESK_EVENT_DISPATCHER").trimmed().toLower();
    if (choice == "default")
        return nullptr;
    if (!choice.isEmpty() && choice != "epoll") {
        qCWarning(lcEventLoop,
                  "FRONTDESK_EVENT_DISPATCHER=%s is neither \"epoll\" nor \"default\"; keeping Qt's event dispatcher",
                  choice.constData());
        return nullptr;
    }
    auto *dispatcher = new EpollEventDispatcher;
    if (!dispatcher->isValid()) {
        qCWarning(lcEventLoop, "the epoll event dispatcher could not start; keeping Qt's event dispatcher");
        delete dispatcher;
        return nullptr;
    }
    return dispatcher;
}

} // namespace Frontdesk
