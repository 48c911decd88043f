#include "smtptestserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Frontdesk {

SmtpTestServer::SmtpTestServer() = default;

SmtpTestServer::~SmtpTestServer()
{
    stop();
}

quint16 SmtpTestServer::reservePort()
{
    if (m_port == 0) {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, 0))
            m_port = probe.serverPort();
    }
    return m_port;
}

QString SmtpTestServer::url() const
{
    return u"smtp://127.0.0.1:%1"_s.arg(m_port);
}

bool SmtpTestServer::start(const Options &options, QString *error)
{
    reservePort();
    QStringList arguments{QStringLiteral(FRONTDESK_SOURCE_DIR "/tests/mail/smtpserver.py"), u"--port"_s, QString::number(m_port),
                          u"--folder"_s, m_folder.path()};
    if (!options.user.isEmpty())
        arguments << u"--user"_s << options.user << u"--password"_s << options.password;
    if (!options.tlsCertificate.isEmpty())
        arguments << u"--tls-cert"_s << options.tlsCertificate << u"--tls-key"_s << options.tlsKey;
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // Debian's own Python, which has Debian's python3-aiosmtpd (a pyenv one on PATH may not).
    m_process.start(u"/usr/bin/python3"_s, arguments);
    if (!m_process.waitForStarted(10000)) {
        *error = u"/usr/bin/python3 did not start: "_s + m_process.errorString();
        return false;
    }
    const QDeadlineTimer deadline(15000);
    QByteArray output;
    while (!output.contains("ready") && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        output += m_process.readAllStandardOutput();
    }
    if (!output.contains("ready")) {
        *error = u"the SMTP test server did not start (is python3-aiosmtpd installed?): "_s + QString::fromUtf8(output);
        stop();
        return false;
    }
    return true;
}

void SmtpTestServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel(); // its stdin closes: it stops
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QList<QJsonObject> SmtpTestServer::messages() const
{
    QList<QJsonObject> found;
    const QDir folder(m_folder.path());
    for (const QString &name : folder.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            found.append(QJsonDocument::fromJson(file.readAll()).object());
    }
    return found;
}

bool SmtpTestServer::waitForMessages(int count, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (messages().size() < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

QByteArray SmtpTestServer::raw(int index) const
{
    const QDir folder(m_folder.path());
    const QStringList names = folder.entryList({u"*.eml"_s}, QDir::Files, QDir::Name);
    if (index < 0 || index >= names.size())
        return {};
    QFile file(folder.filePath(names.at(index)));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool SmtpTestServer::makeCertificate(const QString &folder, QString *certificate, QString *key, QString *error)
{
    *certificate = folder + u"/smtp-cert.pem"_s;
    *key = folder + u"/smtp-key.pem"_s;
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, *key, u"-out"_s, *certificate,
                   u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=localhost"_s, u"-addext"_s,
                   u"subjectAltName=DNS:localhost,IP:127.0.0.1"_s});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        *error = u"openssl could not make a certificate: "_s + QString::fromUtf8(openssl.readAll());
        return false;
    }
    return true;
}

} // namespace Frontdesk
