#pragma once

#include "acmesettings.h"
#include "http/tlscredentials.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <optional>

namespace Frontdesk {

class CertbotRun;

/// @brief Keeps a valid certificate for one domain: takes the one on disk if
/// it is still valid, has the ACME client get a new one when none is there or
/// the current one is due (RenewalPolicy), and hands every new one on.
///
/// A failed attempt (CA unreachable, challenge failed, rate limited) is logged
/// with the CA's reason and tried again with a growing delay; the certificate
/// in use, if any, stays in use meanwhile.
class AcmeCertificateManager : public QObject
{
    Q_OBJECT

public:
    explicit AcmeCertificateManager(const AcmeSettings &settings, QObject *parent = nullptr);
    ~AcmeCertificateManager() override;

    /// Creates the folder (0700), reads the certificate there and decides what
    /// to do. certificateChanged() comes before start() returns if that one is still valid.
    void start();
    void stop();
    [[nodiscard]] const std::optional<TlsCredentials> &current() const { return m_current; }
    /// When the next renewal attempt (or retry) is due; null while one runs.
    [[nodiscard]] QDateTime nextAttempt() const { return m_nextAttempt; }

Q_SIGNALS:
    /// A valid certificate to serve from now on (the one on disk at start, then each renewal).
    void certificateChanged(const TlsCredentials &credentials);

private:
    /// Reads the client's files; the credentials if they hold a certificate
    /// for the domain valid now, else nothing with the reason in @p why.
    [[nodiscard]] std::optional<TlsCredentials> readFiles(QString *why) const;
    void checkDue();
    void runClient();
    void clientFinished(bool ok, const QString &message);
    void scheduleAt(const QDateTime &when);
    /// Makes sure only the owner can read the key, whatever the client did.
    void protectKey() const;

    AcmeSettings m_settings;
    std::optional<TlsCredentials> m_current;
    CertbotRun *m_run = nullptr;
    QTimer m_timer;
    QDateTime m_nextAttempt;
    int m_failures = 0;
};

} // namespace Frontdesk
