#include "frontdeskserver.h"

#include "acme/automatichttps.h"
#include "api/agentauthcontroller.h"
#include "api/healthcontroller.h"
#include "api/homepagecontroller.h"
#include "api/siteconfigcontroller.h"
#include "api/trypagecontroller.h"
#include "api/visitorpollingcontroller.h"
#include "api/widgetcontroller.h"
#include "auth/originpolicy.h"
#include "bootstrap.h"
#include "chat/chatservices.h"
#include "core/continuewith.h"
#include "http/httplistener.h"
#include "http/tlscredentials.h"
#include "mail/mailer.h"
#include "protocol/eventfanout.h"
#include "realtime/websockethub.h"
#include "store/store.h"
#include "webhooks/webhookservice.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "frontdesk.server")

namespace Frontdesk {

FrontdeskServer::FrontdeskServer(const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(new Store(this))
    , m_chat(new ChatServices(m_store, &m_sites, config.abuseLimits, config.publicUrl, this))
    , m_fanout(std::make_unique<EventFanout>(m_chat->events(), m_chat->presence()))
    , m_mailer(new Mailer(config.mail, &m_store->mailOutbox(), m_chat, this))
    , m_webhooks(new WebhookService(config.webhooks, &m_store->webhooks(), &m_store->auditLog(), m_chat->events(), this))
    , m_listener(new HttpListener(config.httpLimits, this))
    , m_hub(new WebSocketHub(m_chat, config.realtimeLimits, this))
    , m_health(std::make_unique<HealthController>([this] { return m_listener->connectionCount(); },
                                                  [this] { return m_store->isDatabaseAvailable(); }))
    , m_widget(std::make_unique<WidgetController>())
    , m_siteConfig(std::make_unique<SiteConfigController>(m_chat))
    , m_agentAuth(std::make_unique<AgentAuthController>(m_chat->agentAuth()))
    , m_homePage(std::make_unique<HomePageController>(m_health.get(), [this] { return publicUrl(); }))
    , m_tryPage(std::make_unique<TryPageController>(&m_sites, [this] { return publicUrl(); }))
    , m_polling(new VisitorPollingController(m_chat, config.realtimeLimits, this))
    , m_metrics(std::make_unique<ServerMetrics>(ServerMetrics::Sources{m_listener, m_hub, m_polling, m_chat, m_store},
                                                config.metricsAccess))
    // A child, not only a member: ServerThread moves the server to the network
    // thread after construction, and only children move with it (a member
    // alone stays on the main thread and refuses to start from the network one).
    , m_retention(this)
{
    m_chat->setMailer(m_mailer);
    m_chat->setWebhooks(m_webhooks);
    m_listener->setProxyTrust(config.proxyTrust); // before the hub takes it over
    HttpRouter &router = m_listener->router();
    m_health->registerRoutes(router);
    m_widget->registerRoutes(router);
    m_siteConfig->registerRoutes(router);
    m_agentAuth->registerRoutes(router);
    m_homePage->registerRoutes(router);
    m_tryPage->registerRoutes(router);
    m_polling->registerRoutes(router);
    m_metrics->registerRoutes(router);
    m_hub->attachTo(m_listener);
    // Retention runs an hour after the start and every hour after; an hour
    // late is nothing for data kept 30 days, and start-up stays quick.
    m_retention.setInterval(retentionIntervalMs);
    connect(&m_retention, &QTimer::timeout, this, &FrontdeskServer::applyRetention);
    if (config.acme.isEnabled()) {
        AcmeSettings acme = config.acme;
        if (acme.folder.isEmpty())
            acme.folder = ServerConfig::defaultAcmeFolder();
        m_https = new AutomaticHttps(
            acme, config.httpLimits, [this] { return httpsUrl(); }, this);
        connect(m_https, &AutomaticHttps::certificateChanged, this, &FrontdeskServer::useCertificate);
    }
    connect(m_store, &Store::databaseError, this,
            [](const QString &message) { qCCritical(lcServer).noquote() << "database error:" << message; });
}

FrontdeskServer::~FrontdeskServer()
{
    stop();
    // Before the children go: the mailer unsubscribes from the services' bus,
    // and the services were created (so are deleted) before it.
    delete m_mailer;
    m_mailer = nullptr;
    delete m_webhooks;
    m_webhooks = nullptr;
}

void FrontdeskServer::fail(const QString &error)
{
    qCCritical(lcServer).noquote() << error;
    Q_EMIT failed(error);
}

void FrontdeskServer::start()
{
    qCInfo(lcServer).noquote() << "opening database" << m_config.database.displayUrl();
    continueWith(m_store->open(m_config.database), this, [this](const StoreResult<int> &result) {
        if (!result.ok()) {
            fail(u"Could not open the database %1: %2"_s.arg(m_config.database.displayUrl(), result.message));
            return;
        }
        Bootstrap::ensure(m_store, m_config.siteName, m_config.adminEmail, m_config.adminName, m_config.adminPassword,
                          m_config.extraAllowedOrigins, this, [this](const Bootstrap::Report &report) {
                              if (!report.ok) {
                                  fail(report.error);
                                  return;
                              }
                              m_sites.replaceAll(report.sites);
                              m_chat->start([this, lines = report.lines](bool ok, const QString &error) {
                                  if (!ok)
                                      fail(u"Could not load the open conversations: %1"_s.arg(error));
                                  else
                                      listen(lines);
                              });
                          });
    });
}

void FrontdeskServer::listen(const QStringList &setupLines)
{
    m_setupLines = setupLines;
    QString error;
    if (!m_config.validate(&error)) {
        fail(error);
        return;
    }
    const bool certificate = !m_config.tlsCertificatePath.isEmpty();
    const bool key = !m_config.tlsPrivateKeyPath.isEmpty();
    if (certificate != key) {
        fail(u"TLS needs both a certificate (--tls-cert) and its private key (--tls-key)."_s);
        return;
    }
    if (certificate) {
        const std::optional<TlsCredentials> credentials
            = TlsCredentials::load(m_config.tlsCertificatePath, m_config.tlsPrivateKeyPath, &error);
        if (!credentials) {
            fail(error);
            return;
        }
        m_listener->setTlsConfiguration(credentials->serverConfiguration());
    }
    if (m_https) {
        // Without a valid certificate the TLS port cannot serve anyone: it
        // opens with the first one (useCertificate), which may be at once.
        if (!m_https->start(m_config.listenAddress, &error))
            fail(error);
        return;
    }
    listenMain();
}

void FrontdeskServer::useCertificate(const TlsCredentials &credentials)
{
    m_listener->setTlsConfiguration(credentials.serverConfiguration());
    if (m_listener->serverPort() == 0 && !m_stopped)
        listenMain();
}

void FrontdeskServer::listenMain()
{
    QString error;
    if (!m_listener->listen(m_config.listenAddress, m_config.listenPort, &error)) {
        fail(u"Could not listen on %1:%2: %3"_s.arg(m_config.listenAddress.toString()).arg(m_config.listenPort).arg(error));
        return;
    }
    // Only now is the port known (0 picks one); nothing was accepted before.
    m_sites.setServerOrigins(OriginPolicy::ownOrigins(m_config.publicUrl, url()));
    m_retention.start();
    m_mailer->start();
    m_webhooks->start();
    QStringList lines = m_setupLines;
    for (const SiteRecord &site : m_sites.all())
        lines.append(u"Snippet for %1: %2"_s.arg(site.name, snippet(site)));
    for (const SiteRecord &site : m_sites.all())
        lines.append(u"Try it: open %1 and say hello, then answer in the console (%2)"_s.arg(
            tryUrl(site).toString(QUrl::FullyEncoded), site.name));
    Q_EMIT started(url(), lines);
}

void FrontdeskServer::applyRetention()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int days = m_config.abuseLimits.quietVisitorRetentionDays;
    const qint64 quietBefore = days > 0 ? now - qint64(days) * 24 * 3600 * 1000 : 0;
    continueWith(m_store->visitorData().purge(quietBefore, now), this, [](const StoreResult<PurgeReport> &purged) {
        if (!purged.ok()) {
            qCWarning(lcServer).noquote() << "retention sweep failed:" << purged.message;
            return;
        }
        if (purged.value.visitors > 0 || purged.value.conversations > 0)
            qCInfo(lcServer) << "retention: deleted" << purged.value.visitors << "visitors who never wrote and"
                             << purged.value.conversations << "old closed conversations";
    });
}

void FrontdeskServer::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_retention.stop();
    if (m_https)
        m_https->stop();
    m_listener->close();
    // Sessions and polling visitors go first, so nothing new reaches the store...
    delete m_hub;
    m_hub = nullptr;
    delete m_polling;
    m_polling = nullptr;
    // The attempt in flight is recorded while the store still takes calls...
    m_mailer->stop();
    m_webhooks->stop();
    // ...then every queued write is committed before the connection closes.
    m_store->close();
}

