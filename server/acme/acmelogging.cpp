#include "acmelogging.h"

namespace Frontdesk {

Q_LOGGING_CATEGORY(lcAcme, "frontdesk.acme")

} // namespace Frontdesk
