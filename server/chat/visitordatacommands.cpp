#include "visitordatacommands.h"

#include "chat/audittrail.h"
#include "chat/banlist.h"
#include "core/continuewith.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVisitorData, "frontdesk.visitordata")

namespace Frontdesk {

namespace {

constexpr int maxVisitorIdChars = 64;
constexpr int maxBanValueChars = 64;
constexpr int maxBanReasonChars = 500;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonValue timeOrNull(qint64 at)
{
    return at > 0 ? QJsonValue(double(at)) : QJsonValue(QJsonValue::Null);
}

ProtocolError noVisitor(const QString &visitorId)
{
    return ProtocolError::make(ErrorCode::NotFound, u"There is no visitor %1."_s.arg(visitorId));
}

} // namespace

VisitorDataCommands::VisitorDataCommands(ChatService *chat) : m_chat(chat) { }

bool VisitorDataCommands::handles(const QString &type)
{
    static const QStringList types{u"export_visitor"_s, u"erase_visitor"_s, u"ban"_s,
                                   u"unban"_s,          u"list_bans"_s,     u"list_audit"_s};
    return types.contains(type);
}

QJsonObject VisitorDataCommands::toJson(const BanRecord &ban, qint64 at)
{
    return QJsonObject{
        {u"id"_s, double(ban.id)},
        {u"kind"_s, Frontdesk::toString(ban.kind)},
        {u"value"_s, ban.value},
        {u"reason"_s, ban.reason},
        {u"createdBy"_s, ban.createdBy},
        {u"createdAt"_s, double(ban.createdAt)},
        {u"expiresAt"_s, timeOrNull(ban.expiresAt)},
        {u"active"_s, ban.expiresAt == 0 || ban.expiresAt > at},
    };
}

QJsonObject VisitorDataCommands::toJson(const AuditEntry &entry)
{
    return QJsonObject{
        {u"id"_s, double(entry.id)},
        {u"at"_s, double(entry.at)},
        {u"agentId"_s, entry.agentId > 0 ? QJsonValue(double(entry.agentId)) : QJsonValue(QJsonValue::Null)},
        {u"agentEmail"_s, entry.agentEmail},
        {u"action"_s, entry.action},
        {u"target"_s, entry.target},
        {u"detail"_s, entry.detail},
    };
}

void VisitorDataCommands::handle(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    // All of them: visitors' data and bans are for admins, and so is who did what.
    if (agent.role != AgentRole::Admin) {
        static const QHash<QString, QString> actions{{u"export_visitor"_s, u"export a visitor's data"_s},
                                                     {u"erase_visitor"_s, u"erase a visitor's data"_s},
                                                     {u"ban"_s, u"ban visitors"_s},
                                                     {u"unban"_s, u"lift bans"_s},
                                                     {u"list_bans"_s, u"see the bans"_s},
                                                     {u"list_audit"_s, u"read the audit log"_s}};
        answer(ProtocolError::make(ErrorCode::Forbidden, u"Only an admin may %1."_s.arg(actions.value(message.type))));
        return;
    }
    const QString &type = message.type;
    if (type == u"export_visitor")
        exportVisitor(agent, message, answer);
    else if (type == u"erase_visitor")
        eraseVisitor(agent, message, answer);
    else if (type == u"ban")
        ban(agent, message, answer);
    else if (type == u"unban")
        unban(agent, message, answer);
    else if (type == u"list_bans")
        listBans(answer);
    else
        listAudit(message, answer);
}

void VisitorDataCommands::exportVisitor(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    QString visitorId;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"visitorId"_s, maxVisitorIdChars), &visitorId, &error))
        return answer(error);
    ChatService *chat = m_chat;
    const AuditEntry audit = AuditTrail::entry(agent, u"export_visitor"_s, visitorId);
    continueWith(chat->store()->exportVisitor(visitorId, audit), chat,
                 [chat, agent, visitorId, answer](const StoreResult<VisitorExport> &exported) {
                     if (exported.error == StoreError::NotFound)
                         return answer(noVisitor(visitorId));
                     if (!exported.ok())
                         return answer(ChatService::storeError(exported.error, exported.message));
                     const VisitorExport &data = exported.value;
                     QJsonArray pages;
                     for (const PageView &view : data.pages)
                         pages.append(WireCodec::toJson(view));
                     QJsonArray conversations;
                     for (const ConversationTranscript &transcript : data.conversations) {
                         QJsonObject conversation = WireCodec::toJson(transcript.conversation);
                         QJsonArray messages;
                         for (const MessageRecord &record : transcript.messages)
                             messages.append(WireCodec::toJson(record));
                         conversation.insert(u"messages"_s, messages);
                         conversations.append(conversation);
                     }
                     const qint64 at = now();
                     QJsonArray bans;
                     for (const BanRecord &ban : data.bans)
                         bans.append(toJson(ban, at));
                     qCInfo(lcVisitorData) << "admin" << agent.email << "exported visitor" << visitorId << ":"
                                           << data.conversations.size() << "conversations";
                     answer(QJsonObject{{u"visitor"_s, WireCodec::toJson(data.visitor, chat->isVisitorOnline(visitorId))},
                                        {u"pages"_s, pages},
                                        {u"conversations"_s, conversations},
                                        {u"bans"_s, bans},
                                        {u"exportedAt"_s, double(at)}});
                 });
}

