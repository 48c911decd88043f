// The whole console, offscreen, against a real server with a waiting visitor:
// sign in, see the queue, take the chat with Ctrl+N, type a reply and press
// Enter, and check that the visitor got it. Saves the screenshots the README
// shows (docs/screenshots/console-*.png).
#include "agentclient.h"
#include "consolesettings.h"
#include "consoleshell.h"
#include "consoletesting.h"
#include "core/webhookrecords.h"
#include "notifier.h"
#include "sessioncontroller.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(Frontdesk_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(Frontdesk_ClientPlugin)

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class ConsoleGuiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QQuickStyle::setStyle(u"Material"_s);
        QString error;
        QVERIFY2(m_server.start(u"sqlite"_s, &error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void firstRunWizardHostsAServer()
    {
        // A fresh install: no settings, no database. The wizard asks, the
        // console starts its own server and signs in as the agent it made.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        ConsoleSettings settings(m_dir.filePath(u"wizard.conf"_s), nullptr);
        QVERIFY(!settings.configured());
        ServerConfig base;
        base.database.kind = DatabaseConfig::Kind::Sqlite;
        base.database.sqlitePath = m_dir.filePath(u"host.sqlite"_s);
        AgentClient client(u"frontdesk-test-wizard"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        notifier.setEnabled(false);
        SessionController session(&client, &settings, base);
        ConsoleTesting::ConsoleShell shell(&client, &session, &settings, &notifier);

        QQmlApplicationEngine engine;
        engine.setInitialProperties({{u"client"_s, QVariant::fromValue(&client)},
                                     {u"settings"_s, QVariant::fromValue(&settings)},
                                     {u"notifier"_s, QVariant::fromValue(&notifier)},
                                     {u"session"_s, QVariant::fromValue(&session)},
                                     {u"lifecycle"_s, QVariant::fromValue(&shell.lifecycle)}});
        engine.load(QUrl(u"qrc:/Frontdesk/Console/Main.qml"_s));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        window->resize(1360, 820);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        session.start();
        QTRY_COMPARE(session.phase(), SessionController::Setup);
        QTRY_VERIFY(window->findChild<QQuickItem *>(u"hostEmail"_s));
        save(window, u"console-wizard"_s);

        // What the wizard's last page sends.
        session.finishHostSetup(u"Anna"_s, u"anna@bakery.test"_s, u"anna's long password"_s, u"Anna's Bakery"_s,
                                u"https://bakery.test"_s, u"127.0.0.1"_s, port);
        QTRY_COMPARE_WITH_TIMEOUT(session.phase(), SessionController::Console, 30'000);
        QVERIFY(settings.configured());
        QCOMPARE(settings.mode(), u"host"_s);

        // The in-process server really serves visitors on the chosen port, with the site the wizard named.
        QTRY_VERIFY_WITH_TIMEOUT(client.site().contains(u"siteKey"_s), 10'000);
        const QString siteKey = client.site().value(u"siteKey"_s).toString();
        QCOMPARE(client.site().value(u"name"_s).toString(), u"Anna's Bakery"_s);
        JsonSocket visitor;
        QVERIFY(visitor.open(QUrl(u"ws://127.0.0.1:%1/v1/visitor?site=%2"_s.arg(port).arg(siteKey)), "https://bakery.test"));
        QVERIFY(visitor.request({{u"type"_s, u"hello"_s}}));
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"b-1"_s}, {u"body"_s, u"Do you have sourdough today?"_s}});
        QVERIFY(visitor.waitForType(u"ack"_s));
        auto *list = window->findChild<QQuickItem *>(u"conversationList"_s);
        QVERIFY(list);
        QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), 1, 10'000);
        QTRY_COMPARE(notifier.waitingCount(), 1);
        save(window, u"console-first-visitor"_s);

        // Settings → Email in host mode: a mail server typed in, then "Use
        // these settings now"; the line under the button says what the running
        // server sends through (tst_hostmail sends an email that way).
        auto *consoleView = window->findChild<QQuickItem *>(u"consoleView"_s);
        QVERIFY(consoleView);
        consoleView->setProperty("settingsOpen", true);
        consoleView->setProperty("settingsTab", 9);
        auto *apply = window->findChild<QQuickItem *>(u"applySmtpButton"_s);
        QTRY_VERIFY(apply && apply->isVisible());
        QVERIFY(apply->property("enabled").toBool()); // no SMTP server is a valid choice: no email
        settings.setSmtpUrl(u"smtp://smtp.bakery.test:587"_s);
        QTRY_VERIFY(!apply->property("enabled").toBool()); // a From is needed first
        settings.setSmtpUser(u"chat@bakery.test"_s);
        settings.setSmtpFrom(u"Anna's Bakery <chat@bakery.test>"_s);
        QTRY_VERIFY(apply->property("enabled").toBool());
        QCOMPARE(session.smtpInUse(), QString());
        QVERIFY(QMetaObject::invokeMethod(apply, "clicked"));
        QTRY_COMPARE_WITH_TIMEOUT(session.smtpInUse(), u"smtp://smtp.bakery.test:587 as chat@bakery.test"_s, 10'000);
        QTRY_VERIFY(client.mailEnabled());
        QTest::qWait(300);
        save(window, u"console-settings-email"_s);
        consoleView->setProperty("settingsOpen", false);
    }

    void answerAVisitor()
    {
        // A visitor with a name, on the pricing page, asks a question.
        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/products/oak-table"_s, u"Oak dining table"_s));
        visitor.send(
            {{u"type"_s, u"page"_s}, {u"url"_s, u"https://shop.test/shipping"_s}, {u"title"_s, u"Shipping & returns"_s}});
        visitor.send({{u"type"_s, u"page"_s}, {u"url"_s, u"https://shop.test/cart"_s}, {u"title"_s, u"Your cart"_s}});
        visitor.send({{u"type"_s, u"profile"_s}, {u"name"_s, u"Maria Jensen"_s}, {u"email"_s, u"maria@example.no"_s}});
        visitor.send({{u"type"_s, u"attributes"_s}, {u"attributes"_s, QJsonObject{{u"timezone"_s, u"Europe/Oslo"_s}}}});
        visitor.send({{u"type"_s, u"message"_s},
                      {u"clientId"_s, u"v-1"_s},
                      {u"body"_s, u"Hi! Do you ship the oak table to Norway, and how long does it take?"_s}});
        QVERIFY(visitor.waitForType(u"ack"_s));
        // A second visitor waits too, so the queue shows more than one.
        JsonSocket second;
        QVERIFY(ConsoleTesting::openVisitor(second, m_server, u"https://shop.test/"_s, u"Home"_s));
        second.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"w-1"_s}, {u"body"_s, u"Are you open on Sunday?"_s}});
        QVERIFY(second.waitForType(u"ack"_s));

        ConsoleSettings settings(m_dir.filePath(u"console.conf"_s), nullptr);
        settings.setConfigured(true);
        settings.setMode(u"remote"_s);
        settings.setServerUrl(m_server.httpUrl(u"/"_s).toString());
        settings.setEmail(TestServer::adminEmail);
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        notifier.setEnabled(false);
        SessionController session(&client, &settings, m_server.config());
        ConsoleTesting::ConsoleShell shell(&client, &session, &settings, &notifier);

        QQmlApplicationEngine engine;
        engine.setInitialProperties({{u"client"_s, QVariant::fromValue(&client)},
                                     {u"settings"_s, QVariant::fromValue(&settings)},
                                     {u"notifier"_s, QVariant::fromValue(&notifier)},
                                     {u"session"_s, QVariant::fromValue(&session)},
                                     {u"lifecycle"_s, QVariant::fromValue(&shell.lifecycle)}});
        engine.load(QUrl(u"qrc:/Frontdesk/Console/Main.qml"_s));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        window->resize(1360, 820);
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // No token in the keyring yet: the sign-in page.
        session.start();
        QTRY_COMPARE(session.phase(), SessionController::SignIn);
        save(window, u"console-signin"_s);
        session.signIn(TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(session.phase(), SessionController::Console, 20'000);

        auto *consoleView = window->findChild<QQuickItem *>(u"consoleView"_s);
        QVERIFY(consoleView);
        auto *list = window->findChild<QQuickItem *>(u"conversationList"_s);
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 2);
        QTRY_COMPARE(notifier.waitingCount(), 2);
        QTRY_VERIFY(window->title().startsWith(u"(2)"_s));
        QTest::qWait(1500); // the current pages arrive, the wait time ticks
        save(window, u"console-queue"_s);

        // Ctrl+N takes the visitor who has waited longest and opens the chat.
        window->requestActivate();
        QTest::keyClick(window, Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE(consoleView->property("currentConversationId").toInt() > 0, true);
        QTRY_COMPARE(consoleView->property("current").value<QObject *>()->property("status").toString(), u"active"_s);
        QTRY_COMPARE(consoleView->property("section").toInt(), 1);
        QCOMPARE(notifier.waitingCount(), 1);

        // Type the reply in the composer and press Enter.
        auto *input = window->findChild<QQuickItem *>(u"composerInput"_s);
        QVERIFY(input);
        input->forceActiveFocus();
        QTRY_VERIFY(input->hasActiveFocus());
        const QString answer = u"Hi Maria! Yes, we ship to Norway. The oak table arrives in 5–7 working days."_s;
        typeText(window, answer);
        QCOMPARE(input->property("text").toString(), answer);
        QTest::keyClick(window, Qt::Key_Return);
        QTRY_COMPARE(input->property("text").toString(), QString());

        // The visitor received it.
        const auto received = visitor.waitFor([](const QJsonObject &frame) {
            return frame.value(u"type"_s) == u"message"_s
                && frame.value(u"message"_s).toObject().value(u"author"_s) == u"agent"_s;
        });
        QVERIFY(received);
        const QJsonObject reply = received->value(u"message"_s).toObject();
        QCOMPARE(reply.value(u"body"_s).toString(), answer);
        QCOMPARE(reply.value(u"authorName"_s).toString().isEmpty(), false);

        // The visitor reads it, answers, and starts typing again.
        visitor.send({{u"type"_s, u"read"_s}, {u"messageId"_s, reply.value(u"id"_s)}});
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-2"_s}, {u"body"_s, u"Great, and is delivery free?"_s}});
        QVERIFY(visitor.waitForType(u"ack"_s));
        visitor.send({{u"type"_s, u"typing"_s}, {u"active"_s, true}});
        auto *messages = window->findChild<QQuickItem *>(u"messageList"_s);
        QVERIFY(messages);
        QTRY_COMPARE(messages->property("count").toInt(), 4);
        typeText(window, u"Free above 5 000 kr — yours qualifies"_s);
        QTest::qWait(800);
        save(window, u"console-chat"_s);
        auto *panel = window->findChild<QQuickItem *>(u"visitorPanel"_s);
        QVERIFY(panel);
        QTRY_VERIFY(panel->findChild<QQuickItem *>(u"visitorName"_s));
        save(window, u"console-visitor"_s, panel);

        // Settings: the widget designer and the snippet.
        consoleView->setProperty("settingsOpen", true);
        consoleView->setProperty("settingsTab", 0);
        QTest::qWait(600);
        save(window, u"console-settings"_s);
        consoleView->setProperty("settingsTab", 1);
        auto *snippet = window->findChild<QQuickItem *>(u"snippetText"_s);
        QVERIFY(snippet);
        QTRY_VERIFY(snippet->property("text").toString().contains(m_server.siteKey()));
        QVERIFY(snippet->property("text").toString().contains(m_server.httpUrl(u"/widget.js"_s).toString()));
        // Behind a proxy the snippet names the public address instead; one that
        // is not http(s) is refused with a line that says so.
        auto *publicUrl = window->findChild<QQuickItem *>(u"publicUrlField"_s);
        auto *usePublicUrl = window->findChild<QQuickItem *>(u"savePublicUrlButton"_s);
        QVERIFY(publicUrl && usePublicUrl);
        const auto useAddress = [&](const QString &address) {
            publicUrl->setProperty("text", address);
            // The button may lie below the scrolled page: its signal, as a click would.
            QVERIFY(QMetaObject::invokeMethod(usePublicUrl, "clicked"));
        };
        useAddress(u"ftp://chat.shop.test"_s);
        QTest::qWait(200);
        QVERIFY(snippet->property("text").toString().contains(m_server.httpUrl(u"/widget.js"_s).toString()));
        useAddress(u"https://chat.shop.test/"_s);
        QTRY_VERIFY2(
            snippet->property("text").toString().contains(u"src=\"https://chat.shop.test/widget.js\""_s),
            qPrintable(snippet->property("text").toString() + u" / "_s + client.publicUrl() + u" / "_s + settings.publicUrl()));
        QTest::qWait(300);
        save(window, u"console-snippet"_s);

        // The team: a colleague, and one whose account an admin disabled.
        JsonSocket admin;
        QVERIFY(admin.open(m_server.wsUrl(u"/v1/agent"_s)));
        QVERIFY(
            admin.request({{u"type"_s, u"auth"_s}, {u"token"_s, login(TestServer::adminEmail, TestServer::adminPassword, {})}}));
        QVERIFY(admin.request({{u"type"_s, u"create_agent"_s},
                               {u"email"_s, u"lena@shop.test"_s},
                               {u"name"_s, u"Lena Berg"_s},
                               {u"password"_s, u"lena's long password"_s}}));
        const auto bob = admin.request({{u"type"_s, u"create_agent"_s},
                                        {u"email"_s, u"bob@shop.test"_s},
                                        {u"name"_s, u"Bob Olsen"_s},
                                        {u"password"_s, u"bob's long password"_s}});
        QVERIFY(bob && bob->contains(u"agent"_s));
        const int bobId = bob->value(u"agent"_s)[u"id"_s].toInt();
        QVERIFY(admin.request({{u"type"_s, u"logout"_s}})); // only the sessions below in the list
        consoleView->setProperty("settingsTab", 3);
        // The Disable button asks first, naming the agent.
        QQuickItem *bobRow = nullptr;
        QTRY_VERIFY((bobRow = agentRow(window, bobId)));
        auto *disableButton = findNamed(bobRow, u"disableAgentButton"_s);
        QVERIFY(disableButton && disableButton->isVisible());
        QTest::qWait(300);
        QTest::mouseClick(window, Qt::LeftButton, {},
                          disableButton->mapToScene(disableButton->boundingRect().center()).toPoint());
        auto *disableDialog = window->findChild<QObject *>(u"disableAgentDialog"_s);
        QVERIFY(disableDialog);
        QTRY_VERIFY(disableDialog->property("opened").toBool());
        QCOMPARE(disableDialog->property("title").toString(), u"Disable Bob Olsen?"_s);
        QTest::qWait(300);
        save(window, u"console-disable-agent"_s);
        auto *confirm = window->findChild<QQuickItem *>(u"confirmDisableButton"_s);
        QVERIFY(confirm);
        QTest::mouseClick(window, Qt::LeftButton, {}, confirm->mapToScene(confirm->boundingRect().center()).toPoint());
        QTRY_VERIFY(agentRow(window, bobId) && findNamed(agentRow(window, bobId), u"disabledTag"_s)
                    && findNamed(agentRow(window, bobId), u"disabledTag"_s)->isVisible());
        QTRY_VERIFY(findNamed(agentRow(window, bobId), u"enableAgentButton"_s)->isVisible());
        QTest::qWait(400);
        save(window, u"console-team"_s);

        // Sites: a second one added from the Sites tab becomes the one the
        // settings show, with a switcher; its chats name it in the lists;
        // deleting it asks for its key typed back.
        const auto click = [window](QQuickItem *item) {
            QTest::mouseClick(window, Qt::LeftButton, {}, item->mapToScene(item->boundingRect().center()).toPoint());
        };
        const auto visibleNamed = [window](const QString &name) {
            return findItem(window->contentItem(),
                            [&name](QQuickItem *item) { return item->objectName() == name && item->isVisible(); });
        };
        consoleView->setProperty("settingsTab", 2);
        auto *siteList = window->findChild<QQuickItem *>(u"siteList"_s);
        QVERIFY(siteList);
        QTRY_COMPARE(siteList->property("count").toInt(), 1);
        QVERIFY(!visibleNamed(u"siteSwitcher"_s)); // one site: nothing to switch
        auto *newSiteName = window->findChild<QQuickItem *>(u"newSiteName"_s);
        auto *addSite = window->findChild<QQuickItem *>(u"addSiteButton"_s);
        QVERIFY(newSiteName && addSite);
        QVERIFY(!addSite->isEnabled());
        newSiteName->forceActiveFocus();
        typeText(window, u"Anna's Outlet"_s);
        QTRY_VERIFY(addSite->isEnabled());
        click(addSite);
        QTRY_COMPARE(siteList->property("count").toInt(), 2);
        QTRY_COMPARE(client.site().value(u"name"_s).toString(), u"Anna's Outlet"_s);
        const QString outletKey = client.site().value(u"siteKey"_s).toString();
        QTest::qWait(400);
        save(window, u"console-sites"_s);
        consoleView->setProperty("settingsTab", 1);
        QTRY_VERIFY(visibleNamed(u"siteSwitcher"_s));
        QTRY_VERIFY(snippet->property("text").toString().contains(outletKey));
        // The first site again, chosen in the switcher as an agent would.
        QVERIFY(QMetaObject::invokeMethod(visibleNamed(u"siteSwitcher"_s), "activated", Q_ARG(int, 0)));
        QTRY_VERIFY(snippet->property("text").toString().contains(m_server.siteKey()));
        QCOMPARE(client.site().value(u"siteKey"_s).toString(), m_server.siteKey());

        consoleView->setProperty("settingsTab", 2);
        QQuickItem *outletRow = nullptr;
        QTRY_VERIFY((outletRow = findItem(siteList, [&outletKey](QQuickItem *item) {
                         return item->objectName() == u"siteRow"_s
                             && item->property("modelData").toMap().value(u"siteKey"_s).toString() == outletKey;
                     })));
        auto *deleteSite = findNamed(outletRow, u"deleteSiteButton"_s);
        QVERIFY(deleteSite && deleteSite->isVisible() && deleteSite->isEnabled());
        click(deleteSite);
        auto *deleteDialog = window->findChild<QObject *>(u"deleteSiteDialog"_s);
        QVERIFY(deleteDialog);
        QTRY_VERIFY(deleteDialog->property("opened").toBool());
        QCOMPARE(deleteDialog->property("title").toString(), u"Delete Anna's Outlet?"_s);
        auto *confirmDelete = window->findChild<QQuickItem *>(u"confirmDeleteSiteButton"_s);
        auto *confirmKey = window->findChild<QQuickItem *>(u"confirmSiteKey"_s);
        QVERIFY(confirmDelete && confirmKey);
        QVERIFY(!confirmDelete->isEnabled());
        confirmKey->forceActiveFocus();
        typeText(window, outletKey);
        QTRY_VERIFY(confirmDelete->isEnabled());
        QTest::qWait(300);
        save(window, u"console-delete-site"_s);
        click(confirmDelete);
        QTRY_COMPARE(siteList->property("count").toInt(), 1);
        QCOMPARE(client.sites().size(), 1);

        // Your sessions: this console, a browser on another computer, a phone.
        login(TestServer::adminEmail, TestServer::adminPassword,
              "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0");
        login(TestServer::adminEmail, TestServer::adminPassword,
              "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
              "Version/17.1 Mobile/15E148 Safari/604.1");
        consoleView->setProperty("settingsTab", 8);
        auto *sessionList = window->findChild<QQuickItem *>(u"sessionList"_s);
        QVERIFY(sessionList);
        QTRY_COMPARE(sessionList->property("count").toInt(), 3);
        QTest::qWait(400);
        save(window, u"console-sessions"_s);
        // Sign out the phone from here: it leaves the list.
        QQuickItem *endButton = nullptr;
        QTRY_VERIFY((endButton = findItem(sessionList, [](QQuickItem *item) {
                         return item->objectName() == u"endSessionButton"_s && item->isVisible();
                     })));
        QTest::mouseClick(window, Qt::LeftButton, {}, endButton->mapToScene(endButton->boundingRect().center()).toPoint());
        QTRY_COMPARE(sessionList->property("count").toInt(), 2);
        auto *everywhere = window->findChild<QQuickItem *>(u"endOtherSessionsButton"_s);
        QVERIFY(everywhere && everywhere->isEnabled());
        QTest::mouseClick(window, Qt::LeftButton, {}, everywhere->mapToScene(everywhere->boundingRect().center()).toPoint());
        QTRY_COMPARE(sessionList->property("count").toInt(), 1);
        QTRY_VERIFY(!everywhere->isEnabled());
        QCOMPARE(client.state(), AgentClient::Online);
        QTest::qWait(300);
        save(window, u"console-sessions-alone"_s);
        consoleView->setProperty("settingsOpen", false);

        // A reply the server refuses (the chat was closed a moment before it
        // arrived) stays in the chat, marked, with the reason, Retry and Discard.
        const int conversationId = consoleView->property("currentConversationId").toInt();
        QVERIFY(conversationId > 0);
        QSignalSpy updated(&client, &AgentClient::conversationUpdated);
        client.close(conversationId);
        QTRY_VERIFY(std::any_of(updated.cbegin(), updated.cend(), [](const QList<QVariant> &event) {
            return event.at(0).value<ConversationView>().conversation.status == ConversationStatus::Closed;
        }));
        const int rowsBefore = messages->property("count").toInt();
        QSignalSpy refused(&client, &AgentClient::replyFailed);
        client.reply(conversationId, u"One more thing: the table needs two people to carry."_s);
        QVERIFY(refused.wait());
        QTRY_COMPARE(messages->property("count").toInt(), rowsBefore + 1);
        QQuickItem *discard = nullptr;
        QTRY_VERIFY((discard = findItem(window->contentItem(), [](QQuickItem *item) {
                         return item->objectName() == u"discardReplyButton"_s && item->isVisible();
                     })));
        auto *reason = findItem(window->contentItem(),
                                [](QQuickItem *item) { return item->objectName() == u"failureReason"_s && item->isVisible(); });
        QVERIFY(reason);
        QCOMPARE(reason->property("text").toString(), refused.first().at(2).toString());
        QTest::qWait(400);
        save(window, u"console-reply-failed"_s);
        QTest::mouseClick(window, Qt::LeftButton, {}, discard->mapToScene(discard->boundingRect().center()).toPoint());
        QTRY_COMPARE(messages->property("count").toInt(), rowsBefore);
        QCOMPARE(client.failedReplies(), 0);
    }

    // Settings → Webhooks as an admin: an endpoint that nobody answers (a
    // closed loopback port) and one that accepts, added from the form; a
    // visitor's chat makes deliveries; a switch turns one off; its delivery log
    // shows the refused attempts, and Resend tries again. Then a new secret and
    // a delete, each after its confirmation.
    void webhooksTab()
    {
        // Nothing listens here: every attempt is a refused connection.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString closedUrl = u"http://127.0.0.1:%1/hooks/frontdesk"_s.arg(probe.serverPort());
        probe.close();
        // A receiver that takes everything with 204 once the whole request is in.
        QTcpServer receiver;
        QVERIFY(receiver.listen(QHostAddress::LocalHost, 0));
        int received = 0;
        connect(&receiver, &QTcpServer::newConnection, &receiver, [&receiver, &received] {
            while (QTcpSocket *socket = receiver.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, &received] {
                    buffer->append(socket->readAll());
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    qsizetype length = 0;
                    for (const QByteArray &line : buffer->left(end).split('\n')) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    }
                    if (buffer->size() < end + 4 + length)
                        return;
                    ++received;
                    buffer->clear();
                    socket->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
        const QString receiverUrl = u"http://127.0.0.1:%1/frontdesk/events"_s.arg(receiver.serverPort());

        ConsoleSettings settings(m_dir.filePath(u"webhooks.conf"_s), nullptr);
        settings.setConfigured(true);
        settings.setMode(u"remote"_s);
        settings.setServerUrl(m_server.httpUrl(u"/"_s).toString());
        settings.setEmail(TestServer::adminEmail);
        AgentClient client(u"frontdesk-test-webhooks"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        notifier.setEnabled(false);
        SessionController session(&client, &settings, m_server.config());
        ConsoleTesting::ConsoleShell shell(&client, &session, &settings, &notifier);
        QQmlApplicationEngine engine;
        engine.setInitialProperties({{u"client"_s, QVariant::fromValue(&client)},
                                     {u"settings"_s, QVariant::fromValue(&settings)},
                                     {u"notifier"_s, QVariant::fromValue(&notifier)},
                                     {u"session"_s, QVariant::fromValue(&session)},
                                     {u"lifecycle"_s, QVariant::fromValue(&shell.lifecycle)}});
        engine.load(QUrl(u"qrc:/Frontdesk/Console/Main.qml"_s));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        window->resize(1360, 820);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        session.start();
        QTRY_COMPARE(session.phase(), SessionController::SignIn);
        session.signIn(TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(session.phase(), SessionController::Console, 20'000);
        QTRY_VERIFY(client.isAdmin());

        const auto click = [window](QQuickItem *item) {
            QVERIFY(item);
            QTest::mouseClick(window, Qt::LeftButton, {}, item->mapToScene(item->boundingRect().center()).toPoint());
        };
        const auto visibleIn = [](QQuickItem *root, const QString &name) {
            return findItem(root, [&name](QQuickItem *item) { return item->objectName() == name && item->isVisible(); });
        };
        auto *consoleView = window->findChild<QQuickItem *>(u"consoleView"_s);
        QVERIFY(consoleView);
        consoleView->setProperty("settingsOpen", true);
        consoleView->setProperty("settingsTab", 10); // the last tab
        auto *tab = window->findChild<QQuickItem *>(u"webhooksTab"_s);
        QVERIFY(tab);
        QTRY_VERIFY(tab->isVisible());
        auto *list = window->findChild<QQuickItem *>(u"webhookList"_s);
        QVERIFY(list);
        QTRY_VERIFY(!visibleIn(tab, u"webhooksAdminOnly"_s));
        QCOMPARE(list->property("count").toInt(), 0);

        auto *form = visibleIn(tab, u"addWebhookForm"_s);
        QVERIFY(form);
        auto *urlField = visibleIn(form, u"webhookUrlField"_s);
        auto *descriptionField = visibleIn(form, u"webhookDescriptionField"_s);
        auto *add = visibleIn(form, u"addWebhookButton"_s);
        QVERIFY(urlField && descriptionField && add);
        QVERIFY(!add->isEnabled()); // nothing typed yet

        // No scheme: the form says so and nothing is sent.
        urlField->forceActiveFocus();
        typeText(window, u"crm.shop.test/hook"_s);
        QTRY_VERIFY(add->isEnabled());
        click(add);
        QQuickItem *createError = nullptr;
        QTRY_VERIFY((createError = visibleIn(form, u"webhookCreateError"_s)));
        QCOMPARE(createError->property("text").toString(), u"The address must start with http:// or https://."_s);
        QCOMPARE(list->property("count").toInt(), 0);

        // The closed port, every event but ratings, with a note.
        urlField->setProperty("text", QString());
        urlField->forceActiveFocus();
        typeText(window, closedUrl);
        descriptionField->forceActiveFocus();
        typeText(window, u"CRM sync (staging)"_s);
        auto *rated = visibleIn(form, u"webhookEvent_conversation.rated"_s);
        QVERIFY(rated && rated->property("checked").toBool());
        click(rated);
        QTRY_VERIFY(!rated->property("checked").toBool());
        click(add);
        QTRY_COMPARE(list->property("count").toInt(), 1);
        QTRY_COMPARE(urlField->property("text").toString(), QString()); // the form starts over
        QVERIFY(!visibleIn(form, u"webhookCreateError"_s));
        QVERIFY(rated->property("checked").toBool());
        // The receiver, visitor messages only.
        urlField->forceActiveFocus();
        typeText(window, receiverUrl);
        for (const QString &type : WebhookEvents::all()) {
            if (type != WebhookEvents::messageVisitor)
                click(visibleIn(form, u"webhookEvent_"_s + type));
        }
        click(add);
        QTRY_COMPARE(list->property("count").toInt(), 2);

        const auto rowOf = [tab](const QString &url) {
            return findItem(tab, [&url](QQuickItem *item) {
                return item->objectName() == u"webhookRow"_s && item->property("url").toString() == url;
            });
        };
        QQuickItem *closedRow = rowOf(closedUrl);
        QQuickItem *receiverRow = rowOf(receiverUrl);
        QVERIFY(closedRow && receiverRow);
        QCOMPARE(findNamed(closedRow, u"webhookEvents"_s)->property("text").toString(),
                 u"Events: New chat, Chat accepted, Chat transferred, Chat closed, Visitor message, Agent reply"_s);
        QCOMPARE(findNamed(receiverRow, u"webhookEvents"_s)->property("text").toString(), u"Events: Visitor message"_s);
        QCOMPARE(findNamed(closedRow, u"webhookStatus"_s)->property("text").toString(), u"No deliveries yet"_s);

        // A visitor starts a chat: a new chat and a message for the first endpoint, the message for the second.
        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/contact"_s, u"Contact"_s));
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"wh-1"_s}, {u"body"_s, u"Can I change my order?"_s}});
        QVERIFY(visitor.waitForType(u"ack"_s));
        QTRY_COMPARE_WITH_TIMEOUT(received, 1, 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(findNamed(receiverRow, u"webhookStatus"_s)->property("text").toString(),
                                  u"Delivered just now"_s, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(
            findNamed(closedRow, u"webhookStatus"_s)->property("text").toString().contains(u" waiting, last failure: "_s),
            15'000);

        // Off: the switch, and the server says so too.
        auto *enabledSwitch = visibleIn(closedRow, u"webhookEnabledSwitch"_s);
        QVERIFY(enabledSwitch && enabledSwitch->property("checked").toBool());
        click(enabledSwitch);
        QTRY_VERIFY(!enabledSwitch->property("checked").toBool());
        QTRY_VERIFY(!closedRow->property("isEnabled").toBool());
        QTRY_VERIFY(!closedRow->property("busy").toBool());
        QVERIFY(!visibleIn(closedRow, u"webhookRowError"_s));
        JsonSocket admin;
        QVERIFY(admin.open(m_server.wsUrl(u"/v1/agent"_s)));
        QVERIFY(
            admin.request({{u"type"_s, u"auth"_s}, {u"token"_s, login(TestServer::adminEmail, TestServer::adminPassword, {})}}));
        const auto listed = admin.request({{u"type"_s, u"list_webhooks"_s}, {u"siteId"_s, client.currentSiteId()}});
        QVERIFY(listed);
        const QJsonArray hooks = listed->value(u"webhooks"_s).toArray();
        QCOMPARE(hooks.size(), 2);
        for (const QJsonValue &hook : hooks) {
            const QJsonObject webhook = hook.toObject();
            QCOMPARE(webhook.value(u"enabled"_s).toBool(), webhook.value(u"url"_s).toString() == receiverUrl);
            if (webhook.value(u"url"_s).toString() == closedUrl) {
                QCOMPARE(webhook.value(u"description"_s).toString(), u"CRM sync (staging)"_s);
                QCOMPARE(webhook.value(u"events"_s).toArray().size(), int(WebhookEvents::all().size()) - 1);
            }
        }
        QVERIFY(admin.request({{u"type"_s, u"logout"_s}}));

        // The secret, shown on request.
        click(visibleIn(receiverRow, u"webhookShowSecretButton"_s));
        QQuickItem *secret = nullptr;
        QTRY_VERIFY((secret = visibleIn(receiverRow, u"webhookSecretText"_s)));
        const QString firstSecret = secret->property("text").toString();
        QVERIFY2(firstSecret.startsWith(u"whsec_"_s), qPrintable(firstSecret));
        QVERIFY(visibleIn(receiverRow, u"webhookCopySecretButton"_s));
        QTest::qWait(400);
        save(window, u"console-settings-webhooks"_s);

        // The first endpoint's log: its deliveries wait (the later ones behind the first), the first
        // refused; while the endpoint is off they are held, and the log says so.
        click(visibleIn(closedRow, u"webhookDeliveriesButton"_s));
        auto *deliveriesDialog = window->findChild<QObject *>(u"webhookDeliveriesDialog"_s);
        QVERIFY(deliveriesDialog);
        QTRY_VERIFY(deliveriesDialog->property("opened").toBool());
        QVERIFY(deliveriesDialog->property("title").toString().endsWith(closedUrl));
        auto *deliveryList = window->findChild<QQuickItem *>(u"webhookDeliveryList"_s);
        QVERIFY(deliveryList);
        QTRY_VERIFY(deliveryList->property("count").toInt() >= 1);
        auto *offHint = window->findChild<QQuickItem *>(u"webhookDeliveriesOffHint"_s);
        QVERIFY(offHint && offHint->isVisible());
        QQuickItem *failedRow = nullptr;
        QTRY_VERIFY((failedRow = findItem(deliveryList, [](QQuickItem *item) {
                         return item->objectName() == u"webhookDeliveryRow"_s && item->property("error").toString() != QString();
                     })));
        QVERIFY2(failedRow->property("statusText").toString().startsWith(u"Waiting, retry at "_s),
                 qPrintable(failedRow->property("statusText").toString()));
        QCOMPARE(failedRow->property("statusCodeText").toString(), u"No answer"_s);
        QCOMPARE(failedRow->property("eventName").toString(), u"New chat"_s);
        const QString firstError = failedRow->property("error").toString();
        QTest::qWait(400);
        // For review only (docs/ keeps the list): the delivery log.
        QVERIFY(window->grabWindow().save(
            QDir(QCoreApplication::applicationDirPath()).filePath(u"console-settings-webhook-log.png"_s)));
        // Resend: due now, and held while the endpoint is off; no sentence under the button.
        click(visibleIn(failedRow, u"webhookResendButton"_s));
        QTRY_VERIFY(!failedRow->property("resending").toBool());
        QCOMPARE(failedRow->property("resendError").toString(), QString());
        QTRY_COMPARE(failedRow->property("statusText").toString(), u"Waiting"_s);
        QCOMPARE(failedRow->property("error").toString(), firstError);
        click(window->findChild<QQuickItem *>(u"closeWebhookDeliveriesButton"_s));
        // Closed for good (its exit transition over), or its modal overlay takes the next click.
        QTRY_VERIFY(!deliveriesDialog->property("visible").toBool());

        // On again: what waited goes out, and is refused again.
        click(enabledSwitch);
        QTRY_VERIFY(closedRow->property("isEnabled").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(
            findNamed(closedRow, u"webhookStatus"_s)->property("text").toString().contains(u" waiting, last failure: "_s),
            15'000);

        // A new secret, after its question; the one shown follows.
        click(visibleIn(receiverRow, u"webhookRotateButton"_s));
        auto *rotateDialog = window->findChild<QObject *>(u"rotateWebhookDialog"_s);
        QVERIFY(rotateDialog);
        QTRY_VERIFY(rotateDialog->property("opened").toBool());
        QQuickItem *confirmRotate = nullptr;
        QTRY_VERIFY((confirmRotate = window->findChild<QQuickItem *>(u"confirmRotateWebhookButton"_s))
                    && confirmRotate->isVisible());
        QTest::qWait(300); // the dialog's opening transition
        click(confirmRotate);
        QTRY_VERIFY(secret->property("text").toString() != firstSecret);
        QVERIFY(secret->property("text").toString().startsWith(u"whsec_"_s));
        QTRY_VERIFY(!rotateDialog->property("visible").toBool());

        // Delete, after its question.
        click(visibleIn(receiverRow, u"webhookDeleteButton"_s));
        auto *deleteDialog = window->findChild<QObject *>(u"deleteWebhookDialog"_s);
        QVERIFY(deleteDialog);
        QTRY_VERIFY(deleteDialog->property("opened").toBool());
        QQuickItem *confirmDelete = nullptr;
        QTRY_VERIFY((confirmDelete = window->findChild<QQuickItem *>(u"confirmDeleteWebhookButton"_s))
                    && confirmDelete->isVisible());
        QTest::qWait(300);
        click(confirmDelete);
        QTRY_COMPARE(list->property("count").toInt(), 1);
        QVERIFY(rowOf(closedUrl));
        consoleView->setProperty("settingsOpen", false);
    }

private:
    // QTest::keyClicks takes only widgets in Qt 6.4: type into the window key by key.
    static void typeText(QQuickWindow *window, const QString &text)
    {
        for (const QChar c : text)
            QTest::sendKeyEvent(QTest::Click, window, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }

    /// Signs in over HTTP with @p userAgent (a session on "another computer"); returns the token.
    QString login(const QString &email, const QString &password, const QByteArray &userAgent)
    {
        TestHttp http;
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
        if (!userAgent.isEmpty())
            headers.append({"User-Agent", userAgent});
        const HttpAnswer answer = http.post(
            m_server.httpUrl(u"/v1/agent/login"_s),
            QJsonDocument(QJsonObject{{u"email"_s, email}, {u"password"_s, password}}).toJson(QJsonDocument::Compact), headers);
        return answer.json.value(u"token"_s).toString();
    }

    static QQuickItem *findItem(QQuickItem *root, const std::function<bool(QQuickItem *)> &match)
    {
        if (match(root))
            return root;
        for (QQuickItem *child : root->childItems()) {
            if (QQuickItem *found = findItem(child, match))
                return found;
        }
        return nullptr;
    }
    static QQuickItem *findNamed(QQuickItem *root, const QString &name)
    {
        return root ? findItem(root, [&name](QQuickItem *item) { return item->objectName() == name; }) : nullptr;
    }
    /// The team list's row for @p agentId.
    static QQuickItem *agentRow(QQuickWindow *window, int agentId)
    {
        return findItem(window->contentItem(), [agentId](QQuickItem *item) {
            return item->objectName() == u"agentRow"_s && item->property("agentId").toInt() == agentId;
        });
    }

    void save(QQuickWindow *window, const QString &name, QQuickItem *item = nullptr)
    {
        QImage image = window->grabWindow();
        QVERIFY(!image.isNull());
        if (item) {
            const QPointF topLeft = item->mapToScene({0, 0});
            const qreal ratio = window->effectiveDevicePixelRatio();
            image = image.copy(QRectF(topLeft * ratio, item->size() * ratio).toRect());
        }
        const QString path = QStringLiteral(FRONTDESK_SCREENSHOT_DIR) + u'/' + name + u".png"_s;
        QDir().mkpath(QStringLiteral(FRONTDESK_SCREENSHOT_DIR));
        QVERIFY2(image.save(path), qPrintable(path));
    }

    TestServer m_server;
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    // The software renderer works on every machine (CI, offscreen, Xvfb).
    qputenv("QT_QUICK_BACKEND", "software");
    QApplication app(argc, argv);
    app.setApplicationName(u"frontdesk-console-test"_s);
    ConsoleGuiTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_consolegui.moc"
