import QtQuick
import QtTest
import Frontdesk.Console

// EmptyState: a symbol, a bold title and an optional sentence, centred.
Item {
    id: root
    width: 400
    height: 300

    TestCase {
        id: testCase
        name: "EmptyState"
        when: windowShown

        Component {
            id: emptyComponent
            EmptyState { width: 300 }
        }

        // children: the drawn symbol, the title Label, the text Label.
        function titleOf(state) { return state.children[1] }
        function textOf(state) { return state.children[2] }

        function test_titleAndText() {
            const state = createTemporaryObject(emptyComponent, root,
                                                { title: "No chats yet", text: "New visitors appear here." })
            verify(state)
            compare(state.children.length, 3)
            compare(titleOf(state).text, "No chats yet")
            compare(titleOf(state).visible, true)
            verify(titleOf(state).font.bold)
            compare(textOf(state).text, "New visitors appear here.")
            compare(textOf(state).visible, true)
        }

        function test_noTextHidesTheSentence() {
            const state = createTemporaryObject(emptyComponent, root, { title: "Nothing found" })
            compare(titleOf(state).visible, true)
            compare(textOf(state).visible, false)
            state.text = "Try another word."
            compare(textOf(state).visible, true)
            state.text = ""
            compare(textOf(state).visible, false)
        }

        function test_symbolAboveTitle() {
            const state = createTemporaryObject(emptyComponent, root, { title: "T", text: "S" })
            waitForRendering(state)
            const symbol = state.children[0]
            verify(symbol.visible)
            verify(symbol.height > 0)
            verify(symbol.y + symbol.height <= titleOf(state).y, "the symbol sits above the title")
            verify(titleOf(state).y + titleOf(state).height <= textOf(state).y, "the sentence sits below the title")
        }

        function test_longTextWraps() {
            const state = createTemporaryObject(emptyComponent, root, {
                title: "Title",
                text: "A sentence that is far too long to fit on a single line of an empty state, so it has to wrap onto more lines."
            })
            waitForRendering(state)
            verify(textOf(state).width <= 300, "the sentence stays within its width, got " + textOf(state).width)
            verify(textOf(state).lineCount > 1, "the sentence wraps")
            compare(textOf(state).horizontalAlignment, Text.AlignHCenter)
        }
    }
}
