#pragma once

#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtCore/QString>

namespace Frontdesk {

/// @brief The outcome of one keyring operation.
struct SecretResult {
    QString value; ///< the secret, for a successful read that found one
    bool found = false; ///< read: whether the entry exists; write: true; remove: always false (not every backend says)
    QString error; ///< empty on success, else a sentence naming the key and the keyring's reason
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/**
 * @brief Passwords and tokens in the desktop's keyring (Secret Service,
 * KWallet, macOS Keychain, Windows Credential Store, via QtKeychain), never
 * in settings files.
 *
 * Each operation returns a QFuture that resolves on this object's thread when
 * the keyring answers; nothing blocks, because the keyring may first ask the
 * user to unlock it. A missing entry is not an error: it resolves with
 * found = false. Entries live under one service name ("frontdesk"); tests pass
 * their own so they never touch real entries.
 *
 * The object must live on a thread with a running event loop. Operations
 * already started run to completion and resolve their futures even if the
 * store is destroyed meanwhile.
 */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    // Declared first so SecretStore::SecretResult and Frontdesk::SecretResult
    // name the same type everywhere in the class.
    using SecretResult = Frontdesk::SecretResult;

    explicit SecretStore(const QString &service = defaultServiceName(), QObject *parent = nullptr);
    ~SecretStore() override;

    [[nodiscard]] static QString defaultServiceName();
    [[nodiscard]] QString service() const;

    [[nodiscard]] QFuture<SecretResult> read(const QString &key);
    /// Creates or replaces the entry. The result has found = true.
    [[nodiscard]] QFuture<SecretResult> write(const QString &key, const QString &value);
    /// Deletes the entry; removing one that does not exist succeeds.
    [[nodiscard]] QFuture<SecretResult> remove(const QString &key);

    /// Reads one entry synchronously, spinning a local event loop, for the
    /// headless start-up path before anything else runs (needs a
    /// QCoreApplication). A keyring that does not answer within @p timeoutMs
    /// is reported as an error; it must not hang a service's start forever.
    [[nodiscard]] static SecretResult readBlocking(const QString &service, const QString &key, int timeoutMs = 5000);

    /// The key of a database password: "database-password:" + the database
    /// URL as shown to the user (without the password).
    [[nodiscard]] static QString keyForDatabasePassword(const QString &displayUrl);
    /// The key of an SMTP password: "smtp-password:" + the user, a space and
    /// the SMTP URL (smtp://HOST:PORT), so each server and user has its own.
    [[nodiscard]] static QString keyForSmtpPassword(const QString &smtpUrl, const QString &user);
    /// The key of an agent's sign-in token for one server, so one desktop can
    /// keep sessions on several servers and for several agents.
    [[nodiscard]] static QString keyForAgentToken(const QString &serverUrl, const QString &email);

private:
    QString m_service;
};

} // namespace Frontdesk
