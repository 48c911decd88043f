#include "chatservices.h"

#include "core/continuewith.h"
#include "store/store.h"

namespace Frontdesk {

ChatServices::ChatServices(Store *store, SiteDirectory *sites, const AbuseLimits &limits, const QUrl &publicUrl, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sites(sites)
    , m_limits(limits)
    , m_presence(&m_events)
    // Parented although they are members: a server moved to its network
    // thread takes its children along, and each service's continuations run
    // on the thread of the service they are given as context.
    // Each service gets only the parts of the store it works on.
    , m_moderation(&store->visitorData(), &store->auditLog(), &m_presence, &m_events, this)
    , m_visitors(&store->visitors(), &store->conversations(), &m_presence, &m_moderation, &m_events, limits, this)
    , m_conversations(&store->conversations(), &store->agents(), sites, &m_presence, &m_events, limits, publicUrl, this)
    , m_agentAuth(&store->agents(), &m_events, limits, this)
    , m_team(&store->agents(), &store->cannedResponses(), &store->conversations(), &store->auditLog(), &m_presence, &m_agentAuth,
             &m_events, this)
    , m_siteService(&store->sites(), &store->auditLog(), sites, &m_moderation, &m_events, this)
{ }

ChatServices::~ChatServices() = default;

void ChatServices::start(std::function<void(bool, QString)> done)
{
    continueWith(
        m_store->conversations().openConversations(), this, [this, done](const StoreResult<QList<ConversationSummary>> &open) {
            if (!open.ok()) {
                done(false, open.message);
                return;
            }
            m_presence.load(open.value);
            continueWith(m_store->visitorData().listBans(), this, [this, done](const StoreResult<QList<BanRecord>> &bans) {
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
