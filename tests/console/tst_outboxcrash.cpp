// A console process killed with SIGKILL while its replies are in flight, then
// started again: every reply is stored exactly once, in the order written,
// with the client id it was first sent with. On SQLite and on MariaDB.
//
// The console (outboxconsole, the real AgentClient in a process of its own)
// talks to the in-process server through a relay that can hold back bytes:
// holding the server's side keeps acknowledgements from arriving for replies
// the server has stored ("stored just before the kill"); holding the console's
// side keeps later replies from reaching the server at all.
#include "consoletesting.h"
#include "jsonsocket.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

/// @brief A TCP relay to a local port that passes bytes, or holds them back, in either direction.
class StallingRelay : public QObject
{
public:
    explicit StallingRelay(quint16 target) : m_target(target)
    {
        connect(&m_listener, &QTcpServer::newConnection, this, &StallingRelay::relayNext);
    }

    [[nodiscard]] bool listen() { return m_listener.listen(QHostAddress::LocalHost, 0); }
    [[nodiscard]] QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_listener.serverPort())); }
    /// Bytes from the server are kept from the console (acknowledgements never arrive).
    void holdServerSide(bool hold) { m_holdDown = hold; }
    /// Bytes from the console are kept from the server (replies never arrive).
    void holdConsoleSide(bool hold) { m_holdUp = hold; }

private:
    void relayNext()
    {
        while (QTcpSocket *console = m_listener.nextPendingConnection()) {
            auto *server = new QTcpSocket(console);
            auto early = std::make_shared<QByteArray>(); // what the console sent before the server side connected
            connect(console, &QTcpSocket::readyRead, this, [this, console, server, early] {
                const QByteArray bytes = console->readAll();
                if (m_holdUp)
                    return; // held back for good: the connection dies with the console
                if (server->state() == QAbstractSocket::ConnectedState)
                    server->write(bytes);
                else
                    early->append(bytes);
            });
            connect(server, &QTcpSocket::connected, this, [server, early] { server->write(*early); });
            connect(server, &QTcpSocket::readyRead, this, [this, console, server] {
                const QByteArray bytes = server->readAll();
                if (!m_holdDown)
                    console->write(bytes);
            });
            connect(server, &QTcpSocket::disconnected, console, &QTcpSocket::disconnectFromHost);
            connect(console, &QTcpSocket::disconnected, console, &QObject::deleteLater);
            server->connectToHost(QHostAddress::LocalHost, m_target);
        }
    }

    QTcpServer m_listener;
    quint16 m_target;
    bool m_holdUp = false;
    bool m_holdDown = false;
};

/// @brief The outboxconsole process: commands in, report lines out.
class ConsoleProcess
{
public:
    ConsoleProcess()
    {
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process, [this] {
            while (m_process.canReadLine())
                m_lines.append(QString::fromUtf8(m_process.readLine()).trimmed());
        });
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    }
    ~ConsoleProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    void start(const QStringList &arguments) { m_process.start(QStringLiteral(FRONTDESK_OUTBOX_CONSOLE), arguments); }
    void command(const QString &line) { m_process.write((line + u'\n').toUtf8()); }
    [[nodiscard]] QStringList lines(const QString &prefix) const
    {
        QStringList found;
        for (const QString &line : m_lines) {
            if (line.startsWith(prefix + u' '))
                found.append(line.mid(prefix.size() + 1));
        }
        return found;
    }
    [[nodiscard]] bool said(const QString &line) const { return m_lines.contains(line); }
    [[nodiscard]] QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QStringList m_lines;
};

} // namespace

class OutboxCrashTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_server = std::make_unique<TestServer>();
        FRONTDESK_START_TEST_SERVER(*m_server, backend);
    }

    void cleanup() { m_server.reset(); }

    void killedConsoleResendsEachReplyOnce()
    {
        // A visitor waits in conversation `conversationId`; an admin socket reads what is stored.
        JsonSocket visitor;
        QVERIFY(ConsoleTesting::openVisitor(visitor, *m_server, u"https://shop.test/"_s, u"Home"_s));
        visitor.send({{u"type"_s, u"message"_s}, {u"clientId"_s, u"v-1"_s}, {u"body"_s, u"Is anyone there?"_s}});
        const auto ack = visitor.waitForType(u"ack"_s);
        QVERIFY(ack);
        const int conversationId = ack->value(u"conversationId"_s).toInt();
        QVERIFY(conversationId > 0);
        JsonSocket admin;
        QVERIFY(admin.open(m_server->wsUrl(u"/v1/agent"_s)));
        TestHttp http;
        QVERIFY(admin.request({{u"type"_s, u"auth"_s}, {u"token"_s, http.loginAdmin(*m_server)}}));

        StallingRelay relay(m_server->port());
        QVERIFY(relay.listen());
        QTemporaryDir outboxFolder;
        QVERIFY(outboxFolder.isValid());
        const QStringList common{u"--server"_s, relay.url().toString(), u"--email"_s,          TestServer::adminEmail,
                                 u"--outbox"_s, outboxFolder.path(),    u"--secret-service"_s, u"frontdesk-test-outbox"_s};

        // First run: signs in (the token goes to the keyring), online.
        auto first = std::make_unique<ConsoleProcess>();
        first->start(common + QStringList{u"--password"_s, TestServer::adminPassword});
        QTRY_VERIFY_WITH_TIMEOUT(!first->lines(u"online"_s).isEmpty(), 30'000);
        const QString outboxFile = first->lines(u"online"_s).constFirst();
        QVERIFY2(outboxFile.startsWith(outboxFolder.path()), qPrintable(outboxFile));

        // Three replies reach the server and are stored; their acks are held back.
        relay.holdServerSide(true);
        const QStringList bodies{u"First: let me check."_s, u"Second: yes, in stock."_s, u"Third: ships Monday."_s,
                                 u"Fourth: anything else?"_s, u"Fifth: have a nice day!"_s};
        for (int i = 0; i < 3; ++i)
            first->command(u"reply %1 %2"_s.arg(conversationId).arg(bodies[i]));
        QTRY_COMPARE_WITH_TIMEOUT(first->lines(u"queued"_s).size(), 3, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(storedReplies(admin, conversationId).size(), 3, 20'000);
        const QList<QJsonObject> storedBeforeKill = storedReplies(admin, conversationId);

        // Two more never leave the relay.
        relay.holdConsoleSide(true);
        for (int i = 3; i < 5; ++i)
            first->command(u"reply %1 %2"_s.arg(conversationId).arg(bodies[i]));
        QTRY_COMPARE_WITH_TIMEOUT(first->lines(u"queued"_s).size(), 5, 10'000);
        const QStringList clientIds = first->lines(u"queued"_s);
        // All five are on disk before the kill: the outbox is written before anything is sent.
        QTRY_COMPARE_WITH_TIMEOUT(clientIdsInFile(outboxFile), clientIds, 10'000);
        QVERIFY(first->lines(u"acked"_s).isEmpty());

        ::kill(pid_t(first->process().processId()), SIGKILL);
        QVERIFY(first->process().waitForFinished(10'000));
        QCOMPARE(first->process().exitStatus(), QProcess::CrashExit);
        first.reset();
        QCOMPARE(storedReplies(admin, conversationId).size(), 3);
        relay.holdServerSide(false);
        relay.holdConsoleSide(false);

        // Second run: the same agent resumes with the keyring's token (no password),
        // takes over the killed console's outbox and resends all five with their client ids.
        ConsoleProcess second;
        second.start(common);
        QTRY_VERIFY_WITH_TIMEOUT(!second.lines(u"online"_s).isEmpty(), 30'000);
        QCOMPARE(second.lines(u"online"_s).constFirst(), outboxFile);
        QTRY_COMPARE_WITH_TIMEOUT(second.lines(u"acked"_s).size(), 5, 20'000);
        QTRY_VERIFY(second.said(u"pending 0"_s));
        QVERIFY(second.lines(u"failed"_s).isEmpty());

        // Stored exactly once each, in the order written, with the first client ids;
        // the three stored before the kill kept their message ids.
        const QList<QJsonObject> stored = storedReplies(admin, conversationId);
        QCOMPARE(stored.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(stored[i].value(u"clientId"_s).toString(), clientIds[i]);
            QCOMPARE(stored[i].value(u"body"_s).toString(), bodies[i]);
            if (i > 0)
                QVERIFY(stored[i].value(u"id"_s).toDouble() > stored[i - 1].value(u"id"_s).toDouble());
        }
        for (int i = 0; i < 3; ++i)
            QCOMPARE(stored[i].value(u"id"_s).toDouble(), storedBeforeKill[i].value(u"id"_s).toDouble());
        QStringList ackedIds;
        for (const QString &line : second.lines(u"acked"_s))
            ackedIds.append(line.section(u' ', 0, 0));
        QCOMPARE(ackedIds, clientIds);
        // The visitor saw each of them once.
        QTRY_COMPARE(visitorReplies(visitor), bodies);
        // Nothing is left to send.
        QTRY_COMPARE(clientIdsInFile(outboxFile), QStringList());

        second.command(u"quit"_s);
        QVERIFY(second.process().waitForFinished(10'000));
        QCOMPARE(second.process().exitStatus(), QProcess::NormalExit);
    }

private:
    /// The agent replies stored in @p conversationId, oldest first, as the server returns them.
    QList<QJsonObject> storedReplies(JsonSocket &admin, int conversationId)
    {
        const auto answer = admin.request({{u"type"_s, u"history"_s}, {u"conversationId"_s, conversationId}, {u"limit"_s, 100}});
        QList<QJsonObject> replies;
        if (!answer)
            return replies;
        for (const QJsonValue &value : answer->value(u"messages"_s).toArray()) {
            if (value[u"author"_s].toString() == u"agent"_s)
                replies.append(value.toObject());
        }
        return replies;
    }

    /// The client ids in the outbox file, in order; empty if it is missing.
    static QStringList clientIdsInFile(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {u"(unreadable)"_s};
        QStringList ids;
        for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll())[u"replies"_s].toArray())
            ids.append(value[u"clientId"_s].toString());
        return ids;
    }

    /// The agent messages the visitor received, in order, one entry per message id.
    static QStringList visitorReplies(const JsonSocket &visitor)
    {
        QStringList bodies;
        QList<double> seen;
        for (const QJsonObject &frame : visitor.frames()) {
            const QJsonObject message = frame.value(u"message"_s).toObject();
            if (frame.value(u"type"_s) != u"message"_s || message.value(u"author"_s) != u"agent"_s)
                continue;
            if (seen.contains(message.value(u"id"_s).toDouble()))
                return {u"(message %1 arrived twice)"_s.arg(message.value(u"id"_s).toDouble())};
            seen.append(message.value(u"id"_s).toDouble());
            bodies.append(message.value(u"body"_s).toString());
        }
        return bodies;
    }

    std::unique_ptr<TestServer> m_server;
};

QTEST_GUILESS_MAIN(OutboxCrashTest)
#include "tst_outboxcrash.moc"
