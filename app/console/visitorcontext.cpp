#include "visitorcontext.h"

#include "agentclient.h"
#include "conversationmodel.h"
#include "useragent.h"

#include <QDateTime>
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
    connect(client, &AgentClient::visitorPageReceived, this, [this](const QString &visitorId, const PageView &page, int) {
        if (visitorId != m_visitorId || !m_loaded)
            return;
        if (!m_pages.isEmpty() && m_pages.first().url == page.url && m_pages.first().at == page.at)
            return;
        m_pages.prepend(page);
        Q_EMIT changed();
    });
    connect(client, &AgentClient::visitorUpdated, this, [this](const VisitorView &visitor) {
        if (visitor.visitor.id != m_visitorId)
            return;
        m_visitor = visitor;
        Q_EMIT changed();
        Q_EMIT localTimeChanged();
    });
    connect(client, &AgentClient::visitorConnectionChanged, this, [this](const QString &visitorId, int, bool online) {
        if (visitorId != m_visitorId)
            return;
        m_visitor.online = online;
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
    m_client->commands()->visitor(m_visitorId, this, [this, generation](const CommandResult<VisitorDetails> &answer) {
        if (generation != m_generation || !answer.ok())
            return;
        m_visitor = answer.value.visitor;
        m_pages = answer.value.pages;
        m_conversations = answer.value.conversations;
        m_loaded = true;
        Q_EMIT changed();
        Q_EMIT localTimeChanged();
    });
}

QString VisitorContext::attribute(const QString &name) const
{
    // Attributes the site sets through the widget's API sit under "custom".
    const QVariantMap &attributes = m_visitor.visitor.attributes;
    const QVariant value = attributes.contains(name) ? attributes.value(name) : attributes.value(u"custom"_s).toMap().value(name);
    return value.toString();
}

QString VisitorContext::name() const
{
    return m_visitor.visitor.name;
}

QString VisitorContext::email() const
{
    return m_visitor.visitor.email;
}

QString VisitorContext::userId() const
{
    // Only the server's own attribute, never attribute(): that falls back to "custom", which
    // the visitor's page sets freely, so a custom "userId" would pass as verified.
    return m_visitor.visitor.attributes.value(u"userId"_s).toString();
}

QString VisitorContext::displayName() const
{
    return m_visitorId.isEmpty() ? QString() : ConversationModel::visitorDisplayName(m_visitor.visitor, m_visitorId);
}

bool VisitorContext::isOnline() const
{
    return m_visitor.online;
}

QString VisitorContext::currentPageTitle() const
{
    const PageView page = m_pages.value(0);
    return page.title.isEmpty() ? page.url : page.title;
}

QString VisitorContext::currentPageUrl() const
{
    return m_pages.value(0).url;
}

QVariantList VisitorContext::pages() const
{
    QVariantList result;
    for (const PageView &page : m_pages) {
        QString title = page.title;
        if (title.isEmpty())
            title = QUrl(page.url).path().isEmpty() ? page.url : QUrl(page.url).path();
        result.append(QVariantMap{{u"url"_s, page.url}, {u"title"_s, title}, {u"timeText"_s, shortDateTime(page.at)}});
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
    for (const ConversationRecord &conversation : m_conversations) {
        if (conversation.status != ConversationStatus::Closed)
            continue;
        result.append(QVariantMap{{u"conversationId"_s, int(conversation.id)},
                                  {u"status"_s, toString(conversation.status)},
                                  {u"agentName"_s, conversation.assignedAgentName},
                                  {u"dateText"_s, shortDateTime(conversation.createdAt)}});
    }
    return result;
}

QString VisitorContext::firstSeen() const
{
    return shortDateTime(m_visitor.visitor.createdAt);
}

} // namespace Frontdesk
