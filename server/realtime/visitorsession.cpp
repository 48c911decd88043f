#include "visitorsession.h"

#include "chat/visitorchannel.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRealtime)

namespace Frontdesk {

VisitorSession::VisitorSession(QWebSocket *socket, ChatService *chat, const SiteRecord &site, const RealtimeLimits &limits,
                               QObject *parent)
    : SocketSession(socket, limits, parent)
    , m_channel(new VisitorChannel(
          chat, site, QString::fromUtf8(socket->request().rawHeader("User-Agent")),
          [this](const QJsonObject &frame) { send(frame); }, this))
{
    // A socket that never says hello holds memory for nothing.
    auto *deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this] {
        if (m_channel->visitor())
            return;
        qCInfo(lcRealtime) << "closing visitor socket from" << m_socket->peerAddress() << ": no hello within"
                           << m_limits.visitorHelloTimeoutMs << "ms";
        m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"say hello first"_s);
    });
    deadline->start(m_limits.visitorHelloTimeoutMs);
}

void VisitorSession::receive(QByteArrayView bytes)
{
    m_channel->handleBytes(bytes, [this](const QJsonObject &frame) { send(frame); });
}

} // namespace Frontdesk
