// The console in the tray, on a desktop's real parts: an X server (the test
// runs under xvfb-run, QT_QPA_PLATFORM=xcb), Debian's dunst as the
// notification daemon and a StatusNotifierItem host on the test's own D-Bus
// session (StatusNotifierWatcher, registered by this test), so Qt exports the
// tray icon as a StatusNotifierItem with a com.canonical.dbusmenu menu, which
// the test reads and clicks over the bus as a panel would. The console hosts
// its server in-process (host mode) and runs its real QML window.
//
// FRONTDESK_TEST_TRAY=xembed runs the same console next to an XEmbed tray
// (Debian's trayer) and no watcher: Qt's fallback docks the icon there.
// FRONTDESK_TEST_TRAY=none runs it on a desktop with no tray at all: closing
// the window minimises it.
#include "agentclient.h"
#include "consolelifecycle.h"
#include "consolesettings.h"
#include "consoleshell.h"
#include "consoletesting.h"
#include "notifier.h"
#include "sessioncontroller.h"
#include "singleinstance.h"
#include "statusnotifierwatcher.h"
#include "trayicon.h"

#include <QApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QScreen>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtTest>

#include <ctime>
#include <memory>

Q_IMPORT_QML_PLUGIN(Frontdesk_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(Frontdesk_ClientPlugin)

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

/// One entry of a dbusmenu layout: id, properties, children.
struct MenuEntry {
    int id = 0;
    QVariantMap properties;
    QList<MenuEntry> children;
    [[nodiscard]] QString label() const { return properties.value(u"label"_s).toString(); }
    [[nodiscard]] bool enabled() const { return properties.value(u"enabled"_s, true).toBool(); }
};

MenuEntry readEntry(const QDBusArgument &argument)
{
    MenuEntry entry;
    argument.beginStructure();
    argument >> entry.id >> entry.properties;
    argument.beginArray();
    while (!argument.atEnd()) {
        QDBusVariant child;
        argument >> child;
        entry.children.append(readEntry(child.variant().value<QDBusArgument>()));
    }
    argument.endArray();
    argument.endStructure();
    return entry;
}

/// CLOCK_BOOTTIME in microseconds: the clock dunst stamps a notification with when it receives it
/// (dunst's time_monotonic_now() on Linux).
qint64 monotonicMicros()
{
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return qint64(now.tv_sec) * 1'000'000 + now.tv_nsec / 1'000;
}

/// Counts the lifecycle's quits, and swallows the application's Quit event that follows, so the
/// test's own event loops go on (the program would end there).
class QuitCatcher : public QObject
{
public:
    int quits = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        return watched == QCoreApplication::instance() && event->type() == QEvent::Quit;
    }
};

} // namespace

