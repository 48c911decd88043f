#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace Frontdesk {

class HttpRouter;

/// @brief Answers the CA's HTTP-01 requests, `GET /.well-known/acme-challenge/TOKEN`,
/// with the key authorization the ACME client left for that token.
///
/// The client (certbot's webroot mode) writes one file per pending challenge
/// and removes it when the challenge is over, so only tokens pending right now
/// are answered; the file is written before the client tells the CA to look,
/// so there is no race to lose. The token comes from the network: only
/// base64url characters pass, so it can never name another file.
class AcmeChallengeResponder
{
public:
    /// @p challengeFolder: where the client writes the files (WEBROOT/.well-known/acme-challenge).
    explicit AcmeChallengeResponder(QString challengeFolder);

    void registerRoutes(HttpRouter &router) const;
    /// The key authorization for @p token while its challenge is pending; nothing otherwise.
    [[nodiscard]] std::optional<QByteArray> keyAuthorization(const QString &token) const;
    /// An ACME token: 1 to 128 characters of the base64url alphabet (RFC 8555 §8.3 asks for at least 128 bits).
    [[nodiscard]] static bool isToken(const QString &text);

private:
    QString m_challengeFolder;
};

} // namespace Frontdesk
