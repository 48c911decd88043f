#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Frontdesk {

/// @brief What a test's clients sent, and what the server acknowledged:
/// the client side of an exactly-once count.
///
/// Every message (a visitor's `message` or an agent's `reply`) is entered
/// under its client id when first sent; each resend with the same client id
/// and each `ack` is counted against it. A crash (markCrash()) closes an
/// epoch, so a test can tell acknowledgements that came before a kill (they
/// must survive it) from the sends that were still in flight (they must be
/// resent and end up stored once). Anything the server answered that no
/// correct server would (an ack for a client id never sent, two acks with
/// different message ids) is kept in problems().
class SentLedger
{
public:
    struct Entry {
        QString clientId;
        QString author; ///< "visitor:<visitor id>" or "agent:<agent id>", the test's own label
        QString body;
        qint64 conversationId = 0; ///< an agent's target; a visitor's from its ack
        int sends = 0; ///< first send and every resend
        int acks = 0;
        int duplicateAcks = 0; ///< acks with "duplicate": true
        qint64 messageId = 0; ///< from the first ack; 0 while unacknowledged
        int sentInEpoch = 0; ///< the crash epoch of the first send
        int ackedInEpoch = -1; ///< the crash epoch of the first ack
        bool inFlightAtCrash = false; ///< sent, not acknowledged, when the server (or its database) was killed
    };

    /// A first send or a resend of @p clientId.
    void recordSend(const QString &clientId, const QString &author, const QString &body, qint64 conversationId = 0);
    /// An ack; checks it against what was sent and acknowledged before.
    void recordAck(const QString &clientId, qint64 messageId, qint64 conversationId, bool duplicate);
    /// An error answer to a send, by code (storage_failed, storage_busy, ...).
    void recordError(const QString &code);
    /// Something the server must never do, in a sentence.
    void recordProblem(const QString &problem);
    /// The server (or its database) was just killed: marks every unacknowledged
    /// send as in flight and opens the next epoch. Returns how many were in flight.
    int markCrash();

    [[nodiscard]] const QHash<QString, Entry> &entries() const { return m_entries; }
    [[nodiscard]] int acknowledged() const { return m_acknowledged; }
    /// Sent and not acknowledged yet.
    [[nodiscard]] int inFlight() const { return int(m_entries.size()) - m_acknowledged; }
    [[nodiscard]] int epoch() const { return m_epoch; }
    [[nodiscard]] int errorCount(const QString &code) const { return m_errors.value(code); }
    [[nodiscard]] QHash<QString, int> errors() const { return m_errors; }
    [[nodiscard]] QStringList problems() const { return m_problems; }
    /// One line of figures for the test log.
    [[nodiscard]] QString summary() const;

private:
    QHash<QString, Entry> m_entries;
    QHash<QString, int> m_errors;
    QStringList m_problems;
    int m_acknowledged = 0;
    int m_epoch = 0;
};

} // namespace Frontdesk
