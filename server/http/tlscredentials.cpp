#include "tlscredentials.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// A PEM private key of any algorithm Let's Encrypt and openssl hand out: RSA
// or EC (ECDSA P-256/P-384, certbot's default since 2.0). QSslKey needs the
// algorithm named, so each is tried on the same bytes (the file is read once).
QSslKey privateKeyFromPem(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

std::optional<TlsCredentials> TlsCredentials::load(const QString &certificatePath, const QString &keyPath, QString *error)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = u"Could not read the TLS files %1 and %2."_s.arg(certificatePath, keyPath);
        return std::nullopt;
    }
    TlsCredentials credentials;
    credentials.chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    credentials.privateKey = privateKeyFromPem(keyFile.readAll());
    if (credentials.chain.isEmpty() || credentials.privateKey.isNull()) {
        *error = u"The TLS certificate or key is not valid PEM (%1, %2)."_s.arg(certificatePath, keyPath);
        return std::nullopt;
    }
    return credentials;
}

QSslConfiguration TlsCredentials::serverConfiguration() const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(privateKey);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

} // namespace Frontdesk
