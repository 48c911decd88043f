#include "sitesettings.h"

#include "agentclient.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

SiteSettings::SiteSettings(QObject *parent) : QObject(parent)
{
    load(true);
}

void SiteSettings::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (client) {
        // Another admin's save (site_updated) or our own: what was not edited follows it.
        // Another site chosen: all of its fields, no drafts of the one before.
        connect(client, &AgentClient::siteChanged, this, [this] { load(m_client->currentSiteId() != m_siteId); });
        connect(client, &AgentClient::agentChanged, this, &SiteSettings::editableChanged);
    }
    Q_EMIT clientChanged();
    Q_EMIT editableChanged();
    load(true);
}

bool SiteSettings::isEditable() const
{
    return m_client && m_client->isAdmin();
}

void SiteSettings::load(bool all)
{
    const SiteRecord site = m_client ? m_client->currentSite() : SiteRecord();
    m_siteId = int(site.id);
    m_siteKey = site.siteKey;
    if (all || !m_nameEdited) {
        m_name = site.name;
        m_nameEdited = false;
    }
    if (all || !m_originsEdited) {
        m_allowedOrigins = site.allowedOrigins;
        m_originsEdited = false;
    }
    if (all || !m_mailEdited) {
        m_mailTeamAddress = site.mailTeamAddress;
        m_mailUnansweredMinutes = site.mailUnansweredMinutes;
        m_mailReplies = site.mailRepliesToAbsentVisitors;
        m_mailEdited = false;
    }
    m_widget = site.widgetSettings;
    if (all || !m_widgetEdited) {
        m_title = m_widget.value(u"title"_s).toString();
        m_welcome = m_widget.value(u"welcome"_s).toString();
        m_color = m_widget.value(u"color"_s, u"#2563eb"_s).toString();
        m_position = m_widget.value(u"position"_s).toString() == u"left"_s ? u"left"_s : u"right"_s;
        m_offlineText = m_widget.value(u"offlineText"_s).toString();
        m_replySound = m_widget.value(u"replySound"_s, true).toBool(); // sites from before the setting have no key
        m_askName = m_askEmail = m_emailRequired = false;
        for (const QVariant &value : m_widget.value(u"preChatFields"_s).toList()) {
            const QVariantMap field = value.toMap();
            if (field.value(u"name"_s).toString() == u"name"_s) {
                m_askName = true;
            } else if (field.value(u"name"_s).toString() == u"email"_s) {
                m_askEmail = true;
                m_emailRequired = field.value(u"required"_s).toBool();
            }
        }
        m_widgetEdited = false;
    }
    Q_EMIT changed();
}

void SiteSettings::revert()
{
    load(true);
}

template<typename T> void SiteSettings::edit(T &member, const T &value, bool &edited)
{
    if (member == value)
        return;
    member = value;
    edited = true;
    Q_EMIT changed();
}

void SiteSettings::setName(const QString &name)
{
    edit(m_name, name, m_nameEdited);
}

void SiteSettings::setAllowedOrigins(const QStringList &origins)
{
    edit(m_allowedOrigins, origins, m_originsEdited);
}

void SiteSettings::setWidgetTitle(const QString &title)
{
    edit(m_title, title, m_widgetEdited);
}

void SiteSettings::setWelcome(const QString &welcome)
{
    edit(m_welcome, welcome, m_widgetEdited);
}

void SiteSettings::setColor(const QString &color)
{
    edit(m_color, color, m_widgetEdited);
}

void SiteSettings::setPosition(const QString &position)
{
    edit(m_position, position == u"left"_s ? u"left"_s : u"right"_s, m_widgetEdited);
}

void SiteSettings::setOfflineText(const QString &offlineText)
{
    edit(m_offlineText, offlineText, m_widgetEdited);
}

void SiteSettings::setAskName(bool ask)
{
    edit(m_askName, ask, m_widgetEdited);
}

void SiteSettings::setAskEmail(bool ask)
{
    edit(m_askEmail, ask, m_widgetEdited);
}

void SiteSettings::setEmailRequired(bool required)
{
    edit(m_emailRequired, required, m_widgetEdited);
}

void SiteSettings::setReplySound(bool on)
{
    edit(m_replySound, on, m_widgetEdited);
}

QVariantList SiteSettings::preChatFields() const
{
    return widgetSettings().value(u"preChatFields"_s).toList();
}

QVariantMap SiteSettings::widgetSettings() const
{
    QVariantList fields;
    if (m_askName)
        fields.append(QVariantMap{{u"name"_s, u"name"_s}, {u"required"_s, false}});
    if (m_askEmail)
        fields.append(QVariantMap{{u"name"_s, u"email"_s}, {u"required"_s, m_emailRequired}});
    QVariantMap widget = m_widget;
    widget.insert(u"title"_s, m_title);
    widget.insert(u"welcome"_s, m_welcome);
    widget.insert(u"color"_s, m_color);
    widget.insert(u"position"_s, m_position);
    widget.insert(u"offlineText"_s, m_offlineText);
    widget.insert(u"preChatFields"_s, fields);
    widget.insert(u"replySound"_s, m_replySound);
    return widget;
}

void SiteSettings::saveName()
{
    if (!m_client)
        return;
    m_nameEdited = false;
    SitePatch patch;
    patch.name = m_name.trimmed();
    m_client->updateSite(patch);
}

void SiteSettings::saveWidget()
{
    if (!m_client)
        return;
    // The draft is what the server gets; its answer (siteChanged) replaces it.
    m_widgetEdited = false;
    SitePatch patch;
    patch.widgetSettings = widgetSettings();
    m_client->updateSite(patch);
}

void SiteSettings::setMailTeamAddress(const QString &address)
{
    edit(m_mailTeamAddress, address, m_mailEdited);
}

void SiteSettings::setMailUnansweredMinutes(int minutes)
{
    edit(m_mailUnansweredMinutes, std::max(0, minutes), m_mailEdited);
}

void SiteSettings::setMailRepliesToAbsentVisitors(bool on)
{
    edit(m_mailReplies, on, m_mailEdited);
}

void SiteSettings::saveMail()
{
    if (!m_client)
        return;
    m_mailEdited = false;
    SitePatch patch;
    patch.mailTeamAddress = m_mailTeamAddress.trimmed();
    patch.mailUnansweredMinutes = m_mailUnansweredMinutes;
    patch.mailRepliesToAbsentVisitors = m_mailReplies;
    m_client->updateSite(patch);
}

void SiteSettings::saveAllowedOrigins()
{
    if (!m_client)
        return;
    m_originsEdited = false;
    SitePatch patch;
    patch.allowedOrigins = m_allowedOrigins;
    m_client->updateSite(patch);
}

} // namespace Frontdesk
