// The whole console, offscreen, against a real server, with every string an
// outsider can set made hostile: a visitor whose name, email, messages, pages,
// referrer, user agent, attributes and verified user id carry <img src=…>,
// <font size=7>, <a href=…>, &lt; and a 4,000-character line; an agent, a
// canned response, the site and its widget named the same way. Every view is
// shown (queue, chat, visitor panel, transfer menu, canned suggestion, team,
// two dialogs, your sessions, canned responses, widget designer, history) and
// each time:
//   - the console is still running (a rich <img> in a Controls label used to
//     crash it in QQuickTextPrivate::setLineGeometry);
//   - every QQuickText/QQuickTextEdit in the window whose text has a '<' is
//     plain text, and the hostile text really is on screen;
//   - the server the <img> tags point at never gets a connection.
// Screenshots go to the build tree (screenshots/hostile-*.png) for a person to look at.
#include "agentclient.h"
#include "auth/tokens.h"
#include "consolesettings.h"
#include "consoleshell.h"
#include "consoletesting.h"
#include "frontdeskserver.h"
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
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

Q_IMPORT_QML_PLUGIN(Frontdesk_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(Frontdesk_ClientPlugin)

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class HostileStringsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QQuickStyle::setStyle(u"Material"_s);
        // The address every <img>, <a> and <font> points at: any connection is a leak.
        QVERIFY(m_leak.listen(QHostAddress::LocalHost, 0));
        connect(&m_leak, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_leak.nextPendingConnection()) {
                ++m_leakConnections;
                qWarning() << "the console connected to the leak server";
                socket->deleteLater();
            }
        });
        QString error;
        QVERIFY2(m_server.start(u"sqlite"_s, &error), qPrintable(error));
        QVERIFY(m_dir.isValid());
    }

    void everyViewShowsHostileStringsAsText()
    {
        // The admin names the site, the widget, an agent and a canned response.
        JsonSocket admin;
        QVERIFY(connectAdmin(admin));
        const auto site = admin.request(
            {{u"type"_s, u"update_site"_s},
             {u"name"_s, hostile(u"site"_s)},
             {u"widget"_s,
              QJsonObject{{u"title"_s, hostile(u"widget-title"_s)},
                          {u"welcome"_s, hostile(u"welcome"_s)},
                          {u"offlineText"_s, hostile(u"offline"_s)},
                          {u"preChatFields"_s, QJsonArray{QJsonObject{{u"name"_s, u"name"_s}, {u"required"_s, false}}}}}}});
        QVERIFY(site);
        QVERIFY2(site->value(u"type"_s) == u"result"_s, QJsonDocument(*site).toJson().constData());
        const auto agent = admin.request({{u"type"_s, u"create_agent"_s},
                                          {u"email"_s, hostileEmail(u"agent-email"_s)},
                                          {u"name"_s, hostile(u"agent"_s)},
                                          {u"password"_s, u"correct horse battery"_s}});
        QVERIFY(agent);
        QVERIFY2(agent->value(u"type"_s) == u"result"_s, QJsonDocument(*agent).toJson().constData());
        const auto canned = admin.request({{u"type"_s, u"save_canned"_s},
                                           {u"shortcut"_s, u"evil"_s},
                                           {u"body"_s, QString(hostile(u"canned"_s) + u' ' + QString(3000, u'C'))}});
        QVERIFY(canned);
        QVERIFY2(canned->value(u"type"_s) == u"result"_s, QJsonDocument(*canned).toJson().constData());

        // A visitor who is hostile everywhere, with a user id the site really signed.
        JsonSocket visitor;
        QVERIFY(openHostileVisitor(visitor));
        visitor.send({{u"type"_s, u"page"_s},
                      {u"url"_s, QString(u"https://shop.test/second?x="_s + hostile(u"url2"_s))},
                      {u"title"_s, hostile(u"title2"_s)}});
        const auto attributes = visitor.request(
            {{u"type"_s, u"attributes"_s},
             {u"attributes"_s, QJsonObject{{u"plan"_s, hostile(u"plan"_s)}, {u"timezone"_s, hostile(u"tz"_s)}}}});
        QVERIFY(attributes && attributes->value(u"type"_s) == u"ok"_s);
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"h-1"_s}, {u"body"_s, hostile(u"message"_s)}});
        QVERIFY(visitor.waitForType(u"ack"_s));
        const QString longLine = hostile(u"long"_s) + u' ';
        visitor.send({{u"type"_s, u"message"_s},
                      {u"clientId"_s, u"h-2"_s},
                      {u"body"_s, QString(longLine + QString(4000 - longLine.size(), u'W'))}});
        QVERIFY(visitor.waitForType(u"ack"_s));

        // The console signs in.
        ConsoleSettings settings(m_dir.filePath(u"console.conf"_s), nullptr);
        settings.setConfigured(true);
        settings.setMode(u"remote"_s);
        settings.setServerUrl(m_server.httpUrl(u"/"_s).toString());
        settings.setEmail(TestServer::adminEmail);
        AgentClient client(u"frontdesk-test-hostile"_s, nullptr);
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
        auto *consoleView = window->findChild<QQuickItem *>(u"consoleView"_s);
        QVERIFY(consoleView);
        auto *list = window->findChild<QQuickItem *>(u"conversationList"_s);
        QVERIFY(list);

        // Queue: the visitor's name, last message and page; the site's name in the header.
        QTRY_COMPARE(list->property("count").toInt(), 1);
        QTest::qWait(1200);
        QVERIFY(showsPlainly(window, u"queue"_s, {u"/name.png"_s, u"/long.png"_s, u"/site.png"_s}));

        // The chat, and the visitor panel beside it.
        window->requestActivate();
        QTest::keyClick(window, Qt::Key_N, Qt::ControlModifier);
        QTRY_COMPARE(consoleView->property("current").value<QObject *>()->property("status").toString(), u"active"_s);
        auto *messages = window->findChild<QQuickItem *>(u"messageList"_s);
        QVERIFY(messages);
        QTRY_VERIFY(messages->property("count").toInt() >= 1);
        visitor.send({{u"type"_s, u"typing"_s}, {u"active"_s, true}});
        QTRY_VERIFY_WITH_TIMEOUT(onScreen(window, u"/long.png"_s), 10'000);
        auto *userId = window->findChild<QQuickItem *>(u"visitorUserId"_s);
        QVERIFY(userId);
        QTRY_VERIFY(userId->isVisible());
        QTest::qWait(800);
        QVERIFY(showsPlainly(window, u"chat"_s,
                             {u"/name.png"_s, u"/message.png"_s, u"/long.png"_s, u"/title.png"_s, u"/title2.png"_s,
                              u"/referrer.png"_s, u"/uid.png"_s, u"/email.png"_s}));

        // The transfer menu lists the agent with the hostile name.
        auto *transfer = window->findChild<QQuickItem *>(u"transferButton"_s);
        QVERIFY(transfer);
        QTest::mouseClick(window, Qt::LeftButton, {}, transfer->mapToScene(transfer->boundingRect().center()).toPoint());
        QTest::qWait(600);
        QVERIFY(showsPlainly(window, u"transfer-menu"_s, {u"/agent.png"_s}));
        QTest::keyClick(window, Qt::Key_Escape);
        QTest::qWait(300);

        // The canned-response suggestion, then picking it.
        auto *input = window->findChild<QQuickItem *>(u"composerInput"_s);
        QVERIFY(input);
        input->forceActiveFocus();
        QTRY_VERIFY(input->hasActiveFocus());
        for (const QChar c : u"/ev"_s)
            QTest::sendKeyEvent(QTest::Click, window, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::qWait(400);
        QVERIFY(showsPlainly(window, u"canned-suggestion"_s, {u"/canned"_s})); // the first 40 characters
        QQuickItem *suggestion = findItem(window->contentItem(), [](QQuickItem *item) {
            return item->inherits("QQuickButton") && item->property("text").toString().startsWith(u"/evil"_s);
        });
        QVERIFY(suggestion);
        QTest::mouseClick(window, Qt::LeftButton, {}, suggestion->mapToScene(suggestion->boundingRect().center()).toPoint());
        QTRY_VERIFY(input->property("text").toString().contains(u"/canned.png"_s));
        QVERIFY(showsPlainly(window, u"canned-picked"_s, {u"/canned.png"_s}));
        input->setProperty("text", QString());

        // Settings: the team, the canned responses, the widget designer, a dialog with an agent's name.
        consoleView->setProperty("settingsOpen", true);
        consoleView->setProperty("settingsTab", 3);
        QTest::qWait(600);
        QVERIFY(showsPlainly(window, u"team"_s, {u"/agent.png"_s, u"/agent-email.png"_s}));
        auto *resetDialog = window->findChild<QObject *>(u"resetPasswordDialog"_s);
        QVERIFY(resetDialog);
        resetDialog->setProperty("agentName", hostile(u"dialog"_s));
        QMetaObject::invokeMethod(resetDialog, "open");
        QTest::qWait(600);
        QVERIFY(showsPlainly(window, u"reset-dialog"_s, {u"/dialog.png"_s}));
        QMetaObject::invokeMethod(resetDialog, "close");
        auto *disableDialog = window->findChild<QObject *>(u"disableAgentDialog"_s);
        QVERIFY(disableDialog);
        disableDialog->setProperty("agentName", hostile(u"disable"_s));
        QMetaObject::invokeMethod(disableDialog, "open");
        QTest::qWait(600);
        QVERIFY(showsPlainly(window, u"disable-dialog"_s, {u"/disable.png"_s}));
        QMetaObject::invokeMethod(disableDialog, "close");
        // Your sessions: a login whose User-Agent is markup and matches no browser, so it is shown as sent.
        {
            TestHttp http;
            const HttpAnswer login = http.post(
                m_server.httpUrl(u"/v1/agent/login"_s),
                QJsonDocument(QJsonObject{{u"email"_s, TestServer::adminEmail}, {u"password"_s, TestServer::adminPassword}})
                    .toJson(QJsonDocument::Compact),
                {{"Content-Type", "application/json"}, {"User-Agent", hostile(u"session-agent"_s).toUtf8()}});
            QCOMPARE(login.status, 200);
        }
        consoleView->setProperty("settingsTab", 8);
        auto *sessionList = window->findChild<QQuickItem *>(u"sessionList"_s);
        QVERIFY(sessionList);
        QTRY_VERIFY(sessionList->property("count").toInt() >= 2);
        QTest::qWait(400);
        QVERIFY(showsPlainly(window, u"sessions"_s, {u"/session-agent.png"_s}));
        consoleView->setProperty("settingsTab", 2);
        QTest::qWait(400);
        QVERIFY(showsPlainly(window, u"sites"_s, {u"/site.png"_s}));
        consoleView->setProperty("settingsTab", 4);
        QTest::qWait(400);
        QVERIFY(showsPlainly(window, u"canned"_s, {u"/canned.png"_s}));
        consoleView->setProperty("settingsTab", 0);
        QTest::qWait(400);
        QVERIFY(showsPlainly(window, u"widget"_s, {u"/welcome.png"_s}));
        consoleView->setProperty("settingsOpen", false);

        // History: close the chat and find it again.
        const int conversationId = consoleView->property("currentConversationId").toInt();
        QVERIFY(conversationId > 0);
        bool closed = false;
        connect(&client, &AgentClient::conversationUpdated, this, [&closed, conversationId](const ConversationView &update) {
            closed = closed
                || (update.conversation.id == conversationId && update.conversation.status == ConversationStatus::Closed);
        });
        client.close(conversationId);
        QTRY_VERIFY(closed);
        consoleView->setProperty("section", 3);
        QTRY_VERIFY_WITH_TIMEOUT(list->property("count").toInt() >= 1, 10'000);
        QTest::qWait(600);
        QVERIFY(showsPlainly(window, u"history"_s, {u"/name.png"_s}));

        // Images load asynchronously: give a leak time to happen.
        QTest::qWait(1000);
        QCOMPARE(m_leakConnections, 0);
    }

private:
    /// Markup of every kind the console must not interpret, pointing at the leak server.
    [[nodiscard]] QString hostile(const QString &what) const
    {
        return u"<img src=\"http://127.0.0.1:%1/%2.png\"><font size=7>%2</font> <a href=\"http://127.0.0.1:%1/%2\">link</a> "
               u"&lt;b&gt; <b>"_s.arg(m_leak.serverPort())
                   .arg(what);
    }
    /// An email address (one @, no space) that is an <img> tag too.
    [[nodiscard]] QString hostileEmail(const QString &what) const
    {
        return u"<img/src=\"http://127.0.0.1:%1/%2.png\">@shop.test"_s.arg(m_leak.serverPort()).arg(what);
    }

    bool connectAdmin(JsonSocket &socket)
    {
        TestHttp http;
        const QString token = http.loginAdmin(m_server);
        if (token.isEmpty() || !socket.open(m_server.wsUrl(u"/v1/agent"_s)))
            return false;
        const auto snapshot = socket.request({{u"type"_s, u"auth"_s}, {u"token"_s, token}});
        return snapshot.has_value();
    }

    bool openHostileVisitor(JsonSocket &visitor)
    {
        QNetworkRequest request(m_server.wsUrl(u"/v1/visitor?site="_s + m_server.siteKey()));
        request.setRawHeader("Origin", TestServer::allowedOrigin);
        request.setRawHeader("User-Agent",
                             (hostile(u"agent-header"_s) + u" Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"_s).toUtf8());
        QSignalSpy connected(&visitor.socket(), &QWebSocket::connected);
        visitor.socket().open(request);
        if (!connected.wait(10'000))
            return false;
        const QByteArray secret = m_server.server()->sites().all().first().identitySecret;
        const QString userId = u"<img src=\"http://127.0.0.1:%1/uid.png\">"_s.arg(m_leak.serverPort());
        const auto welcome = visitor.request(
            {{u"type"_s, u"hello"_s},
             {u"v"_s, 1},
             {u"page"_s,
              QJsonObject{{u"url"_s, QString(u"https://shop.test/?q="_s + hostile(u"url"_s) + QString(1500, u'U'))},
                          {u"title"_s, hostile(u"title"_s)}}},
             {u"referrer"_s, QString(u"https://referrer.test/?r="_s + hostile(u"referrer"_s))},
             {u"locale"_s, u"nb-NO"_s},
             {u"identity"_s,
              QJsonObject{{u"id"_s, userId},
                          {u"hash"_s, Tokens::identityHash(secret, userId)},
                          {u"name"_s, hostile(u"name"_s)},
                          {u"email"_s, hostileEmail(u"email"_s)}}}});
        if (!welcome || welcome->value(u"type"_s).toString() != u"welcome"_s) {
            qWarning().noquote() << "hello refused:" << (welcome ? QJsonDocument(*welcome).toJson() : QByteArray("no answer"));
            return false;
        }
        return true;
    }

    static QQuickItem *findItem(QQuickItem *item, const std::function<bool(QQuickItem *)> &match)
    {
        if (match(item))
            return item;
        for (QQuickItem *child : item->childItems()) {
            if (QQuickItem *found = findItem(child, match))
                return found;
        }
        return nullptr;
    }

    static void forEachItem(QQuickItem *item, const std::function<void(QQuickItem *)> &visit)
    {
        visit(item);
        for (QQuickItem *child : item->childItems())
            forEachItem(child, visit);
    }

    static bool onScreen(QQuickWindow *window, const QString &piece)
    {
        return findItem(window->contentItem(), [&piece](QQuickItem *item) {
            return (item->inherits("QQuickText") || item->inherits("QQuickTextEdit")) && item->isVisible()
                && item->property("text").toString().contains(piece);
        });
    }

    static QString describe(QQuickItem *item)
    {
        QStringList chain;
        for (QObject *o = item; o && chain.size() < 6; o = o->parent()) {
            QString name = QString::fromLatin1(o->metaObject()->className()).section(u"_QML"_s, 0, 0);
            if (!o->objectName().isEmpty())
                name += u'#' + o->objectName();
            chain << name;
        }
        return chain.join(u" < "_s) + u": \""_s + item->property("text").toString().left(90) + u'"';
    }

    /// Walks every item of the window: any text item with a '<' must be plain text, and each of
    /// @p expected (a piece of a hostile string) must be on screen. Saves a screenshot either way.
    bool showsPlainly(QQuickWindow *window, const QString &view, const QStringList &expected)
    {
        save(window, u"hostile-"_s + view);
        QStringList rich;
        QStringList shown;
        forEachItem(window->contentItem(), [&](QQuickItem *item) {
            if (!item->inherits("QQuickText") && !item->inherits("QQuickTextEdit"))
                return;
            const QString text = item->property("text").toString();
            if (text.contains(u'<') && item->property("textFormat").toInt() != Qt::PlainText)
                rich << describe(item);
            if (item->isVisible())
                shown << text;
        });
        bool ok = true;
        if (!rich.isEmpty()) {
            qWarning().noquote() << view << ": rich text in" << rich.size() << "items:\n  " << rich.join(u"\n  "_s);
            ok = false;
        }
        for (const QString &piece : expected) {
            const bool found = std::any_of(shown.cbegin(), shown.cend(), [&](const QString &t) { return t.contains(piece); });
            if (!found) {
                qWarning().noquote() << view << ": nothing on screen shows" << piece;
                ok = false;
            }
        }
        if (m_leakConnections > 0) {
            qWarning().noquote() << view << ":" << m_leakConnections << "connections to the leak server";
            ok = false;
        }
        return ok;
    }

    void save(QQuickWindow *window, const QString &name)
    {
        const QImage image = window->grabWindow();
        QVERIFY(!image.isNull());
        const QString dir = QStringLiteral(FRONTDESK_HOSTILE_SCREENSHOT_DIR);
        QDir().mkpath(dir);
        QVERIFY(image.save(dir + u'/' + name + u".png"_s));
    }

    QTcpServer m_leak;
    int m_leakConnections = 0;
    TestServer m_server;
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    // The software renderer works on every machine (CI, offscreen, Xvfb).
    qputenv("QT_QUICK_BACKEND", "software");
    QApplication app(argc, argv);
    app.setApplicationName(u"frontdesk-console-test"_s);
    HostileStringsTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_hostilestrings.moc"
