#include "sessioncontroller.h"

#include "agentclient.h"
#include "consolesettings.h"
#include "secrets/secretstore.h"
#include "serverthread.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Frontdesk {

SessionController::SessionController(AgentClient *client, ConsoleSettings *settings, const ServerConfig &baseConfig,
                                     QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings), m_baseConfig(baseConfig), m_host(new ServerThread(this))
{
    connect(m_host, &ServerThread::failed, this, [this](const QString &error) {
        qCritical().noquote() << error;
        setError(tr("The chat server could not start: %1").arg(error));
        setPhase(m_settings->configured() ? SignIn : Setup);
    });
    connect(m_host, &ServerThread::started, this, [this](const QUrl &url) {
        qInfo().noquote() << "listening on" << url.toString();
        Q_EMIT hostUrlChanged();
    });
    connect(client, &AgentClient::stateChanged, this, &SessionController::followClient);
    // The snippet names the public address the settings keep, in both modes.
    client->setPublicUrl(settings->publicUrl());
    connect(settings, &ConsoleSettings::changed, client, [client, settings] { client->setPublicUrl(settings->publicUrl()); });
}

SessionController::~SessionController()
{
    m_host->stop();
}

bool SessionController::hostMode() const
{
    return m_settings->mode() != u"remote"_s;
}

QString SessionController::hostUrl() const
{
    return m_host->url().toString();
}

QString SessionController::email() const
{
    return m_settings->email();
}

void SessionController::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged();
}

