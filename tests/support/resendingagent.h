#pragma once

#include "reconnectingsocket.h"

#include <QHash>
#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace Frontdesk {

class SentLedger;

/// @brief An agent that keeps replying through crashes, as the console's
/// outbox does: up to a window of unacknowledged replies at a time, each
/// under a fresh client id, into conversations it learns of from its
/// `snapshot` and from events; after every reconnect it authenticates again
/// with the same token and resends every reply not acknowledged yet, to the
/// same conversation under the SAME client id.
class ResendingAgent : public QObject
{
    Q_OBJECT

public:
    /// @p url is the agent endpoint, @p token from a login, @p agentId the
    /// agent it belongs to; sends @p replies replies in all, at most
    /// @p window unacknowledged, picking conversations at random from @p seed.
    ResendingAgent(const QUrl &url, const QString &token, qint64 agentId, SentLedger *ledger, int window, int replies,
                   quint32 seed, QObject *parent = nullptr);

    void start();
    void stop();

    [[nodiscard]] bool isDone() const { return m_created == m_total && m_unacknowledged.isEmpty(); }
    [[nodiscard]] qint64 agentId() const { return m_agentId; }

private:
    void authenticate();
    void handleFrame(const QJsonObject &frame);
    void handleSnapshot(const QJsonObject &snapshot);
    void handleAck(const QJsonObject &ack);
    void handleError(const QJsonObject &error);
    void learnConversation(qint64 conversationId);
    void resend(const QString &clientId);
    void transmit(const QString &clientId, qint64 conversationId, const QString &body);
    void topUp();

    ReconnectingSocket m_socket;
    QString m_token;
    qint64 m_agentId;
    SentLedger *m_ledger;
    int m_window;
    int m_total;
    int m_created = 0;
    QRandomGenerator m_random;
    bool m_authenticated = false;
    int m_authRef = 0;
    QList<qint64> m_conversations; ///< open conversations it knows of
    QList<QString> m_unacknowledged; ///< client ids in the order first sent
    QHash<int, QString> m_replyRefs; ///< request id -> client id, this connection only
};

} // namespace Frontdesk
