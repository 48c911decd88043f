#include "storetesting.h"

#include "store/migrations.h"
#include "store/store.h"
#include "store/webhookstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Frontdesk;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;

SqlDialect dialectOf(const DatabaseConfig &config)
{
    return config.kind == DatabaseConfig::Kind::Sqlite ? SqlDialect::Sqlite : SqlDialect::MariaDb;
}

bool exec(QSqlDatabase &db, const QString &sql, const QVariantList &values, QString *error)
{
    QSqlQuery query(db);
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok)
        *error = sql + u": "_s + query.lastError().text();
    return ok;
}

QList<int> recordedVersions(QSqlDatabase &db)
{
    QList<int> versions;
    QSqlQuery query(db);
    if (query.exec(u"SELECT version FROM schema_version ORDER BY version"_s))
        while (query.next())
            versions.append(query.value(0).toInt());
    return versions;
}

} // namespace

/// @brief Schema migrations: from nothing, from every older version, and the
/// refusal to touch a database from a newer Frontdesk.
class tst_Migrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromEmpty_data() { addBackendRows(); }
    void fromEmpty();
    void fromVersion1_data() { addBackendRows(); }
    void fromVersion1();
    void fromVersion2_data() { addBackendRows(); }
    void fromVersion2();
    void fromVersion3_data() { addBackendRows(); }
    void fromVersion3();
    void newerVersionIsRefused_data() { addBackendRows(); }
    void newerVersionIsRefused();
};

void tst_Migrations::fromEmpty()
{
    FRONTDESK_PREPARE_DATABASE(database);
    for (int round = 0; round < 2; ++round) {
        // The second open finds nothing to do.
        Store store;
        const auto opened = await(store.open(database.config()));
        FRONTDESK_VERIFY_OK(opened);
        QCOMPARE(opened.value, Migrations::latestVersion());
        QCOMPARE(opened.value, Store::latestSchemaVersion());
    }
    QList<int> versions;
    QString error;
    QVERIFY2(database.withConnection(
                 [&](QSqlDatabase &db, QString *) {
                     versions = recordedVersions(db);
                     return true;
                 },
                 &error),
             qPrintable(error));
    QCOMPARE(versions, (QList<int>{1, 2, 3, 4, 5, 6, 7}));
}

