#pragma once

#include "acmesettings.h"

#include <QObject>
#include <QProcess>
#include <QTimer>

namespace Frontdesk {

/// @brief One run of certbot, the ACME client, for one domain: the account
/// (registered on first use), the order, the HTTP-01 challenge through the
/// webroot folder AcmeChallengeResponder serves, and the new certificate and
/// key under the ACME folder.
///
/// A helper process, not a library: certbot is the CA's own reference client,
/// kept by the EFF and packaged by Debian, and a run that crashes cannot take
/// the chat server with it. Emits finished() once, whatever happens.
class CertbotRun : public QObject
{
    Q_OBJECT

public:
    /// The layout certbot keeps under AcmeSettings::folder.
    struct Paths {
        QString configFolder; ///< account, renewal configuration, archive/ and live/
        QString webroot; ///< the challenge files go to webroot/.well-known/acme-challenge/
        QString fullChain; ///< live/DOMAIN/fullchain.pem: the certificate, then the intermediates
        QString privateKey; ///< live/DOMAIN/privkey.pem, written 0600
        [[nodiscard]] QString challengeFolder() const;
    };
    [[nodiscard]] static Paths paths(const AcmeSettings &settings);
    /// certbot's command line for a new certificate (ECDSA P-256), whatever the current one's age:
    /// AcmeCertificateManager alone decides when one is due.
    [[nodiscard]] static QStringList arguments(const AcmeSettings &settings);

    explicit CertbotRun(const AcmeSettings &settings, QObject *parent = nullptr);
    ~CertbotRun() override;

    void start();

Q_SIGNALS:
    /// @p message: what went wrong, with certbot's own last lines (the CA's reason); empty on success.
    void finished(bool ok, const QString &message);

private:
    void finish(bool ok, const QString &message);

    AcmeSettings m_settings;
    QProcess m_process;
    QTimer m_deadline;
    bool m_finished = false;
};

} // namespace Frontdesk
