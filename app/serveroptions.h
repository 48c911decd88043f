#pragma once

#include "serverconfig.h"

#include <QString>
#include <QStringList>

namespace Frontdesk {

/// @brief The server's settings by name, read the same way from the
/// configuration file's `[server]` section and from the command line
/// (`--NAME VALUE`): one parser, so the two can never disagree.
namespace ServerOptions {

/// Every name, in the order `--help` and the sample configuration list them.
[[nodiscard]] QStringList names();
/// Whether the setting takes several values (a list in the file, a repeated option).
[[nodiscard]] bool isRepeatable(const QString &name);
/// Sets @p name from @p values (exactly one unless repeatable); false with a sentence.
[[nodiscard]] bool set(ServerConfig &config, const QString &name, const QStringList &values, QString *error);

} // namespace ServerOptions

} // namespace Frontdesk
