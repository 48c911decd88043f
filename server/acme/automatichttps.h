#pragma once

#include "acmechallengeresponder.h"
#include "acmesettings.h"
#include "http/httplimits.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>
#include <functional>

namespace Frontdesk {

class AcmeCertificateManager;
class HttpListener;
struct TlsCredentials;

/// @brief HTTPS with a certificate from an ACME CA (`--acme-domain`): the
/// plain-HTTP port where the CA checks the domain, and the manager that keeps
/// the certificate valid and says when there is a new one.
///
/// The challenge port answers `/.well-known/acme-challenge/TOKEN` and sends
/// every other request to the HTTPS address, so it is also what a visitor
/// typing http:// reaches. It serves nothing else: no API, no WebSocket.
class AutomaticHttps : public QObject
{
    Q_OBJECT

public:
    /// @p httpsBase: where the redirects go (asked at each request: the TLS port is known only once it listens).
    AutomaticHttps(const AcmeSettings &settings, const HttpLimits &limits, std::function<QUrl()> httpsBase,
                   QObject *parent = nullptr);
    ~AutomaticHttps() override;

    /// Listens on the challenge port, then starts the manager (whose
    /// certificateChanged() may come before this returns); false with a sentence.
    bool start(const QHostAddress &address, QString *error);
    void stop();
    [[nodiscard]] quint16 challengePort() const;
    [[nodiscard]] const AcmeSettings &settings() const { return m_settings; }

Q_SIGNALS:
    void certificateChanged(const TlsCredentials &credentials);

private:
    AcmeSettings m_settings;
    AcmeChallengeResponder m_challenges;
    std::function<QUrl()> m_httpsBase;
    HttpListener *m_challengeListener;
    AcmeCertificateManager *m_manager;
};

} // namespace Frontdesk
