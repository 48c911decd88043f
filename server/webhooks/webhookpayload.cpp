#include "webhookpayload.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(double(ms)) : QJsonValue();
}

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(double(id)) : QJsonValue();
}

QJsonObject siteJson(const SiteRecord &site)
{
    return {{u"id"_s, double(site.id)}, {u"key"_s, site.siteKey}, {u"name"_s, site.name}};
}

QJsonObject conversationJson(const ConversationRecord &c)
{
    return {{u"id"_s, double(c.id)},
            {u"status"_s, toString(c.status)},
            {u"assignedAgentId"_s, idOrNull(c.assignedAgentId)},
            {u"createdAt"_s, double(c.createdAt)},
            {u"closedAt"_s, timeOrNull(c.closedAt)}};
}

QJsonObject visitorJson(const VisitorRecord &v)
{
    return {{u"id"_s, v.id}, {u"name"_s, v.name}, {u"email"_s, v.email}};
}

QJsonObject messageJson(const MessageRecord &m)
{
    QJsonObject author{{u"kind"_s, toString(m.authorKind)}};
    if (m.authorKind == AuthorKind::Agent) {
        author.insert(u"agentId"_s, idOrNull(m.authorAgentId));
        author.insert(u"name"_s, m.authorName);
    }
    return {{u"id"_s, double(m.id)},
            {u"conversationId"_s, double(m.conversationId)},
            {u"author"_s, author},
            {u"body"_s, m.body},
            {u"createdAt"_s, double(m.createdAt)}};
}

QJsonValue agentJson(const IntegrationEvent &event)
{
    if (event.agentId <= 0)
        return QJsonValue();
    return QJsonObject{{u"id"_s, double(event.agentId)}, {u"name"_s, event.agentName}};
}

} // namespace

QByteArray WebhookPayload::render(const IntegrationEvent &event)
{
    QJsonObject data{{u"site"_s, siteJson(event.site)},
                     {u"conversation"_s, conversationJson(event.conversation)},
                     {u"visitor"_s, visitorJson(event.visitor)}};
    if (event.type == WebhookEvents::conversationCreated || event.type == WebhookEvents::messageVisitor
        || event.type == WebhookEvents::messageAgent)
        data.insert(u"message"_s, messageJson(event.message));
    else if (event.type == WebhookEvents::conversationAccepted || event.type == WebhookEvents::conversationTransferred)
        data.insert(u"agent"_s, agentJson(event));
    else if (event.type == WebhookEvents::conversationClosed)
        data.insert(u"closedBy"_s, agentJson(event));
    else if (event.type == WebhookEvents::conversationRated) {
        data.insert(u"rating"_s, event.conversation.rating);
        data.insert(u"comment"_s, event.conversation.ratingComment);
    }
    const QJsonObject body{{u"type"_s, event.type},
                           {u"timestamp"_s, QDateTime::fromMSecsSinceEpoch(event.createdAt, Qt::UTC).toString(Qt::ISODateWithMs)},
                           {u"data"_s, data}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QString WebhookPayload::eventId(qint64 journalId)
{
    return u"evt_%1"_s.arg(journalId);
}

QByteArray WebhookPayload::signature(const QString &secret, const QString &webhookId, qint64 timestampSeconds,
                                     const QByteArray &body)
{
    if (!secret.startsWith(u"whsec_"_s))
        return {};
    const auto key = QByteArray::fromBase64Encoding(secret.mid(6).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!key || key.decoded.isEmpty())
        return {};
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key.decoded);
    mac.addData(webhookId.toUtf8());
    mac.addData(".");
    mac.addData(QByteArray::number(timestampSeconds));
    mac.addData(".");
    mac.addData(body);
    return "v1," + mac.result().toBase64();
}

} // namespace Frontdesk
