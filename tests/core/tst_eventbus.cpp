// The domain event bus: every subscriber hears every event once, all in the
// same order, including events published from inside a handler.
#include "core/eventbus.h"

#include <QStringList>
#include <QTest>

using namespace Frontdesk;

class tst_EventBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySubscriberHearsEachEventOnceInOrder();
    void anEventPublishedByAHandlerComesAfterTheCurrentOneForEveryone();
    void unsubscribingFromInsideAHandlerStopsAtOnce();
    void aSubscriberAddedDuringDeliveryHearsOnlyLaterEvents();
};

void tst_EventBus::everySubscriberHearsEachEventOnceInOrder()
{
    EventBus<int> bus;
    QList<int> first, second;
    bus.subscribe([&](int event) { first.append(event); });
    bus.subscribe([&](int event) { second.append(event); });
    for (int event = 1; event <= 5; ++event)
        bus.publish(event);
    QCOMPARE(first, (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(second, first);
}

void tst_EventBus::anEventPublishedByAHandlerComesAfterTheCurrentOneForEveryone()
{
    // The first subscriber reacts to 1 by publishing 2 (as a fan-out might
    // publish "queue place changed" for a new conversation): the second
    // subscriber must still hear 1 before 2.
    EventBus<int> bus;
    QStringList heard;
    bus.subscribe([&](int event) {
        heard.append(QStringLiteral("a%1").arg(event));
        if (event == 1)
            bus.publish(2);
    });
    bus.subscribe([&](int event) { heard.append(QStringLiteral("b%1").arg(event)); });
    bus.publish(1);
    QCOMPARE(heard, (QStringList{QStringLiteral("a1"), QStringLiteral("b1"), QStringLiteral("a2"), QStringLiteral("b2")}));
}

void tst_EventBus::unsubscribingFromInsideAHandlerStopsAtOnce()
{
    EventBus<int> bus;
    QList<int> once, always;
    int onceId = 0;
    onceId = bus.subscribe([&](int event) {
        once.append(event);
        bus.unsubscribe(onceId);
        bus.publish(event + 10); // heard by the others only
    });
    bus.subscribe([&](int event) { always.append(event); });
    bus.publish(1);
    bus.publish(2);
    QCOMPARE(once, QList<int>{1});
    QCOMPARE(always, (QList<int>{1, 11, 2}));
    QCOMPARE(bus.subscriberCount(), size_t(1));
}

void tst_EventBus::aSubscriberAddedDuringDeliveryHearsOnlyLaterEvents()
{
    EventBus<int> bus;
    QList<int> late;
    bool added = false;
    bus.subscribe([&](int event) {
        if (!added) {
            added = true;
            // Many, so that the deque grows while this handler runs.
            for (int i = 0; i < 100; ++i)
                bus.subscribe([&, i](int heard) {
                    if (i == 0)
                        late.append(heard);
                });
            bus.publish(event + 1);
        }
    });
    bus.publish(1);
    QCOMPARE(late, QList<int>{2});
    QCOMPARE(bus.subscriberCount(), size_t(101));
}

QTEST_APPLESS_MAIN(tst_EventBus)
#include "tst_eventbus.moc"
