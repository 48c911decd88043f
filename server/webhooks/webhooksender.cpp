#include "webhooksender.h"

#include "core/continuewith.h"
#include "store/webhookstore.h"
#include "webhookpayload.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWebhooks, "frontdesk.webhooks")

namespace Frontdesk {

namespace {

/// The part of an answer's body kept for the log: enough for a sentence.
constexpr qsizetype keptAnswerBytes = 300;
/// An answer longer than this is cut off: its status is all that counts.
constexpr qsizetype maxAnswerBytes = 64 * 1024;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

WebhookSender::WebhookSender(const WebhookSettings &settings, WebhookStore *store, QObject *parent)
    : QObject(parent), m_settings(settings), m_store(store), m_network(this), m_nextDue(this)
{
    m_nextDue.setSingleShot(true);
    connect(&m_nextDue, &QTimer::timeout, this, &WebhookSender::wake);
    // Redirects are answers, not hops: a receiver that moved says so in the log.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void WebhookSender::start()
{
    m_started = true;
    wake();
}

void WebhookSender::stop()
{
    m_started = false;
    m_nextDue.stop();
    const auto replies = m_network.findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
    m_inFlight.clear();
}

void WebhookSender::wake()
{
    if (!m_started)
        return;
    if (m_looking) {
        m_lookAgain = true;
        return;
    }
    lookAtLanes();
}

void WebhookSender::lookAtLanes()
{
    m_looking = true;
    m_lookAgain = false;
    continueWith(m_store->laneHeads(), this, [this](const StoreResult<QList<WebhookDelivery>> &heads) {
        m_looking = false;
        if (!m_started)
            return;
        if (!heads.ok()) {
            qCWarning(lcWebhooks).noquote() << "cannot read the webhook deliveries:" << heads.message;
            m_nextDue.start(1000); // the database comes back by itself; so does this
            return;
        }
        const qint64 now = nowMs();
        qint64 earliest = 0;
        for (const WebhookDelivery &head : heads.value) {
            if (m_inFlight.contains(head.webhookId))
                continue;
            if (head.nextAttemptAt <= now)
                send(head);
            else if (earliest == 0 || head.nextAttemptAt < earliest)
                earliest = head.nextAttemptAt;
        }
        if (earliest > 0)
            m_nextDue.start(int(std::clamp<qint64>(earliest - now, 0, 24 * 3600 * 1000)));
        if (m_lookAgain)
            wake();
    });
}

void WebhookSender::send(const WebhookDelivery &head)
{
    m_inFlight.insert(head.webhookId);
    const QString id = WebhookPayload::eventId(head.eventId);
    const qint64 timestamp = nowMs() / 1000;
    QNetworkRequest request{QUrl(head.url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setHeader(QNetworkRequest::UserAgentHeader, QString::fromLatin1("Frontdesk-Webhooks/" FRONTDESK_VERSION));
    request.setRawHeader("webhook-id", id.toLatin1());
    request.setRawHeader("webhook-timestamp", QByteArray::number(timestamp));
    request.setRawHeader("webhook-signature", WebhookPayload::signature(head.secret, id, timestamp, head.body));
    request.setRawHeader("Frontdesk-Event", head.eventType.toLatin1());
    request.setTransferTimeout(m_settings.timeoutMs);
    QNetworkReply *reply = m_network.post(request, head.body);

    // Only the start of the answer is kept; a huge one is cut off once its status is known.
    auto kept = std::make_shared<QByteArray>();
    auto seen = std::make_shared<qsizetype>(0);
    connect(reply, &QNetworkReply::readyRead, this, [reply, kept, seen] {
        const QByteArray chunk = reply->readAll();
        *seen += chunk.size();
        if (kept->size() < keptAnswerBytes)
            kept->append(chunk.left(keptAnswerBytes - kept->size()));
        if (*seen > maxAnswerBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, head, kept] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300) {
            record(head, status, {});
            return;
        }
        QString error;
        if (status > 0) {
            const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            error = u"HTTP %1 %2"_s.arg(status).arg(reason).trimmed();
            if (status >= 300 && status < 400)
                error += u": redirects are not followed (Location: %1)"_s.arg(
                    QString::fromLatin1(reply->rawHeader("Location")).left(200));
            const QString said = QString::fromUtf8(*kept).simplified();
            if (!said.isEmpty() && (status < 300 || status >= 400))
                error += u": "_s + said.left(200);
        } else if (reply->error() == QNetworkReply::OperationCanceledError && m_started) {
            error = u"No answer within %1 s"_s.arg(m_settings.timeoutMs / 1000.0);
        } else {
            error = reply->errorString();
        }
        record(head, status, error);
    });
}

void WebhookSender::record(const WebhookDelivery &head, int statusCode, const QString &error)
{
    if (!m_started) {
        m_inFlight.remove(head.webhookId);
        return;
    }
    const qint64 now = nowMs();
    QFuture<StoreResult<bool>> recorded;
    if (error.isEmpty()) {
        recorded = m_store->markDelivered(head.id, statusCode, now);
    } else {
        const int attempts = head.attempts + 1;
        const qint64 deadline = head.createdAt + m_settings.giveUpAfterMs;
        const bool giveUp = now >= deadline;
        // A little jitter, so endpoints that failed together do not all come back at once.
        const qint64 delay = m_settings.retryDelay(attempts);
        const qint64 jitter = delay >= 10 ? QRandomGenerator::global()->bounded(delay / 10) : 0;
        const qint64 next = giveUp ? now : std::min(now + delay + jitter, deadline);
        qCInfo(lcWebhooks).noquote() << "delivery" << head.id << "of" << head.eventType << "to webhook" << head.webhookId
                                     << (giveUp ? "failed for good:" : "failed, retrying:") << error;
        recorded = m_store->markFailedAttempt(head.id, statusCode, error, next, giveUp, now);
    }
    const qint64 webhookId = head.webhookId;
    // The lane stays busy until the outcome is stored: a look at the lanes
    // answered before that would still see this delivery queued.
    continueWith(recorded, this, [this, webhookId](const StoreResult<bool> &done) {
        m_inFlight.remove(webhookId);
        if (!done.ok())
            qCWarning(lcWebhooks).noquote() << "cannot record a webhook attempt:" << done.message;
        Q_EMIT attempted(webhookId);
        wake();
    });
}

} // namespace Frontdesk
