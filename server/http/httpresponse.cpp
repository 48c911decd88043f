#include "httpresponse.h"

#include "protocol/httpapicodec.h"

#include <http_parser.h>

using namespace Qt::StringLiterals;

namespace Frontdesk {

HttpResponse &HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    // Replace rather than append: a handler that sets Content-Type twice
    // means the second one, and two Content-Type lines confuse browsers.
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return *this;
        }
    }
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[headerName, value] : headers) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponse HttpResponse::encodedJson(int status, const QByteArray &body)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.setHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json"));
    return response;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message)
{
    return encodedJson(status, HttpApiCodec::errorBody(code, message));
}

HttpResponse HttpResponse::error(const ProtocolError &error)
{
    HttpResponse response = HttpResponse::error(httpStatus(error.code), errorCodeName(error.code), error.message);
    if (error.retryAfterMs > 0)
        response.setHeader("Retry-After", QByteArray::number((error.retryAfterMs + 999) / 1000));
    return response;
}

HttpResponse &HttpResponse::noStore()
{
    return setHeader("Cache-Control", "no-store");
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    // libhttp-parser carries the IANA table already; reuse it rather than keep a copy.
    switch (status) {
#define FRONTDESK_HTTP_REASON(num, name, string) \
    case num: \
        return QByteArrayLiteral(#string);
        HTTP_STATUS_MAP(FRONTDESK_HTTP_REASON)
#undef FRONTDESK_HTTP_REASON
    default:
        return QByteArrayLiteral("Unknown");
    }
}

} // namespace Frontdesk
