#pragma once

#include "protocol/protocolerror.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <optional>

namespace Frontdesk {

enum class SessionEnd;

/// @brief Where events for one visitor connection go (a WebSocket, or the
/// queue a long-polling client collects from).
class VisitorEndpoint
{
public:
    virtual ~VisitorEndpoint() = default;
    /// One event frame, encoded once for every visitor it goes to.
    virtual void pushToVisitor(const QByteArray &frame) = 0;
    /// Where the connection comes from (address bans).
    [[nodiscard]] virtual QHostAddress address() const = 0;
    /// The server ends the connection (the visitor was banned or erased):
    /// detach, send @p notice as an error frame if there is one, and close with @p reason.
    virtual void endConnection(const std::optional<ProtocolError> &notice, const QString &reason) = 0;
};

/// @brief Where events for one agent connection go.
class AgentEndpoint
{
public:
    virtual ~AgentEndpoint() = default;
    /// One event frame, encoded once for every agent it goes to.
    virtual void pushToAgent(const QByteArray &frame) = 0;
    /// The login session this connection authenticated with.
    [[nodiscard]] virtual QString sessionId() const = 0;
    /// Whether an admin is signed in on it (an agent's role never changes).
    [[nodiscard]] virtual bool isAdmin() const = 0;
    /// The session ended (logout, password change or reset, agent disabled or
    /// deleted): tell the console why and close the connection.
    virtual void endSession(SessionEnd why) = 0;
};

} // namespace Frontdesk
