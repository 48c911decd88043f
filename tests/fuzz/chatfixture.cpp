#include "chatfixture.h"

#include "auth/passwordhasher.h"
#include "auth/tokens.h"
#include "protocol/agentchannel.h"
#include "protocol/wirecodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QThread>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// Generous, so that an input is judged on what it says, not refused because
// the inputs before it (the same address, the same visitor) spent a budget.
AbuseLimits fuzzLimits()
{
    AbuseLimits limits;
    limits.visitorMessagesPerSecond = 1e6;
    limits.visitorMessageBurst = 1'000'000;
    limits.framesPerSecond = 1e6;
    limits.frameBurst = 1'000'000;
    limits.newVisitorsPerMinute = 1e6;
    limits.newVisitorBurst = 1'000'000;
    limits.loginFreeFailuresPerAddress = 1'000'000;
    limits.loginBanFailuresPerAddress = 1'000'000;
    limits.loginFreeFailuresPerAccount = 1'000'000;
    return limits;
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Counts the events the loop delivers, to tell when an input's work is done.
class EventCounter : public QObject
{
public:
    qint64 count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Timers of the code under test (hold timers, expiry) fire on their own schedule.
        if (event->type() != QEvent::Timer)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

EventCounter *eventCounter()
{
    static EventCounter *const counter = [] {
        auto *c = new EventCounter;
        QCoreApplication::instance()->installEventFilter(c);
        return c;
    }();
    return counter;
}

} // namespace

void ChatFixture::initializeProcess(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    (void)instance();
}

ChatFixture &ChatFixture::instance()
{
    static ChatFixture fixture;
    return fixture;
}

void ChatFixture::fail(const QString &why)
{
    std::fprintf(stderr, "chat fixture: %s\n", qPrintable(why));
    std::abort();
}

void ChatFixture::waitFor(const std::function<bool()> &done)
{
    // A store answer resolves a future without posting an event here, so
    // the loop cannot sleep until it comes: poll, briefly.
    QCoreApplication::processEvents();
    while (!done()) {
        QThread::usleep(20);
        QCoreApplication::processEvents();
    }
}

ChatFixture::ChatFixture()
{
    if (!m_directory.isValid())
        fail(u"no temporary directory"_s);
    DatabaseConfig config;
    config.kind = DatabaseConfig::Kind::Sqlite;
    config.sqlitePath = m_directory.filePath(u"fuzz.sqlite"_s);
    (void)await(m_store.open(config));

    SiteRecord site;
    site.siteKey = siteKey;
    site.name = u"Fuzz shop"_s;
    site.allowedOrigins = {origin};
    site.widgetSettings = QVariantMap{{u"title"_s, u"Chat with us"_s}, {u"ratingEnabled"_s, true}};
    site.identitySecret = QByteArray(32, 'k');
    site.createdAt = now();
    m_site = await(m_store.sites().createSite(site));
    m_sites.replaceAll({m_site});

    AgentRecord admin;
    admin.email = u"admin@fuzz.test"_s;
    admin.name = u"Admin"_s;
    admin.role = AgentRole::Admin;
    admin.passwordHash = PasswordHasher::hashBlocking(u"fuzz admin password"_s);
    admin.createdAt = now();
    m_admin = await(m_store.agents().createAgent(admin));

    m_chat = std::make_unique<ChatServices>(&m_store, &m_sites, fuzzLimits());
    m_fanout = std::make_unique<EventFanout>(m_chat->events(), m_chat->presence());
    bool started = false;
    m_chat->start([&started](bool ok, const QString &error) {
        if (!ok)
            fail(error);
        started = true;
    });
    waitFor([&started] { return started; });
    ensureVisitor();
    renewAdminSession();
    (void)eventCounter();
}

void ChatFixture::ensureVisitor()
{
    const StoreResult<VisitorRecord> known = [this] {
        auto future = m_store.visitors().visitorById(visitorId);
        waitFor([&future] { return future.isFinished(); });
        return future.result();
    }();
    if (known.ok()) {
        m_visitor = known.value;
        return;
    }
    VisitorRecord visitor;
    visitor.id = visitorId;
    visitor.siteId = m_site.id;
    visitor.createdAt = now();
    visitor.lastSeenAt = visitor.createdAt;
    m_visitor = await(m_store.visitors().createVisitor(visitor, Tokens::hash(visitorToken)));
}

ChatFixture::AdminSession ChatFixture::newAdminSession()
{
    LoginSession session;
    session.id = u"fuzz-session-%1"_s.arg(++m_sessions);
    session.agentId = m_admin.id;
    session.createdAt = now();
    session.lastUsedAt = session.createdAt;
    session.expiresAt = session.createdAt + 24LL * 3600 * 1000;
    session.address = u"127.0.0.1"_s;
    const QString token = u"fuzz-agent-token-%1"_s.arg(m_sessions);
    (void)await(m_store.agents().createAgentToken(session, Tokens::hash(token)));
    return AdminSession{token, await(m_store.agents().agentByTokenHash(Tokens::hash(token), now()))};
}

void ChatFixture::endAdminSession(const AdminSession &session)
{
    // Gone already when the input logged out or ended it.
    const AgentAuthentication &login = session.authentication;
    auto future = m_store.agents().deleteAgentSession(login.agent.id, login.session.id);
    waitFor([&future] { return future.isFinished(); });
}

void ChatFixture::settle()
{
    EventCounter *counter = eventCounter();
    // A round is quiet when the store answered a call queued behind
    // everything else and no event (an answer, a continuation) came meanwhile.
    for (int round = 0; round < 100; ++round) {
        const qint64 before = counter->count;
        auto barrier = m_store.sites().listSites();
        waitFor([&barrier] { return barrier.isFinished(); });
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        if (counter->count == before)
            return;
    }
}

void ChatFixture::restore()
{
    const QList<BanRecord> bans = m_chat->moderation()->bans().all();
    const std::optional<SiteRecord> site = m_sites.byId(m_site.id);
    const bool siteChanged = !site || site->name != m_site.name || site->allowedOrigins != m_site.allowedOrigins
        || site->widgetSettings != m_site.widgetSettings || site->closedRetentionDays != m_site.closedRetentionDays;
    if (!bans.isEmpty() || siteChanged) {
        // Through the agent protocol, so the service's memory and the store agree.
        const AdminSession session = newAdminSession();
        AgentChannel admin(
            m_chat.get(), ClientContext{QHostAddress::LocalHost, {}}, [](const QByteArray &) {}, [](const QByteArray &) {});
        admin.handleBytes(WireCodec::encode(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, session.token}}));
        settle();
        for (const BanRecord &ban : bans)
            admin.handleBytes(WireCodec::encode(QJsonObject{{u"type"_s, u"unban"_s}, {u"banId"_s, double(ban.id)}}));
        if (siteChanged) {
            admin.handleBytes(WireCodec::encode(QJsonObject{
                {u"type"_s, u"update_site"_s},
                {u"name"_s, m_site.name},
                {u"allowedOrigins"_s, QJsonArray::fromStringList(m_site.allowedOrigins)},
                {u"widget"_s, QJsonObject::fromVariantMap(m_site.widgetSettings)},
                {u"closedRetentionDays"_s, m_site.closedRetentionDays},
            }));
        }
        settle();
        endAdminSession(session);
    }
    ensureVisitor();
}

} // namespace Frontdesk
