#pragma once

#include "core/storeresult.h"
#include "protocol/protocolerror.h"

#include <functional>
#include <variant>

namespace Frontdesk {

/// Answer of an asynchronous chat operation: the value or the error to send.
template<typename T> using ChatOutcome = std::variant<T, ProtocolError>;
template<typename T> using ChatCallback = std::function<void(ChatOutcome<T>)>;

/// The error a client is answered with when the store refused: not_found,
/// conflict, storage_busy, or storage_failed (logged, with the store's reason).
[[nodiscard]] ProtocolError storeError(StoreError error, const QString &message);

/// The store's answer as a chat outcome: its value, or storeError().
template<typename T> [[nodiscard]] ChatOutcome<T> outcomeOf(const StoreResult<T> &result)
{
    if (!result.ok())
        return storeError(result.error, result.message);
    return result.value;
}

} // namespace Frontdesk
