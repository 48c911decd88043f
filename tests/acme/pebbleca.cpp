#include "pebbleca.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

quint16 freeTcpPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

quint16 freeUdpPort()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress::LocalHost, 0) ? probe.localPort() : 0;
}

bool waitForTcp(quint16 port, const QProcess &process, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && process.state() != QProcess::NotRunning) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200))
            return true;
        QTest::qWait(100);
    }
    return false;
}

} // namespace

PebbleCa::~PebbleCa()
{
    stop();
}

bool PebbleCa::start(quint16 challengePort, int validitySeconds, QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary folder"_s;
        return false;
    }
    // pebble's own HTTPS certificate: Debian ships no test certificates.
    QProcess openssl;
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s,
                   u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=pebble"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1,DNS:localhost"_s,
                   u"-keyout"_s, m_dir.filePath(u"pebble.key"_s), u"-out"_s, tlsRootPath()});
    if (!openssl.waitForFinished(30'000) || openssl.exitCode() != 0) {
        *error = u"openssl could not make pebble's certificate: %1"_s.arg(QString::fromUtf8(openssl.readAllStandardError()));
        return false;
    }

    m_directoryPort = freeTcpPort();
    m_managementPort = freeTcpPort();
    const quint16 dnsPort = freeUdpPort();
    const quint16 dnsManagementPort = freeTcpPort();
    const QJsonObject config{{u"pebble"_s,
                              QJsonObject{{u"listenAddress"_s, u"127.0.0.1:%1"_s.arg(m_directoryPort)},
                                          {u"managementListenAddress"_s, u"127.0.0.1:%1"_s.arg(m_managementPort)},
                                          {u"certificate"_s, tlsRootPath()},
                                          {u"privateKey"_s, m_dir.filePath(u"pebble.key"_s)},
                                          {u"httpPort"_s, challengePort},
                                          {u"tlsPort"_s, 0},
                                          {u"ocspResponderURL"_s, u""_s},
                                          {u"externalAccountBindingRequired"_s, false},
                                          {u"certificateValidityPeriod"_s, validitySeconds}}}};
    QFile configFile(m_dir.filePath(u"pebble-config.json"_s));
    if (!configFile.open(QIODevice::WriteOnly) || configFile.write(QJsonDocument(config).toJson()) < 0) {
        *error = u"could not write %1"_s.arg(configFile.fileName());
        return false;
    }
    configFile.close();

    // Every A query is 127.0.0.1, no AAAA: the check reaches the test's port on loopback.
    m_dns.setProcessChannelMode(QProcess::MergedChannels);
    m_dns.setStandardOutputFile(m_dir.filePath(u"dns.log"_s));
    m_dns.start(u"pebble-challtestsrv"_s,
                {u"-dns01"_s, u"127.0.0.1:%1"_s.arg(dnsPort), u"-http01"_s, u""_s, u"-https01"_s, u""_s, u"-tlsalpn01"_s, u""_s,
                 u"-defaultIPv4"_s, u"127.0.0.1"_s, u"-defaultIPv6"_s, u""_s, u"-management"_s,
                 u"127.0.0.1:%1"_s.arg(dnsManagementPort)});
    if (!waitForTcp(dnsManagementPort, m_dns, 15'000)) {
        *error = u"pebble-challtestsrv did not start: %1"_s.arg(log());
        return false;
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PEBBLE_VA_NOSLEEP"_s, u"1"_s);
    // Every order is checked again, so a renewal goes through the challenge port too.
    environment.insert(u"PEBBLE_AUTHZREUSE"_s, u"0"_s);
    environment.insert(u"PEBBLE_WFE_NONCEREJECT"_s, u"0"_s);
    m_pebble.setProcessEnvironment(environment);
    m_pebble.setProcessChannelMode(QProcess::MergedChannels);
    m_pebble.setStandardOutputFile(m_dir.filePath(u"pebble.log"_s));
    m_pebble.start(u"pebble"_s,
                   {u"-config"_s, configFile.fileName(), u"-dnsserver"_s, u"127.0.0.1:%1"_s.arg(dnsPort), u"-strict=false"_s});
    if (!waitForTcp(m_directoryPort, m_pebble, 15'000)) {
        *error = u"pebble did not start: %1"_s.arg(log());
        return false;
    }
    return true;
}

void PebbleCa::stop()
{
    for (QProcess *process : {&m_pebble, &m_dns}) {
        if (process->state() == QProcess::NotRunning)
            continue;
        process->terminate();
        if (!process->waitForFinished(5'000)) {
            process->kill();
            process->waitForFinished(5'000);
        }
    }
}

QUrl PebbleCa::directoryUrl() const
{
    return QUrl(u"https://127.0.0.1:%1/dir"_s.arg(m_directoryPort));
}

QString PebbleCa::tlsRootPath() const
{
    return m_dir.filePath(u"pebble.crt"_s);
}

QList<QSslCertificate> PebbleCa::issuingRoots(QString *error) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(u"https://127.0.0.1:%1/roots/0"_s.arg(m_managementPort)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(tlsRootPath()));
    request.setSslConfiguration(tls);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    QList<QSslCertificate> roots = QSslCertificate::fromData(reply->readAll(), QSsl::Pem);
    if (roots.isEmpty())
        *error = u"pebble's /roots/0 gave no certificate: %1"_s.arg(reply->errorString());
    return roots;
}

QString PebbleCa::log() const
{
    QString text;
    for (const QString &name : {u"dns.log"_s, u"pebble.log"_s}) {
        QFile file(m_dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            text += u"--- %1:\n"_s.arg(name) + QString::fromUtf8(file.readAll()).right(6000);
    }
    return text;
}

} // namespace Frontdesk
