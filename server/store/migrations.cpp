#include "migrations.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// Shared by every MariaDB table: InnoDB for transactions and foreign keys,
// utf8mb4 for all of Unicode, and a binary collation so text compares exactly
// as it does in SQLite (client ids, site keys and visitor ids are case-sensitive).
const QString MariaDbTable = u" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"_s;

QStringList sqliteStep(int version)
{
    switch (version) {
    case 1:
        return {
            u"CREATE TABLE sites ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " site_key TEXT NOT NULL UNIQUE,"
            " name TEXT NOT NULL,"
            " allowed_origins TEXT NOT NULL,"
            " widget_settings TEXT NOT NULL,"
            " identity_secret BLOB,"
            " created_at BIGINT NOT NULL)"_s,
            u"CREATE TABLE agents ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " email TEXT NOT NULL UNIQUE,"
            " name TEXT NOT NULL,"
            " role TEXT NOT NULL,"
            " password_hash BLOB,"
            " created_at BIGINT NOT NULL)"_s,
            u"CREATE TABLE agent_tokens ("
            " token_hash BLOB NOT NULL PRIMARY KEY,"
            " agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,"
            " expires_at BIGINT NOT NULL)"_s,
            u"CREATE INDEX agent_tokens_agent ON agent_tokens(agent_id)"_s,
            u"CREATE TABLE visitors ("
            " id TEXT NOT NULL PRIMARY KEY,"
            " site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,"
            " token_hash BLOB NOT NULL,"
            " name TEXT NOT NULL,"
            " email TEXT NOT NULL,"
            " attributes TEXT NOT NULL,"
            " created_at BIGINT NOT NULL,"
            " last_seen_at BIGINT NOT NULL)"_s,
            u"CREATE INDEX visitors_site ON visitors(site_id)"_s,
            // AUTOINCREMENT: ids are never reused, so message ids grow with
            // time even after deletions, which read marks and paging rely on.
            u"CREATE TABLE conversations ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,"
            " visitor_id TEXT NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,"
            " status TEXT NOT NULL,"
            " assigned_agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,"
            " created_at BIGINT NOT NULL,"
            " updated_at BIGINT NOT NULL,"
            " closed_at BIGINT)"_s,
            u"CREATE INDEX conversations_visitor ON conversations(visitor_id, id)"_s,
            u"CREATE INDEX conversations_status ON conversations(status, id)"_s,
            u"CREATE TABLE messages ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
            " author_kind TEXT NOT NULL,"
            " author_agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,"
            " body TEXT NOT NULL,"
            " client_id TEXT,"
            " created_at BIGINT NOT NULL,"
            " UNIQUE (conversation_id, client_id))"_s,
            u"CREATE INDEX messages_conversation ON messages(conversation_id, id)"_s,
        };
    case 2:
        return {
            u"CREATE TABLE page_views ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " visitor_id TEXT NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,"
            " url TEXT NOT NULL,"
            " title TEXT NOT NULL,"
            " at BIGINT NOT NULL)"_s,
            u"CREATE INDEX page_views_visitor ON page_views(visitor_id, at)"_s,
            u"ALTER TABLE conversations ADD COLUMN visitor_read_up_to BIGINT NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE conversations ADD COLUMN agent_read_up_to BIGINT NOT NULL DEFAULT 0"_s,
        };
    case 3:
        // The visitor's 1-5 rating after the chat closed (0: not rated), and
        // the team's canned responses.
        return {
            u"ALTER TABLE conversations ADD COLUMN rating INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE conversations ADD COLUMN rating_comment TEXT NOT NULL DEFAULT ''"_s,
            u"CREATE TABLE canned_responses ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " shortcut TEXT NOT NULL UNIQUE,"
            " body TEXT NOT NULL,"
            " updated_at BIGINT NOT NULL)"_s,
        };
    case 4:
        // Client ids are unique per author, not per conversation: an agent's
        // reply that reuses a visitor's (or another agent's) client id is a new
        // message, not a resend. SQLite cannot drop a table constraint, so the
        // messages table is rebuilt; its AUTOINCREMENT counter is carried over
        // so message ids never go back (read marks and paging rely on that).
        // Agent tokens become sessions an agent can see and end; agents can be
        // disabled; admins' actions on visitor data are audited; visitors and
        // address ranges can be banned; closed conversations can expire per site.
        return {
            u"CREATE TABLE messages_v4 ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
            " author_kind TEXT NOT NULL,"
            " author_agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,"
            " author_key TEXT NOT NULL,"
            " body TEXT NOT NULL,"
            " client_id TEXT,"
            " created_at BIGINT NOT NULL,"
            " UNIQUE (conversation_id, author_key, client_id))"_s,
            u"INSERT INTO messages_v4 (id, conversation_id, author_kind, author_agent_id, author_key, body, client_id, "
            u"created_at)"
            " SELECT id, conversation_id, author_kind, author_agent_id,"
            " CASE author_kind WHEN 'agent' THEN 'agent:' || COALESCE(author_agent_id, 0) ELSE author_kind END,"
            " body, client_id, created_at FROM messages"_s,
            u"DELETE FROM sqlite_sequence WHERE name = 'messages_v4'"_s,
            u"INSERT INTO sqlite_sequence (name, seq) SELECT 'messages_v4', seq FROM sqlite_sequence WHERE name = 'messages'"_s,
            u"DROP TABLE messages"_s,
            u"ALTER TABLE messages_v4 RENAME TO messages"_s,
            u"CREATE INDEX messages_conversation ON messages(conversation_id, id)"_s,
            u"ALTER TABLE agent_tokens ADD COLUMN session_id TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE agent_tokens ADD COLUMN created_at BIGINT NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE agent_tokens ADD COLUMN last_used_at BIGINT NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE agent_tokens ADD COLUMN user_agent TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE agent_tokens ADD COLUMN address TEXT NOT NULL DEFAULT ''"_s,
            u"UPDATE agent_tokens SET session_id = lower(hex(substr(token_hash, 1, 8)))"_s,
            u"CREATE UNIQUE INDEX agent_tokens_session ON agent_tokens(session_id)"_s,
            u"ALTER TABLE agents ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE sites ADD COLUMN closed_retention_days INTEGER NOT NULL DEFAULT 0"_s,
            u"CREATE INDEX visitors_last_seen ON visitors(last_seen_at)"_s,
            u"CREATE TABLE audit_log ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " at BIGINT NOT NULL,"
            " agent_id INTEGER,"
            " agent_email TEXT NOT NULL,"
            " action TEXT NOT NULL,"
            " target TEXT NOT NULL,"
            " detail TEXT NOT NULL)"_s,
            u"CREATE TABLE bans ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " site_id INTEGER REFERENCES sites(id) ON DELETE CASCADE,"
            " kind TEXT NOT NULL,"
            " value TEXT NOT NULL,"
            " reason TEXT NOT NULL,"
            " created_by TEXT NOT NULL,"
            " created_at BIGINT NOT NULL,"
            " expires_at BIGINT NOT NULL)"_s,
        };
    case 5:
        // MariaDB only (see mariaDbStep): SQLite compares text exactly already.
        return {};
    case 6:
        // Email: each site's mail settings, and the outbox every email is
        // written to before it is sent (mail_key makes a second enqueue of
        // the same cause a no-op).
        return {
            u"ALTER TABLE sites ADD COLUMN mail_team_address TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE sites ADD COLUMN mail_unanswered_minutes INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE sites ADD COLUMN mail_replies_to_absent INTEGER NOT NULL DEFAULT 1"_s,
            u"CREATE TABLE mail_outbox ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " mail_key TEXT NOT NULL UNIQUE,"
            " conversation_id BIGINT NOT NULL DEFAULT 0,"
            " recipient_kind TEXT NOT NULL,"
            " recipient TEXT NOT NULL,"
            " message BLOB NOT NULL,"
            " status TEXT NOT NULL,"
            " attempts INTEGER NOT NULL DEFAULT 0,"
            " created_at BIGINT NOT NULL,"
            " next_attempt_at BIGINT NOT NULL,"
            " sent_at BIGINT NOT NULL DEFAULT 0,"
            " last_error TEXT NOT NULL DEFAULT '',"
            " last_error_at BIGINT NOT NULL DEFAULT 0)"_s,
            u"CREATE INDEX mail_outbox_due ON mail_outbox(status, next_attempt_at)"_s,
            u"CREATE INDEX mail_outbox_conversation ON mail_outbox(conversation_id)"_s,
        };
    case 7:
        // Webhooks: each site's endpoints; the journal of committed chat events
        // the integrations consume (written in the change's own transaction,
        // and only for a site with an enabled endpoint, so nothing is lost
        // to a kill -9 after a commit and a site without any costs nothing);
        // each consumer's cursor over it; and the deliveries, one per event
        // and endpoint, rendered once. A deleted conversation (erasure, site
        // deletion, retention) takes its events and deliveries with it.
        return {
            u"CREATE TABLE webhooks ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,"
            " url TEXT NOT NULL,"
            " events TEXT NOT NULL,"
            " description TEXT NOT NULL,"
            " secret TEXT NOT NULL,"
            " enabled INTEGER NOT NULL DEFAULT 1,"
            " created_at BIGINT NOT NULL)"_s,
            u"CREATE INDEX webhooks_site ON webhooks(site_id, enabled)"_s,
            u"CREATE TABLE integration_events ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " site_id INTEGER NOT NULL,"
            " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
            " kind TEXT NOT NULL,"
            " message_id BIGINT NOT NULL DEFAULT 0,"
            " agent_id BIGINT NOT NULL DEFAULT 0,"
            " created_at BIGINT NOT NULL)"_s,
            u"CREATE INDEX integration_events_conversation ON integration_events(conversation_id)"_s,
            u"CREATE TABLE integration_cursors ("
            " consumer TEXT NOT NULL PRIMARY KEY,"
            " last_event_id BIGINT NOT NULL)"_s,
            u"CREATE TABLE webhook_deliveries ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " webhook_id INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,"
            " event_id BIGINT NOT NULL,"
            " event_type TEXT NOT NULL,"
            " conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,"
            " body BLOB NOT NULL,"
            " status TEXT NOT NULL,"
            " attempts INTEGER NOT NULL DEFAULT 0,"
            " status_code INTEGER NOT NULL DEFAULT 0,"
            " last_error TEXT NOT NULL DEFAULT '',"
            " created_at BIGINT NOT NULL,"
            " next_attempt_at BIGINT NOT NULL,"
            " last_attempt_at BIGINT NOT NULL DEFAULT 0,"
            " delivered_at BIGINT NOT NULL DEFAULT 0,"
            " UNIQUE (webhook_id, event_id))"_s,
            u"CREATE INDEX webhook_deliveries_lane ON webhook_deliveries(webhook_id, status, id)"_s,
            u"CREATE INDEX webhook_deliveries_conversation ON webhook_deliveries(conversation_id)"_s,
        };
    default:
        return {};
    }
}

