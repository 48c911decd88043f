#pragma once

#include "core/records.h"
#include "core/storeresult.h"

#include <QFuture>
#include <optional>

namespace Frontdesk {

class WriterQueue;

/// @brief The team's canned responses.
///
/// One part of the Store (see store.h): every call is a job for the one
/// writer thread and answers through a QFuture once its transaction committed.
class CannedResponseStore
{
public:
    explicit CannedResponseStore(const WriterQueue &writer) : m_writer(writer) { }

    QFuture<StoreResult<QList<CannedResponse>>> listCannedResponses();
    /// Inserts (id 0) or updates the response. Conflict when the shortcut is taken; NotFound for an unknown id.
    QFuture<StoreResult<CannedResponse>> saveCannedResponse(const CannedResponse &response);
    QFuture<StoreResult<Done>> deleteCannedResponse(qint64 id);

private:
    const WriterQueue &m_writer;
};

} // namespace Frontdesk
