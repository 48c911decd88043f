#pragma once

#include "sqldialect.h"

#include <QString>

class QSqlDatabase;

namespace Frontdesk {

/// @brief The schema's history: numbered steps, each applied once, in order,
/// and recorded in `schema_version`.
///
/// A step is never edited after it shipped; a change to the schema is a new
/// step. SQLite applies each step atomically. MariaDB commits DDL implicitly,
/// so its steps are written to be re-runnable (IF NOT EXISTS) should one be
/// interrupted halfway.
class Migrations
{
public:
    /// The version the newest step brings a database to.
    [[nodiscard]] static int latestVersion();

    /// Reads the version in force: 0 for a database without `schema_version`.
    [[nodiscard]] static bool currentVersion(QSqlDatabase &db, int *version, QString *error);

    /// Applies the steps above the current version up to @p upTo, one
    /// transaction each. Refuses a database newer than this build knows.
    /// Tests call it with a lower @p upTo to build an old database.
    [[nodiscard]] static bool apply(QSqlDatabase &db, SqlDialect dialect, int upTo, int *version, QString *error);
};

} // namespace Frontdesk
