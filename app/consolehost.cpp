#include "consolehost.h"

#include "agentclient.h"
#include "consolesettings.h"
#include "notifier.h"
#include "sessioncontroller.h"
#include "unixsignalwatcher.h"

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

int ConsoleHost::run(QCoreApplication &app, const ServerConfig &config)
{
    ConsoleSettings settings;
    installTranslation(app, settings.language());
    // Material follows the system's light or dark scheme (Material.System in Main.qml).
    QQuickStyle::setStyle(u"Material"_s);

    AgentClient client;
    Notifier notifier;
    notifier.setClient(&client);
    notifier.setRepeatSeconds(settings.repeatSeconds());
    notifier.setSoundEnabled(settings.soundEnabled());
    notifier.alertSound()->setVolume(settings.soundVolume());
    notifier.setEnabled(settings.notificationsEnabled());
    notifier.showTrayIcon();
    SessionController session(&client, &settings, config);

    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &app, &QCoreApplication::quit);

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{u"client"_s, QVariant::fromValue(&client)},
                                 {u"settings"_s, QVariant::fromValue(&settings)},
                                 {u"notifier"_s, QVariant::fromValue(&notifier)},
                                 {u"session"_s, QVariant::fromValue(&session)}});
    engine.load(QUrl(u"qrc:/Frontdesk/Console/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;
    QTimer::singleShot(0, &session, &SessionController::start);
    return app.exec();
}

} // namespace Frontdesk
