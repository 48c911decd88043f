#include "resendingclient.h"

#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// "Nothing was stored, send it again": after a while, or when told.
int retryDelayMs(const QJsonObject &error)
{
    const int told = error.value(u"retryAfterMs"_s).toInt();
    return told > 0 ? told : 200;
}

bool isRetryable(const QString &code)
{
    return code == u"storage_failed"_s || code == u"storage_busy"_s || code == u"rate_limited"_s;
}

} // namespace

ResendingClient::ResendingClient(const QNetworkRequest &request, SentLedger *ledger, int window, int total, QObject *parent)
    : QObject(parent), m_socket(request), m_ledger(ledger), m_window(window), m_total(total)
{
    connect(&m_socket, &ReconnectingSocket::connected, this, &ResendingClient::greet);
    connect(&m_socket, &ReconnectingSocket::frameReceived, this, &ResendingClient::handleFrame);
    connect(&m_socket, &ReconnectingSocket::disconnected, this, [this] {
        m_sessionOpen = false;
        m_greetingRef = 0;
        m_sendRefs.clear();
    });
}

void ResendingClient::start()
{
    m_socket.open();
}

void ResendingClient::stop()
{
    m_socket.close();
    m_sessionOpen = false;
}

void ResendingClient::greet()
{
    m_greetingRef = m_socket.send(greeting());
}

void ResendingClient::handleFrame(const QJsonObject &frame)
{
    const QString type = frame.value(u"type"_s).toString();
    if (type == u"ack"_s) {
        const QString clientId = frame.value(u"clientId"_s).toString();
        m_ledger->recordAck(clientId, qint64(frame.value(u"messageId"_s).toDouble()),
                            qint64(frame.value(u"conversationId"_s).toDouble()), frame.value(u"duplicate"_s).toBool());
        m_sendRefs.remove(frame.value(u"ref"_s).toInt());
        m_unacknowledged.removeOne(clientId);
        handleAck(frame);
        topUp();
    } else if (type == u"error"_s) {
        handleError(frame);
    } else {
        handleEvent(type, frame);
    }
}

void ResendingClient::sessionOpened()
{
    m_sessionOpen = true;
    // What was not acknowledged before the connection went may or may not be
    // stored: resend all of it, under the same client ids, oldest first.
    for (const QString &clientId : std::as_const(m_unacknowledged))
        transmit(m_ledger->entries().value(clientId));
    topUp();
}

void ResendingClient::handleError(const QJsonObject &error)
{
    const int ref = error.value(u"ref"_s).toInt();
    const QString code = error.value(u"code"_s).toString();
    m_ledger->recordError(code);
    const int connection = m_socket.connectionNumber();
    if (ref != 0 && ref == m_greetingRef) {
        if (!isRetryable(code)) {
            m_ledger->recordProblem(u"%1: session refused with %2: %3"_s.arg(name(), code, error.value(u"message"_s).toString()));
            return;
        }
        QTimer::singleShot(retryDelayMs(error), this, [this, connection] {
            if (m_socket.isConnected() && m_socket.connectionNumber() == connection && !m_sessionOpen)
                greet();
        });
        return;
    }
    const QString clientId = m_sendRefs.take(ref);
    if (clientId.isEmpty())
        return; // an answer to something else
    if (!isRetryable(code)) {
        m_ledger->recordProblem(
            u"%1: %2 refused with %3: %4"_s.arg(name(), clientId, code, error.value(u"message"_s).toString()));
        return;
    }
    QTimer::singleShot(retryDelayMs(error), this, [this, clientId, connection] {
        // A reconnect in between has resent it already.
        if (m_sessionOpen && m_socket.connectionNumber() == connection && m_unacknowledged.contains(clientId))
            transmit(m_ledger->entries().value(clientId));
    });
}

void ResendingClient::transmit(const SentLedger::Entry &entry)
{
    m_ledger->recordSend(entry.clientId, entry.author, entry.body, entry.conversationId);
    const int ref = m_socket.send(frameFor(entry));
    if (ref != 0)
        m_sendRefs.insert(ref, entry.clientId);
}

void ResendingClient::topUp()
{
    while (m_sessionOpen && canCreate() && m_created < m_total && m_unacknowledged.size() < m_window) {
        ++m_created;
        SentLedger::Entry entry = create(m_created);
        entry.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_unacknowledged.append(entry.clientId);
        transmit(entry);
    }
}

} // namespace Frontdesk
