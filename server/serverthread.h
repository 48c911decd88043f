#pragma once

#include "serverconfig.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace Frontdesk {

class FrontdeskServer;

/**
 * @brief A FrontdeskServer on a `network` thread of its own, the one way both
 * headless and host mode run it.
 *
 * The thread gets the epoll dispatcher (Qt's polls every socket on every
 * wake-up); the caller's thread keeps Qt's, which the secret store's D-Bus
 * calls and the GUI need, and never waits on a socket or the database.
 */
class ServerThread : public QObject
{
    Q_OBJECT

public:
    explicit ServerThread(QObject *parent = nullptr);
    ~ServerThread() override;

    /// Starts a server with @p config (stopping one that runs); emits started() or failed().
    void start(const ServerConfig &config);
    /// Stops the server on its own thread, committing everything acknowledged
    /// first, then the thread. Blocks: meant for shutdown.
    void stop();
    /// The running server mails through @p mail from now on (Mailer::reconfigure
    /// on the network thread); the next start() takes its own config's. False
    /// when no server runs.
    bool setMailSettings(const MailSettings &mail);
    [[nodiscard]] bool isRunning() const { return m_server != nullptr && m_url.isValid(); }
    [[nodiscard]] QUrl url() const { return m_url; }

Q_SIGNALS:
    /// Listening on @p url; @p setupLines say what the first start created (logged already).
    void started(const QUrl &url, const QStringList &setupLines);
    void failed(const QString &error);

private:
    QThread m_thread;
    FrontdeskServer *m_server = nullptr;
    QUrl m_url;
};

} // namespace Frontdesk
