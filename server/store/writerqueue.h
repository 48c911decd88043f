#pragma once

namespace Frontdesk {

class DatabaseWorker;

/// @brief Where the Store's parts queue their jobs: the one writer thread.
///
/// The Store owns it and attaches its DatabaseWorker in open(); until then (or
/// when there is none) every job is answered at once with Failed. The parts
/// keep a reference to it, not to the worker, because they exist before the
/// database is opened.
class WriterQueue
{
public:
    void attach(DatabaseWorker *worker) { m_worker = worker; }
    [[nodiscard]] DatabaseWorker *worker() const { return m_worker; }

private:
    DatabaseWorker *m_worker = nullptr;
};

} // namespace Frontdesk
