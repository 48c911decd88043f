import QtQuick
import QtTest
import Frontdesk.Console

// MessageDelegate: one message; visitor left, agents right, system lines centred,
// with the time and the delivery state of the agent's replies.
Item {
    id: root
    width: 600
    height: 400

    TestCase {
        id: testCase
        name: "MessageDelegate"
        when: windowShown

        Component {
            id: messageComponent
            MessageDelegate { width: 600 }
        }

        function create(overrides) {
            const properties = {
                author: "visitor", authorName: "", body: "Hello!", timeText: "14:05",
                delivery: "", isOwn: false, firstInGroup: true, error: "", clientId: ""
            }
            for (const key in overrides)
                properties[key] = overrides[key]
            const message = createTemporaryObject(messageComponent, root, properties)
            verify(message, "MessageDelegate is created with its required properties")
            return message
        }

        // children[0]: the centred system line; children[1]: the bubble column,
        // whose children are the author's name, the bubble (with the text) and the meta line.
        function systemLine(message) { return message.children[0] }
        function column(message) { return message.children[1] }
        function nameLabel(message) { return column(message).children[0] }
        function bubble(message) { return column(message).children[1] }
        function bubbleText(message) { return bubble(message).children[0] }
        function metaLine(message) { return column(message).children[2] }

        function test_visitorOnTheLeft() {
            const message = create({ author: "visitor", body: "Do you ship to Norway?" })
            waitForRendering(message)
            verify(!message.system)
            verify(!message.fromAgent)
            compare(systemLine(message).visible, false)
            compare(column(message).visible, true)
            compare(bubbleText(message).text, "Do you ship to Norway?")
            compare(metaLine(message).text, "14:05")
            verify(column(message).x < message.width / 2, "a visitor's bubble starts on the left")
            compare(nameLabel(message).visible, false)
        }

        function test_agentOnTheRight() {
            const message = create({ author: "agent", authorName: "Anna", isOwn: true, delivery: "sent",
                                     body: "Yes, in 5–7 days." })
            waitForRendering(message)
            verify(message.fromAgent)
            compare(bubbleText(message).text, "Yes, in 5–7 days.")
            verify(column(message).x > message.width / 2 - column(message).width,
                   "an agent's bubble ends on the right")
            fuzzyCompare(column(message).x + column(message).width, message.width - column(message).anchors.rightMargin, 1)
            compare(bubble(message).color, Theme.accent)
            // One's own replies carry no name.
            compare(nameLabel(message).visible, false)
        }

        function test_otherAgentShowsName() {
            const message = create({ author: "agent", authorName: "Bob", isOwn: false, delivery: "sent" })
            compare(nameLabel(message).visible, true)
            compare(nameLabel(message).text, "Bob")
            // Only on the first message of a group.
            message.firstInGroup = false
            compare(nameLabel(message).visible, false)
        }

        function test_delivery_data() {
            return [
                { tag: "sending", delivery: "sending", meta: "14:05  ·  sending…", opacity: 0.7 },
                { tag: "sent", delivery: "sent", meta: "14:05  ·  ✓ sent", opacity: 1 },
                { tag: "read", delivery: "read", meta: "14:05  ·  ✓✓ read", opacity: 1 },
                { tag: "none", delivery: "", meta: "14:05", opacity: 1 },
            ]
        }

        function test_delivery(data) {
            const message = create({ author: "agent", authorName: "Anna", isOwn: true, delivery: data.delivery })
            compare(metaLine(message).text, data.meta)
            fuzzyCompare(bubble(message).opacity, data.opacity, 0.001)
            compare(failureReason(message).visible, false)
            compare(failureActions(message).visible, false)
        }

        function failureReason(message) { return column(message).children[3] }
        function failureActions(message) { return column(message).children[4] }

        // A refused reply says why and offers Retry and Discard, which name the reply.
        function test_failedReplyOffersRetryAndDiscard() {
            const message = create({ author: "agent", authorName: "Anna", isOwn: true, delivery: "failed",
                                     body: "See you tomorrow", clientId: "c-9",
                                     error: "Conversation 7 is closed." })
            waitForRendering(message)
            compare(metaLine(message).text, "14:05  ·  not sent")
            compare(failureReason(message).visible, true)
            compare(failureReason(message).text, "Conversation 7 is closed.")
            compare(failureReason(message).textFormat, Text.PlainText)
            compare(bubble(message).border.color, Theme.danger)
            const actions = failureActions(message)
            compare(actions.visible, true)
            const retried = signalSpy.createObject(root, { target: message, signalName: "retryRequested" })
            const discarded = signalSpy.createObject(root, { target: message, signalName: "discardRequested" })
            mouseClick(actions.children[0])
            compare(retried.count, 1)
            compare(retried.signalArguments[0][0], "c-9")
            mouseClick(actions.children[1])
            compare(discarded.count, 1)
            compare(discarded.signalArguments[0][0], "c-9")
        }

        Component {
            id: signalSpy
            SignalSpy {}
        }

        function test_systemLineCentred() {
            const message = create({ author: "system", body: "Anna accepted the chat", timeText: "09:12" })
            waitForRendering(message)
            verify(message.system)
            compare(systemLine(message).visible, true)
            compare(column(message).visible, false)
            compare(systemLine(message).text, "Anna accepted the chat  ·  09:12")
            fuzzyCompare(systemLine(message).x + systemLine(message).width / 2, message.width / 2, 1)
        }

        function test_bodyIsPlainText() {
            // A visitor's "<b>" must not turn into markup in the agent's console.
            const message = create({ body: "<b>bold</b> & <a href='x'>link</a>" })
            compare(bubbleText(message).textFormat, Text.PlainText)
            compare(bubbleText(message).text, "<b>bold</b> & <a href='x'>link</a>")
        }

        function test_groupingSpacing() {
            const first = create({ firstInGroup: true })
            const next = create({ firstInGroup: false })
            compare(first.implicitHeight - next.implicitHeight, 8) // 10 px above a group, 2 px within
        }
    }
}