class tst_Tray : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run through tests/support/run-tests.sh (private D-Bus)");
        QCOMPARE(QGuiApplication::platformName(), u"xcb"_s);
        const QString mode = qEnvironmentVariable("FRONTDESK_TEST_TRAY");
        m_noTray = mode == u"none"_s || mode == u"xembed"_s; // no StatusNotifierItem host
        m_xembed = mode == u"xembed"_s;
        QVERIFY(m_dir.isValid());
        QCoreApplication::instance()->installEventFilter(&m_quits);

        if (!m_noTray) {
            // The tray host first: Qt decides once, at its first tray icon, between StatusNotifierItem and XEmbed.
            QString error;
            m_watcher = ConsoleTesting::StatusNotifierWatcher::start(&error);
            QVERIFY2(m_watcher, qPrintable(error));
        }
        if (m_xembed)
            startXEmbedTray();
        startDunst();

        // Host mode, as the wizard leaves it: the console runs the server and signs in to it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_port = probe.serverPort();
        probe.close();
        m_settings = std::make_unique<ConsoleSettings>(m_dir.filePath(u"console.conf"_s), nullptr);
        ServerConfig base;
        base.database.kind = DatabaseConfig::Kind::Sqlite;
        base.database.sqlitePath = m_dir.filePath(u"host.sqlite"_s);
        m_client = std::make_unique<AgentClient>(u"frontdesk-test-tray"_s, nullptr);
        m_client->setOutboxFolder(m_dir.filePath(u"outbox"_s));
        m_notifier = std::make_unique<Notifier>();
        m_notifier->setClient(m_client.get());
        m_notifier->setRepeatSeconds(0);
        m_notifier->setSoundEnabled(false);
        m_session = std::make_unique<SessionController>(m_client.get(), m_settings.get(), base);
        m_shell
            = std::make_unique<ConsoleTesting::ConsoleShell>(m_client.get(), m_session.get(), m_settings.get(), m_notifier.get());
        // As ConsoleHost does.
        m_shell->tray.show();
        m_notifier->setTrayIcon(m_shell->tray.systemTrayIcon());
        // A runtime folder as the desktop makes it: the user's alone (Qt ignores one with wider modes).
        QVERIFY(QDir().mkpath(m_dir.filePath(u"runtime"_s)));
        QFile::setPermissions(m_dir.filePath(u"runtime"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_instance = std::make_unique<SingleInstance>(m_dir.filePath(u"runtime"_s));
        QCOMPARE(m_instance->claim(), SingleInstance::Claim::Primary);
        connect(m_instance.get(), &SingleInstance::activationRequested, &m_shell->lifecycle, &ConsoleLifecycle::showWindow);
        connect(&m_shell->lifecycle, &ConsoleLifecycle::quitting, this, [this] { ++m_quits.quits; });

        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->setInitialProperties({{u"client"_s, QVariant::fromValue(m_client.get())},
                                        {u"settings"_s, QVariant::fromValue(m_settings.get())},
                                        {u"notifier"_s, QVariant::fromValue(m_notifier.get())},
                                        {u"session"_s, QVariant::fromValue(m_session.get())},
                                        {u"lifecycle"_s, QVariant::fromValue(&m_shell->lifecycle)}});
        m_engine->load(QUrl(u"qrc:/Frontdesk/Console/Main.qml"_s));
        QCOMPARE(m_engine->rootObjects().size(), 1);
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        QVERIFY(m_window);
        m_window->resize(1280, 800);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));

        m_session->start();
        QTRY_COMPARE(m_session->phase(), SessionController::Setup);
        m_session->finishHostSetup(u"Anna"_s, TestServer::adminEmail, TestServer::adminPassword, u"Anna's Bakery"_s,
                                   QString::fromLatin1(TestServer::allowedOrigin), u"127.0.0.1"_s, m_port);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->phase(), SessionController::Console, 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_client->site().contains(u"siteKey"_s), 10'000);
        m_siteKey = m_client->site().value(u"siteKey"_s).toString();
        QTRY_COMPARE(m_shell->tray.state(), TrayIcon::Normal);
    }

    void cleanupTestCase()
    {
        m_maria.reset();
        m_ann.reset();
        m_engine.reset();
        m_instance.reset();
        m_shell.reset();
        m_session.reset();
        m_notifier.reset();
        m_client.reset();
        if (m_watcher)
            m_watcher->stop();
        for (QProcess *process : {&m_dunst, &m_trayer}) {
            if (process->state() == QProcess::NotRunning)
                continue;
            process->terminate();
            if (!process->waitForFinished(3'000))
                process->kill();
        }
    }

    void trayIsAStatusNotifierItem()
    {
        if (m_noTray)
            QSKIP("needs the StatusNotifierItem host (run without FRONTDESK_TEST_TRAY)");
        QVERIFY(m_shell->lifecycle.trayAvailable());
        // Qt 6.4 exported the icon as a StatusNotifierItem (not XEmbed) and told the watcher.
        QTRY_VERIFY_WITH_TIMEOUT(!m_watcher->registeredItems().isEmpty(), 10'000);
        // Qt 6.4 registers its connection's unique name (its well-known org.kde.StatusNotifierItem-PID-N
        // is on the same connection); the item lives at /StatusNotifierItem either way.
        m_item = m_watcher->registeredItems().first();
        qInfo().noquote() << "StatusNotifierItem registered as" << m_item;
        QVERIFY2(m_item.startsWith(u':') || m_item.startsWith(u"org.kde.StatusNotifierItem-"_s), qPrintable(m_item));
        QCOMPARE(sniProperty(u"Status"_s).toString(), u"Active"_s);
        QCOMPARE(sniProperty(u"Category"_s).toString(), u"ApplicationStatus"_s);
        QTRY_COMPARE(toolTipTitle(), u"Frontdesk: nobody is waiting"_s);
        m_normalIcon = iconBytes();
        QVERIFY(!m_normalIcon.isEmpty());

        const QList<MenuEntry> entries = menu();
        QStringList labels;
        for (const MenuEntry &entry : entries)
            labels.append(entry.label());
        qInfo().noquote() << "tray menu:" << labels.join(u" | "_s);
        QCOMPARE(entries.first().label(), u"Nobody is waiting"_s);
        QVERIFY(!entries.first().enabled());
        QVERIFY(labels.contains(u"Open Frontdesk"_s));
        QVERIFY(labels.contains(u"Quit Frontdesk"_s));
        // The status is a radio group; "online" is checked, as in the console's selector.
        const MenuEntry online = entry(entries, u"Online"_s);
        QCOMPARE(online.properties.value(u"toggle-type"_s).toString(), u"radio"_s);
        QCOMPARE(online.properties.value(u"toggle-state"_s).toInt(), 1);
        QCOMPARE(entry(entries, u"Away"_s).properties.value(u"toggle-state"_s).toInt(), 0);

        // Choosing "Away" in the tray sets it on the server, and the window's selector follows.
        clickMenu(entry(entries, u"Away"_s).id);
        QTRY_COMPARE(m_client->presence(), u"away"_s);
        QTRY_COMPARE(entry(menu(), u"Away"_s).properties.value(u"toggle-state"_s).toInt(), 1);
        clickMenu(entry(menu(), u"Online"_s).id);
        QTRY_COMPARE(m_client->presence(), u"online"_s);
    }

    void closingKeepsTheServerAnswering()
    {
        if (m_noTray)
            QSKIP("needs the StatusNotifierItem host (run without FRONTDESK_TEST_TRAY)");
        const int quitsBefore = m_quits.quits;
        QVERIFY(!m_settings->trayHintShown());
        QVERIFY(m_window->isVisible());
        m_window->close();
        QTRY_VERIFY(!m_window->isVisible());
        QTest::qWait(200);
        QCOMPARE(m_quits.quits, quitsBefore); // no quit: the window is not the program
        QCOMPARE(QGuiApplication::quitOnLastWindowClosed(), false);

        // The first time, dunst shows that Frontdesk runs on, once.
        QTRY_VERIFY_WITH_TIMEOUT(countInDunst(u"Frontdesk is still running in the tray"_s) == 1, 10'000);
        QVERIFY(m_settings->trayHintShown());

        // A visitor round trip with the window closed: the in-process server still answers.
        JsonSocket visitor;
        QVERIFY(openVisitor(visitor));
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"c-1"_s}, {u"body"_s, u"Anyone there?"_s}});
        const auto ack = visitor.waitForType(u"ack"_s);
        QVERIFY(ack);
        QTRY_COMPARE(m_shell->tray.waitingCount(), 1);
        const int conversationId = ack->value(u"conversationId"_s).toInt();
        QVERIFY(conversationId > 0);
        m_client->accept(conversationId);
        QVERIFY(visitor.waitForType(u"agent_joined"_s));
        m_client->reply(conversationId, u"Yes, here! How can I help?"_s);
        const auto reply = visitor.waitFor([](const QJsonObject &frame) {
            return frame.value(u"type"_s) == u"message"_s && frame.value(u"message"_s)[u"author"_s].toString() == u"agent"_s
                && frame.value(u"message"_s)[u"body"_s].toString().startsWith(u"Yes, here"_s);
        });
        QVERIFY2(reply, "the visitor got no answer with the window closed");
        m_client->close(conversationId);
        QTRY_COMPARE(m_shell->tray.waitingCount(), 0);

        // Shown and closed again: no second "still running".
        m_shell->lifecycle.showWindow();
        QTRY_VERIFY(m_window->isVisible());
        m_window->close();
        QTRY_VERIFY(!m_window->isVisible());
        QTest::qWait(500);
        QCOMPARE(countInDunst(u"Frontdesk is still running in the tray"_s), 1);
    }

    void newVisitorWithTheWindowClosed()
    {
        if (m_noTray)
            QSKIP("needs the StatusNotifierItem host (run without FRONTDESK_TEST_TRAY)");
        QVERIFY(!m_window->isVisible());
        QCOMPARE(m_shell->tray.state(), TrayIcon::Normal);
        JsonSocket visitor;
        QVERIFY(openVisitor(visitor));
        QVERIFY(visitor.request({{u"type"_s, u"profile"_s}, {u"name"_s, u"Tom & Jerry <b>Ltd</b>"_s}}));
        const QString first = u"Latency probe: oak table in stock?"_s;
        // The clock starts as the visitor's first message leaves; dunst stamps its arrival on the same clock.
        const qint64 sentAt = monotonicMicros();
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"l-1"_s}, {u"body"_s, first}});
        QJsonObject shown;
        QTRY_VERIFY_WITH_TIMEOUT(!(shown = findInDunst(u"Latency probe"_s, false)).isEmpty(), 10'000);
        const qint64 receivedAt = qint64(shown[u"timestamp"_s][u"data"_s].toDouble());
        const double latencyMs = double(receivedAt - sentAt) / 1000.0;
        qInfo("latency: visitor's first message to the notification daemon's receipt: %.1f ms (budget 1000 ms)", latencyMs);
        QVERIFY2(latencyMs > 0, qPrintable(u"dunst's timestamp %1 is before the send %2"_s.arg(receivedAt).arg(sentAt)));
        QVERIFY2(latencyMs < 1000.0, qPrintable(u"%1 ms"_s.arg(latencyMs)));
        QVERIFY(shown[u"summary"_s][u"data"_s].toString().contains(u"Tom & Jerry"_s));

        // The tray tells the truth: attention, the count in the icon and the tooltip, the visitor in the menu.
        QTRY_COMPARE(m_shell->tray.state(), TrayIcon::Attention);
        QCOMPARE(m_shell->tray.waitingCount(), 1);
        QTRY_COMPARE(toolTipTitle(), u"Frontdesk: 1 visitor is waiting"_s);
        m_oneWaitingIcon = iconBytes();
        QVERIFY(m_oneWaitingIcon != m_normalIcon);
        QCOMPARE(sniProperty(u"Status"_s).toString(), u"Active"_s); // shown at all times (QSystemTrayIcon has no other)
        QList<MenuEntry> entries;
        QTRY_COMPARE((entries = menu()).first().label(), u"1 visitor is waiting"_s);
        // Plain text, '&' no mnemonic: Qt sends the first '&' of "&&" as dbusmenu's '_', which hosts show as "&".
        QCOMPARE(entries.at(1).label(), u"Tom _& Jerry <b>Ltd</b>: Latency probe: oak table in stock?"_s);
        QVERIFY(entries.at(1).enabled());

        // Another console (a second AgentClient) accepts: back to normal.
        AgentClient other(u"frontdesk-test-tray-other"_s, nullptr);
        other.setOutboxFolder(m_dir.filePath(u"outbox-other"_s));
        other.login(QUrl(u"http://127.0.0.1:%1/"_s.arg(m_port)), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(other.state(), AgentClient::Online, 20'000);
        const int conversationId = waitingConversation();
        QVERIFY(conversationId > 0);
        other.accept(conversationId);
        QTRY_COMPARE(m_shell->tray.state(), TrayIcon::Normal);
        QTRY_COMPARE(toolTipTitle(), u"Frontdesk: nobody is waiting"_s);
        QTRY_COMPARE(menu().first().label(), u"Nobody is waiting"_s);
        QCOMPARE(iconBytes(), m_normalIcon);
        other.close(conversationId);
        QTRY_COMPARE(m_shell->conversations.rowOf(conversationId), -1); // closed before the other console leaves
    }

    void trayMenuAcceptsAVisitor()
    {
        if (m_noTray)
            QSKIP("needs the StatusNotifierItem host (run without FRONTDESK_TEST_TRAY)");
        QVERIFY(!m_window->isVisible());
        m_maria = std::make_unique<JsonSocket>();
        m_ann = std::make_unique<JsonSocket>();
        JsonSocket &first = *m_maria;
        JsonSocket &second = *m_ann;
        QVERIFY(openVisitor(first));
        QVERIFY(first.request({{u"type"_s, u"profile"_s}, {u"name"_s, u"Maria Jensen"_s}}));
        first.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"m-1"_s}, {u"body"_s, u"Do you ship to Norway?"_s}});
        QVERIFY(first.waitForType(u"ack"_s));
        QVERIFY(openVisitor(second));
        QVERIFY(second.request({{u"type"_s, u"profile"_s}, {u"email"_s, u"ann_lee@example.com"_s}}));
        second.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"a-1"_s}, {u"body"_s, u"Are you open on Sunday?"_s}});
        QVERIFY(second.waitForType(u"ack"_s));
        QTRY_COMPARE(m_shell->tray.waitingCount(), 2);
        QTRY_COMPARE(toolTipTitle(), u"Frontdesk: 2 visitors are waiting"_s);
        // The count is drawn: two waiting is another picture than one.
        const QByteArray twoWaiting = iconBytes();
        QVERIFY(twoWaiting != m_oneWaitingIcon && twoWaiting != m_normalIcon);

        QList<MenuEntry> entries;
        QTRY_COMPARE((entries = menu()).first().label(), u"2 visitors are waiting"_s);
        // Longest waiting first; an underscore is doubled, so dbusmenu hosts show it instead of taking it as a mnemonic.
        QCOMPARE(entries.at(1).label(), u"Maria Jensen: Do you ship to Norway?"_s);
        QCOMPARE(entries.at(2).label(), u"ann__lee@example.com: Are you open on Sunday?"_s);

        // A click on Maria accepts her chat and opens the window on it.
        clickMenu(entries.at(1).id);
        QTRY_VERIFY(m_window->isVisible());
        QVERIFY2(first.waitForType(u"agent_joined"_s), "Maria's chat was not accepted");
        auto *consoleView = m_window->findChild<QQuickItem *>(u"consoleView"_s);
        QVERIFY(consoleView);
        QTRY_COMPARE(consoleView->property("current").value<QObject *>()->property("visitorName").toString(), u"Maria Jensen"_s);
        QTRY_COMPARE(consoleView->property("current").value<QObject *>()->property("status").toString(), u"active"_s);
        QTRY_COMPARE(m_shell->tray.waitingCount(), 1);
        m_mariaConversation = consoleView->property("currentConversationId").toInt();
    }

    void secondStartShowsTheWindow()
    {
        if (m_noTray)
            QSKIP("needs the StatusNotifierItem host (run without FRONTDESK_TEST_TRAY)");
        m_window->close();
        QTRY_VERIFY(!m_window->isVisible());
        // The real program, started again: it finds this console, asks it to show itself, and exits 0.
        QProcess second;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_RUNTIME_DIR"_s, m_dir.filePath(u"runtime"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"second-config"_s));
        second.setProcessEnvironment(environment);
        QSignalSpy finished(&second, &QProcess::finished);
        second.start(QStringLiteral(FRONTDESK_BINARY), {});
        // This thread's event loop answers it: wait with the loop running, not in waitForFinished().
        if (!finished.wait(20'000)) {
            second.kill();
            second.waitForFinished(3'000);
            QFAIL(qPrintable(u"the second start did not exit: "_s + QString::fromUtf8(second.readAllStandardError())));
        }
        const QByteArray out = second.readAllStandardOutput();
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
        QVERIFY2(out.contains("already running"), out.constData());
        QTRY_VERIFY(m_window->isVisible());
    }

    void quitAsksWhileSomeoneWaits()
    {
        if (m_noTray)
            QSKIP("needs the StatusNotifierItem host (run without FRONTDESK_TEST_TRAY)");
        // Ann waits, Maria's chat is active.
        QCOMPARE(m_shell->tray.waitingCount(), 1);
        const QString question
            = u"1 visitor is waiting. 1 chat is active. Quit anyway? The chat will be unavailable on your site."_s;
        QCOMPARE(m_shell->lifecycle.quitQuestion(), question);
        const int quitsBefore = m_quits.quits;
        auto *dialog = m_window->findChild<QObject *>(u"quitQuestion"_s);
        QVERIFY(dialog);
        QVERIFY(!dialog->property("opened").toBool());

        // Quit from the tray's menu, with the window hidden: the window comes back with the question.
        m_window->close();
        QTRY_VERIFY(!m_window->isVisible());
        clickMenu(entry(menu(), u"Quit Frontdesk"_s).id);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QVERIFY(m_window->isVisible());
        QCOMPARE(dialog->property("question").toString(), question);
        QTest::qWait(300); // the dialog's enter transition
        saveWindowScreenshot(u"quit-question"_s);
        // "Keep running": nothing ends.
        clickButton(u"quitCancel"_s);
        QTRY_VERIFY(!dialog->property("opened").toBool());
        QTest::qWait(100);
        QCOMPARE(m_quits.quits, quitsBefore);

        // Ctrl+Q asks the same; "Quit anyway" quits.
        m_window->requestActivate();
        QTRY_VERIFY(m_window->isActive());
        QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(dialog->property("opened").toBool());
        clickButton(u"quitAnyway"_s);
        QTRY_COMPARE(m_quits.quits, quitsBefore + 1);

        // In remote mode the sentence says what quitting costs there.
        QCOMPARE(
            ConsoleLifecycle::quitQuestion(false, 3, 2),
            u"3 visitors are waiting. You have 2 active chats. Quit anyway? The server keeps running, but you will not be notified."_s);
    }

    void quitDoesNotAskWhenNothingWaits()
    {
        if (m_noTray)
            QSKIP("needs the StatusNotifierItem host (run without FRONTDESK_TEST_TRAY)");
        // Ann is accepted and both chats closed: nobody would be left.
        const int ann = waitingConversation();
        QVERIFY(ann > 0);
        m_client->accept(ann);
        QTRY_COMPARE(m_shell->tray.waitingCount(), 0);
        m_client->close(ann);
        m_client->close(m_mariaConversation);
        QTRY_COMPARE(m_shell->lifecycle.quitQuestion(), QString());
        auto *dialog = m_window->findChild<QObject *>(u"quitQuestion"_s);
        const int quitsBefore = m_quits.quits;
        QTest::keyClick(m_window, Qt::Key_Q, Qt::ControlModifier);
        QTRY_COMPARE(m_quits.quits, quitsBefore + 1);
        QVERIFY(!dialog->property("opened").toBool());
    }

    void xembedTrayDocksTheIcon()
    {
        if (!m_xembed)
            QSKIP("run with FRONTDESK_TEST_TRAY=xembed (an XEmbed tray, no StatusNotifierItem host)");
        // Without a StatusNotifierItem host Qt 6.4 falls back to XEmbed: the icon docks in trayer.
        QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
        QVERIFY(m_shell->lifecycle.trayAvailable());
        QSystemTrayIcon *icon = m_shell->tray.systemTrayIcon();
        QVERIFY(icon);
        QTRY_VERIFY_WITH_TIMEOUT(icon->geometry().isValid() && !icon->geometry().isEmpty(), 10'000);
        qInfo() << "docked in the XEmbed tray at" << icon->geometry();
        QCOMPARE(icon->toolTip(), u"Frontdesk: nobody is waiting"_s);

        // Closing hides the window (the tray is there to bring it back).
        m_window->close();
        QTRY_VERIFY(!m_window->isVisible());
        QCOMPARE(m_quits.quits, 0);
        JsonSocket visitor;
        QVERIFY(openVisitor(visitor));
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"x-1"_s}, {u"body"_s, u"Hello from XEmbed"_s}});
        QVERIFY(visitor.waitForType(u"ack"_s));
        QTRY_COMPARE(m_shell->tray.state(), TrayIcon::Attention);
        QTRY_COMPARE(icon->toolTip(), u"Frontdesk: 1 visitor is waiting"_s);
        // The menu holds the visitor too (the same QMenu the panel pops up).
        QTRY_VERIFY(m_shell->tray.menu()->actions().at(1)->text().startsWith(u"Visitor"_s));
        // Here the QMenu is what the panel pops up: the README's picture, with a second visitor.
        JsonSocket ann;
        QVERIFY(openVisitor(ann));
        QVERIFY(ann.request({{u"type"_s, u"profile"_s}, {u"email"_s, u"ann_lee@example.com"_s}}));
        ann.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"x-2"_s}, {u"body"_s, u"Are you open on Sunday?"_s}});
        QVERIFY(ann.waitForType(u"ack"_s));
        QTRY_COMPARE(icon->toolTip(), u"Frontdesk: 2 visitors are waiting"_s);
        // No dbusmenu here: '_' stays single, '&' would be doubled for the QMenu itself.
        QTRY_COMPARE(m_shell->tray.menu()->actions().at(2)->text(), u"ann_lee@example.com: Are you open on Sunday?"_s);
        saveMenuScreenshot();
        // A click on the docked icon brings the window back.
        Q_EMIT icon->activated(QSystemTrayIcon::Trigger);
        QTRY_VERIFY(m_window->isVisible());
    }

    void withoutATrayClosingMinimises()
    {
        if (!m_noTray || m_xembed)
            QSKIP("this desktop has a tray (run with FRONTDESK_TEST_TRAY=none)");
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
        QVERIFY(!m_shell->lifecycle.trayAvailable());
        m_window->close();
        // Minimised, not hidden: with no tray a hidden window could not be reached again.
        QTRY_COMPARE(m_window->visibility(), QWindow::Minimized);
        QVERIFY(m_window->isVisible());
        QTest::qWait(200);
        QCOMPARE(m_quits.quits, 0);
        QVERIFY(!m_settings->trayHintShown()); // nothing to explain

        // The settings say so.
        m_window->showNormal();
        auto *consoleView = m_window->findChild<QQuickItem *>(u"consoleView"_s);
        QVERIFY(consoleView);
        consoleView->setProperty("settingsOpen", true);
        consoleView->setProperty("settingsTab", 5);
        QQuickItem *line = nullptr;
        QTRY_VERIFY((line = m_window->findChild<QQuickItem *>(u"noTrayLine"_s)) && line->isVisible());
        QVERIFY(line->property("text").toString().contains(u"no system tray"_s));

        // The server kept answering all along.
        JsonSocket visitor;
        QVERIFY(openVisitor(visitor));
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"n-1"_s}, {u"body"_s, u"Hello?"_s}});
        QVERIFY(visitor.waitForType(u"ack"_s));
        QTRY_COMPARE(m_shell->tray.state(), TrayIcon::Attention);
    }

