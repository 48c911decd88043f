// The console's reply outbox file: what is saved comes back, a damaged or
// hostile file is set aside (renamed, with a log line) without losing the
// valid entries, and one console at a time owns a file.
#include "replyoutbox.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

const QUrl server(u"https://chat.shop.test"_s);
constexpr int agentId = 3;
const QString siteKey = u"k3m9site"_s;

bool waitFor(QFuture<bool> future)
{
    QFutureWatcher<bool> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<bool>::finished);
    watcher.setFuture(future);
    if (!watcher.isFinished() && !finished.wait(10'000))
        return false;
    return future.result();
}

QJsonObject entry(const QJsonValue &conversationId, const QJsonValue &clientId, const QJsonValue &body)
{
    return {{u"conversationId"_s, conversationId}, {u"clientId"_s, clientId}, {u"body"_s, body}, {u"queuedAt"_s, 1.7e12}};
}

QByteArray outboxFile(const QJsonArray &replies, const QString &key = siteKey)
{
    return QJsonDocument(QJsonObject{{u"format"_s, u"frontdesk-reply-outbox"_s},
                                     {u"version"_s, 1},
                                     {u"server"_s, server.toString()},
                                     {u"agentId"_s, agentId},
                                     {u"siteKey"_s, key},
                                     {u"replies"_s, replies}})
        .toJson();
}

} // namespace

class ReplyOutboxTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedRepliesComeBack()
    {
        QTemporaryDir temporary;
        const QString folder = temporary.filePath(u"outbox"_s); // created by the outbox, as in the data location
        const QList<PendingReply> replies{{7, u"c-1"_s, u"Hello <b>there</b>"_s, 1'700'000'000'000, {}},
                                          {7, u"c-2"_s, u"Zweite Antwort: 😀"_s, 1'700'000'000'500, {}},
                                          {9, u"c-3"_s, u"Too late"_s, 1'700'000'001'000, u"Conversation 9 is closed."_s}};
        {
            ReplyOutbox outbox(folder);
            QVERIFY(outbox.open(server, agentId, siteKey));
            QVERIFY(outbox.load().isEmpty());
            QVERIFY(waitFor(outbox.save(replies.mid(0, 1))));
            QVERIFY(waitFor(outbox.save(replies)));
        }
        ReplyOutbox again(folder);
        QVERIFY(again.open(server, agentId, siteKey));
        const QList<PendingReply> loaded = again.load();
        QCOMPARE(loaded.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(loaded[i].conversationId, replies[i].conversationId);
            QCOMPARE(loaded[i].clientId, replies[i].clientId);
            QCOMPARE(loaded[i].body, replies[i].body);
            QCOMPARE(loaded[i].queuedAt, replies[i].queuedAt);
            QCOMPARE(loaded[i].error, replies[i].error);
        }
        // Nothing but the replies, and no one else on the machine reads them.
        QFile file(again.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.keys(), (QStringList{u"agentId"_s, u"format"_s, u"replies"_s, u"server"_s, u"siteKey"_s, u"version"_s}));
        QCOMPARE(QFileInfo(folder).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        // Another agent, or the same agent on another server, has a file of its own.
        QVERIFY(ReplyOutbox::fileName(server, agentId) != ReplyOutbox::fileName(server, agentId + 1));
        QVERIFY(ReplyOutbox::fileName(server, agentId) != ReplyOutbox::fileName(QUrl(u"https://other.test"_s), agentId));
    }

    void damagedFileIsSetAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("kept");
        QTest::addColumn<QString>("why");
        const QByteArray valid = outboxFile({entry(7, u"c-1"_s, u"Hi"_s), entry(7, u"c-2"_s, u"There"_s)});
        QTest::newRow("not-json") << QByteArray("{{{ not json") << QStringList() << u"not a JSON object"_s;
        QTest::newRow("truncated") << valid.left(valid.size() / 2) << QStringList() << u"not a JSON object"_s;
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe garbage", 11) << QStringList() << u"not a JSON object"_s;
        QTest::newRow("array") << QByteArray("[1,2,3]") << QStringList() << u"not a JSON object"_s;
        QTest::newRow("empty") << QByteArray() << QStringList() << u"not a JSON object"_s;
        QTest::newRow("other-format") << QByteArray(R"({"format":"something","version":1,"replies":[]})") << QStringList()
                                      << u"not a reply outbox"_s;
        QTest::newRow("newer-version") << QByteArray(valid).replace("\"version\": 1", "\"version\": 2") << QStringList()
                                       << u"not a reply outbox"_s;
        QTest::newRow("other-agent") << QByteArray(valid).replace("\"agentId\": 3", "\"agentId\": 4") << QStringList()
                                     << u"another server or agent"_s;
        QTest::newRow("other-installation") << outboxFile({entry(7, u"c-1"_s, u"Hi"_s)}, u"reinstalled"_s) << QStringList()
                                            << u"another installation"_s;
        QTest::newRow("replies-not-a-list") << QByteArray(valid).replace("\"replies\": [", "\"replies\": 7, \"x\": [")
                                            << QStringList() << u"no list of replies"_s;
        QTest::newRow("some-entries-bad") << outboxFile(
            {entry(7, u"c-1"_s, u"Hi"_s), entry(u"7"_s, u"c-2"_s, u"conversation id is a string"_s),
             entry(-1, u"c-3"_s, u"negative conversation"_s), entry(7.5, u"c-4"_s, u"fractional conversation"_s),
             entry(7, QString(65, u'x'), u"client id too long"_s), entry(7, u"  "_s, u"blank client id"_s),
             entry(7, u"c-5"_s, u"   "_s), entry(7, u"c-6"_s, QJsonValue(42)), entry(7, u"c-1"_s, u"the same client id again"_s),
             QJsonObject{{u"conversationId"_s, 8}, {u"clientId"_s, u"c-7"_s}, {u"body"_s, u"ok"_s}, {u"error"_s, 12}},
             QJsonValue(u"not an object"_s), entry(8, u"c-8"_s, u"Kept too"_s)})
                                          << QStringList{u"c-1"_s, u"c-8"_s} << u"has 10 unreadable entries"_s;
        QTest::newRow("too-large") << QByteArray(ReplyOutbox::maxFileBytes + 1, ' ') << QStringList() << u"larger than"_s;
    }

    void damagedFileIsSetAside()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, kept);
        QFETCH(QString, why);
        QTemporaryDir dir;
        ReplyOutbox outbox(dir.path());
        QVERIFY(outbox.open(server, agentId, siteKey));
        {
            QFile file(outbox.filePath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(why) + u".*kept aside as"_s));
        QList<PendingReply> loaded = outbox.load();
        QStringList ids;
        for (const PendingReply &reply : loaded)
            ids.append(reply.clientId);
        QCOMPARE(ids, kept);

        // The damaged file is kept, byte for byte, next to the outbox.
        const QStringList aside = QDir(dir.path()).entryList({QFileInfo(outbox.filePath()).fileName() + u".damaged-*"_s});
        QCOMPARE(aside.size(), 1);
        QFile damaged(dir.filePath(aside.first()));
        QVERIFY(damaged.open(QIODevice::ReadOnly));
        QCOMPARE(damaged.readAll(), content);
        QVERIFY(!QFile::exists(outbox.filePath()));

        // The outbox goes on working: what is saved next comes back.
        loaded.append({11, u"c-new"_s, u"After the damage"_s, 1, {}});
        QVERIFY(waitFor(outbox.save(loaded)));
        const QList<PendingReply> again = outbox.load();
        QCOMPARE(again.size(), kept.size() + 1);
        QCOMPARE(again.last().clientId, u"c-new"_s);
    }

    void oneConsoleAtATime()
    {
        QTemporaryDir dir;
        auto first = std::make_unique<ReplyOutbox>(dir.path());
        QVERIFY(first->open(server, agentId, siteKey));
        ReplyOutbox second(dir.path());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"held by another console"_s));
        QVERIFY(!second.open(server, agentId, siteKey));
        QVERIFY(!second.isOpen());
        QVERIFY(!waitFor(second.save({{7, u"c-1"_s, u"Hi"_s, 1, {}}})));
        // Another agent's file is free.
        ReplyOutbox other(dir.path());
        QVERIFY(other.open(server, agentId + 1, siteKey));
        // When the first console goes, the file is free.
        QVERIFY(waitFor(first->save({{7, u"c-1"_s, u"Hi"_s, 1, {}}})));
        first.reset();
        QVERIFY(second.open(server, agentId, siteKey));
        QCOMPARE(second.load().size(), 1);
    }

    void unwritableFolderKeepsMemoryOnly()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"outbox"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        ReplyOutbox outbox(dir.filePath(u"outbox"_s));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot create the outbox folder"_s));
        QVERIFY(!outbox.open(server, agentId, siteKey));
        QVERIFY(outbox.load().isEmpty());
    }
};

QTEST_GUILESS_MAIN(ReplyOutboxTest)
#include "tst_replyoutbox.moc"
