#pragma once

class QSqlDatabase;
class QString;

namespace Frontdesk {

/// Replaces SQLite's lower() on the open connection @p db with one that
/// lowercases all of Unicode, as MariaDB's does, so that a search for "ärger"
/// finds "Ärger" on both backends. Returns false with a sentence in @p error.
[[nodiscard]] bool installUnicodeLower(QSqlDatabase &db, QString *error);

} // namespace Frontdesk
