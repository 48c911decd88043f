#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace Frontdesk {

/// @brief The real `frontdesk --headless` binary as a child process, on one
/// database and one port that outlive the process.
///
/// The first start() listens on an ephemeral port on 127.0.0.1; every later
/// start() takes the same port again, so clients reconnect to the address
/// they know, as they would to a server that a supervisor restarted. kill()
/// is SIGKILL (nothing is flushed, nothing is answered); stop() is SIGTERM
/// and expects a clean exit. Its log (stderr, all runs appended) goes to a
/// file, so a chatty server never blocks on a full pipe.
class FrontdeskProcess
{
public:
    /// @p databaseUrl as `--database` takes it; @p databasePassword goes in
    /// FRONTDESK_DB_PASSWORD (MariaDB; empty for SQLite).
    FrontdeskProcess(const QString &binary, const QString &databaseUrl, const QString &databasePassword = {});
    ~FrontdeskProcess();
    FrontdeskProcess(const FrontdeskProcess &) = delete;
    FrontdeskProcess &operator=(const FrontdeskProcess &) = delete;

    /// Added to every start's command line, e.g. `--limit` and `--allow-origin`.
    void setServerArguments(const QStringList &arguments) { m_serverArguments = arguments; }

    /// Starts the server and waits (event loop running) until it reports
    /// where it listens, at most @p timeoutMs; false with a sentence in @p error.
    [[nodiscard]] bool start(QString *error, int timeoutMs = 60'000);
    /// SIGKILL, and waits until the process is gone.
    void kill();
    /// SIGTERM; true if it exited with code 0 within @p timeoutMs.
    [[nodiscard]] bool stop(QString *error, int timeoutMs = 30'000);
    /// Runs a one-shot command on the same database (e.g. `--create-agent`)
    /// with @p extraEnvironment; returns its exit code (-1 if it did not finish), output in @p output.
    int runCommand(const QStringList &arguments, const QProcessEnvironment &extraEnvironment, QString *output);

    [[nodiscard]] bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    [[nodiscard]] QUrl httpUrl(const QString &path) const;
    [[nodiscard]] QUrl wsUrl(const QString &pathAndQuery) const;
    [[nodiscard]] quint16 port() const { return m_port; }
    /// Everything the server logged so far, over all its runs.
    [[nodiscard]] QString log() const;
    /// The site key from the first start's snippet line; empty before.
    [[nodiscard]] QString siteKey() const { return m_siteKey; }

private:
    [[nodiscard]] QProcessEnvironment environment() const;

    QString m_binary;
    QString m_databaseUrl;
    QString m_databasePassword;
    QStringList m_serverArguments;
    QTemporaryDir m_home;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_siteKey;
};

} // namespace Frontdesk
