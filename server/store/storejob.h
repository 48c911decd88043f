#pragma once

#include "core/storeresult.h"
#include "databasejob.h"

#include <QFuture>
#include <QPromise>

#include <exception>
#include <functional>

namespace Frontdesk {

/// @brief A DatabaseJob whose SQL is a function and whose answer is a QFuture.
template<typename T> class StoreJob final : public DatabaseJob
{
public:
    using Body = std::function<StoreResult<T>(SqlSession &)>;

    explicit StoreJob(Body body) : m_body(std::move(body)) { m_promise.start(); }
    ~StoreJob() override
    {
        // A job dropped unanswered would leave a cancelled future, whose
        // continuations never run: its caller would wait forever.
        if (!m_promise.future().isFinished())
            finish(StoreResult<T>::failure(StoreError::Failed, QStringLiteral("the store dropped this call")));
    }
    StoreJob(const StoreJob &) = delete;
    StoreJob &operator=(const StoreJob &) = delete;

    [[nodiscard]] QFuture<StoreResult<T>> future() { return m_promise.future(); }

    bool run(SqlSession &session) override
    {
        // An exception must not take the writer thread down with it; the
        // caller gets a Failed answer instead.
        try {
            m_result = m_body(session);
        } catch (const std::exception &e) {
            m_result = StoreResult<T>::failure(StoreError::Failed, QString::fromLocal8Bit(e.what()));
        }
        return m_result.ok();
    }

    void deliver() override { finish(std::move(m_result)); }

    void fail(StoreError error, const QString &message) override { finish(StoreResult<T>::failure(error, message)); }

    /// Answers a call that never reached the writer (store not open or closed).
    static QFuture<StoreResult<T>> failed(const QString &message)
    {
        QPromise<StoreResult<T>> promise;
        promise.start();
        promise.addResult(StoreResult<T>::failure(StoreError::Failed, message));
        promise.finish();
        return promise.future();
    }

private:
    void finish(StoreResult<T> result)
    {
        m_promise.addResult(std::move(result));
        m_promise.finish();
    }

    QPromise<StoreResult<T>> m_promise;
    Body m_body;
    StoreResult<T> m_result;
};

} // namespace Frontdesk
