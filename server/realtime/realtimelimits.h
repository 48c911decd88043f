#pragma once

#include <QtGlobal>

namespace Frontdesk {

/// @brief Bounds on WebSocket clients (HTTP-level limits are in HttpLimits).
struct RealtimeLimits {
    quint64 maxFrameBytes = 64 * 1024; ///< one frame; above it the socket is closed with 1009
    quint64 maxMessageBytes = 64 * 1024; ///< one message (frames joined); same
    int handshakeTimeoutMs = 10'000; ///< WebSocket handshake after the upgrade request
    int agentAuthTimeoutMs = 10'000; ///< agent must send auth within this
    int visitorHelloTimeoutMs = 30'000; ///< visitor must send hello within this
    qint64 maxPendingOutputBytes = 4 * 1024 * 1024; ///< a client that stops reading is dropped above this
};

} // namespace Frontdesk
