#pragma once

#include <QList>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QUrl>

namespace Frontdesk {

/// @brief Debian's pebble, the ACME test CA, on loopback for one test: its
/// own HTTPS certificate (made with openssl), pebble-challtestsrv as its DNS
/// server (every name is 127.0.0.1, so no /etc/hosts entry is needed), the
/// HTTP-01 checks sent to the port the test names, no artificial sleeps.
class PebbleCa
{
public:
    PebbleCa() = default;
    ~PebbleCa();
    PebbleCa(const PebbleCa &) = delete;
    PebbleCa &operator=(const PebbleCa &) = delete;

    /// Starts both and waits until the directory answers; certificates live
    /// @p validitySeconds. False with a sentence in @p error.
    [[nodiscard]] bool start(quint16 challengePort, int validitySeconds, QString *error);
    void stop();
    [[nodiscard]] QUrl directoryUrl() const;
    /// The PEM file that signs pebble's own HTTPS: what the ACME client must trust.
    [[nodiscard]] QString tlsRootPath() const;
    /// The root that signs the certificates pebble issues (new at every start), from its management port.
    [[nodiscard]] QList<QSslCertificate> issuingRoots(QString *error) const;
    [[nodiscard]] QString log() const;

private:
    QTemporaryDir m_dir;
    QProcess m_pebble;
    QProcess m_dns;
    quint16 m_directoryPort = 0;
    quint16 m_managementPort = 0;
};

} // namespace Frontdesk