void tst_Migrations::fromVersion1()
{
    FRONTDESK_PREPARE_DATABASE(database);
    const SqlDialect dialect = dialectOf(database.config());

    // A database as Frontdesk 1 left it: schema 1 and a conversation in it.
    QString error;
    const bool built = database.withConnection(
        [&](QSqlDatabase &db, QString *why) {
            int version = -1;
            if (!Migrations::apply(db, dialect, 1, &version, why))
                return false;
            if (version != 1) {
                *why = u"apply(upTo = 1) left version %1"_s.arg(version);
                return false;
            }
            return exec(db,
                        u"INSERT INTO sites (id, site_key, name, allowed_origins, widget_settings, identity_secret, created_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                        {7, u"old-key"_s, u"Old shop"_s, u"[\"https://old.example\"]"_s, u"{}"_s, QByteArray("s"), T0}, why)
                && exec(db,
                        u"INSERT INTO visitors (id, site_id, token_hash, name, email, attributes, created_at, last_seen_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                        {u"v-old"_s, 7, QByteArray(32, 'h'), u"Old visitor"_s, u"old@example.com"_s, u"{}"_s, T0, T0}, why)
                && exec(db,
                        u"INSERT INTO conversations (id, site_id, visitor_id, status, created_at, updated_at)"
                        " VALUES (?, ?, ?, ?, ?, ?)"_s,
                        {3, 7, u"v-old"_s, u"waiting"_s, T0, T0}, why)
                && exec(db,
                        u"INSERT INTO messages (conversation_id, author_kind, body, client_id, created_at)"
                        " VALUES (?, ?, ?, ?, ?)"_s,
                        {3, u"visitor"_s, u"from version 1"_s, u"c-old"_s, T0}, why);
        },
        &error);
    QVERIFY2(built, qPrintable(error));

    Store store;
    const auto opened = await(store.open(database.config()));
    FRONTDESK_VERIFY_OK(opened);
    QCOMPARE(opened.value, Migrations::latestVersion());

    const auto site = await(store.sites().siteByKey(u"old-key"_s));
    FRONTDESK_VERIFY_OK(site);
    QCOMPARE(site.value.allowedOrigins, QStringList{u"https://old.example"_s});
    // Version 6's mail settings: no team address, no reminder, replies emailed.
    QCOMPARE(site.value.mailTeamAddress, QString());
    QCOMPARE(site.value.mailUnansweredMinutes, 0);
    QVERIFY(site.value.mailRepliesToAbsentVisitors);
    const auto conversation = await(store.conversations().conversationById(3));
    FRONTDESK_VERIFY_OK(conversation);
    QCOMPARE(conversation.value.visitorReadUpTo, 0); // the new columns' default
    QCOMPARE(conversation.value.agentReadUpTo, 0);
    const auto messages = await(store.conversations().messagesAfter(3, 0, 10));
    FRONTDESK_VERIFY_OK(messages);
    QCOMPARE(messages.value.size(), 1);
    QCOMPARE(messages.value.at(0).body, u"from version 1"_s);

    // Version 2's additions work on the migrated data.
    FRONTDESK_VERIFY_OK(await(store.conversations().markRead(3, AuthorKind::Agent, messages.value.at(0).id)));
    FRONTDESK_VERIFY_OK(await(store.visitors().recordPageView({u"v-old"_s, u"https://old.example/"_s, u"Home"_s, T0})));
    QCOMPARE(await(store.visitors().pageViews(u"v-old"_s, 10)).value.size(), 1);
    // And version 1's idempotency survives.
    const auto resent = await(store.conversations().appendVisitorMessage(7, u"v-old"_s, u"c-old"_s, u"from version 1"_s, T0 + 1));
    FRONTDESK_VERIFY_OK(resent);
    QVERIFY(resent.value.duplicate);
    // Version 7's webhooks: an endpoint of the migrated site hears of a new
    // message in the migrated conversation, from the journal.
    WebhookRecord hook;
    hook.siteId = 7;
    hook.url = u"https://crm.old.example/hook"_s;
    hook.events = WebhookEvents::all();
    hook.secret = u"whsec_c2VjcmV0"_s;
    hook.createdAt = T0;
    FRONTDESK_VERIFY_OK(await(store.webhooks().createWebhook(hook)));
    FRONTDESK_VERIFY_OK(
        await(store.conversations().appendVisitorMessage(7, u"v-old"_s, u"c-new"_s, u"after version 7"_s, T0 + 2)));
    const auto journal = await(store.webhooks().eventsAfter(WebhookStore::webhookConsumer, 10));
    FRONTDESK_VERIFY_OK(journal);
    QCOMPARE(journal.value.events.size(), 1);
    QCOMPARE(journal.value.events.at(0).type, QString(WebhookEvents::messageVisitor));
    QCOMPARE(journal.value.events.at(0).conversation.id, 3);
    QCOMPARE(journal.value.events.at(0).message.body, u"after version 7"_s);
    QCOMPARE(journal.value.webhooks.size(), 1);
    store.close();

    QList<int> versions;
    QVERIFY2(database.withConnection(
                 [&](QSqlDatabase &db, QString *) {
                     versions = recordedVersions(db);
                     return true;
                 },
                 &error),
             qPrintable(error));
    QCOMPARE(versions, (QList<int>{1, 2, 3, 4, 5, 6, 7}));
}

void tst_Migrations::fromVersion2()
{
    FRONTDESK_PREPARE_DATABASE(database);
    const SqlDialect dialect = dialectOf(database.config());

    // A database as schema 2 left it: a closed conversation with read marks.
    QString error;
    const bool built = database.withConnection(
        [&](QSqlDatabase &db, QString *why) {
            int version = -1;
            return Migrations::apply(db, dialect, 2, &version, why)
                && exec(db,
                        u"INSERT INTO sites (id, site_key, name, allowed_origins, widget_settings, identity_secret, created_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                        {1, u"key-2"_s, u"Shop"_s, u"[]"_s, u"{}"_s, QByteArray("s"), T0}, why)
                && exec(db,
                        u"INSERT INTO visitors (id, site_id, token_hash, name, email, attributes, created_at, last_seen_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                        {u"v-2"_s, 1, QByteArray(32, 'h'), u""_s, u""_s, u"{}"_s, T0, T0}, why)
                && exec(db,
                        u"INSERT INTO conversations (id, site_id, visitor_id, status, created_at, updated_at, closed_at,"
                        " visitor_read_up_to, agent_read_up_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                        {5, 1, u"v-2"_s, u"closed"_s, T0, T0, T0, 0, 9}, why);
        },
        &error);
    QVERIFY2(built, qPrintable(error));

    Store store;
    const auto opened = await(store.open(database.config()));
    FRONTDESK_VERIFY_OK(opened);
    QCOMPARE(opened.value, Migrations::latestVersion());
    const auto before = await(store.conversations().conversationById(5));
    FRONTDESK_VERIFY_OK(before);
    QCOMPARE(before.value.rating, 0); // the new column's default: not rated
    QCOMPARE(before.value.agentReadUpTo, 9);
    // Version 3's addition works on the migrated data.
    const auto rated = await(store.conversations().rateConversation(5, 5, u"great"_s));
    FRONTDESK_VERIFY_OK(rated);
    QCOMPARE(rated.value.rating, 5);
    QCOMPARE(rated.value.ratingComment, u"great"_s);
}

void tst_Migrations::fromVersion3()
{
    FRONTDESK_PREPARE_DATABASE(database);
    const SqlDialect dialect = dialectOf(database.config());

    // A database as schema 3 left it: a conversation with a visitor's and an
    // agent's message, a login token, and a deleted message above them all.
    QString error;
    const bool built = database.withConnection(
        [&](QSqlDatabase &db, QString *why) {
            int version = -1;
            return Migrations::apply(db, dialect, 3, &version, why)
                && exec(db,
                        u"INSERT INTO sites (id, site_key, name, allowed_origins, widget_settings, identity_secret, created_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                        {1, u"key-3"_s, u"Shop"_s, u"[]"_s, u"{}"_s, QByteArray("s"), T0}, why)
                && exec(db, u"INSERT INTO agents (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                        {7, u"ada@shop.test"_s, u"Ada"_s, u"admin"_s, QByteArray("hash"), T0}, why)
                && exec(db, u"INSERT INTO agent_tokens (token_hash, agent_id, expires_at) VALUES (?, ?, ?)"_s,
                        {QByteArray(32, 't'), 7, T0 + 1'000'000}, why)
                && exec(db,
                        u"INSERT INTO visitors (id, site_id, token_hash, name, email, attributes, created_at, last_seen_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                        {u"v-3"_s, 1, QByteArray(32, 'h'), u""_s, u""_s, u"{}"_s, T0, T0}, why)
                && exec(db,
                        u"INSERT INTO conversations (id, site_id, visitor_id, status, assigned_agent_id, created_at, updated_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                        {5, 1, u"v-3"_s, u"active"_s, 7, T0, T0}, why)
                && exec(db,
                        u"INSERT INTO messages (id, conversation_id, author_kind, author_agent_id, body, client_id, created_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                        {10, 5, u"visitor"_s, QVariant(), u"hello"_s, u"c1"_s, T0}, why)
                && exec(db,
                        u"INSERT INTO messages (id, conversation_id, author_kind, author_agent_id, body, client_id, created_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                        {11, 5, u"agent"_s, 7, u"hi"_s, u"a1"_s, T0}, why)
                && exec(db,
                        u"INSERT INTO messages (id, conversation_id, author_kind, author_agent_id, body, client_id, created_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                        {40, 5, u"system"_s, QVariant(), u"gone"_s, QVariant(), T0}, why)
                && exec(db, u"DELETE FROM messages WHERE id = ?"_s, {40}, why);
        },
        &error);
    QVERIFY2(built, qPrintable(error));

    Store store;
    const auto opened = await(store.open(database.config()));
    FRONTDESK_VERIFY_OK(opened);
    QCOMPARE(opened.value, Migrations::latestVersion());
    // The messages survived the rebuild, and each author's resend is still a resend.
    const auto messages = await(store.conversations().messagesAfter(5, 0, 10));
    FRONTDESK_VERIFY_OK(messages);
    QCOMPARE(messages.value.size(), 2);
    const auto visitorAgain = await(store.conversations().appendVisitorMessage(1, u"v-3"_s, u"c1"_s, u"hello"_s, T0 + 1));
    FRONTDESK_VERIFY_OK(visitorAgain);
    QVERIFY(visitorAgain.value.duplicate);
    QCOMPARE(visitorAgain.value.message.id, 10);
    const auto agentAgain = await(store.conversations().appendAgentMessage(5, 7, u"a1"_s, u"hi"_s, T0 + 1));
    QVERIFY(agentAgain.value.duplicate);
    // The agent reusing the visitor's client id is a new message now, with an id
    // above every id ever used (the deleted 40 included).
    const auto agentNew = await(store.conversations().appendAgentMessage(5, 7, u"c1"_s, u"a new line"_s, T0 + 2));
    FRONTDESK_VERIFY_OK(agentNew);
    QVERIFY(!agentNew.value.duplicate);
    QVERIFY2(agentNew.value.message.id > 40, qPrintable(QString::number(agentNew.value.message.id)));
    // The old token is a session with an id, and still authenticates.
    const auto authenticated = await(store.agents().agentByTokenHash(QByteArray(32, 't'), T0));
    FRONTDESK_VERIFY_OK(authenticated);
    QCOMPARE(authenticated.value.session.id.size(), 16);
    QVERIFY(!authenticated.value.agent.disabled);
}

void tst_Migrations::newerVersionIsRefused()
{
    FRONTDESK_PREPARE_DATABASE(database);
    const SqlDialect dialect = dialectOf(database.config());
    const int future = Migrations::latestVersion() + 1;
    QString error;
    const bool built = database.withConnection(
        [&](QSqlDatabase &db, QString *why) {
            int version = 0;
            return Migrations::apply(db, dialect, Migrations::latestVersion(), &version, why)
                && exec(db, u"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"_s, {future, T0}, why);
        },
        &error);
    QVERIFY2(built, qPrintable(error));

    Store store;
    const auto opened = await(store.open(database.config()));
    QCOMPARE(opened.error, StoreError::Failed);
    QVERIFY2(opened.message.contains(u"schema version %1"_s.arg(future)), qPrintable(opened.message));
    QVERIFY2(opened.message.contains(u"newer Frontdesk"_s), qPrintable(opened.message));
    QCOMPARE(await(store.sites().listSites(), 5000).error, StoreError::Failed);
    store.close();

    // Nothing was downgraded.
    QList<int> versions;
    QVERIFY2(database.withConnection(
                 [&](QSqlDatabase &db, QString *) {
                     versions = recordedVersions(db);
                     return true;
                 },
                 &error),
             qPrintable(error));
    QCOMPARE(versions.last(), future);
}

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
