#pragma once

#include "chat/chatoutcome.h"

#include <QJsonObject>
#include <functional>

namespace Frontdesk {

/// Where a command's answer goes: the fields of its `result` frame, or the error.
using CommandAnswer = std::function<void(ChatOutcome<QJsonObject>)>;

/// A service callback that renders its value into the answer's fields, or passes the error on.
template<typename T, typename Render> [[nodiscard]] ChatCallback<T> answerWith(const CommandAnswer &answer, Render render)
{
    return [answer, render](ChatOutcome<T> outcome) {
        if (auto *failure = std::get_if<ProtocolError>(&outcome))
            return answer(*failure);
        answer(render(std::get<T>(outcome)));
    };
}

/// A service callback for a command whose success has no fields.
[[nodiscard]] inline ChatCallback<bool> answerEmpty(const CommandAnswer &answer)
{
    return answerWith<bool>(answer, [](bool) { return QJsonObject{}; });
}

} // namespace Frontdesk
