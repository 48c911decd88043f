#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QSettings>

namespace Frontdesk {

/**
 * @brief The console's own settings (QSettings, ~/.config/frontdesk/console.conf):
 * how it connects, notifications, idle time, language, and in host mode where
 * the server listens and its database. Secrets are never stored here: tokens
 * and database passwords live in the keyring.
 */
class ConsoleSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief True once the first-run wizard finished.
    Q_PROPERTY(bool configured READ configured WRITE setConfigured NOTIFY changed)
    /// @brief "host" (run the server here) or "remote" (connect to a server elsewhere).
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY changed)
    /// @brief Remote mode: the server's URL.
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY changed)
    /// @brief The agent's sign-in email.
    Q_PROPERTY(QString email READ email WRITE setEmail NOTIFY changed)
    /// @brief Host mode: the address to listen on ("127.0.0.1", "0.0.0.0", ...).
    Q_PROPERTY(QString listenAddress READ listenAddress WRITE setListenAddress NOTIFY changed)
    /// @brief Host mode: the port to listen on.
    Q_PROPERTY(int listenPort READ listenPort WRITE setListenPort NOTIFY changed)
    /// @brief Host mode: the public URL visitors use, when behind a reverse proxy ("" = the listen URL).
    Q_PROPERTY(QString publicUrl READ publicUrl WRITE setPublicUrl NOTIFY changed)
    /// @brief Host mode: TLS certificate file (PEM), "" for plain HTTP.
    Q_PROPERTY(QString tlsCertificate READ tlsCertificate WRITE setTlsCertificate NOTIFY changed)
    /// @brief Host mode: TLS private key file (PEM).
    Q_PROPERTY(QString tlsPrivateKey READ tlsPrivateKey WRITE setTlsPrivateKey NOTIFY changed)
    /// @brief Host mode: "" for the default SQLite file, else a mariadb:// URL (password in the keyring).
    Q_PROPERTY(QString databaseUrl READ databaseUrl WRITE setDatabaseUrl NOTIFY changed)
    /// @brief Host mode: the SMTP server emails go through ("" = no email), smtp://HOST:587 or smtps://HOST:465.
    Q_PROPERTY(QString smtpUrl READ smtpUrl WRITE setSmtpUrl NOTIFY changed)
    /// @brief Host mode: the SMTP login ("" = none); its password is in the keyring (SessionController::saveSmtpPassword).
    Q_PROPERTY(QString smtpUser READ smtpUser WRITE setSmtpUser NOTIFY changed)
    /// @brief Host mode: the From of every email, "Name <address>" or an address.
    Q_PROPERTY(QString smtpFrom READ smtpFrom WRITE setSmtpFrom NOTIFY changed)
    /// @brief Host mode: allow smtp:// without TLS (a relay on this computer).
    Q_PROPERTY(bool smtpAllowPlain READ smtpAllowPlain WRITE setSmtpAllowPlain NOTIFY changed)
    /// @brief Minutes without input before the agent shows as away (0: never).
    Q_PROPERTY(int idleMinutes READ idleMinutes WRITE setIdleMinutes NOTIFY changed)
    /// @brief Seconds between reminders while a visitor waits (0: no reminders).
    Q_PROPERTY(int repeatSeconds READ repeatSeconds WRITE setRepeatSeconds NOTIFY changed)
    /// @brief Whether a waiting visitor and messages play a sound (off: muted).
    Q_PROPERTY(bool soundEnabled READ soundEnabled WRITE setSoundEnabled NOTIFY changed)
    /// @brief The alert sounds' volume in percent (0-100).
    Q_PROPERTY(int soundVolume READ soundVolume WRITE setSoundVolume NOTIFY changed)
    /// @brief Whether desktop notifications are shown.
    Q_PROPERTY(bool notificationsEnabled READ notificationsEnabled WRITE setNotificationsEnabled NOTIFY changed)
    /// @brief The console's language ("" = the system's; "de", "fr", "es", "en").
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    /// @brief True once the console said that closing the window leaves it running in the tray.
    Q_PROPERTY(bool trayHintShown READ trayHintShown WRITE setTrayHintShown NOTIFY changed)

public:
    explicit ConsoleSettings(QObject *parent = nullptr);
    /// Settings in @p fileName (tests).
    ConsoleSettings(const QString &fileName, QObject *parent);

    [[nodiscard]] bool configured() const;
    void setConfigured(bool value);
    [[nodiscard]] QString mode() const;
    void setMode(const QString &value);
    [[nodiscard]] QString serverUrl() const;
    void setServerUrl(const QString &value);
    [[nodiscard]] QString email() const;
    void setEmail(const QString &value);
    [[nodiscard]] QString listenAddress() const;
    void setListenAddress(const QString &value);
    [[nodiscard]] int listenPort() const;
    void setListenPort(int value);
    [[nodiscard]] QString publicUrl() const;
    void setPublicUrl(const QString &value);
    [[nodiscard]] QString tlsCertificate() const;
    void setTlsCertificate(const QString &value);
    [[nodiscard]] QString tlsPrivateKey() const;
    void setTlsPrivateKey(const QString &value);
    [[nodiscard]] QString databaseUrl() const;
    void setDatabaseUrl(const QString &value);
    [[nodiscard]] QString smtpUrl() const;
    void setSmtpUrl(const QString &value);
    [[nodiscard]] QString smtpUser() const;
    void setSmtpUser(const QString &value);
    [[nodiscard]] QString smtpFrom() const;
    void setSmtpFrom(const QString &value);
    [[nodiscard]] bool smtpAllowPlain() const;
    void setSmtpAllowPlain(bool value);
    [[nodiscard]] int idleMinutes() const;
    void setIdleMinutes(int value);
    [[nodiscard]] int repeatSeconds() const;
    void setRepeatSeconds(int value);
    [[nodiscard]] bool soundEnabled() const;
    void setSoundEnabled(bool value);
    [[nodiscard]] int soundVolume() const;
    void setSoundVolume(int value);
    [[nodiscard]] bool notificationsEnabled() const;
    void setNotificationsEnabled(bool value);
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &value);
    [[nodiscard]] bool trayHintShown() const;
    void setTrayHintShown(bool value);

Q_SIGNALS:
    void changed();

private:
    void put(const QString &key, const QVariant &value);
    mutable QSettings m_settings;
};

} // namespace Frontdesk
