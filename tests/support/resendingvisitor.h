#pragma once

#include "reconnectingsocket.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace Frontdesk {

class SentLedger;

/// @brief A visitor that keeps writing through crashes, as the widget does:
/// up to a window of unacknowledged messages at a time, each under a fresh
/// client id; after every reconnect it resumes (`hello` with its id, token
/// and the highest message id it holds as `after`) and resends every message
/// not acknowledged yet under the SAME client id.
///
/// Errors that mean "nothing was stored, try again" (storage_failed,
/// storage_busy, rate_limited) are retried after a delay; any other answer a
/// correct server would not give goes to the ledger's problems.
class ResendingVisitor : public QObject
{
    Q_OBJECT

public:
    /// @p url is the visitor endpoint with `?site=`, @p origin an allowed one;
    /// sends @p messages messages in all, at most @p window unacknowledged.
    ResendingVisitor(const QUrl &url, const QByteArray &origin, SentLedger *ledger, int window, int messages,
                     QObject *parent = nullptr);

    void start();
    void stop();

    /// Everything sent and acknowledged.
    [[nodiscard]] bool isDone() const { return m_created == m_total && m_unacknowledged.isEmpty(); }
    [[nodiscard]] QString visitorId() const { return m_visitorId; }
    [[nodiscard]] QString token() const { return m_token; }
    [[nodiscard]] qint64 conversationId() const { return m_conversationId; }
    /// Ids of every message this visitor holds: its own (acknowledged) and
    /// what reached it in `welcome` and `message` events.
    [[nodiscard]] const QSet<qint64> &heldMessageIds() const { return m_held; }
    [[nodiscard]] int connections() const { return m_socket.connectionNumber(); }

private:
    void sayHello();
    void handleFrame(const QJsonObject &frame);
    void handleWelcome(const QJsonObject &welcome);
    void handleAck(const QJsonObject &ack);
    void handleError(const QJsonObject &error);
    void hold(const QJsonObject &message);
    void resend(const QString &clientId);
    void transmit(const QString &clientId, const QString &author, const QString &body);
    void topUp();
    void retryLater(const QString &clientId, const QJsonObject &error);

    ReconnectingSocket m_socket;
    SentLedger *m_ledger;
    int m_window;
    int m_total;
    int m_created = 0;
    QString m_visitorId;
    QString m_token;
    qint64 m_conversationId = 0;
    qint64 m_cursor = 0; ///< the highest message id held, sent as `after`
    bool m_welcomed = false;
    int m_helloRef = 0;
    QList<QString> m_unacknowledged; ///< client ids in the order first sent
    QHash<int, QString> m_messageRefs; ///< request id -> client id, this connection only
    QSet<qint64> m_held;
};

} // namespace Frontdesk
