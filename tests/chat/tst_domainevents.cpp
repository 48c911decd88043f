// The domain events on the bus, with the real services over a real store
// (SQLite and MariaDB): each committed change is published once, in commit
// order; a refused or rolled-back change is never published; and a
// subscriber can act through the same commands an agent uses, its events
// coming after the one it reacts to.
#include "../store/storetesting.h"
#include "chat/chatservices.h"
#include "store/store.h"

#include <QDeadlineTimer>
#include <QTest>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

/// One line per event, naming what the tests compare.
QString describe(const DomainEvent &event)
{
    return std::visit(
        Overloaded{
            [](const Events::ConversationOpened &e) { return u"opened %1"_s.arg(e.summary.conversation.id); },
            [](const Events::MessageStored &e) {
                return u"message %1 by %2 in %3"_s.arg(e.message.body, toString(e.message.authorKind)).arg(e.conversation.id);
            },
            [](const Events::ConversationAccepted &e) { return u"accepted %1 by %2"_s.arg(e.conversation.id).arg(e.agent.name); },
            [](const Events::ConversationClosed &e) { return u"closed %1 by %2"_s.arg(e.conversation.id).arg(e.by.name); },
            [](const Events::ConversationRated &e) {
                return u"rated %1: %2"_s.arg(e.conversation.id).arg(e.conversation.rating);
            },
            [](const Events::ReadMarked &e) { return u"read %1 by %2"_s.arg(e.conversation.id).arg(toString(e.by)); },
            [](const Events::QueuePlaceChanged &e) { return u"place %1: %2"_s.arg(e.visitorId).arg(e.place); },
            [](const Events::SiteCreated &e) { return u"site created %1"_s.arg(e.site.name); },
            [](const Events::SiteUpdated &e) { return u"site updated %1"_s.arg(e.site.name); },
            [](const Events::SiteDeleted &e) {
                return u"site deleted %1: %2 conversations, %3 visitors"_s.arg(e.deletion.site.name)
                    .arg(e.deletion.conversations)
                    .arg(e.deletion.visitors);
            },
            [](const auto &) { return u"other"_s; },
        },
        event);
}

/// Runs a service call and waits for its answer.
template<typename T> ChatOutcome<T> answerOf(const std::function<void(ChatCallback<T>)> &call)
{
    std::optional<ChatOutcome<T>> answer;
    call([&answer](ChatOutcome<T> outcome) { answer = std::move(outcome); });
    const QDeadlineTimer deadline(30000);
    while (!answer && !deadline.hasExpired())
        QTest::qWait(2);
    if (!answer)
        return ProtocolError::make(ErrorCode::StorageFailed, u"no answer within 30 s"_s);
    return *answer;
}

template<typename T> T valueOf(const ChatOutcome<T> &outcome)
{
    if (const auto *error = std::get_if<ProtocolError>(&outcome))
        qFatal("unexpected error: %s", qPrintable(error->message));
    return std::get<T>(outcome);
}

template<typename T> ErrorCode errorOf(const ChatOutcome<T> &outcome)
{
    const auto *error = std::get_if<ProtocolError>(&outcome);
    return error ? error->code : ErrorCode::LastCode;
}

} // namespace

class tst_DomainEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void committedChangesArePublishedOnceInCommitOrder_data() { addBackendRows(); }
    void committedChangesArePublishedOnceInCommitOrder();
    void refusedAndRolledBackChangesAreNeverPublished_data() { addBackendRows(); }
    void refusedAndRolledBackChangesAreNeverPublished();
    void aSubscriberActsThroughTheSameCommands_data() { addBackendRows(); }
    void aSubscriberActsThroughTheSameCommands();
    void siteChangesArePublishedOnlyOnceCommitted_data() { addBackendRows(); }
    void siteChangesArePublishedOnlyOnceCommitted();

private:
    /// A site, an agent and @p visitors visitors in the store, and the services over it.
    struct World {
        SiteDirectory sites;
        std::unique_ptr<ChatServices> chat;
        AgentRecord agent;
        QList<VisitorRecord> visitors;
        QStringList heard;
    };
    bool populate(Store &store, World &world, int visitors);
};

