#pragma once

#include "acme/acmesettings.h"
#include "http/httplimits.h"
#include "http/proxytrust.h"
#include "mail/mailsettings.h"
#include "metricsaccess.h"
#include "ratelimit/abuselimits.h"
#include "realtime/realtimelimits.h"
#include "store/databaseconfig.h"
#include "webhooks/webhooksettings.h"

#include <QHostAddress>
#include <QStringList>
#include <QUrl>

namespace Frontdesk {

/// @brief Everything a FrontdeskServer needs to start.
struct ServerConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080; ///< 0: any free port (tests)
    /// --public-url: where visitors' browsers and consoles reach this server
    /// (a domain, a reverse proxy). The snippet, the console's snapshot and the
    /// start-up lines use it; empty: the listen URL.
    QUrl publicUrl;
    DatabaseConfig database;
    HttpLimits httpLimits;
    RealtimeLimits realtimeLimits;
    AbuseLimits abuseLimits;
    QString tlsCertificatePath; ///< both set: serve HTTPS/WSS on the same port
    QString tlsPrivateKeyPath;
    AcmeSettings acme; ///< --acme-domain and companions: a certificate from an ACME CA instead of --tls-cert
    ProxyTrust proxyTrust; ///< --trusted-proxy, --proxy-header: whose forwarding headers name the client
    MetricsAccess metricsAccess; ///< --metrics-allow, FRONTDESK_METRICS_TOKEN: who may read /metrics
    MailSettings mail; ///< --smtp-*: the SMTP server emails go through; off without --smtp-url
    WebhookSettings webhooks; ///< how webhooks are delivered: timeout and retry schedule
    QStringList extraAllowedOrigins; ///< added to the default site's origins at start (--allow-origin)
    QString adminEmail = QStringLiteral("admin@frontdesk.local"); ///< first start only
    QString adminPassword; ///< first start only; empty: generate one and report it
    QString adminName; ///< first start only; empty: "Admin"
    QString siteName = QStringLiteral("My website"); ///< first start only

    /// The default database: SQLite in the user's data folder.
    [[nodiscard]] static DatabaseConfig defaultDatabase();
    /// Where the ACME client keeps its account, keys and certificates: `acme` in the data folder.
    [[nodiscard]] static QString defaultAcmeFolder();
    /// Settings that exclude each other (--acme-domain with --tls-cert); false with a sentence.
    [[nodiscard]] bool validate(QString *error) const;
    /// Parses "HOST:PORT", "[V6]:PORT" or ":PORT"; false with a sentence on error.
    [[nodiscard]] static bool parseListen(const QString &text, QHostAddress *address, quint16 *port, QString *error);
    /// Parses an absolute http(s) URL with a host and at most a path (a
    /// proxy's prefix such as /chat), which loses its last slash; no user,
    /// query or fragment. False with a sentence on error.
    [[nodiscard]] static bool parsePublicUrl(const QString &text, QUrl *url, QString *error);
};

} // namespace Frontdesk
