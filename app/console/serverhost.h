#pragma once

#include "serverconfig.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace Frontdesk {

class FrontdeskServer;

/**
 * @brief Host mode's in-process server: a FrontdeskServer on its own
 * `network` thread, so the GUI thread never waits on a socket or the database.
 * The console talks to it over the agent protocol like to any other server.
 */
class ServerHost : public QObject
{
    Q_OBJECT

public:
    explicit ServerHost(QObject *parent = nullptr);
    ~ServerHost() override;

    /// Starts the server with @p config; emits started() or failed().
    void start(const ServerConfig &config);
    /// Stops it on its own thread, committing everything acknowledged. Blocks
    /// only at shutdown, when the window is already gone.
    void stop();
    [[nodiscard]] bool isRunning() const { return m_server != nullptr && m_url.isValid(); }
    [[nodiscard]] QUrl url() const { return m_url; }

Q_SIGNALS:
    void started(const QUrl &url, const QStringList &setupLines);
    void failed(const QString &error);

private:
    QThread m_thread;
    FrontdeskServer *m_server = nullptr;
    QUrl m_url;
};

} // namespace Frontdesk
