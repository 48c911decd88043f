#include "resendingvisitor.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QNetworkRequest visitorRequest(const QUrl &url, const QByteArray &origin)
{
    QNetworkRequest request(url);
    request.setRawHeader("Origin", origin);
    return request;
}

} // namespace

ResendingVisitor::ResendingVisitor(const QUrl &url, const QByteArray &origin, SentLedger *ledger, int window, int messages,
                                   QObject *parent)
    : ResendingClient(visitorRequest(url, origin), ledger, window, messages, parent)
{ }

QJsonObject ResendingVisitor::greeting() const
{
    QJsonObject hello{{u"type"_s, u"hello"_s}, {u"v"_s, 1}};
    if (!m_visitorId.isEmpty()) {
        hello.insert(u"visitorId"_s, m_visitorId);
        hello.insert(u"token"_s, m_token);
        hello.insert(u"after"_s, double(m_cursor));
    }
    return hello;
}

QString ResendingVisitor::name() const
{
    return u"visitor %1"_s.arg(m_visitorId);
}

void ResendingVisitor::handleEvent(const QString &type, const QJsonObject &frame)
{
    if (type == u"welcome"_s)
        handleWelcome(frame);
    else if (type == u"message"_s)
        hold(qint64(frame.value(u"message"_s)[u"id"_s].toDouble()));
}

void ResendingVisitor::handleWelcome(const QJsonObject &welcome)
{
    const QString visitorId = welcome.value(u"visitorId"_s).toString();
    if (!m_visitorId.isEmpty() && visitorId != m_visitorId)
        ledger()->recordProblem(u"visitor %1 resumed as %2"_s.arg(m_visitorId, visitorId));
    m_visitorId = visitorId;
    m_token = welcome.value(u"token"_s).toString();
    const QJsonObject conversation = welcome.value(u"conversation"_s).toObject();
    if (!conversation.isEmpty())
        m_conversationId = qint64(conversation.value(u"id"_s).toDouble());
    const QJsonArray messages = welcome.value(u"messages"_s).toArray();
    for (const QJsonValue &message : messages)
        hold(qint64(message[u"id"_s].toDouble()));
    sessionOpened();
}

void ResendingVisitor::handleAck(const QJsonObject &ack)
{
    m_conversationId = qint64(ack.value(u"conversationId"_s).toDouble());
    hold(qint64(ack.value(u"messageId"_s).toDouble()));
}

void ResendingVisitor::hold(qint64 messageId)
{
    if (messageId <= 0)
        return;
    m_held.insert(messageId);
    m_cursor = std::max(m_cursor, messageId);
}

SentLedger::Entry ResendingVisitor::create(int number)
{
    SentLedger::Entry entry;
    entry.author = u"visitor:"_s + m_visitorId;
    entry.body = u"%1 line %2"_s.arg(m_visitorId).arg(number);
    return entry;
}

QJsonObject ResendingVisitor::frameFor(const SentLedger::Entry &entry) const
{
    return QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, entry.clientId}, {u"body"_s, entry.body}};
}

} // namespace Frontdesk
