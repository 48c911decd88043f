#include "chatservices.h"

#include "core/continuewith.h"
#include "store/store.h"

namespace Frontdesk {

ChatServices::ChatServices(Store *store, SiteDirectory *sites, const AbuseLimits &limits, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sites(sites)
    , m_limits(limits)
    , m_presence(&m_events)
    // Parented although they are members: a server moved to its network
    // thread takes its children along, and each service's continuations run
    // on the thread of the service they are given as context.
    , m_moderation(store, &m_presence, &m_events, this)
    , m_visitors(store, &m_presence, &m_moderation, &m_events, limits, this)
    , m_conversations(store, sites, &m_presence, &m_events, limits, this)
    , m_agentAuth(store, &m_events, limits, this)
    , m_team(store, &m_presence, &m_agentAuth, &m_events, this)
    , m_siteService(store, sites, &m_moderation, &m_events, this)
{ }

ChatServices::~ChatServices() = default;

void ChatServices::start(std::function<void(bool, QString)> done)
{
    continueWith(m_store->openConversations(), this, [this, done](const StoreResult<QList<ConversationSummary>> &open) {
        if (!open.ok()) {
            done(false, open.message);
            return;
        }
        m_presence.load(open.value);
        continueWith(m_store->listBans(), this, [this, done](const StoreResult<QList<BanRecord>> &bans) {
            if (!bans.ok()) {
                done(false, bans.message);
                return;
            }
            m_moderation.load(bans.value);
            done(true, {});
        });
    });
}

} // namespace Frontdesk
