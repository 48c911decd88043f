#pragma once

#include <QLocalServer>
#include <QLockFile>
#include <QObject>

namespace Frontdesk {

/**
 * @brief Keeps the console to one process per user: a second start asks the
 * running console to show its window, then exits.
 *
 * The first process holds a lock file in the user's runtime folder
 * ($XDG_RUNTIME_DIR, private to the user) and listens on a local socket next
 * to it. A later process finds the lock held by a live process, connects and
 * sends one line, "show" (with its XDG activation token when it has one, so
 * a Wayland compositor lets the window come to the front), and the first
 * answers "ok". The lock, not the socket, decides who is first: QLockFile
 * takes over a lock whose process is gone, and the socket file a killed
 * process left behind is removed before listening, so neither blocks the next
 * start. Only the console is guarded: headless servers and one-shot commands
 * never construct this.
 */
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Claim {
        Primary, ///< this process is the console; it listens for later starts
        AskedRunning, ///< another console runs and was asked to show itself: exit 0
        Failed, ///< another console holds the lock but did not answer (errorString says so)
    };

    /// @p folder holds the lock and socket ("" = the user's runtime folder).
    explicit SingleInstance(const QString &folder = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// Decides whether this process is the console; a later start asks the first to show itself.
    [[nodiscard]] Claim claim();
    [[nodiscard]] QString socketPath() const { return m_socketPath; }
    [[nodiscard]] QString errorString() const { return m_errorString; }

Q_SIGNALS:
    /// A later start asked this console to show its window.
    void activationRequested();

private:
    [[nodiscard]] bool askRunning();
    void answer(class QLocalSocket *socket);

    QString m_socketPath;
    QString m_lockPath;
    QLockFile m_lock;
    QLocalServer m_server;
    QString m_errorString;
};

} // namespace Frontdesk
