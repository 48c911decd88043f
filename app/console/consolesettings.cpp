#include "consolesettings.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

ConsoleSettings::ConsoleSettings(QObject *parent) : QObject(parent), m_settings(u"frontdesk"_s, u"console"_s) { }

ConsoleSettings::ConsoleSettings(const QString &fileName, QObject *parent)
    : QObject(parent), m_settings(fileName, QSettings::IniFormat)
{ }

void ConsoleSettings::put(const QString &key, const QVariant &value)
{
    if (m_settings.value(key) == value)
        return;
    m_settings.setValue(key, value);
    m_settings.sync();
    Q_EMIT changed();
}

bool ConsoleSettings::configured() const
{
    return m_settings.value(u"configured"_s, false).toBool();
}

void ConsoleSettings::setConfigured(bool value)
{
    put(u"configured"_s, value);
}

QString ConsoleSettings::mode() const
{
    return m_settings.value(u"mode"_s, u"host"_s).toString();
}

void ConsoleSettings::setMode(const QString &value)
{
    put(u"mode"_s, value);
}

QString ConsoleSettings::serverUrl() const
{
    return m_settings.value(u"serverUrl"_s, QString()).toString();
}

void ConsoleSettings::setServerUrl(const QString &value)
{
    put(u"serverUrl"_s, value);
}

QString ConsoleSettings::email() const
{
    return m_settings.value(u"email"_s, QString()).toString();
}

void ConsoleSettings::setEmail(const QString &value)
{
    put(u"email"_s, value);
}

QString ConsoleSettings::listenAddress() const
{
    return m_settings.value(u"listenAddress"_s, u"127.0.0.1"_s).toString();
}

void ConsoleSettings::setListenAddress(const QString &value)
{
    put(u"listenAddress"_s, value);
}

int ConsoleSettings::listenPort() const
{
    return m_settings.value(u"listenPort"_s, 8080).toInt();
}

void ConsoleSettings::setListenPort(int value)
{
    put(u"listenPort"_s, value);
}

QString ConsoleSettings::publicUrl() const
{
    return m_settings.value(u"publicUrl"_s, QString()).toString();
}

void ConsoleSettings::setPublicUrl(const QString &value)
{
    put(u"publicUrl"_s, value);
}

QString ConsoleSettings::smtpUrl() const
{
    return m_settings.value(u"smtpUrl"_s, QString()).toString();
}

void ConsoleSettings::setSmtpUrl(const QString &value)
{
    put(u"smtpUrl"_s, value.trimmed());
}

QString ConsoleSettings::smtpUser() const
{
    return m_settings.value(u"smtpUser"_s, QString()).toString();
}

void ConsoleSettings::setSmtpUser(const QString &value)
{
    put(u"smtpUser"_s, value.trimmed());
}

QString ConsoleSettings::smtpFrom() const
{
    return m_settings.value(u"smtpFrom"_s, QString()).toString();
}

void ConsoleSettings::setSmtpFrom(const QString &value)
{
    put(u"smtpFrom"_s, value.trimmed());
}

bool ConsoleSettings::smtpAllowPlain() const
{
    return m_settings.value(u"smtpAllowPlain"_s, false).toBool();
}

void ConsoleSettings::setSmtpAllowPlain(bool value)
{
    put(u"smtpAllowPlain"_s, value);
}

QString ConsoleSettings::tlsCertificate() const
{
    return m_settings.value(u"tlsCertificate"_s, QString()).toString();
}

void ConsoleSettings::setTlsCertificate(const QString &value)
{
    put(u"tlsCertificate"_s, value);
}

QString ConsoleSettings::tlsPrivateKey() const
{
    return m_settings.value(u"tlsPrivateKey"_s, QString()).toString();
}

void ConsoleSettings::setTlsPrivateKey(const QString &value)
{
    put(u"tlsPrivateKey"_s, value);
}

QString ConsoleSettings::databaseUrl() const
{
    return m_settings.value(u"databaseUrl"_s, QString()).toString();
}

void ConsoleSettings::setDatabaseUrl(const QString &value)
{
    put(u"databaseUrl"_s, value);
}

int ConsoleSettings::idleMinutes() const
{
    return m_settings.value(u"idleMinutes"_s, 10).toInt();
}

void ConsoleSettings::setIdleMinutes(int value)
{
    put(u"idleMinutes"_s, value);
}

int ConsoleSettings::repeatSeconds() const
{
    return m_settings.value(u"repeatSeconds"_s, 30).toInt();
}

void ConsoleSettings::setRepeatSeconds(int value)
{
    put(u"repeatSeconds"_s, value);
}

bool ConsoleSettings::soundEnabled() const
{
    return m_settings.value(u"soundEnabled"_s, true).toBool();
}

void ConsoleSettings::setSoundEnabled(bool value)
{
    put(u"soundEnabled"_s, value);
}

int ConsoleSettings::soundVolume() const
{
    // A hand-edited file may say anything: the same 0-100 the slider offers.
    return std::clamp(m_settings.value(u"soundVolume"_s, 80).toInt(), 0, 100);
}

void ConsoleSettings::setSoundVolume(int value)
{
    put(u"soundVolume"_s, std::clamp(value, 0, 100));
}

bool ConsoleSettings::notificationsEnabled() const
{
    return m_settings.value(u"notificationsEnabled"_s, true).toBool();
}

void ConsoleSettings::setNotificationsEnabled(bool value)
{
    put(u"notificationsEnabled"_s, value);
}

QString ConsoleSettings::language() const
{
    return m_settings.value(u"language"_s, QString()).toString();
}

void ConsoleSettings::setLanguage(const QString &value)
{
    put(u"language"_s, value);
}

bool ConsoleSettings::trayHintShown() const
{
    return m_settings.value(u"trayHintShown"_s, false).toBool();
}

void ConsoleSettings::setTrayHintShown(bool value)
{
    put(u"trayHintShown"_s, value);
}

} // namespace Frontdesk