QStringList mariaDbStep(int version)
{
    switch (version) {
    case 1:
        return {
            u"CREATE TABLE IF NOT EXISTS sites ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " site_key VARCHAR(191) NOT NULL,"
            " name TEXT NOT NULL,"
            " allowed_origins TEXT NOT NULL,"
            " widget_settings MEDIUMTEXT NOT NULL,"
            " identity_secret BLOB NULL,"
            " created_at BIGINT NOT NULL,"
            " UNIQUE KEY sites_site_key (site_key))"_s
                + MariaDbTable,
            u"CREATE TABLE IF NOT EXISTS agents ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " email VARCHAR(191) NOT NULL,"
            " name TEXT NOT NULL,"
            " role VARCHAR(16) NOT NULL,"
            " password_hash BLOB NULL,"
            " created_at BIGINT NOT NULL,"
            " UNIQUE KEY agents_email (email))"_s
                + MariaDbTable,
            u"CREATE TABLE IF NOT EXISTS agent_tokens ("
            " token_hash VARBINARY(32) NOT NULL PRIMARY KEY,"
            " agent_id BIGINT NOT NULL,"
            " expires_at BIGINT NOT NULL,"
            " KEY agent_tokens_agent (agent_id),"
            " CONSTRAINT agent_tokens_agent_fk FOREIGN KEY (agent_id) REFERENCES agents(id) ON DELETE CASCADE)"_s
                + MariaDbTable,
            u"CREATE TABLE IF NOT EXISTS visitors ("
            " id VARCHAR(64) NOT NULL PRIMARY KEY,"
            " site_id BIGINT NOT NULL,"
            " token_hash VARBINARY(32) NOT NULL,"
            " name TEXT NOT NULL,"
            " email TEXT NOT NULL,"
            " attributes MEDIUMTEXT NOT NULL,"
            " created_at BIGINT NOT NULL,"
            " last_seen_at BIGINT NOT NULL,"
            " KEY visitors_site (site_id),"
            " CONSTRAINT visitors_site_fk FOREIGN KEY (site_id) REFERENCES sites(id) ON DELETE CASCADE)"_s
                + MariaDbTable,
            u"CREATE TABLE IF NOT EXISTS conversations ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " site_id BIGINT NOT NULL,"
            " visitor_id VARCHAR(64) NOT NULL,"
            " status VARCHAR(16) NOT NULL,"
            " assigned_agent_id BIGINT NULL,"
            " created_at BIGINT NOT NULL,"
            " updated_at BIGINT NOT NULL,"
            " closed_at BIGINT NULL,"
            " KEY conversations_visitor (visitor_id, id),"
            " KEY conversations_status (status, id),"
            " CONSTRAINT conversations_site_fk FOREIGN KEY (site_id) REFERENCES sites(id) ON DELETE CASCADE,"
            " CONSTRAINT conversations_visitor_fk FOREIGN KEY (visitor_id) REFERENCES visitors(id) ON DELETE CASCADE,"
            " CONSTRAINT conversations_agent_fk FOREIGN KEY (assigned_agent_id) REFERENCES agents(id) ON DELETE SET NULL)"_s
                + MariaDbTable,
            u"CREATE TABLE IF NOT EXISTS messages ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " conversation_id BIGINT NOT NULL,"
            " author_kind VARCHAR(16) NOT NULL,"
            " author_agent_id BIGINT NULL,"
            " body MEDIUMTEXT NOT NULL,"
            " client_id VARCHAR(191) NULL,"
            " created_at BIGINT NOT NULL,"
            " UNIQUE KEY messages_client (conversation_id, client_id),"
            " KEY messages_conversation (conversation_id, id),"
            " CONSTRAINT messages_conversation_fk FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE CASCADE,"
            " CONSTRAINT messages_agent_fk FOREIGN KEY (author_agent_id) REFERENCES agents(id) ON DELETE SET NULL)"_s
                + MariaDbTable,
        };
    case 2:
        return {
            u"CREATE TABLE IF NOT EXISTS page_views ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " visitor_id VARCHAR(64) NOT NULL,"
            " url TEXT NOT NULL,"
            " title TEXT NOT NULL,"
            " at BIGINT NOT NULL,"
            " KEY page_views_visitor (visitor_id, at),"
            " CONSTRAINT page_views_visitor_fk FOREIGN KEY (visitor_id) REFERENCES visitors(id) ON DELETE CASCADE)"_s
                + MariaDbTable,
            u"ALTER TABLE conversations"
            " ADD COLUMN IF NOT EXISTS visitor_read_up_to BIGINT NOT NULL DEFAULT 0,"
            " ADD COLUMN IF NOT EXISTS agent_read_up_to BIGINT NOT NULL DEFAULT 0"_s,
        };
    case 3:
        return {
            u"ALTER TABLE conversations"
            " ADD COLUMN IF NOT EXISTS rating INT NOT NULL DEFAULT 0,"
            " ADD COLUMN IF NOT EXISTS rating_comment TEXT NOT NULL DEFAULT ''"_s,
            u"CREATE TABLE IF NOT EXISTS canned_responses ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " shortcut VARCHAR(64) NOT NULL,"
            " body TEXT NOT NULL,"
            " updated_at BIGINT NOT NULL,"
            " UNIQUE KEY canned_shortcut (shortcut))"_s
                + MariaDbTable,
        };
    case 4:
        return {
            u"ALTER TABLE messages ADD COLUMN IF NOT EXISTS author_key VARCHAR(32) NOT NULL DEFAULT ''"_s,
            u"UPDATE messages SET author_key = CASE author_kind WHEN 'agent' THEN CONCAT('agent:', COALESCE(author_agent_id, 0))"
            " ELSE author_kind END WHERE author_key = ''"_s,
            u"ALTER TABLE messages DROP INDEX IF EXISTS messages_client,"
            " ADD UNIQUE KEY IF NOT EXISTS messages_author_client (conversation_id, author_key, client_id)"_s,
            u"ALTER TABLE agent_tokens"
            " ADD COLUMN IF NOT EXISTS session_id VARCHAR(32) NOT NULL DEFAULT '',"
            " ADD COLUMN IF NOT EXISTS created_at BIGINT NOT NULL DEFAULT 0,"
            " ADD COLUMN IF NOT EXISTS last_used_at BIGINT NOT NULL DEFAULT 0,"
            " ADD COLUMN IF NOT EXISTS user_agent TEXT NOT NULL DEFAULT '',"
            " ADD COLUMN IF NOT EXISTS address VARCHAR(64) NOT NULL DEFAULT ''"_s,
            u"UPDATE agent_tokens SET session_id = LOWER(HEX(LEFT(token_hash, 8))) WHERE session_id = ''"_s,
            u"CREATE UNIQUE INDEX IF NOT EXISTS agent_tokens_session ON agent_tokens(session_id)"_s,
            u"ALTER TABLE agents ADD COLUMN IF NOT EXISTS disabled INT NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE sites ADD COLUMN IF NOT EXISTS closed_retention_days INT NOT NULL DEFAULT 0"_s,
            u"CREATE INDEX IF NOT EXISTS visitors_last_seen ON visitors(last_seen_at)"_s,
            u"CREATE TABLE IF NOT EXISTS audit_log ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " at BIGINT NOT NULL,"
            " agent_id BIGINT NULL,"
            " agent_email VARCHAR(191) NOT NULL,"
            " action VARCHAR(64) NOT NULL,"
            " target VARCHAR(191) NOT NULL,"
            " detail TEXT NOT NULL)"_s
                + MariaDbTable,
            u"CREATE TABLE IF NOT EXISTS bans ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " site_id BIGINT NULL,"
            " kind VARCHAR(16) NOT NULL,"
            " value VARCHAR(191) NOT NULL,"
            " reason TEXT NOT NULL,"
            " created_by VARCHAR(191) NOT NULL,"
            " created_at BIGINT NOT NULL,"
            " expires_at BIGINT NOT NULL,"
            " CONSTRAINT bans_site_fk FOREIGN KEY (site_id) REFERENCES sites(id) ON DELETE CASCADE)"_s
                + MariaDbTable,
        };
    case 5:
        // utf8mb4_bin is a PAD SPACE collation: "c-1 " equals "c-1", so a
        // message whose client id differs from an earlier one only by trailing
        // spaces was taken for its resend and its text lost. NO PAD compares
        // exactly, as SQLite does.
        return {
            u"ALTER TABLE messages MODIFY client_id VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NULL"_s,
        };
    case 6:
        return {
            u"ALTER TABLE sites"
            " ADD COLUMN IF NOT EXISTS mail_team_address VARCHAR(254) NOT NULL DEFAULT '',"
            " ADD COLUMN IF NOT EXISTS mail_unanswered_minutes INT NOT NULL DEFAULT 0,"
            " ADD COLUMN IF NOT EXISTS mail_replies_to_absent INT NOT NULL DEFAULT 1"_s,
            u"CREATE TABLE IF NOT EXISTS mail_outbox ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " mail_key VARCHAR(191) NOT NULL,"
            " conversation_id BIGINT NOT NULL DEFAULT 0,"
            " recipient_kind VARCHAR(16) NOT NULL,"
            " recipient VARCHAR(254) NOT NULL,"
            " message MEDIUMBLOB NOT NULL,"
            " status VARCHAR(16) NOT NULL,"
            " attempts INT NOT NULL DEFAULT 0,"
            " created_at BIGINT NOT NULL,"
            " next_attempt_at BIGINT NOT NULL,"
            " sent_at BIGINT NOT NULL DEFAULT 0,"
            " last_error TEXT NOT NULL,"
            " last_error_at BIGINT NOT NULL DEFAULT 0,"
            " UNIQUE KEY mail_outbox_key (mail_key),"
            " KEY mail_outbox_due (status, next_attempt_at),"
            " KEY mail_outbox_conversation (conversation_id))"_s
                + MariaDbTable,
        };
    case 7:
        return {
            u"CREATE TABLE IF NOT EXISTS webhooks ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " site_id BIGINT NOT NULL,"
            " url VARCHAR(2000) NOT NULL,"
            " events VARCHAR(500) NOT NULL,"
            " description VARCHAR(500) NOT NULL,"
            " secret VARCHAR(100) NOT NULL,"
            " enabled INT NOT NULL DEFAULT 1,"
            " created_at BIGINT NOT NULL,"
            " KEY webhooks_site (site_id, enabled),"
            " CONSTRAINT webhooks_site_fk FOREIGN KEY (site_id) REFERENCES sites(id) ON DELETE CASCADE)"_s
                + MariaDbTable,
            u"CREATE TABLE IF NOT EXISTS integration_events ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " site_id BIGINT NOT NULL,"
            " conversation_id BIGINT NOT NULL,"
            " kind VARCHAR(40) NOT NULL,"
            " message_id BIGINT NOT NULL DEFAULT 0,"
            " agent_id BIGINT NOT NULL DEFAULT 0,"
            " created_at BIGINT NOT NULL,"
            " KEY integration_events_conversation (conversation_id),"
            " CONSTRAINT integration_events_conversation_fk FOREIGN KEY (conversation_id)"
            " REFERENCES conversations(id) ON DELETE CASCADE)"_s
                + MariaDbTable,
            u"CREATE TABLE IF NOT EXISTS integration_cursors ("
            " consumer VARCHAR(64) NOT NULL PRIMARY KEY,"
            " last_event_id BIGINT NOT NULL)"_s
                + MariaDbTable,
            u"CREATE TABLE IF NOT EXISTS webhook_deliveries ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " webhook_id BIGINT NOT NULL,"
            " event_id BIGINT NOT NULL,"
            " event_type VARCHAR(40) NOT NULL,"
            " conversation_id BIGINT NOT NULL,"
            " body MEDIUMBLOB NOT NULL,"
            " status VARCHAR(16) NOT NULL,"
            " attempts INT NOT NULL DEFAULT 0,"
            " status_code INT NOT NULL DEFAULT 0,"
            " last_error TEXT NOT NULL,"
            " created_at BIGINT NOT NULL,"
            " next_attempt_at BIGINT NOT NULL,"
            " last_attempt_at BIGINT NOT NULL DEFAULT 0,"
            " delivered_at BIGINT NOT NULL DEFAULT 0,"
            " UNIQUE KEY webhook_deliveries_event (webhook_id, event_id),"
            " KEY webhook_deliveries_lane (webhook_id, status, id),"
            " KEY webhook_deliveries_conversation (conversation_id),"
            " CONSTRAINT webhook_deliveries_webhook_fk FOREIGN KEY (webhook_id) REFERENCES webhooks(id) ON DELETE CASCADE,"
            " CONSTRAINT webhook_deliveries_conversation_fk FOREIGN KEY (conversation_id)"
            " REFERENCES conversations(id) ON DELETE CASCADE)"_s
                + MariaDbTable,
        };
    default:
        return {};
    }
}

