// A new waiting visitor raises a desktop notification through the real D-Bus
// path: a fake org.freedesktop.Notifications service on the test's private
// session bus (run-tests.sh runs one) records the Notify calls, and its
// ActionInvoked signal opens the chat.
#include "agentclient.h"
#include "consoletesting.h"
#include "notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QtTest>

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
    QStringList GetCapabilities() { return {u"actions"_s, u"body"_s, u"sound"_s}; }
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
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("no D-Bus session bus (run through tests/support/run-tests.sh)");
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
        QCOMPARE(first.hints.value(u"sound-name"_s).toString(), u"message-new-instant"_s);
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

        // Accepting stops the reminders and clears the count.
        client.accept(conversationId);
        QTRY_COMPARE(notifier.attentionCount(), 0);
        const qsizetype callsAfterAccept = m_fake.calls.size();
        QTest::qWait(2200);
        QCOMPARE(m_fake.calls.size(), callsAfterAccept);

        // A message in a chat that is not in view notifies too; in view it does not.
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-2"_s}, {u"body"_s, u"Hello again"_s}});
        QTRY_VERIFY(m_fake.calls.size() > callsAfterAccept);
        QCOMPARE(m_fake.calls.last().body, u"Hello again"_s);
        QCOMPARE(notifier.attentionCount(), 1);
        notifier.setWindowActive(true);
        notifier.setViewedConversationId(conversationId);
        QCOMPARE(notifier.attentionCount(), 0);
        const qsizetype callsInView = m_fake.calls.size();
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-3"_s}, {u"body"_s, u"Seen?"_s}});
        QTest::qWait(500);
        QCOMPARE(m_fake.calls.size(), callsInView);
    }

private:
    TestServer m_server;
    FakeNotifications m_fake;
    std::unique_ptr<QDBusConnection> m_bus;
};

QTEST_GUILESS_MAIN(NotifierTest)
#include "tst_notifier.moc"
