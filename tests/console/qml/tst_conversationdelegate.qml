import QtQuick
import QtTest
import Frontdesk.Console

// ConversationDelegate: one row of the queue / chat lists.
Item {
    id: root
    width: 400
    height: 300

    TestCase {
        id: testCase
        name: "ConversationDelegate"
        when: windowShown

        Component {
            id: rowComponent
            ConversationDelegate { width: 360 }
        }

        function create(overrides) {
            const properties = {
                conversationId: 7, status: "waiting", visitorId: "v-7", visitorName: "Maria Jensen",
                visitorOnline: true, agentName: "", waitText: "2:15", lastMessage: "Do you ship to Norway?",
                lastMessageAuthor: "visitor", lastActivity: new Date(2024, 4, 17, 14, 5), currentPage: "Pricing",
                unread: 0, visitorTyping: false, closedAt: undefined, siteLabel: ""
            }
            for (const key in overrides)
                properties[key] = overrides[key]
            const row = createTemporaryObject(rowComponent, root, properties)
            verify(row, "ConversationDelegate is created with its required properties")
            return row
        }

        function allItems(item, result) {
            result.push(item)
            for (let i = 0; i < item.children.length; ++i)
                allItems(item.children[i], result)
            return result
        }
        // The visible items whose text is exactly @p text.
        function visibleWithText(row, text) {
            return allItems(row, []).filter(item => item.visible && item.text !== undefined && String(item.text) === text)
        }
        function hasVisibleText(row, text) { return visibleWithText(row, text).length > 0 }
        function acceptButton(row) { return findChild(row, "acceptButton") }
        function badge(row) {
            return allItems(row, []).find(item => item.count !== undefined && item.tint !== undefined)
        }

        function test_waitingVisitor() {
            const row = create({})
            waitForRendering(row)
            verify(hasVisibleText(row, "Maria Jensen"))
            verify(hasVisibleText(row, "2:15"), "a waiting visitor shows how long they have waited")
            verify(hasVisibleText(row, "Do you ship to Norway?"))
            verify(hasVisibleText(row, "↗ Pricing"), "the page they are on")
            verify(hasVisibleText(row, "MJ"), "the avatar shows the initials")
            verify(acceptButton(row))
            compare(acceptButton(row).visible, true)
        }

        function test_acceptClicked() {
            const row = create({})
            const spy = createTemporaryObject(signalSpyComponent, testCase, { target: row, signalName: "acceptClicked" })
            waitForRendering(row)
            mouseClick(acceptButton(row))
            compare(spy.count, 1)
        }

        function test_activeChat() {
            const row = create({ status: "active", agentName: "Anna", lastMessage: "On its way!",
                                 lastMessageAuthor: "agent" })
            compare(acceptButton(row).visible, false)
            verify(!hasVisibleText(row, "2:15"), "the wait time is only for waiting visitors")
            verify(hasVisibleText(row, "14:05"), "an active chat shows its last activity")
            verify(hasVisibleText(row, "You: On its way!"), "the agent's own last message is marked")
            verify(hasVisibleText(row, "with Anna · Pricing"))
        }

        function test_unreadBadge() {
            const row = create({ status: "active", agentName: "Anna", unread: 0 })
            verify(badge(row))
            compare(badge(row).visible, false)
            row.unread = 3
            compare(badge(row).visible, true)
            compare(badge(row).count, 3)
            compare(badge(row).color, Theme.accent)
        }

        function test_visitorTyping() {
            const row = create({ status: "active", agentName: "Anna" })
            verify(hasVisibleText(row, "Do you ship to Norway?"))
            row.visitorTyping = true
            verify(hasVisibleText(row, "typing…"))
            verify(!hasVisibleText(row, "Do you ship to Norway?"))
        }

        function test_history() {
            const row = create({ status: "closed", agentName: "Anna", history: true,
                                 closedAt: new Date(2024, 4, 17, 16, 0) })
            compare(acceptButton(row).visible, false)
            verify(hasVisibleText(row, "with Anna"))
            verify(hasVisibleText(row, Qt.formatDate(new Date(2024, 4, 17), Qt.DefaultLocaleShortDate)))
        }

        function test_siteTag() {
            const row = create({})
            compare(findChild(row, "siteTag").visible, false, "one site: no tag")
            row.siteLabel = "Outlet"
            verify(hasVisibleText(row, "Outlet"), "several sites: the row names its site")
            compare(findChild(row, "siteTag").visible, true)
        }

        function test_selected() {
            const row = create({})
            compare(row.background.children[0].visible, false)
            row.selected = true
            compare(row.background.children[0].visible, true) // the accent bar on the left
        }

        Component {
            id: signalSpyComponent
            SignalSpy { }
        }
    }
}
