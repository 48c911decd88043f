#include "agentauthservice.h"

#include "auth/passwordhasher.h"
#include "auth/tokens.h"
#include "core/continuewith.h"
#include "protocol/wirecodec.h"
#include "ratelimit/addresskey.h"
#include "store/store.h"

#include <QDateTime>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcChat)

namespace Frontdesk {

namespace {

constexpr qint64 agentTokenLifetimeMs = 30LL * 24 * 3600 * 1000;
constexpr qint64 endedSessionMemoryMs = 5 * 60 * 1000;
constexpr int maxSessionUserAgentChars = 300;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString tooManyAttempts(qint64 retryAfterMs)
{
    const qint64 seconds = (retryAfterMs + 999) / 1000;
    if (seconds < 120)
        return u"Too many wrong passwords; try again in %1 seconds."_s.arg(seconds);
    return u"Too many wrong passwords; try again in %1 minutes."_s.arg((seconds + 59) / 60);
}

LoginSession newSession(const AgentRecord &agent, const ClientContext &context)
{
    LoginSession session;
    session.id = Tokens::newSessionId();
    session.agentId = agent.id;
    session.createdAt = now();
    session.lastUsedAt = session.createdAt;
    session.expiresAt = session.createdAt + agentTokenLifetimeMs;
    session.userAgent = context.userAgent.left(maxSessionUserAgentChars);
    session.address = context.address.toString();
    return session;
}

} // namespace

AgentAuthService::AgentAuthService(AgentStore *agents, DomainEventBus *events, const AbuseLimits &limits, QObject *parent)
    : QObject(parent), m_agents(agents), m_events(events), m_loginThrottle(limits)
{ }

void AgentAuthService::login(const QString &email, const QString &password, const ClientContext &context,
                             ChatCallback<AgentLogin> done)
{
    const QString account = email.trimmed().toLower();
    const LoginThrottle::Verdict verdict = m_loginThrottle.begin(context.address, account, now());
    if (!verdict.allowed) {
        qCInfo(lcChat).noquote() << "login for" << WireCodec::loggable(account) << "from" << AddressKey::text(context.address)
                                 << "refused:" << (verdict.banned ? "the address is banned" : "too many failed logins") << "for"
                                 << (verdict.retryAfterMs + 999) / 1000 << "s";
        done(ProtocolError::rateLimited(verdict.retryAfterMs, tooManyAttempts(verdict.retryAfterMs)));
        return;
    }
    const auto refuse = [done, account] {
        qCInfo(lcChat).noquote() << "login refused for" << WireCodec::loggable(account);
        done(ProtocolError::make(ErrorCode::InvalidCredentials));
    };
    continueWith(m_agents->agentByEmail(account), this,
                 [this, password, context, account, done, refuse](const StoreResult<AgentRecord> &found) {
                     if (found.error == StoreError::NotFound || (found.ok() && found.value.disabled)) {
                         // Hash anyway, so an unknown email takes as long as a wrong password.
                         continueWith(PasswordHasher::hash(password), this, [refuse](const QByteArray &) { refuse(); });
                         return;
                     }
                     if (!found.ok()) {
                         done(storeError(found.error, found.message));
                         return;
                     }
                     const AgentRecord agent = found.value;
                     continueWith(PasswordHasher::verify(agent.passwordHash, password), this,
                                  [this, agent, context, account, done, refuse](bool ok) {
                                      if (!ok) {
                                          refuse();
                                          return;
                                      }
                                      m_loginThrottle.succeeded(context.address, account, now());
                                      const LoginSession session = newSession(agent, context);
                                      const QString token = Tokens::generate();
                                      continueWith(m_agents->createAgentToken(session, Tokens::hash(token)), this,
                                                   [agent, session, token, done](const StoreResult<Done> &stored) {
                                                       if (!stored.ok()) {
                                                           done(storeError(stored.error, stored.message));
                                                           return;
                                                       }
                                                       qCInfo(lcChat)
                                                           << "agent" << agent.email << "logged in, session" << session.id;
                                                       done(AgentLogin{agent, session, token});
                                                   });
                                  });
                 });
}

void AgentAuthService::verifyPassword(const AgentRecord &agent, const QString &password, const ClientContext &context,
                                      ChatCallback<bool> done)
{
    const LoginThrottle::Verdict verdict = m_loginThrottle.begin(context.address, agent.email, now());
    if (!verdict.allowed) {
        qCInfo(lcChat) << "password check for" << agent.email << "refused: too many wrong passwords";
        done(ProtocolError::rateLimited(verdict.retryAfterMs, tooManyAttempts(verdict.retryAfterMs)));
        return;
    }
    // The stored hash, not the one read at login: it may have changed since.
    continueWith(
        m_agents->agentById(agent.id), this, [this, password, context, agent, done](const StoreResult<AgentRecord> &stored) {
            if (!stored.ok()) {
                done(storeError(stored.error, stored.message));
                return;
            }
            continueWith(PasswordHasher::verify(stored.value.passwordHash, password), this,
                         [this, context, agent, done](bool ok) {
                             if (!ok) {
                                 done(ProtocolError::make(ErrorCode::InvalidCredentials, u"The current password is wrong."_s));
                                 return;
                             }
                             m_loginThrottle.succeeded(context.address, agent.email, now());
                             done(true);
                         });
        });
}

void AgentAuthService::authenticate(const QString &token, ChatCallback<AgentAuthentication> done)
{
    continueWith(
        m_agents->agentByTokenHash(Tokens::hash(token), now()), this, [done](const StoreResult<AgentAuthentication> &result) {
            if (result.error == StoreError::NotFound) {
                done(ProtocolError::make(ErrorCode::InvalidToken, u"The agent token is unknown or has expired; log in again."_s));
                return;
            }
            done(outcomeOf(result));
        });
}

void AgentAuthService::logout(const QString &token, ChatCallback<LoginSession> done)
{
    continueWith(m_agents->deleteAgentToken(Tokens::hash(token)), this, [this, done](const StoreResult<LoginSession> &result) {
        if (!result.ok()) {
            done(storeError(result.error, result.message));
            return;
        }
        endSessions({result.value.id}, SessionEnd::LoggedOut);
        done(result.value);
    });
}

void AgentAuthService::sessions(const AgentRecord &agent, ChatCallback<QList<LoginSession>> done)
{
    continueWith(m_agents->agentSessions(agent.id, now()), this,
                 [done](const StoreResult<QList<LoginSession>> &result) { done(outcomeOf(result)); });
}

void AgentAuthService::endSession(const AgentRecord &agent, const QString &sessionId, SessionEnd why, ChatCallback<bool> done)
{
    continueWith(
        m_agents->deleteAgentSession(agent.id, sessionId), this,
        [this, agent, sessionId, why, done](const StoreResult<Done> &result) {
            if (result.error == StoreError::NotFound) {
                done(ProtocolError::make(ErrorCode::NotFound, u"You have no session %1."_s.arg(WireCodec::loggable(sessionId))));
                return;
            }
            if (!result.ok()) {
                done(storeError(result.error, result.message));
                return;
            }
            qCInfo(lcChat) << "agent" << agent.email << "ended session" << sessionId;
            endSessions({sessionId}, why);
            done(true);
        });
}

void AgentAuthService::endSessions(const QStringList &sessionIds, SessionEnd why)
{
    if (sessionIds.isEmpty())
        return;
    const qint64 at = now();
    // An authentication reads its token, then the snapshot, then attaches:
    // remember ended sessions long enough to refuse one caught in between.
    for (auto it = m_endedSessions.begin(); it != m_endedSessions.end();)
        it = at - it.value() > endedSessionMemoryMs ? m_endedSessions.erase(it) : std::next(it);
    for (const QString &id : sessionIds)
        m_endedSessions.insert(id, at);
    m_events->publish(Events::SessionsEnded{sessionIds, why});
}

} // namespace Frontdesk
