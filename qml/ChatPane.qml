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

// The chat in the middle: header with actions, the messages, the composer.
Page {
    id: pane
    objectName: "chatPane"

    required property AgentClient client
    required property CurrentConversation conversation
    required property int conversationId
    required property AgentListModel agents
    required property CannedResponseModel canned
    property bool inView: true
    readonly property string status: conversation.status
    readonly property bool open: conversation.open

    signal takeNext()

    function askClose() { closeDialog.open() }

    MessageListModel {
        id: messages
        client: pane.client
        conversationId: pane.conversationId
        active: pane.inView && pane.conversationId > 0
    }

    header: ToolBar {
        visible: pane.conversationId > 0
        Material.background: "transparent"
        Material.elevation: 0
        height: 64
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.pad + 4
            anchors.rightMargin: Theme.pad
            spacing: 12
            ColumnLayout {
                spacing: 0
                Layout.fillWidth: true
                PlainLabel {
                    Layout.fillWidth: true
                    text: pane.conversation.visitorName
                    font.pixelSize: Theme.titleText
                    font.bold: true
                    elide: Text.ElideRight
                }
                PlainLabel {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: pane.status === "waiting" ? qsTr("Waiting for %1").arg(pane.conversation.waitText)
                          : pane.status === "active" ? qsTr("Chatting with %1").arg(pane.conversation.agentName)
                          : qsTr("Closed")
                    color: pane.status === "waiting" ? Theme.waiting : Material.hintTextColor
                    font.pixelSize: Theme.smallText + 1
                }
            }
            AccentButton {
                objectName: "chatAcceptButton"
                visible: pane.status === "waiting"
                text: qsTr("Accept chat")
                
                onClicked: pane.client.accept(pane.conversationId)
            }
            ToolButton {
                objectName: "transferButton"
                visible: pane.open
                text: qsTr("Transfer")
                onClicked: transferMenu.open()
                Menu {
                    id: transferMenu
                    y: parent.height
                    // Agent names can be long: the menu stays a menu, names elide.
                    width: Math.min(implicitWidth, 360)
                    Repeater {
                        model: pane.agents
                        delegate: MenuItem {
                            id: agentItem
                            required property int agentId
                            required property string name
                            required property string status
                            required property bool isSelf
                            visible: !isSelf
                            height: visible ? implicitHeight : 0
                            text: name + "  ·  " + (status === "online" ? qsTr("online") : status === "away" ? qsTr("away") : qsTr("offline"))
                            enabled: status !== "offline"
                            // MenuItem's own label is rich text: an agent named <img …> would load it.
                            contentItem: PlainLabel {
                                text: agentItem.text
                                font: agentItem.font
                                color: agentItem.enabled ? agentItem.Material.foreground : agentItem.Material.hintTextColor
                                elide: Text.ElideRight
                                verticalAlignment: Text.AlignVCenter
                            }
                            onTriggered: pane.client.transfer(pane.conversationId, agentId)
                        }
                    }
                }
            }
            ToolButton {
                objectName: "copyTranscriptButton"
                text: qsTr("Copy transcript")
                onClicked: { messages.copyTranscript(); copied.open() }
                ToolTip { id: copied; text: qsTr("Transcript copied"); timeout: 1500 }
            }
            ToolButton {
                objectName: "closeChatButton"
                visible: pane.open
                text: qsTr("Close")
                Material.foreground: Theme.danger
                onClicked: pane.askClose()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Close the chat (Ctrl+W)")
            }
        }
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Material.dividerColor }
    }

    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 420)
        visible: pane.conversationId === 0
        title: qsTr("No chat selected")
        text: qsTr("Pick a conversation on the left, or press Ctrl+N to take the visitor who has waited longest. Ctrl+1…9 and Ctrl+Tab switch chats.")
    }

    ColumnLayout {
        anchors.fill: parent
        visible: pane.conversationId > 0
        spacing: 0

        ListView {
            id: messageList
            objectName: "messageList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: messages
            spacing: 2
            topMargin: Theme.pad
            bottomMargin: Theme.gap
            verticalLayoutDirection: ListView.TopToBottom
            ScrollBar.vertical: ScrollBar {}
            // Qt 6.4's qmllint sees Qt.callLater as a QJSValue property, not as the method it is.
            onCountChanged: Qt.callLater(positionViewAtEnd) // qmllint disable type
            onAtYBeginningChanged: if (atYBeginning && count > 0) messages.loadOlder()
            delegate: MessageDelegate {
                width: messageList.width
                onRetryRequested: (clientId) => messages.retry(clientId)
                onDiscardRequested: (clientId) => messages.discard(clientId)
            }
            footer: Item {
                width: messageList.width
                height: 26
                PlainLabel {
                    visible: messages.visitorTyping
                    x: Theme.pad + 4
                    width: parent.width - 2 * (Theme.pad + 4)
                    elide: Text.ElideRight
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("%1 is typing…").arg(pane.conversation.visitorName || qsTr("The visitor"))
                    font.italic: true
                    color: Material.hintTextColor
                    font.pixelSize: Theme.smallText + 1
                }
            }
        }

        Composer {
            id: composer
            Layout.fillWidth: true
            visible: pane.open
            messages: messages
            canned: pane.canned
            waiting: pane.status === "waiting"
            onAcceptRequested: pane.client.accept(pane.conversationId)
        }
        Pane {
            Layout.fillWidth: true
            visible: !pane.open && pane.conversationId > 0
            PlainLabel {
                anchors.centerIn: parent
                text: qsTr("This chat is closed.")
                color: Material.hintTextColor
            }
        }
    }

    Dialog {
        id: closeDialog
        anchors.centerIn: parent
        modal: true
        title: qsTr("Close this chat?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        PlainLabel { text: qsTr("The visitor sees that the chat has ended.") }
        onAccepted: pane.client.close(pane.conversationId)
    }
}
