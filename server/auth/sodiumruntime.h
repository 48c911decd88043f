#pragma once

namespace Frontdesk::Internal {

/// Initialises libsodium exactly once for the whole process, from whichever
/// thread gets there first, and says whether it is usable. Every entry point
/// that touches libsodium calls this first: sodium_init() picks the fastest
/// implementations for this CPU and opens the system random source, and
/// libsodium's functions must not run before it has.
[[nodiscard]] bool ensureSodium();

} // namespace Frontdesk::Internal
