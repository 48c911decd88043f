#include "secretstore.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QEventLoop>
#include <QtCore/QPromise>
#include <QtCore/QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

enum class Operation { Read, Write, Remove };

QString describeFailure(Operation operation, const QString &service, const QString &key, const QString &reason)
{
    QString action;
    switch (operation) {
    case Operation::Read:
        action = u"read"_s;
        break;
    case Operation::Write:
        action = u"store"_s;
        break;
    case Operation::Remove:
        action = u"delete"_s;
        break;
    }
    return u"Could not %1 the secret \"%2\" (service \"%3\") in the system keyring: %4"_s.arg(
        action, key, service, reason.isEmpty() ? u"no reason given"_s : reason);
}

/// Turns a finished job into a result. EntryNotFound is an answer, not a
/// failure: "no saved password yet" is the normal first-run case.
SecretResult resultOf(Operation operation, const QString &service, const QKeychain::Job &job)
{
    SecretResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        // libsecret reports a successful delete whether or not there was
        // anything to delete, so "found" would be a guess for remove.
        result.found = operation != Operation::Remove;
        if (operation == Operation::Read)
            result.value = static_cast<const QKeychain::ReadPasswordJob &>(job).textData();
        break;
    case QKeychain::EntryNotFound:
        result.found = false;
        break;
    default:
        result.error = describeFailure(operation, service, job.key(), job.errorString());
        break;
    }
    return result;
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent) : QObject(parent), m_service(service) { }

SecretStore::~SecretStore() = default;

QString SecretStore::defaultServiceName()
{
    return u"frontdesk"_s;
}

QString SecretStore::service() const
{
    return m_service;
}

namespace {

/// Starts @p job and returns a future that resolves when it finishes.
/// Jobs are deliberately not children of the store: QtKeychain hands a raw
/// pointer to the job to libsecret's asynchronous callback and cannot cancel
/// it, so deleting a job mid-flight would be a use-after-free. An unparented,
/// auto-deleting job always runs to completion (a write started just before
/// the window closes is still stored) and then deletes itself.
QFuture<SecretResult> runJob(QKeychain::Job *job, Operation operation, const QString &service)
{
    auto promise = std::make_shared<QPromise<SecretResult>>();
    QFuture<SecretResult> future = promise->future();
    promise->start();
    // The keyring backends (libsecret, KWallet) may prompt or fail; a
    // plaintext file in the settings folder is never an acceptable fallback.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, operation, service](QKeychain::Job *finished) {
        promise->addResult(resultOf(operation, service, *finished));
        promise->finish();
    });
    job->start();
    return future;
}

} // namespace

QFuture<SecretResult> SecretStore::read(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    return runJob(job, Operation::Read, m_service);
}

QFuture<SecretResult> SecretStore::write(const QString &key, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(value);
    return runJob(job, Operation::Write, m_service);
}

QFuture<SecretResult> SecretStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    return runJob(job, Operation::Remove, m_service);
}

SecretResult SecretStore::readBlocking(const QString &service, const QString &key, int timeoutMs)
{
    if (!QCoreApplication::instance()) {
        // Without an application object the event loop below cannot run, and
        // the failure would masquerade as a keyring timeout.
        SecretResult result;
        result.error
            = describeFailure(Operation::Read, service, key, u"the application is not initialised yet (no QCoreApplication)"_s);
        return result;
    }
    // Unparented and auto-deleting, as in runJob(): if the keyring does not
    // answer in time we return, and the job deletes itself whenever it does.
    auto *job = new QKeychain::ReadPasswordJob(service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);

    QEventLoop loop;
    SecretResult result;
    bool done = false;
    // The loop is the context: once this function returns, the connection is
    // gone and a late answer cannot write to the destroyed locals.
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *finished) {
        result = resultOf(Operation::Read, service, *finished);
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!done)
        loop.exec();
    if (!done) {
        result.error
            = describeFailure(Operation::Read, service, key, u"the keyring did not answer within %1 ms"_s.arg(timeoutMs));
    }
    return result;
}

QString SecretStore::keyForDatabasePassword(const QString &displayUrl)
{
    return u"database-password:"_s + displayUrl;
}

QString SecretStore::keyForSmtpPassword(const QString &smtpUrl, const QString &user)
{
    return u"smtp-password:"_s + user + u' ' + smtpUrl;
}

QString SecretStore::keyForAgentToken(const QString &serverUrl, const QString &email)
{
    // A space separates the parts: it can occur in neither a URL nor an
    // unquoted address. Addresses are compared case-insensitively in
    // practice, so "Alice@…" and "alice@…" share one entry.
    return u"agent-token:"_s % serverUrl % u' ' % email.trimmed().toLower();
}

} // namespace Frontdesk
