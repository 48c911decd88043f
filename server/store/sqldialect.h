#pragma once

namespace Frontdesk {

/// @brief Which SQL the store speaks: the two backends differ in DDL, not in queries.
enum class SqlDialect { Sqlite, MariaDb };

} // namespace Frontdesk
