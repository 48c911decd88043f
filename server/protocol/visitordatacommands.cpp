#include "visitordatacommands.h"

#include "chat/banlist.h"
#include "chat/chatservices.h"
#include "protocol/commandanswer.h"
#include "protocol/sitecommands.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

constexpr int maxVisitorIdChars = 64;
constexpr int maxBanValueChars = 64;
constexpr int maxBanReasonChars = 500;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonArray bansJson(const QList<BanRecord> &bans)
{
    const qint64 at = now();
    QJsonArray list;
    for (const BanRecord &ban : bans)
        list.append(WireCodec::toJson(ban, at));
    return list;
}

} // namespace

VisitorDataCommands::VisitorDataCommands(ChatServices *chat) : m_chat(chat) { }

const QHash<QString, VisitorDataCommands::Command> &VisitorDataCommands::commands()
{
    static const QHash<QString, Command> table{
        {u"export_visitor"_s, {&VisitorDataCommands::exportVisitor, u"export a visitor's data"_s}},
        {u"erase_visitor"_s, {&VisitorDataCommands::eraseVisitor, u"erase a visitor's data"_s}},
        {u"ban"_s, {&VisitorDataCommands::ban, u"ban visitors"_s}},
        {u"unban"_s, {&VisitorDataCommands::unban, u"lift bans"_s}},
        {u"list_bans"_s, {&VisitorDataCommands::listBans, u"see the bans"_s}},
        {u"list_audit"_s, {&VisitorDataCommands::listAudit, u"read the audit log"_s}},
    };
    return table;
}

bool VisitorDataCommands::handles(const QString &type)
{
    return commands().contains(type);
}

void VisitorDataCommands::handle(const AgentRecord &agent, const WireMessage &message, const Answer &answer)
{
    const Command command = commands().value(message.type);
    if (!command.run)
        return answer(ProtocolError::make(ErrorCode::UnknownType));
    // All of them: visitors' data and bans are for admins, and so is who did what.
    if (agent.role != AgentRole::Admin)
        return answer(ProtocolError::make(ErrorCode::Forbidden, u"Only an admin may %1."_s.arg(command.action)));
    (this->*command.run)(agent, message, answer);
}

void VisitorDataCommands::exportVisitor(const AgentRecord &admin, const WireMessage &message, const Answer &answer)
{
    QString visitorId;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"visitorId"_s, maxVisitorIdChars), &visitorId, &error))
        return answer(error);
    const PresenceService *presence = m_chat->presence();
    m_chat->moderation()->exportVisitor(
        admin, visitorId, answerWith<VisitorExport>(answer, [presence, visitorId](const VisitorExport &data) {
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
            return QJsonObject{{u"visitor"_s, WireCodec::toJson(data.visitor, presence->isVisitorOnline(visitorId))},
                               {u"pages"_s, pages},
                               {u"conversations"_s, conversations},
                               {u"bans"_s, bansJson(data.bans)},
                               {u"exportedAt"_s, double(now())}};
        }));
}

void VisitorDataCommands::eraseVisitor(const AgentRecord &admin, const WireMessage &message, const Answer &answer)
{
    QString visitorId;
    ProtocolError error;
    if (!take(WireCodec::requiredString(message.object, u"visitorId"_s, maxVisitorIdChars), &visitorId, &error))
        return answer(error);
    m_chat->moderation()->eraseVisitor(
        admin, visitorId, answerWith<VisitorErasure>(answer, [visitorId](const VisitorErasure &erased) {
            QJsonArray conversationIds;
            for (const qint64 id : erased.conversationIds)
                conversationIds.append(double(id));
            return QJsonObject{{u"visitorId"_s, visitorId}, {u"conversationIds"_s, conversationIds}};
        }));
}

void VisitorDataCommands::ban(const AgentRecord &admin, const WireMessage &message, const Answer &answer)
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
    // Without "siteId" a ban covers every site, as before there were several;
    // with one, only that site's widget refuses the visitor or address.
    const QJsonValue givenSite = message.object.value(u"siteId"_s);
    if (!givenSite.isUndefined() && !givenSite.isNull()) {
        const auto site = SiteCommands::siteOf(*m_chat->sites(), message.object);
        if (auto *refused = std::get_if<ProtocolError>(&site))
            return answer(*refused);
        ban.siteId = std::get<SiteRecord>(site).id;
    }
    ban.reason = reason.trimmed();
    ban.createdBy = admin.email;
    ban.createdAt = now();
    ban.expiresAt = expiresAt;
    m_chat->moderation()->ban(admin, ban, answerWith<BanApplied>(answer, [](const BanApplied &applied) {
                                  return QJsonObject{{u"ban"_s, WireCodec::toJson(applied.ban, now())},
                                                     {u"closedConnections"_s, applied.closedConnections}};
                              }));
}

void VisitorDataCommands::unban(const AgentRecord &admin, const WireMessage &message, const Answer &answer)
{
    qint64 banId = 0;
    ProtocolError error;
    if (!take(WireCodec::requiredId(message.object, u"banId"_s), &banId, &error))
        return answer(error);
    m_chat->moderation()->unban(admin, banId, answerWith<BanRecord>(answer, [](const BanRecord &lifted) {
                                    return QJsonObject{{u"ban"_s, WireCodec::toJson(lifted, now())}};
                                }));
}

void VisitorDataCommands::listBans(const AgentRecord &, const WireMessage &, const Answer &answer)
{
    m_chat->moderation()->listBans(answerWith<QList<BanRecord>>(answer, [](const QList<BanRecord> &bans) {
        return QJsonObject{{u"bans"_s, bansJson(bans)}};
    }));
}

void VisitorDataCommands::listAudit(const AgentRecord &, const WireMessage &message, const Answer &answer)
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
    m_chat->moderation()->listAudit(before, int(limit), answerWith<QList<AuditEntry>>(answer, [](const QList<AuditEntry> &found) {
                                        QJsonArray entries;
                                        for (const AuditEntry &entry : found)
                                            entries.append(WireCodec::toJson(entry));
                                        return QJsonObject{{u"entries"_s, entries}};
                                    }));
}

} // namespace Frontdesk
