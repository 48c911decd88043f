#pragma once

#include <QObject>
#include <QQmlEngine>

namespace Frontdesk {

/**
 * @brief "Start Frontdesk when I log in": the XDG autostart entry,
 * $XDG_CONFIG_HOME/autostart/frontdesk.desktop, written or removed.
 *
 * The file is the setting (a desktop's own autostart editor may remove it,
 * or disable it with Hidden=true or X-GNOME-Autostart-enabled=false, and the
 * console then shows it off). Exec= is the running program's absolute path,
 * quoted as the Desktop Entry Specification asks, with --minimized, so the
 * console starts hidden in the tray.
 */
class AutostartEntry : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief Whether Frontdesk starts at login (the entry exists and is not disabled).
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY enabledChanged)
    /// @brief Where the entry lives.
    Q_PROPERTY(QString path READ path CONSTANT)
    /// @brief Why the last change failed, as a sentence; "" when it worked.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit AutostartEntry(QObject *parent = nullptr);
    /// An entry at @p path starting @p program (tests).
    AutostartEntry(const QString &path, const QString &program, QObject *parent = nullptr);

    [[nodiscard]] bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString errorString() const { return m_errorString; }

    /// @brief Reads the entry again (another program may have changed it).
    Q_INVOKABLE void refresh();

    /// $XDG_CONFIG_HOME/autostart/frontdesk.desktop.
    [[nodiscard]] static QString defaultPath();
    /// The entry's text for @p program.
    [[nodiscard]] static QString desktopEntry(const QString &program);
    /// @p argument as one argument of an Exec= line, escaped for the key's string value too.
    [[nodiscard]] static QString execArgument(const QString &argument);

Q_SIGNALS:
    void enabledChanged();
    void errorStringChanged();

private:
    void setError(const QString &error);
    [[nodiscard]] bool readEnabled() const;

    QString m_path;
    QString m_program;
    bool m_enabled = false;
    QString m_errorString;
};

} // namespace Frontdesk
