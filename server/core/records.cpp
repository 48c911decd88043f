#include "records.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

// These spellings are stored in the database: changing one needs a migration.

QString toString(MailRecipientKind kind)
{
    return kind == MailRecipientKind::Visitor ? u"visitor"_s : u"team"_s;
}

MailRecipientKind mailRecipientKindFromString(const QString &text)
{
    return text == u"visitor"_s ? MailRecipientKind::Visitor : MailRecipientKind::Team;
}

QString toString(ConversationStatus status)
{
    switch (status) {
    case ConversationStatus::Waiting:
        return u"waiting"_s;
    case ConversationStatus::Active:
        return u"active"_s;
    case ConversationStatus::Closed:
        return u"closed"_s;
    }
    return u"waiting"_s;
}

ConversationStatus conversationStatusFromString(const QString &text)
{
    if (text == u"active"_s)
        return ConversationStatus::Active;
    if (text == u"closed"_s)
        return ConversationStatus::Closed;
    return ConversationStatus::Waiting;
}

QString toString(AuthorKind kind)
{
    switch (kind) {
    case AuthorKind::Visitor:
        return u"visitor"_s;
    case AuthorKind::Agent:
        return u"agent"_s;
    case AuthorKind::System:
        return u"system"_s;
    }
    return u"system"_s;
}

AuthorKind authorKindFromString(const QString &text)
{
    if (text == u"visitor"_s)
        return AuthorKind::Visitor;
    if (text == u"agent"_s)
        return AuthorKind::Agent;
    return AuthorKind::System;
}

QString toString(AgentRole role)
{
    switch (role) {
    case AgentRole::Agent:
        return u"agent"_s;
    case AgentRole::Admin:
        return u"admin"_s;
    }
    return u"agent"_s;
}

AgentRole agentRoleFromString(const QString &text)
{
    // Unknown text gets the smaller set of rights.
    return text == u"admin"_s ? AgentRole::Admin : AgentRole::Agent;
}

QString toString(BanKind kind)
{
    return kind == BanKind::Address ? u"address"_s : u"visitor"_s;
}

std::optional<BanKind> banKindFromString(const QString &text)
{
    if (text == u"visitor"_s)
        return BanKind::Visitor;
    if (text == u"address"_s)
        return BanKind::Address;
    return std::nullopt;
}

QString toString(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Online:
        return u"online"_s;
    case AgentStatus::Away:
        return u"away"_s;
    case AgentStatus::Offline:
        break;
    }
    return u"offline"_s;
}

std::optional<AgentStatus> settableAgentStatusFromString(const QString &text)
{
    if (text == u"online"_s)
        return AgentStatus::Online;
    if (text == u"away"_s)
        return AgentStatus::Away;
    return std::nullopt;
}

QString toString(SessionEnd why)
{
    switch (why) {
    case SessionEnd::LoggedOut:
        return u"logged_out"_s;
    case SessionEnd::EndedByAgent:
        return u"ended"_s;
    case SessionEnd::PasswordChanged:
        return u"password_changed"_s;
    case SessionEnd::PasswordReset:
        return u"password_reset"_s;
    case SessionEnd::Disabled:
        return u"disabled"_s;
    case SessionEnd::Deleted:
        return u"deleted"_s;
    }
    return u"ended"_s;
}

} // namespace Frontdesk
