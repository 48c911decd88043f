// The console's own sounds, heard by a real sound server: a private
// PulseAudio with a null sink (TestSoundServer) receives what libcanberra
// plays, and each stream is read back with its event id, application and
// volume. A waiting visitor rings, rings again each period (once however many
// wait) and stops when another console accepts or the visitor leaves; a
// message in a chat not in view chimes, softer; muted plays nothing. A fake
// notification service on a private bus checks that the daemon is told not to
// add a sound of its own while ours plays, and asked for its own when ours
// cannot.
#include "agentclient.h"
#include "alertsound.h"
#include "consoletesting.h"
#include "notifier.h"
#include "testsoundserver.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

/// @brief The notification service, as far as the sound hints go.
class HintRecorder : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<QVariantMap> hints;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(appName);
        Q_UNUSED(appIcon);
        Q_UNUSED(summary);
        Q_UNUSED(body);
        Q_UNUSED(actions);
        Q_UNUSED(expireTimeout);
        this->hints.append(hints);
        return replacesId != 0 ? replacesId : uint(100 + this->hints.size());
    }
    QStringList GetCapabilities() { return {u"actions"_s, u"body"_s, u"body-markup"_s, u"sound"_s}; }
    void CloseNotification(uint id) { Q_UNUSED(id); }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
};

