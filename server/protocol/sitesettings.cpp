#include "sitesettings.h"

#include "auth/originpolicy.h"
#include "mail/mailaddress.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Frontdesk {

QVariantMap SiteSettings::defaultWidget()
{
    return QJsonObject{{u"title"_s, u"Chat with us"_s},
                       {u"welcome"_s, u"Hi! How can we help you today?"_s},
                       {u"color"_s, u"#2563eb"_s},
                       {u"position"_s, u"right"_s},
                       {u"locale"_s, u"auto"_s},
                       {u"offlineText"_s, u"We're away right now. Leave a message and we'll get back to you by email."_s},
                       {u"preChatFields"_s, QJsonArray()},
                       {u"ratingEnabled"_s, true},
                       {u"replySound"_s, true}}
        .toVariantMap();
}

std::variant<SitePatch, ProtocolError> SiteSettings::parse(const QJsonObject &update)
{
    const QJsonObject &o = update;
    ProtocolError error;
    SitePatch patch;
    // Absent and null both leave a setting as it is.
    const auto given = [&o](const QString &field) { return !o.value(field).isUndefined() && !o.value(field).isNull(); };
    if (given(u"name"_s)) {
        QString name;
        if (!take(WireCodec::requiredString(o, u"name"_s, WireLimits::maxNameChars), &name, &error))
            return error;
        patch.name = name.trimmed();
        if (patch.name->isEmpty())
            return ProtocolError::make(ErrorCode::InvalidField, u"A site needs a name."_s);
    }
    if (given(u"allowedOrigins"_s)) {
        if (!o.value(u"allowedOrigins"_s).isArray())
            return ProtocolError::make(ErrorCode::InvalidField, u"The field \"allowedOrigins\" must be a list of origins."_s);
        QStringList origins;
        for (const QJsonValue &entry : o.value(u"allowedOrigins"_s).toArray()) {
            const QString text = entry.toString().trimmed();
            const QString problem = OriginPolicy::validateEntry(text);
            if (!entry.isString() || !problem.isEmpty())
                return ProtocolError::make(ErrorCode::InvalidField,
                                           problem.isEmpty() ? u"Each allowed origin must be a string."_s : problem);
            const QString normalized = OriginPolicy::normalize(text).value_or(text);
            if (!origins.contains(normalized))
                origins.append(normalized);
        }
        patch.allowedOrigins = origins;
    }
    if (given(u"widget"_s)) {
        if (!o.value(u"widget"_s).isObject())
            return ProtocolError::make(ErrorCode::InvalidField, u"The field \"widget\" must be an object."_s);
        if (QJsonDocument(o.value(u"widget"_s).toObject()).toJson(QJsonDocument::Compact).size() > maxWidgetSettingsBytes)
            return ProtocolError::make(ErrorCode::TextTooLong,
                                       u"The widget settings are larger than %1 bytes."_s.arg(maxWidgetSettingsBytes));
        // The switches the server or the widget reads: a string "false" would be true in JavaScript.
        const QJsonObject widget = o.value(u"widget"_s).toObject();
        for (const QString &key : {u"ratingEnabled"_s, u"replySound"_s}) {
            const QJsonValue value = widget.value(key);
            if (!value.isUndefined() && !value.isNull() && !value.isBool())
                return ProtocolError::make(ErrorCode::InvalidField,
                                           u"The widget setting \"%1\" must be true or false."_s.arg(key));
        }
        patch.widgetSettings = widget.toVariantMap();
    }
    if (given(u"closedRetentionDays"_s)) {
        qint64 days = 0;
        if (!take(WireCodec::optionalId(o, u"closedRetentionDays"_s, 0), &days, &error))
            return error;
        if (days > maxRetentionDays)
            return ProtocolError::make(
                ErrorCode::InvalidField,
                u"The field \"closedRetentionDays\" must be between 0 (keep) and %1."_s.arg(maxRetentionDays));
        patch.closedRetentionDays = int(days);
    }
    if (given(u"mailTeamAddress"_s)) {
        QString address;
        if (!take(WireCodec::requiredString(o, u"mailTeamAddress"_s, WireLimits::maxEmailChars, true), &address, &error))
            return error;
        address = address.trimmed();
        if (!address.isEmpty() && !MailAddress::isValidAddress(address))
            return ProtocolError::make(ErrorCode::InvalidField,
                                       u"The field \"mailTeamAddress\" must be one email address (or empty: no email)."_s);
        patch.mailTeamAddress = address;
    }
    if (given(u"mailUnansweredMinutes"_s)) {
        qint64 minutes = 0;
        if (!take(WireCodec::optionalId(o, u"mailUnansweredMinutes"_s, 0), &minutes, &error))
            return error;
        if (minutes > maxUnansweredMinutes)
            return ProtocolError::make(
                ErrorCode::InvalidField,
                u"The field \"mailUnansweredMinutes\" must be between 0 (off) and %1."_s.arg(maxUnansweredMinutes));
        patch.mailUnansweredMinutes = int(minutes);
    }
    if (given(u"mailRepliesToAbsentVisitors"_s)) {
        if (!o.value(u"mailRepliesToAbsentVisitors"_s).isBool())
            return ProtocolError::make(ErrorCode::InvalidField,
                                       u"The field \"mailRepliesToAbsentVisitors\" must be true or false."_s);
        patch.mailRepliesToAbsentVisitors = o.value(u"mailRepliesToAbsentVisitors"_s).toBool();
    }
    return patch;
}

std::variant<SiteRecord, ProtocolError> SiteSettings::apply(const SiteRecord &site, const QJsonObject &update)
{
    auto patch = parse(update);
    if (auto *refused = std::get_if<ProtocolError>(&patch))
        return *refused;
    return std::get<SitePatch>(patch).appliedTo(site);
}

} // namespace Frontdesk
