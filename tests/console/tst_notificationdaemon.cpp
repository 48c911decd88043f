// Notifications through a real notification daemon: Debian's dunst on its
// own Xvfb display and on the test's private D-Bus session. A visitor's
// markup must reach the daemon escaped, so dunst (which renders a markup
// subset in bodies) shows it as typed.
#include "agentclient.h"
#include "consoletesting.h"
#include "notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace Frontdesk;

class tst_NotificationDaemon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run through tests/support/run-tests.sh (private D-Bus)");
        const QString xvfb = QStandardPaths::findExecutable(u"Xvfb"_s);
        const QString dunst = QStandardPaths::findExecutable(u"dunst"_s);
        QVERIFY2(!xvfb.isEmpty() && !dunst.isEmpty(), "Xvfb and dunst are test packages (packaging/quickstart.sh test)");
        QVERIFY2(!QDBusConnection::sessionBus().interface()->isServiceRegistered(u"org.freedesktop.Notifications"_s),
                 "another notification service is running on this bus");

        const QString display = u":%1"_s.arg(QRandomGenerator::global()->bounded(200, 900));
        m_xvfb.start(xvfb, {display, u"-screen"_s, u"0"_s, u"1024x768x24"_s, u"-nolisten"_s, u"tcp"_s});
        QVERIFY(m_xvfb.waitForStarted(5'000));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DISPLAY"_s, display);
        m_dunst.setProcessEnvironment(environment);
        m_dunst.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // The stock configuration: markup is rendered in bodies, as on a user's desktop.
        for (int attempt = 0; attempt < 50 && !daemonReady(); ++attempt) {
            if (m_dunst.state() == QProcess::NotRunning)
                m_dunst.start(dunst, {u"-config"_s, u"/etc/xdg/dunst/dunstrc"_s});
            QTest::qWait(100);
        }
        QVERIFY2(daemonReady(), "dunst did not claim org.freedesktop.Notifications");
        QString error;
        QVERIFY2(m_server.start(u"sqlite"_s, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        for (QProcess *process : {&m_dunst, &m_xvfb}) {
            process->terminate();
            if (!process->waitForFinished(3'000))
                process->kill();
        }
    }

    void visitorMarkupShowsAsTyped()
    {
        AgentClient client(u"frontdesk-test-console"_s, nullptr);
        Notifier notifier;
        notifier.setClient(&client);
        notifier.setRepeatSeconds(0);
        client.login(m_server.httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), AgentClient::Online, 20'000);

        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, m_server, u"https://shop.test/"_s, u"Home"_s));
        QVERIFY(visitor.request({{u"type"_s, u"profile"_s}, {u"name"_s, u"<b>Eve</b>"_s}}));
        QSignalSpy notified(&notifier, &Notifier::notified);
        const QString first = u"<i>bold claim</i> <img src='http://127.0.0.1:9/leak.png'> & more"_s;
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"d-1"_s}, {u"body"_s, first}});
        QVERIFY(notified.wait(10'000));

        // What dunst holds: "message" is the text it renders from summary and body (Pango markup).
        QJsonObject shown;
        for (int attempt = 0; attempt < 50 && shown.isEmpty(); ++attempt) {
            for (const QJsonValue &entry : history()) {
                if (entry[u"body"_s][u"data"_s].toString().contains(u"leak.png"_s))
                    shown = entry.toObject();
            }
            if (shown.isEmpty())
                QTest::qWait(100);
        }
        QVERIFY2(!shown.isEmpty(), "the notification is not in dunst's history");
        const QString body = shown[u"body"_s][u"data"_s].toString();
        const QString message = shown[u"message"_s][u"data"_s].toString();
        // Sent escaped, so the markup is text: the tags and the image address survive as characters...
        QVERIFY2(body.contains(u"&lt;i&gt;bold claim&lt;/i&gt;"_s), qPrintable(body));
        QVERIFY2(message.contains(u"&lt;img src="_s) || message.contains(u"<img src="_s), qPrintable(message));
        // ...where an unescaped body would have lost them to the markup parser.
        QVERIFY2(message.contains(u"bold claim"_s) && message.contains(u"leak.png"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"<i>"_s), qPrintable(message));
        QVERIFY2(shown[u"summary"_s][u"data"_s].toString().contains(u"<b>Eve</b>"_s),
                 qPrintable(shown[u"summary"_s][u"data"_s].toString()));
    }

private:
    [[nodiscard]] static bool daemonReady()
    {
        return QDBusConnection::sessionBus().interface()->isServiceRegistered(u"org.freedesktop.Notifications"_s);
    }

    /// What dunst showed: it moves a notification to its history once closed, so close them all first.
    [[nodiscard]] QJsonArray history() const
    {
        QProcess closeAll;
        closeAll.setProcessEnvironment(m_dunst.processEnvironment());
        closeAll.start(u"dunstctl"_s, {u"close-all"_s});
        closeAll.waitForFinished(5'000);
        QProcess dunstctl;
        dunstctl.setProcessEnvironment(m_dunst.processEnvironment());
        dunstctl.start(u"dunstctl"_s, {u"history"_s});
        if (!dunstctl.waitForFinished(5'000))
            return {};
        // {"type":"aa","data":[[{"body":{"type":"s","data":"…"},"message":…,"summary":…}, …]]}
        const QJsonObject answer = QJsonDocument::fromJson(dunstctl.readAllStandardOutput()).object();
        return answer[u"data"_s].toArray().first().toArray();
    }

    TestServer m_server;
    QProcess m_xvfb;
    QProcess m_dunst;
};

QTEST_GUILESS_MAIN(tst_NotificationDaemon)
#include "tst_notificationdaemon.moc"
