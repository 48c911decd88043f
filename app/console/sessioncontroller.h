#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>

#include <functional>

#include "serverconfig.h"

namespace Frontdesk {

class AgentClient;
class ConsoleSettings;
class ServerThread;

/**
 * @brief The console's start-up flow: first-run wizard, host or remote mode,
 * signing in, and the console itself.
 *
 * Host mode starts the in-process server (with the wizard's answers on the
 * first start: first agent, site name, allowed origins, listen address) and
 * then signs in to it over the agent protocol, exactly as remote mode signs in
 * to a server elsewhere.
 */
class SessionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The console creates the SessionController.")

    /// @brief Which screen to show: Setup (wizard), Starting, SignIn or Console.
    Q_PROPERTY(Phase phase READ phase NOTIFY phaseChanged)
    /// @brief True in host mode (the server runs inside this console).
    Q_PROPERTY(bool hostMode READ hostMode NOTIFY phaseChanged)
    /// @brief A start-up problem (the server failed to start), as a sentence.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// @brief Host mode: the URL the server listens on.
    Q_PROPERTY(QString hostUrl READ hostUrl NOTIFY hostUrlChanged)
    /// @brief The email to sign in with.
    Q_PROPERTY(QString email READ email NOTIFY phaseChanged)
    /// @brief Host mode: the SMTP server the running server sends through, with its
    /// user ("smtp://mail.example.com:587 as chat@example.com"); "" when it sends no email.
    Q_PROPERTY(QString smtpInUse READ smtpInUse NOTIFY smtpInUseChanged)

public:
    enum Phase { Setup, Starting, SignIn, Console };
    Q_ENUM(Phase)

    SessionController(AgentClient *client, ConsoleSettings *settings, const ServerConfig &baseConfig, QObject *parent = nullptr);
    ~SessionController() override;

    [[nodiscard]] Phase phase() const { return m_phase; }
    [[nodiscard]] bool hostMode() const;
    [[nodiscard]] QString errorString() const { return m_errorString; }
    [[nodiscard]] QString hostUrl() const;
    [[nodiscard]] QString email() const;
    [[nodiscard]] QString smtpInUse() const { return m_smtpInUse; }

    /// @brief Starts from the saved settings (wizard on the first run).
    Q_INVOKABLE void start();
    /// @brief Wizard, host mode: saves the answers, starts the server and signs in as the first agent.
    Q_INVOKABLE void finishHostSetup(const QString &name, const QString &email, const QString &password, const QString &siteName,
                                     const QString &allowedOrigins, const QString &listenAddress, int listenPort);
    /// @brief Wizard, remote mode: saves the server and signs in.
    Q_INVOKABLE void finishRemoteSetup(const QString &serverUrl, const QString &email, const QString &password);
    /// @brief Signs in again (expired session) with the saved server and email.
    Q_INVOKABLE void signIn(const QString &email, const QString &password);
    /// @brief Signs out and shows the sign-in screen.
    Q_INVOKABLE void signOut();
    /// @brief Runs the wizard again.
    Q_INVOKABLE void runSetupAgain();
    /// @brief Host mode: keeps @p password in the keyring for the SMTP URL and user in the
    /// settings, then applies the settings (applySmtpSettings()).
    Q_INVOKABLE void saveSmtpPassword(const QString &password);
    /// @brief Host mode: the running server sends through the SMTP settings as they are
    /// now (the password from the keyring), without a restart; smtpInUse follows. The
    /// mail waiting for a retry is tried again at once. Nothing while no server runs:
    /// its next start reads them.
    Q_INVOKABLE void applySmtpSettings();
    /// @brief A sentence on what is wrong with these SMTP settings ("" when usable, or when @p url is empty: no email).
    Q_INVOKABLE static QString checkSmtpSettings(const QString &url, const QString &user, const QString &from, bool allowPlain);
    /// @brief Parses origins typed one per line or comma-separated into normalised scheme://host[:port] strings.
    Q_INVOKABLE static QStringList parseOrigins(const QString &text);

Q_SIGNALS:
    void phaseChanged();
    void errorStringChanged();
    void hostUrlChanged();
    void smtpInUseChanged();

private:
    void setPhase(Phase phase);
    void setError(const QString &error);
    void startHost(const ServerConfig &config, const QString &password);
    /// startHost() once the SMTP password is known: the database password, then the server.
    void startHostWithMail(const ServerConfig &config, const QString &password);
    [[nodiscard]] ServerConfig hostConfig() const;
    /// The mail settings host mode uses: the console's, when set and valid, over the command line's.
    [[nodiscard]] MailSettings hostMailSettings() const;
    /// Calls @p then with @p mail and its SMTP password from the keyring (when it has a user and no password yet).
    void withSmtpPassword(const MailSettings &mail, const std::function<void(const MailSettings &)> &then);
    void setSmtpInUse(const MailSettings &mail);
    [[nodiscard]] QUrl serverUrl() const;
    void followClient();

    QPointer<AgentClient> m_client;
    QPointer<ConsoleSettings> m_settings;
    ServerConfig m_baseConfig;
    ServerThread *m_host;
    Phase m_phase = Starting;
    QString m_errorString;
    QString m_smtpInUse;
    bool m_signingIn = false;
};

} // namespace Frontdesk
