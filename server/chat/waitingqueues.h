#pragma once

#include <QHash>
#include <QList>

#include <vector>

namespace Frontdesk {

/// @brief The waiting conversations of every site, oldest first in each
/// site's own queue, and where each one stands.
///
/// A rush is the case to be cheap in: thousands of new conversations in a
/// few seconds, each one joining the end of its queue. Finding a place costs
/// O(log n) (a binary search in the site's queue, kept sorted by conversation
/// id, which grows with time), and every change says exactly which
/// conversations it moved, so only those visitors are told their new place:
/// a conversation added at the end moves nobody else; one leaving moves those
/// behind it, each by one.
class WaitingQueues
{
public:
    /// Puts @p conversationId into @p siteId's queue, in order of id. Returns the
    /// conversations whose place is new: it and any behind it (empty if it
    /// was waiting already).
    QList<qint64> add(qint64 siteId, qint64 conversationId);
    /// Takes @p conversationId out of its queue. Returns the conversations
    /// that were behind it, now one place further ahead (empty if it was not waiting).
    QList<qint64> remove(qint64 conversationId);

    /// Drops @p siteId's whole queue (the site was deleted); returns the
    /// conversations that were in it. No other site's places move.
    QList<qint64> removeSite(qint64 siteId);

    /// 1-based place of @p conversationId in its site's queue; 0 when it is not waiting.
    [[nodiscard]] int place(qint64 conversationId) const;
    [[nodiscard]] bool contains(qint64 conversationId) const { return m_siteOf.contains(conversationId); }
    /// How many conversations of @p siteId are waiting.
    [[nodiscard]] int size(qint64 siteId) const;
    /// Every site with a waiting conversation, and how many wait.
    [[nodiscard]] QHash<qint64, int> sizes() const;

private:
    QHash<qint64, std::vector<qint64>> m_queues; ///< site id → waiting conversation ids, ascending
    QHash<qint64, qint64> m_siteOf; ///< waiting conversation id → its site
};

} // namespace Frontdesk
