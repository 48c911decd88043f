#include "acmechallengeresponder.h"

#include "http/httprouter.h"

#include <QFile>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

bool isBase64UrlCharacter(char16_t c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_';
}

bool isBase64Url(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return isBase64UrlCharacter(char16_t(uchar(c))); });
}

} // namespace

AcmeChallengeResponder::AcmeChallengeResponder(QString challengeFolder) : m_challengeFolder(std::move(challengeFolder)) { }

bool AcmeChallengeResponder::isToken(const QString &text)
{
    if (text.isEmpty() || text.size() > 128)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return isBase64UrlCharacter(c.unicode()); });
}

std::optional<QByteArray> AcmeChallengeResponder::keyAuthorization(const QString &token) const
{
    if (!isToken(token))
        return std::nullopt;
    // A few bytes from the local disk, read while the CA waits: not worth a thread.
    QFile file(m_challengeFolder + u'/' + token);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray content = file.read(512).trimmed();
    // TOKEN.THUMBPRINT (RFC 8555 §8.1): anything else in the folder is not ours to serve.
    const QByteArray prefix = token.toLatin1() + '.';
    if (!content.startsWith(prefix) || content.size() == prefix.size() || !isBase64Url(content.mid(prefix.size())))
        return std::nullopt;
    return content;
}

void AcmeChallengeResponder::registerRoutes(HttpRouter &router) const
{
    router.addRoute(
        "GET", u"/.well-known/acme-challenge/{token}"_s,
        [this](const HttpRequest &request, const HttpResponder &responder) {
            const QString token = request.pathParameter(u"token"_s);
            const std::optional<QByteArray> answer = keyAuthorization(token);
            if (!answer) {
                responder.respond(HttpResponse::error(404, u"not_found"_s, u"No ACME challenge is pending for that token."_s));
                return;
            }
            HttpResponse response;
            response.body = *answer;
            response.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream"));
            responder.respond(response.noStore());
        },
        0);
}

} // namespace Frontdesk
