// frontdesk: the console (GUI) or, without a display, the headless server.
#include "bootstrap.h"
#include "commandline.h"
#include "core/continuewith.h"
#include "secrets/secretstore.h"
#include "serverthread.h"
#include "store/store.h"
#include "unixsignalwatcher.h"

#ifdef FRONTDESK_WITH_GUI
#include "consolehost.h"
#include <QApplication>
#include <QtQml/QQmlExtensionPlugin>
Q_IMPORT_QML_PLUGIN(Frontdesk_ConsolePlugin)
Q_IMPORT_QML_PLUGIN(Frontdesk_ClientPlugin)
#endif

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

void printLine(FILE *stream, const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stream);
    std::fflush(stream);
}

QString readSecretLine(const char *environmentVariable, const QString &prompt)
{
    if (qEnvironmentVariableIsSet(environmentVariable))
        return qEnvironmentVariable(environmentVariable);
    printLine(stderr, prompt);
    QTextStream in(stdin);
    return in.readLine();
}

// A MariaDB password never comes from the command line: the environment
// (systemd's EnvironmentFile) or the desktop's secret store.
bool resolveDatabasePassword(DatabaseConfig *database)
{
    if (database->kind != DatabaseConfig::Kind::MariaDb)
        return true;
    if (qEnvironmentVariableIsSet("FRONTDESK_DB_PASSWORD")) {
        database->password = qEnvironmentVariable("FRONTDESK_DB_PASSWORD");
        return true;
    }
    const SecretResult secret = SecretStore::readBlocking(SecretStore::defaultServiceName(),
                                                          SecretStore::keyForDatabasePassword(database->displayUrl()));
    if (secret.found) {
        database->password = secret.value;
        return true;
    }
    // No password anywhere may be right (socket authentication); say where we looked.
    qWarning().noquote() << "no password for" << database->displayUrl() << "in FRONTDESK_DB_PASSWORD or the secret store"
                         << (secret.ok() ? QString() : u"(" + secret.error + u')') << "- connecting without one";
    return true;
}

// The SMTP password, like the database's: the environment or the secret store.
void resolveSmtpPassword(MailSettings *mail)
{
    if (!mail->isEnabled() || mail->user.isEmpty())
        return;
    if (qEnvironmentVariableIsSet("FRONTDESK_SMTP_PASSWORD")) {
        mail->password = qEnvironmentVariable("FRONTDESK_SMTP_PASSWORD");
        return;
    }
    const SecretResult secret = SecretStore::readBlocking(SecretStore::defaultServiceName(),
                                                          SecretStore::keyForSmtpPassword(mail->smtpUrl.toString(), mail->user));
    if (secret.found) {
        mail->password = secret.value;
        return;
    }
    qWarning().noquote() << "no SMTP password for" << mail->user << "at" << mail->smtpUrl.toString()
                         << "in FRONTDESK_SMTP_PASSWORD or the secret store"
                         << (secret.ok() ? QString() : u"(" + secret.error + u')')
                         << "- the SMTP server will refuse the login, and the console will show its answer";
}

int runHeadless(QCoreApplication &app, const CommandLine &command)
{
    // The main thread keeps Qt's dispatcher and handles signals; the server runs on its own thread.
    ServerThread server;
    UnixSignalWatcher signals_;
    int exitCode = 0;
    QObject::connect(&signals_, &UnixSignalWatcher::terminationRequested, &app, [&app](int signalNumber) {
        qInfo("signal %d: stopping (committing what was acknowledged)", signalNumber);
        app.quit();
    });
    QObject::connect(&server, &ServerThread::failed, &app, [&app, &exitCode](const QString &error) {
        printLine(stderr, u"frontdesk: "_s + error);
        exitCode = 1;
        app.quit();
    });
    // The listen URL first (scripts and tests read it to connect), then where visitors reach it.
    const QUrl publicUrl = command.server.publicUrl;
    QObject::connect(&server, &ServerThread::started, &app, [publicUrl](const QUrl &url) {
        printLine(stdout,
                  u"listening on "_s + url.toString()
                      + (publicUrl.isEmpty() ? QString() : u" (public URL "_s + publicUrl.toString() + u')'));
    });
    server.start(command.server);
    const int loopResult = app.exec();
    server.stop();
    qInfo("stopped");
    return exitCode != 0 ? exitCode : loopResult;
}

// A one-shot command on the database: opens it (saying so when it cannot),
// runs @p work, which calls `finish(exitCode)` when done, then closes it.
int runWithStore(QCoreApplication &app, const DatabaseConfig &database,
                 const std::function<void(Store &store, const std::function<void(int)> &finish)> &work)
{
    Store store;
    int exitCode = 1;
    const auto finish = [&app, &exitCode](int code) {
        exitCode = code;
        app.exit(code);
    };
    continueWith(store.open(database), &app, [&](const StoreResult<int> &result) {
        if (!result.ok()) {
            printLine(stderr, u"frontdesk: could not open %1: %2"_s.arg(database.displayUrl(), result.message));
            finish(1);
            return;
        }
        work(store, finish);
    });
    app.exec();
    store.close();
    return exitCode;
}

int runCreateAgent(QCoreApplication &app, const CommandLine &command)
{
    const QString password = readSecretLine("FRONTDESK_AGENT_PASSWORD", u"Password for %1:"_s.arg(command.agentEmail));
    return runWithStore(app, command.server.database, [&](Store &store, const std::function<void(int)> &finish) {
        Bootstrap::createAgent(&store, command.agentEmail, command.agentName, password, command.agentRole, &app,
                               [finish](bool ok, const QString &message) {
                                   printLine(ok ? stdout : stderr, ok ? message : u"frontdesk: "_s + message);
                                   finish(ok ? 0 : 1);
                               });
    });
}

