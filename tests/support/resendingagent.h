#pragma once

#include "resendingclient.h"

#include <QList>
#include <QRandomGenerator>

namespace Frontdesk {

/// @brief An agent that keeps replying through crashes, as the console's
/// outbox does (see ResendingClient): its session is `auth` with the same
/// token after every reconnect, and its replies go to conversations it
/// learns of from its `snapshot` and from events, picked at random.
class ResendingAgent : public ResendingClient
{
    Q_OBJECT

public:
    /// @p url is the agent endpoint, @p token from a login, @p agentId the
    /// agent it belongs to; sends @p replies replies in all, at most
    /// @p window unacknowledged, picking conversations at random from @p seed.
    ResendingAgent(const QUrl &url, const QString &token, qint64 agentId, SentLedger *ledger, int window, int replies,
                   quint32 seed, QObject *parent = nullptr);

    [[nodiscard]] qint64 agentId() const { return m_agentId; }

private:
    [[nodiscard]] QJsonObject greeting() const override;
    [[nodiscard]] QString name() const override;
    void handleEvent(const QString &type, const QJsonObject &frame) override;
    [[nodiscard]] bool canCreate() const override { return !m_conversations.isEmpty(); }
    [[nodiscard]] SentLedger::Entry create(int number) override;
    [[nodiscard]] QJsonObject frameFor(const SentLedger::Entry &entry) const override;

    void handleSnapshot(const QJsonObject &snapshot);
    void learnConversation(qint64 conversationId);

    QString m_token;
    qint64 m_agentId;
    QRandomGenerator m_random;
    QList<qint64> m_conversations; ///< open conversations it knows of
};

} // namespace Frontdesk
