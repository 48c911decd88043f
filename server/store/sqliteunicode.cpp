#include "sqliteunicode.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

void unicodeLower(sqlite3_context *context, int, sqlite3_value **arguments)
{
    sqlite3_value *value = arguments[0];
    if (sqlite3_value_type(value) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    // sqlite3_value_text() before sqlite3_value_bytes(): the byte count is of
    // the UTF-8 text the first call converted to.
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(value));
    const QByteArray lowered = QString::fromUtf8(text, sqlite3_value_bytes(value)).toLower().toUtf8();
    // SQLITE_TRANSIENT (SQLite copies the bytes), spelled without the C cast of its macro.
    sqlite3_result_text(context, lowered.constData(), int(lowered.size()),
                        reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1)));
}

} // namespace

bool installUnicodeLower(QSqlDatabase &db, QString *error)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        *error = u"the SQLite driver gave no connection handle"_s;
        return false;
    }
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    // Deterministic: the same text always lowers the same way, so SQLite may
    // evaluate it once per row and use it wherever a built-in may be used.
    const int result = sqlite3_create_function_v2(connection, "lower", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                                  &unicodeLower, nullptr, nullptr, nullptr);
    if (result != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errstr(result));
        return false;
    }
    return true;
}

} // namespace Frontdesk
