// A console without a window, for tst_outboxcrash: the real AgentClient, driven
// by lines on stdin and reporting on stdout, so that a test can SIGKILL a real
// console process with replies in flight and start it again.
//
// stdin:  "reply <conversationId> <body>" | "quit"
// stdout: "online <outbox file>" | "queued <clientId>" | "acked <clientId> <messageId>"
//         | "failed <clientId> <reason>" | "pending <n>" | "signed-out <reason>"
#include "agentclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>
#include <unistd.h>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(u"frontdesk-outbox-console"_s);
    QCommandLineParser parser;
    const QCommandLineOption server(u"server"_s, u"The server's URL."_s, u"url"_s);
    const QCommandLineOption email(u"email"_s, u"The agent's email."_s, u"email"_s);
    const QCommandLineOption password(u"password"_s, u"Sign in with it; without it, resume with the keyring's token."_s,
                                      u"password"_s);
    const QCommandLineOption outbox(u"outbox"_s, u"The outbox folder."_s, u"folder"_s);
    const QCommandLineOption service(u"secret-service"_s, u"The keyring service name."_s, u"name"_s);
    parser.addOptions({server, email, password, outbox, service});
    parser.process(app);

    AgentClient client(parser.value(service), nullptr);
    client.setOutboxFolder(parser.value(outbox));
    QObject::connect(&client, &AgentClient::stateChanged, &app, [&client] {
        if (client.state() == AgentClient::Online)
            say(u"online "_s + client.outboxFile());
        else if (client.state() == AgentClient::LoggedOut)
            say(u"signed-out "_s + client.errorString());
    });
    QObject::connect(
        &client, &AgentClient::replyAcknowledged, &app,
        [](int, const QString &clientId, const MessageRecord &message) { say(u"acked %1 %2"_s.arg(clientId).arg(message.id)); });
    QObject::connect(&client, &AgentClient::replyFailed, &app,
                     [](int, const QString &clientId, const QString &error) { say(u"failed %1 %2"_s.arg(clientId, error)); });
    QObject::connect(&client, &AgentClient::outboxChanged, &app,
                     [&client] { say(u"pending %1"_s.arg(client.pendingReplies())); });

    QByteArray input;
    QSocketNotifier stdinReady(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinReady, &QSocketNotifier::activated, &app, [&] {
        char chunk[4096];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            QCoreApplication::quit(); // the test went away
            return;
        }
        input.append(chunk, n);
        qsizetype end;
        while ((end = input.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(input.left(end));
            input.remove(0, end + 1);
            if (line == u"quit"_s) {
                QCoreApplication::quit();
            } else if (line.startsWith(u"reply "_s)) {
                const int conversationId = line.section(u' ', 1, 1).toInt();
                say(u"queued "_s + client.reply(conversationId, line.section(u' ', 2)));
            }
        }
    });

    const QUrl url(parser.value(server));
    if (parser.isSet(password))
        client.login(url, parser.value(email), parser.value(password));
    else
        client.resume(url, parser.value(email));
    return QCoreApplication::exec();
}
