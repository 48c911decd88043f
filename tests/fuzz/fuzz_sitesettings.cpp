// Fuzzes the site settings an admin sets (`update_site`, docs/protocol.md
// §5 "update_site" and §7 "Widget settings"): the input is the frame's JSON
// body, decoded by the wire codec and applied by SiteSettings to a site. What
// is accepted must hold to the documented limits, and what the server then
// sends of it (the agents' Site object, the widget's config and welcome) must
// be JSON that parses back to the same settings.

#include "auth/originpolicy.h"
#include "fuzzcheck.h"
#include "mail/mailaddress.h"
#include "protocol/sitesettings.h"
#include "protocol/wirecodec.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <cstdint>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

SiteRecord storedSite()
{
    SiteRecord site;
    site.id = 1;
    site.siteKey = u"fuzz-site-key"_s;
    site.name = u"Shop"_s;
    site.allowedOrigins = {u"https://shop.example"_s};
    site.widgetSettings = QVariantMap{{u"title"_s, u"Chat with us"_s}, {u"ratingEnabled"_s, true}};
    site.identitySecret = QByteArray(32, 'k');
    site.closedRetentionDays = 30;
    return site;
}

void checkAccepted(const SiteRecord &before, const SiteRecord &site, const QJsonObject &update)
{
    FUZZ_CHECK(site.id == before.id && site.siteKey == before.siteKey && site.identitySecret == before.identitySecret);
    FUZZ_CHECK(!site.name.trimmed().isEmpty() && site.name == site.name.trimmed());
    FUZZ_CHECK(site.name.size() <= WireLimits::maxNameChars);
    for (const QString &origin : site.allowedOrigins) {
        FUZZ_CHECK(OriginPolicy::validateEntry(origin).isEmpty());
        FUZZ_CHECK(site.allowedOrigins.count(origin) == 1);
    }
    FUZZ_CHECK(QJsonDocument::fromVariant(site.widgetSettings).toJson(QJsonDocument::Compact).size()
               <= SiteSettings::maxWidgetSettingsBytes);
    FUZZ_CHECK(site.closedRetentionDays >= 0 && site.closedRetentionDays <= SiteSettings::maxRetentionDays);
    // The switches the server and the widget read are booleans (or absent, or null).
    for (const QString &key : {u"ratingEnabled"_s, u"replySound"_s}) {
        const QVariant value = site.widgetSettings.value(key);
        FUZZ_CHECK(!value.isValid() || value.isNull() || value.typeId() == QMetaType::Bool);
    }
    // The team's address goes into email headers: one strict address or none.
    FUZZ_CHECK(site.mailTeamAddress.isEmpty() || MailAddress::isValidAddress(site.mailTeamAddress));
    FUZZ_CHECK(site.mailUnansweredMinutes >= 0 && site.mailUnansweredMinutes <= SiteSettings::maxUnansweredMinutes);
    if (!update.contains(u"widget"_s) || update.value(u"widget"_s).isNull())
        FUZZ_CHECK(site.widgetSettings == before.widgetSettings);

    // Applying the result again changes nothing: what was stored is valid input.
    const QJsonObject again = WireCodec::toJson(site, true);
    const auto reapplied = SiteSettings::apply(site, again);
    FUZZ_CHECK(std::holds_alternative<SiteRecord>(reapplied));
    const SiteRecord &same = std::get<SiteRecord>(reapplied);
    FUZZ_CHECK(same.name == site.name && same.allowedOrigins == site.allowedOrigins && same.widgetSettings == site.widgetSettings
               && same.closedRetentionDays == site.closedRetentionDays && same.mailTeamAddress == site.mailTeamAddress
               && same.mailUnansweredMinutes == site.mailUnansweredMinutes
               && same.mailRepliesToAbsentVisitors == site.mailRepliesToAbsentVisitors);

    // What the widget and the console receive parses back to the same settings.
    const QByteArray sent = WireCodec::encode(again);
    FUZZ_CHECK(WireCodec::isValidUtf8(sent));
    const auto decoded = WireCodec::decodeObject(sent);
    FUZZ_CHECK(std::holds_alternative<QJsonObject>(decoded));
    FUZZ_CHECK(std::get<QJsonObject>(decoded).value(u"widget"_s).toObject() == QJsonObject::fromVariantMap(site.widgetSettings));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto decoded = WireCodec::decodeObject(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!std::holds_alternative<QJsonObject>(decoded))
        return 0;
    const QJsonObject update = std::get<QJsonObject>(decoded);
    const SiteRecord before = storedSite();
    const auto applied = SiteSettings::apply(before, update);
    if (const auto *error = std::get_if<ProtocolError>(&applied)) {
        FUZZ_CHECK(!error->message.isEmpty());
        FUZZ_CHECK(error->code == ErrorCode::InvalidField || error->code == ErrorCode::MissingField
                   || error->code == ErrorCode::TextTooLong);
        return 0;
    }
    checkAccepted(before, std::get<SiteRecord>(applied), update);
    return 0;
}
