// Automatic HTTPS end to end: the real frontdesk binary gets its certificate
// from Debian's pebble (the ACME test CA) through certbot, serves HTTPS with
// the issued chain, renews it through pebble again, and an open WebSocket
// goes on exchanging frames across the swap.

#include "frontdeskprocess.h"
#include "jsonsocket.h"
#include "pebbleca.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Frontdesk;

namespace {

const QString domain = u"chat.frontdesk.test"_s;
// Pebble's certificates live this long; renewal is due with a third left
// (RenewalPolicy), which leaves certbot 20 s before the first one expires:
// room for a loaded machine (a run takes about 3 s here).
constexpr int validitySeconds = 60;

struct Handshake {
    bool ok = false;
    QString error;
    QList<QSslCertificate> chain;
};

// A fresh TLS connection, verified the way a browser would: against pebble's
// root, for the domain's name (sent as SNI), though it dials 127.0.0.1.
Handshake handshake(quint16 port, const QList<QSslCertificate> &roots)
{
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(roots);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(tls);
    socket.connectToHostEncrypted(u"127.0.0.1"_s, port, domain);
    Handshake result;
    result.ok = socket.waitForEncrypted(10'000);
    result.error = socket.errorString();
    for (const QSslError &error : socket.sslHandshakeErrors())
        result.error += u"; "_s + error.errorString();
    result.chain = socket.peerCertificateChain();
    return result;
}

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

class tst_AutomaticHttps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("FRONTDESK_TEST_ACME") == u"skip"_s)
            QSKIP("ACME tests skipped (FRONTDESK_TEST_ACME=skip)");
        // Missing tools are a broken test set-up, not a pass: packaging/quickstart.sh installs them.
        for (const QString &tool : {u"pebble"_s, u"pebble-challtestsrv"_s, u"certbot"_s, u"openssl"_s})
            QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                     qPrintable(u"%1 is not installed (apt install pebble certbot openssl)"_s.arg(tool)));
    }

    void issueServeRenewAndKeepSockets()
    {
        const quint16 challengePort = freePort();
        QVERIFY(challengePort != 0);
        PebbleCa ca;
        QString error;
        QVERIFY2(ca.start(challengePort, validitySeconds, &error), qPrintable(error));

        QTemporaryDir data;
        FrontdeskProcess server(QStringLiteral(FRONTDESK_BINARY), u"sqlite:"_s + data.filePath(u"frontdesk.sqlite"_s));
        server.setServerArguments({u"--allow-origin"_s, u"http://shop.test"_s, u"--acme-domain"_s, domain, u"--acme-email"_s,
                                   u"ops@shop.example"_s, u"--acme-directory"_s, ca.directoryUrl().toString(),
                                   u"--acme-ca-bundle"_s, ca.tlsRootPath(), u"--acme-http-port"_s,
                                   QString::number(challengePort)});
        // "listening on https://..." comes once the first certificate is issued.
        QVERIFY2(server.start(&error, 90'000), qPrintable(error + ca.log()));
        const QList<QSslCertificate> roots = ca.issuingRoots(&error);
        QVERIFY2(!roots.isEmpty(), qPrintable(error));

        // Issued: HTTPS verifies against pebble's root with the chain the server sends.
        const Handshake first = handshake(server.port(), roots);
        QVERIFY2(first.ok, qPrintable(first.error + server.log()));
        QVERIFY2(first.chain.size() >= 2, "the intermediate comes with the certificate");
        QVERIFY(first.chain.first().subjectAlternativeNames().values(QSsl::DnsEntry).contains(domain));
        QVERIFY(first.chain.first().expiryDate() <= QDateTime::currentDateTimeUtc().addSecs(validitySeconds + 5));

        // The key: in the data folder, readable by its owner only, and so is the folder.
        const auto keyLine = QRegularExpression(u"key in (\\S+); new connections"_s).match(server.log());
        QVERIFY2(keyLine.hasMatch(), qPrintable(server.log()));
        const QFileInfo key(keyLine.captured(1));
        QVERIFY2(key.exists(), qPrintable(key.filePath()));
        QCOMPARE(key.permissions() & ~(QFile::ReadUser | QFile::WriteUser), QFile::ReadOwner | QFile::WriteOwner);
        const QString acmeFolder = key.filePath().left(key.filePath().indexOf(u"/certbot/"_s));
        QCOMPARE(QFileInfo(acmeFolder).permissions() & 0x0077, QFile::Permissions());

        // The challenge port serves pending tokens only and sends the rest to HTTPS.
        {
            QTcpSocket plain;
            plain.connectToHost(QHostAddress::LocalHost, challengePort);
            QVERIFY(plain.waitForConnected(5'000));
            plain.write("GET /.well-known/acme-challenge/not-pending HTTP/1.1\r\nHost: x\r\n\r\n"
                        "GET /healthz?a=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            QByteArray answer;
            while (plain.state() == QAbstractSocket::ConnectedState && plain.waitForReadyRead(5'000))
                answer += plain.readAll();
            answer += plain.readAll();
            QVERIFY2(answer.startsWith("HTTP/1.1 404"), answer.constData());
            QVERIFY2(answer.contains("HTTP/1.1 308"), answer.constData());
            const QByteArray location
                = "Location: https://" + domain.toLatin1() + ':' + QByteArray::number(server.port()) + "/healthz?a=1";
            QVERIFY2(answer.contains(location), answer.constData());
        }

        // A visitor on WSS, open before the renewal: it must never notice it.
        JsonSocket visitor;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(roots);
        visitor.socket().setSslConfiguration(tls);
        // It dials 127.0.0.1: that name mismatch is the only error accepted.
        connect(&visitor.socket(), &QWebSocket::sslErrors, &visitor, [&visitor](const QList<QSslError> &errors) {
            if (std::all_of(errors.cbegin(), errors.cend(),
                            [](const QSslError &e) { return e.error() == QSslError::HostNameMismatch; }))
                visitor.socket().ignoreSslErrors();
        });
        QVERIFY(visitor.open(QUrl(u"wss://127.0.0.1:%1/v1/visitor?site=%2"_s.arg(server.port()).arg(server.siteKey())),
                             "http://shop.test"));
        QVERIFY(visitor.request(QJsonObject{{u"type"_s, u"hello"_s}}));
        QSignalSpy dropped(&visitor.socket(), &QWebSocket::disconnected);

        // Renewal: through pebble again, before the first one expires; new handshakes get the new serial.
        const QByteArray firstSerial = first.chain.first().serialNumber();
        Handshake renewed;
        const QDeadlineTimer deadline(validitySeconds * 1000 + 30'000);
        while (!deadline.hasExpired()) {
            QVERIFY2(visitor.request(QJsonObject{{u"type"_s, u"ping"_s}}), "the open socket answers during the renewal");
            renewed = handshake(server.port(), roots);
            QVERIFY2(renewed.ok, qPrintable(renewed.error + server.log()));
            if (renewed.chain.first().serialNumber() != firstSerial)
                break;
            QTest::qWait(1'000);
        }
        QVERIFY2(renewed.chain.first().serialNumber() != firstSerial, qPrintable(server.log() + ca.log()));
        QVERIFY(renewed.chain.first().effectiveDate() >= first.chain.first().effectiveDate());
        QVERIFY2(server.log().contains(u"renewing it"_s), qPrintable(server.log()));

        // The socket opened on the old certificate goes on: a chat message is stored and acknowledged.
        visitor.send(QJsonObject{{u"type"_s, u"message"_s}, {u"clientId"_s, u"after-renewal"_s}, {u"body"_s, u"Still here"_s}});
        QVERIFY(visitor.waitForType(u"ack"_s));
        QCOMPARE(dropped.count(), 0);
        QVERIFY(visitor.isConnected());

        QVERIFY2(server.stop(&error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_AutomaticHttps)
#include "tst_automatichttps.moc"
