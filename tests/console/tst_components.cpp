// The console's building blocks (Frontdesk.Console), one by one, with Qt Quick
// Test: the QML files in tests/console/qml/ create the real components with
// plain properties and check what they show and do.
//
// Two agent clients are handed to QML as context properties:
//   - offlineClient: never connects, so every reply the Composer sends stays in
//     its outbox and shows in a MessageListModel as a "sending" row (the test
//     reads it back with transcript());
//   - onlineClient: signed in to a real TestServer (SQLite), so a
//     CannedResponseModel can hold real canned responses for /shortcut
//     expansion. serverError says why it is not, if it is not.
#include "agentclient.h"
#include "testserver.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Frontdesk_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(Frontdesk_ClientPlugin)

using namespace Frontdesk;
using namespace Qt::StringLiterals;

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(u"Material"_s);
        m_offline = std::make_unique<AgentClient>(u"frontdesk-test-components"_s, nullptr);
        m_online = std::make_unique<AgentClient>(u"frontdesk-test-components"_s, nullptr);
        m_server = std::make_unique<TestServer>();
        QString error;
        if (!m_server->start(u"sqlite"_s, &error)) {
            m_serverError = u"test server did not start: "_s + error;
            return;
        }
        m_online->login(m_server->httpUrl(u"/"_s), TestServer::adminEmail, TestServer::adminPassword);
        if (!QTest::qWaitFor([this] { return m_online->isOnline(); }, 20'000))
            m_serverError = u"the online client did not sign in: "_s + m_online->errorString();
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // The static modules keep their qmldir in the resources (qrc:/Frontdesk/...).
        engine->addImportPath(u"qrc:/"_s);
        engine->rootContext()->setContextProperty(u"offlineClient"_s, m_offline.get());
        engine->rootContext()->setContextProperty(u"onlineClient"_s, m_online.get());
        engine->rootContext()->setContextProperty(u"serverError"_s, m_serverError);
    }

    void cleanupTestCase()
    {
        m_online.reset();
        m_offline.reset();
        m_server.reset();
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<AgentClient> m_offline;
    std::unique_ptr<AgentClient> m_online;
    QString m_serverError;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_components, Setup)

#include "tst_components.moc"
