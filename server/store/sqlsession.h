#pragma once

#include "sqldialect.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <QHash>
#include <QSqlQuery>
#include <memory>

namespace Frontdesk {

/// @brief A handle on one of the session's cached prepared statements, as
/// last run: rows are read through it until the same SQL runs again.
class PreparedQuery
{
public:
    [[nodiscard]] bool next() { return m_query->next(); }
    [[nodiscard]] QVariant value(int index) const { return m_query->value(index); }
    [[nodiscard]] QVariant lastInsertId() const { return m_query->lastInsertId(); }
    [[nodiscard]] int numRowsAffected() const { return m_query->numRowsAffected(); }
    operator const QSqlQuery &() const { return *m_query; }

private:
    friend class SqlSession;
    QSqlQuery *m_query = nullptr;
};

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
    /// The same with a statement prepared once per connection and reused:
    /// parsing the SQL again for every message cost more than running it.
    bool exec(PreparedQuery &query, const QString &sql, const QVariantList &values, const QString &what);
    /// Drops the cached statements; call before the connection is closed.
    void forgetPreparedStatements() { m_prepared.clear(); }

    [[nodiscard]] QString lastError() const { return m_lastError; }
    /// Whether the last failure was a UNIQUE or PRIMARY KEY violation.
    [[nodiscard]] bool lastWasUniqueViolation() const { return m_uniqueViolation; }

private:
    bool fail(const QSqlQuery &query, const QString &what);

    QSqlDatabase m_db;
    SqlDialect m_dialect;
    QString m_lastError;
    QHash<QString, std::shared_ptr<QSqlQuery>> m_prepared;
    bool m_uniqueViolation = false;
};

} // namespace Frontdesk
