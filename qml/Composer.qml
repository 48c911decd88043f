import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Frontdesk.Client

// Delegates here use ids of this file, which the QML engine allows. The linter of
// Qt 6.4 accepts that only under "pragma ComponentBehavior: Bound", and Qt 6.4's
// Bound components break Loader and silently hide ListView footers, so the
// unqualified-access check is off for this file: a Qt 6.4 limitation.
// qmllint disable unqualified

// Where the agent writes: Enter sends, Shift+Enter adds a line, /shortcut expands a canned response.
Pane {
    id: composer
    objectName: "composer"

    required property MessageListModel messages
    required property CannedResponseModel canned
    property bool waiting: false
    readonly property var suggestions: { composer.canned.count; return composer.canned.suggestions(input.text) }

    signal acceptRequested()

    /// Replaces the `/shortcut` being typed with the canned text and lets the agent type on.
    function pickSuggestion(body) {
        input.text = input.text.replace(/\/[\w-]*$/, body)
        input.cursorPosition = input.length
        input.forceActiveFocus()
    }

    function send() {
        const text = composer.canned.expand(input.text)
        if (composer.messages.send(text))
            input.clear()
    }

    padding: Theme.gap + 4
    Material.elevation: 0
    background: Rectangle {
        color: "transparent"
        Rectangle { width: parent.width; height: 1; color: Material.dividerColor }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        PlainLabel {
            visible: composer.waiting
            Layout.fillWidth: true
            text: qsTr("This visitor is waiting. Replying does not accept the chat — accept it so the team knows it is yours.")
            wrapMode: Text.Wrap
            color: Theme.waiting
            font.pixelSize: Theme.smallText
        }
        Flow {
            Layout.fillWidth: true
            visible: composer.suggestions.length > 0
            spacing: 6
            Repeater {
                model: composer.suggestions
                delegate: Button {
                    id: suggestion
                    required property var modelData
                    flat: true
                    font.pixelSize: Theme.smallText
                    text: "/" + modelData.shortcut + "  " + modelData.body.replace(/\s+/g, " ").substring(0, 40)
                    // Button's own label is rich text: a canned response with <img …> would load it.
                    contentItem: PlainLabel {
                        text: suggestion.text
                        font: suggestion.font
                        color: suggestion.Material.foreground
                        elide: Text.ElideRight
                        maximumLineCount: 1
                        verticalAlignment: Text.AlignVCenter
                    }
                    // Setting the text empties the suggestions, which destroys this
                    // button mid-handler: the composer finishes the job.
                    onClicked: composer.pickSuggestion(modelData.body)
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap

            Rectangle {
                Layout.fillWidth: true
                implicitHeight: Math.min(Math.max(input.implicitHeight, 44), 160)
                radius: 12
                color: "transparent"
                border.width: input.activeFocus ? 2 : 1
                border.color: input.activeFocus ? Theme.accent : Material.dividerColor
                ScrollView {
                    anchors.fill: parent
                    anchors.margins: 2
                    TextArea {
                        id: input
                        objectName: "composerInput"
                        wrapMode: TextEdit.Wrap
                        textFormat: TextEdit.PlainText // canned responses are pasted in
                        placeholderText: qsTr("Write a reply…  (Enter sends, Shift+Enter for a new line, / for canned responses)")
                        background: null
                        focus: true
                        font.pixelSize: Theme.bodyText
                        leftPadding: 12
                        rightPadding: 12
                        topPadding: 10
                        bottomPadding: 10
                        onTextChanged: composer.messages.setTyping(text.length > 0)
                        Keys.onPressed: event => {
                            if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                    && !(event.modifiers & Qt.ShiftModifier)) {
                                event.accepted = true
                                composer.send()
                            }
                        }
                    }
                }
            }
            AccentButton {
                objectName: "sendButton"
                text: qsTr("Send")
                
                enabled: input.text.trim().length > 0
                onClicked: composer.send()
            }
        }
    }
    Shortcut { sequence: "Ctrl+Return"; onActivated: composer.send() }
}
