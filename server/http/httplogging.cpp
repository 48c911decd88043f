#include "httplogging.h"

namespace Frontdesk {

Q_LOGGING_CATEGORY(lcHttp, "frontdesk.http")

} // namespace Frontdesk
