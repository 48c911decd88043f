#pragma once

#include "chat/chatservices.h"
#include "chat/sitedirectory.h"
#include "protocol/eventfanout.h"
#include "store/store.h"

#include <QFuture>
#include <QTemporaryDir>
#include <memory>

namespace Frontdesk {

/// @brief The real chat services and fan-out over a real SQLite store, for the fuzz targets
/// that feed frames and request bodies to the production channels: one site
/// (origin http://shop.test), an admin agent, and a visitor whose id and
/// token are fixed so that seeds can name them.
///
/// Lives for the whole fuzzing process (opening a database per input would
/// leave time for little else); restore() undoes, after each input, what an
/// input may change that would make the next one behave differently (bans,
/// the site's settings, an erased visitor), through the same agent protocol.
class ChatFixture
{
public:
    static inline const QString siteKey = QStringLiteral("fuzz-site-key");
    static inline const QString visitorId = QStringLiteral("fuzz-visitor");
    static inline const QString visitorToken = QStringLiteral("fuzz-visitor-token");
    static inline const QString origin = QStringLiteral("http://shop.test");

    /// What a target's LLVMFuzzerInitialize does: the application object the
    /// whole run shares, log output dropped (every line is still built: it is
    /// code under test too), and the fixture opened before the first input.
    static void initializeProcess(int *argc, char ***argv);
    /// Opens the database in a temporary folder; aborts if it cannot.
    static ChatFixture &instance();

    [[nodiscard]] ChatServices *chat() const { return m_chat.get(); }
    [[nodiscard]] const SiteRecord &site() const { return m_site; }
    [[nodiscard]] const VisitorRecord &visitor() const { return m_visitor; }
    /// A login of the admin and the token that proves it.
    struct AdminSession {
        QString token;
        AgentAuthentication authentication;
    };
    /// A new session of the admin.
    [[nodiscard]] AdminSession newAdminSession();
    void endAdminSession(const AdminSession &session);
    /// The token of the admin session the inputs share (an input may end it: renew it then).
    [[nodiscard]] QString adminToken() const { return m_adminSession.token; }
    void renewAdminSession() { m_adminSession = newAdminSession(); }

    /// Runs the event loop until every store call the input caused has been
    /// answered and every answer handled (posted events and deferred deletes).
    void settle();
    /// Puts back what an input may have changed for the next one.
    void restore();

    /// Waits (running the event loop) for a store answer; aborts on failure.
    template<typename T> T await(QFuture<StoreResult<T>> future)
    {
        waitFor([&future] { return future.isFinished(); });
        StoreResult<T> result = future.result();
        if (!result.ok())
            fail(result.message);
        return result.value;
    }

private:
    ChatFixture();
    void waitFor(const std::function<bool()> &done);
    [[noreturn]] static void fail(const QString &why);
    void ensureVisitor();

    QTemporaryDir m_directory;
    Store m_store;
    SiteDirectory m_sites;
    std::unique_ptr<ChatServices> m_chat;
    std::unique_ptr<EventFanout> m_fanout;
    SiteRecord m_site;
    AgentRecord m_admin;
    VisitorRecord m_visitor;
    quint64 m_sessions = 0;
    AdminSession m_adminSession;
};

} // namespace Frontdesk
