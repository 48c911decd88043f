#include "jsonsocket.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

namespace Frontdesk {

JsonSocket::JsonSocket(QObject *parent) : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { m_frames.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
}

bool JsonSocket::open(const QUrl &url, const QByteArray &origin, int timeoutMs)
{
    QNetworkRequest request(url);
    if (!origin.isEmpty())
        request.setRawHeader("Origin", origin);
    return open(request, timeoutMs);
}

bool JsonSocket::open(const QNetworkRequest &request, int timeoutMs)
{
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    m_socket.open(request);
    QDeadlineTimer deadline(timeoutMs);
    while (connected.isEmpty() && disconnected.isEmpty() && !deadline.hasExpired())
        QTest::qWait(10);
    return !connected.isEmpty();
}

void JsonSocket::send(const QJsonObject &frame)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void JsonSocket::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

void JsonSocket::sendBinary(const QByteArray &bytes)
{
    m_socket.sendBinaryMessage(bytes);
}

void JsonSocket::close()
{
    m_socket.close();
    const bool closed = waitForDisconnected(5'000);
    Q_UNUSED(closed); // a peer that never answers the close is the test's to notice
}

std::optional<QJsonObject> JsonSocket::waitFor(const std::function<bool(const QJsonObject &)> &match, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (qsizetype i = 0; i < m_frames.size(); ++i) {
            if (match(m_frames.at(i)))
                return m_frames.takeAt(i);
        }
        if (deadline.hasExpired())
            return std::nullopt;
        QTest::qWait(5);
    }
}

std::optional<QJsonObject> JsonSocket::waitForType(const QString &type, int timeoutMs)
{
    return waitFor([type](const QJsonObject &frame) { return frame.value(QStringLiteral("type")).toString() == type; },
                   timeoutMs);
}

std::optional<QJsonObject> JsonSocket::request(QJsonObject frame, int timeoutMs)
{
    const int id = m_nextRequestId++;
    frame.insert(QStringLiteral("id"), id);
    send(frame);
    return waitFor([id](const QJsonObject &answer) { return answer.value(QStringLiteral("ref")).toInt(-1) == id; }, timeoutMs);
}

bool JsonSocket::receivesWithin(const QString &type, int ms)
{
    return waitForType(type, ms).has_value();
}

bool JsonSocket::waitForDisconnected(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired())
        QTest::qWait(10);
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace Frontdesk
