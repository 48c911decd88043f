#include "resendingvisitor.h"

#include "sentledger.h"

#include <QJsonArray>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QNetworkRequest visitorRequest(const QUrl &url, const QByteArray &origin)
{
    QNetworkRequest request(url);
    request.setRawHeader("Origin", origin);
    return request;
}

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

ResendingVisitor::ResendingVisitor(const QUrl &url, const QByteArray &origin, SentLedger *ledger, int window, int messages,
                                   QObject *parent)
    : QObject(parent), m_socket(visitorRequest(url, origin)), m_ledger(ledger), m_window(window), m_total(messages)
{
    connect(&m_socket, &ReconnectingSocket::connected, this, &ResendingVisitor::sayHello);
    connect(&m_socket, &ReconnectingSocket::frameReceived, this, &ResendingVisitor::handleFrame);
    connect(&m_socket, &ReconnectingSocket::disconnected, this, [this] {
        m_welcomed = false;
        m_helloRef = 0;
        m_messageRefs.clear();
    });
}

void ResendingVisitor::start()
{
    m_socket.open();
}

void ResendingVisitor::stop()
{
    m_socket.close();
    m_welcomed = false;
}

void ResendingVisitor::sayHello()
{
    QJsonObject hello{{u"type"_s, u"hello"_s}, {u"v"_s, 1}};
    if (!m_visitorId.isEmpty()) {
        hello.insert(u"visitorId"_s, m_visitorId);
        hello.insert(u"token"_s, m_token);
        hello.insert(u"after"_s, double(m_cursor));
    }
    m_helloRef = m_socket.send(hello);
}

void ResendingVisitor::handleFrame(const QJsonObject &frame)
{
    const QString type = frame.value(u"type"_s).toString();
    if (type == u"welcome"_s)
        handleWelcome(frame);
    else if (type == u"ack"_s)
        handleAck(frame);
    else if (type == u"error"_s)
        handleError(frame);
    else if (type == u"message"_s)
        hold(frame.value(u"message"_s).toObject());
}

void ResendingVisitor::handleWelcome(const QJsonObject &welcome)
{
    const QString visitorId = welcome.value(u"visitorId"_s).toString();
    if (!m_visitorId.isEmpty() && visitorId != m_visitorId)
        m_ledger->recordProblem(u"visitor %1 resumed as %2"_s.arg(m_visitorId, visitorId));
    m_visitorId = visitorId;
    m_token = welcome.value(u"token"_s).toString();
    const QJsonObject conversation = welcome.value(u"conversation"_s).toObject();
    if (!conversation.isEmpty())
        m_conversationId = qint64(conversation.value(u"id"_s).toDouble());
    const QJsonArray messages = welcome.value(u"messages"_s).toArray();
    for (const QJsonValue &message : messages)
        hold(message.toObject());
    m_welcomed = true;

    // What was not acknowledged before the connection went may or may not be
    // stored: resend all of it, under the same client ids, oldest first.
    for (const QString &clientId : std::as_const(m_unacknowledged))
        resend(clientId);
    topUp();
}

void ResendingVisitor::handleAck(const QJsonObject &ack)
{
    const QString clientId = ack.value(u"clientId"_s).toString();
    const qint64 messageId = qint64(ack.value(u"messageId"_s).toDouble());
    const qint64 conversationId = qint64(ack.value(u"conversationId"_s).toDouble());
    m_ledger->recordAck(clientId, messageId, conversationId, ack.value(u"duplicate"_s).toBool());
    m_messageRefs.remove(ack.value(u"ref"_s).toInt());
    m_unacknowledged.removeOne(clientId);
    m_conversationId = conversationId;
    m_held.insert(messageId);
    m_cursor = std::max(m_cursor, messageId);
    topUp();
}

void ResendingVisitor::handleError(const QJsonObject &error)
{
    const int ref = error.value(u"ref"_s).toInt();
    const QString code = error.value(u"code"_s).toString();
    m_ledger->recordError(code);
    if (ref != 0 && ref == m_helloRef) {
        if (!isRetryable(code)) {
            m_ledger->recordProblem(
                u"visitor %1: hello refused with %2: %3"_s.arg(m_visitorId, code, error.value(u"message"_s).toString()));
            return;
        }
        const int connection = m_socket.connectionNumber();
        QTimer::singleShot(retryDelayMs(error), this, [this, connection] {
            if (m_socket.isConnected() && m_socket.connectionNumber() == connection && !m_welcomed)
                sayHello();
        });
        return;
    }
    const QString clientId = m_messageRefs.take(ref);
    if (clientId.isEmpty())
        return; // an answer to something else (nothing else is sent)
    if (!isRetryable(code)) {
        m_ledger->recordProblem(u"message %1 refused with %2: %3"_s.arg(clientId, code, error.value(u"message"_s).toString()));
        return;
    }
    retryLater(clientId, error);
}

void ResendingVisitor::retryLater(const QString &clientId, const QJsonObject &error)
{
    const int connection = m_socket.connectionNumber();
    QTimer::singleShot(retryDelayMs(error), this, [this, clientId, connection] {
        // A reconnect in between has resent it already.
        if (m_welcomed && m_socket.connectionNumber() == connection && m_unacknowledged.contains(clientId))
            resend(clientId);
    });
}

void ResendingVisitor::hold(const QJsonObject &message)
{
    const qint64 id = qint64(message.value(u"id"_s).toDouble());
    if (id <= 0)
        return;
    m_held.insert(id);
    m_cursor = std::max(m_cursor, id);
}

void ResendingVisitor::resend(const QString &clientId)
{
    const SentLedger::Entry entry = m_ledger->entries().value(clientId);
    transmit(clientId, entry.author, entry.body);
}

void ResendingVisitor::transmit(const QString &clientId, const QString &author, const QString &body)
{
    m_ledger->recordSend(clientId, author, body);
    const int ref = m_socket.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, clientId}, {u"body"_s, body}});
    if (ref != 0)
        m_messageRefs.insert(ref, clientId);
}

void ResendingVisitor::topUp()
{
    while (m_welcomed && m_created < m_total && m_unacknowledged.size() < m_window) {
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        ++m_created;
        m_unacknowledged.append(clientId);
        transmit(clientId, u"visitor:"_s + m_visitorId, u"%1 line %2"_s.arg(m_visitorId).arg(m_created));
    }
}

} // namespace Frontdesk
