// echoserver: a bare QWebSocketServer that echoes text messages, built from
// the same Qt as Frontdesk. It is the limit Frontdesk's handshake rate and
// idle memory per connection are compared with: one thread, Qt's default
// event dispatcher (or the one QT_EVENT_DISPATCHER/FRONTDESK_EVENT_DISPATCHER
// selects, if the Qt build honours it), no HTTP layer, no database.
//
// Usage: echoserver 127.0.0.1:PORT     prints "listening on ws://…" on stdout.
#include <QCoreApplication>
#include <QHostAddress>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString listen = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("127.0.0.1:0");
    const qsizetype colon = listen.lastIndexOf(u':');
    const QHostAddress address(listen.left(colon));
    const quint16 port = listen.mid(colon + 1).toUShort();
    if (colon < 0 || address.isNull() || !address.isLoopback()) {
        std::fprintf(stderr, "echoserver: listen on a loopback HOST:PORT\n");
        return 2;
    }

    QWebSocketServer server(QStringLiteral("echo"), QWebSocketServer::NonSecureMode);
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                             [socket](const QString &message) { socket->sendTextMessage(message); });
            QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    if (!server.listen(address, port)) {
        std::fprintf(stderr, "echoserver: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("listening on ws://%s:%u\n", qPrintable(address.toString()), unsigned(server.serverPort()));
    std::fflush(stdout);
    return app.exec();
}
