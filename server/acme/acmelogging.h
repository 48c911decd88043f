#pragma once

#include <QLoggingCategory>

namespace Frontdesk {

// One category for automatic HTTPS: issuance, renewal, the challenge port.
Q_DECLARE_LOGGING_CATEGORY(lcAcme)

} // namespace Frontdesk