quint16 FrontdeskServer::port() const
{
    return m_listener->serverPort();
}

QUrl FrontdeskServer::url() const
{
    QUrl url;
    url.setScheme(m_listener->isTls() ? u"https"_s : u"http"_s);
    QHostAddress address = m_listener->serverAddress();
    // clang-tidy 14 sees both sides of this || as one expression (the enum operands of
    // QHostAddress::operator== are ignored): a false positive.
    // NOLINTNEXTLINE(misc-redundant-expression)
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        address = QHostAddress::LocalHost;
    else if (address == QHostAddress::AnyIPv6)
        address = QHostAddress::LocalHostIPv6;
    url.setHost(address.toString());
    url.setPort(m_listener->serverPort());
    return url;
}

QUrl FrontdeskServer::httpsUrl() const
{
    if (m_config.publicUrl.scheme() == u"https"_s)
        return m_config.publicUrl;
    QUrl url;
    url.setScheme(u"https"_s);
    url.setHost(m_config.acme.domain);
    const quint16 port = m_listener->serverPort() != 0 ? m_listener->serverPort() : m_config.listenPort;
    if (port != 443)
        url.setPort(port);
    return url;
}

QUrl FrontdeskServer::publicUrl() const
{
    return m_config.publicUrl.isEmpty() ? url() : m_config.publicUrl;
}

QUrl FrontdeskServer::tryUrl(const SiteRecord &site) const
{
    QUrl url(publicUrl().toString(QUrl::StripTrailingSlash) + u"/try"_s);
    const auto first = m_sites.first();
    if (!first || first->id != site.id)
        url.setQuery(QUrlQuery{{u"site"_s, site.siteKey}});
    return url;
}

QString FrontdeskServer::snippet(const SiteRecord &site) const
{
    return WidgetController::snippet(publicUrl(), site.siteKey);
}

} // namespace Frontdesk
