#include "pollingvisitor.h"

#include "api/cors.h"
#include "auth/tokens.h"
#include "chat/chatservices.h"
#include "protocol/httpapicodec.h"
#include "protocol/visitorchannel.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace Frontdesk {

PollingVisitor::PollingVisitor(ChatServices *chat, const SiteRecord &site, const VisitorRecord &visitor,
                               const QByteArray &tokenHash, const ClientContext &client, const RealtimeLimits &limits,
                               QObject *parent)
    : QObject(parent)
    , m_chat(chat)
    , m_limits(limits)
    , m_channel(new VisitorChannel(
          chat, site, client, [this](const QByteArray &event) { enqueue(event); }, this))
    , m_tokenHash(tokenHash)
    , m_epoch(Tokens::generate(6))
{
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &PollingVisitor::answerParked);
    m_expiryTimer.setSingleShot(true);
    connect(&m_expiryTimer, &QTimer::timeout, this, [this] {
        if (m_parked.isPending()) {
            touch(); // still waiting on a poll: not gone
            return;
        }
        Q_EMIT expired();
    });
    // Ended by the server (banned, erased): the parked poll takes the notice
    // with it, and the channel goes; the next request meets the refusal.
    connect(m_channel, &VisitorChannel::ended, this, [this] {
        answerParked();
        Q_EMIT expired();
    });
    m_channel->adoptVisitor(visitor);
    touch();
}

PollingVisitor::~PollingVisitor()
{
    answerParked(); // never leave a request hanging
}

bool PollingVisitor::tokenMatches(const QByteArray &tokenHash) const
{
    return Tokens::constantTimeEquals(m_tokenHash, tokenHash);
}

void PollingVisitor::touch()
{
    m_expiryTimer.start(m_limits.pollExpiryMs);
}

void PollingVisitor::enqueue(const QByteArray &event)
{
    m_queue.append({m_nextSeq++, event});
    if (m_queue.size() > m_limits.pollMaxQueuedEvents) {
        // The visitor fell too far behind: tell it to hello again, which
        // brings everything it missed from the database.
        m_queue.clear();
        m_queue.append({m_nextSeq++, HttpApiCodec::resyncEvent()});
    }
    if (m_parked.isPending())
        answerParked();
}

QByteArray PollingVisitor::batchAfter(qint64 after) const
{
    QList<QByteArray> events;
    qint64 last = after;
    for (const auto &[seq, event] : m_queue) {
        if (seq > after) {
            events.append(event);
            last = seq;
        }
    }
    // The epoch is [A-Za-z0-9_-] (Tokens::generate).
    return HttpApiCodec::pollBatchBody(events, m_epoch + u'.' + QString::number(last));
}

void PollingVisitor::poll(const QString &cursor, qint64 afterMessageId, const HttpResponder &responder, const QByteArray &origin)
{
    touch();
    const qsizetype dot = cursor.lastIndexOf(u'.');
    bool sameEpoch = dot > 0 && QStringView(cursor).left(dot) == m_epoch;
    const qint64 seq = sameEpoch ? QStringView(cursor).mid(dot + 1).toLongLong() : 0;
    if (sameEpoch || afterMessageId < 0 || !m_channel->visitor()) {
        park(seq, responder, origin);
        return;
    }
    // A cursor from another epoch: events may have been lost with it, but
    // every message is in the database.
    QPointer<PollingVisitor> self(this);
    m_chat->conversations()->visitorMessagesAfter(*m_channel->visitor(), afterMessageId,
                                                  [self, responder, origin](ChatOutcome<QList<MessageRecord>> outcome) {
                                                      if (!self)
                                                          return;
                                                      if (auto *messages = std::get_if<QList<MessageRecord>>(&outcome)) {
                                                          for (const MessageRecord &message : *messages)
                                                              self->enqueue(HttpApiCodec::visitorMessageEvent(message));
                                                      }
                                                      self->park(0, responder, origin);
                                                  });
}

void PollingVisitor::park(qint64 seq, const HttpResponder &responder, const QByteArray &origin)
{
    // What the visitor confirmed having can go.
    while (!m_queue.isEmpty() && m_queue.first().first <= seq)
        m_queue.removeFirst();
    // One parked poll per channel: an older one is answered first (with what is queued).
    if (m_parked.isPending())
        answerParked();
    m_parked = responder;
    m_parkedCursor = seq;
    m_parkedOrigin = origin;
    if (!m_queue.isEmpty())
        answerParked();
    else
        m_holdTimer.start(m_limits.pollHoldMs);
}

void PollingVisitor::answerParked()
{
    m_holdTimer.stop();
    if (!m_parked.isPending())
        return;
    HttpResponse response = HttpResponse::encodedJson(200, batchAfter(m_parkedCursor));
    const HttpResponder responder = m_parked;
    m_parked = HttpResponder();
    responder.respond(Cors::allowOrigin(m_parkedOrigin, response.noStore()));
}

} // namespace Frontdesk
