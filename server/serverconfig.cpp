#include "serverconfig.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Frontdesk {

DatabaseConfig ServerConfig::defaultDatabase()
{
    DatabaseConfig config;
    config.kind = DatabaseConfig::Kind::Sqlite;
    config.sqlitePath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/frontdesk.sqlite"_s;
    return config;
}

QString ServerConfig::defaultAcmeFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/acme"_s;
}

bool ServerConfig::validate(QString *error) const
{
    if (acme.isEnabled() && (!tlsCertificatePath.isEmpty() || !tlsPrivateKeyPath.isEmpty())) {
        *error = u"--acme-domain gets the certificate itself; leave out --tls-cert and --tls-key (or --acme-domain)."_s;
        return false;
    }
    if (!acme.isEnabled() && (!acme.email.isEmpty() || !acme.caBundlePath.isEmpty())) {
        *error = u"--acme-email and --acme-ca-bundle need --acme-domain."_s;
        return false;
    }
    return mail.validate(error);
}

bool ServerConfig::parseListen(const QString &text, QHostAddress *address, quint16 *port, QString *error)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon < 0) {
        *error = u"--listen takes HOST:PORT (for example 127.0.0.1:8080 or 0.0.0.0:8080), not \"%1\"."_s.arg(text);
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool portOk = false;
    const uint portNumber = text.mid(colon + 1).toUInt(&portOk);
    if (!portOk || portNumber > 65535) {
        *error = u"The port in --listen must be a number from 0 to 65535, not \"%1\"."_s.arg(text.mid(colon + 1));
        return false;
    }
    QHostAddress parsed = host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(host);
    if (host == u"localhost")
        parsed = QHostAddress(QHostAddress::LocalHost);
    if (parsed.isNull()) {
        *error = u"The host in --listen must be an IP address (or localhost), not \"%1\"."_s.arg(host);
        return false;
    }
    *address = parsed;
    *port = quint16(portNumber);
    return true;
}

bool ServerConfig::parsePublicUrl(const QString &text, QUrl *url, QString *error)
{
    const QUrl parsed(text.trimmed(), QUrl::StrictMode);
    const QString example = u" (for example https://chat.shop.example)"_s;
    if (!parsed.isValid() || (parsed.scheme() != u"https"_s && parsed.scheme() != u"http"_s) || parsed.host().isEmpty()) {
        *error = u"The public URL must be an http:// or https:// address with a host%1, not \"%2\"."_s.arg(example, text);
        return false;
    }
    // It goes into every site's <script src>: nothing a browser would treat
    // differently from the address the agent typed.
    if (!parsed.userInfo().isEmpty() || parsed.hasQuery() || parsed.hasFragment()) {
        *error = u"The public URL cannot hold a user name, a query or a fragment%1, not \"%2\"."_s.arg(example, text);
        return false;
    }
    QUrl normalized = parsed;
    QString path = parsed.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    normalized.setPath(path);
    *url = normalized;
    return true;
}

} // namespace Frontdesk
