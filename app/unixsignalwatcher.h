#pragma once

#include <QObject>

class QSocketNotifier;

namespace Frontdesk {

/// @brief Turns SIGTERM and SIGINT into a Qt signal on the main thread.
///
/// A signal handler may do almost nothing safely; it writes a byte to a
/// socket pair, and a QSocketNotifier picks it up in the event loop (the
/// pattern Qt's documentation gives for Unix signals).
class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Frontdesk
