#include "sodiumruntime.h"

#include <QtCore/QtGlobal>

#include <sodium.h>

namespace Frontdesk::Internal {

bool ensureSodium()
{
    // A function-local static is initialised once, and C++ makes concurrent
    // first calls wait for it, so two worker threads cannot race here.
    // sodium_init() returns 1 when it had already run, which is also fine.
    static const bool ready = [] {
        const bool ok = sodium_init() >= 0;
        if (!ok)
            qCritical("libsodium could not be initialised (sodium_init failed); "
                      "password hashing and token generation are unavailable");
        return ok;
    }();
    return ready;
}

} // namespace Frontdesk::Internal
