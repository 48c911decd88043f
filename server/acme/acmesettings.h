#pragma once

#include <QString>
#include <QUrl>

namespace Frontdesk {

/// @brief What `--acme-domain` and its companions ask for: a certificate for
/// one domain from an ACME CA, obtained and renewed by the server itself.
struct AcmeSettings {
    QString domain; ///< --acme-domain; empty: no ACME
    QString email; ///< --acme-email: the CA's contact for expiry and policy mail; empty: none
    /// --acme-directory: the CA's directory URL (Let's Encrypt unless told otherwise).
    QUrl directoryUrl = QUrl(QStringLiteral("https://acme-v02.api.letsencrypt.org/directory"));
    /// --acme-ca-bundle: PEM roots to trust for the directory's own HTTPS (a private CA, a test CA); empty: the system's.
    QString caBundlePath;
    quint16 httpPort = 80; ///< --acme-http-port: where the CA checks HTTP-01 (plain HTTP; the rest redirects to HTTPS)
    QString folder; ///< the client's account, keys and certificates (mode 0700); empty: `acme` in the data folder
    QString certbot = QStringLiteral("certbot"); ///< the ACME client's program, looked up on PATH

    [[nodiscard]] bool isEnabled() const { return !domain.isEmpty(); }
    /// A DNS name the CA can issue for: letters, digits and hyphens in dot-separated
    /// labels, at least two labels, no wildcard, no address; false with a sentence.
    [[nodiscard]] static bool parseDomain(const QString &text, QString *domain, QString *error);
};

} // namespace Frontdesk
