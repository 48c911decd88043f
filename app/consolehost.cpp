#include "consolehost.h"

#include "agentclient.h"
#include "consolelifecycle.h"
#include "consolesettings.h"
#include "conversationmodel.h"
#include "notifier.h"
#include "sessioncontroller.h"
#include "singleinstance.h"
#include "trayicon.h"
#include "unixsignalwatcher.h"

#include <cstdio>

#include <QCoreApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QTimer>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Frontdesk {

void ConsoleHost::installTranslation(QCoreApplication &app, const QString &language)
{
    auto *translator = new QTranslator(&app);
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    // The .qm files are compiled by the build into the resource :/i18n.
    if (translator->load(locale, u"console"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

int ConsoleHost::run(QCoreApplication &app, const ServerConfig &config, bool startMinimized)
{
    ConsoleSettings settings;
    installTranslation(app, settings.language());
    // One console per user: a second start brings the first one forward and is done.
    SingleInstance instance;
    switch (instance.claim()) {
    case SingleInstance::Claim::Primary:
        break;
    case SingleInstance::Claim::AskedRunning:
        std::fputs("Frontdesk is already running: its window was brought to the front.\n", stdout);
        return 0;
    case SingleInstance::Claim::Failed:
        std::fputs(qPrintable(u"frontdesk: "_s + instance.errorString() + u'\n'), stderr);
        return 1;
    }
    // Material follows the system's light or dark scheme (Material.System in Main.qml).
    QQuickStyle::setStyle(u"Material"_s);

    AgentClient client;
    Notifier notifier;
    notifier.setClient(&client);
    notifier.setRepeatSeconds(settings.repeatSeconds());
    notifier.setSoundEnabled(settings.soundEnabled());
    notifier.alertSound()->setVolume(settings.soundVolume());
    notifier.setEnabled(settings.notificationsEnabled());
    SessionController session(&client, &settings, config);
    // The tray's queue and the quit question's counts read one model of their own (the window's is QML's).
    ConversationModel conversations;
    conversations.setClient(&client);
    TrayIcon tray(&client, &conversations);
    tray.show();
    notifier.setTrayIcon(tray.systemTrayIcon());
    ConsoleLifecycle lifecycle(&client, &conversations, &session, &settings, &notifier, &tray, startMinimized);
    QObject::connect(&instance, &SingleInstance::activationRequested, &lifecycle, &ConsoleLifecycle::showWindow);

    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &app, &QCoreApplication::quit);

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{u"client"_s, QVariant::fromValue(&client)},
                                 {u"settings"_s, QVariant::fromValue(&settings)},
                                 {u"notifier"_s, QVariant::fromValue(&notifier)},
                                 {u"session"_s, QVariant::fromValue(&session)},
                                 {u"lifecycle"_s, QVariant::fromValue(&lifecycle)}});
    engine.load(QUrl(u"qrc:/Frontdesk/Console/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;
    QTimer::singleShot(0, &session, &SessionController::start);
    return app.exec();
}

} // namespace Frontdesk
