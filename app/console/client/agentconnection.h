#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

class QNetworkAccessManager;

namespace Frontdesk {

class SecretStore;

/// @brief The answer to one agent command: the `result`/`ack` frame, or an error code and sentence.
struct CommandReply {
    QJsonObject frame;
    QString errorCode; ///< empty on success; "disconnected" when the connection dropped first
    QString errorMessage;
    [[nodiscard]] bool ok() const { return errorCode.isEmpty(); }
};

/**
 * @brief The console's link to one Frontdesk server: `POST /v1/agent/login`,
 * the `/v1/agent` WebSocket, and nothing of what the frames mean.
 *
 * It signs in (keeping the token in the keyring, SecretStore::keyForAgentToken),
 * authenticates the socket, reconnects with exponential backoff, pings an idle
 * connection, matches every command to its answer by `id`/`ref` and hands
 * every other frame on as an event. A `session_ended` event is its own: the
 * token is dead, so it signs out instead of reconnecting.
 *
 * It lives on the GUI thread and never blocks: QNetworkAccessManager,
 * QWebSocket and the keyring answer through signals. QML sees it only for
 * its State enum (`AgentConnection.Online`); the console talks to AgentClient.
 */
class AgentConnection : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The AgentClient owns the connection; QML reads its State values only.")

public:
    /// @brief Where the session stands.
    enum State { LoggedOut, LoggingIn, Connecting, Online, Reconnecting, Offline };
    Q_ENUM(State)

    using Callback = std::function<void(const CommandReply &)>;

    /// @p secretService: the keyring service name (tests pass their own).
    AgentConnection(const QString &secretService, QObject *parent);
    ~AgentConnection() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isOnline() const { return m_state == Online; }
    [[nodiscard]] QString errorString() const { return m_errorString; }
    [[nodiscard]] QUrl serverUrl() const { return m_serverUrl; }

    /// The User-Agent of the console's login, e.g. "Frontdesk/0.1.0 (Debian GNU/Linux 12 (bookworm); linux)".
    [[nodiscard]] static QString userAgentHeader();
    /// The reconnect delay for attempt @p attempt (0-based): 0.5 s doubling to 30 s, with jitter.
    [[nodiscard]] static int backoffMs(int attempt, double random);
    /// What the console tells the agent when the server ended the session for @p reason.
    [[nodiscard]] static QString sessionEndedSentence(const QString &reason);

    /// Signs in with email and password, keeps the token in the keyring, then connects.
    void login(const QUrl &serverUrl, const QString &email, const QString &password);
    /// Connects with the token kept in the keyring; without one, ends LoggedOut with a sentence.
    void resume(const QUrl &serverUrl, const QString &email);
    /// Connects with a token the caller already has (tests, host mode).
    void connectWithToken(const QUrl &serverUrl, const QString &token);
    /// Revokes the token on the server, forgets it (keyring too) and disconnects.
    void logout();
    /// Disconnects on purpose and stays so (State Offline) until reconnect().
    void goOffline();
    /// Connects again after goOffline(); does nothing in any other state.
    void reconnect();

    /// Sends @p type with @p fields and a fresh id; @p callback runs (while @p context lives) with the answer.
    void request(const QString &type, QJsonObject fields, QObject *context, Callback callback);
    /// Sends @p frame as it is, if the socket is connected (no answer expected).
    void send(const QJsonObject &frame);

Q_SIGNALS:
    void stateChanged();
    void errorStringChanged();
    void serverUrlChanged();
    /// The login answered with the agent (before the socket is open).
    void signedIn(const QJsonObject &agent);
    /// The socket is authenticated: @p snapshot is about to be delivered. Emitted before the
    /// state turns Online, so what is read from the snapshot (the agent, the outbox) is in place first.
    void authenticated(const QJsonObject &snapshot);
    /// The snapshot of an authenticated connection (after every (re)connect), once Online.
    void snapshotReceived(const QJsonObject &snapshot);
    /// An event frame (`message`, `conversation_created`, …) other than `session_ended`.
    void eventReceived(const QString &type, const QJsonObject &frame);

private:
    void setState(State state);
    void setError(const QString &error);
    void setServer(const QUrl &serverUrl);
    void openSocket();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void scheduleReconnect();
    void failPending(const QString &code, const QString &message);
    void stopTimers();
    /// Forgets the token (keyring too) and shows the sign-in page with @p why.
    void signOutLocally(const QString &why);

    struct Pending {
        QPointer<QObject> context;
        Callback callback;
        bool hasContext = false;
    };

    QNetworkAccessManager *m_network;
    SecretStore *m_secrets;
    QWebSocket m_socket;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    State m_state = LoggedOut;
    QString m_errorString;
    QUrl m_serverUrl;
    QString m_email;
    QString m_token;
    int m_attempt = 0;
    qint64 m_nextId = 1;
    bool m_authenticated = false;
    QHash<qint64, Pending> m_pending;
};

} // namespace Frontdesk
