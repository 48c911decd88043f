#include "serverlimits.h"

#include <functional>
#include <limits>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// A limit is an int, a qint64 or a rate (double); each row points at its field.
struct Row {
    QString name;
    QString description;
    std::function<void *(ServerConfig &)> field; ///< the field in a config
    enum class Kind { Int, Int64, Real } kind;
    double minimum;
};

template<typename Struct, typename T>
Row row(const char *name, const char *description, Struct ServerConfig::*group, T Struct::*member, double minimum = 0)
{
    static_assert(std::is_same_v<T, int> || std::is_same_v<T, qint64> || std::is_same_v<T, double>);
    const Row::Kind kind = std::is_same_v<T, int> ? Row::Kind::Int
        : std::is_same_v<T, qint64>               ? Row::Kind::Int64
                                                  : Row::Kind::Real;
    return Row{QString::fromLatin1(name), QString::fromLatin1(description),
               [group, member](ServerConfig &config) -> void * { return &((config.*group).*member); }, kind, minimum};
}

const QList<Row> &rows()
{
    static const QList<Row> table{
        row("http-header-timeout-ms", "time to send a request's headers", &ServerConfig::httpLimits, &HttpLimits::headerTimeoutMs,
            100),
        row("http-body-timeout-ms", "time to send a request's body", &ServerConfig::httpLimits, &HttpLimits::bodyTimeoutMs, 100),
        row("http-idle-timeout-ms", "idle keep-alive connection", &ServerConfig::httpLimits, &HttpLimits::idleTimeoutMs, 100),
        row("max-connections", "open sockets overall", &ServerConfig::httpLimits, &HttpLimits::maxConnections, 1),
        row("max-connections-per-address", "open sockets from one address (IPv6: /64)", &ServerConfig::httpLimits,
            &HttpLimits::maxConnectionsPerIp, 1),
        row("visitor-hello-timeout-ms", "a visitor socket must say hello within this", &ServerConfig::realtimeLimits,
            &RealtimeLimits::visitorHelloTimeoutMs, 100),
        row("agent-auth-timeout-ms", "an agent socket must authenticate within this", &ServerConfig::realtimeLimits,
            &RealtimeLimits::agentAuthTimeoutMs, 100),
        row("poll-hold-ms", "a long poll with nothing to collect is answered empty after this", &ServerConfig::realtimeLimits,
            &RealtimeLimits::pollHoldMs, 100),
        row("poll-expiry-ms", "a polling channel with no request for this long ends", &ServerConfig::realtimeLimits,
            &RealtimeLimits::pollExpiryMs, 100),
        row("poll-queue-events", "events a polling channel keeps; one more and they become a resync",
            &ServerConfig::realtimeLimits, &RealtimeLimits::pollMaxQueuedEvents, 1),
        row("visitor-messages-per-second", "a visitor's sustained message rate", &ServerConfig::abuseLimits,
            &AbuseLimits::visitorMessagesPerSecond, 0.001),
        row("visitor-message-burst", "messages a visitor may send at once", &ServerConfig::abuseLimits,
            &AbuseLimits::visitorMessageBurst, 1),
        row("frames-per-second", "frames of any kind per connection, sustained", &ServerConfig::abuseLimits,
            &AbuseLimits::framesPerSecond, 0.001),
        row("frame-burst", "frames per connection at once", &ServerConfig::abuseLimits, &AbuseLimits::frameBurst, 1),
        row("mail-retry-first-ms", "a failed email is tried again after this, then twice as long each time", &ServerConfig::mail,
            &MailSettings::retryFirstMs, 100),
        row("mail-retry-max-ms", "the longest wait between two attempts of an email", &ServerConfig::mail,
            &MailSettings::retryMaxMs, 100),
        row("mail-give-up-ms", "an email not sent this long after it was queued is marked failed", &ServerConfig::mail,
            &MailSettings::giveUpAfterMs, 1000),
        row("mail-transcript-interval-ms", "a visitor may ask for a conversation's transcript once per this", &ServerConfig::mail,
            &MailSettings::transcriptIntervalMs, 0),
        row("smtp-timeout-ms", "one SMTP attempt, from connecting to QUIT", &ServerConfig::mail, &MailSettings::smtpTimeoutMs,
            1000),
        row("webhook-timeout-ms", "an endpoint has this long to answer a webhook delivery", &ServerConfig::webhooks,
            &WebhookSettings::timeoutMs, 100),
        row("webhook-retry-first-ms", "a failed webhook delivery is tried again after this, then twice as long each time",
            &ServerConfig::webhooks, &WebhookSettings::firstRetryMs, 100),
        row("webhook-retry-max-ms", "the longest wait between two attempts of a webhook delivery", &ServerConfig::webhooks,
            &WebhookSettings::maxRetryMs, 100),
        row("webhook-give-up-ms", "a webhook delivery not accepted this long after its event is marked failed",
            &ServerConfig::webhooks, &WebhookSettings::giveUpAfterMs, 1000),
        row("refused-frames-before-close", "rate_limited answers in a row before a connection is closed",
            &ServerConfig::abuseLimits, &AbuseLimits::refusedFramesBeforeClose, 1),
        row("new-visitors-per-minute", "new visitors from one address (IPv6: /64), sustained", &ServerConfig::abuseLimits,
            &AbuseLimits::newVisitorsPerMinute, 0.001),
        row("new-visitor-burst", "new visitors from one address at once", &ServerConfig::abuseLimits,
            &AbuseLimits::newVisitorBurst, 1),
        row("login-free-failures-per-address", "wrong passwords from one address before delays start", &ServerConfig::abuseLimits,
            &AbuseLimits::loginFreeFailuresPerAddress, 1),
        row("login-ban-failures-per-address", "wrong passwords from one address before it is banned", &ServerConfig::abuseLimits,
            &AbuseLimits::loginBanFailuresPerAddress, 1),
        row("login-ban-ms", "how long a banned address waits", &ServerConfig::abuseLimits, &AbuseLimits::loginBanMs, 0),
        row("login-free-failures-per-account", "wrong passwords for one account before delays start", &ServerConfig::abuseLimits,
            &AbuseLimits::loginFreeFailuresPerAccount, 1),
        row("login-base-delay-ms", "first delay after the free failures; doubles each time", &ServerConfig::abuseLimits,
            &AbuseLimits::loginBaseDelayMs, 0),
        row("login-max-delay-ms", "longest delay between attempts", &ServerConfig::abuseLimits, &AbuseLimits::loginMaxDelayMs, 0),
        row("login-forget-ms", "failures older than this no longer count", &ServerConfig::abuseLimits,
            &AbuseLimits::loginForgetMs, 1000),
        row("quiet-visitor-retention-days", "visitors who never wrote are deleted after this (0: kept)",
            &ServerConfig::abuseLimits, &AbuseLimits::quietVisitorRetentionDays, 0),
    };
    return table;
}

