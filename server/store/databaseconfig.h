#pragma once

#include "storelimits.h"

#include <QString>

namespace Frontdesk {

/// @brief Where the store keeps its data, parsed from `--database`.
///
/// `sqlite:PATH` or `mariadb://USER@HOST:PORT/DB`. A password is never part of
/// the URL (it would show in `ps` and shell history); the caller fills
/// `password` from the secret store or the environment.
struct DatabaseConfig {
    enum class Kind { Sqlite, MariaDb };

    Kind kind = Kind::Sqlite;
    QString sqlitePath; ///< Sqlite: file path
    QString host; ///< MariaDb
    int port = 3306; ///< MariaDb
    QString user; ///< MariaDb
    QString password; ///< MariaDb; from the secret store or FRONTDESK_DB_PASSWORD
    QString databaseName; ///< MariaDb
    QString unixSocket; ///< MariaDb: optional socket path (?socket=...)
    /// Timeouts and the queue bound; not part of the URL, kept by parse().
    StoreLimits limits;

    /// Parses a `--database` value; on failure returns false and sets a sentence
    /// in @p error. Keeps the password and limits already in @p config.
    [[nodiscard]] static bool parse(const QString &text, DatabaseConfig *config, QString *error);
    /// The URL without any password, for logs.
    [[nodiscard]] QString displayUrl() const;
};

} // namespace Frontdesk
