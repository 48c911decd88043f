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

// The left column: Queue, My chats, All active and History, each a list.
Pane {
    id: sidebar
    objectName: "sidebar"

    required property ConversationFilterModel queueModel
    required property ConversationFilterModel mineModel
    required property ConversationFilterModel openModel
    required property ConversationFilterModel historyModel
    property int currentConversationId: 0
    property int section: 0
    readonly property ConversationFilterModel currentModel: [queueModel, mineModel, openModel, historyModel][section]

    signal conversationClicked(int id)
    signal acceptClicked(int id)

    function focusSearch() { searchField.forceActiveFocus() }

    padding: 0
    Material.background: Material.theme === Material.Dark ? "#151b26" : "#f6f7f9"

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        GridLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.gap
            columns: 2
            rowSpacing: 4
            columnSpacing: 4

            Repeater {
                model: 4
                delegate: AbstractButton {
                    id: tab
                    required property int index
                    readonly property string label: [qsTr("Queue"), qsTr("My chats"), qsTr("All active"), qsTr("History")][index]
                    readonly property int count: index === 0 ? sidebar.queueModel.count : index === 1 ? sidebar.mineModel.unreadCount : 0
                    objectName: "section" + index
                    Layout.fillWidth: true
                    implicitHeight: 38
                    checkable: true
                    checked: sidebar.section === index
                    onClicked: sidebar.section = index
                    background: Rectangle {
                        radius: 8
                        color: tab.checked ? Qt.rgba(0.145, 0.388, 0.922, 0.14)
                                           : tab.hovered ? Qt.rgba(0.5, 0.5, 0.5, 0.10) : "transparent"
                    }
                    contentItem: RowLayout {
                        spacing: 6
                        Item { width: 4 }
                        PlainLabel {
                            Layout.fillWidth: true
                            text: tab.label
                            font.pixelSize: Theme.bodyText
                            font.bold: tab.checked
                            color: tab.checked ? Theme.accent : Material.foreground
                        }
                        CountBadge { count: tab.count; tint: tab.index === 0 ? Theme.waiting : Theme.danger }
                        Item { width: 4 }
                    }
                }
            }
        }

        TextField {
            id: searchField
            objectName: "historySearch"
            visible: sidebar.section === 3
            Layout.fillWidth: true
            Layout.leftMargin: Theme.pad
            Layout.rightMargin: Theme.pad
            placeholderText: qsTr("Search by text, name or email")
            onAccepted: sidebar.historyModel.search(text)
            onVisibleChanged: if (visible && sidebar.historyModel.count === 0) sidebar.historyModel.search(text)
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: Material.dividerColor }

        ListView {
            id: list
            objectName: "conversationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: sidebar.currentModel
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            delegate: ConversationDelegate {
                width: list.width
                selected: conversationId === sidebar.currentConversationId
                history: sidebar.section === 3
                onClicked: sidebar.conversationClicked(conversationId)
                onAcceptClicked: sidebar.acceptClicked(conversationId)
            }

            EmptyState {
                anchors.centerIn: parent
                width: parent.width - 48
                visible: list.count === 0
                                title: [qsTr("Nobody is waiting"), qsTr("No chats yet"), qsTr("No open chats"),
                        sidebar.historyModel.searching ? qsTr("Searching…") : qsTr("Nothing found")][sidebar.section]
                text: [qsTr("New visitors appear here. You will get a notification too."),
                       qsTr("Accept a visitor from the Queue (Ctrl+N takes the next one)."),
                       qsTr("Every waiting and active chat of the team shows here."),
                       qsTr("Closed chats whose messages, visitor name or email contain the search.")][sidebar.section]
            }
        }
    }
}
