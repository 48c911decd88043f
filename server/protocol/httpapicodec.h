#pragma once

#include "core/records.h"
#include "protocol/protocolerror.h"
#include "protocol/wirecodec.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <variant>

namespace Frontdesk {

/// @brief The JSON bodies of the HTTP API (docs/protocol.md §7 and §8), read
/// and written here so the controllers only see typed values and bytes.
///
/// Every HTTP error has the one shape `{"error":{"code","message"}}`,
/// whoever refuses (the listener, the router, a controller, long polling).
namespace HttpApiCodec {

/// `{"error":{"code":"<code>","message":"<sentence>"}}`.
[[nodiscard]] QByteArray errorBody(const QString &code, const QString &message);

/// `GET /healthz`.
[[nodiscard]] QByteArray healthBody(bool storing, qint64 uptimeSeconds, int connections);

/// `GET /v1/sites/{siteKey}/config`: what the widget needs before it connects.
[[nodiscard]] QByteArray siteConfigBody(const SiteRecord &site, int agentsOnline);

/// `POST /v1/agent/login`.
struct LoginRequest {
    QString email;
    QString password;
};
[[nodiscard]] std::variant<LoginRequest, ProtocolError> decodeLogin(QByteArrayView body);
[[nodiscard]] QByteArray loginBody(const QString &token, const LoginSession &session, const AgentRecord &agent);

/// What every long-polling request after hello names: who, and which channel.
struct PollingCredentials {
    QString visitorId;
    QString token;
    QString channel;
};

/// `POST …/visitor/hello`: the body is a hello frame without `type`.
[[nodiscard]] std::variant<WireMessage, ProtocolError> decodePollingHello(QByteArrayView body);

/// `POST …/visitor/send`: credentials and one visitor frame, decoded with
/// the same rules as a WebSocket frame; `hello` is refused (it has its own endpoint).
struct PollingSend {
    PollingCredentials credentials;
    WireMessage frame;
};
[[nodiscard]] std::variant<PollingSend, ProtocolError> decodePollingSend(QByteArrayView body);

/// `POST …/visitor/poll`: credentials, the last cursor received, the last message id the client has.
struct PollingPoll {
    PollingCredentials credentials;
    QString cursor;
    qint64 after = -1; ///< -1: not given
};
[[nodiscard]] std::variant<PollingPoll, ProtocolError> decodePollingPoll(QByteArrayView body);

/// The answer to a `send` whose frame has no answer of its own on a WebSocket (typing, page, read).
[[nodiscard]] QByteArray pollingOkBody();

/// `{"events":[…],"cursor":"…"}`, assembled from events encoded already.
[[nodiscard]] QByteArray pollBatchBody(const QList<QByteArray> &events, const QString &cursor);

/// The event that tells a visitor who fell too far behind to say hello again.
[[nodiscard]] QByteArray resyncEvent();

/// A stored message as the `message` event a visitor gets (replayed to a poll from another epoch).
[[nodiscard]] QByteArray visitorMessageEvent(const MessageRecord &message);

} // namespace HttpApiCodec

} // namespace Frontdesk
