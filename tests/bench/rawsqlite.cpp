// rawsqlite: the raw insert rate of SQLite through Qt's QSQLITE driver (the
// driver and library Frontdesk's store uses) in Frontdesk's durability mode:
// WAL, synchronous=FULL, each row in its own SAVEPOINT inside one
// transaction of --batch rows, one COMMIT (one fsync) per batch: the same
// shape as DatabaseWorker::runBatch, without Frontdesk's per-message reads.
// It is the limit the durable messages/s figure is compared with.
//
// Usage: rawsqlite PATH [--batch N] [--rows N] [--synchronous FULL|NORMAL]
// Prints one JSON object.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cstdio>

namespace {

bool exec(QSqlQuery &q, const QString &sql)
{
    if (q.exec(sql))
        return true;
    std::fprintf(stderr, "rawsqlite: %s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: rawsqlite PATH [--batch N] [--rows N] [--synchronous FULL|NORMAL]\n");
        return 2;
    }
    const QString path = args.at(1);
    int batch = 500;
    int rows = 50000;
    QString synchronous = QStringLiteral("FULL");
    for (int i = 2; i + 1 < args.size(); i += 2) {
        if (args.at(i) == u"--batch")
            batch = args.at(i + 1).toInt();
        else if (args.at(i) == u"--rows")
            rows = args.at(i + 1).toInt();
        else if (args.at(i) == u"--synchronous")
            synchronous = args.at(i + 1);
    }
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (!db.open()) {
            std::fprintf(stderr, "rawsqlite: %s\n", qPrintable(db.lastError().text()));
            return 1;
        }
        QSqlQuery q(db);
        if (!exec(q, QStringLiteral("PRAGMA journal_mode=WAL")) || !exec(q, QStringLiteral("PRAGMA synchronous=") + synchronous)
            || !exec(
                q,
                QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation_id INTEGER NOT NULL,"
                               " author_kind TEXT NOT NULL, author_agent_id INTEGER, body TEXT NOT NULL, client_id TEXT,"
                               " created_at BIGINT NOT NULL, UNIQUE (conversation_id, client_id))"))
            || !exec(q, QStringLiteral("CREATE INDEX messages_conversation ON messages(conversation_id, id)")))
            return 1;
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO messages (conversation_id, author_kind, author_agent_id, body, client_id, created_at)"
                           " VALUES (?, 'visitor', NULL, ?, ?, ?)"));
        QElapsedTimer timer;
        timer.start();
        int written = 0, commits = 0;
        while (written < rows) {
            if (!exec(q, QStringLiteral("BEGIN IMMEDIATE")))
                return 1;
            for (int i = 0; i < batch && written < rows; ++i, ++written) {
                if (!exec(q, QStringLiteral("SAVEPOINT frontdesk_job")))
                    return 1;
                insert.addBindValue(1 + written % 100);
                insert.addBindValue(QStringLiteral("Benchmark message %1: do you ship to Norway?").arg(written));
                insert.addBindValue(QStringLiteral("m%1").arg(written));
                insert.addBindValue(qint64(1700000000000) + written);
                if (!insert.exec()) {
                    std::fprintf(stderr, "rawsqlite: insert: %s\n", qPrintable(insert.lastError().text()));
                    return 1;
                }
                if (!exec(q, QStringLiteral("RELEASE SAVEPOINT frontdesk_job")))
                    return 1;
            }
            if (!exec(q, QStringLiteral("COMMIT")))
                return 1;
            ++commits;
        }
        const double s = double(timer.nsecsElapsed()) / 1e9;
        std::printf("{\"scenario\":\"rawsqlite\",\"synchronous\":\"%s\",\"journal\":\"wal\",\"batch\":%d,\"rows\":%d,"
                    "\"commits\":%d,\"seconds\":%.4f,\"rows_per_s\":%.1f,\"commits_per_s\":%.1f}\n",
                    qPrintable(synchronous), batch, written, commits, s, written / s, commits / s);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    return 0;
}
