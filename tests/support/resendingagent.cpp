#include "resendingagent.h"

#include "sentledger.h"

#include <QJsonArray>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

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

ResendingAgent::ResendingAgent(const QUrl &url, const QString &token, qint64 agentId, SentLedger *ledger, int window, int replies,
                               quint32 seed, QObject *parent)
    : QObject(parent)
    , m_socket(QNetworkRequest(url))
    , m_token(token)
    , m_agentId(agentId)
    , m_ledger(ledger)
    , m_window(window)
    , m_total(replies)
    , m_random(seed)
{
    connect(&m_socket, &ReconnectingSocket::connected, this, &ResendingAgent::authenticate);
    connect(&m_socket, &ReconnectingSocket::frameReceived, this, &ResendingAgent::handleFrame);
    connect(&m_socket, &ReconnectingSocket::disconnected, this, [this] {
        m_authenticated = false;
        m_authRef = 0;
        m_replyRefs.clear();
    });
}

void ResendingAgent::start()
{
    m_socket.open();
}

void ResendingAgent::stop()
{
    m_socket.close();
    m_authenticated = false;
}

void ResendingAgent::authenticate()
{
    m_authRef = m_socket.send(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, m_token}});
}

void ResendingAgent::handleFrame(const QJsonObject &frame)
{
    const QString type = frame.value(u"type"_s).toString();
    if (type == u"snapshot"_s)
        handleSnapshot(frame);
    else if (type == u"ack"_s)
        handleAck(frame);
    else if (type == u"error"_s)
        handleError(frame);
    else if (type == u"conversation_created"_s)
        learnConversation(qint64(frame.value(u"conversation"_s)[u"id"_s].toDouble()));
    else if (type == u"message"_s)
        learnConversation(qint64(frame.value(u"message"_s)[u"conversationId"_s].toDouble()));
}

void ResendingAgent::handleSnapshot(const QJsonObject &snapshot)
{
    if (qint64(snapshot.value(u"agent"_s)[u"id"_s].toDouble()) != m_agentId)
        m_ledger->recordProblem(
            u"agent %1's token authenticated agent %2"_s.arg(m_agentId).arg(snapshot.value(u"agent"_s)[u"id"_s].toDouble()));
    const QJsonArray conversations = snapshot.value(u"conversations"_s).toArray();
    for (const QJsonValue &conversation : conversations)
        learnConversation(qint64(conversation[u"id"_s].toDouble()));
    m_authenticated = true;
    for (const QString &clientId : std::as_const(m_unacknowledged))
        resend(clientId);
    topUp();
}

void ResendingAgent::handleAck(const QJsonObject &ack)
{
    const QString clientId = ack.value(u"clientId"_s).toString();
    m_ledger->recordAck(clientId, qint64(ack.value(u"messageId"_s).toDouble()), qint64(ack.value(u"conversationId"_s).toDouble()),
                        ack.value(u"duplicate"_s).toBool());
    m_replyRefs.remove(ack.value(u"ref"_s).toInt());
    m_unacknowledged.removeOne(clientId);
    topUp();
}

void ResendingAgent::handleError(const QJsonObject &error)
{
    const int ref = error.value(u"ref"_s).toInt();
    const QString code = error.value(u"code"_s).toString();
    m_ledger->recordError(code);
    const int connection = m_socket.connectionNumber();
    if (ref != 0 && ref == m_authRef) {
        if (!isRetryable(code)) {
            m_ledger->recordProblem(
                u"agent %1: auth refused with %2: %3"_s.arg(m_agentId).arg(code, error.value(u"message"_s).toString()));
            return;
        }
        QTimer::singleShot(retryDelayMs(error), this, [this, connection] {
            if (m_socket.isConnected() && m_socket.connectionNumber() == connection && !m_authenticated)
                authenticate();
        });
        return;
    }
    const QString clientId = m_replyRefs.take(ref);
    if (clientId.isEmpty())
        return;
    if (!isRetryable(code)) {
        m_ledger->recordProblem(u"reply %1 refused with %2: %3"_s.arg(clientId, code, error.value(u"message"_s).toString()));
        return;
    }
    QTimer::singleShot(retryDelayMs(error), this, [this, clientId, connection] {
        // A reconnect in between has resent it already.
        if (m_authenticated && m_socket.connectionNumber() == connection && m_unacknowledged.contains(clientId))
            resend(clientId);
    });
}

void ResendingAgent::learnConversation(qint64 conversationId)
{
    if (conversationId > 0 && !m_conversations.contains(conversationId)) {
        m_conversations.append(conversationId);
        topUp();
    }
}

void ResendingAgent::resend(const QString &clientId)
{
    const SentLedger::Entry entry = m_ledger->entries().value(clientId);
    transmit(clientId, entry.conversationId, entry.body);
}

void ResendingAgent::transmit(const QString &clientId, qint64 conversationId, const QString &body)
{
    m_ledger->recordSend(clientId, u"agent:%1"_s.arg(m_agentId), body, conversationId);
    const int ref = m_socket.send(QJsonObject{
        {u"type"_s, u"reply"_s}, {u"conversationId"_s, double(conversationId)}, {u"clientId"_s, clientId}, {u"body"_s, body}});
    if (ref != 0)
        m_replyRefs.insert(ref, clientId);
}

void ResendingAgent::topUp()
{
    while (m_authenticated && !m_conversations.isEmpty() && m_created < m_total && m_unacknowledged.size() < m_window) {
        const qint64 conversationId = m_conversations.at(int(m_random.bounded(quint32(m_conversations.size()))));
        const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        ++m_created;
        m_unacknowledged.append(clientId);
        transmit(clientId, conversationId, u"agent %1 reply %2"_s.arg(m_agentId).arg(m_created));
    }
}

} // namespace Frontdesk
