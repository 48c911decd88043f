#include "sqlsession.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Frontdesk {

SqlSession::SqlSession(const QSqlDatabase &db, SqlDialect dialect) : m_db(db), m_dialect(dialect) { }

bool SqlSession::exec(QSqlQuery &query, const QString &sql, const QVariantList &values, const QString &what)
{
    m_uniqueViolation = false;
    query.setForwardOnly(true);
    bool ok = query.prepare(sql);
    if (ok) {
        for (const QVariant &value : values) {
            // Qt binds a null QString as SQL NULL; an empty name is not a
            // missing one. Real NULLs are passed as an invalid QVariant.
            if (value.typeId() == QMetaType::QString && value.toString().isNull())
                query.addBindValue(u""_s);
            else
                query.addBindValue(value);
        }
        ok = query.exec();
    }
    if (ok)
        return true;
    return fail(query, what);
}

bool SqlSession::exec(PreparedQuery &query, const QString &sql, const QVariantList &values, const QString &what)
{
    m_uniqueViolation = false;
    std::shared_ptr<QSqlQuery> &statement = m_prepared[sql];
    if (!statement) {
        auto prepared = std::make_shared<QSqlQuery>(m_db);
        prepared->setForwardOnly(true);
        if (!prepared->prepare(sql)) {
            query.m_query = nullptr;
            m_prepared.remove(sql);
            return fail(*prepared, what);
        }
        statement = prepared;
    }
    query.m_query = statement.get();
    statement->finish(); // release the previous run's rows
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // As in the other exec(): a null QString is '', an invalid QVariant NULL.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            statement->bindValue(int(i), u""_s);
        else
            statement->bindValue(int(i), value);
    }
    if (statement->exec())
        return true;
    return fail(*statement, what);
}

bool SqlSession::fail(const QSqlQuery &query, const QString &what)
{
    const QSqlError error = query.lastError();
    const QString code = error.nativeErrorCode();
    // SQLite: 19 SQLITE_CONSTRAINT, 2067 _UNIQUE, 1555 _PRIMARYKEY; MariaDB: 1062 ER_DUP_ENTRY.
    m_uniqueViolation = code == u"2067"_s || code == u"1555"_s || code == u"1062"_s
        || (code == u"19"_s && error.databaseText().contains(u"UNIQUE"_s, Qt::CaseInsensitive));
    m_lastError = u"%1: %2"_s.arg(what, error.text());
    return false;
}

} // namespace Frontdesk
