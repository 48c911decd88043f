#pragma once

#include "chat/agentauthservice.h"
#include "chat/endpoints.h"
#include "chat/visitorservice.h"
#include "protocol/wirecodec.h"
#include "ratelimit/abuselimits.h"
#include "ratelimit/tokenbucket.h"

#include <QObject>
#include <functional>
#include <optional>

namespace Frontdesk {

class ChatServices;

/// @brief One visitor connection's side of protocol v1, whatever carries it.
///
/// A WebSocket session and the long-polling API both feed it decoded frames
/// and give it two ways out: `reply` for the answer to a frame (ack, welcome,
/// or a refusal) and `push` for events that arrive by themselves, already
/// encoded (the fan-out encodes each event once for every visitor it goes
/// to). So the visitor protocol's rules exist once, and both transports
/// behave the same. A refusal stays a value: the WebSocket sends it as an
/// error frame with the request's `ref`, long polling as an HTTP error.
class VisitorChannel : public QObject, public VisitorEndpoint
{
    Q_OBJECT

public:
    /// A frame refused, with the `id` of the request (to echo as `ref` where the transport needs one).
    struct Refusal {
        ProtocolError error;
        QJsonValue requestId;
    };
    /// The answer to one frame: an encoded frame, or a refusal.
    using Answer = std::variant<QByteArray, Refusal>;
    using Send = std::function<void(const Answer &answer)>;
    using Push = std::function<void(const QByteArray &frame)>;

    /// An answer as a WebSocket carries it: the frame, or an error frame with `ref`.
    [[nodiscard]] static QByteArray socketFrame(const Answer &answer);

    /// @p client comes from the transport (peer address, User-Agent header).
    VisitorChannel(ChatServices *chat, const SiteRecord &site, const ClientContext &client, Push push, QObject *parent = nullptr);
    ~VisitorChannel() override;

    /// Decodes one frame and handles it; bad bytes are answered with an error frame.
    void handleBytes(QByteArrayView bytes, const Send &reply);
    void handle(const WireMessage &message, const Send &reply);
    /// For a transport that authenticated the visitor itself (long polling).
    void adoptVisitor(const VisitorRecord &visitor);
    /// Long polling: the welcome names the channel the visitor's later requests use.
    void setPollingChannel(const QString &channelId) { m_pollingChannel = channelId; }
    /// The token the visitor was welcomed with (empty before): long polling checks later requests against it.
    [[nodiscard]] const QString &welcomeToken() const { return m_welcomeToken; }

    [[nodiscard]] const std::optional<VisitorRecord> &visitor() const { return m_visitor; }
    [[nodiscard]] const SiteRecord &site() const { return m_site; }

    void pushToVisitor(const QByteArray &frame) override;
    [[nodiscard]] QHostAddress address() const override { return m_client.address; }
    void endConnection(const std::optional<ProtocolError> &notice, const QString &reason) override;

Q_SIGNALS:
    /// The client kept sending over its frame rate after being told: close it.
    void flooding();
    /// The server ended this connection (banned, erased): close the transport with @p reason.
    void ended(const QString &reason);

public:
    /// The welcome frame a hello is answered with.
    /// @p mailEnabled: the server sends email, so the widget may offer the transcript by email.
    [[nodiscard]] static QJsonObject welcomeFrame(const VisitorWelcome &welcome, const SiteRecord &site, bool mailEnabled);

private:
    /// Answers with @p frame, its `ref` the request's id.
    static void replyFrame(const Send &reply, QJsonObject frame, const WireMessage &message);
    void handleHello(const WireMessage &message, const Send &reply);
    void handleMessage(const WireMessage &message, const Send &reply);
    void handleTyping(const WireMessage &message, const Send &reply);
    void handleRead(const WireMessage &message, const Send &reply);
    void handlePage(const WireMessage &message, const Send &reply);
    void handleIdentify(const WireMessage &message, const Send &reply);
    void handleProfile(const WireMessage &message, const Send &reply);
    void handleAttributes(const WireMessage &message, const Send &reply);
    void handleRate(const WireMessage &message, const Send &reply);
    /// Emails the transcript of the visitor's own closed conversation (server/mail's Mailer).
    void handleEmailTranscript(const WireMessage &message, const Send &reply);
    void applyPatch(const VisitorPatch &patch, const Send &reply, const WireMessage &message);
    static void replyOk(const Send &reply, const WireMessage &message);
    [[nodiscard]] static std::variant<VisitorIdentity, ProtocolError> readIdentity(const QJsonValue &value);
    static void replyError(const Send &reply, const ProtocolError &error, const WireMessage &message);
    /// A connection opened before its site was deleted serves nobody: true
    /// after answering unknown_site and ending the connection.
    bool refuseIfSiteGone(const Send &reply, const WireMessage &message);
    /// The frame rate limit; false after answering rate_limited (or signalling flooding()).
    bool admitFrame(const Send &reply, const WireMessage &message);

    ChatServices *m_chat;
    SiteRecord m_site;
    ClientContext m_client;
    AbuseLimits m_limits;
    TokenBucket m_frames;
    int m_refusedInARow = 0;
    Push m_push;
    std::optional<VisitorRecord> m_visitor;
    bool m_helloPending = false;
    bool m_ended = false;
    QString m_pollingChannel;
    QString m_welcomeToken;
};

} // namespace Frontdesk