constexpr int LatestVersion = 7;

bool execute(QSqlDatabase &db, const QString &sql, const QString &what, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    *error = u"%1: %2"_s.arg(what, query.lastError().text());
    return false;
}

bool applyStep(QSqlDatabase &db, SqlDialect dialect, int version, QString *error)
{
    const QString what = u"migrate the schema to version %1"_s.arg(version);
    const QString begin = dialect == SqlDialect::Sqlite ? u"BEGIN IMMEDIATE"_s : u"START TRANSACTION"_s;
    if (!execute(db, begin, what, error))
        return false;
    const QStringList statements = dialect == SqlDialect::Sqlite ? sqliteStep(version) : mariaDbStep(version);
    bool ok = true;
    for (const QString &statement : statements) {
        if (!execute(db, statement, what, error)) {
            ok = false;
            break;
        }
    }
    if (ok) {
        QSqlQuery record(db);
        ok = record.prepare(u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s);
        record.addBindValue(version);
        record.addBindValue(QDateTime::currentMSecsSinceEpoch());
        ok = ok && record.exec();
        if (!ok)
            *error = u"%1: recording the version failed: %2"_s.arg(what, record.lastError().text());
    }
    if (ok)
        ok = execute(db, u"COMMIT"_s, what, error);
    if (!ok) {
        QSqlQuery rollback(db);
        rollback.exec(u"ROLLBACK"_s);
    }
    return ok;
}

} // namespace

