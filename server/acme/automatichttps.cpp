#include "automatichttps.h"

#include "acmecertificatemanager.h"
#include "acmelogging.h"
#include "certbotrun.h"
#include "http/httplistener.h"

#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Frontdesk {

AutomaticHttps::AutomaticHttps(const AcmeSettings &settings, const HttpLimits &limits, std::function<QUrl()> httpsBase,
                               QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_challenges(CertbotRun::paths(settings).challengeFolder())
    , m_httpsBase(std::move(httpsBase))
    , m_challengeListener(new HttpListener(limits, this))
    , m_manager(new AcmeCertificateManager(settings, this))
{
    HttpRouter &router = m_challengeListener->router();
    m_challenges.registerRoutes(router);
    router.setFallback([this](const HttpRequest &request, const HttpResponder &responder) {
        // The same path and query on HTTPS; QUrl encodes what the client sent,
        // so nothing from the request can break the Location header.
        QUrl target = m_httpsBase();
        target.setPath(target.path() + request.path);
        target.setQuery(request.query);
        HttpResponse response = HttpResponse::error(308, u"use_https"_s, u"This server answers on HTTPS."_s);
        response.setHeader(QByteArrayLiteral("Location"), target.toEncoded());
        responder.respond(response);
    });
    connect(m_manager, &AcmeCertificateManager::certificateChanged, this, &AutomaticHttps::certificateChanged);
}

AutomaticHttps::~AutomaticHttps()
{
    stop();
}

bool AutomaticHttps::start(const QHostAddress &address, QString *error)
{
    // Found out now rather than at the first attempt's retry message.
    if (QStandardPaths::findExecutable(m_settings.certbot).isEmpty()) {
        *error = u"--acme-domain needs certbot, the ACME client, and there is no %1 on PATH; install it (apt install "
                 "certbot) or use --tls-cert and --tls-key."_s.arg(m_settings.certbot);
        return false;
    }
    if (!m_challengeListener->listen(address, m_settings.httpPort, error)) {
        *error = u"%1 The CA checks --acme-domain on this port (--acme-http-port; port 80 needs CAP_NET_BIND_SERVICE)."_s.arg(
            *error);
        return false;
    }
    qCInfo(lcAcme).noquote() << u"Answering ACME HTTP-01 challenges for %1 on port %2."_s.arg(
        m_settings.domain, QString::number(m_challengeListener->serverPort()));
    m_manager->start();
    return true;
}

void AutomaticHttps::stop()
{
    m_manager->stop();
    m_challengeListener->close();
}

quint16 AutomaticHttps::challengePort() const
{
    return m_challengeListener->serverPort();
}

} // namespace Frontdesk
