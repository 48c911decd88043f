#pragma once

#include <QtGlobal>

namespace Frontdesk {

/// @brief How much a client may ask of the server before it is slowed down or
/// refused: logins, visitor messages and frames, new visitors per address,
/// and how long data nobody needs is kept.
///
/// Every value can be set without recompiling (`--limit NAME=VALUE`, see
/// ServerLimits); docs/security.md explains each.
struct AbuseLimits {
    // Visitor messages (stored rows): a token bucket per visitor, shared by all its tabs.
    double visitorMessagesPerSecond = 1.0; ///< sustained rate
    int visitorMessageBurst = 10; ///< messages that may come at once
    // Every frame of one connection (typing, page, read...), visitor or agent.
    double framesPerSecond = 20.0;
    int frameBurst = 60;
    int refusedFramesBeforeClose = 100; ///< a client that ignores rate_limited this often in a row is closed
    // New visitors (a hello without a visitor id creates a row) per address (IPv6: per /64).
    double newVisitorsPerMinute = 6.0;
    int newVisitorBurst = 30;
    // Password guesses (login and change_password), counted when an attempt starts.
    int loginFreeFailuresPerAddress = 5; ///< then each attempt waits a growing delay
    int loginBanFailuresPerAddress = 20; ///< then the address is banned
    qint64 loginBanMs = 15 * 60 * 1000;
    int loginFreeFailuresPerAccount = 3; ///< per email, from any address
    qint64 loginBaseDelayMs = 1000; ///< first delay; doubles with each further failure
    qint64 loginMaxDelayMs = 15 * 60 * 1000;
    qint64 loginForgetMs = 24LL * 3600 * 1000; ///< failures older than this no longer count
    // Retention: visitors who never wrote are deleted after this many days (0: kept).
    int quietVisitorRetentionDays = 30;
};

} // namespace Frontdesk
