#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <optional>

namespace Frontdesk {

/// @brief A certificate chain and its private key as the TLS listener serves
/// them, whether they came from --tls-cert/--tls-key or from the ACME client.
struct TlsCredentials {
    QList<QSslCertificate> chain; ///< the server's certificate first, then the intermediates
    QSslKey privateKey;

    /// Reads both PEM files; std::nullopt with a sentence in @p error if either
    /// cannot be read or is not a certificate / an RSA or EC private key.
    [[nodiscard]] static std::optional<TlsCredentials> load(const QString &certificatePath, const QString &keyPath,
                                                            QString *error);
    /// What a server socket needs: the chain, the key, no client certificates asked for.
    [[nodiscard]] QSslConfiguration serverConfiguration() const;
};

} // namespace Frontdesk
