#pragma once

#include <QtGlobal>

namespace Frontdesk {

/// @brief Bounds on real-time clients, WebSocket and long polling (HTTP-level
/// limits are in HttpLimits).
///
/// Output is judged over time, not per event-loop turn: QWebSocket queues a
/// turn's frames in the socket's write buffer before any of it reaches the
/// kernel, so a healthy agent is briefly "behind" by a whole burst (one
/// visitor's 500 messages of 4,000 CJK characters fan out as about 6 MiB to
/// every agent within one turn). A client is a slow reader when its unsent
/// output stays above the high-water mark for the whole grace period, or
/// when it would pass the hard cap at once.
struct RealtimeLimits {
    quint64 maxFrameBytes = 64 * 1024; ///< one frame; above it the socket is closed with 1009
    quint64 maxMessageBytes = 64 * 1024; ///< one message (frames joined); same
    int handshakeTimeoutMs = 10'000; ///< WebSocket handshake after the upgrade request
    int agentAuthTimeoutMs = 10'000; ///< agent must send auth within this
    int visitorHelloTimeoutMs = 30'000; ///< visitor must send hello within this

    /// Unsent output above this starts the grace period; falling back to it
    /// or below (the peer read) ends it.
    qint64 outputHighWaterBytes = 4 * 1024 * 1024;
    /// A client whose unsent output stays above the high-water mark this long
    /// is dropped (aborted): it reads slower than we write, and the rest would
    /// pile up in memory. It can reconnect and resume with hello's "after".
    int outputGraceMs = 10'000;
    /// Unsent output that no burst from a reading client reaches, so a client
    /// that would pass it is dropped at once, without waiting for the grace
    /// period. The largest burst one event-loop turn can queue to a client is
    /// one commit of the store's writer: 500 events of at most about 25 KB (a
    /// 4,000-character message whose every character JSON escapes to six
    /// bytes), about 12.5 MB; the cap leaves room for more than two of them.
    qint64 maxOutputBytes = 32 * 1024 * 1024;

    /// Qt answers WebSocket pings inside QWebSocket, outside every cap here:
    /// a client pinging without reading made the server hold each pong.
    /// Browsers never send pings and the console pings with a JSON frame, so
    /// more than this many within one window is a flood: closed with 1008.
    int maxPingsPerWindow = 20;
    int pingWindowMs = 10'000;
    /// After the server closes a socket for a policy reason, the peer has this
    /// long to take the close frame and go; then the socket is aborted (a
    /// client that does not read would otherwise keep it open forever).
    int closeLingerMs = 2'000;

    // The long-polling fallback (docs/protocol.md §8).
    int pollHoldMs = 25'000; ///< a poll with nothing to collect is answered empty after this
    int pollExpiryMs = 60'000; ///< a channel with no request for this long ends (visitor_left)
    int pollMaxQueuedEvents = 500; ///< events a channel keeps for its visitor; one more and they become one resync
};

} // namespace Frontdesk
