#pragma once

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

namespace Frontdesk {

/// @brief Where events for one visitor connection go (a WebSocket, or the
/// queue a long-polling client collects from).
class VisitorEndpoint
{
public:
    virtual ~VisitorEndpoint() = default;
    virtual void pushToVisitor(const QJsonObject &event) = 0;
    /// Where the connection comes from (address bans).
    [[nodiscard]] virtual QHostAddress address() const = 0;
    /// The server ends the connection (the visitor was banned or erased):
    /// detach, send @p notice if it is not empty, and close with @p reason.
    virtual void endConnection(const QJsonObject &notice, const QString &reason) = 0;
};

/// @brief Where events for one agent connection go.
class AgentEndpoint
{
public:
    virtual ~AgentEndpoint() = default;
    virtual void pushToAgent(const QJsonObject &event) = 0;
    /// The login session this connection authenticated with.
    [[nodiscard]] virtual QString sessionId() const = 0;
    /// The session ended (logout, password change, account disabled or
    /// deleted): tell the console why and close the connection.
    virtual void endSession(const QString &reason) = 0;
};

} // namespace Frontdesk
