// The console's models fed by a real Frontdesk server on an ephemeral port, on
// SQLite and on MariaDB, each watched by QAbstractItemModelTester.
#include "agentclient.h"
#include "agentlistmodel.h"
#include "cannedresponsemodel.h"
#include "consoletesting.h"
#include "conversationfiltermodel.h"
#include "conversationmodel.h"
#include "currentconversation.h"
#include "messagelistmodel.h"
#include "sessionlistmodel.h"
#include "sitesettings.h"
#include "useragent.h"
#include "visitorcontext.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSysInfo>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class ConsoleModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    // One server per backend, shared by that row's functions as before: the
    // first function of a row starts it on a fresh database.
    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend == m_backend)
            return;
        m_server.stop();
        m_backend.clear();
        FRONTDESK_START_TEST_SERVER(m_server, backend);
        m_backend = backend;
    }

    void backoffGrowsAndCaps()
    {
        QCOMPARE(AgentClient::backoffMs(0, 0.0), 250);
        QCOMPARE(AgentClient::backoffMs(0, 1.0), 500);
        QCOMPARE(AgentClient::backoffMs(3, 1.0), 4000);
        QCOMPARE(AgentClient::backoffMs(30, 1.0), 30'000);
        QCOMPARE(AgentClient::backoffMs(30, 0.0), 15'000);
    }

    void userAgent_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("browser");
        QTest::addColumn<QString>("os");
        QTest::newRow("chrome-windows")
            << u"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"_s
            << u"Chrome 120"_s << u"Windows 10/11"_s;
        QTest::newRow("edge")
            << u"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"_s
            << u"Edge 120"_s << u"Windows 10/11"_s;
        QTest::newRow("firefox-linux") << u"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"_s
                                       << u"Firefox 121"_s << u"Linux"_s;
        QTest::newRow("safari-iphone")
            << u"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"_s
            << u"Safari 17"_s << u"iOS 17"_s;
        QTest::newRow("android")
            << u"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"_s
            << u"Chrome 120"_s << u"Android 14"_s;
        QTest::newRow("console") << AgentClient::userAgentHeader()
                                 << u"Frontdesk "_s + QStringLiteral(FRONTDESK_VERSION).section(u'.', 0, 1)
                                 << UserAgent::parse(QSysInfo::prettyProductName()).os;
        QTest::newRow("console-mac") << u"Frontdesk/1.2.3 (macOS Sonoma (14.2); darwin)"_s << u"Frontdesk 1.2"_s << u"macOS"_s;
        QTest::newRow("empty") << QString() << QString() << QString();
    }

    void userAgent()
    {
        QFETCH(QString, header);
        const UserAgent parsed = UserAgent::parse(header);
        QTEST(parsed.browser, "browser");
        QTEST(parsed.os, "os");
    }

    void cannedExpansion()
    {
        CannedResponseModel canned;
        QAbstractItemModelTester tester(&canned, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Without a server the list is empty and nothing expands.
        QCOMPARE(canned.expand(u"see /hours"_s), u"see /hours"_s);
    }

    // The whole path: a visitor waits, the agent accepts and replies, the
    // visitor reads; every model follows.
    void queueAcceptReplyRead()
    {
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        // One model, the sidebar's lists as proxies over it.
        ConversationModel conversations;
        ConversationFilterModel queue, mine, open;
        queue.setFilter(ConversationFilterModel::Queue);
        mine.setFilter(ConversationFilterModel::Mine);
        open.setFilter(ConversationFilterModel::Open);
        QAbstractItemModelTester t0(&conversations, QAbstractItemModelTester::FailureReportingMode::QtTest);
        MessageListModel messages;
        AgentListModel agents;
        QAbstractItemModelTester t1(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&mine, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&open, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(&messages, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t5(&agents, QAbstractItemModelTester::FailureReportingMode::QtTest);
        conversations.setClient(&client);
        for (ConversationFilterModel *model : {&queue, &mine, &open})
            model->setConversations(&conversations);
        messages.setClient(&client);
        agents.setClient(&client);

        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);
        QVERIFY(client.isAdmin());
        QCOMPARE(client.agentEmail(), TestServer::adminEmail);

        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/pricing"_s, u"Pricing"_s));
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-1"_s}, {u"body"_s, u"Do you ship to Norway?"_s}});
        QTRY_COMPARE(queue.rowCount(), 1);
        QCOMPARE(open.rowCount(), 1);
        QCOMPARE(mine.rowCount(), 0);
        QCOMPARE(conversations.rowCount(), 1); // held once, shown by two lists
        const QModelIndex row = queue.index(0, 0);
        const int conversationId = row.data(ConversationModel::ConversationIdRole).toInt();
        QCOMPARE(row.data(ConversationModel::StatusRole).toString(), u"waiting"_s);
        QCOMPARE(row.data(ConversationModel::LastMessageRole).toString(), u"Do you ship to Norway?"_s);
        QCOMPARE(row.data(ConversationModel::UnreadRole).toInt(), 1);
        QTRY_COMPARE(queue.index(0, 0).data(ConversationModel::CurrentPageRole).toString(), u"Pricing"_s);
        QVERIFY(row.data(ConversationModel::WaitSecondsRole).toLongLong() >= 0);
        // The wait time ticks while the visitor waits.
        QSignalSpy ticks(&queue, &QAbstractItemModel::dataChanged);
        QVERIFY(ticks.wait(2500));

        // The chat pane's conversation follows its row in place.
        CurrentConversation current;
        current.setConversations(&conversations);
        current.setConversationId(conversationId);
        QCOMPARE(current.status(), u"waiting"_s);
        QVERIFY(current.isOpen());
        QCOMPARE(current.visitorId(), row.data(ConversationModel::VisitorIdRole).toString());
        const QString visitorName = current.visitorName();
        QVERIFY(!visitorName.isEmpty());
        QSignalSpy currentChanged(&current, &CurrentConversation::changed);

        // Accept: the conversation leaves the queue and becomes mine.
        client.accept(conversationId);
        QTRY_COMPARE(queue.rowCount(), 0);
        QTRY_COMPARE(mine.rowCount(), 1);
        QCOMPARE(mine.index(0, 0).data(ConversationModel::AgentNameRole).toString().isEmpty(), false);
        QVERIFY(mine.index(0, 0).data(ConversationModel::IsMineRole).toBool());
        QTRY_COMPARE(current.status(), u"active"_s);
        QVERIFY(current.isMine());
        QCOMPARE(current.agentName(), mine.index(0, 0).data(ConversationModel::AgentNameRole).toString());
        QVERIFY(!currentChanged.isEmpty());

        // Open it: history loads (visitor message + join line), reading marks it read.
        messages.setConversationId(conversationId);
        messages.setActive(true);
        QTRY_COMPARE(messages.rowCount(), 2);
        QCOMPARE(messages.index(0).data(MessageListModel::AuthorRole).toString(), u"visitor"_s);
        QCOMPARE(messages.index(1).data(MessageListModel::AuthorRole).toString(), u"system"_s);
        QTRY_COMPARE(mine.index(0, 0).data(ConversationModel::UnreadRole).toInt(), 0);

        // Reply: "sending" at once, "sent" after the ack, "read" after the visitor's read.
        QVERIFY(messages.send(u"Yes, we do. Shipping takes 3 days."_s));
        QCOMPARE(messages.rowCount(), 3);
        QCOMPARE(messages.index(2).data(MessageListModel::DeliveryRole).toString(), u"sending"_s);
        QTRY_COMPARE(messages.index(2).data(MessageListModel::DeliveryRole).toString(), u"sent"_s);
        QCOMPARE(client.pendingReplies(), 0);
        const auto received = visitor.waitFor([](const QJsonObject &frame) {
            return frame.value(u"type"_s) == u"message"_s
                && frame.value(u"message"_s).toObject().value(u"author"_s) == u"agent"_s;
        });
        QVERIFY(received);
        const QJsonObject reply = received->value(u"message"_s).toObject();
        QCOMPARE(reply.value(u"body"_s).toString(), u"Yes, we do. Shipping takes 3 days."_s);
        visitor.send({{u"type"_s, u"read"_s}, {u"messageId"_s, reply.value(u"id"_s)}});
        QTRY_COMPARE(messages.index(2).data(MessageListModel::DeliveryRole).toString(), u"read"_s);

        // Typing both ways.
        visitor.send({{u"type"_s, u"typing"_s}, {u"active"_s, true}});
        QTRY_VERIFY(messages.visitorTyping());
        messages.setTyping(true);
        QVERIFY(visitor.waitFor(
            [](const QJsonObject &frame) { return frame.value(u"type"_s) == u"typing"_s && frame.value(u"active"_s).toBool(); }));

        // The visitor panel.
        VisitorContext context;
        context.setClient(&client);
        context.setVisitorId(open.index(0, 0).data(ConversationModel::VisitorIdRole).toString());
        QTRY_VERIFY(context.isLoaded());
        QCOMPARE(context.currentPageTitle(), u"Pricing"_s);
        QCOMPARE(context.browser(), u"Chrome 120"_s);
        QCOMPARE(context.operatingSystem(), u"Windows 10/11"_s);
        QCOMPARE(context.referrer(), u"https://www.google.com/"_s);
        QCOMPARE(context.locale(), u"nb-NO"_s);
        visitor.send({{u"type"_s, u"page"_s}, {u"url"_s, u"https://shop.test/cart"_s}, {u"title"_s, u"Cart"_s}});
        QTRY_COMPARE(context.currentPageTitle(), u"Cart"_s);
        QTRY_COMPARE(open.index(0, 0).data(ConversationModel::CurrentPageRole).toString(), u"Cart"_s);

        // Transcript.
        QVERIFY(messages.transcript().contains(u"Yes, we do."_s));

        // Close: it leaves every open list, and the visitor's "typing…" goes with it
        // (the visitor never said it stopped; the indicator's own timeout is 30 s).
        QVERIFY(messages.visitorTyping());
        client.close(conversationId);
        QTRY_VERIFY(!messages.visitorTyping());
        QTRY_COMPARE(open.rowCount(), 0);
        QCOMPARE(mine.rowCount(), 0);
        QCOMPARE(conversations.rowCount(), 0); // closed and not found by a search: forgotten
        // The pane still says whom the closed chat was with.
        QCOMPARE(current.status(), u"closed"_s);
        QVERIFY(!current.isOpen());
        QCOMPARE(current.visitorName(), visitorName);
        current.setConversationId(0);
        QCOMPARE(current.status(), QString());
        QTRY_VERIFY(messages.rowCount() >= 4);
    }

    // Replies written while the connection is down wait in the outbox (and its
    // file) and go out after the reconnect: each stored once, in the order
    // written, with the client id it was given.
    void outboxSurvivesReconnect()
    {
        QTemporaryDir outboxFolder;
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        client.setOutboxFolder(outboxFolder.path());
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);
        QVERIFY2(client.outboxFile().startsWith(outboxFolder.path()), qPrintable(client.outboxFile()));

        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        QSignalSpy created(&client, &AgentClient::conversationCreated);
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-2"_s}, {u"body"_s, u"Hello?"_s}});
        QVERIFY(created.wait());
        const int conversationId = int(created.first().first().value<ConversationView>().conversation.id);

        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QTRY_VERIFY(client.state() != AgentClient::Online);
        QSignalSpy acked(&client, &AgentClient::replyAcknowledged);
        const QStringList bodies{u"Sorry for the wait!"_s, u"Let me look that up."_s, u"Found it: order #1042 ships today."_s};
        QStringList clientIds;
        for (const QString &body : bodies)
            clientIds.append(client.reply(conversationId, body));
        QCOMPARE(clientIds.size(), 3);
        QCOMPARE(QSet<QString>(clientIds.cbegin(), clientIds.cend()).size(), 3);
        QVERIFY(!clientIds.contains(QString()));
        QCOMPARE(client.pendingReplies(), 3);
        QCOMPARE(client.outbox().size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(client.outbox()[i].clientId, clientIds[i]);
            QCOMPARE(client.outbox()[i].body, bodies[i]);
        }
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 30'000);
        QTRY_COMPARE(client.pendingReplies(), 0);

        // Acknowledged once each, in order.
        QTRY_COMPARE(acked.size(), 3);
        QList<double> messageIds;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(acked[i].at(0).toInt(), conversationId);
            QCOMPARE(acked[i].at(1).toString(), clientIds[i]);
            // The message as the server stored it, from the ack.
            const auto stored = acked[i].at(2).value<MessageRecord>();
            messageIds.append(double(stored.id));
            QCOMPARE(stored.body, bodies[i]);
            QCOMPARE(stored.clientId, clientIds[i]);
            QVERIFY(stored.authorKind == AuthorKind::Agent);
            QCOMPARE(stored.authorAgentId, qint64(client.agentId()));
            QCOMPARE(stored.authorName, client.agentName());
            QVERIFY(stored.createdAt > 0);
        }
        // Stored once each, in order, with those ids, as the server's history says.
        std::optional<QList<MessageRecord>> history;
        client.commands()->history(conversationId, 0, 100, this, [&history](const CommandResult<QList<MessageRecord>> &answer) {
            if (answer.ok())
                history = answer.value;
        });
        QTRY_VERIFY(history);
        QList<MessageRecord> stored;
        for (const MessageRecord &message : std::as_const(*history)) {
            if (message.authorKind == AuthorKind::Agent)
                stored.append(message);
        }
        QCOMPARE(stored.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(stored[i].clientId, clientIds[i]);
            QCOMPARE(stored[i].body, bodies[i]);
            QCOMPARE(double(stored[i].id), messageIds[i]);
        }
        // And the file is empty again.
        QTRY_COMPARE(repliesInFile(client.outboxFile()), 0);
    }

    // A reply the server refuses for good stays, failed with the reason, in the
    // outbox and its file, until the agent retries or discards it.
    void refusedReplyStaysUntilDiscarded()
    {
        QTemporaryDir outboxFolder;
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        client.setOutboxFolder(outboxFolder.path());
        MessageListModel messages;
        QAbstractItemModelTester tester(&messages, QAbstractItemModelTester::FailureReportingMode::QtTest);
        messages.setClient(&client);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);

        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        QSignalSpy created(&client, &AgentClient::conversationCreated);
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-3"_s}, {u"body"_s, u"Bye"_s}});
        QVERIFY(created.wait());
        const int conversationId = int(created.first().first().value<ConversationView>().conversation.id);
        messages.setConversationId(conversationId);
        QTRY_COMPARE(messages.rowCount(), 1);
        client.close(conversationId);
        QTRY_COMPARE(messages.rowCount(), 2); // the "closed" line

        QSignalSpy failed(&client, &AgentClient::replyFailed);
        const QString clientId = client.reply(conversationId, u"Are you still there?"_s);
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(1).toString(), clientId);
        const QString reason = failed.first().at(2).toString();
        QVERIFY2(reason.contains(u"closed"_s), qPrintable(reason));
        QCOMPARE(client.pendingReplies(), 0);
        QCOMPARE(client.failedReplies(), 1);
        QCOMPARE(messages.rowCount(), 3);
        const QModelIndex row = messages.index(2);
        QCOMPARE(row.data(MessageListModel::DeliveryRole).toString(), u"failed"_s);
        QCOMPARE(row.data(MessageListModel::ErrorRole).toString(), reason);
        QCOMPARE(row.data(MessageListModel::BodyRole).toString(), u"Are you still there?"_s);
        QTRY_COMPARE(repliesInFile(client.outboxFile()), 1);

        // Retry: sent again with the same client id, refused again for the same reason.
        failed.clear();
        messages.retry(clientId);
        QCOMPARE(messages.index(2).data(MessageListModel::DeliveryRole).toString(), u"sending"_s);
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(1).toString(), clientId);
        QCOMPARE(messages.index(2).data(MessageListModel::DeliveryRole).toString(), u"failed"_s);

        // Discard: gone from the list, the outbox and the file; nothing was stored.
        messages.discard(clientId);
        QCOMPARE(messages.rowCount(), 2);
        QCOMPARE(client.failedReplies(), 0);
        QTRY_COMPARE(repliesInFile(client.outboxFile()), 0);
        QVERIFY(agentBodies(visitor).isEmpty());
    }

    // Two consoles of the same agent in one place: the second keeps its replies
    // in memory rather than overwrite the first one's file.
    void secondConsoleDoesNotTakeTheFile()
    {
        QTemporaryDir outboxFolder;
        AgentClient first(u"frontdesk-test-console"_s, nullptr);
        AgentClient second(u"frontdesk-test-console"_s, nullptr);
        for (AgentClient *client : {&first, &second}) {
            client->setOutboxFolder(outboxFolder.path());
            client->login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
            QTRY_COMPARE_WITH_TIMEOUT(client->state(), AgentClient::Online, 20'000);
        }
        QVERIFY(!first.outboxFile().isEmpty());
        QVERIFY(second.outboxFile().isEmpty());
    }

    void signsOutWhenTheSessionEnds()
    {
        // An admin resets Bob's password: Bob's console must leave at once,
        // say why, forget the token, and not come back with it.
        TestHttp http;
        JsonSocket admin;
        QVERIFY(admin.open(m_server.wsUrl(u"/v1/agent"_s)));
        QVERIFY(admin.request({{u"type"_s, u"auth"_s}, {u"token"_s, http.loginAdmin(m_server)}}));
        const auto created = admin.request({{u"type"_s, u"create_agent"_s},
                                            {u"email"_s, u"bob@shop.test"_s},
                                            {u"name"_s, u"Bob"_s},
                                            {u"password"_s, u"bob's long password"_s}});
        QVERIFY(created && created->contains(u"agent"_s));
        const double bobId = created->value(u"agent"_s)[u"id"_s].toDouble();

        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        client.login(m_server.httpUrl(u"/"_s), u"bob@shop.test"_s, u"bob's long password"_s);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);
        QVERIFY(
            admin.request({{u"type"_s, u"set_agent_password"_s}, {u"agentId"_s, bobId}, {u"password"_s, u"a new password"_s}}));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::LoggedOut, 2'000);
        QVERIFY2(client.errorString().contains(u"reset your password"_s), qPrintable(client.errorString()));
        QTest::qWait(1'500); // no reconnect loop with the dead token
        QCOMPARE(client.state(), AgentClient::LoggedOut);
        QVERIFY2(client.errorString().contains(u"reset your password"_s), qPrintable(client.errorString()));
    }

    // The console's transfer and history search: the chat moves to Erik's
    // "mine", and once closed the history finds it by a word whose capital is
    // not A-Z (which SQLite's own lower() would not fold).
    void transferThenFindInHistory()
    {
        const double erikId = createAgent(u"erik@shop.test"_s, u"Erik"_s, u"erik's long password"_s);
        QVERIFY(erikId > 0);
        AgentClient admin(u"frontdesk-test-console"_s, nullptr);
        AgentClient erik(u"frontdesk-test-console"_s, nullptr);
        ConversationModel adminConversations, erikConversations;
        ConversationFilterModel adminMine, erikMine, history;
        QAbstractItemModelTester t0(&adminConversations, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t00(&erikConversations, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t1(&adminMine, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&erikMine, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        adminMine.setFilter(ConversationFilterModel::Mine);
        erikMine.setFilter(ConversationFilterModel::Mine);
        history.setFilter(ConversationFilterModel::History);
        adminConversations.setClient(&admin);
        erikConversations.setClient(&erik);
        adminMine.setConversations(&adminConversations);
        history.setConversations(&adminConversations);
        erikMine.setConversations(&erikConversations);
        admin.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        erik.login(m_server.httpUrl(u"/"_s), u"erik@shop.test"_s, u"erik's long password"_s);
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), AgentClient::Online, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(erik.state(), AgentClient::Online, 20'000);

        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/orders"_s, u"Orders"_s));
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-t"_s}, {u"body"_s, u"ÄRGER mit meiner Bestellung"_s}});
        const auto ack = visitor.waitForType(u"ack"_s);
        QVERIFY(ack);
        const int conversationId = ack->value(u"conversationId"_s).toInt();

        admin.accept(conversationId);
        QTRY_VERIFY(adminMine.rowOf(conversationId) >= 0);
        admin.transfer(conversationId, int(erikId));
        QTRY_VERIFY(erikMine.rowOf(conversationId) >= 0);
        QTRY_COMPARE(adminMine.rowOf(conversationId), -1);
        const QModelIndex moved = erikMine.index(erikMine.rowOf(conversationId), 0);
        QCOMPARE(moved.data(ConversationModel::AgentNameRole).toString(), u"Erik"_s);
        QVERIFY(moved.data(ConversationModel::IsMineRole).toBool());
        QVERIFY(visitor.waitFor([](const QJsonObject &frame) {
            return frame.value(u"type"_s) == u"agent_joined"_s && frame.value(u"agentName"_s) == u"Erik"_s;
        }));

        erik.close(conversationId);
        QTRY_COMPARE(erikMine.rowOf(conversationId), -1);
        history.search(u"  ärger "_s);
        QVERIFY(history.isSearching());
        QTRY_VERIFY(!history.isSearching());
        QCOMPARE(history.rowCount(), 1);
        // The find is a row of the one model, shown by History only.
        QVERIFY(adminConversations.rowOf(conversationId) >= 0);
        QCOMPARE(adminMine.rowOf(conversationId), -1);
        QCOMPARE(history.conversationIdAt(0), conversationId);
        QCOMPARE(history.index(0, 0).data(ConversationModel::StatusRole).toString(), u"closed"_s);
        QCOMPARE(history.index(0, 0).data(ConversationModel::AgentNameRole).toString(), u"Erik"_s);
        history.search(u"no such words anywhere"_s);
        QTRY_VERIFY(!history.isSearching());
        QCOMPARE(history.rowCount(), 0);
    }

    // The settings page's site: typed fields, edits that stay drafts until
    // saved, a save that another console follows, widget keys this console
    // does not know sent back as they were.
    void siteSettingsSaveAndFollow()
    {
        AgentClient admin(u"frontdesk-test-console"_s, nullptr);
        AgentClient other(u"frontdesk-test-console"_s, nullptr);
        SiteSettings site, seen;
        site.setClient(&admin);
        seen.setClient(&other);
        admin.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        other.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), AgentClient::Online, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(other.state(), AgentClient::Online, 20'000);
        QTRY_VERIFY(!site.name().isEmpty());
        QVERIFY(site.isEditable());
        const QStringList origins = site.allowedOrigins();
        QVERIFY(origins.contains(QString::fromLatin1(TestServer::allowedOrigin)));

        // Another tool's widget key, unknown to the console.
        bool stored = false;
        SitePatch foreign;
        foreign.widgetSettings = QVariantMap{{u"launcherIcon"_s, u"bubble"_s}, {u"title"_s, u"Old"_s}};
        admin.commands()->updateSite(admin.currentSiteId(), foreign, this,
                                     [&stored](const CommandResult<SiteRecord> &answer) { stored = answer.ok(); });
        QTRY_VERIFY(stored);
        QTRY_COMPARE(site.widgetTitle(), u"Old"_s);
        QTRY_COMPARE(seen.widgetTitle(), u"Old"_s);

        QSignalSpy changed(&site, &SiteSettings::changed);
        site.setWidgetTitle(u"Talk to us"_s);
        site.setColor(u"#16a34a"_s);
        site.setPosition(u"left"_s);
        site.setAskEmail(true);
        site.setEmailRequired(true);
        QVERIFY(site.replySound()); // the widget settings above have no "replySound": on
        site.setReplySound(false);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(site.preChatFields().size(), 1);
        // A draft: the other console has not seen it.
        QTest::qWait(200);
        QCOMPARE(seen.widgetTitle(), u"Old"_s);

        site.saveWidget();
        QTRY_COMPARE(seen.widgetTitle(), u"Talk to us"_s);
        QCOMPARE(seen.color(), u"#16a34a"_s);
        QCOMPARE(seen.position(), u"left"_s);
        QVERIFY(seen.askEmail());
        QVERIFY(seen.emailRequired());
        QVERIFY(!seen.askName());
        QVERIFY(!seen.replySound());
        const QVariantMap widget = other.currentSite().widgetSettings;
        QCOMPARE(widget.value(u"replySound"_s), QVariant(false));
        QCOMPARE(widget.value(u"launcherIcon"_s).toString(), u"bubble"_s);
        QCOMPARE(widget.value(u"preChatFields"_s).toList(),
                 (QVariantList{QVariantMap{{u"name"_s, u"email"_s}, {u"required"_s, true}}}));

        site.setAllowedOrigins(origins + QStringList{u"https://second.shop.test"_s});
        site.saveAllowedOrigins();
        QTRY_COMPARE(seen.allowedOrigins(), origins + QStringList{u"https://second.shop.test"_s});
        site.setAllowedOrigins(origins);
        site.saveAllowedOrigins();
        QTRY_COMPARE(seen.allowedOrigins(), origins);

        // The mail settings: a draft until saveMail(), then every console has them.
        QVERIFY(!admin.mailEnabled()); // this server has no SMTP server
        site.setMailTeamAddress(u"team@shop.test"_s);
        site.setMailUnansweredMinutes(15);
        site.setMailRepliesToAbsentVisitors(false);
        QVERIFY(site.isDirty());
        QTest::qWait(200);
        QCOMPARE(seen.mailTeamAddress(), QString());
        site.saveMail();
        QTRY_COMPARE(seen.mailTeamAddress(), u"team@shop.test"_s);
        QCOMPARE(seen.mailUnansweredMinutes(), 15);
        QVERIFY(!seen.mailRepliesToAbsentVisitors());
        QVERIFY(!site.isDirty());
    }

    // The outbox's status reaches the console: on in the snapshot, and the
    // SMTP server's problem (here: nothing listens) from mail_status.
    void mailStatusShowsTheProblem()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        m_server.config().mail.smtpUrl = QUrl(u"smtp://127.0.0.1:%1"_s.arg(closedPort));
        m_server.config().mail.allowPlain = true;
        m_server.config().mail.from = MailAddress{QString(), u"chat@shop.test"_s};
        // The server is shared by the row's functions: it goes back to no mail, whatever happens here.
        const auto restore = qScopeGuard([this] {
            m_server.config().mail = MailSettings{};
            QString ignored;
            if (!m_server.restart(&ignored))
                qWarning().noquote() << "could not restart the shared server:" << ignored;
        });
        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));

        AgentClient admin(u"frontdesk-test-console"_s, nullptr);
        admin.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), AgentClient::Online, 20'000);
        QTRY_VERIFY(admin.mailEnabled());
        QCOMPARE(admin.mailProblem(), QString());
        bool stored = false;
        SitePatch patch;
        patch.mailTeamAddress = u"team@shop.test"_s;
        admin.commands()->updateSite(admin.currentSiteId(), patch, this,
                                     [&stored](const CommandResult<SiteRecord> &answer) { stored = answer.ok(); });
        QTRY_VERIFY(stored);
        admin.setPresence(u"away"_s); // nobody online: the visitor's message is an offline-form message
        QTRY_COMPARE(admin.agentsOnline(), 0);
        QSignalSpy statusChanged(&admin, &AgentClient::mailStatusChanged);
        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-1"_s}, {u"body"_s, u"Anyone there?"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(!admin.mailProblem().isEmpty(), 10'000);
        QVERIFY2(admin.mailProblem().contains(u"onnect"_s), qPrintable(admin.mailProblem()));
        QCOMPARE(admin.mailProblemRecipient(), u"team"_s);
        QVERIFY(admin.mailProblemAt().isValid());
        QCOMPARE(admin.mailQueued(), 1);
        QVERIFY(!statusChanged.isEmpty());
    }

    // Two sites: the console lists both, names each conversation's site, saves
    // the settings of the site it shows (update_site names it by siteId),
    // builds that site's snippet, and drops a deleted site's conversations.
    // It deletes the site it adds and closes its chats: the shared server is left as it was.
    void twoSites()
    {
        AgentClient admin(u"frontdesk-test-console"_s, nullptr);
        AgentClient other(u"frontdesk-test-console"_s, nullptr);
        ConversationModel conversations;
        QAbstractItemModelTester tester(&conversations, QAbstractItemModelTester::FailureReportingMode::QtTest);
        conversations.setClient(&admin);
        SiteSettings settings, seen;
        settings.setClient(&admin);
        seen.setClient(&other);
        admin.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        other.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), AgentClient::Online, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(other.state(), AgentClient::Online, 20'000);
        QTRY_COMPARE(admin.sites().size(), 1);
        const int shopId = admin.currentSiteId();
        QVERIFY(shopId > 0);
        QCOMPARE(settings.siteKey(), m_server.siteKey());
        const QString shopName = admin.siteName(shopId);
        QVERIFY(!shopName.isEmpty());

        admin.createSite(u"Outlet"_s);
        QTRY_COMPARE(admin.sites().size(), 2);
        QTRY_COMPARE(other.sites().size(), 2); // site_created
        // The new site is the one this console shows now; the other console stays where it was.
        QTRY_COMPARE(settings.name(), u"Outlet"_s);
        const int outletId = admin.currentSiteId();
        QVERIFY(outletId != shopId);
        QCOMPARE(settings.siteId(), outletId);
        const QString outletKey = settings.siteKey();
        QVERIFY(!outletKey.isEmpty() && outletKey != m_server.siteKey());
        QCOMPARE(other.currentSiteId(), shopId);
        QVERIFY(admin.snippet().contains(outletKey));
        QVERIFY(!admin.snippet().contains(m_server.siteKey()));
        QVERIFY(other.snippet().contains(m_server.siteKey()));

        // Saved for the outlet only.
        settings.setAllowedOrigins({u"https://outlet.test"_s});
        settings.saveAllowedOrigins();
        settings.setWidgetTitle(u"Outlet chat"_s);
        QVERIFY(settings.isDirty());
        settings.saveWidget();
        QVERIFY(!settings.isDirty());
        other.setCurrentSiteId(outletId);
        QCOMPARE(seen.siteId(), outletId);
        QTRY_COMPARE(seen.widgetTitle(), u"Outlet chat"_s);
        QTRY_COMPARE(seen.allowedOrigins(), QStringList{u"https://outlet.test"_s});
        other.setCurrentSiteId(shopId);
        QCOMPARE(seen.siteId(), shopId);
        QVERIFY(seen.widgetTitle() != u"Outlet chat"_s);
        QVERIFY(seen.allowedOrigins().contains(QString::fromLatin1(TestServer::allowedOrigin)));
        other.setCurrentSiteId(4242); // unknown: ignored
        QCOMPARE(other.currentSiteId(), shopId);

        settings.setName(u"Outlet store"_s);
        QVERIFY(settings.isDirty());
        settings.saveName();
        QTRY_COMPARE(other.siteName(outletId), u"Outlet store"_s); // site_updated, matched by id
        QCOMPARE(other.siteName(shopId), shopName);

        // Each conversation names its site while there are two.
        JsonSocket outletVisitor, shopVisitor;
        QVERIFY(ConsoleTesting::openVisitor(outletVisitor, m_server, u"https://outlet.test/"_s, u"Outlet"_s, outletKey,
                                            "https://outlet.test"));
        QVERIFY(ConsoleTesting::openVisitor(shopVisitor, m_server, u"https://shop.test/"_s, u"Shop"_s));
        outletVisitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"o-1"_s}, {u"body"_s, u"Outlet question"_s}});
        shopVisitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"s-1"_s}, {u"body"_s, u"Shop question"_s}});
        const auto outletAck = outletVisitor.waitForType(u"ack"_s);
        const auto shopAck = shopVisitor.waitForType(u"ack"_s);
        QVERIFY(outletAck && shopAck);
        const int outletConversation = outletAck->value(u"conversationId"_s).toInt();
        const int shopConversation = shopAck->value(u"conversationId"_s).toInt();
        QTRY_VERIFY(conversations.rowOf(outletConversation) >= 0);
        QTRY_VERIFY(conversations.rowOf(shopConversation) >= 0);
        const auto label = [&](int conversationId) {
            return conversations.index(conversations.rowOf(conversationId), 0).data(ConversationModel::SiteLabelRole).toString();
        };
        QCOMPARE(label(outletConversation), u"Outlet store"_s);
        QCOMPARE(label(shopConversation), shopName);
        QCOMPARE(conversations.index(conversations.rowOf(outletConversation), 0).data(ConversationModel::SiteIdRole).toInt(),
                 outletId);

        // Deleting asks for the key typed back; then the site and its conversations are gone.
        QSignalSpy failed(&admin, &AgentClient::commandFailed);
        admin.deleteSite(outletId, m_server.siteKey());
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).toString(), u"delete_site"_s);
        QCOMPARE(admin.sites().size(), 2);
        admin.deleteSite(outletId, outletKey);
        QTRY_COMPARE(admin.sites().size(), 1);
        QTRY_COMPARE(other.sites().size(), 1); // site_deleted
        QTRY_COMPARE(conversations.rowOf(outletConversation), -1);
        QVERIFY(conversations.rowOf(shopConversation) >= 0);
        QCOMPARE(admin.currentSiteId(), shopId);
        QCOMPARE(settings.siteId(), shopId);
        QCOMPARE(settings.siteKey(), m_server.siteKey());
        QCOMPARE(label(shopConversation), QString()); // one site again: no label
        QCOMPARE(failed.count(), 1);
        admin.close(shopConversation);
        QTRY_COMPARE(conversations.rowOf(shopConversation), -1);
    }

    void sessionSentences()
    {
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(SessionListModel::lastActiveSentence(now.addSecs(-20), now), u"Active now"_s);
        QCOMPARE(SessionListModel::lastActiveSentence(now.addSecs(-5 * 60 - 10), now), u"Last active 5 minutes ago"_s);
        QCOMPARE(SessionListModel::lastActiveSentence(now.addSecs(-60), now), u"Last active a minute ago"_s);
        QCOMPARE(SessionListModel::lastActiveSentence(now.addSecs(-3600), now), u"Last active an hour ago"_s);
        QCOMPARE(SessionListModel::lastActiveSentence(now.addSecs(-3 * 3600), now), u"Last active 3 hours ago"_s);
        QCOMPARE(SessionListModel::lastActiveSentence(now.addDays(-2), now), u"Last active 2 days ago"_s);
        QVERIFY(SessionListModel::lastActiveSentence(now.addDays(-90), now).startsWith(u"Last active on "_s));
        QCOMPARE(SessionListModel::deviceName(u"Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"_s),
                 u"Firefox 121 on Linux"_s);
        QCOMPARE(SessionListModel::deviceName(u"curl/8.4.0"_s), u"curl/8.4.0"_s);
        QCOMPARE(SessionListModel::deviceName(QString()), u"Unknown device"_s);
    }

    // One agent signed in on three consoles: each sees all three, this one
    // marked; ending one signs that console out and it leaves the list.
    void sessionsListAndEnd()
    {
        const QString email = u"sessions@shop.test"_s;
        const QString password = u"sessions' long password"_s;
        createAgent(email, u"Sam Sessions"_s, password);

        AgentClient here(u"frontdesk-test-console"_s, nullptr);
        AgentClient laptop(u"frontdesk-test-console"_s, nullptr);
        AgentClient phone(u"frontdesk-test-console"_s, nullptr);
        for (AgentClient *client : {&laptop, &phone, &here}) {
            client->login(m_server.httpUrl(u"/"_s), email, password);
            QTRY_COMPARE_WITH_TIMEOUT(client->state(), AgentClient::Online, 20'000);
        }

        SessionListModel sessions;
        QAbstractItemModelTester tester(&sessions, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&sessions, &SessionListModel::loadedChanged);
        sessions.setClient(&here);
        QTRY_VERIFY(sessions.isLoaded());
        QCOMPARE(sessions.rowCount(), 3);
        // This console first, marked; the others are not.
        QVERIFY(sessions.index(0).data(SessionListModel::IsCurrentRole).toBool());
        QVERIFY(!sessions.index(1).data(SessionListModel::IsCurrentRole).toBool());
        QVERIFY(!sessions.index(2).data(SessionListModel::IsCurrentRole).toBool());
        for (int row = 0; row < 3; ++row) {
            const QModelIndex index = sessions.index(row);
            QVERIFY(!index.data(SessionListModel::SessionIdRole).toString().isEmpty());
            QCOMPARE(index.data(SessionListModel::UserAgentRole).toString(), AgentClient::userAgentHeader());
            QVERIFY2(index.data(SessionListModel::DeviceRole).toString().startsWith(u"Frontdesk "_s),
                     qPrintable(index.data(SessionListModel::DeviceRole).toString()));
            QCOMPARE(index.data(SessionListModel::AddressRole).toString(), u"127.0.0.1"_s);
            QVERIFY(index.data(SessionListModel::CreatedAtRole).toDateTime().isValid());
            QCOMPARE(index.data(SessionListModel::LastActiveRole).toString(), u"Active now"_s);
        }
        QCOMPARE(sessions.roleNames().value(SessionListModel::IsCurrentRole), "isCurrent");

        // Another of the agent's consoles sees the same three, its own marked.
        SessionListModel onLaptop;
        onLaptop.setClient(&laptop);
        QTRY_COMPARE(onLaptop.rowCount(), 3);
        const QString laptopSession = onLaptop.index(0).data(SessionListModel::SessionIdRole).toString();
        QVERIFY(onLaptop.index(0).data(SessionListModel::IsCurrentRole).toBool());
        QVERIFY(laptopSession != sessions.index(0).data(SessionListModel::SessionIdRole).toString());

        // Sign the laptop out from here: it goes LoggedOut, saying why, and leaves the list.
        sessions.endSession(laptopSession);
        QTRY_COMPARE_WITH_TIMEOUT(laptop.state(), AgentClient::LoggedOut, 5'000);
        QVERIFY2(laptop.errorString().contains(u"ended from another computer"_s), qPrintable(laptop.errorString()));
        QTRY_COMPARE(sessions.rowCount(), 2);
        for (int row = 0; row < 2; ++row)
            QVERIFY(sessions.index(row).data(SessionListModel::SessionIdRole).toString() != laptopSession);
        QCOMPARE(phone.state(), AgentClient::Online);
        QCOMPARE(here.state(), AgentClient::Online);
        // The signed-out console's list empties.
        QTRY_COMPARE(onLaptop.rowCount(), 0);
        QVERIFY(!onLaptop.isLoaded());

        // This console's own session cannot be ended this way: the server says why.
        QSignalSpy failed(&here, &AgentClient::commandFailed);
        sessions.endSession(sessions.index(0).data(SessionListModel::SessionIdRole).toString());
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), u"end_session"_s);
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QCOMPARE(here.state(), AgentClient::Online);

        // Everywhere else: the phone goes too, this console stays.
        sessions.endOtherSessions();
        QTRY_COMPARE_WITH_TIMEOUT(phone.state(), AgentClient::LoggedOut, 5'000);
        QTRY_COMPARE(sessions.rowCount(), 1);
        QVERIFY(sessions.index(0).data(SessionListModel::IsCurrentRole).toBool());
        QTest::qWait(300);
        QCOMPARE(here.state(), AgentClient::Online);
    }

    // An admin disables an agent: signed out at once, shown as disabled to
    // every console (team_changed), and enabled again.
    // The snippet follows the server's --public-url from the snapshot, and the
    // console's own setting wins over it.
    void snippetUsesThePublicUrl()
    {
        QString error;
        QVERIFY(ServerConfig::parsePublicUrl(u"https://chat.shop.example"_s, &m_server.config().publicUrl, &error));
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        {
            AgentClient client(u"frontdesk-test-console"_s, nullptr);
            client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
            QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);
            QTRY_VERIFY2(client.snippet().startsWith(u"<script async src=\"https://chat.shop.example/widget.js\""_s),
                         qPrintable(client.snippet()));
            client.setPublicUrl(u"https://help.shop.example/"_s);
            QVERIFY2(client.snippet().startsWith(u"<script async src=\"https://help.shop.example/widget.js\""_s),
                     qPrintable(client.snippet()));
            client.setPublicUrl(QString());
            QVERIFY2(client.snippet().contains(u"https://chat.shop.example/widget.js"_s), qPrintable(client.snippet()));
        }
        // The functions after this one expect the server as it was.
        m_server.config().publicUrl = QUrl();
        QVERIFY2(m_server.restart(&error), qPrintable(error));
    }

    void disableAnAgent()
    {
        const double doraId = createAgent(u"dora@shop.test"_s, u"Dora"_s, u"dora's long password"_s);
        AgentClient dora(u"frontdesk-test-console"_s, nullptr);
        dora.login(m_server.httpUrl(u"/"_s), u"dora@shop.test"_s, u"dora's long password"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dora.state(), AgentClient::Online, 20'000);

        AgentClient admin(u"frontdesk-test-console"_s, nullptr);
        admin.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(admin.state(), AgentClient::Online, 20'000);
        AgentListModel agents;
        QAbstractItemModelTester tester(&agents, QAbstractItemModelTester::FailureReportingMode::QtTest);
        agents.setClient(&admin);
        // Another admin console that only hears the event.
        AgentClient otherAdmin(u"frontdesk-test-console"_s, nullptr);
        otherAdmin.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(otherAdmin.state(), AgentClient::Online, 20'000);
        AgentListModel watching;
        watching.setClient(&otherAdmin);

        auto rowOf = [](const AgentListModel &model, int agentId) {
            for (int row = 0; row < model.rowCount(); ++row) {
                if (model.index(row).data(AgentListModel::AgentIdRole).toInt() == agentId)
                    return row;
            }
            return -1;
        };
        auto disabled = [&rowOf](const AgentListModel &model, int agentId) {
            const int row = rowOf(model, agentId);
            return row >= 0 && model.index(row).data(AgentListModel::DisabledRole).toBool();
        };
        QTRY_VERIFY(rowOf(agents, int(doraId)) >= 0);
        QVERIFY(!disabled(agents, int(doraId)));
        QCOMPARE(agents.roleNames().value(AgentListModel::DisabledRole), "disabled");

        QSignalSpy finished(&agents, &AgentListModel::commandFinished);
        agents.setDisabled(int(doraId), true);
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().at(1).toString(), QString());
        QTRY_VERIFY(disabled(agents, int(doraId)));
        QTRY_VERIFY(disabled(watching, int(doraId)));
        QTRY_COMPARE_WITH_TIMEOUT(dora.state(), AgentClient::LoggedOut, 5'000);
        QVERIFY2(dora.errorString().contains(u"disabled your account"_s), qPrintable(dora.errorString()));

        // Not yourself: the server's sentence reaches the console's error toast.
        QSignalSpy failed(&admin, &AgentClient::commandFailed);
        agents.setDisabled(admin.agentId(), true);
        QVERIFY(failed.wait());
        QCOMPARE(failed.first().at(0).toString(), u"set_agent_disabled"_s);
        QVERIFY2(failed.first().at(1).toString().contains(u"own account"_s), qPrintable(failed.first().at(1).toString()));
        QCOMPARE(admin.state(), AgentClient::Online);

        // Enabled again: Dora can sign in.
        agents.setDisabled(int(doraId), false);
        QTRY_VERIFY(!disabled(agents, int(doraId)) && rowOf(agents, int(doraId)) >= 0);
        QTRY_VERIFY(!disabled(watching, int(doraId)) && rowOf(watching, int(doraId)) >= 0);
        dora.login(m_server.httpUrl(u"/"_s), u"dora@shop.test"_s, u"dora's long password"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dora.state(), AgentClient::Online, 20'000);
    }

private:
    /// The agent messages @p visitor received, in order.
    static QStringList agentBodies(const JsonSocket &visitor)
    {
        QStringList bodies;
        for (const QJsonObject &frame : visitor.frames()) {
            if (frame.value(u"type"_s) == u"message"_s && frame[u"message"_s][u"author"_s] == u"agent"_s)
                bodies.append(frame[u"message"_s][u"body"_s].toString());
        }
        return bodies;
    }

    /// How many replies the outbox file at @p path holds (-1 if it cannot be read).
    static int repliesInFile(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        return int(QJsonDocument::fromJson(file.readAll())[u"replies"_s].toArray().size());
    }

    /// Creates an agent through an admin connection; returns its id.
    double createAgent(const QString &email, const QString &name, const QString &password)
    {
        TestHttp http;
        JsonSocket admin;
        if (!admin.open(m_server.wsUrl(u"/v1/agent"_s))
            || !admin.request({{u"type"_s, u"auth"_s}, {u"token"_s, http.loginAdmin(m_server)}}))
            return 0;
        const auto created
            = admin.request({{u"type"_s, u"create_agent"_s}, {u"email"_s, email}, {u"name"_s, name}, {u"password"_s, password}});
        return created ? created->value(u"agent"_s)[u"id"_s].toDouble() : 0;
    }

    TestServer m_server;
    QString m_backend; ///< the backend m_server runs on
};

QTEST_GUILESS_MAIN(ConsoleModelsTest)
#include "tst_consolemodels.moc"
