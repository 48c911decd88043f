#pragma once

#include "serverconfig.h"

#include <QList>
#include <QString>

namespace Frontdesk {

/// @brief Every limit of the server by name, so any of them can be set
/// without recompiling (`--limit NAME=VALUE`, later the configuration file).
///
/// One table for HttpLimits, RealtimeLimits and AbuseLimits: a newcomer adds a
/// limit in its struct and one row here; docs/security.md explains them.
class ServerLimits
{
public:
    struct Entry {
        QString name; ///< e.g. "visitor-messages-per-second"
        QString description;
        QString value; ///< the value in @p config, as text
    };

    /// Sets the limit called @p name from @p text ("NAME=VALUE" is split by the caller).
    /// False with a sentence in @p error for an unknown name or a value out of range.
    [[nodiscard]] static bool set(ServerConfig &config, const QString &name, const QString &text, QString *error);
    /// Parses "NAME=VALUE" and sets it.
    [[nodiscard]] static bool apply(ServerConfig &config, const QString &assignment, QString *error);
    /// Every limit with its value in @p config.
    [[nodiscard]] static QList<Entry> list(const ServerConfig &config);
};

} // namespace Frontdesk
