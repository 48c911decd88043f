#include "chatoutcome.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcChat, "frontdesk.chat")

namespace Frontdesk {

ProtocolError storeError(StoreError error, const QString &message)
{
    switch (error) {
    case StoreError::NotFound:
        return ProtocolError::make(ErrorCode::NotFound);
    case StoreError::Conflict:
        return ProtocolError::make(ErrorCode::Conflict);
    case StoreError::Busy:
        // The writer's queue is full: expected under a flood, and logged by
        // nobody per call (that would be a flood of its own).
        return ProtocolError::make(ErrorCode::StorageBusy);
    case StoreError::None:
    case StoreError::Failed:
        break;
    }
    qCWarning(lcChat) << "storage failed:" << message;
    return ProtocolError::make(ErrorCode::StorageFailed);
}

} // namespace Frontdesk