private:
    void startXEmbedTray()
    {
        const QString trayer = QStandardPaths::findExecutable(u"trayer"_s);
        QVERIFY2(!trayer.isEmpty(), "trayer (an XEmbed system tray) is a test package (packaging/quickstart.sh test)");
        m_trayer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_trayer.start(trayer,
                       {u"--edge"_s, u"top"_s, u"--align"_s, u"right"_s, u"--widthtype"_s, u"request"_s, u"--height"_s, u"32"_s,
                        u"--transparent"_s, u"false"_s, u"--tint"_s, u"0xffffff"_s});
        QVERIFY(m_trayer.waitForStarted(5'000));
        // The tray owns the _NET_SYSTEM_TRAY_S0 selection once it is up.
        QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 10'000);
    }

    void startDunst()
    {
        const QString dunst = QStandardPaths::findExecutable(u"dunst"_s);
        QVERIFY2(!dunst.isEmpty(), "dunst is a test package (packaging/quickstart.sh test)");
        QVERIFY2(!QDBusConnection::sessionBus().interface()->isServiceRegistered(u"org.freedesktop.Notifications"_s),
                 "another notification service is running on this bus");
        m_dunst.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        for (int attempt = 0; attempt < 50 && !daemonReady(); ++attempt) {
            if (m_dunst.state() == QProcess::NotRunning)
                m_dunst.start(dunst, {u"-config"_s, u"/etc/xdg/dunst/dunstrc"_s});
            QTest::qWait(100);
        }
        QVERIFY2(daemonReady(), "dunst did not claim org.freedesktop.Notifications");
    }

    [[nodiscard]] static bool daemonReady()
    {
        return QDBusConnection::sessionBus().interface()->isServiceRegistered(u"org.freedesktop.Notifications"_s);
    }

    /// What dunst received: shown ones too (dunstctl history lists the closed ones, so close them first).
    [[nodiscard]] QJsonArray dunstHistory() const
    {
        QProcess closeAll;
        closeAll.start(u"dunstctl"_s, {u"close-all"_s});
        closeAll.waitForFinished(5'000);
        QProcess dunstctl;
        dunstctl.start(u"dunstctl"_s, {u"history"_s});
        if (!dunstctl.waitForFinished(5'000))
            return {};
        const QJsonObject answer = QJsonDocument::fromJson(dunstctl.readAllStandardOutput()).object();
        return answer[u"data"_s].toArray().first().toArray();
    }

    [[nodiscard]] QJsonObject findInDunst(const QString &text, bool inSummary = true) const
    {
        for (const QJsonValue &entry : dunstHistory()) {
            const QString field = entry[inSummary ? u"summary"_s : u"body"_s][u"data"_s].toString();
            if (field.contains(text))
                return entry.toObject();
        }
        return {};
    }

    [[nodiscard]] int countInDunst(const QString &summary) const
    {
        int count = 0;
        for (const QJsonValue &entry : dunstHistory())
            count += entry[u"summary"_s][u"data"_s].toString().contains(summary) ? 1 : 0;
        return count;
    }

    [[nodiscard]] bool openVisitor(JsonSocket &visitor) const
    {
        if (!visitor.open(QUrl(u"ws://127.0.0.1:%1/v1/visitor?site=%2"_s.arg(m_port).arg(m_siteKey)), TestServer::allowedOrigin))
            return false;
        const auto welcome = visitor.request({{u"type"_s, u"hello"_s}, {u"v"_s, 1}});
        return welcome && welcome->value(u"type"_s).toString() == u"welcome"_s;
    }

    /// The id of the conversation waiting longest (the tray's first).
    [[nodiscard]] int waitingConversation() const
    {
        const int rows = m_shell->conversations.rowCount();
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = m_shell->conversations.index(row, 0);
            if (index.data(ConversationModel::StatusRole).toString() == u"waiting"_s)
                return index.data(ConversationModel::ConversationIdRole).toInt();
        }
        return 0;
    }

    /// A call to the tray, answered by this thread: never block on it.
    [[nodiscard]] static QDBusMessage callAsync(const QDBusMessage &message)
    {
        QDBusPendingCallWatcher watcher(QDBusConnection::sessionBus().asyncCall(message, 5'000));
        if (!watcher.isFinished()) {
            QSignalSpy finished(&watcher, &QDBusPendingCallWatcher::finished);
            finished.wait(6'000);
        }
        return watcher.reply();
    }

    [[nodiscard]] QVariant sniProperty(const QString &name) const
    {
        QDBusMessage get
            = QDBusMessage::createMethodCall(m_item, u"/StatusNotifierItem"_s, u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
        get << u"org.kde.StatusNotifierItem"_s << name;
        const QDBusMessage reply = callAsync(get);
        if (reply.type() != QDBusMessage::ReplyMessage) {
            qWarning().noquote() << "Get" << name << ":" << reply.errorMessage();
            return {};
        }
        return reply.arguments().first().value<QDBusVariant>().variant();
    }

    /// ToolTip is (icon name, icon pixmaps, title, text): the title is QSystemTrayIcon's tooltip.
    [[nodiscard]] QString toolTipTitle() const
    {
        const QVariant value = sniProperty(u"ToolTip"_s);
        if (!value.canConvert<QDBusArgument>())
            return {};
        const QDBusArgument argument = value.value<QDBusArgument>();
        QString iconName;
        QString title;
        QString text;
        argument.beginStructure();
        argument >> iconName;
        argument.beginArray();
        while (!argument.atEnd()) {
            int width = 0;
            int height = 0;
            QByteArray data;
            argument.beginStructure();
            argument >> width >> height >> data;
            argument.endStructure();
        }
        argument.endArray();
        argument >> title >> text;
        argument.endStructure();
        return title;
    }

    /// IconPixmap, a(iiay): every size's ARGB32 bytes in a row.
    [[nodiscard]] QByteArray iconBytes() const
    {
        const QVariant value = sniProperty(u"IconPixmap"_s);
        if (!value.canConvert<QDBusArgument>())
            return {};
        const QDBusArgument argument = value.value<QDBusArgument>();
        QByteArray all;
        argument.beginArray();
        while (!argument.atEnd()) {
            int width = 0;
            int height = 0;
            QByteArray data;
            argument.beginStructure();
            argument >> width >> height >> data;
            argument.endStructure();
            all += data;
        }
        argument.endArray();
        return all;
    }

    [[nodiscard]] QString menuPath() const { return sniProperty(u"Menu"_s).value<QDBusObjectPath>().path(); }

    /// The tray menu's top level as a panel reads it (com.canonical.dbusmenu GetLayout), separators left out.
    [[nodiscard]] QList<MenuEntry> menu() const
    {
        QDBusMessage get = QDBusMessage::createMethodCall(m_item, menuPath(), u"com.canonical.dbusmenu"_s, u"GetLayout"_s);
        get << 0 << -1 << QStringList();
        const QDBusMessage reply = callAsync(get);
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() < 2) {
            qWarning().noquote() << "GetLayout:" << reply.errorMessage();
            return {MenuEntry{}};
        }
        const MenuEntry root = readEntry(reply.arguments().at(1).value<QDBusArgument>());
        QList<MenuEntry> entries;
        for (const MenuEntry &child : root.children) {
            if (child.properties.value(u"type"_s).toString() != u"separator"_s
                && child.properties.value(u"visible"_s, true).toBool())
                entries.append(child);
        }
        return entries.isEmpty() ? QList<MenuEntry>{MenuEntry{}} : entries;
    }

    [[nodiscard]] static MenuEntry entry(const QList<MenuEntry> &entries, const QString &label)
    {
        for (const MenuEntry &entry : entries) {
            if (entry.label() == label)
                return entry;
        }
        qWarning().noquote() << "no menu entry" << label;
        return {};
    }

    /// A click in the panel's menu, as com.canonical.dbusmenu says it.
    void clickMenu(int id) const
    {
        QVERIFY(id > 0);
        QDBusMessage event = QDBusMessage::createMethodCall(m_item, menuPath(), u"com.canonical.dbusmenu"_s, u"Event"_s);
        event << id << u"clicked"_s << QVariant::fromValue(QDBusVariant(QVariant(0))) << uint(0);
        const QDBusMessage reply = callAsync(event);
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    }

    void clickButton(const QString &objectName) const
    {
        auto *button = m_window->findChild<QQuickItem *>(objectName);
        QVERIFY2(button, qPrintable(objectName));
        QTRY_VERIFY(button->isVisible() && button->width() > 0);
        const QPointF center = button->mapToScene(QPointF(button->width() / 2, button->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, center.toPoint());
    }

    /// The XEmbed tray with the icon docked and its menu dropped below it, grabbed from the screen
    /// as the user sees them, for the README.
    void saveMenuScreenshot()
    {
        QMenu *trayMenu = m_shell->tray.menu();
        QSystemTrayIcon *icon = m_shell->tray.systemTrayIcon();
        QVERIFY(trayMenu && icon);
        const QRect docked = icon->geometry();
        const QSize size = trayMenu->sizeHint();
        const QPoint at(docked.right() - size.width() + 1, docked.bottom() + 4);
        trayMenu->popup(at);
        QVERIFY(QTest::qWaitForWindowExposed(trayMenu));
        QTest::qWait(300);
        const QRect area = QRect(at.x() - 24, 0, docked.right() - at.x() + 48, at.y() + size.height() + 24)
                               .intersected(QGuiApplication::primaryScreen()->geometry());
        const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0, area.x(), area.y(), area.width(), area.height());
        trayMenu->hide();
        QVERIFY(!shot.isNull());
        save(shot.toImage(), u"tray-menu"_s);
    }

    void saveWindowScreenshot(const QString &name)
    {
        const QImage image = m_window->grabWindow();
        QVERIFY(!image.isNull());
        save(image, name);
    }

    static void save(const QImage &image, const QString &name)
    {
        QDir().mkpath(QStringLiteral(FRONTDESK_SCREENSHOT_DIR));
        const QString path = QStringLiteral(FRONTDESK_SCREENSHOT_DIR) + u'/' + name + u".png"_s;
        QVERIFY2(image.save(path), qPrintable(path));
    }

    bool m_noTray = false; ///< no StatusNotifierItem host
    bool m_xembed = false; ///< an XEmbed tray instead
    QProcess m_trayer;
    QTemporaryDir m_dir;
    QuitCatcher m_quits;
    ConsoleTesting::StatusNotifierWatcher *m_watcher = nullptr;
    QProcess m_dunst;
    int m_port = 0;
    QString m_siteKey;
    QString m_item;
    QByteArray m_normalIcon;
    QByteArray m_oneWaitingIcon;
    int m_mariaConversation = 0;
    std::unique_ptr<JsonSocket> m_maria; ///< her chat is active (accepted from the tray)
    std::unique_ptr<JsonSocket> m_ann; ///< she waits
    std::unique_ptr<ConsoleSettings> m_settings;
    std::unique_ptr<AgentClient> m_client;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<SessionController> m_session;
    std::unique_ptr<ConsoleTesting::ConsoleShell> m_shell;
    std::unique_ptr<SingleInstance> m_instance;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

int main(int argc, char **argv)
{
    // OpenGL through Xvfb's GLX (Mesa's software rasteriser): the software backend cannot draw the
    // Material elevation layers, which would leave holes in the quit dialog's screenshot.
    QApplication app(argc, argv);
    app.setApplicationName(u"frontdesk-tray-test"_s);
    QQuickStyle::setStyle(u"Material"_s);
    tst_Tray test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_tray.moc"
