#pragma once

#include "core/records.h"
#include "protocol/protocolerror.h"

#include <QJsonObject>
#include <variant>

namespace Frontdesk {

/// @brief The rules for the site settings an admin changes (`update_site`):
/// name, allowed origins, widget settings, retention and mail, checked in the order
/// docs/protocol.md gives and applied all or nothing.
///
/// Pure, so the fuzzer and the tests reach it without a store.
class SiteSettings
{
public:
    static constexpr int maxWidgetSettingsBytes = 8 * 1024; ///< as compact JSON
    static constexpr int maxRetentionDays = 3650;
    static constexpr int maxUnansweredMinutes = 24 * 60;

    /// The widget settings of a new site (the first start's, create_site's).
    [[nodiscard]] static QVariantMap defaultWidget();

    /// The fields @p update gives (absent and null leave a setting as it
    /// is), checked, or the first field's error.
    [[nodiscard]] static std::variant<SitePatch, ProtocolError> parse(const QJsonObject &update);
    /// @p site with parse(@p update) applied, or the first field's error.
    [[nodiscard]] static std::variant<SiteRecord, ProtocolError> apply(const SiteRecord &site, const QJsonObject &update);
};

} // namespace Frontdesk