int Migrations::latestVersion()
{
    return LatestVersion;
}

bool Migrations::currentVersion(QSqlDatabase &db, int *version, QString *error)
{
    *version = 0;
    if (!db.tables(QSql::Tables).contains(u"schema_version"_s))
        return true;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT MAX(version) FROM schema_version"_s)) {
        *error = u"read the schema version: %1"_s.arg(query.lastError().text());
        return false;
    }
    if (query.next())
        *version = query.value(0).toInt();
    return true;
}

bool Migrations::apply(QSqlDatabase &db, SqlDialect dialect, int upTo, int *version, QString *error)
{
    if (!currentVersion(db, version, error))
        return false;
    if (*version > LatestVersion) {
        *error = u"The database has schema version %1, but this Frontdesk only knows versions up to %2: "
                 "it was written by a newer Frontdesk. Upgrade Frontdesk (the store never downgrades a schema)."_s.arg(*version)
                     .arg(LatestVersion);
        return false;
    }
    if (*version == 0) {
        const QString create = dialect == SqlDialect::Sqlite
            ? u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)"_s
            : u"CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)"_s
                + MariaDbTable;
        if (!execute(db, create, u"create the schema_version table"_s, error))
            return false;
    }
    for (int step = *version + 1; step <= qMin(upTo, LatestVersion); ++step) {
        if (!applyStep(db, dialect, step, error))
            return false;
        *version = step;
    }
    return true;
}

} // namespace Frontdesk
