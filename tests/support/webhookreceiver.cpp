#include "webhookreceiver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Frontdesk {

QJsonObject WebhookReceiver::Request::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString WebhookReceiver::Request::type() const
{
    return json().value(u"type"_s).toString();
}

WebhookReceiver::WebhookReceiver(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

bool WebhookReceiver::start()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void WebhookReceiver::stop()
{
    m_server.close();
    const auto sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->abort();
    m_buffers.clear();
}

QUrl WebhookReceiver::url(const QString &path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
}

bool WebhookReceiver::waitForRequests(int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_requests.size() >= count; }, timeoutMs);
}

QList<WebhookReceiver::Request> WebhookReceiver::accepted() const
{
    QList<Request> ok;
    for (qsizetype i = 0; i < m_requests.size(); ++i) {
        if (m_answers.value(i) >= 200 && m_answers.value(i) < 300)
            ok.append(m_requests.at(i));
    }
    return ok;
}

void WebhookReceiver::readFrom(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        Request request;
        const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
        request.method = start.value(0);
        request.path = start.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return;
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        m_requests.append(request);
        const int status = m_status;
        m_answers.append(status);
        const QByteArray body = status >= 200 && status < 300 ? QByteArray() : "receiver says no"_ba;
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " Test\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\nConnection: keep-alive\r\n\r\n" + body);
    }
}

QString webhookSignatureProblem(const WebhookReceiver::Request &request, const QString &secret)
{
    const QByteArray id = request.header("webhook-id");
    const QByteArray timestamp = request.header("webhook-timestamp");
    const QByteArray signatures = request.header("webhook-signature");
    if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty())
        return u"a webhook-id, webhook-timestamp or webhook-signature header is missing"_s;
    const qint64 age = QDateTime::currentSecsSinceEpoch() - timestamp.toLongLong();
    if (age < -300 || age > 300)
        return u"the timestamp is %1 s away from now"_s.arg(age);
    if (!secret.startsWith(u"whsec_"_s))
        return u"the secret does not start with whsec_"_s;
    const QByteArray key = QByteArray::fromBase64(secret.mid(6).toLatin1());
    const QByteArray expected = "v1,"
        + QMessageAuthenticationCode::hash(id + '.' + timestamp + '.' + request.body, key, QCryptographicHash::Sha256).toBase64();
    for (const QByteArray &given : signatures.split(' ')) {
        if (given == expected)
            return {};
    }
    return u"no signature matches: got %1, expected %2"_s.arg(QString::fromLatin1(signatures), QString::fromLatin1(expected));
}

} // namespace Frontdesk
