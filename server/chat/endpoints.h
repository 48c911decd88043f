#pragma once

#include <QJsonObject>

namespace Frontdesk {

/// @brief Where events for one visitor connection go (a WebSocket, or the
/// queue a long-polling client collects from).
class VisitorEndpoint
{
public:
    virtual ~VisitorEndpoint() = default;
    virtual void pushToVisitor(const QJsonObject &event) = 0;
};

/// @brief Where events for one agent connection go.
class AgentEndpoint
{
public:
    virtual ~AgentEndpoint() = default;
    virtual void pushToAgent(const QJsonObject &event) = 0;
};

} // namespace Frontdesk
