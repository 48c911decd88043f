import QtQuick
import QtTest
import Frontdesk.Console

// CountBadge: a pill with a number, hidden at zero, capped at "99+".
// (TestCase itself is invisible, so the badges live in a visible root item.)
Item {
    id: root
    width: 200
    height: 100

    TestCase {
        id: testCase
        name: "CountBadge"
        when: windowShown

        Component {
            id: badgeComponent
            CountBadge { }
        }

        function label(badge) {
            // The badge's only child is the Label with the number.
            compare(badge.children.length, 1)
            return badge.children[0]
        }

        function test_hiddenAtZero() {
            const badge = createTemporaryObject(badgeComponent, root, { count: 0 })
            verify(badge)
            compare(badge.visible, false)
            badge.count = 3
            compare(badge.visible, true)
            badge.count = 0
            compare(badge.visible, false)
        }

        function test_hiddenWhenNegative() {
            const badge = createTemporaryObject(badgeComponent, root, { count: -2 })
            compare(badge.visible, false)
        }

        function test_showsTheCount_data() {
            return [
                { tag: "one", count: 1, text: "1" },
                { tag: "seven", count: 7, text: "7" },
                { tag: "two digits", count: 42, text: "42" },
                { tag: "largest exact", count: 99, text: "99" },
                { tag: "capped at 100", count: 100, text: "99+" },
                { tag: "capped far above", count: 12345, text: "99+" },
            ]
        }

        function test_showsTheCount(data) {
            const badge = createTemporaryObject(badgeComponent, root, { count: data.count })
            compare(badge.visible, true)
            compare(String(label(badge).text), data.text)
        }

        function test_followsCountChanges() {
            const badge = createTemporaryObject(badgeComponent, root, { count: 5 })
            compare(String(label(badge).text), "5")
            badge.count = 150
            compare(String(label(badge).text), "99+")
            badge.count = 8
            compare(String(label(badge).text), "8")
        }

        function test_growsForLongerText() {
            const badge = createTemporaryObject(badgeComponent, root, { count: 1 })
            compare(badge.implicitWidth, 20) // a circle for one digit
            compare(badge.implicitHeight, 20)
            badge.count = 100
            verify(badge.implicitWidth > 20, "\"99+\" widens the pill, got " + badge.implicitWidth)
            compare(badge.implicitWidth, label(badge).implicitWidth + 12)
        }

        function test_tint() {
            const badge = createTemporaryObject(badgeComponent, root, { count: 1 })
            compare(badge.color, Theme.danger) // red by default
            badge.tint = "#2563eb"
            compare(String(badge.color), "#2563eb")
            compare(String(label(badge).color), "#ffffff")
        }
    }
}