void VisitorDataCommands::eraseVisitor(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    QString visitorId;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"visitorId"_s, maxVisitorIdChars), &visitorId, &error))
        return answer(error);
    ChatService *chat = m_chat;
    const AuditEntry audit = AuditTrail::entry(agent, u"erase_visitor"_s, visitorId);
    continueWith(chat->store()->eraseVisitor(visitorId, audit), chat,
                 [chat, agent, visitorId, answer](const StoreResult<VisitorErasure> &erased) {
                     if (erased.error == StoreError::NotFound)
                         return answer(noVisitor(visitorId));
                     if (!erased.ok())
                         return answer(ChatService::storeError(erased.error, erased.message));
                     qCInfo(lcVisitorData) << "admin" << agent.email << "erased visitor" << visitorId << ":"
                                           << erased.value.conversationIds.size() << "conversations," << erased.value.messages
                                           << "messages," << erased.value.pageViews << "page views";
                     chat->forgetVisitor(erased.value);
                     QJsonArray conversationIds;
                     for (const qint64 id : erased.value.conversationIds)
                         conversationIds.append(double(id));
                     answer(QJsonObject{{u"visitorId"_s, visitorId}, {u"conversationIds"_s, conversationIds}});
                 });
}

void VisitorDataCommands::ban(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    QString kindText, value, reason;
    qint64 expiresAt = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"kind"_s, 16), &kindText, &error)
        || !take(WireCodec::requiredString(message.object, u"value"_s, maxBanValueChars), &value, &error)
        || !take(WireCodec::optionalString(message.object, u"reason"_s, maxBanReasonChars), &reason, &error)
        || !take(WireCodec::optionalId(message.object, u"expiresAt"_s, 0), &expiresAt, &error))
        return answer(error);
    const auto kind = banKindFromString(kindText);
    if (!kind)
        return answer(ProtocolError::make(ErrorCode::InvalidField, u"The kind is \"visitor\" or \"address\"."_s));
    BanRecord ban;
    ban.kind = *kind;
    ban.value = value.trimmed();
    if (ban.kind == BanKind::Address) {
        const auto range = BanList::canonicalRange(value);
        if (!range)
            return answer(ProtocolError::make(
                ErrorCode::InvalidField,
                u"\"%1\" is not an IP address or a CIDR range such as 203.0.113.0/24."_s.arg(WireCodec::loggable(value))));
        ban.value = *range;
    }
    if (expiresAt > 0 && expiresAt <= now())
        return answer(ProtocolError::make(ErrorCode::InvalidField, u"The field \"expiresAt\" is in the past."_s));
    ban.reason = reason.trimmed();
    ban.createdBy = agent.email;
    ban.createdAt = now();
    ban.expiresAt = expiresAt;
    const QString detail
        = (u"%1 %2"_s.arg(Frontdesk::toString(ban.kind), ban.value) + (ban.reason.isEmpty() ? QString() : u": "_s + ban.reason));
    ChatService *chat = m_chat;
    continueWith(chat->store()->createBan(ban, AuditTrail::entry(agent, u"ban"_s, {}, detail)), chat,
                 [chat, agent, answer](const StoreResult<BanRecord> &stored) {
                     if (!stored.ok())
                         return answer(ChatService::storeError(stored.error, stored.message));
                     qCInfo(lcVisitorData).noquote()
                         << "admin" << agent.email << "banned" << Frontdesk::toString(stored.value.kind) << stored.value.value
                         << "as ban" << stored.value.id;
                     const int closed = chat->applyBan(stored.value);
                     answer(QJsonObject{{u"ban"_s, toJson(stored.value, now())}, {u"closedConnections"_s, closed}});
                 });
}

void VisitorDataCommands::unban(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    qint64 banId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"banId"_s), &banId, &error))
        return answer(error);
    ChatService *chat = m_chat;
    continueWith(chat->store()->deleteBan(banId, AuditTrail::entry(agent, u"unban"_s, u"ban %1"_s.arg(banId))), chat,
                 [chat, agent, banId, answer](const StoreResult<BanRecord> &deleted) {
                     if (deleted.error == StoreError::NotFound)
                         return answer(ProtocolError::make(ErrorCode::NotFound, u"There is no ban %1."_s.arg(banId)));
                     if (!deleted.ok())
                         return answer(ChatService::storeError(deleted.error, deleted.message));
                     qCInfo(lcVisitorData) << "admin" << agent.email << "lifted ban" << banId;
                     chat->liftBan(banId);
                     answer(QJsonObject{{u"ban"_s, toJson(deleted.value, now())}});
                 });
}

void VisitorDataCommands::listBans(const Answer &answer)
{
    continueWith(m_chat->store()->listBans(), m_chat, [answer](const StoreResult<QList<BanRecord>> &listed) {
        if (!listed.ok())
            return answer(ChatService::storeError(listed.error, listed.message));
        const qint64 at = now();
        QJsonArray bans;
        for (const BanRecord &ban : listed.value)
            bans.append(toJson(ban, at));
        answer(QJsonObject{{u"bans"_s, bans}});
    });
}

void VisitorDataCommands::listAudit(const WireMessage &message, const Answer &answer)
{
    qint64 before = 0;
    qint64 limit = 50;
    ProtocolError error;
    if (!take(WireCodec::optionalId(message.object, u"before"_s, 0), &before, &error)
        || !take(WireCodec::optionalId(message.object, u"limit"_s, 50), &limit, &error))
        return answer(error);
    if (limit < 1 || limit > WireLimits::maxHistoryPage)
        return answer(ProtocolError::make(ErrorCode::InvalidField,
                                          u"The field \"limit\" must be between 1 and %1."_s.arg(WireLimits::maxHistoryPage)));
    continueWith(m_chat->store()->listAudit(before, int(limit)), m_chat, [answer](const StoreResult<QList<AuditEntry>> &listed) {
        if (!listed.ok())
            return answer(ChatService::storeError(listed.error, listed.message));
        QJsonArray entries;
        for (const AuditEntry &entry : listed.value)
            entries.append(toJson(entry));
        answer(QJsonObject{{u"entries"_s, entries}});
    });
}

} // namespace Frontdesk
