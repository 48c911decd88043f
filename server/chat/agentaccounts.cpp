#include "agentaccounts.h"

#include "auth/passwordhasher.h"
#include "core/continuewith.h"
#include "protocol/wirecodec.h"
#include "store/store.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

AccountOutcome refused(ErrorCode code, const QString &message)
{
    return AccountOutcome{false, code, message, {}, {}};
}

/// Hashes @p password on the hashing pool, then runs @p store with the hash on @p context's thread.
void withHash(const QString &password, QObject *context, const AgentAccounts::Done &done,
              std::function<void(const QByteArray &)> store)
{
    const QString problem = PasswordHasher::validatePassword(password);
    if (!problem.isEmpty()) {
        done(refused(ErrorCode::InvalidField, problem));
        return;
    }
    continueWith(PasswordHasher::hash(password), context, [done, store](const QByteArray &hash) {
        if (hash.isEmpty())
            done(refused(ErrorCode::StorageFailed, u"Could not hash the password (out of memory?)."_s));
        else
            store(hash);
    });
}

} // namespace

void AgentAccounts::create(AgentStore *agents, const QString &email, const QString &name, const QString &password, AgentRole role,
                           QObject *context, Done done)
{
    const QString address = email.trimmed().toLower();
    if (!WireCodec::isPlausibleEmail(address)) {
        done(refused(ErrorCode::InvalidField, u"\"%1\" is not an email address."_s.arg(email)));
        return;
    }
    withHash(password, context, done, [=](const QByteArray &hash) {
        AgentRecord agent;
        agent.email = address;
        agent.name = name.trimmed().isEmpty() ? address.section(u'@', 0, 0) : name.trimmed();
        agent.role = role;
        agent.passwordHash = hash;
        agent.createdAt = QDateTime::currentMSecsSinceEpoch();
        continueWith(agents->createAgent(agent), context, [=](const StoreResult<AgentRecord> &created) {
            if (created.error == StoreError::Conflict)
                done(refused(ErrorCode::Conflict, u"An agent with the email %1 exists already."_s.arg(agent.email)));
            else if (!created.ok())
                done(refused(ErrorCode::StorageFailed, u"Could not create the agent: %1."_s.arg(created.message)));
            else
                done(AccountOutcome{true,
                                    ErrorCode::InvalidField,
                                    u"Created agent %1 (%2)."_s.arg(created.value.email, toString(created.value.role)),
                                    created.value,
                                    {}});
        });
    });
}

void AgentAccounts::setPassword(AgentStore *agents, qint64 agentId, const QString &password, const QString &keepSessionId,
                                QObject *context, Done done)
{
    withHash(password, context, done, [=](const QByteArray &hash) {
        continueWith(agents->setAgentPassword(agentId, hash, keepSessionId), context,
                     [=](const StoreResult<QStringList> &result) {
                         if (result.error == StoreError::NotFound)
                             done(refused(ErrorCode::NotFound, u"There is no agent %1."_s.arg(agentId)));
                         else if (!result.ok())
                             done(refused(ErrorCode::StorageFailed, u"Could not set the password: %1."_s.arg(result.message)));
                         else
                             done(AccountOutcome{true, ErrorCode::InvalidField, u"Password changed."_s, {}, result.value});
                     });
    });
}

} // namespace Frontdesk
