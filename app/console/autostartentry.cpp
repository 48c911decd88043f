#include "autostartentry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAutostart, "frontdesk.console.autostart")

namespace Frontdesk {

AutostartEntry::AutostartEntry(QObject *parent) : AutostartEntry(defaultPath(), QCoreApplication::applicationFilePath(), parent)
{ }

AutostartEntry::AutostartEntry(const QString &path, const QString &program, QObject *parent)
    : QObject(parent), m_path(path), m_program(program)
{
    m_enabled = readEnabled();
}

QString AutostartEntry::defaultPath()
{
    // The XDG Autostart Specification: $XDG_CONFIG_HOME/autostart (~/.config/autostart).
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/autostart/frontdesk.desktop"_s;
}

QString AutostartEntry::execArgument(const QString &argument)
{
    // Desktop Entry Specification, "The Exec key": an argument with a reserved character is quoted,
    // and inside the quotes ", `, $ and \ take a backslash; a literal % is %%. The key's value is a
    // string, whose own escaping (\ as \\) comes on top: a backslash in a path is written \\\\.
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    const bool quote = std::any_of(argument.begin(), argument.end(), [](QChar c) { return reserved.contains(c); });
    QString quoted;
    if (quote) {
        quoted += u'"';
        for (const QChar c : argument) {
            if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
                quoted += u'\\';
            quoted += c;
        }
        quoted += u'"';
    } else {
        quoted = argument;
    }
    quoted.replace(u'%', u"%%"_s);
    quoted.replace(u'\\', u"\\\\"_s);
    quoted.replace(u'\n', u"\\n"_s);
    quoted.replace(u'\t', u"\\t"_s);
    return quoted;
}

QString AutostartEntry::desktopEntry(const QString &program)
{
    return u"[Desktop Entry]\n"
           "Type=Application\n"
           "Name=Frontdesk\n"
           "GenericName=Live Chat Console\n"
           "Comment=Starts Frontdesk in the tray when you log in, so no visitor waits unseen\n"
           "Exec="_s
        + execArgument(program)
        + u" --minimized\n"
          "Icon=io.frontdesk.Frontdesk\n"
          "Terminal=false\n"
          "X-GNOME-Autostart-enabled=true\n"_s;
}

bool AutostartEntry::readEnabled() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // A desktop's autostart editor may keep the file and switch it off instead of removing it.
    bool inMainGroup = false;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(4'096).trimmed();
        if (line.startsWith('[')) {
            inMainGroup = line == "[Desktop Entry]";
            continue;
        }
        if (!inMainGroup)
            continue;
        const QByteArray key = line.left(line.indexOf('=')).trimmed();
        const QByteArray value = line.mid(line.indexOf('=') + 1).trimmed();
        if ((key == "Hidden" && value == "true") || (key == "X-GNOME-Autostart-enabled" && value == "false"))
            return false;
    }
    return true;
}

void AutostartEntry::refresh()
{
    const bool enabled = readEnabled();
    if (enabled != m_enabled) {
        m_enabled = enabled;
        Q_EMIT enabledChanged();
    }
}

void AutostartEntry::setError(const QString &error)
{
    if (!error.isEmpty())
        qCWarning(lcAutostart).noquote() << error;
    if (m_errorString == error)
        return;
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

void AutostartEntry::setEnabled(bool enabled)
{
    if (enabled) {
        if (!QFileInfo(m_program).isAbsolute() || m_program.contains(u'\n') || m_program.contains(u'\r')) {
            setError(tr("Cannot start \"%1\" at login: not an absolute path.").arg(m_program));
            refresh();
            return;
        }
        QDir().mkpath(QFileInfo(m_path).path());
        QSaveFile file(m_path);
        if (!file.open(QIODevice::WriteOnly) || file.write(desktopEntry(m_program).toUtf8()) < 0 || !file.commit()) {
            setError(tr("Could not write %1: %2").arg(m_path, file.errorString()));
            refresh();
            return;
        }
        qCInfo(lcAutostart).noquote() << "wrote" << m_path;
    } else if (QFile::exists(m_path)) {
        QFile file(m_path);
        if (!file.remove()) {
            setError(tr("Could not remove %1: %2").arg(m_path, file.errorString()));
            refresh();
            return;
        }
        qCInfo(lcAutostart).noquote() << "removed" << m_path;
    }
    setError({});
    refresh();
}

} // namespace Frontdesk
