#include "replyoutbox.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOutbox, "frontdesk.console.outbox")

namespace Frontdesk {

namespace {

const QString formatName = u"frontdesk-reply-outbox"_s;
constexpr int formatVersion = 1;
constexpr int maxClientIdChars = 64; // the server's limit (docs/protocol.md §2)

/// One entry as the file holds it; nullopt for anything a console could not have written.
std::optional<PendingReply> replyFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const QJsonValue conversation = object.value(u"conversationId"_s);
    const QJsonValue clientId = object.value(u"clientId"_s);
    const QJsonValue body = object.value(u"body"_s);
    const QJsonValue queuedAt = object.value(u"queuedAt"_s);
    const QJsonValue error = object.value(u"error"_s);
    const double id = conversation.toDouble(-1);
    if (!conversation.isDouble() || id < 1 || id > std::numeric_limits<int>::max() || id != std::floor(id))
        return std::nullopt;
    if (!clientId.isString() || clientId.toString().trimmed().isEmpty() || clientId.toString().size() > maxClientIdChars)
        return std::nullopt;
    if (!body.isString() || body.toString().trimmed().isEmpty())
        return std::nullopt;
    if (!(queuedAt.isUndefined() || queuedAt.isDouble()) || !(error.isUndefined() || error.isString()))
        return std::nullopt;
    return PendingReply{int(id), clientId.toString(), body.toString(), qint64(queuedAt.toDouble()), error.toString()};
}

} // namespace

ReplyOutbox::ReplyOutbox(const QString &folder) : m_folder(folder)
{
    m_writer.setMaxThreadCount(1);
    m_writer.setObjectName(u"frontdesk-outbox-writer"_s);
}

ReplyOutbox::~ReplyOutbox()
{
    close();
}

QString ReplyOutbox::fileName(const QUrl &server, int agentId)
{
    const QByteArray key
        = server.toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash).toUtf8() + '\n' + QByteArray::number(agentId);
    return u"outbox-"_s + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32))
        + u".json"_s;
}

QByteArray ReplyOutbox::encode(const QUrl &server, int agentId, const QString &siteKey, const QList<PendingReply> &replies)
{
    QJsonArray entries;
    for (const PendingReply &reply : replies) {
        QJsonObject entry{{u"conversationId"_s, reply.conversationId},
                          {u"clientId"_s, reply.clientId},
                          {u"body"_s, reply.body},
                          {u"queuedAt"_s, double(reply.queuedAt)}};
        if (reply.failed())
            entry.insert(u"error"_s, reply.error);
        entries.append(entry);
    }
    return QJsonDocument(QJsonObject{{u"format"_s, formatName},
                                     {u"version"_s, formatVersion},
                                     {u"server"_s, server.toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash)},
                                     {u"agentId"_s, agentId},
                                     {u"siteKey"_s, siteKey},
                                     {u"replies"_s, entries}})
        .toJson(QJsonDocument::Indented);
}

bool ReplyOutbox::open(const QUrl &server, int agentId, const QString &siteKey)
{
    close();
    if (!QDir().mkpath(m_folder)) {
        qCWarning(lcOutbox).noquote() << "cannot create the outbox folder" << m_folder
                                      << "- unsent replies are kept in memory only";
        return false;
    }
    // Replies are conversations with customers: nobody else on the machine reads them.
    QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString path = QDir(m_folder).filePath(fileName(server, agentId));
    auto lock = std::make_unique<QLockFile>(path + u".lock"_s);
    // Only a live console holds the lock; one that was killed leaves a lock that tryLock takes over.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        lock->getLockInfo(&pid, &host, &app);
        qCWarning(lcOutbox).noquote() << "the outbox" << path << "is held by another console (process" << pid
                                      << ") - this console keeps its unsent replies in memory only";
        return false;
    }
    m_lock = std::move(lock);
    m_path = path;
    m_server = server;
    m_agentId = agentId;
    m_siteKey = siteKey;
    return true;
}

void ReplyOutbox::close()
{
    m_writer.waitForDone();
    m_lock.reset();
}

void ReplyOutbox::setAside(const QString &why)
{
    const QString aside = m_path + u".damaged-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss-zzz"_s);
    if (QFile::rename(m_path, aside)) {
        qCWarning(lcOutbox).noquote() << "outbox file" << m_path << why << "- kept aside as" << aside << "and started a new one";
    } else {
        qCWarning(lcOutbox).noquote() << "outbox file" << m_path << why << "- could not rename it aside, so it is replaced";
    }
}

QList<PendingReply> ReplyOutbox::load()
{
    if (!isOpen())
        return {};
    QFile file(m_path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        setAside(u"cannot be read (%1)"_s.arg(file.errorString()));
        return {};
    }
    if (file.size() > maxFileBytes) {
        file.close();
        setAside(u"is larger than %1 bytes"_s.arg(maxFileBytes));
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    file.close();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        setAside(u"is not a JSON object (%1)"_s.arg(parseError.errorString()));
        return {};
    }
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toString() != formatName || root.value(u"version"_s).toInt() != formatVersion) {
        setAside(u"is not a reply outbox of version %1"_s.arg(formatVersion));
        return {};
    }
    if (root.value(u"agentId"_s).toInt() != m_agentId
        || root.value(u"server"_s).toString() != m_server.toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash)) {
        setAside(u"names another server or agent"_s);
        return {};
    }
    // The same URL can later serve a reinstalled server whose conversation 7 is another visitor.
    const QString siteKey = root.value(u"siteKey"_s).toString();
    if (!siteKey.isEmpty() && !m_siteKey.isEmpty() && siteKey != m_siteKey) {
        setAside(u"was written for another installation of the server at this address (the site key differs)"_s);
        return {};
    }
    if (!root.value(u"replies"_s).isArray()) {
        setAside(u"has no list of replies"_s);
        return {};
    }
    QList<PendingReply> replies;
    QSet<QString> seen;
    int unreadable = 0;
    const QJsonArray entries = root.value(u"replies"_s).toArray();
    for (const QJsonValue &value : entries) {
        const std::optional<PendingReply> reply = replyFromJson(value);
        if (!reply || seen.contains(reply->clientId)) {
            ++unreadable;
            continue;
        }
        seen.insert(reply->clientId);
        replies.append(*reply);
    }
    if (unreadable > 0)
        setAside(u"has %1 unreadable entries (the %2 others are kept)"_s.arg(unreadable).arg(replies.size()));
    return replies;
}

QFuture<bool> ReplyOutbox::save(const QList<PendingReply> &replies)
{
    if (!isOpen())
        return QtFuture::makeReadyFuture(false);
    const QByteArray bytes = encode(m_server, m_agentId, m_siteKey, replies);
    const QString path = m_path;
    return QtConcurrent::run(&m_writer, [path, bytes] {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            qCWarning(lcOutbox).noquote() << "could not write the outbox" << path << ":" << file.errorString()
                                          << "- the replies stay in memory and are sent anyway";
            return false;
        }
        return true;
    });
}

} // namespace Frontdesk
