#include "consolehost.h"

#include "frontdeskserver.h"
#include "unixsignalwatcher.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Frontdesk {

int ConsoleHost::run(QCoreApplication &app, const ServerConfig &config)
{
    // The GUI thread never waits on the network or the database: the server
    // lives on its own thread and reports back through queued signals.
    QThread networkThread;
    networkThread.setObjectName(u"network"_s);
    auto *server = new FrontdeskServer(config);
    server->moveToThread(&networkThread);
    QObject::connect(&networkThread, &QThread::finished, server, &QObject::deleteLater);
    networkThread.start();

    QQmlApplicationEngine engine;
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &app, &QCoreApplication::quit);
    int exitCode = 0;

    QObject::connect(server, &FrontdeskServer::failed, &app, [&app, &exitCode](const QString &error) {
        qCritical().noquote() << error;
        exitCode = 1;
        app.quit();
    });
    QObject::connect(server, &FrontdeskServer::started, &app, [&engine, server](const QUrl &url, const QStringList &setupLines) {
        QStringList snippets;
        for (const SiteRecord &site : server->sites().all())
            snippets.append(server->snippet(site));
        for (const QString &line : setupLines)
            qInfo().noquote() << line;
        qInfo().noquote() << "listening on" << url.toString();
        engine.setInitialProperties(
            {{u"serverUrl"_s, url.toString()}, {u"snippet"_s, snippets.join(u'\n')}, {u"setupLines"_s, setupLines}});
        engine.load(QUrl(u"qrc:/Frontdesk/Console/Main.qml"_s));
    });
    QTimer::singleShot(0, server, &FrontdeskServer::start);

    const int loopResult = app.exec();
    // Stop on the server's own thread, so every acknowledged message is committed.
    QMetaObject::invokeMethod(server, &FrontdeskServer::stop, Qt::BlockingQueuedConnection);
    networkThread.quit();
    networkThread.wait();
    return exitCode != 0 ? exitCode : loopResult;
}

} // namespace Frontdesk
