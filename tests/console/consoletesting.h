#pragma once

#include "jsonsocket.h"
#include "testserver.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Frontdesk::ConsoleTesting {

/// A visitor with a browser's User-Agent, said hello on a page: of the test
/// server's site on http://shop.test, or of @p siteKey from @p origin.
inline bool openVisitor(JsonSocket &visitor, const TestServer &server, const QString &pageUrl, const QString &pageTitle,
                        const QString &siteKey = {}, const QByteArray &origin = TestServer::allowedOrigin)
{
    QNetworkRequest request(server.wsUrl(u"/v1/visitor?site="_s + (siteKey.isEmpty() ? server.siteKey() : siteKey)));
    request.setRawHeader("Origin", origin);
    request.setRawHeader(
        "User-Agent",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");
    QSignalSpy connected(&visitor.socket(), &QWebSocket::connected);
    visitor.socket().open(request);
    if (!connected.wait(10'000))
        return false;
    const auto welcome = visitor.request({{u"type"_s, u"hello"_s},
                                          {u"v"_s, 1},
                                          {u"page"_s, QJsonObject{{u"url"_s, pageUrl}, {u"title"_s, pageTitle}}},
                                          {u"referrer"_s, u"https://www.google.com/"_s},
                                          {u"locale"_s, u"nb-NO"_s}});
    return welcome && welcome->value(u"type"_s).toString() == u"welcome"_s;
}

} // namespace Frontdesk::ConsoleTesting
