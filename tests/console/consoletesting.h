#pragma once

#include "jsonsocket.h"
#include "testserver.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
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

/// @brief A dbus-daemon of the test's own as this process's session bus: the
/// test's fake is then the only org.freedesktop.Notifications, whoever else runs.
class PrivateSessionBus
{
public:
    PrivateSessionBus() = default;
    PrivateSessionBus(const PrivateSessionBus &) = delete;
    PrivateSessionBus &operator=(const PrivateSessionBus &) = delete;
    ~PrivateSessionBus() { stop(); }

    /// Starts the daemon and points DBUS_SESSION_BUS_ADDRESS at it; call it
    /// before the first QDBusConnection::sessionBus(), which reads the address once.
    bool start()
    {
        const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
        if (daemon.isEmpty())
            return false;
        m_daemon.start(daemon, {u"--session"_s, u"--nofork"_s, u"--nopidfile"_s, u"--print-address=1"_s});
        if (!m_daemon.waitForStarted(10'000))
            return false;
        QByteArray address;
        while (!address.contains('\n') && m_daemon.waitForReadyRead(10'000))
            address += m_daemon.readAllStandardOutput();
        address = address.trimmed();
        if (address.isEmpty())
            return false;
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        return true;
    }

    void stop()
    {
        if (m_daemon.state() == QProcess::NotRunning)
            return;
        m_daemon.terminate();
        m_daemon.waitForFinished(10'000);
    }

private:
    QProcess m_daemon;
};

} // namespace Frontdesk::ConsoleTesting