void SessionController::setError(const QString &error)
{
    if (m_errorString == error)
        return;
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

void SessionController::followClient()
{
    switch (m_client->state()) {
    case AgentClient::Online:
        setError({});
        setPhase(Console);
        break;
    case AgentClient::LoggedOut:
        if (m_phase != Setup)
            setPhase(SignIn);
        break;
    default:
        break;
    }
}

ServerConfig SessionController::hostConfig() const
{
    ServerConfig config = m_baseConfig;
    QHostAddress address;
    if (address.setAddress(m_settings->listenAddress()))
        config.listenAddress = address;
    config.listenPort = quint16(m_settings->listenPort());
    if (!m_settings->tlsCertificate().isEmpty()) {
        config.tlsCertificatePath = m_settings->tlsCertificate();
        config.tlsPrivateKeyPath = m_settings->tlsPrivateKey();
    }
    config.mail = hostMailSettings();
    if (!m_settings->databaseUrl().isEmpty()) {
        DatabaseConfig database;
        QString error;
        if (DatabaseConfig::parse(m_settings->databaseUrl(), &database, &error))
            config.database = database;
    }
    return config;
}

MailSettings SessionController::hostMailSettings() const
{
    if (m_settings->smtpUrl().trimmed().isEmpty())
        return m_baseConfig.mail;
    MailSettings mail = m_baseConfig.mail; // the outbox's timing and CA bundle stay the command line's
    QString error;
    if (MailSettings::parseUrl(m_settings->smtpUrl(), &mail.smtpUrl, &error)
        && MailSettings::parseFrom(m_settings->smtpFrom(), &mail.from, &error)) {
        mail.user = m_settings->smtpUser().trimmed();
        mail.allowPlain = m_settings->smtpAllowPlain();
        mail.password.clear(); // from the keyring: withSmtpPassword()
        if (mail.validate(&error))
            return mail;
    }
    qWarning().noquote() << "the console's SMTP settings are not used:" << error;
    return m_baseConfig.mail;
}

void SessionController::withSmtpPassword(const MailSettings &mail, const std::function<void(const MailSettings &)> &then)
{
    if (!mail.isEnabled() || mail.user.isEmpty() || !mail.password.isEmpty()) {
        then(mail);
        return;
    }
    auto *secrets = new SecretStore(SecretStore::defaultServiceName(), this);
    auto read = secrets->read(SecretStore::keyForSmtpPassword(mail.smtpUrl.toString(), mail.user))
                    .then(this, [secrets, mail, then](const SecretResult &result) {
                        secrets->deleteLater();
                        MailSettings ready = mail;
                        ready.password = result.found ? result.value : QString();
                        if (!result.found)
                            qWarning().noquote() << "no SMTP password for" << mail.user << "in the keyring";
                        then(ready);
                    });
    Q_UNUSED(read);
}

void SessionController::setSmtpInUse(const MailSettings &mail)
{
    QString inUse;
    if (mail.isEnabled())
        inUse = mail.user.isEmpty() ? mail.smtpUrl.toString() : tr("%1 as %2").arg(mail.smtpUrl.toString(), mail.user);
    if (inUse == m_smtpInUse)
        return;
    m_smtpInUse = inUse;
    Q_EMIT smtpInUseChanged();
}

void SessionController::applySmtpSettings()
{
    if (!hostMode() || !m_host->isRunning())
        return;
    withSmtpPassword(hostMailSettings(), [this](const MailSettings &mail) {
        if (m_host->setMailSettings(mail))
            setSmtpInUse(mail);
    });
}

QUrl SessionController::serverUrl() const
{
    if (hostMode())
        return m_host->url();
    return QUrl::fromUserInput(m_settings->serverUrl());
}

void SessionController::start()
{
    if (!m_settings->configured()) {
        setPhase(Setup);
        return;
    }
    setPhase(Starting);
    if (hostMode())
        startHost(hostConfig(), {});
    else
        m_client->resume(serverUrl(), m_settings->email());
}

QString SessionController::checkSmtpSettings(const QString &url, const QString &user, const QString &from, bool allowPlain)
{
    if (url.trimmed().isEmpty())
        return {};
    MailSettings mail;
    QString error;
    if (!MailSettings::parseUrl(url, &mail.smtpUrl, &error))
        return tr("The SMTP server %1").arg(error);
    if (!MailSettings::parseFrom(from, &mail.from, &error))
        return tr("The From address %1").arg(error);
    mail.user = user.trimmed();
    mail.allowPlain = allowPlain;
    if (!mail.validate(&error))
        return error;
    return {};
}

void SessionController::saveSmtpPassword(const QString &password)
{
    MailSettings mail;
    QString error;
    if (!MailSettings::parseUrl(m_settings->smtpUrl(), &mail.smtpUrl, &error) || mail.smtpUrl.isEmpty()
        || m_settings->smtpUser().isEmpty())
        return;
    auto *secrets = new SecretStore(SecretStore::defaultServiceName(), this);
    auto write
        = secrets->write(SecretStore::keyForSmtpPassword(mail.smtpUrl.toString(), m_settings->smtpUser().trimmed()), password)
              .then(this, [this, secrets](const SecretResult &result) {
                  secrets->deleteLater();
                  if (!result.ok()) {
                      qWarning().noquote() << "could not keep the SMTP password in the keyring:" << result.error;
                      return;
                  }
                  applySmtpSettings();
              });
    Q_UNUSED(write);
}

void SessionController::startHost(const ServerConfig &given, const QString &password)
{
    // The SMTP password, like the database's, comes from the keyring.
    withSmtpPassword(given.mail, [this, given, password](const MailSettings &mail) {
        ServerConfig ready = given;
        ready.mail = mail;
        startHostWithMail(ready, password);
    });
}

void SessionController::startHostWithMail(const ServerConfig &config, const QString &password)
{
    auto go = [this, password](ServerConfig ready) {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection
            = connect(m_host, &ServerThread::started, this, [this, connection, password, mail = ready.mail](const QUrl &url) {
                  disconnect(*connection);
                  setSmtpInUse(mail);
                  if (password.isEmpty())
                      m_client->resume(url, m_settings->email());
                  else
                      m_client->login(url, m_settings->email(), password);
              });
        m_host->start(ready);
    };
    if (config.database.kind != DatabaseConfig::Kind::MariaDb || !config.database.password.isEmpty()) {
        go(config);
        return;
    }
    // A MariaDB password comes from the keyring, asynchronously.
    auto *secrets = new SecretStore(SecretStore::defaultServiceName(), this);
    auto read = secrets->read(SecretStore::keyForDatabasePassword(config.database.displayUrl()))
                    .then(this, [secrets, config, go](const SecretResult &result) {
                        secrets->deleteLater();
                        ServerConfig ready = config;
                        if (result.found)
                            ready.database.password = result.value;
                        go(ready);
                    });
    Q_UNUSED(read);
}

void SessionController::finishHostSetup(const QString &name, const QString &email, const QString &password,
                                        const QString &siteName, const QString &allowedOrigins, const QString &listenAddress,
                                        int listenPort)
{
    m_settings->setMode(u"host"_s);
    m_settings->setEmail(email.trimmed().toLower());
    m_settings->setListenAddress(listenAddress.trimmed().isEmpty() ? u"127.0.0.1"_s : listenAddress.trimmed());
    m_settings->setListenPort(listenPort > 0 ? listenPort : 8080);
    m_settings->setConfigured(true);
    ServerConfig config = hostConfig();
    config.adminEmail = email.trimmed().toLower();
    config.adminPassword = password;
    config.adminName = name.trimmed();
    if (!siteName.trimmed().isEmpty())
        config.siteName = siteName.trimmed();
    config.extraAllowedOrigins = parseOrigins(allowedOrigins);
    setError({});
    setPhase(Starting);
    startHost(config, password);
}

void SessionController::finishRemoteSetup(const QString &serverUrl, const QString &email, const QString &password)
{
    m_settings->setMode(u"remote"_s);
    m_settings->setServerUrl(serverUrl.trimmed());
    m_settings->setEmail(email.trimmed().toLower());
    m_settings->setConfigured(true);
    setError({});
    setPhase(Starting);
    m_client->login(QUrl::fromUserInput(serverUrl.trimmed()), email, password);
}

void SessionController::signIn(const QString &email, const QString &password)
{
    if (!email.trimmed().isEmpty())
        m_settings->setEmail(email.trimmed().toLower());
    const QUrl url = serverUrl();
    if (!url.isValid()) {
        start();
        return;
    }
    m_client->login(url, m_settings->email(), password);
}

void SessionController::signOut()
{
    m_client->logout();
    setPhase(SignIn);
}

void SessionController::runSetupAgain()
{
    m_client->logout();
    m_host->stop();
    setSmtpInUse({});
    m_settings->setConfigured(false);
    setPhase(Setup);
}

QStringList SessionController::parseOrigins(const QString &text)
{
    QStringList origins;
    const QStringList parts = text.split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == u"*"_s) {
            origins.append(part);
            continue;
        }
        QUrl url = QUrl::fromUserInput(part);
        if (!url.isValid() || url.host().isEmpty())
            continue;
        QString origin = url.scheme() + u"://"_s + url.host();
        if (url.port() > 0)
            origin += u':' + QString::number(url.port());
        if (!origins.contains(origin))
            origins.append(origin);
    }
    return origins;
}

} // namespace Frontdesk
