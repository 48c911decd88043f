#pragma once

#include "chat/chatservices.h"
#include "core/records.h"
#include "http/httprouter.h"
#include "realtime/realtimelimits.h"

#include <QObject>
#include <QTimer>

namespace Frontdesk {

class ChatServices;
class VisitorChannel;

/// @brief A visitor on the long-polling fallback: its VisitorChannel, the
/// events waiting to be collected, and the poll request parked until one comes.
///
/// Events carry a cursor "<epoch>.<seq>"; a poll names the last one it
/// received, so an answer lost on the way is sent again by the next poll. The
/// epoch is new for every PollingVisitor: a cursor from before a server
/// restart (or expiry) does not match, and then the messages after the poll's
/// `after` (the last message id the client has) are loaded from the database,
/// so nothing committed is missed. Lives while the visitor keeps polling and
/// expires a while after it stops.
class PollingVisitor : public QObject
{
    Q_OBJECT

public:
    PollingVisitor(ChatServices *chat, const SiteRecord &site, const VisitorRecord &visitor, const QByteArray &tokenHash,
                   const ClientContext &client, const RealtimeLimits &limits, QObject *parent);
    ~PollingVisitor() override;

    [[nodiscard]] VisitorChannel *channel() const { return m_channel; }
    [[nodiscard]] bool tokenMatches(const QByteArray &tokenHash) const;
    /// Answers now if events after @p cursor wait, else parks @p responder.
    /// @p afterMessageId (-1: none) recovers messages when the cursor is from
    /// another epoch. @p origin is the page's, echoed for CORS.
    void poll(const QString &cursor, qint64 afterMessageId, const HttpResponder &responder, const QByteArray &origin);
    /// An event frame, encoded (as the fan-out gives it).
    void enqueue(const QByteArray &event);
    /// Any request from the visitor keeps it alive.
    void touch();

Q_SIGNALS:
    void expired();

private:
    void park(qint64 seq, const HttpResponder &responder, const QByteArray &origin);
    void answerParked();
    /// `{"events":[...],"cursor":"..."}` with the events after @p seq, assembled from their bytes.
    [[nodiscard]] QByteArray batchAfter(qint64 seq) const;

    ChatServices *m_chat;
    RealtimeLimits m_limits; ///< pollHoldMs, pollExpiryMs, pollMaxQueuedEvents
    VisitorChannel *m_channel;
    QByteArray m_tokenHash;
    QString m_epoch;
    QList<QPair<qint64, QByteArray>> m_queue;
    qint64 m_nextSeq = 1;
    qint64 m_parkedCursor = 0;
    QByteArray m_parkedOrigin;
    HttpResponder m_parked;
    QTimer m_holdTimer;
    QTimer m_expiryTimer;
};

} // namespace Frontdesk
