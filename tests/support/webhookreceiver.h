#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace Frontdesk {

/// @brief An HTTP endpoint on 127.0.0.1 for the webhook tests: it keeps
/// every request it gets and answers each with the status the test chose.
///
/// Small on purpose (HTTP/1.1 with Content-Length, keep-alive, one request at
/// a time per connection): QNetworkAccessManager is its only client. "Down"
/// is a closed port: the sender's connection is refused.
class WebhookReceiver : public QObject
{
    Q_OBJECT

public:
    struct Request {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; ///< names in lower case
        QByteArray body;
        [[nodiscard]] QJsonObject json() const;
        [[nodiscard]] QString type() const;
        [[nodiscard]] QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    };

    explicit WebhookReceiver(QObject *parent = nullptr);

    /// Listens on an ephemeral port the first time, on the same one after stop().
    [[nodiscard]] bool start();
    /// Closes the port and every open connection.
    void stop();
    [[nodiscard]] QUrl url(const QString &path = QStringLiteral("/hook")) const;

    /// The status every request is answered with from now on (204 at first).
    void setStatus(int status) { m_status = status; }
    /// Waits (event loop running) until @p count requests arrived in all.
    [[nodiscard]] bool waitForRequests(int count, int timeoutMs = 20000);
    [[nodiscard]] QList<Request> requests() const { return m_requests; }
    /// The requests answered 2xx.
    [[nodiscard]] QList<Request> accepted() const;

private:
    void readFrom(class QTcpSocket *socket);

    QTcpServer m_server;
    quint16 m_port = 0;
    int m_status = 204;
    QList<Request> m_requests;
    QList<int> m_answers; ///< the status each request got
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// Checks @p request's Standard Webhooks signature with @p secret: an empty
/// string when it is right, else what is wrong. Written from the spec here,
/// apart from the server's own code, so the two cannot share a mistake.
[[nodiscard]] QString webhookSignatureProblem(const WebhookReceiver::Request &request, const QString &secret);

} // namespace Frontdesk
