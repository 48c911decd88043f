#pragma once

#include "chat/sitedirectory.h"
#include "serverconfig.h"
#include "servermetrics.h"

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace Frontdesk {

class AgentAuthController;
class AutomaticHttps;
class ChatServices;
class EventFanout;
class HealthController;
class HomePageController;
class HttpListener;
class Mailer;
class WebhookService;
class SiteConfigController;
class Store;
class TryPageController;
class VisitorPollingController;
class WebSocketHub;
class WidgetController;
struct TlsCredentials;

/// @brief The whole chat server: store, chat rules, the one listening port
/// and the endpoints on it, started and stopped as one.
///
/// Lives on the thread that runs its event loop (the main thread when
/// headless, a network thread under the GUI); the store has its own writer
/// thread. Used the same way by `frontdesk --headless`, the console in host
/// mode, and the integration tests.
class FrontdeskServer : public QObject
{
    Q_OBJECT

public:
    explicit FrontdeskServer(const ServerConfig &config, QObject *parent = nullptr);
    ~FrontdeskServer() override;

    /// Opens the database (migrating it), sets up a first site and admin if
    /// needed, then listens. Emits started() or failed().
    void start();
    /// Stops listening, closes every connection and commits what was acknowledged.
    void stop();

    [[nodiscard]] QUrl url() const; ///< http(s)://HOST:PORT as actually bound
    /// Where visitors reach it: --public-url, else url().
    [[nodiscard]] QUrl publicUrl() const;
    [[nodiscard]] quint16 port() const;
    /// Where the ACME port's redirects go: an https --public-url, else https://ACME-DOMAIN[:PORT].
    [[nodiscard]] QUrl httpsUrl() const;
    [[nodiscard]] Store *store() const { return m_store; }
    [[nodiscard]] ChatServices *chat() const { return m_chat; }
    [[nodiscard]] const SiteDirectory &sites() const { return m_sites; }
    [[nodiscard]] HttpListener *listener() const { return m_listener; }
    /// What is emailed, and the outbox's sender (idle without --smtp-url).
    [[nodiscard]] Mailer *mailer() const { return m_mailer; }
    /// The ACME challenge port and certificate manager; null without --acme-domain.
    [[nodiscard]] AutomaticHttps *automaticHttps() const { return m_https; }
    /// Deletes what the retention settings say is old (also run hourly).
    void applyRetention();
    /// The `<script>` tag for a site, pointing at publicUrl().
    [[nodiscard]] QString snippet(const SiteRecord &site) const;
    /// The demo page that embeds @p site's widget: publicUrl()/try, with
    /// `?site=` unless it is the first site.
    [[nodiscard]] QUrl tryUrl(const SiteRecord &site) const;

Q_SIGNALS:
    /// Listening; @p setupLines says what a first start created and gives each
    /// site's snippet and try-it page (for the log).
    void started(const QUrl &url, const QStringList &setupLines);
    void failed(const QString &error);

private:
    void listen(const QStringList &setupLines);
    /// Starts the main port; with ACME, once there is a certificate.
    void listenMain();
    /// With ACME: a certificate to serve, at start or renewed.
    void useCertificate(const TlsCredentials &credentials);
    void fail(const QString &error);

    ServerConfig m_config;
    Store *m_store;
    SiteDirectory m_sites;
    ChatServices *m_chat;
    std::unique_ptr<EventFanout> m_fanout; ///< subscribes after the services: it renders the state after each change
    Mailer *m_mailer; ///< a child (it moves to the network thread with the server); subscribes after the fan-out
    WebhookService *m_webhooks; ///< a child, like the mailer
    HttpListener *m_listener;
    WebSocketHub *m_hub;
    std::unique_ptr<HealthController> m_health;
    std::unique_ptr<WidgetController> m_widget;
    std::unique_ptr<SiteConfigController> m_siteConfig;
    std::unique_ptr<AgentAuthController> m_agentAuth;
    std::unique_ptr<HomePageController> m_homePage;
    std::unique_ptr<TryPageController> m_tryPage;
    VisitorPollingController *m_polling;
    std::unique_ptr<ServerMetrics> m_metrics;
    AutomaticHttps *m_https = nullptr;
    QStringList m_setupLines; ///< for started(), which ACME may hold back until the first certificate
    static constexpr int retentionIntervalMs = 3600 * 1000;
    QTimer m_retention;
    bool m_stopped = false;
};

} // namespace Frontdesk
