#pragma once

#include <QString>

namespace Frontdesk {

/// @brief Why a store call did not give a value.
enum class StoreError {
    None,
    NotFound, ///< the row asked for does not exist (or the token does not match)
    Conflict, ///< a unique value is taken, or the row is in a state that forbids the change
    Failed, ///< the database refused or is unreachable; `message` says what it said
    Busy, ///< the writer's queue is full; nothing was stored, the call can be retried shortly
};

/// @brief A store call's outcome: a value, or an error kind with a sentence for logs.
template<typename T> struct StoreResult {
    T value{};
    StoreError error = StoreError::None;
    QString message;

    [[nodiscard]] bool ok() const { return error == StoreError::None; }

    static StoreResult success(T v) { return StoreResult{std::move(v), StoreError::None, {}}; }
    static StoreResult failure(StoreError e, QString why) { return StoreResult{T{}, e, std::move(why)}; }
};

/// @brief For calls that give nothing back but success.
struct Done {
};

} // namespace Frontdesk
