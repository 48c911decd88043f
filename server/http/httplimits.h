#pragma once

#include <QtGlobal>

namespace Frontdesk {

/// @brief The bounds the HTTP listener enforces on every client.
///
/// Visitors come from the internet: every resource a client can make the
/// server hold (memory, a socket, time) has a ceiling here. Tests shrink them.
struct HttpLimits {
    qsizetype maxHeaderBytes = 16 * 1024; ///< request line + headers; 431 above
    qsizetype defaultMaxBodyBytes = 16 * 1024; ///< for routes that do not set their own; 413 above
    int headerTimeoutMs = 10'000; ///< from the first byte of a request (from the accept, for the first) to its last header
    int bodyTimeoutMs = 30'000; ///< from the last header to the last body byte
    int idleTimeoutMs = 60'000; ///< keep-alive connection with no request in flight
    int maxConnections = 50'000; ///< open sockets overall, HTTP and WebSocket
    int maxConnectionsPerIp = 1'000; ///< open sockets from one address
    int tlsHandshakeTimeoutMs = 10'000;
};

} // namespace Frontdesk
