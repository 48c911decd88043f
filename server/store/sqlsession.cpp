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
    const QSqlError error = query.lastError();
    const QString code = error.nativeErrorCode();
    // SQLite: 19 SQLITE_CONSTRAINT, 2067 _UNIQUE, 1555 _PRIMARYKEY; MariaDB: 1062 ER_DUP_ENTRY.
    m_uniqueViolation = code == u"2067"_s || code == u"1555"_s || code == u"1062"_s
        || (code == u"19"_s && error.databaseText().contains(u"UNIQUE"_s, Qt::CaseInsensitive));
    m_lastError = u"%1: %2"_s.arg(what, error.text());
    return false;
}

} // namespace Frontdesk