bool tst_DomainEvents::populate(Store &store, World &world, int visitors)
{
    SiteRecord site;
    site.siteKey = u"events-site"_s;
    site.name = u"Shop"_s;
    site.allowedOrigins = {u"https://shop.example"_s};
    const auto created = await(store.sites().createSite(site));
    if (!created.ok())
        return false;
    world.sites.replaceAll({created.value});
    AgentRecord agent;
    agent.email = u"ann@shop.example"_s;
    agent.name = u"Ann"_s;
    agent.passwordHash = "not used here";
    const auto stored = await(store.agents().createAgent(agent));
    if (!stored.ok())
        return false;
    world.agent = stored.value;
    for (int i = 0; i < visitors; ++i) {
        VisitorRecord visitor;
        visitor.id = u"visitor-%1"_s.arg(i);
        visitor.siteId = created.value.id;
        const auto made = await(store.visitors().createVisitor(visitor, QByteArray(32, char('a' + i))));
        if (!made.ok())
            return false;
        world.visitors.append(made.value);
    }
    AbuseLimits limits;
    limits.visitorMessagesPerSecond = 1000;
    limits.visitorMessageBurst = 1000;
    world.chat = std::make_unique<ChatServices>(&store, &world.sites, limits);
    world.chat->events()->subscribe([&world](const DomainEvent &event) { world.heard.append(describe(event)); });
    return true;
}

void tst_DomainEvents::committedChangesArePublishedOnceInCommitOrder()
{
    FRONTDESK_OPEN_STORE(store, database);
    World world;
    QVERIFY(populate(store, world, 3));
    ConversationService *conversations = world.chat->conversations();

    // Three first messages queued at once: the store commits them in queue
    // order, and the bus tells them in that order, each conversation once.
    int answered = 0;
    QList<qint64> opened;
    for (const VisitorRecord &visitor : std::as_const(world.visitors)) {
        conversations->postVisitorMessage(visitor, u"c-"_s + visitor.id, u"hi from "_s + visitor.id, nullptr,
                                          [&](ChatOutcome<AppendResult> outcome) {
                                              opened.append(valueOf(outcome).conversation.id);
                                              ++answered;
                                          });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 30000);
    QVERIFY(opened[0] < opened[1] && opened[1] < opened[2]);
    // (Queue places are published only for connected visitors; none is here.)
    QStringList expected;
    for (int i = 0; i < 3; ++i)
        expected << u"opened %1"_s.arg(opened[i]) << u"message hi from visitor-%1 by visitor in %2"_s.arg(i).arg(opened[i]);
    QCOMPARE(world.heard, expected);

    // A conversation's life, each step after the one before committed.
    world.heard.clear();
    const qint64 first = opened[0];
    const AgentRecord &ann = world.agent;
    valueOf(answerOf<ConversationRecord>([&](auto done) { conversations->accept(ann, first, done); }));
    valueOf(answerOf<AppendResult>([&](auto done) { conversations->reply(ann, first, u"r-1"_s, u"hello"_s, nullptr, done); }));
    const AppendResult stored = valueOf(answerOf<AppendResult>(
        [&](auto done) { conversations->reply(ann, first, u"r-2"_s, u"anything else?"_s, nullptr, done); }));
    valueOf(
        answerOf<ConversationRecord>([&](auto done) { conversations->visitorRead(world.visitors[0], stored.message.id, done); }));
    valueOf(answerOf<ConversationRecord>([&](auto done) { conversations->close(ann, first, done); }));
    valueOf(answerOf<ConversationRecord>([&](auto done) { conversations->rate(world.visitors[0], 5, u"great"_s, done); }));
    QCOMPARE(world.heard,
             (QStringList{u"accepted %1 by Ann"_s.arg(first), u"message hello by agent in %1"_s.arg(first),
                          u"message anything else? by agent in %1"_s.arg(first), u"read %1 by visitor"_s.arg(first),
                          u"closed %1 by Ann"_s.arg(first), u"rated %1: 5"_s.arg(first)}));
}

