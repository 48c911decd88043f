#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QPointer>
#include <functional>

namespace Frontdesk {

class HttpConnection;

/// @brief Sends the answer to one request, now or later (long polling, store
/// calls). Copyable; answering twice, or after the client went away, does nothing.
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection *connection, quint64 requestSerial);

    void respond(const HttpResponse &response) const;
    /// False once the client disconnected or the request was answered.
    [[nodiscard]] bool isPending() const;

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_requestSerial = 0;
};

/// @brief The table of routes: method + path pattern → handler, with a body
/// limit per route. Patterns are literal segments and `{name}` placeholders,
/// e.g. `/v1/sites/{siteKey}/config`.
class HttpRouter
{
public:
    using Handler = std::function<void(const HttpRequest &request, const HttpResponder &responder)>;

    void addRoute(const QByteArray &method, const QString &pattern, Handler handler, qsizetype maxBodyBytes = -1);

    /// The body limit for the route that will handle this method and path
    /// (the listener asks once the headers are in, before reading the body);
    /// -1 when no route matches (then the default limit applies).
    [[nodiscard]] qsizetype maxBodyBytes(const QByteArray &method, const QString &path) const;
    /// Answers whatever no route matches (a port that redirects everything
    /// else to HTTPS); without one the router answers 404 or 405 itself.
    void setFallback(Handler handler) { m_fallback = std::move(handler); }
    /// Finds the route, fills request.pathParameters and calls its handler;
    /// else the fallback, else answers 404, or 405 with an Allow header, itself.
    void dispatch(HttpRequest request, const HttpResponder &responder) const;

private:
    struct Route {
        QByteArray method;
        QStringList segments;
        Handler handler;
        qsizetype maxBodyBytes = -1;
    };
    [[nodiscard]] static bool matches(const Route &route, const QStringList &pathSegments, QHash<QString, QString> *parameters);

    QList<Route> m_routes;
    Handler m_fallback;
};

} // namespace Frontdesk
