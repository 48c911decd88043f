#pragma once

namespace Frontdesk {

/// @brief How long the store waits for its database, and how much work it
/// holds while it waits.
///
/// A database that stops answering (host gone, server frozen, a network black
/// hole) must not make every caller wait its own timeout, nor let a flood of
/// calls pile up in memory: the writer fails fast while the database is down
/// and refuses work past a queue bound (StoreError::Busy).
struct StoreLimits {
    /// Calls queued for the writer (not counting the batch it is running)
    /// beyond which a new call is refused at once with StoreError::Busy. At
    /// the longest message (4,000 characters) this holds some 100 MB, and the
    /// writer drains it in a few seconds when the database keeps up.
    int maxQueuedJobs = 10'000;

    /// MariaDB: seconds to wait for a TCP connection and the server's greeting.
    int mariaDbConnectTimeoutSeconds = 3;
    /// MariaDB: seconds to wait for each answer, and for each write to be taken.
    /// Connector/C gives up on a read after this once (no retries, measured
    /// with a SIGSTOPped mariadbd), so a frozen server fails a call after this
    /// long. A statement running longer than this on a healthy server fails
    /// too: none of Frontdesk's statements comes close.
    int mariaDbReadTimeoutSeconds = 3;
    int mariaDbWriteTimeoutSeconds = 3;

    /// After a failed batch the writer tries to reconnect after this delay,
    /// doubling it after each failed attempt up to the maximum. Until a
    /// reconnect works every call fails at once.
    int reconnectInitialDelayMs = 250;
    int reconnectMaxDelayMs = 5'000;

    /// With nothing to do for this long the writer checks that the database
    /// still answers, so /healthz notices an outage without waiting for a call.
    int idleCheckIntervalMs = 10'000;
};

} // namespace Frontdesk