QString valueText(const Row &row, ServerConfig &config)
{
    void *field = row.field(config);
    switch (row.kind) {
    case Row::Kind::Int:
        return QString::number(*static_cast<int *>(field));
    case Row::Kind::Int64:
        return QString::number(*static_cast<qint64 *>(field));
    case Row::Kind::Real:
        return QString::number(*static_cast<double *>(field));
    }
    return {};
}

} // namespace

bool ServerLimits::set(ServerConfig &config, const QString &name, const QString &text, QString *error)
{
    for (const Row &row : rows()) {
        if (row.name != name)
            continue;
        bool ok = false;
        const double value = text.trimmed().toDouble(&ok);
        const double maximum = row.kind == Row::Kind::Int ? double(std::numeric_limits<int>::max()) : 1e15;
        if (!ok || value < row.minimum || value > maximum || (row.kind != Row::Kind::Real && value != double(qint64(value)))) {
            *error = u"The limit %1 takes %2 of at least %3, not \"%4\"."_s.arg(
                name, row.kind == Row::Kind::Real ? u"a number"_s : u"a whole number"_s, QString::number(row.minimum), text);
            return false;
        }
        void *field = row.field(config);
        switch (row.kind) {
        case Row::Kind::Int:
            *static_cast<int *>(field) = int(value);
            break;
        case Row::Kind::Int64:
            *static_cast<qint64 *>(field) = qint64(value);
            break;
        case Row::Kind::Real:
            *static_cast<double *>(field) = value;
            break;
        }
        return true;
    }
    *error = u"There is no limit called \"%1\"; --list-limits shows them all."_s.arg(name);
    return false;
}

bool ServerLimits::apply(ServerConfig &config, const QString &assignment, QString *error)
{
    const qsizetype equals = assignment.indexOf(u'=');
    if (equals <= 0) {
        *error = u"A limit is given as NAME=VALUE, not \"%1\"."_s.arg(assignment);
        return false;
    }
    return set(config, assignment.left(equals).trimmed(), assignment.mid(equals + 1), error);
}

QList<ServerLimits::Entry> ServerLimits::list(const ServerConfig &config)
{
    ServerConfig copy = config;
    QList<Entry> entries;
    for (const Row &row : rows())
        entries.append({row.name, row.description, valueText(row, copy)});
    return entries;
}

} // namespace Frontdesk
