#pragma once

#include <QLoggingCategory>

namespace Frontdesk {

// One category for the whole HTTP layer, so `QT_LOGGING_RULES=frontdesk.http*=true`
// turns on everything the listener has to say about its clients.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

} // namespace Frontdesk
