#include "configfile.h"

#include "serverlimits.h"
#include "serveroptions.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// QSettings gives no line numbers: the file is scanned for where each
// "section/key" is written, so a problem can point at its line.
QHash<QString, int> lineNumbers(const QString &path)
{
    QHash<QString, int> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return lines;
    static const QRegularExpression section(u"^\\s*\\[([^\\]]*)\\]"_s);
    static const QRegularExpression key(u"^\\s*([^=;#\\s][^=]*?)\\s*="_s);
    QString current = u"General"_s;
    int number = 0;
    while (!file.atEnd()) {
        const QString text = QString::fromUtf8(file.readLine());
        ++number;
        if (const auto match = section.match(text); match.hasMatch()) {
            current = match.captured(1).trimmed();
            lines.insert(current, number);
        } else if (const auto assignment = key.match(text); assignment.hasMatch()) {
            lines.insert(current + u'/' + assignment.captured(1), number);
        }
    }
    return lines;
}

bool looksSecret(const QString &key)
{
    const QString lower = key.toLower();
    return lower.contains(u"password") || lower.contains(u"secret") || lower.contains(u"token");
}

QStringList valuesOf(const QVariant &value)
{
    // QSettings reads "a, b" as a list and "a" as a string.
    QStringList values;
    for (const QString &item : value.toStringList()) {
        if (!item.trimmed().isEmpty())
            values.append(item.trimmed());
    }
    return values;
}

} // namespace

QString ConfigFile::defaultPath()
{
    const QString user = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u"/frontdesk/frontdesk.conf"_s;
    for (const QString &candidate : {user, u"/etc/frontdesk/frontdesk.conf"_s}) {
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return {};
}

QList<ConfigProblem> ConfigFile::apply(const QString &path, ServerConfig *config)
{
    QList<ConfigProblem> problems;
    if (!QFileInfo(path).isFile() || !QFileInfo(path).isReadable()) {
        problems.append({0, u"The file cannot be read."_s});
        return problems;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        problems.append({0, u"This is not an INI file QSettings can read."_s});
        return problems;
    }
    const QHash<QString, int> lines = lineNumbers(path);
    const auto problem = [&](const QString &section, const QString &key, const QString &message) {
        problems.append({lines.value(key.isEmpty() ? section : section + u'/' + key, 0), message});
    };

    for (const QString &group : settings.childGroups()) {
        if (group != u"server" && group != u"limits")
            problem(group, {}, u"There is no section [%1]; the sections are [server] and [limits]."_s.arg(group));
    }
    const QStringList loose = settings.childKeys();
    for (const QString &key : loose)
        problem(u"General"_s, key, u"\"%1\" is outside a section; put it under [server] or [limits]."_s.arg(key));

    settings.beginGroup(u"server"_s);
    for (const QString &key : settings.childKeys()) {
        if (looksSecret(key)) {
            problem(u"server"_s, key,
                    u"Secrets do not go in the configuration file: keep \"%1\" in the secret store "
                    "(--store-database-password) or the environment (FRONTDESK_DB_PASSWORD)."_s.arg(key));
            continue;
        }
        if (!ServerOptions::names().contains(key)) {
            problem(u"server"_s, key,
                    u"There is no setting \"%1\" in [server]; the settings are: %2."_s.arg(key,
                                                                                           ServerOptions::names().join(u", "_s)));
            continue;
        }
        QString error;
        if (!ServerOptions::set(*config, key, valuesOf(settings.value(key)), &error))
            problem(u"server"_s, key, error);
    }
    settings.endGroup();

    settings.beginGroup(u"limits"_s);
    for (const QString &key : settings.childKeys()) {
        QString error;
        if (!ServerLimits::set(*config, key, settings.value(key).toString(), &error))
            problem(u"limits"_s, key, error);
    }
    settings.endGroup();
    return problems;
}

} // namespace Frontdesk