class tst_AlertSound : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // A bus of our own, so our fake is the only notification service whoever else runs.
        QVERIFY2(m_privateBus.start(), "no dbus-daemon to start (apt install dbus)");
        m_bus = std::make_unique<QDBusConnection>(QDBusConnection::connectToBus(QDBusConnection::SessionBus, u"hints"_s));
        QVERIFY(m_bus->isConnected());
        QVERIFY(m_bus->registerObject(u"/org/freedesktop/Notifications"_s, &m_hints,
                                      QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY2(m_bus->registerService(u"org.freedesktop.Notifications"_s), qPrintable(m_bus->lastError().message()));

        QString error;
        QVERIFY2(m_sound.start(&error), qPrintable(error));
        // libcanberra's pulse backend only: a fallback to ALSA would play nowhere we can hear.
        qputenv("CANBERRA_DRIVER", "pulse");
        QVERIFY2(m_server.start(u"sqlite"_s, &error), qPrintable(error));
        m_other.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(m_other.state(), AgentClient::Online, 20'000);
    }

    void cleanupTestCase()
    {
        if (m_bus) {
            m_bus->unregisterService(u"org.freedesktop.Notifications"_s);
            QDBusConnection::disconnectFromBus(u"hints"_s);
        }
        m_privateBus.stop();
    }

    /// Every chat a case opened is closed, even when the case failed half-way: a chat left
    /// waiting would ring in the next case.
    void cleanup()
    {
        for (const int conversationId : std::as_const(m_opened))
            m_other.close(conversationId);
        if (!m_opened.isEmpty())
            QTest::qWait(500);
        m_opened.clear();
    }

    void playsTheThemeSoundAtTheVolumeSet_data()
    {
        QTest::addColumn<AlertSound::Sound>("sound");
        QTest::addColumn<int>("volume");
        QTest::addColumn<QString>("eventId");
        QTest::addColumn<double>("decibels");
        QTest::newRow("ring, full") << AlertSound::Sound::Test << 100 << u"phone-incoming-call"_s << 0.0;
        QTest::newRow("ring, half") << AlertSound::Sound::Test << 50 << u"phone-incoming-call"_s << -18.06;
        QTest::newRow("chime, 80 %: 8 dB softer") << AlertSound::Sound::Message << 80 << u"message-new-instant"_s << -13.81;
    }

    void playsTheThemeSoundAtTheVolumeSet()
    {
        QFETCH(AlertSound::Sound, sound);
        QFETCH(int, volume);
        QFETCH(QString, eventId);
        QFETCH(double, decibels);
        AlertSound alert;
        alert.setVolume(volume);
        QSignalSpy played(&alert, &AlertSound::played);
        const qint64 since = m_sound.clockMs();
        alert.play(sound);
        QTRY_VERIFY_WITH_TIMEOUT(!m_sound.playedSince(since).isEmpty(), 10'000);
        const TestSoundServer::Played heard = m_sound.playedSince(since).first();
        QCOMPARE(heard.eventId, eventId);
        QCOMPARE(heard.applicationName, u"Frontdesk"_s);
        QCOMPARE(heard.applicationId, u"frontdesk"_s);
        QCOMPARE(heard.mediaRole, u"event"_s);
        QVERIFY2(std::abs(heard.decibels - decibels) < 0.1, qPrintable(u"%1 dB"_s.arg(heard.decibels)));
        QTRY_COMPARE(played.size(), 1);
        QCOMPARE(played.first().at(1).toString(), eventId);
        QVERIFY(alert.isAvailable());
        QVERIFY(alert.errorString().isEmpty());
    }

    void waitingVisitorsRingEachPeriodUntilAnotherConsoleAccepts()
    {
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        track(notifier);
        notifier.setRepeatSeconds(period / 1000);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);
        const qsizetype hintsBefore = m_hints.hints.size();

        // Two visitors at once: one ring, not one each.
        QSignalSpy notified(&notifier, &Notifier::notified);
        JsonSocket first;
        JsonSocket second;
        QVERIFY(ConsoleTesting::openVisitor(first, m_server, u"https://shop.test/"_s, u"Home"_s));
        QVERIFY(ConsoleTesting::openVisitor(second, m_server, u"https://shop.test/"_s, u"Home"_s));
        const qint64 start = m_sound.clockMs();
        first.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"r-1"_s}, {u"body"_s, u"Hello?"_s}});
        second.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"r-2"_s}, {u"body"_s, u"Me too"_s}});
        QTRY_COMPARE_WITH_TIMEOUT(notifier.waitingCount(), 2, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_sound.playedSince(start).isEmpty(), 5'000);
        QCOMPARE(m_sound.playedSince(start).first().eventId, u"phone-incoming-call"_s);
        QVERIFY2(m_sound.playedSince(start).first().atMs - start < 2'000, "the first ring came late");

        // Again each period, once per period for both: rings at about 0, 3 and 6 s.
        QTest::qWait(int(2.5 * period));
        const QList<TestSoundServer::Played> rings = m_sound.playedSince(start);
        QCOMPARE(rings.size(), 3);
        for (qsizetype i = 1; i < rings.size(); ++i) {
            const qint64 gap = rings.at(i).atMs - rings.at(i - 1).atMs;
            QVERIFY2(gap > period - 700 && gap < period + 700, qPrintable(u"%1 ms between rings"_s.arg(gap)));
            QCOMPARE(rings.at(i).eventId, u"phone-incoming-call"_s);
        }
        // Our sound plays, so every notification told the daemon to add none.
        QVERIFY(m_hints.hints.size() > hintsBefore);
        for (qsizetype i = hintsBefore; i < m_hints.hints.size(); ++i) {
            QCOMPARE(m_hints.hints.at(i).value(u"suppress-sound"_s).toBool(), true);
            QVERIFY(!m_hints.hints.at(i).contains(u"sound-name"_s));
        }

        // Another console accepts both: no ring after that.
        QList<int> waiting;
        for (const QList<QVariant> &args : std::as_const(notified)) {
            if (args.at(1).toString().contains(u"is waiting"_s))
                waiting.append(args.at(0).toInt());
        }
        QCOMPARE(waiting.size(), 2);
        for (const int conversationId : std::as_const(waiting))
            m_other.accept(conversationId);
        QTRY_COMPARE_WITH_TIMEOUT(notifier.waitingCount(), 0, 10'000);
        const qint64 accepted = m_sound.clockMs();
        QTest::qWait(2 * period + 500);
        QCOMPARE(m_sound.playedSince(accepted).size(), 0);
    }

    void aVisitorWhoLeftIsNotRungFor()
    {
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        track(notifier);
        notifier.setRepeatSeconds(period / 1000);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);

        QSignalSpy notified(&notifier, &Notifier::notified);
        QSignalSpy connectionChanged(&client, &AgentClient::visitorConnectionChanged);
        int conversationId = 0;
        {
            JsonSocket visitor;
            QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
            const qint64 start = m_sound.clockMs();
            visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"l-1"_s}, {u"body"_s, u"Hi"_s}});
            QTRY_VERIFY_WITH_TIMEOUT(!m_sound.playedSince(start).isEmpty(), 10'000);
            QVERIFY(!notified.isEmpty());
            conversationId = notified.first().first().toInt();
            visitor.socket().close();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!connectionChanged.isEmpty(), 10'000);
        QCOMPARE(connectionChanged.last().at(2).toBool(), false);
        const qint64 left = m_sound.clockMs();
        QTest::qWait(2 * period + 500);
        QCOMPARE(m_sound.playedSince(left).size(), 0);
        QCOMPARE(notifier.waitingCount(), 1); // still in the queue: only the ring stops
        QVERIFY(conversationId > 0);
    }

    void aMessageInAChatNotInViewChimes()
    {
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        track(notifier);
        notifier.setRepeatSeconds(0);
        notifier.alertSound()->setVolume(100);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);

        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        QSignalSpy notified(&notifier, &Notifier::notified);
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"m-1"_s}, {u"body"_s, u"Question"_s}});
        QVERIFY(notified.wait(10'000));
        const int conversationId = notified.first().first().toInt();
        client.accept(conversationId);
        QTRY_COMPARE_WITH_TIMEOUT(notifier.waitingCount(), 0, 10'000);

        const qint64 before = m_sound.clockMs();
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"m-2"_s}, {u"body"_s, u"Are you there?"_s}});
        QTRY_VERIFY_WITH_TIMEOUT(!m_sound.playedSince(before).isEmpty(), 10'000);
        const TestSoundServer::Played chime = m_sound.playedSince(before).first();
        QCOMPARE(chime.eventId, u"message-new-instant"_s);
        QVERIFY2(std::abs(chime.decibels + AlertSound::messageAttenuationDb) < 0.1,
                 qPrintable(u"%1 dB: not softer than the ring"_s.arg(chime.decibels)));

        // In view: nothing.
        notifier.setWindowActive(true);
        notifier.setViewedConversationId(conversationId);
        QSignalSpy received(&client, &AgentClient::messageReceived);
        const qint64 inView = m_sound.clockMs();
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"m-3"_s}, {u"body"_s, u"Seen?"_s}});
        QVERIFY(received.wait(10'000));
        QTest::qWait(1'500);
        QCOMPARE(m_sound.playedSince(inView).size(), 0);
    }

    void mutedOrSilentPlaysNothing_data()
    {
        QTest::addColumn<bool>("soundEnabled");
        QTest::addColumn<int>("volume");
        QTest::newRow("muted") << false << 80;
        QTest::newRow("volume 0") << true << 0;
    }

    void mutedOrSilentPlaysNothing()
    {
        QFETCH(bool, soundEnabled);
        QFETCH(int, volume);
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        track(notifier);
        notifier.setRepeatSeconds(1);
        notifier.setSoundEnabled(soundEnabled);
        notifier.alertSound()->setVolume(volume);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);

        const qsizetype hintsBefore = m_hints.hints.size();
        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        QSignalSpy notified(&notifier, &Notifier::notified);
        const qint64 start = m_sound.clockMs();
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"q-1"_s}, {u"body"_s, u"Quiet please"_s}});
        QVERIFY(notified.wait(10'000));
        QTest::qWait(2'500); // the first notification and two reminders
        QVERIFY(notified.size() >= 2);
        QCOMPARE(m_sound.playedSince(start).size(), 0);
        // Nor does the daemon play one in our place.
        QTRY_VERIFY(m_hints.hints.size() > hintsBefore);
        for (qsizetype i = hintsBefore; i < m_hints.hints.size(); ++i) {
            QCOMPARE(m_hints.hints.at(i).value(u"suppress-sound"_s).toBool(), true);
            QVERIFY(!m_hints.hints.at(i).contains(u"sound-name"_s));
        }
    }

    void withoutASoundServerTheDaemonPlaysItsOwn()
    {
        // No sound server at this address: a log line and `available` false, no crash, no dialog;
        // the notifications then ask the daemon for its sound.
        const QByteArray address = qgetenv("PULSE_SERVER");
        qputenv("PULSE_SERVER", "unix:/nonexistent/frontdesk-test/native");
        const auto restore = qScopeGuard([address] { qputenv("PULSE_SERVER", address); });
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        QSignalSpy availability(notifier.alertSound(), &AlertSound::availabilityChanged);
        notifier.setClient(&client);
        track(notifier);
        notifier.setRepeatSeconds(0);
        QVERIFY(availability.wait(10'000));
        QVERIFY(!notifier.alertSound()->isAvailable());
        QVERIFY2(notifier.alertSound()->errorString().startsWith(u"No sound device"_s),
                 qPrintable(notifier.alertSound()->errorString()));
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);

        const qsizetype hintsBefore = m_hints.hints.size();
        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        QSignalSpy notified(&notifier, &Notifier::notified);
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"n-1"_s}, {u"body"_s, u"Anyone?"_s}});
        QVERIFY(notified.wait(10'000));
        QTRY_VERIFY(m_hints.hints.size() > hintsBefore);
        const QVariantMap hints = m_hints.hints.at(hintsBefore);
        QCOMPARE(hints.value(u"sound-name"_s).toString(), u"message-new-instant"_s);
        QVERIFY(!hints.value(u"suppress-sound"_s).toBool());
    }

private:
    static constexpr int period = 3000; ///< repeatSeconds in the ringing cases, in ms

    /// Remembers every chat @p notifier is told of, for cleanup().
    void track(const Notifier &notifier)
    {
        connect(&notifier, &Notifier::notified, this, [this](int conversationId) {
            if (!m_opened.contains(conversationId))
                m_opened.append(conversationId);
        });
    }

    ConsoleTesting::PrivateSessionBus m_privateBus;
    QList<int> m_opened; ///< chats the current case opened
    std::unique_ptr<QDBusConnection> m_bus;
    HintRecorder m_hints;
    TestSoundServer m_sound;
    TestServer m_server;
    AgentClient m_other{u"frontdesk-test-other-console"_s, nullptr}; ///< another console: accepts and closes
};

QTEST_GUILESS_MAIN(tst_AlertSound)
#include "tst_alertsound.moc"
