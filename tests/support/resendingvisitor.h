#pragma once

#include "resendingclient.h"

#include <QSet>

namespace Frontdesk {

/// @brief A visitor that keeps writing through crashes, as the widget does
/// (see ResendingClient): its session is `hello`, after a reconnect with its
/// id, token and the highest message id it holds as `after`, so it resumes.
class ResendingVisitor : public ResendingClient
{
    Q_OBJECT

public:
    /// @p url is the visitor endpoint with `?site=`, @p origin an allowed one;
    /// sends @p messages messages in all, at most @p window unacknowledged.
    ResendingVisitor(const QUrl &url, const QByteArray &origin, SentLedger *ledger, int window, int messages,
                     QObject *parent = nullptr);

    [[nodiscard]] QString visitorId() const { return m_visitorId; }
    [[nodiscard]] QString token() const { return m_token; }
    [[nodiscard]] qint64 conversationId() const { return m_conversationId; }
    /// Ids of every message this visitor holds: its own (acknowledged) and
    /// what reached it in `welcome` and `message` events.
    [[nodiscard]] const QSet<qint64> &heldMessageIds() const { return m_held; }

private:
    [[nodiscard]] QJsonObject greeting() const override;
    [[nodiscard]] QString name() const override;
    void handleEvent(const QString &type, const QJsonObject &frame) override;
    void handleAck(const QJsonObject &ack) override;
    [[nodiscard]] SentLedger::Entry create(int number) override;
    [[nodiscard]] QJsonObject frameFor(const SentLedger::Entry &entry) const override;

    void handleWelcome(const QJsonObject &welcome);
    void hold(qint64 messageId);

    QString m_visitorId;
    QString m_token;
    qint64 m_conversationId = 0;
    qint64 m_cursor = 0; ///< the highest message id held, sent as `after`
    QSet<qint64> m_held;
};

} // namespace Frontdesk
