#include "databaseconfig.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

constexpr int DefaultMariaDbPort = 3306;

// The database name ends up quoted in CREATE DATABASE, where no placeholder can
// stand in for it, so only plain identifiers are accepted.
bool isPlainIdentifier(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_$]{1,64}$"_s);
    return pattern.match(name).hasMatch();
}

bool parseSqlite(const QString &text, DatabaseConfig *config, QString *error)
{
    QString path = text.mid(u"sqlite:"_s.size());
    // Accept the URL-looking spelling sqlite:///abs/path as well.
    if (path.startsWith(u"//"_s))
        path = path.mid(2);
    if (path.trimmed().isEmpty()) {
        *error = u"The SQLite database path is empty: write sqlite:PATH, for example sqlite:/var/lib/frontdesk/frontdesk.db."_s;
        return false;
    }
    config->kind = DatabaseConfig::Kind::Sqlite;
    config->sqlitePath = path;
    return true;
}

bool parseMariaDb(const QString &text, DatabaseConfig *config, QString *error)
{
    const QString example = u"mariadb://USER@HOST:PORT/DATABASE"_s;
    // Look at the raw authority before QUrl normalises anything: a password
    // there would already have leaked into shell history and `ps`.
    const QString rest = text.mid(u"mariadb://"_s.size());
    const QString authority = rest.left(rest.indexOf(u'/') < 0 ? rest.size() : rest.indexOf(u'/'));
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at >= 0 && authority.left(at).contains(u':')) {
        *error = u"The database URL must not contain a password (it would show in the process list and shell history): "
                 "store it in the secret store or set FRONTDESK_DB_PASSWORD instead."_s;
        return false;
    }

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        *error = u"The MariaDB URL \"%1\" is malformed (%2); write %3."_s.arg(text, url.errorString(), example);
        return false;
    }
    if (url.userName().isEmpty()) {
        *error = u"The MariaDB URL has no user name; write %1."_s.arg(example);
        return false;
    }
    if (url.host().isEmpty()) {
        *error = u"The MariaDB URL has no host; write %1."_s.arg(example);
        return false;
    }
    const int port = url.port(DefaultMariaDbPort);
    if (port <= 0) {
        *error = u"The MariaDB port must be between 1 and 65535."_s;
        return false;
    }
    QString name = url.path();
    if (name.startsWith(u'/'))
        name = name.mid(1);
    if (name.isEmpty()) {
        *error = u"The MariaDB URL names no database; write %1."_s.arg(example);
        return false;
    }
    if (!isPlainIdentifier(name)) {
        *error = u"The MariaDB database name \"%1\" may only contain letters, digits, '_' and '$' (at most 64)."_s.arg(name);
        return false;
    }
    if (url.hasFragment()) {
        *error = u"The MariaDB URL must not have a #fragment."_s;
        return false;
    }

    QString socket;
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == u"socket"_s) {
            if (value.isEmpty()) {
                *error = u"The MariaDB option socket= needs a path, for example ?socket=/run/mysqld/mysqld.sock."_s;
                return false;
            }
            socket = value;
        } else {
            *error = u"The MariaDB URL has an unknown option \"%1\"; the only option is socket=PATH."_s.arg(key);
            return false;
        }
    }

    config->kind = DatabaseConfig::Kind::MariaDb;
    config->user = url.userName();
    config->host = url.host();
    config->port = port;
    config->databaseName = name;
    config->unixSocket = socket;
    return true;
}

} // namespace

bool DatabaseConfig::parse(const QString &text, DatabaseConfig *config, QString *error)
{
    Q_ASSERT(config);
    Q_ASSERT(error);
    const QString trimmed = text.trimmed();
    DatabaseConfig parsed;
    bool ok = false;
    if (trimmed.startsWith(u"sqlite:"_s, Qt::CaseInsensitive)) {
        ok = parseSqlite(trimmed, &parsed, error);
    } else if (trimmed.startsWith(u"mariadb://"_s, Qt::CaseInsensitive)) {
        ok = parseMariaDb(trimmed, &parsed, error);
    } else if (trimmed.isEmpty()) {
        *error = u"No database given: use sqlite:PATH or mariadb://USER@HOST:PORT/DATABASE."_s;
    } else {
        *error = u"The database \"%1\" is neither sqlite:PATH nor mariadb://USER@HOST:PORT/DATABASE."_s.arg(trimmed);
    }
    if (ok) {
        // Keep a password the caller already filled in from the secret store,
        // and limits from the configuration: neither is part of the URL.
        parsed.password = config->password;
        parsed.limits = config->limits;
        *config = parsed;
    }
    return ok;
}

QString DatabaseConfig::displayUrl() const
{
    if (kind == Kind::Sqlite)
        return u"sqlite:"_s + sqlitePath;
    QString url = u"mariadb://%1@%2:%3/%4"_s.arg(user, host).arg(port).arg(databaseName);
    if (!unixSocket.isEmpty())
        url += u"?socket="_s + unixSocket;
    return url;
}

} // namespace Frontdesk
