#pragma once

#include <QFuture>
#include <QObject>

namespace Frontdesk {

/// Runs @p handler with the future's result on @p context's thread once it is
/// there (not at all if @p context is gone first). How the server continues
/// after a store call or a password hash without ever waiting for it; the
/// continuation's own future is not needed, so it is dropped here, once.
template<typename T, typename Handler> void continueWith(QFuture<T> future, QObject *context, Handler &&handler)
{
    auto continuation = future.then(context, std::forward<Handler>(handler));
    Q_UNUSED(continuation);
}

} // namespace Frontdesk
