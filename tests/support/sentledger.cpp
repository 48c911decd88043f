#include "sentledger.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

void SentLedger::recordSend(const QString &clientId, const QString &author, const QString &body, qint64 conversationId)
{
    auto it = m_entries.find(clientId);
    if (it == m_entries.end()) {
        Entry entry;
        entry.clientId = clientId;
        entry.author = author;
        entry.body = body;
        entry.conversationId = conversationId;
        entry.sentInEpoch = m_epoch;
        it = m_entries.insert(clientId, entry);
    } else if (it->author != author || it->body != body || it->conversationId != conversationId) {
        recordProblem(u"client id %1 was resent with another author, body or conversation (a test client bug)"_s.arg(clientId));
    }
    ++it->sends;
}

void SentLedger::recordAck(const QString &clientId, qint64 messageId, qint64 conversationId, bool duplicate)
{
    const auto it = m_entries.find(clientId);
    if (it == m_entries.end()) {
        recordProblem(u"an ack for client id %1, which no client sent"_s.arg(clientId));
        return;
    }
    if (messageId <= 0)
        recordProblem(u"the ack for %1 carries no message id"_s.arg(clientId));
    if (it->messageId != 0 && it->messageId != messageId)
        recordProblem(u"client id %1 was acknowledged as message %2 and later as message %3"_s.arg(clientId)
                          .arg(it->messageId)
                          .arg(messageId));
    if (it->conversationId != 0 && it->conversationId != conversationId)
        recordProblem(u"client id %1 went to conversation %2 but was acknowledged in %3"_s.arg(clientId)
                          .arg(it->conversationId)
                          .arg(conversationId));
    // A duplicate ack is right only for a message the server may have stored
    // before: one that was resent, or sent again after an error.
    if (duplicate && it->sends < 2)
        recordProblem(u"client id %1 was sent once but acknowledged as a duplicate"_s.arg(clientId));
    if (it->acks == 0) {
        it->messageId = messageId;
        it->conversationId = conversationId;
        it->ackedInEpoch = m_epoch;
        ++m_acknowledged;
    }
    ++it->acks;
    if (duplicate)
        ++it->duplicateAcks;
}

void SentLedger::recordError(const QString &code)
{
    ++m_errors[code];
}

void SentLedger::recordProblem(const QString &problem)
{
    m_problems.append(problem);
}

int SentLedger::markCrash()
{
    int inFlight = 0;
    for (Entry &entry : m_entries) {
        if (entry.acks == 0) {
            entry.inFlightAtCrash = true;
            ++inFlight;
        }
    }
    ++m_epoch;
    return inFlight;
}

QString SentLedger::summary() const
{
    int resent = 0;
    int duplicates = 0;
    int inFlightAtCrash = 0;
    int inFlightStoredBefore = 0;
    for (const Entry &entry : m_entries) {
        resent += entry.sends > 1 ? 1 : 0;
        duplicates += entry.duplicateAcks > 0 ? 1 : 0;
        if (entry.inFlightAtCrash) {
            ++inFlightAtCrash;
            inFlightStoredBefore += entry.duplicateAcks > 0 ? 1 : 0;
        }
    }
    QStringList errorCounts;
    for (auto it = m_errors.begin(); it != m_errors.end(); ++it)
        errorCounts.append(u"%1=%2"_s.arg(it.key()).arg(it.value()));
    errorCounts.sort();
    return u"%1 messages, %2 acknowledged, %3 crashes; %4 in flight at a crash (%5 of them had been stored: their ack was "
           "lost), %6 resent, %7 acknowledged as duplicates; errors: %8"_s.arg(m_entries.size())
               .arg(m_acknowledged)
               .arg(m_epoch)
               .arg(inFlightAtCrash)
               .arg(inFlightStoredBefore)
               .arg(resent)
               .arg(duplicates)
               .arg(errorCounts.isEmpty() ? u"none"_s : errorCounts.join(u", "_s));
}

} // namespace Frontdesk
