#include "testserver.h"

#include "store/store.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Frontdesk {

TestServer::TestServer()
{
    // Suites about chat behaviour send bursts from one loopback address that
    // the production limits would (rightly) slow down; the suites about the
    // limits put AbuseLimits{} back before start().
    AbuseLimits &limits = m_config.abuseLimits;
    limits.visitorMessageBurst = 100'000;
    limits.visitorMessagesPerSecond = 100'000;
    limits.frameBurst = 100'000;
    limits.framesPerSecond = 100'000;
    limits.newVisitorBurst = 100'000;
    limits.newVisitorsPerMinute = 1e6;
    limits.loginFreeFailuresPerAddress = 1'000;
    limits.loginBanFailuresPerAddress = 10'000;
    limits.loginFreeFailuresPerAccount = 1'000;
}

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start(const QString &backend, QString *error, bool *skip)
{
    switch (m_database.prepare(backend)) {
    case TestDatabase::Status::Ready:
        break;
    case TestDatabase::Status::Skip:
        if (skip)
            *skip = true;
        *error = u"MariaDB tests skipped (FRONTDESK_TEST_MARIADB=skip)"_s;
        return false;
    case TestDatabase::Status::Unavailable:
        *error = m_database.errorString();
        return false;
    }
    m_config.listenAddress = QHostAddress::LocalHost;
    m_config.listenPort = 0;
    m_config.database = m_database.config();
    m_config.adminEmail = adminEmail;
    m_config.adminPassword = adminPassword;
    m_config.extraAllowedOrigins = {QString::fromLatin1(allowedOrigin)};
    return startServer(error);
}

bool TestServer::startServer(QString *error)
{
    m_server = std::make_unique<FrontdeskServer>(m_config);
    QSignalSpy started(m_server.get(), &FrontdeskServer::started);
    QSignalSpy failed(m_server.get(), &FrontdeskServer::failed);
    m_server->start();
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(m_server.get(), &FrontdeskServer::started, &loop, &QEventLoop::quit);
    QObject::connect(m_server.get(), &FrontdeskServer::failed, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(30'000);
    if (started.isEmpty() && failed.isEmpty())
        loop.exec();
    if (started.isEmpty()) {
        *error = failed.isEmpty() ? u"the server did not start within 30 s"_s : failed.first().first().toString();
        return false;
    }
    const QList<SiteRecord> sites = m_server->sites().all();
    if (sites.isEmpty()) {
        *error = u"no site after start"_s;
        return false;
    }
    m_siteKey = sites.first().siteKey;
    return true;
}

bool TestServer::restart(QString *error)
{
    // Keep the port, as a restarted real server would.
    m_config.listenPort = port();
    stop();
    return startServer(error);
}

void TestServer::stop()
{
    if (m_server) {
        m_server->stop();
        m_server.reset();
    }
}

quint16 TestServer::port() const
{
    return m_server ? m_server->port() : 0;
}

QUrl TestServer::httpUrl(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port()).arg(path));
}

QUrl TestServer::wsUrl(const QString &pathAndQuery) const
{
    return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(port()).arg(pathAndQuery));
}

QByteArray HttpAnswer::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpAnswer TestHttp::finish(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.headers = reply->rawHeaderPairs();
    answer.json = QJsonDocument::fromJson(answer.body).object();
    reply->deleteLater();
    return answer;
}

HttpAnswer TestHttp::get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return finish(m_network.get(request));
}

HttpAnswer TestHttp::post(const QUrl &url, const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return finish(m_network.post(request, body));
}

HttpAnswer TestHttp::postJson(const QUrl &url, const QJsonObject &body, const QByteArray &origin)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!origin.isEmpty())
        headers.append({QByteArrayLiteral("Origin"), origin});
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return post(url, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

QString TestHttp::loginAdmin(const TestServer &server)
{
    const HttpAnswer answer
        = postJson(server.httpUrl(u"/v1/agent/login"_s),
                   QJsonObject{{u"email"_s, TestServer::adminEmail}, {u"password"_s, TestServer::adminPassword}});
    return answer.json.value(u"token"_s).toString();
}

} // namespace Frontdesk
