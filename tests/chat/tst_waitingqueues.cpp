// The per-site queues of waiting conversations: places, and exactly which
// conversations each change moves (only those visitors are told).
#include "chat/waitingqueues.h"

#include <QTest>

using namespace Frontdesk;

class tst_WaitingQueues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestJoinsTheEndAndMovesNobody();
    void leavingMovesOnlyThoseBehind();
    void anOlderConversationGoesBackToItsPlace();
    void eachSiteHasItsOwnQueue();
    void aDeletedSiteTakesItsWholeQueue();
    void repeatedAndUnknownChangesDoNothing();
    void aRushMovesNobodyButTheNewcomer();
};

void tst_WaitingQueues::newestJoinsTheEndAndMovesNobody()
{
    WaitingQueues queues;
    QCOMPARE(queues.add(1, 10), QList<qint64>{10});
    QCOMPARE(queues.add(1, 11), QList<qint64>{11});
    QCOMPARE(queues.add(1, 15), QList<qint64>{15});
    QCOMPARE(queues.place(10), 1);
    QCOMPARE(queues.place(11), 2);
    QCOMPARE(queues.place(15), 3);
    QCOMPARE(queues.size(1), 3);
}

void tst_WaitingQueues::leavingMovesOnlyThoseBehind()
{
    WaitingQueues queues;
    for (const qint64 id : {10, 11, 12, 13})
        (void)queues.add(1, id);
    QCOMPARE(queues.remove(11), (QList<qint64>{12, 13}));
    QCOMPARE(queues.place(10), 1);
    QCOMPARE(queues.place(11), 0);
    QCOMPARE(queues.place(12), 2);
    QCOMPARE(queues.place(13), 3);
    // The last one leaving moves nobody.
    QCOMPARE(queues.remove(13), QList<qint64>{});
    QCOMPARE(queues.remove(10), QList<qint64>{12});
    QCOMPARE(queues.place(12), 1);
    QCOMPARE(queues.remove(12), QList<qint64>{});
    QCOMPARE(queues.size(1), 0);
    QVERIFY(!queues.contains(12));
}

void tst_WaitingQueues::anOlderConversationGoesBackToItsPlace()
{
    // A conversation that waited before (transferred back, say) is placed by
    // its age, ahead of newer ones: they all move back by one.
    WaitingQueues queues;
    for (const qint64 id : {10, 20, 30})
        (void)queues.add(1, id);
    QCOMPARE(queues.add(1, 15), (QList<qint64>{15, 20, 30}));
    QCOMPARE(queues.place(15), 2);
    QCOMPARE(queues.place(30), 4);
    QCOMPARE(queues.add(1, 5), (QList<qint64>{5, 10, 15, 20, 30}));
    QCOMPARE(queues.place(5), 1);
}

void tst_WaitingQueues::eachSiteHasItsOwnQueue()
{
    WaitingQueues queues;
    (void)queues.add(1, 10);
    (void)queues.add(2, 11);
    (void)queues.add(1, 12);
    (void)queues.add(2, 13);
    QCOMPARE(queues.place(10), 1);
    QCOMPARE(queues.place(11), 1);
    QCOMPARE(queues.place(12), 2);
    QCOMPARE(queues.place(13), 2);
    // Leaving one site's queue moves nobody in the other's.
    QCOMPARE(queues.remove(10), QList<qint64>{12});
    QCOMPARE(queues.place(13), 2);
    QCOMPARE(queues.size(1), 1);
    QCOMPARE(queues.size(2), 2);
    QCOMPARE(queues.size(3), 0);
}

void tst_WaitingQueues::repeatedAndUnknownChangesDoNothing()
{
    WaitingQueues queues;
    (void)queues.add(1, 10);
    (void)queues.add(1, 11);
    QCOMPARE(queues.add(1, 10), QList<qint64>{});
    QCOMPARE(queues.size(1), 2);
    QCOMPARE(queues.remove(99), QList<qint64>{});
    QCOMPARE(queues.place(99), 0);
    QCOMPARE(queues.place(0), 0);
    QCOMPARE(queues.remove(11), QList<qint64>{});
    QCOMPARE(queues.remove(11), QList<qint64>{});
    QCOMPARE(queues.place(10), 1);
}

void tst_WaitingQueues::aRushMovesNobodyButTheNewcomer()
{
    // 20,000 new conversations on two sites: each change tells one visitor,
    // so a rush costs a frame per new conversation, not one per waiting visitor.
    WaitingQueues queues;
    int told = 0;
    for (qint64 id = 1; id <= 20'000; ++id)
        told += int(queues.add(id % 2, id).size());
    QCOMPARE(told, 20'000);
    QCOMPARE(queues.place(19'999), 10'000);
    QCOMPARE(queues.place(20'000), 10'000);
    // The oldest of a site is answered: the rest of that site's queue moves up.
    QCOMPARE(queues.remove(2).size(), qsizetype(9'999));
    QCOMPARE(queues.place(20'000), 9'999);
    QCOMPARE(queues.place(19'999), 10'000);
}

void tst_WaitingQueues::aDeletedSiteTakesItsWholeQueue()
{
    WaitingQueues queues;
    for (const qint64 id : {10, 12, 14})
        (void)queues.add(1, id);
    for (const qint64 id : {11, 13})
        (void)queues.add(2, id);
    QCOMPARE(queues.removeSite(1), (QList<qint64>{10, 12, 14}));
    for (const qint64 id : {10, 12, 14}) {
        QVERIFY(!queues.contains(id));
        QCOMPARE(queues.place(id), 0);
    }
    QCOMPARE(queues.size(1), 0);
    // The other site's places do not move.
    QCOMPARE(queues.place(11), 1);
    QCOMPARE(queues.place(13), 2);
    QCOMPARE(queues.removeSite(1), QList<qint64>{});
    QCOMPARE(queues.removeSite(7), QList<qint64>{});
    // The site's queue starts afresh.
    QCOMPARE(queues.add(1, 20), QList<qint64>{20});
    QCOMPARE(queues.place(20), 1);
}

QTEST_APPLESS_MAIN(tst_WaitingQueues)
#include "tst_waitingqueues.moc"
