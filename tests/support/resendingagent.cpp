#include "resendingagent.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Frontdesk {

ResendingAgent::ResendingAgent(const QUrl &url, const QString &token, qint64 agentId, SentLedger *ledger, int window, int replies,
                               quint32 seed, QObject *parent)
    : ResendingClient(QNetworkRequest(url), ledger, window, replies, parent), m_token(token), m_agentId(agentId), m_random(seed)
{ }

QJsonObject ResendingAgent::greeting() const
{
    return QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, m_token}};
}

QString ResendingAgent::name() const
{
    return u"agent %1"_s.arg(m_agentId);
}

void ResendingAgent::handleEvent(const QString &type, const QJsonObject &frame)
{
    if (type == u"snapshot"_s)
        handleSnapshot(frame);
    else if (type == u"conversation_created"_s)
        learnConversation(qint64(frame.value(u"conversation"_s)[u"id"_s].toDouble()));
    else if (type == u"message"_s)
        learnConversation(qint64(frame.value(u"message"_s)[u"conversationId"_s].toDouble()));
}

void ResendingAgent::handleSnapshot(const QJsonObject &snapshot)
{
    const qint64 authenticated = qint64(snapshot.value(u"agent"_s)[u"id"_s].toDouble());
    if (authenticated != m_agentId)
        ledger()->recordProblem(u"agent %1's token authenticated agent %2"_s.arg(m_agentId).arg(authenticated));
    const QJsonArray conversations = snapshot.value(u"conversations"_s).toArray();
    for (const QJsonValue &conversation : conversations)
        learnConversation(qint64(conversation[u"id"_s].toDouble()));
    sessionOpened();
}

void ResendingAgent::learnConversation(qint64 conversationId)
{
    if (conversationId > 0 && !m_conversations.contains(conversationId)) {
        m_conversations.append(conversationId);
        topUp();
    }
}

SentLedger::Entry ResendingAgent::create(int number)
{
    SentLedger::Entry entry;
    entry.author = u"agent:%1"_s.arg(m_agentId);
    entry.body = u"agent %1 reply %2"_s.arg(m_agentId).arg(number);
    entry.conversationId = m_conversations.at(int(m_random.bounded(quint32(m_conversations.size()))));
    return entry;
}

QJsonObject ResendingAgent::frameFor(const SentLedger::Entry &entry) const
{
    return QJsonObject{{u"type"_s, u"reply"_s},
                       {u"conversationId"_s, double(entry.conversationId)},
                       {u"clientId"_s, entry.clientId},
                       {u"body"_s, entry.body}};
}

} // namespace Frontdesk
