#pragma once

#include "sqldialect.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

class QSqlQuery;

namespace Frontdesk {

/// @brief The writer thread's connection as jobs see it: runs prepared
/// statements and turns driver errors into sentences that say what failed.
///
/// Values are only ever bound, never spliced into SQL text.
class SqlSession
{
public:
    SqlSession(const QSqlDatabase &db, SqlDialect dialect);

    [[nodiscard]] SqlDialect dialect() const { return m_dialect; }
    [[nodiscard]] QSqlDatabase &database() { return m_db; }

    /// Prepares @p sql, binds @p values in order and runs it; an invalid
    /// QVariant binds NULL, a null QString binds ''. On failure
    /// returns false, and lastError() says "<what>: <driver text>".
    bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values, const QString &what);

    [[nodiscard]] QString lastError() const { return m_lastError; }
    /// Whether the last failure was a UNIQUE or PRIMARY KEY violation.
    [[nodiscard]] bool lastWasUniqueViolation() const { return m_uniqueViolation; }

private:
    QSqlDatabase m_db;
    SqlDialect m_dialect;
    QString m_lastError;
    bool m_uniqueViolation = false;
};

} // namespace Frontdesk
