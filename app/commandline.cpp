#include "commandline.h"

#include "configfile.h"
#include "serverlimits.h"
#include "serveroptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace Frontdesk {

QString CommandLine::describeProblems(const QString &path, const QList<ConfigProblem> &problems)
{
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines.append(problem.line > 0 ? u"%1:%2: %3"_s.arg(path, QString::number(problem.line), problem.message)
                                      : u"%1: %2"_s.arg(path, problem.message));
    return lines.join(u'\n');
}

bool CommandLine::wantsGui(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--headless" || argument == "--create-agent" || argument == "--store-database-password"
            || argument == "--store-smtp-password" || argument == "--site-info" || argument == "--check-config"
            || argument == "--help" || argument == "-h" || argument == "--version" || argument == "-v")
            return false;
    }
    // No display to open a window on: run as a server (e.g. over SSH).
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || qEnvironmentVariable("QT_QPA_PLATFORM") == u"offscreen";
}

bool CommandLine::parse(const QCoreApplication &app, CommandLine *result, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Frontdesk: live chat for your website, answered from your desktop.\n"
                                     "Without a display (or with --headless) it runs as a server that consoles connect to."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(u"headless"_s, u"Run the server without a window, logging to stderr."_s);
    const QCommandLineOption minimized(u"minimized"_s,
                                       u"Start the console hidden in the tray (the login autostart entry uses this); "
                                       "starting Frontdesk again while it runs shows its window."_s);
    const QCommandLineOption listen(u"listen"_s, u"Address and port to listen on (default 127.0.0.1:8080)."_s, u"host:port"_s);
    const QCommandLineOption publicUrl(u"public-url"_s,
                                       u"Where visitors and consoles reach this server, e.g. https://chat.shop.example "
                                       "behind a proxy or a domain: the snippet and the widget use it (default: the "
                                       "listen address)."_s,
                                       u"url"_s);
    const QCommandLineOption database(u"database"_s,
                                      u"sqlite:PATH or mariadb://USER@HOST:PORT/DB (password from the secret store or "
                                      "FRONTDESK_DB_PASSWORD). Default: SQLite in the user's data folder."_s,
                                      u"url"_s);
    const QCommandLineOption tlsCert(u"tls-cert"_s, u"PEM certificate (chain) to serve HTTPS/WSS on the same port."_s, u"file"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"PEM private key for --tls-cert."_s, u"file"_s);
    const QCommandLineOption acmeDomain(u"acme-domain"_s,
                                        u"Get and renew the HTTPS certificate for this domain from an ACME CA (Let's "
                                        "Encrypt by default; needs certbot) instead of --tls-cert."_s,
                                        u"domain"_s);
    const QCommandLineOption acmeEmail(u"acme-email"_s, u"The CA's contact for expiry and policy mail (--acme-domain)."_s,
                                       u"email"_s);
    const QCommandLineOption acmeDirectory(u"acme-directory"_s, u"The ACME CA's directory URL (default: Let's Encrypt's)."_s,
                                           u"url"_s);
    const QCommandLineOption acmeCaBundle(u"acme-ca-bundle"_s,
                                          u"PEM roots to trust for --acme-directory's HTTPS (a private CA)."_s, u"file"_s);
    const QCommandLineOption acmeHttpPort(u"acme-http-port"_s,
                                          u"Plain-HTTP port for the CA's HTTP-01 check; every other request there is "
                                          "redirected to HTTPS (default 80)."_s,
                                          u"port"_s);
    const QCommandLineOption allowOrigin(u"allow-origin"_s,
                                         u"A website origin allowed to embed the widget, e.g. https://shop.example "
                                         "(repeatable; saved with the site)."_s,
                                         u"origin"_s);
    const QCommandLineOption adminEmail(u"admin-email"_s, u"Email of the admin agent created on first start."_s, u"email"_s);
    const QCommandLineOption createAgent(u"create-agent"_s,
                                         u"Create an agent with this email and exit; the password is read from "
                                         "FRONTDESK_AGENT_PASSWORD or standard input."_s,
                                         u"email"_s);
    const QCommandLineOption agentName(u"name"_s, u"Display name for --create-agent."_s, u"name"_s);
    const QCommandLineOption agentRole(u"role"_s, u"Role for --create-agent: agent (default) or admin."_s, u"role"_s, u"agent"_s);
    const QCommandLineOption storePassword(u"store-database-password"_s,
                                           u"Read the database password from standard input, keep it in the secret store "
                                           "for --database, and exit."_s);
    const QCommandLineOption siteInfo(
        u"site-info"_s, u"Print each site's key, allowed origins and identity secret (for identify() hashes) and exit."_s);
    const QCommandLineOption limit(u"limit"_s,
                                   u"Set one of the server's limits, e.g. visitor-message-burst=20 (repeatable); "
                                   "--list-limits shows them all."_s,
                                   u"name=value"_s);
    const QCommandLineOption listLimits(u"list-limits"_s, u"Print every limit with its value and meaning, and exit."_s);
    const QCommandLineOption trustedProxy(u"trusted-proxy"_s,
                                          u"A reverse proxy in front of Frontdesk, by address or network (e.g. 127.0.0.1, "
                                          "10.0.0.0/8; repeatable): only its forwarding headers name the client."_s,
                                          u"address"_s);
    const QCommandLineOption proxyHeader(u"proxy-header"_s,
                                         u"The header the trusted proxies write: x-forwarded-for (nginx, Caddy; the "
                                         "default) or forwarded (RFC 7239)."_s,
                                         u"name"_s);
    const QCommandLineOption metricsAllow(u"metrics-allow"_s,
                                          u"An address or network that may read /metrics (repeatable; default "
                                          "127.0.0.1 and ::1). Others need FRONTDESK_METRICS_TOKEN as a bearer token."_s,
                                          u"address"_s);
    const QCommandLineOption smtpUrl(u"smtp-url"_s,
                                     u"The SMTP server emails go through: smtp://HOST:587 (STARTTLS required) or "
                                     "smtps://HOST:465. Without it Frontdesk sends no email."_s,
                                     u"url"_s);
    const QCommandLineOption smtpUser(u"smtp-user"_s,
                                      u"The SMTP login (password from FRONTDESK_SMTP_PASSWORD or the secret store, "
                                      "see --store-smtp-password)."_s,
                                      u"user"_s);
    const QCommandLineOption smtpFrom(u"smtp-from"_s, u"The From of every email, e.g. \"Shop support <chat@shop.example>\"."_s,
                                      u"address"_s);
    const QCommandLineOption smtpCaBundle(u"smtp-ca-bundle"_s,
                                          u"PEM roots to trust for the SMTP server's certificate (a private CA)."_s, u"file"_s);
    const QCommandLineOption smtpAllowPlain(u"smtp-allow-plain"_s, u"true: smtp:// without TLS (a relay on this machine only)."_s,
                                            u"bool"_s);
    const QCommandLineOption storeSmtpPassword(u"store-smtp-password"_s,
                                               u"Read the SMTP password from standard input, keep it in the secret store "
                                               "for --smtp-url and --smtp-user, and exit."_s);
    const QCommandLineOption configFile(u"config"_s,
                                        u"The configuration file (default: ~/.config/frontdesk/frontdesk.conf, else "
                                        "/etc/frontdesk/frontdesk.conf, if there is one). The command line overrides it."_s,
                                        u"file"_s);
    const QCommandLineOption checkConfig(u"check-config"_s,
                                         u"Check the configuration file, print each problem with its line, and exit "
                                         "(non-zero if there is one)."_s);
    parser.addOptions({siteInfo,       headless,          minimized,    listen,        publicUrl,     database,     tlsCert,
                       tlsKey,         acmeDomain,        acmeEmail,    acmeDirectory, acmeCaBundle,  acmeHttpPort, allowOrigin,
                       adminEmail,     createAgent,       agentName,    agentRole,     storePassword, limit,        listLimits,
                       trustedProxy,   proxyHeader,       metricsAllow, smtpUrl,       smtpUser,      smtpFrom,     smtpCaBundle,
                       smtpAllowPlain, storeSmtpPassword, configFile,   checkConfig});
    parser.process(app); // --help, --version and unknown options end here

    if (!parser.positionalArguments().isEmpty()) {
        *error = u"Unexpected argument \"%1\"; see --help."_s.arg(parser.positionalArguments().first());
        return false;
    }

    CommandLine parsed;
    parsed.server.database = ServerConfig::defaultDatabase();
    parsed.startMinimized = parser.isSet(minimized);
    // The file first, then the command line over it.
    parsed.configPath = parser.isSet(configFile) ? parser.value(configFile) : ConfigFile::defaultPath();
    if (!parsed.configPath.isEmpty())
        parsed.configProblems = ConfigFile::apply(parsed.configPath, &parsed.server);
    QString conflict;
    if (parsed.configProblems.isEmpty() && !parsed.server.validate(&conflict))
        parsed.configProblems.append(ConfigProblem{0, conflict});
    if (parser.isSet(checkConfig)) {
        parsed.mode = Mode::CheckConfig;
        *result = parsed;
        return true;
    }
    if (!parsed.configProblems.isEmpty()) {
        *error = describeProblems(parsed.configPath, parsed.configProblems);
        return false;
    }
    for (const QCommandLineOption *option :
         {&listen,        &publicUrl,    &database,     &tlsCert,     &tlsKey,       &acmeDomain,    &acmeEmail,
          &acmeDirectory, &acmeCaBundle, &acmeHttpPort, &allowOrigin, &adminEmail,   &trustedProxy,  &proxyHeader,
          &metricsAllow,  &smtpUrl,      &smtpUser,     &smtpFrom,    &smtpCaBundle, &smtpAllowPlain}) {
        const QString name = option->names().first();
        if (parser.isSet(*option) && !ServerOptions::set(parsed.server, name, parser.values(*option), error)) {
            *error = u"--%1: %2"_s.arg(name, *error);
            return false;
        }
    }
    if (!parsed.server.validate(error))
        return false;
    parsed.server.adminPassword = qEnvironmentVariable("FRONTDESK_ADMIN_PASSWORD");
    // A secret: from the environment (the service's EnvironmentFile), never the file.
    parsed.server.metricsAccess.token = qgetenv("FRONTDESK_METRICS_TOKEN");
    for (const QString &assignment : parser.values(limit)) {
        if (!ServerLimits::apply(parsed.server, assignment, error))
            return false;
    }
    if (parser.isSet(listLimits)) {
        QTextStream out(stdout);
        for (const ServerLimits::Entry &entry : ServerLimits::list(parsed.server))
            out << entry.name << '=' << entry.value << "\t" << entry.description << '\n';
        out.flush();
        ::exit(0);
    }

    if (parser.isSet(createAgent)) {
        parsed.mode = Mode::CreateAgent;
        parsed.agentEmail = parser.value(createAgent).trimmed().toLower();
        parsed.agentName = parser.value(agentName);
        const QString role = parser.value(agentRole);
        if (role != u"agent" && role != u"admin") {
            *error = u"--role is agent or admin, not \"%1\"."_s.arg(role);
            return false;
        }
        parsed.agentRole = agentRoleFromString(role);
    } else if (parser.isSet(siteInfo)) {
        parsed.mode = Mode::SiteInfo;
    } else if (parser.isSet(storePassword)) {
        if (parsed.server.database.kind != DatabaseConfig::Kind::MariaDb) {
            *error = u"--store-database-password needs --database mariadb://USER@HOST:PORT/DB."_s;
            return false;
        }
        parsed.mode = Mode::StorePassword;
    } else if (parser.isSet(storeSmtpPassword)) {
        if (!parsed.server.mail.isEnabled() || parsed.server.mail.user.isEmpty()) {
            *error = u"--store-smtp-password needs --smtp-url and --smtp-user (or both in the configuration file)."_s;
            return false;
        }
        parsed.mode = Mode::StoreSmtpPassword;
    } else if (parser.isSet(headless) || !app.inherits("QGuiApplication")) {
        parsed.mode = Mode::Headless;
    }
    *result = parsed;
    return true;
}

} // namespace Frontdesk
