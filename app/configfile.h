#pragma once

#include "serverconfig.h"

#include <QList>
#include <QString>

namespace Frontdesk {

/// @brief One thing wrong in the configuration file, and where.
struct ConfigProblem {
    int line = 0; ///< 1-based; 0 when it is about the whole file
    QString message;
};

/**
 * @brief The configuration file: every server option of the command line in
 * `[server]` (`listen = 0.0.0.0:8080`, lists comma-separated) and every
 * limit of `--list-limits` in `[limits]`, in the INI format QSettings reads.
 *
 * The command line overrides it. Secrets never go in it (they would sit in a
 * world-readable /etc file and in backups): a key that looks like one is a
 * problem, pointing at the secret store or the environment instead.
 */
class ConfigFile
{
public:
    /// The file read when `--config` is not given: the user's
    /// (`$XDG_CONFIG_HOME/frontdesk/frontdesk.conf`), else the system's
    /// (`/etc/frontdesk/frontdesk.conf`), the first that exists; empty when neither does.
    [[nodiscard]] static QString defaultPath();
    /// Applies @p path's settings to @p config. Every problem is listed, each
    /// with its line; settings without a problem are applied all the same.
    [[nodiscard]] static QList<ConfigProblem> apply(const QString &path, ServerConfig *config);
};

} // namespace Frontdesk