void tst_DomainEvents::refusedAndRolledBackChangesAreNeverPublished()
{
    FRONTDESK_OPEN_STORE(store, database);
    World world;
    QVERIFY(populate(store, world, 1));
    ConversationService *conversations = world.chat->conversations();
    const VisitorRecord &visitor = world.visitors[0];
    const AgentRecord &ann = world.agent;

    const AppendResult first = valueOf(
        answerOf<AppendResult>([&](auto done) { conversations->postVisitorMessage(visitor, u"c-1"_s, u"hi"_s, nullptr, done); }));
    const qint64 id = first.conversation.id;
    // Rated while open: the job is refused and rolled back.
    QCOMPARE(errorOf(answerOf<ConversationRecord>([&](auto done) { conversations->rate(visitor, 4, {}, done); })),
             ErrorCode::Conflict);
    // A resend of a stored message: the same row, nothing new to tell.
    const AppendResult again = valueOf(
        answerOf<AppendResult>([&](auto done) { conversations->postVisitorMessage(visitor, u"c-1"_s, u"hi"_s, nullptr, done); }));
    QVERIFY(again.duplicate);
    QCOMPARE(again.message.id, first.message.id);
    // A read mark on a message of no conversation of the visitor's.
    QCOMPARE(errorOf(answerOf<ConversationRecord>(
                 [&](auto done) { conversations->visitorRead(visitor, first.message.id + 1000, done); })),
             ErrorCode::NotFound);
    valueOf(answerOf<ConversationRecord>([&](auto done) { conversations->close(ann, id, done); }));
    const QStringList committed{u"opened %1"_s.arg(id), u"message hi by visitor in %1"_s.arg(id), u"closed %1 by Ann"_s.arg(id)};
    QCOMPARE(world.heard, committed);

    // Closed: closing again, accepting, replying are refused inside the store's job.
    QCOMPARE(errorOf(answerOf<ConversationRecord>([&](auto done) { conversations->close(ann, id, done); })), ErrorCode::Conflict);
    QCOMPARE(errorOf(answerOf<ConversationRecord>([&](auto done) { conversations->accept(ann, id, done); })),
             ErrorCode::Conflict);
    QCOMPARE(errorOf(answerOf<AppendResult>([&](auto done) { conversations->reply(ann, id, u"r"_s, u"late"_s, nullptr, done); })),
             ErrorCode::Conflict);
    QCOMPARE(world.heard, committed);
    // And the store holds nothing of them: the late reply was rolled back.
    const auto messages = await(store.conversations().messagesAfter(id, 0, 100));
    QVERIFY(messages.ok());
    QCOMPARE(messages.value.size(), 2); // the visitor's line and the close's system line
}

void tst_DomainEvents::aSubscriberActsThroughTheSameCommands()
{
    // What a bridge or an AI first responder does: hear a new conversation,
    // take it under an identity of its own and answer, through the commands
    // an agent's console uses, without any change to the services.
    FRONTDESK_OPEN_STORE(store, database);
    World world;
    QVERIFY(populate(store, world, 1));
    AgentRecord bot;
    bot.email = u"bot@frontdesk.invalid"_s;
    bot.name = u"Front desk bot"_s;
    bot.passwordHash = "never logs in";
    const auto made = await(store.agents().createAgent(bot));
    QVERIFY(made.ok());
    bot = made.value;

    ConversationService *conversations = world.chat->conversations();
    int replies = 0;
    world.chat->events()->subscribe([&](const DomainEvent &event) {
        const auto *opened = std::get_if<Events::ConversationOpened>(&event);
        if (!opened)
            return;
        const qint64 id = opened->summary.conversation.id;
        conversations->accept(bot, id, [&, id](ChatOutcome<ConversationRecord> accepted) {
            valueOf(accepted);
            conversations->reply(bot, id, u"bot-1"_s, u"An agent will be with you shortly."_s, nullptr,
                                 [&](ChatOutcome<AppendResult> replied) {
                                     valueOf(replied);
                                     ++replies;
                                 });
        });
    });
    const AppendResult first = valueOf(answerOf<AppendResult>(
        [&](auto done) { conversations->postVisitorMessage(world.visitors[0], u"c-1"_s, u"hello?"_s, nullptr, done); }));
    QTRY_COMPARE_WITH_TIMEOUT(replies, 1, 30000);
    const qint64 id = first.conversation.id;
    QCOMPARE(world.heard,
             (QStringList{u"opened %1"_s.arg(id), u"message hello? by visitor in %1"_s.arg(id),
                          u"accepted %1 by Front desk bot"_s.arg(id),
                          u"message An agent will be with you shortly. by agent in %1"_s.arg(id)}));
}

