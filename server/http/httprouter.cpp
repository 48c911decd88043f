#include "httprouter.h"

#include "httpconnection.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

QStringList splitPath(const QString &path)
{
    // Empty segments are dropped so that `/a//b/` and `/a/b` name the same resource.
    return path.split(u'/', Qt::SkipEmptyParts);
}

bool isPlaceholder(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

qsizetype literalSegments(const QStringList &segments)
{
    return std::count_if(segments.cbegin(), segments.cend(), [](const QString &segment) { return !isPlaceholder(segment); });
}

} // namespace

HttpResponder::HttpResponder(HttpConnection *connection, quint64 requestSerial)
    : m_connection(connection), m_requestSerial(requestSerial)
{ }

void HttpResponder::respond(const HttpResponse &response) const
{
    if (m_connection)
        m_connection->respond(m_requestSerial, response);
}

bool HttpResponder::isPending() const
{
    return m_connection && m_connection->isPending(m_requestSerial);
}

void HttpRouter::addRoute(const QByteArray &method, const QString &pattern, Handler handler, qsizetype maxBodyBytes)
{
    m_routes.append(Route{method.toUpper(), splitPath(pattern), std::move(handler), maxBodyBytes});
}

bool HttpRouter::matches(const Route &route, const QStringList &pathSegments, QHash<QString, QString> *parameters)
{
    if (route.segments.size() != pathSegments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < pathSegments.size(); ++i) {
        const QString &segment = route.segments.at(i);
        if (isPlaceholder(segment))
            found.insert(segment.mid(1, segment.size() - 2), pathSegments.at(i));
        else if (segment != pathSegments.at(i))
            return false;
    }
    if (parameters)
        *parameters = std::move(found);
    return true;
}

namespace {

// The route for a method: the most specific match (most literal segments)
// wins, so `/sites/new` beats `/sites/{key}` whatever order they were added in.
template<typename Routes, typename Matches> auto findRoute(const Routes &routes, const QByteArray &method, Matches &&matches)
{
    auto best = routes.cend();
    qsizetype bestLiterals = -1;
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        if (it->method != method || !matches(*it))
            continue;
        const qsizetype literals = literalSegments(it->segments);
        if (literals > bestLiterals) {
            best = it;
            bestLiterals = literals;
        }
    }
    return best;
}

} // namespace

qsizetype HttpRouter::maxBodyBytes(const QByteArray &method, const QString &path) const
{
    const QStringList segments = splitPath(path);
    const auto matchesPath = [&segments](const Route &route) { return matches(route, segments, nullptr); };
    auto route = findRoute(m_routes, method, matchesPath);
    if (route == m_routes.cend() && method == "HEAD")
        route = findRoute(m_routes, QByteArrayLiteral("GET"), matchesPath);
    return route == m_routes.cend() ? -1 : route->maxBodyBytes;
}

void HttpRouter::dispatch(HttpRequest request, const HttpResponder &responder) const
{
    const QStringList segments = splitPath(request.path);
    const auto matchesPath = [&segments](const Route &route) { return matches(route, segments, nullptr); };

    auto route = findRoute(m_routes, request.method, matchesPath);
    // HEAD is GET without the body (RFC 9110 §9.3.2); the connection drops the body.
    if (route == m_routes.cend() && request.method == "HEAD")
        route = findRoute(m_routes, QByteArrayLiteral("GET"), matchesPath);

    if (route != m_routes.cend()) {
        [[maybe_unused]] const bool matched = matches(*route, segments, &request.pathParameters);
        route->handler(request, responder);
        return;
    }
    if (m_fallback) {
        m_fallback(request, responder);
        return;
    }

    QList<QByteArray> allowed;
    for (const Route &candidate : m_routes) {
        if (matchesPath(candidate))
            allowed.append(candidate.method);
    }
    if (allowed.isEmpty()) {
        responder.respond(HttpResponse::error(404, u"not_found"_s, u"There is nothing at %1."_s.arg(request.path)));
        return;
    }
    if (allowed.contains("GET"))
        allowed.append(QByteArrayLiteral("HEAD"));
    std::sort(allowed.begin(), allowed.end());
    allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
    HttpResponse response
        = HttpResponse::error(405, u"method_not_allowed"_s,
                              u"%1 is not allowed on %2; use %3."_s.arg(QString::fromLatin1(request.method), request.path,
                                                                        QString::fromLatin1(allowed.join(", "))));
    response.setHeader(QByteArrayLiteral("Allow"), allowed.join(", "));
    responder.respond(response);
}

} // namespace Frontdesk
