import QtQuick
import QtQuick.Controls
import QtTest
import Frontdesk.Client
import Frontdesk.Console

// Composer: Enter sends and clears, Shift+Enter adds a line, blank text never
// goes out, /shortcut expands to a canned response (typed or picked).
//
// Replies go through a MessageListModel on `offlineClient` (a never-connected
// AgentClient from tst_components.cpp): each sent reply stays in its outbox and
// shows as a "sending" row, which transcript() reads back. Canned responses
// come from `onlineClient`, signed in to a real test server.
Item {
    id: root
    width: 640
    height: 400

    CannedResponseModel {
        id: canned
        client: onlineClient
    }

    Component {
        id: messagesComponent
        MessageListModel { client: offlineClient }
    }

    Component {
        id: composerComponent
        Composer { width: 600; height: 200 }
    }

    TestCase {
        id: testCase
        name: "Composer"
        when: windowShown

        property int nextConversation: 1
        property var messages: null
        property var composer: null
        property var input: null

        function initTestCase() {
            compare(serverError, "", "the online client for canned responses")
            verify(onlineClient.online)
            verify(!offlineClient.online)
            canned.save(0, "hours", "We are open 9–17, Monday to Saturday.")
            canned.save(0, "ship-no", "We ship to Norway in 5–7 working days.")
            tryCompare(canned, "count", 2, 10000)
        }

        function init() {
            // A fresh conversation each time, so earlier replies in the shared outbox do not show.
            messages = createTemporaryObject(messagesComponent, testCase, { conversationId: nextConversation++ })
            verify(messages)
            compare(messages.count, 0)
            composer = createTemporaryObject(composerComponent, root, { messages: messages, canned: canned })
            verify(composer, "Composer is created with its required properties")
            input = findChild(composer, "composerInput")
            verify(input)
            input.forceActiveFocus()
            tryVerify(() => input.activeFocus)
            spy.clear()
        }

        function cleanup() {
            input = null
            composer = null
            messages = null
        }

        // The bodies of the replies sent so far (the transcript is "[when] name: body" per line;
        // the offline client has no agent name, so it is "[when] * body").
        function sentBodies() {
            const transcript = messages.transcript()
            if (transcript === "")
                return []
            return transcript.split(/\n(?=\[)/).map(line => line.replace(/^\[[^\]]*\] \* /, ""))
        }

        function typeText(text) {
            for (const ch of text) {
                if (ch === " ")
                    keyClick(Qt.Key_Space)
                else
                    keyClick(ch)
            }
        }

        function test_enterSendsAndClears() {
            typeText("Hi Maria")
            compare(input.text, "Hi Maria")
            keyClick(Qt.Key_Return)
            compare(spy.count, 1, "Enter hands the reply to the client")
            compare(messages.count, 1)
            compare(sentBodies(), ["Hi Maria"])
            compare(input.text, "", "the composer is cleared after sending")
        }

        function test_keypadEnterSends() {
            typeText("Thanks")
            keyClick(Qt.Key_Enter, Qt.KeypadModifier)
            compare(sentBodies(), ["Thanks"])
            compare(input.text, "")
        }

        function test_shiftEnterAddsALine() {
            typeText("First line")
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            typeText("second")
            compare(input.text, "First line\nsecond")
            compare(messages.count, 0, "Shift+Enter does not send")
            keyClick(Qt.Key_Return)
            compare(sentBodies(), ["First line\nsecond"])
            compare(input.text, "")
        }

        function test_blankTextDoesNotSend_data() {
            return [
                { tag: "empty", text: "" },
                { tag: "spaces", text: "   " },
                { tag: "newlines and tabs", text: " \n\t \n" },
            ]
        }

        function test_blankTextDoesNotSend(data) {
            input.text = data.text
            input.cursorPosition = input.length
            keyClick(Qt.Key_Return)
            compare(spy.count, 0, "nothing reaches the client")
            compare(messages.count, 0)
            compare(input.text, data.text, "a blank text is left as it is")
            compare(findChild(composer, "sendButton").enabled, false)
        }

        function test_sendButton() {
            const button = findChild(composer, "sendButton")
            verify(button)
            compare(button.enabled, false)
            typeText("Clicked")
            compare(button.enabled, true)
            mouseClick(button)
            compare(sentBodies(), ["Clicked"])
            compare(input.text, "")
            compare(button.enabled, false)
        }

        function test_ctrlReturnSends() {
            typeText("Via shortcut")
            keyClick(Qt.Key_Return, Qt.ControlModifier)
            compare(sentBodies(), ["Via shortcut"])
            compare(input.text, "")
        }

        function test_severalReplies() {
            typeText("One")
            keyClick(Qt.Key_Return)
            typeText("Two")
            keyClick(Qt.Key_Return)
            compare(sentBodies(), ["One", "Two"])
        }

        function test_shortcutExpands_data() {
            return [
                { tag: "alone", text: "/hours", sent: "We are open 9–17, Monday to Saturday." },
                { tag: "after text", text: "Hi! /hours", sent: "Hi! We are open 9–17, Monday to Saturday." },
                { tag: "any case", text: "/HOURS", sent: "We are open 9–17, Monday to Saturday." },
                { tag: "with a dash", text: "/ship-no", sent: "We ship to Norway in 5–7 working days." },
                { tag: "two", text: "/hours /ship-no",
                  sent: "We are open 9–17, Monday to Saturday. We ship to Norway in 5–7 working days." },
                { tag: "unknown stays", text: "See /nothing here", sent: "See /nothing here" },
                { tag: "not inside a word", text: "and/hours", sent: "and/hours" },
                { tag: "a url stays", text: "https://shop.test/hours", sent: "https://shop.test/hours" },
            ]
        }

        function test_shortcutExpands(data) {
            input.text = data.text
            input.cursorPosition = input.length
            keyClick(Qt.Key_Return)
            compare(sentBodies(), [data.sent])
            compare(input.text, "")
        }

        function test_suggestions() {
            typeText("Hello /h")
            compare(composer.suggestions.length, 1, "one shortcut starts with /h")
            compare(composer.suggestions[0].shortcut, "hours")
            const button = suggestionButton()
            verify(button, "the suggestion shows as a button")
            verify(button.visible)
            verify(button.text.startsWith("/hours"), button.text)
            mouseClick(button)
            compare(input.text, "Hello We are open 9–17, Monday to Saturday.")
            compare(composer.suggestions.length, 0)
            compare(messages.count, 0, "picking a suggestion does not send")
        }

        // After picking a suggestion the agent should be able to type on at the end of the text.
        // (Setting the text destroys the suggestion button mid-click; the composer finishes the job.)
        function pickHours() {
            typeText("Hello /h")
            const button = suggestionButton()
            verify(button)
            mouseClick(button)
            compare(input.text, "Hello We are open 9–17, Monday to Saturday.")
        }

        function test_pickSuggestionMovesCursorToEnd() {
            pickHours()
            compare(input.cursorPosition, input.length, "the cursor is at the end of the inserted text")
        }

        function test_pickSuggestionGivesFocusBack() {
            pickHours()
            verify(input.activeFocus, "the focus is back in the text")
        }

        function test_suggestionsForSlashOnly() {
            typeText("/")
            compare(composer.suggestions.length, 2, "a bare slash lists every canned response")
            typeText("x")
            compare(composer.suggestions.length, 0)
            compare(suggestionButton(), null)
        }

        function test_waitingHint() {
            const hint = waitingHint()
            verify(hint)
            compare(hint.visible, false)
            composer.waiting = true
            compare(hint.visible, true)
        }

        function allItems(item, result) {
            result.push(item)
            for (let i = 0; i < item.children.length; ++i)
                allItems(item.children[i], result)
            return result
        }
        function suggestionButton() {
            return allItems(composer, []).find(item => item instanceof Button && item.visible
                                                       && String(item.text).startsWith("/")) || null
        }
        function waitingHint() {
            return allItems(composer, []).find(item => String(item.text).startsWith("This visitor is waiting")) || null
        }

        // One spy for the whole run: a spy destroyed while the long-lived client
        // still emits would leave a dangling connection.
        SignalSpy {
            id: spy
            target: offlineClient
            signalName: "outboxChanged"
        }
    }
}