int runSiteInfo(QCoreApplication &app, const CommandLine &command)
{
    return runWithStore(app, command.server.database, [&](Store &store, const std::function<void(int)> &finish) {
        continueWith(store.sites().listSites(), &app, [finish](const StoreResult<QList<SiteRecord>> &sites) {
            if (!sites.ok()) {
                printLine(stderr, u"frontdesk: "_s + sites.message);
                finish(1);
                return;
            }
            if (sites.value.isEmpty())
                printLine(stdout, u"No site yet: start Frontdesk once to create one."_s);
            for (const SiteRecord &site : sites.value) {
                // The id is what the agent protocol's site commands take ("siteId").
                printLine(stdout, u"site %1: %2"_s.arg(site.id).arg(site.name));
                printLine(stdout, u"  site key: %1"_s.arg(site.siteKey));
                printLine(stdout,
                          u"  allowed origins: %1"_s.arg(site.allowedOrigins.isEmpty() ? u"(none)"_s
                                                                                       : site.allowedOrigins.join(u", "_s)));
                printLine(stdout, u"  identity secret: %1"_s.arg(QString::fromLatin1(site.identitySecret.toHex())));
            }
            finish(0);
        });
    });
}

int runStorePassword(QCoreApplication &app, const CommandLine &command)
{
    const QString key = SecretStore::keyForDatabasePassword(command.server.database.displayUrl());
    const QString password
        = readSecretLine("FRONTDESK_DB_PASSWORD", u"Password for %1:"_s.arg(command.server.database.displayUrl()));
    SecretStore secrets;
    int exitCode = 1;
    continueWith(secrets.write(key, password), &app, [&](const SecretResult &result) {
        if (result.ok())
            printLine(stdout, u"Saved the password for %1 in the secret store."_s.arg(command.server.database.displayUrl()));
        else
            printLine(stderr, u"frontdesk: "_s + result.error);
        exitCode = result.ok() ? 0 : 1;
        app.exit(exitCode);
    });
    app.exec();
    return exitCode;
}

int runStoreSmtpPassword(QCoreApplication &app, const CommandLine &command)
{
    const MailSettings &mail = command.server.mail;
    const QString key = SecretStore::keyForSmtpPassword(mail.smtpUrl.toString(), mail.user);
    const QString password
        = readSecretLine("FRONTDESK_SMTP_PASSWORD", u"SMTP password of %1 at %2:"_s.arg(mail.user, mail.smtpUrl.toString()));
    SecretStore secrets;
    int exitCode = 1;
    continueWith(secrets.write(key, password), &app, [&](const SecretResult &result) {
        if (result.ok())
            printLine(stdout,
                      u"Saved the SMTP password of %1 at %2 in the secret store."_s.arg(mail.user, mail.smtpUrl.toString()));
        else
            printLine(stderr, u"frontdesk: "_s + result.error);
        exitCode = result.ok() ? 0 : 1;
        app.exit(exitCode);
    });
    app.exec();
    return exitCode;
}

int runCheckConfig(const CommandLine &command)
{
    if (command.configPath.isEmpty()) {
        printLine(stdout,
                  u"No configuration file: give one with --config, or create ~/.config/frontdesk/frontdesk.conf "
                  "or /etc/frontdesk/frontdesk.conf."_s);
        return 0;
    }
    if (!command.configProblems.isEmpty()) {
        printLine(stderr, CommandLine::describeProblems(command.configPath, command.configProblems));
        return 1;
    }
    printLine(stdout, u"%1: no problems."_s.arg(command.configPath));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    qSetMessagePattern(u"%{time yyyy-MM-dd hh:mm:ss.zzz} %{if-warning}warning %{endif}%{if-critical}error %{endif}"
                       "%{category}: %{message}"_s);
#ifdef FRONTDESK_WITH_GUI
    std::unique_ptr<QCoreApplication> app = CommandLine::wantsGui(argc, argv)
        ? std::unique_ptr<QCoreApplication>(new QApplication(argc, argv)) // QApplication: the tray icon is a widget
        : std::make_unique<QCoreApplication>(argc, argv);
#else
    auto app = std::make_unique<QCoreApplication>(argc, argv);
#endif
    // Data under ~/.local/share/frontdesk (QStandardPaths::AppDataLocation).
    QCoreApplication::setApplicationName(u"frontdesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(FRONTDESK_VERSION));

    CommandLine command;
    QString error;
    if (!CommandLine::parse(*app, &command, &error)) {
        printLine(stderr, u"frontdesk: "_s + error);
        return 2;
    }
    if (command.mode != CommandLine::Mode::StorePassword && command.mode != CommandLine::Mode::CheckConfig
        && command.mode != CommandLine::Mode::StoreSmtpPassword && !resolveDatabasePassword(&command.server.database))
        return 2;
    if (command.mode == CommandLine::Mode::Headless || command.mode == CommandLine::Mode::Gui)
        resolveSmtpPassword(&command.server.mail);

    switch (command.mode) {
    case CommandLine::Mode::Headless:
        return runHeadless(*app, command);
    case CommandLine::Mode::CreateAgent:
        return runCreateAgent(*app, command);
    case CommandLine::Mode::StorePassword:
        return runStorePassword(*app, command);
    case CommandLine::Mode::StoreSmtpPassword:
        return runStoreSmtpPassword(*app, command);
    case CommandLine::Mode::SiteInfo:
        return runSiteInfo(*app, command);
    case CommandLine::Mode::CheckConfig:
        return runCheckConfig(command);
    case CommandLine::Mode::Gui:
#ifdef FRONTDESK_WITH_GUI
        return ConsoleHost::run(*app, command.server, command.startMinimized);
#else
        return runHeadless(*app, command);
#endif
    }
    return 0;
}
