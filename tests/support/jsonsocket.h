#pragma once

#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <optional>

namespace Frontdesk {

/// @brief A WebSocket client for tests that keeps every JSON frame it receives
/// and lets the test wait for the one it expects.
class JsonSocket : public QObject
{
    Q_OBJECT

public:
    explicit JsonSocket(QObject *parent = nullptr);

    /// Connects with the given Origin header (none when empty); false if the handshake fails.
    [[nodiscard]] bool open(const QUrl &url, const QByteArray &origin = {}, int timeoutMs = 10'000);
    /// Connects with @p request's headers as they are.
    [[nodiscard]] bool open(const QNetworkRequest &request, int timeoutMs = 10'000);
    void send(const QJsonObject &frame);
    void sendText(const QString &text);
    void sendBinary(const QByteArray &bytes);
    void close();

    /// Waits for and removes the first received frame that matches.
    [[nodiscard]] std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject &)> &match,
                                                     int timeoutMs = 10'000);
    [[nodiscard]] std::optional<QJsonObject> waitForType(const QString &type, int timeoutMs = 10'000);
    /// Sends @p frame with a fresh request id and waits for the frame whose ref is that id.
    [[nodiscard]] std::optional<QJsonObject> request(QJsonObject frame, int timeoutMs = 10'000);
    /// True if a frame of @p type arrives within @p ms (for "nothing more comes" checks, use a short wait).
    [[nodiscard]] bool receivesWithin(const QString &type, int ms);
    [[nodiscard]] bool waitForDisconnected(int timeoutMs = 10'000);

    [[nodiscard]] bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    [[nodiscard]] QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    [[nodiscard]] QList<QJsonObject> frames() const { return m_frames; }
    [[nodiscard]] QWebSocket &socket() { return m_socket; }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_frames;
    int m_nextRequestId = 1;
};

} // namespace Frontdesk
