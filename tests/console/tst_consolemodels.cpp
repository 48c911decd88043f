// The console's models fed by a real Frontdesk server on an ephemeral port,
// each watched by QAbstractItemModelTester.
#include "agentclient.h"
#include "agentlistmodel.h"
#include "cannedresponsemodel.h"
#include "consoletesting.h"
#include "conversationlistmodel.h"
#include "messagelistmodel.h"
#include "useragent.h"
#include "visitorcontext.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QtTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class ConsoleModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(u"sqlite"_s, &error), qPrintable(error));
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
        ConversationListModel queue, mine, open;
        queue.setFilter(ConversationListModel::Queue);
        mine.setFilter(ConversationListModel::Mine);
        open.setFilter(ConversationListModel::Open);
        MessageListModel messages;
        AgentListModel agents;
        QAbstractItemModelTester t1(&queue, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&mine, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&open, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t4(&messages, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t5(&agents, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (ConversationListModel *model : {&queue, &mine, &open})
            model->setClient(&client);
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
        const QModelIndex row = queue.index(0);
        const int conversationId = row.data(ConversationListModel::ConversationIdRole).toInt();
        QCOMPARE(row.data(ConversationListModel::StatusRole).toString(), u"waiting"_s);
        QCOMPARE(row.data(ConversationListModel::LastMessageRole).toString(), u"Do you ship to Norway?"_s);
        QCOMPARE(row.data(ConversationListModel::UnreadRole).toInt(), 1);
        QTRY_COMPARE(queue.index(0).data(ConversationListModel::CurrentPageRole).toString(), u"Pricing"_s);
        QVERIFY(row.data(ConversationListModel::WaitSecondsRole).toLongLong() >= 0);
        // The wait time ticks while the visitor waits.
        QSignalSpy ticks(&queue, &QAbstractItemModel::dataChanged);
        QVERIFY(ticks.wait(2500));

        // Accept: the conversation leaves the queue and becomes mine.
        client.accept(conversationId);
        QTRY_COMPARE(queue.rowCount(), 0);
        QTRY_COMPARE(mine.rowCount(), 1);
        QCOMPARE(mine.index(0).data(ConversationListModel::AgentNameRole).toString().isEmpty(), false);
        QVERIFY(mine.index(0).data(ConversationListModel::IsMineRole).toBool());

        // Open it: history loads (visitor message + join line), reading marks it read.
        messages.setConversationId(conversationId);
        messages.setActive(true);
        QTRY_COMPARE(messages.rowCount(), 2);
        QCOMPARE(messages.index(0).data(MessageListModel::AuthorRole).toString(), u"visitor"_s);
        QCOMPARE(messages.index(1).data(MessageListModel::AuthorRole).toString(), u"system"_s);
        QTRY_COMPARE(mine.index(0).data(ConversationListModel::UnreadRole).toInt(), 0);

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
        context.setVisitorId(open.index(0).data(ConversationListModel::VisitorIdRole).toString());
        QTRY_VERIFY(context.isLoaded());
        QCOMPARE(context.currentPageTitle(), u"Pricing"_s);
        QCOMPARE(context.browser(), u"Chrome 120"_s);
        QCOMPARE(context.operatingSystem(), u"Windows 10/11"_s);
        QCOMPARE(context.referrer(), u"https://www.google.com/"_s);
        QCOMPARE(context.locale(), u"nb-NO"_s);
        visitor.send({{u"type"_s, u"page"_s}, {u"url"_s, u"https://shop.test/cart"_s}, {u"title"_s, u"Cart"_s}});
        QTRY_COMPARE(context.currentPageTitle(), u"Cart"_s);
        QTRY_COMPARE(open.index(0).data(ConversationListModel::CurrentPageRole).toString(), u"Cart"_s);

        // Transcript.
        QVERIFY(messages.transcript().contains(u"Yes, we do."_s));

        // Close: it leaves every open list.
        client.close(conversationId);
        QTRY_COMPARE(open.rowCount(), 0);
        QCOMPARE(mine.rowCount(), 0);
        QTRY_VERIFY(messages.rowCount() >= 4);
    }

    // A reply written while the connection is down waits in the outbox and goes
    // out, once, after the reconnect.
    void outboxSurvivesReconnect()
    {
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);

        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        QSignalSpy created(&client, &AgentClient::conversationCreated);
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-2"_s}, {u"body"_s, u"Hello?"_s}});
        QVERIFY(created.wait());
        const int conversationId = created.first().first().toJsonObject().value(u"id"_s).toInt();

        QString error;
        QVERIFY2(m_server.restart(&error), qPrintable(error));
        QTRY_VERIFY(client.state() != AgentClient::Online);
        const QString clientId = client.reply(conversationId, u"Sorry for the wait!"_s);
        QVERIFY(!clientId.isEmpty());
        QCOMPARE(client.pendingReplies(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 30'000);
        QTRY_COMPARE(client.pendingReplies(), 0);
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

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(ConsoleModelsTest)
#include "tst_consolemodels.moc"
