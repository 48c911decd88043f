#pragma once

#include "frontdeskserver.h"
#include "testdatabase.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>
#include <memory>

/// Starts the TestServer @p server on @p backend inside a test function:
/// QSKIP where MariaDB is skipped on purpose (FRONTDESK_TEST_MARIADB=skip),
/// QFAIL on any other failure. A macro because QSKIP and QFAIL return from
/// the function they stand in.
#define FRONTDESK_START_TEST_SERVER(server, backend) \
    do { \
        QString startError_; \
        bool skip_ = false; \
        if (!(server).start((backend), &startError_, &skip_)) { \
            if (skip_) \
                QSKIP(qPrintable(startError_)); \
            QFAIL(qPrintable(startError_)); \
        } \
    } while (false)

namespace Frontdesk {

/// @brief A real FrontdeskServer on 127.0.0.1 and an ephemeral port, over a
/// fresh TestDatabase, with one site (origin http://shop.test allowed) and an
/// admin whose password the test knows.
class TestServer
{
public:
    static inline const QByteArray allowedOrigin = QByteArrayLiteral("http://shop.test");
    static inline const QString adminEmail = QStringLiteral("admin@shop.test");
    static inline const QString adminPassword = QStringLiteral("correct horse battery");

    TestServer();
    ~TestServer();

    /// Prepares the database for @p backend ("sqlite" or "mariadb") and starts.
    /// Returns false with a sentence in @p error; sets @p skip for FRONTDESK_TEST_MARIADB=skip.
    [[nodiscard]] bool start(const QString &backend, QString *error, bool *skip = nullptr);
    /// Stops (committing everything) and starts a new server on the same database.
    [[nodiscard]] bool restart(QString *error);
    void stop();

    [[nodiscard]] FrontdeskServer *server() const { return m_server.get(); }
    [[nodiscard]] ServerConfig &config() { return m_config; }
    /// The database under the server, for a test that sets a row up as an older run left it.
    [[nodiscard]] TestDatabase &database() { return m_database; }
    [[nodiscard]] QUrl httpUrl(const QString &path) const;
    [[nodiscard]] QUrl wsUrl(const QString &pathAndQuery) const;
    [[nodiscard]] QString siteKey() const { return m_siteKey; }
    [[nodiscard]] quint16 port() const;

private:
    [[nodiscard]] bool startServer(QString *error);

    TestDatabase m_database;
    ServerConfig m_config;
    std::unique_ptr<FrontdeskServer> m_server;
    QString m_siteKey;
};

/// @brief The answer to a test's HTTP request.
struct HttpAnswer {
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    /// The code of an HTTP error (`{"error":{"code","message"}}`); empty for any other body.
    [[nodiscard]] QString errorCode() const { return json.value(QLatin1String("error"))[QLatin1String("code")].toString(); }
    [[nodiscard]] QString errorMessage() const { return json.value(QLatin1String("error"))[QLatin1String("message")].toString(); }
};

/// @brief Blocking HTTP for tests (waits in a local event loop, so the server
/// in the same thread keeps running).
class TestHttp
{
public:
    [[nodiscard]] HttpAnswer get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    [[nodiscard]] HttpAnswer post(const QUrl &url, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    [[nodiscard]] HttpAnswer postJson(const QUrl &url, const QJsonObject &body, const QByteArray &origin = {});
    /// Logs in as the test admin; returns the token or an empty string.
    [[nodiscard]] QString loginAdmin(const TestServer &server);

private:
    HttpAnswer finish(class QNetworkReply *reply);
    QNetworkAccessManager m_network;
};

} // namespace Frontdesk
