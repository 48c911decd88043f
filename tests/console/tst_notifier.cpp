// A new waiting visitor raises a desktop notification through the real D-Bus
// path: a fake org.freedesktop.Notifications service on the test's private
// session bus (run-tests.sh runs one; run alone, the test starts its own
// dbus-daemon) records the Notify calls, and its ActionInvoked signal opens the chat.
#include "agentclient.h"
#include "consoletesting.h"
#include "notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QtTest>

#include <algorithm>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

/// @brief The desktop's notification service, as far as Frontdesk uses it.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call {
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        uint replaces = 0;
    };
    QList<Call> calls;
    bool bodyMarkup = true; ///< whether the server says it renders markup in bodies

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(appName);
        Q_UNUSED(appIcon);
        Q_UNUSED(expireTimeout);
        calls.append({summary, body, actions, hints, replacesId});
        Q_EMIT notifyCalled();
        return replacesId != 0 ? replacesId : uint(100 + calls.size());
    }
    QStringList GetCapabilities()
    {
        QStringList capabilities{u"actions"_s, u"body"_s, u"sound"_s};
        if (bodyMarkup)
            capabilities << u"body-markup"_s << u"body-hyperlinks"_s << u"body-images"_s;
        return capabilities;
    }
    void CloseNotification(uint id) { Q_UNUSED(id); }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
    void notifyCalled();
};

class NotifierTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Never a silent pass: without a session bus the test brings its own.
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QVERIFY2(m_privateBus.start(), "no D-Bus session bus and no dbus-daemon to start one (apt install dbus)");
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 qPrintable(u"cannot connect to the D-Bus session bus at %1: %2"_s.arg(
                     qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"), QDBusConnection::sessionBus().lastError().message())));
        // The fake lives on its own bus connection, so every call makes a real round trip through the bus.
        m_bus = std::make_unique<QDBusConnection>(
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"fake-notifications"_s));
        QVERIFY(m_bus->isConnected());
        QVERIFY(m_bus->registerObject(u"/org/freedesktop/Notifications"_s, &m_fake,
                                      QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY2(m_bus->registerService(u"org.freedesktop.Notifications"_s), qPrintable(m_bus->lastError().message()));
        QString error;
        QVERIFY2(m_server.start(u"sqlite"_s, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_bus) {
            m_bus->unregisterService(u"org.freedesktop.Notifications"_s);
            QDBusConnection::disconnectFromBus(u"fake-notifications"_s);
        }
        m_privateBus.stop();
    }

    void newVisitorNotifiesAndClickOpensTheChat()
    {
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        notifier.setRepeatSeconds(1);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);

        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        QSignalSpy notified(&m_fake, &FakeNotifications::notifyCalled);
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-1"_s}, {u"body"_s, u"Is anyone there?"_s}});
        QVERIFY(notified.wait(10'000));
        const FakeNotifications::Call first = m_fake.calls.first();
        QVERIFY2(first.summary.contains(u"waiting"_s), qPrintable(first.summary));
        QCOMPARE(first.body, u"Is anyone there?"_s);
        QVERIFY(first.actions.contains(u"default"_s));
        // The daemon finds our icon and per-application settings through the desktop file we install.
        const QString desktopEntry = first.hints.value(u"desktop-entry"_s).toString();
        QVERIFY2(QFile::exists(QStringLiteral(FRONTDESK_DESKTOP_DIR "/") + desktopEntry + u".desktop"_s),
                 qPrintable(desktopEntry));
        // Where our own sound can play (tst_alertsound hears it), the daemon is told to add none;
        // where it cannot (no sound server here), the daemon is asked for its own.
        if (notifier.alertSound()->isAvailable()) {
            QCOMPARE(first.hints.value(u"suppress-sound"_s).toBool(), true);
            QVERIFY(!first.hints.contains(u"sound-name"_s));
        } else {
            QCOMPARE(first.hints.value(u"sound-name"_s).toString(), u"message-new-instant"_s);
        }
        QCOMPARE(notifier.attentionCount(), 1);
        QCOMPARE(notifier.waitingCount(), 1);

        // The reminder repeats (replacing the same notification) until someone accepts.
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.calls.size() >= 2, 5000);
        QCOMPARE(m_fake.calls.last().replaces, 101u);
        QVERIFY(m_fake.calls.last().summary.contains(u"still waiting"_s));

        // Clicking the notification opens that chat.
        QSignalSpy open(&notifier, &Notifier::openConversationRequested);
        Q_EMIT m_fake.ActionInvoked(101, u"default"_s);
        QVERIFY(open.wait(5000));
        const int conversationId = open.first().first().toInt();
        QVERIFY(conversationId > 0);

        // Accepting clears the count; that it stops the reminders is checked at the end.
        QSignalSpy notifiedSinceAccept(&notifier, &Notifier::notified);
        client.accept(conversationId);
        QTRY_COMPARE(notifier.attentionCount(), 0);
        const qsizetype callsAfterAccept = m_fake.calls.size();

        // A message in a chat that is not in view notifies too; in view it does not.
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-2"_s}, {u"body"_s, u"Hello again"_s}});
        QTRY_VERIFY(m_fake.calls.size() > callsAfterAccept);
        QCOMPARE(m_fake.calls.last().body, u"Hello again"_s);
        QCOMPARE(notifier.attentionCount(), 1);
        notifier.setWindowActive(true);
        notifier.setViewedConversationId(conversationId);
        QCOMPARE(notifier.attentionCount(), 0);
        const int notificationsInView = notifier.notificationCount();
        // The Notifier hears each message before this spy (it connected first), so once the
        // message is here its decision is made: no waiting on the clock.
        QSignalSpy received(&client, &AgentClient::messageReceived);
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-3"_s}, {u"body"_s, u"Seen?"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(received.cbegin(), received.cend(),
                        [](const QList<QVariant> &args) { return args.first().value<MessageRecord>().body == u"Seen?"_s; }),
            10'000);
        QCOMPARE(notifier.notificationCount(), notificationsInView);

        // A second visitor waits: its reminder comes a repeat period after its first
        // notification, so by then the accepted chat would have been reminded of too.
        JsonSocket second;
        QVERIFY(ConsoleTesting::openVisitor(second, m_server, u"https://shop.test/"_s, u"Home"_s));
        second.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"w-1"_s}, {u"body"_s, u"Me too"_s}});
        const auto isReminder = [](const QList<QVariant> &args) { return args.at(1).toString().contains(u"still waiting"_s); };
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(notifiedSinceAccept.cbegin(), notifiedSinceAccept.cend(), isReminder), 15'000);
        for (const QList<QVariant> &args : std::as_const(notifiedSinceAccept)) {
            if (isReminder(args)) {
                QVERIFY2(args.at(0).toInt() != conversationId, "the accepted chat was reminded of");
                QCOMPARE(args.at(2).toString(), u"1 visitor is waiting for an answer."_s);
                client.accept(args.at(0).toInt()); // the suites after this one start with nobody waiting
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(notifier.waitingCount(), 0, 10'000);
    }

    void escapeMarkup_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << u"Is anyone there?"_s << u"Is anyone there?"_s;
        QTest::newRow("bold") << u"<b>big</b>"_s << u"&lt;b&gt;big&lt;/b&gt;"_s;
        QTest::newRow("image") << u"<img src=\"http://127.0.0.1:9/leak.png\">"_s
                               << u"&lt;img src=&quot;http://127.0.0.1:9/leak.png&quot;&gt;"_s;
        QTest::newRow("entity stays literal") << u"&lt; is <"_s << u"&amp;lt; is &lt;"_s;
        QTest::newRow("link with quotes") << u"<a href='http://x.test'>it's</a>"_s
                                          << u"&lt;a href=&apos;http://x.test&apos;&gt;it&apos;s&lt;/a&gt;"_s;
        QTest::newRow("empty") << QString() << QString();
    }

    void escapeMarkup()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(Notifier::escapeMarkup(text), escaped);
    }

    void hostileStringsReachTheServiceEscaped()
    {
        // The spec lets the server render <b>, <i>, <a href> and <img src> in bodies: what a visitor
        // types must arrive as entities, so it shows as typed and no image is fetched.
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        notifier.setRepeatSeconds(0);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);

        const QString name = u"<b>Eve</b> & <img src=\"http://127.0.0.1:9/name.png\">"_s;
        const QString first = u"<a href=\"http://evil.test/\">click</a> <img src='http://127.0.0.1:9/leak.png'> &lt; 'x'"_s;
        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        const auto profiled = visitor.request({{u"type"_s, u"profile"_s}, {u"name"_s, name}});
        QVERIFY(profiled && profiled->value(u"type"_s) == u"ok"_s);
        QSignalSpy notified(&m_fake, &FakeNotifications::notifyCalled);
        const qsizetype before = m_fake.calls.size();
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"h-1"_s}, {u"body"_s, first}});
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.calls.size() > before, 10'000);
        const FakeNotifications::Call waiting = m_fake.calls.at(before);
        QCOMPARE(waiting.body,
                 u"&lt;a href=&quot;http://evil.test/&quot;&gt;click&lt;/a&gt; "
                 u"&lt;img src=&apos;http://127.0.0.1:9/leak.png&apos;&gt; &amp;lt; &apos;x&apos;"_s);
        QVERIFY2(!waiting.body.contains(u'<') && !waiting.body.contains(u'>'), qPrintable(waiting.body));
        // The summary is plain text in the spec (servers escape it themselves): the name as given.
        QVERIFY2(waiting.summary.contains(name), qPrintable(waiting.summary));

        // Accepted, and not in view: the visitor's next message notifies, escaped the same way.
        QSignalSpy open(&notifier, &Notifier::openConversationRequested);
        Q_EMIT m_fake.ActionInvoked(uint(100 + before + 1), u"default"_s);
        QVERIFY(open.wait(5000));
        const int conversationId = open.first().first().toInt();
        client.accept(conversationId);
        QTRY_COMPARE(notifier.waitingCount(), 0);
        const qsizetype accepted = m_fake.calls.size();
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"h-2"_s}, {u"body"_s, u"<font size=7>big</font>"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.calls.size() > accepted, 10'000);
        QCOMPARE(m_fake.calls.last().body, u"&lt;font size=7&gt;big&lt;/font&gt;"_s);
        client.close(conversationId);
    }

    void withoutBodyMarkupTheBodyGoesAsTyped()
    {
        // A server without "body-markup" shows the body as it is: entities would show as "&lt;".
        m_fake.bodyMarkup = false;
        const auto restore = qScopeGuard([this] { m_fake.bodyMarkup = true; });
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        notifier.setRepeatSeconds(0);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);
        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        const qsizetype before = m_fake.calls.size();
        const QString body = u"<b>bold</b> &lt; 'x'"_s;
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"p-1"_s}, {u"body"_s, body}});
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.calls.size() > before, 10'000);
        QCOMPARE(m_fake.calls.at(before).body, body);
    }

private:
    TestServer m_server;
    FakeNotifications m_fake;
    std::unique_ptr<QDBusConnection> m_bus;
    ConsoleTesting::PrivateSessionBus m_privateBus;
};

QTEST_GUILESS_MAIN(NotifierTest)
#include "tst_notifier.moc"
