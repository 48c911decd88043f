#include "serveroptions.h"

#include <QRegularExpression>
#include <functional>

using namespace Qt::StringLiterals;

namespace Frontdesk::ServerOptions {

namespace {

using Setter = std::function<bool(ServerConfig &config, const QStringList &values, QString *error)>;

// Addresses and networks ("10.0.0.0/8"); @p networks is changed only when all parse.
bool parseNetworks(const QStringList &values, QList<QPair<QHostAddress, int>> *networks, QString *error)
{
    QList<QPair<QHostAddress, int>> parsed;
    for (const QString &text : values) {
        QPair<QHostAddress, int> network;
        if (!ProxyTrust::parseProxy(text, &network, error))
            return false;
        parsed.append(network);
    }
    *networks = parsed;
    return true;
}

struct Option {
    QString name;
    bool repeatable;
    Setter set;
};

const QList<Option> &options()
{
    static const QList<Option> table{
        {u"listen"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return ServerConfig::parseListen(values.first(), &config.listenAddress, &config.listenPort, error);
         }},
        {u"public-url"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return ServerConfig::parsePublicUrl(values.first(), &config.publicUrl, error);
         }},
        {u"database"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return DatabaseConfig::parse(values.first(), &config.database, error);
         }},
        {u"tls-cert"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *) {
             config.tlsCertificatePath = values.first();
             return true;
         }},
        {u"tls-key"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *) {
             config.tlsPrivateKeyPath = values.first();
             return true;
         }},
        {u"acme-domain"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return AcmeSettings::parseDomain(values.first(), &config.acme.domain, error);
         }},
        {u"acme-email"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             const QString email = values.first().trimmed();
             // The CA's contact, on certbot's command line: one plain address.
             static const QRegularExpression address(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
             if (!address.match(email).hasMatch()) {
                 *error = u"--acme-email takes one email address, not \"%1\"."_s.arg(values.first());
                 return false;
             }
             config.acme.email = email;
             return true;
         }},
        {u"acme-directory"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             const QUrl url(values.first().trimmed(), QUrl::StrictMode);
             if (!url.isValid() || url.scheme() != u"https"_s || url.host().isEmpty()) {
                 *error = u"--acme-directory takes the CA's https:// directory URL, not \"%1\"."_s.arg(values.first());
                 return false;
             }
             config.acme.directoryUrl = url;
             return true;
         }},
        {u"acme-ca-bundle"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *) {
             config.acme.caBundlePath = values.first();
             return true;
         }},
        {u"acme-http-port"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             bool ok = false;
             const uint port = values.first().toUInt(&ok);
             if (!ok || port == 0 || port > 65535) {
                 *error = u"--acme-http-port takes a port from 1 to 65535, not \"%1\"."_s.arg(values.first());
                 return false;
             }
             config.acme.httpPort = quint16(port);
             return true;
         }},
        {u"allow-origin"_s, true,
         [](ServerConfig &config, const QStringList &values, QString *) {
             config.extraAllowedOrigins = values;
             return true;
         }},
        {u"admin-email"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *) {
             config.adminEmail = values.first().trimmed().toLower();
             return true;
         }},
        {u"trusted-proxy"_s, true,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return parseNetworks(values, &config.proxyTrust.proxies, error);
         }},
        {u"metrics-allow"_s, true,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return parseNetworks(values, &config.metricsAccess.allowed, error);
         }},
        {u"smtp-url"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return MailSettings::parseUrl(values.first(), &config.mail.smtpUrl, error);
         }},
        {u"smtp-user"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *) {
             config.mail.user = values.first().trimmed();
             return true;
         }},
        {u"smtp-from"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return MailSettings::parseFrom(values.first(), &config.mail.from, error);
         }},
        {u"smtp-ca-bundle"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *) {
             config.mail.caBundlePath = values.first();
             return true;
         }},
        {u"smtp-allow-plain"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return MailSettings::parseBool(values.first(), u"smtp-allow-plain"_s, &config.mail.allowPlain, error);
         }},
        {u"proxy-header"_s, false,
         [](ServerConfig &config, const QStringList &values, QString *error) {
             return ProxyTrust::parseHeader(values.first(), &config.proxyTrust.header, error);
         }},
    };
    return table;
}

} // namespace

QStringList names()
{
    QStringList all;
    for (const Option &option : options())
        all.append(option.name);
    return all;
}

bool isRepeatable(const QString &name)
{
    for (const Option &option : options()) {
        if (option.name == name)
            return option.repeatable;
    }
    return false;
}

bool set(ServerConfig &config, const QString &name, const QStringList &values, QString *error)
{
    for (const Option &option : options()) {
        if (option.name != name)
            continue;
        if (values.isEmpty() || (!option.repeatable && values.size() != 1)) {
            *error = option.repeatable ? u"%1 needs at least one value."_s.arg(name)
                                       : u"%1 takes one value, not %2."_s.arg(name, QString::number(values.size()));
            return false;
        }
        return option.set(config, values, error);
    }
    *error = u"There is no setting called \"%1\"."_s.arg(name);
    return false;
}

} // namespace Frontdesk::ServerOptions
