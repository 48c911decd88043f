#pragma once

#include "reconnectingsocket.h"
#include "sentledger.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Frontdesk {

/// @brief What the widget and the console's outbox have in common, as a test
/// client that keeps sending through crashes: up to a window of
/// unacknowledged messages at a time, each under a fresh client id; after
/// every reconnect it opens its session again (greeting()) and, once the
/// server has answered it (sessionOpened()), resends every message not
/// acknowledged yet under the SAME client id, oldest first.
///
/// Errors that mean "nothing was stored, try again" (storage_failed,
/// storage_busy, rate_limited) are retried after the delay the server names
/// (or 200 ms); any other refusal is something a correct server would not
/// answer here, and goes to the ledger's problems.
class ResendingClient : public QObject
{
    Q_OBJECT

public:
    void start();
    void stop();

    /// Everything sent and acknowledged.
    [[nodiscard]] bool isDone() const { return m_created == m_total && m_unacknowledged.isEmpty(); }
    [[nodiscard]] int connections() const { return m_socket.connectionNumber(); }

protected:
    /// Sends @p total messages in all, at most @p window unacknowledged.
    ResendingClient(const QNetworkRequest &request, SentLedger *ledger, int window, int total, QObject *parent);

    /// The frame that opens (or resumes) the session: `hello` or `auth`.
    [[nodiscard]] virtual QJsonObject greeting() const = 0;
    /// Who this is, for the ledger's problems ("visitor <id>", "agent 3").
    [[nodiscard]] virtual QString name() const = 0;
    /// Every frame but `ack` and `error`: the session's answer and events.
    virtual void handleEvent(const QString &type, const QJsonObject &frame) = 0;
    /// An `ack`, after the ledger has counted it.
    virtual void handleAck(const QJsonObject &ack) { Q_UNUSED(ack); }
    /// Whether there is somewhere to send a new message now.
    [[nodiscard]] virtual bool canCreate() const { return true; }
    /// The @p number th new message (from 1): author label, body, conversation.
    [[nodiscard]] virtual SentLedger::Entry create(int number) = 0;
    /// The wire frame that carries @p entry.
    [[nodiscard]] virtual QJsonObject frameFor(const SentLedger::Entry &entry) const = 0;

    /// The server has answered greeting(): resend, then send new messages.
    void sessionOpened();
    /// Sends new messages while the window has room.
    void topUp();

    SentLedger *ledger() const { return m_ledger; }

private:
    void greet();
    void handleFrame(const QJsonObject &frame);
    void handleError(const QJsonObject &error);
    void transmit(const SentLedger::Entry &entry);

    ReconnectingSocket m_socket;
    SentLedger *m_ledger;
    int m_window;
    int m_total;
    int m_created = 0;
    bool m_sessionOpen = false;
    int m_greetingRef = 0;
    QList<QString> m_unacknowledged; ///< client ids in the order first sent
    QHash<int, QString> m_sendRefs; ///< request id -> client id, this connection only
};

} // namespace Frontdesk
