#include "sitecommands.h"

#include "chat/chatservices.h"
#include "protocol/sitesettings.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

/// The site key typed back to confirm a deletion: a key is 32 characters; some room, no more.
constexpr int maxConfirmationChars = 64;

} // namespace

SiteCommands::SiteCommands(ChatServices *chat) : m_chat(chat) { }

const QHash<QString, SiteCommands::Command> &SiteCommands::commands()
{
    static const QHash<QString, Command> table{
        {u"get_site"_s, {&SiteCommands::getSite, {}}},
        {u"list_sites"_s, {&SiteCommands::listSites, u"list the sites with their secrets"_s}},
        {u"create_site"_s, {&SiteCommands::createSite, u"create sites"_s}},
        {u"update_site"_s, {&SiteCommands::updateSite, u"change the site's settings"_s}},
        {u"delete_site"_s, {&SiteCommands::deleteSite, u"delete sites"_s}},
    };
    return table;
}

bool SiteCommands::handles(const QString &type)
{
    return commands().contains(type);
}

void SiteCommands::handle(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    const Command command = commands().value(message.type);
    if (!command.run)
        return answer(ProtocolError::make(ErrorCode::UnknownType));
    if (!command.adminAction.isEmpty() && agent.role != AgentRole::Admin)
        return answer(ProtocolError::make(ErrorCode::Forbidden, u"Only an admin may %1."_s.arg(command.adminAction)));
    (this->*command.run)(agent, message, answer);
}

std::variant<SiteRecord, ProtocolError> SiteCommands::siteOf(const SiteDirectory &sites, const QJsonObject &command)
{
    const QJsonValue given = command.value(u"siteId"_s);
    if (given.isUndefined() || given.isNull()) {
        if (sites.count() == 1)
            return *sites.first();
        if (sites.count() == 0)
            return ProtocolError::make(ErrorCode::NotFound, u"There is no site yet."_s);
        return ProtocolError::make(ErrorCode::MissingField,
                                   u"This server has %1 sites: say which one in \"siteId\"."_s.arg(sites.count()));
    }
    qint64 siteId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(command, u"siteId"_s), &siteId, &error))
        return error;
    const std::optional<SiteRecord> site = sites.byId(siteId);
    if (!site)
        return SiteService::noSite(siteId);
    return *site;
}

void SiteCommands::listSites(const AgentRecord &, const WireMessage &, const Answer &answer)
{
    QJsonArray list;
    for (const SiteRecord &site : m_chat->sites()->all())
        list.append(WireCodec::toJson(site, true));
    answer(QJsonObject{{u"sites"_s, list}});
}

void SiteCommands::createSite(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    QString name;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"name"_s, WireLimits::maxNameChars), &name, &error))
        return answer(error);
    // The same checks as update_site, over the settings a first start gives.
    SiteRecord defaults;
    defaults.widgetSettings = SiteSettings::defaultWidget();
    auto draft = SiteSettings::apply(defaults, message.object);
    if (auto *refused = std::get_if<ProtocolError>(&draft))
        return answer(*refused);
    m_chat->siteService()->createSite(agent, std::get<SiteRecord>(draft),
                                      answerWith<SiteRecord>(answer, [](const SiteRecord &site) {
                                          return QJsonObject{{u"site"_s, WireCodec::toJson(site, true)}};
                                      }));
}

void SiteCommands::getSite(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    const auto site = siteOf(*m_chat->sites(), message.object);
    if (auto *refused = std::get_if<ProtocolError>(&site))
        return answer(*refused);
    answer(QJsonObject{{u"site"_s, WireCodec::toJson(std::get<SiteRecord>(site), agent.role == AgentRole::Admin)}});
}

void SiteCommands::updateSite(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    const auto site = siteOf(*m_chat->sites(), message.object);
    if (auto *refused = std::get_if<ProtocolError>(&site))
        return answer(*refused);
    auto patch = SiteSettings::parse(message.object);
    if (auto *refused = std::get_if<ProtocolError>(&patch))
        return answer(*refused);
    m_chat->siteService()->updateSite(agent, std::get<SiteRecord>(site).id, std::get<SitePatch>(patch),
                                      answerWith<SiteRecord>(answer, [](const SiteRecord &saved) {
                                          return QJsonObject{{u"site"_s, WireCodec::toJson(saved, true)}};
                                      }));
}

void SiteCommands::deleteSite(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    // Never the "only site" default: a deletion names its site, always.
    qint64 siteId = 0;
    QString confirmation;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"siteId"_s), &siteId, &error)
        || !take(WireCodec::requiredString(message.object, u"confirmSiteKey"_s, maxConfirmationChars), &confirmation, &error))
        return answer(error);
    m_chat->siteService()->deleteSite(agent, siteId, confirmation, answerWith<SiteDeletion>(answer, [](const SiteDeletion &gone) {
                                          return QJsonObject{{u"siteId"_s, double(gone.site.id)},
                                                             {u"deleted"_s,
                                                              QJsonObject{{u"conversations"_s, gone.conversations},
                                                                          {u"messages"_s, gone.messages},
                                                                          {u"visitors"_s, gone.visitors},
                                                                          {u"pageViews"_s, gone.pageViews},
                                                                          {u"bans"_s, gone.bans}}}};
                                      }));
}

} // namespace Frontdesk
