#pragma once

#include <QFuture>
#include <QList>
#include <QLockFile>
#include <QMetaType>
#include <QString>
#include <QThreadPool>
#include <QUrl>

#include <memory>

namespace Frontdesk {

/// @brief A reply the agent wrote that the server has not acknowledged yet, or has refused for good.
struct PendingReply {
    int conversationId = 0;
    QString clientId;
    QString body;
    qint64 queuedAt = 0;
    QString error; ///< why the server refused it for good (a sentence); empty while it is still being sent
    [[nodiscard]] bool failed() const { return !error.isEmpty(); }
};

/**
 * @brief The file that keeps one agent's unacknowledged and refused replies to
 * one server, so a console that is killed resends them after the restart.
 *
 * One file per server URL and agent id, in a folder of the console's data
 * location, holding only the replies (conversation, client id, body, time,
 * refusal): no token, nothing else. Every save replaces the whole file
 * atomically (QSaveFile) on a writer thread of its own, in the order the saves
 * were asked for, so the GUI thread never waits for the disk and the last save
 * wins. A lock file keeps a second console of the same agent from overwriting
 * the first one's outbox; a lock left by a killed console is taken over.
 *
 * A file that cannot be read, or that belongs to another installation of the
 * server (a different site key at the same URL, whose conversation ids mean
 * other visitors), is renamed aside with a log line; the valid entries of a
 * partly damaged file are kept.
 */
class ReplyOutbox
{
public:
    /// The largest file read back: an outbox is a few replies, never megabytes.
    static constexpr qint64 maxFileBytes = 8 * 1024 * 1024;

    explicit ReplyOutbox(const QString &folder);
    /// Waits for the saves still queued, then releases the lock.
    ~ReplyOutbox();
    ReplyOutbox(const ReplyOutbox &) = delete;
    ReplyOutbox &operator=(const ReplyOutbox &) = delete;

    /// Takes the file for @p server and @p agentId; false (with a log line) when
    /// another console holds it or the folder cannot be written.
    [[nodiscard]] bool open(const QUrl &server, int agentId, const QString &siteKey);
    /// Waits for queued saves and releases the file (what it holds stays on disk).
    void close();
    [[nodiscard]] bool isOpen() const { return m_lock != nullptr; }
    [[nodiscard]] QString filePath() const { return m_path; }

    /// The replies kept in the open file; a damaged file is set aside first.
    /// Reads at most maxFileBytes once per sign-in, before anything is sent.
    [[nodiscard]] QList<PendingReply> load();
    /// Replaces the file's replies with @p replies on the writer thread; the
    /// future tells whether they reached the disk.
    QFuture<bool> save(const QList<PendingReply> &replies);

    /// The file name for @p server and @p agentId (a hash: URLs hold characters file names must not).
    [[nodiscard]] static QString fileName(const QUrl &server, int agentId);
    /// The file's bytes for @p replies of @p agentId on @p server of installation @p siteKey.
    [[nodiscard]] static QByteArray encode(const QUrl &server, int agentId, const QString &siteKey,
                                           const QList<PendingReply> &replies);

private:
    void setAside(const QString &why);

    QString m_folder;
    QString m_path;
    QUrl m_server;
    int m_agentId = 0;
    QString m_siteKey;
    std::unique_ptr<QLockFile> m_lock;
    QThreadPool m_writer; ///< one thread: saves reach the disk in the order they were asked for
};

} // namespace Frontdesk

Q_DECLARE_METATYPE(Frontdesk::PendingReply)
