#include "agentaccounts.h"

#include "auth/passwordhasher.h"
#include "store/store.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Frontdesk {

void AgentAccounts::create(Store *store, const QString &email, const QString &name, const QString &password, AgentRole role,
                           QObject *context, Created done)
{
    const QString address = email.trimmed().toLower();
    const QString problem = PasswordHasher::validatePassword(password);
    if (!problem.isEmpty()) {
        done(false, problem, {});
        return;
    }
    const qsizetype at = address.indexOf(u'@');
    if (at <= 0 || at == address.size() - 1 || address.contains(u' ') || address.size() > 254) {
        done(false, u"\"%1\" is not an email address."_s.arg(email), {});
        return;
    }
    auto hashed = PasswordHasher::hash(password).then(context, [=](const QByteArray &hash) {
        if (hash.isEmpty()) {
            done(false, u"Could not hash the password (out of memory?)."_s, {});
            return;
        }
        AgentRecord agent;
        agent.email = address;
        agent.name = name.trimmed().isEmpty() ? address.section(u'@', 0, 0) : name.trimmed();
        agent.role = role;
        agent.passwordHash = hash;
        agent.createdAt = QDateTime::currentMSecsSinceEpoch();
        auto stored = store->createAgent(agent).then(context, [=](const StoreResult<AgentRecord> &created) {
            if (created.error == StoreError::Conflict)
                done(false, u"An agent with the email %1 exists already."_s.arg(agent.email), {});
            else if (!created.ok())
                done(false, u"Could not create the agent: %1"_s.arg(created.message), {});
            else
                done(true, u"Created agent %1 (%2)."_s.arg(created.value.email, toString(created.value.role)), created.value);
        });
        Q_UNUSED(stored);
    });
    Q_UNUSED(hashed);
}

void AgentAccounts::setPassword(Store *store, qint64 agentId, const QString &password, QObject *context,
                                std::function<void(bool, const QString &)> done)
{
    const QString problem = PasswordHasher::validatePassword(password);
    if (!problem.isEmpty()) {
        done(false, problem);
        return;
    }
    auto hashed = PasswordHasher::hash(password).then(context, [=](const QByteArray &hash) {
        if (hash.isEmpty()) {
            done(false, u"Could not hash the password (out of memory?)."_s);
            return;
        }
        auto stored = store->setAgentPassword(agentId, hash).then(context, [=](const StoreResult<Done> &result) {
            if (result.error == StoreError::NotFound)
                done(false, u"There is no agent %1."_s.arg(agentId));
            else if (!result.ok())
                done(false, u"Could not set the password: %1"_s.arg(result.message));
            else
                done(true, u"Password changed."_s);
        });
        Q_UNUSED(stored);
    });
    Q_UNUSED(hashed);
}

} // namespace Frontdesk
