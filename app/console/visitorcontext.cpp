#include "visitorcontext.h"

#include "agentclient.h"
#include "conversationmodel.h"
#include "useragent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QString shortDateTime(qint64 msecs)
{
    if (msecs <= 0)
        return {};
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(msecs);
    const QLocale locale;
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(u":ss"_s);
    if (when.date() == QDate::currentDate())
        return locale.toString(when.time(), timeFormat);
    return locale.toString(when, QLocale::ShortFormat);
}

} // namespace

VisitorContext::VisitorContext(QObject *parent) : QObject(parent)
{
    m_clock.setInterval(30'000);
    connect(&m_clock, &QTimer::timeout, this, &VisitorContext::localTimeChanged);
    m_clock.start();
}

void VisitorContext::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    Q_EMIT clientChanged();
    if (!client)
        return;
    connect(client, &AgentClient::visitorPageReceived, this, [this](const QString &visitorId, const QJsonObject &page, int) {
        if (visitorId != m_visitorId || !m_loaded)
            return;
        if (!m_pages.isEmpty() && m_pages.first().toObject().value(u"url"_s) == page.value(u"url"_s)
            && m_pages.first().toObject().value(u"at"_s) == page.value(u"at"_s))
            return;
        m_pages.prepend(page);
        Q_EMIT changed();
    });
    connect(client, &AgentClient::visitorUpdated, this, [this](const QJsonObject &visitor) {
        if (visitor.value(u"id"_s).toString() != m_visitorId)
            return;
        m_visitor = visitor;
        Q_EMIT changed();
        Q_EMIT localTimeChanged();
    });
    connect(client, &AgentClient::visitorConnectionChanged, this, [this](const QString &visitorId, int, bool online) {
        if (visitorId != m_visitorId)
            return;
        m_visitor.insert(u"online"_s, online);
        Q_EMIT changed();
    });
    connect(client, &AgentClient::snapshotReceived, this, &VisitorContext::refresh);
    refresh();
}

void VisitorContext::setVisitorId(const QString &visitorId)
{
    if (m_visitorId == visitorId)
        return;
    m_visitorId = visitorId;
    m_loaded = false;
    m_visitor = {};
    m_pages = {};
    m_conversations = {};
    Q_EMIT visitorIdChanged();
    Q_EMIT changed();
    Q_EMIT localTimeChanged();
    refresh();
}

void VisitorContext::refresh()
{
    const int generation = ++m_generation;
    if (!m_client || m_visitorId.isEmpty() || !m_client->isOnline())
        return;
    m_client->request(u"visitor"_s, {{u"visitorId"_s, m_visitorId}}, this, [this, generation](const CommandReply &answer) {
        if (generation != m_generation || !answer.ok())
            return;
        m_visitor = answer.frame.value(u"visitor"_s).toObject();
        m_pages = answer.frame.value(u"pages"_s).toArray();
        m_conversations = answer.frame.value(u"conversations"_s).toArray();
        m_loaded = true;
        Q_EMIT changed();
        Q_EMIT localTimeChanged();
    });
}

QString VisitorContext::attribute(const QString &name) const
{
    // Attributes the site sets through the widget's API sit under "custom".
    const QJsonObject attributes = m_visitor.value(u"attributes"_s).toObject();
    const QJsonValue value
        = attributes.contains(name) ? attributes.value(name) : attributes.value(u"custom"_s).toObject().value(name);
    return value.toVariant().toString();
}

QString VisitorContext::name() const
{
    return m_visitor.value(u"name"_s).toString();
}

QString VisitorContext::email() const
{
    return m_visitor.value(u"email"_s).toString();
}

QString VisitorContext::userId() const
{
    // Only the server's own attribute, never attribute(): that falls back to "custom", which
    // the visitor's page sets freely, so a custom "userId" would pass as verified.
    return m_visitor.value(u"attributes"_s).toObject().value(u"userId"_s).toString();
}

QString VisitorContext::displayName() const
{
    return m_visitorId.isEmpty() ? QString() : ConversationModel::visitorDisplayName(m_visitor, m_visitorId);
}

bool VisitorContext::isOnline() const
{
    return m_visitor.value(u"online"_s).toBool();
}

QString VisitorContext::currentPageTitle() const
{
    const QJsonObject page = m_pages.isEmpty() ? QJsonObject() : m_pages.first().toObject();
    const QString title = page.value(u"title"_s).toString();
    return title.isEmpty() ? page.value(u"url"_s).toString() : title;
}

QString VisitorContext::currentPageUrl() const
{
    return m_pages.isEmpty() ? QString() : m_pages.first().toObject().value(u"url"_s).toString();
}

QVariantList VisitorContext::pages() const
{
    QVariantList result;
    for (const QJsonValue &value : m_pages) {
        const QJsonObject page = value.toObject();
        const QString url = page.value(u"url"_s).toString();
        QString title = page.value(u"title"_s).toString();
        if (title.isEmpty())
            title = QUrl(url).path().isEmpty() ? url : QUrl(url).path();
        result.append(QVariantMap{
            {u"url"_s, url}, {u"title"_s, title}, {u"timeText"_s, shortDateTime(qint64(page.value(u"at"_s).toDouble()))}});
    }
    return result;
}

QString VisitorContext::referrer() const
{
    return attribute(u"referrer"_s);
}

QString VisitorContext::browser() const
{
    return UserAgent::parse(attribute(u"userAgent"_s)).browser;
}

QString VisitorContext::operatingSystem() const
{
    return UserAgent::parse(attribute(u"userAgent"_s)).os;
}

QString VisitorContext::locale() const
{
    return attribute(u"locale"_s);
}

QString VisitorContext::localTime() const
{
    // The widget may report an IANA zone ("timezone") or a UTC offset in minutes ("utcOffset").
    const QString zoneName = attribute(u"timezone"_s);
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (!zoneName.isEmpty()) {
        const QTimeZone zone(zoneName.toUtf8());
        if (!zone.isValid())
            return {};
        now = now.toTimeZone(zone);
    } else {
        bool ok = false;
        const int offset = attribute(u"utcOffset"_s).toInt(&ok);
        if (!ok)
            return {};
        now = now.toOffsetFromUtc(offset * 60);
    }
    QString timeFormat = QLocale().timeFormat(QLocale::ShortFormat);
    timeFormat.remove(u":ss"_s);
    return QLocale().toString(now.time(), timeFormat);
}

QVariantList VisitorContext::earlierConversations() const
{
    QVariantList result;
    for (const QJsonValue &value : m_conversations) {
        const QJsonObject conversation = value.toObject();
        if (conversation.value(u"status"_s).toString() != u"closed"_s)
            continue;
        result.append(QVariantMap{{u"conversationId"_s, conversation.value(u"id"_s).toInt()},
                                  {u"status"_s, conversation.value(u"status"_s).toString()},
                                  {u"agentName"_s, conversation.value(u"agentName"_s).toString()},
                                  {u"dateText"_s, shortDateTime(qint64(conversation.value(u"createdAt"_s).toDouble()))}});
    }
    return result;
}

QString VisitorContext::firstSeen() const
{
    return shortDateTime(qint64(m_visitor.value(u"createdAt"_s).toDouble()));
}

} // namespace Frontdesk
