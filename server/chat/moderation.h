#pragma once

#include "chat/banlist.h"
#include "chat/chatoutcome.h"
#include "core/domainevents.h"
#include "core/records.h"

#include <QObject>

namespace Frontdesk {

class PresenceService;
class AuditLogStore;
class VisitorDataStore;

/// @brief A stored ban and how many connections it closed at once.
struct BanApplied {
    BanRecord ban;
    int closedConnections = 0;
};

/// @brief Who may chat, and the law on visitors' data: the bans in force
/// (checked on every upgrade, poll and hello, from memory) and the admins'
/// export and erasure of a visitor, each written to the audit log in the
/// same transaction.
class Moderation : public QObject
{
    Q_OBJECT

public:
    Moderation(VisitorDataStore *visitorData, AuditLogStore *auditLog, PresenceService *presence, DomainEventBus *events,
               QObject *parent = nullptr);

    /// Loads the bans at start.
    void load(const QList<BanRecord> &bans) { m_bans.replaceAll(bans); }
    /// The error every banned client is refused with.
    [[nodiscard]] static ProtocolError bannedError();
    /// The ban in force now on @p address for @p siteId, if any.
    [[nodiscard]] std::optional<BanRecord> addressBan(const QHostAddress &address, qint64 siteId) const;
    /// The ban in force now on @p visitorId for @p siteId, if any.
    [[nodiscard]] std::optional<BanRecord> visitorBan(const QString &visitorId, qint64 siteId) const;
    [[nodiscard]] const BanList &bans() const { return m_bans; }
    /// A site was deleted with its bans: they are gone from memory too.
    void forgetSite(qint64 siteId) { m_bans.removeSite(siteId); }

    /// Stores @p ban; from then on it applies, and the connections it covers are closed at once.
    void ban(const AgentRecord &admin, const BanRecord &ban, ChatCallback<BanApplied> done);
    void unban(const AgentRecord &admin, qint64 banId, ChatCallback<BanRecord> done);
    void listBans(ChatCallback<QList<BanRecord>> done);
    void exportVisitor(const AgentRecord &admin, const QString &visitorId, ChatCallback<VisitorExport> done);
    /// Deletes everything stored about the visitor and publishes VisitorErased
    /// (its connections close, the queue moves up).
    void eraseVisitor(const AgentRecord &admin, const QString &visitorId, ChatCallback<VisitorErasure> done);
    void listAudit(qint64 beforeId, int limit, ChatCallback<QList<AuditEntry>> done);

private:
    VisitorDataStore *m_visitorData;
    AuditLogStore *m_auditLog;
    PresenceService *m_presence;
    DomainEventBus *m_events;
    BanList m_bans;
};

} // namespace Frontdesk
