#pragma once

#include "core/storeresult.h"

#include <QString>

namespace Frontdesk {

class SqlSession;

/// @brief One queued store call as the writer thread sees it.
///
/// Running and answering are separate steps because an answer may only be
/// given once the batch the job ran in has committed.
class DatabaseJob
{
public:
    virtual ~DatabaseJob() = default;

    /// Runs the job's SQL inside its own savepoint. false (NotFound, Conflict,
    /// Failed) makes the writer roll the savepoint back, so a refused call
    /// leaves nothing behind while the rest of its batch still commits.
    virtual bool run(SqlSession &session) = 0;
    /// Gives the caller the result of run(); called after the commit.
    virtual void deliver() = 0;
    /// Answers with @p error (Failed or Busy) instead, whatever run() produced.
    virtual void fail(StoreError error, const QString &message) = 0;
};

} // namespace Frontdesk
