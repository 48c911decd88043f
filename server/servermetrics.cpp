#include "servermetrics.h"

#include "api/visitorpollingcontroller.h"
#include "auth/tokens.h"
#include "chat/chatservices.h"
#include "http/httplistener.h"
#include "realtime/websockethub.h"
#include "store/store.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace Frontdesk {

namespace {

/// One metric family: HELP, TYPE, then its samples.
class Family
{
public:
    Family(QByteArray &out, const char *name, const char *type, const char *help) : m_out(out), m_name(name)
    {
        m_out += "# HELP " + m_name + ' ' + help + "\n# TYPE " + m_name + ' ' + type + '\n';
    }
    void sample(double value, const QByteArray &labels = {}, const char *suffix = "")
    {
        m_out += m_name + suffix + (labels.isEmpty() ? QByteArray() : '{' + labels + '}') + ' '
            + QByteArray::number(value, 'g', 17) + '\n';
    }

private:
    QByteArray &m_out;
    QByteArray m_name;
};

// A label value: backslash, double quote and line feed escaped (the format's rules).
QByteArray label(const char *name, const QString &value)
{
    QByteArray escaped = value.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return QByteArray(name) + "=\"" + escaped + '"';
}

int authorIndex(AuthorKind kind)
{
    switch (kind) {
    case AuthorKind::Visitor:
        return 0;
    case AuthorKind::Agent:
        return 1;
    case AuthorKind::System:
        return 2;
    }
    return 2;
}

} // namespace

ServerMetrics::ServerMetrics(const Sources &sources, const MetricsAccess &access) : m_sources(sources), m_access(access)
{
    m_subscription = m_sources.chat->events()->subscribe([this](const DomainEvent &event) {
        // The lines that say who joined, took over or closed are stored messages too.
        std::visit(
            Overloaded{
                [this](const Events::MessageStored &stored) { ++m_messagesByAuthor[authorIndex(stored.message.authorKind)]; },
                [this](const Events::ConversationAccepted &) { ++m_messagesByAuthor[authorIndex(AuthorKind::System)]; },
                [this](const Events::ConversationTransferred &) { ++m_messagesByAuthor[authorIndex(AuthorKind::System)]; },
                [this](const Events::ConversationClosed &) { ++m_messagesByAuthor[authorIndex(AuthorKind::System)]; },
                [](const auto &) {},
            },
            event);
    });
}

ServerMetrics::~ServerMetrics()
{
    m_sources.chat->events()->unsubscribe(m_subscription);
}

void ServerMetrics::registerRoutes(HttpRouter &router)
{
    router.addRoute("GET", u"/metrics"_s, [this](const HttpRequest &request, const HttpResponder &responder) {
        if (!mayRead(request)) {
            qCInfo(lcApi) << "refused /metrics to" << request.peerAddress << ": not an allowed address and no valid token";
            return responder.respond(HttpResponse::error(
                403, u"forbidden"_s, u"The metrics are for the addresses in metrics-allow, or with the metrics token."_s));
        }
        HttpResponse response;
        response.body = render();
        response.setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        responder.respond(response.noStore());
    });
}

bool ServerMetrics::mayRead(const HttpRequest &request) const
{
    for (const auto &allowed : m_access.allowed) {
        if (request.peerAddress.isInSubnet(allowed))
            return true;
    }
    const QByteArray authorization = request.header("authorization");
    if (m_access.token.isEmpty() || !authorization.startsWith("Bearer "))
        return false;
    // Compared as hashes in constant time: the answer's timing says nothing about the token.
    return Tokens::constantTimeEquals(Tokens::hash(QString::fromLatin1(authorization.mid(7).trimmed())),
                                      Tokens::hash(QString::fromLatin1(m_access.token)));
}

QByteArray ServerMetrics::render() const
{
    QByteArray out;
    const int websockets = m_sources.hub->sessionCount();
    {
        Family sockets(out, "frontdesk_open_sockets", "gauge", "Open client connections, by kind.");
        sockets.sample(qMax(0, m_sources.listener->connectionCount() - websockets), "kind=\"http\"");
        sockets.sample(m_sources.hub->visitorSessionCount(), "kind=\"visitor_websocket\"");
        sockets.sample(m_sources.hub->agentSessionCount(), "kind=\"agent_websocket\"");
    }
    Family(out, "frontdesk_polling_channels", "gauge", "Visitors on the long-polling fallback.")
        .sample(m_sources.polling->pollingChannelCount());
    {
        Family messages(out, "frontdesk_messages_stored_total", "counter", "Messages stored since the start, by author.");
        const char *authors[] = {"visitor", "agent", "system"};
        for (int i = 0; i < 3; ++i)
            messages.sample(double(m_messagesByAuthor[i]), "author=\"" + QByteArray(authors[i]) + '"');
    }
    const PresenceService *presence = m_sources.chat->presence();
    const QHash<qint64, int> waiting = presence->waitingBySite();
    int waitingTotal = 0;
    for (const int count : waiting)
        waitingTotal += count;
    {
        Family conversations(out, "frontdesk_open_conversations", "gauge", "Open conversations, by status.");
        conversations.sample(waitingTotal, "status=\"waiting\"");
        conversations.sample(qMax(0, presence->openConversationCount() - waitingTotal), "status=\"active\"");
    }
    {
        Family queues(out, "frontdesk_queue_length", "gauge", "Waiting conversations, by site.");
        for (const SiteRecord &site : m_sources.chat->sites()->all())
            queues.sample(waiting.value(site.id), label("site", site.siteKey));
    }
    {
        const CommitLatency::Snapshot latency = m_sources.store->commitLatency();
        Family commits(out, "frontdesk_store_commit_seconds", "histogram",
                       "Time from BEGIN to COMMIT of the writer thread's transactions.");
        for (std::size_t i = 0; i < CommitLatency::bounds.size(); ++i)
            commits.sample(double(latency.cumulative.value(qsizetype(i))),
                           "le=\"" + QByteArray::number(CommitLatency::bounds[i], 'g', 6) + '"', "_bucket");
        commits.sample(double(latency.count), "le=\"+Inf\"", "_bucket");
        commits.sample(latency.sumSeconds, {}, "_sum");
        commits.sample(double(latency.count), {}, "_count");
    }
    {
        Family refused(out, "frontdesk_refused_total", "counter",
                       "Connections and requests refused by the HTTP layer since the start, by error code.");
        const QMap<QString, qint64> &byCode = m_sources.listener->refusedByCode();
        for (auto it = byCode.cbegin(); it != byCode.cend(); ++it)
            refused.sample(double(it.value()), label("reason", it.key()));
    }
    Family(out, "frontdesk_login_bans_total", "counter", "Addresses banned for too many wrong passwords since the start.")
        .sample(double(m_sources.chat->agentAuth()->loginBansStarted()));
    return out;
}

} // namespace Frontdesk