void tst_DomainEvents::siteChangesArePublishedOnlyOnceCommitted()
{
    FRONTDESK_OPEN_STORE(store, database);
    World world;
    QVERIFY(populate(store, world, 1));
    SiteService *sites = world.chat->siteService();
    const AgentRecord &ann = world.agent;
    const SiteRecord first = *world.sites.first();

    // The last site is never deleted, and a wrong key confirms nothing: no event, no change.
    QCOMPARE(errorOf(answerOf<SiteDeletion>([&](auto done) { sites->deleteSite(ann, first.id, first.siteKey, done); })),
             ErrorCode::Conflict);
    SiteRecord draft;
    draft.name = u"Outlet"_s;
    const SiteRecord second = valueOf(answerOf<SiteRecord>([&](auto done) { sites->createSite(ann, draft, done); }));
    QVERIFY(second.id > first.id);
    QVERIFY(!second.siteKey.isEmpty() && second.identitySecret.size() == 32);
    QCOMPARE(world.sites.count(), 2);
    QCOMPARE(errorOf(answerOf<SiteDeletion>([&](auto done) { sites->deleteSite(ann, second.id, first.siteKey, done); })),
             ErrorCode::InvalidField);
    QCOMPARE(errorOf(answerOf<SiteDeletion>([&](auto done) { sites->deleteSite(ann, second.id + 100, u"x"_s, done); })),
             ErrorCode::NotFound);
    SitePatch renamed;
    renamed.name = u"The outlet"_s;
    valueOf(answerOf<SiteRecord>([&](auto done) { sites->updateSite(ann, second.id, renamed, done); }));
    QCOMPARE(world.heard, (QStringList{u"site created Outlet"_s, u"site updated The outlet"_s}));

    // A visitor waits at the first site: deleting it takes its conversation
    // out of the queue and publishes the deletion once, with what it removed.
    const AppendResult waiting = valueOf(answerOf<AppendResult>([&](auto done) {
        world.chat->conversations()->postVisitorMessage(world.visitors[0], u"c-1"_s, u"hi"_s, nullptr, done);
    }));
    QCOMPARE(world.chat->presence()->openConversationOf(world.visitors[0].id), waiting.conversation.id);
    world.heard.clear();
    const SiteDeletion gone
        = valueOf(answerOf<SiteDeletion>([&](auto done) { sites->deleteSite(ann, first.id, first.siteKey, done); }));
    QCOMPARE(gone.openConversationIds, QList<qint64>{waiting.conversation.id});
    QCOMPARE(world.heard, QStringList{u"site deleted Shop: 1 conversations, 1 visitors"_s});
    QCOMPARE(world.chat->presence()->openConversationOf(world.visitors[0].id), 0);
    QVERIFY(!world.sites.byId(first.id));
    QCOMPARE(await(store.conversations().conversationById(waiting.conversation.id)).error, StoreError::NotFound);
    // Now the other one is the last.
    world.heard.clear();
    QCOMPARE(errorOf(answerOf<SiteDeletion>([&](auto done) { sites->deleteSite(ann, second.id, second.siteKey, done); })),
             ErrorCode::Conflict);
    QVERIFY(world.heard.isEmpty());
    // The store refuses the last site by itself too, in the deleting transaction.
    const auto direct = await(store.sites().deleteSite(second.id, AuditEntry{}));
    QCOMPARE(direct.error, StoreError::Conflict);
    QCOMPARE(await(store.sites().listSites()).value.size(), 1);
}

QTEST_GUILESS_MAIN(tst_DomainEvents)
#include "tst_domainevents.moc"
