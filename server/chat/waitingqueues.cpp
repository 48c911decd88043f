#include "waitingqueues.h"

#include <algorithm>

namespace Frontdesk {

namespace {

QList<qint64> from(const std::vector<qint64> &queue, std::vector<qint64>::const_iterator first)
{
    return QList<qint64>(first, queue.cend());
}

} // namespace

QList<qint64> WaitingQueues::add(qint64 siteId, qint64 conversationId)
{
    if (m_siteOf.contains(conversationId))
        return {};
    m_siteOf.insert(conversationId, siteId);
    std::vector<qint64> &queue = m_queues[siteId];
    // Nearly always the newest: appended, and only its own place is new.
    if (queue.empty() || queue.back() < conversationId) {
        queue.push_back(conversationId);
        return {conversationId};
    }
    const auto at = queue.insert(std::lower_bound(queue.begin(), queue.end(), conversationId), conversationId);
    return from(queue, at);
}

QList<qint64> WaitingQueues::remove(qint64 conversationId)
{
    const auto site = m_siteOf.constFind(conversationId);
    if (site == m_siteOf.constEnd())
        return {};
    const auto queueIt = m_queues.find(site.value());
    m_siteOf.erase(site);
    std::vector<qint64> &queue = queueIt.value();
    const auto at = queue.erase(std::lower_bound(queue.begin(), queue.end(), conversationId));
    QList<qint64> moved = from(queue, at);
    if (queue.empty())
        m_queues.erase(queueIt);
    return moved;
}

QList<qint64> WaitingQueues::removeSite(qint64 siteId)
{
    const auto queue = m_queues.constFind(siteId);
    if (queue == m_queues.constEnd())
        return {};
    QList<qint64> removed(queue->cbegin(), queue->cend());
    for (const qint64 conversationId : removed)
        m_siteOf.remove(conversationId);
    m_queues.erase(queue);
    return removed;
}

int WaitingQueues::place(qint64 conversationId) const
{
    const auto site = m_siteOf.constFind(conversationId);
    if (site == m_siteOf.constEnd())
        return 0;
    const std::vector<qint64> &queue = *m_queues.constFind(site.value());
    return int(std::lower_bound(queue.cbegin(), queue.cend(), conversationId) - queue.cbegin()) + 1;
}

int WaitingQueues::size(qint64 siteId) const
{
    const auto queue = m_queues.constFind(siteId);
    return queue == m_queues.constEnd() ? 0 : int(queue->size());
}

QHash<qint64, int> WaitingQueues::sizes() const
{
    QHash<qint64, int> sizes;
    for (auto queue = m_queues.cbegin(); queue != m_queues.cend(); ++queue) {
        if (!queue->empty())
            sizes.insert(queue.key(), int(queue->size()));
    }
    return sizes;
}

} // namespace Frontdesk
