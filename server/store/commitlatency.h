#pragma once

#include <QList>
#include <QtGlobal>

#include <array>
#include <atomic>

namespace Frontdesk {

/// @brief How long the writer thread's transactions take, BEGIN to COMMIT,
/// as a histogram: written by the writer thread, read by the metrics on
/// another, so every count is an atomic and nothing waits.
class CommitLatency
{
public:
    /// The buckets' upper bounds in seconds (Prometheus `le`), then +Inf.
    static constexpr std::array<double, 10> bounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0};

    struct Snapshot {
        QList<quint64> cumulative; ///< per bound, then +Inf (= count)
        quint64 count = 0;
        double sumSeconds = 0;
    };

    void record(qint64 micros)
    {
        const double seconds = double(micros) / 1e6;
        for (std::size_t i = 0; i < bounds.size(); ++i) {
            if (seconds <= bounds[i]) {
                m_buckets[i].fetch_add(1, std::memory_order_relaxed);
                break;
            }
        }
        m_sumMicros.fetch_add(quint64(micros), std::memory_order_relaxed);
        m_count.fetch_add(1, std::memory_order_relaxed);
    }

    [[nodiscard]] Snapshot snapshot() const
    {
        Snapshot taken;
        // The total first: a bucket read later is at most as new, so no bucket exceeds it.
        taken.count = m_count.load(std::memory_order_relaxed);
        quint64 running = 0;
        for (const auto &bucket : m_buckets) {
            running += bucket.load(std::memory_order_relaxed);
            taken.cumulative.append(qMin(running, taken.count));
        }
        taken.cumulative.append(taken.count);
        taken.sumSeconds = double(m_sumMicros.load(std::memory_order_relaxed)) / 1e6;
        return taken;
    }

private:
    std::array<std::atomic<quint64>, bounds.size()> m_buckets{};
    std::atomic<quint64> m_count{0};
    std::atomic<quint64> m_sumMicros{0};
};

} // namespace Frontdesk
