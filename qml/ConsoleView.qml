import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Frontdesk.Client

// The console: conversation lists on the left, the chat in the middle, the
// visitor on the right; settings replace the three columns when open.
Page {
    id: console_
    objectName: "consoleView"

    required property AgentClient client
    required property ConsoleSettings settings
    required property Notifier notifier
    required property SessionController session
    required property ConsoleLifecycle lifecycle

    // An item of the window's menu (☰) with its key on the right.
    component AppMenuItem: MenuItem {
        id: appItem
        property string keys
        contentItem: RowLayout {
            spacing: 24
            PlainLabel { text: appItem.text; Layout.fillWidth: true }
            PlainLabel { text: appItem.keys; color: Material.hintTextColor; font.pixelSize: Theme.smallText }
        }
    }

    property int currentConversationId: 0
    property alias section: sidebar.section
    property bool settingsOpen: false
    property alias settingsTab: settingsView.currentTab
    readonly property CurrentConversation current: currentConversation

    function openConversation(id) {
        settingsOpen = false
        currentConversationId = id
    }
    // Ctrl+N: take the visitor who has waited longest and open the chat.
    function takeNextWaiting() {
        const id = queueModel.conversationIdAt(0)
        if (id <= 0)
            return
        client.accept(id)
        section = 1
        openConversation(id)
    }
    function switchTo(offset) {
        const model = sidebar.currentModel
        if (model.count === 0)
            return
        let row = model.rowOf(currentConversationId)
        row = row < 0 ? 0 : (row + offset + model.count) % model.count
        openConversation(model.conversationIdAt(row))
    }

    // Every conversation once; the sidebar's four lists are views of it.
    ConversationModel { id: conversations; client: console_.client }
    ConversationFilterModel { id: queueModel; conversations: conversations; filter: ConversationFilterModel.Queue }
    ConversationFilterModel { id: mineModel; conversations: conversations; filter: ConversationFilterModel.Mine }
    ConversationFilterModel { id: openModel; conversations: conversations; filter: ConversationFilterModel.Open }
    ConversationFilterModel { id: historyModel; conversations: conversations; filter: ConversationFilterModel.History }
    // The chat pane's conversation, its properties updated in place.
    CurrentConversation { id: currentConversation; conversations: conversations; conversationId: console_.currentConversationId }
    SiteSettings { id: siteSettings; client: console_.client }
    AgentListModel { id: agentsModel; client: console_.client }
    CannedResponseModel { id: cannedModel; client: console_.client }
    IdleMonitor { client: console_.client; idleMinutes: console_.settings.idleMinutes }

    Binding { target: console_.notifier; property: "viewedConversationId"; value: console_.settingsOpen ? 0 : console_.currentConversationId }
    Connections {
        target: console_.notifier
        function onOpenConversationRequested(conversationId) {
            console_.openConversation(conversationId)
            console_.notifier.showWindowRequested()
        }
    }

    // The tray's menu accepted this visitor: open the chat, in My chats.
    Connections {
        target: console_.lifecycle
        function onOpenConversationRequested(conversationId) {
            console_.section = 1
            console_.openConversation(conversationId)
            console_.lifecycle.showWindow()
        }
    }

    Shortcut { sequence: "Ctrl+N"; onActivated: console_.takeNextWaiting() }
    Shortcut { sequences: ["Ctrl+Tab", "Ctrl+PgDown"]; onActivated: console_.switchTo(1) }
    Shortcut { sequences: ["Ctrl+Shift+Tab", "Ctrl+PgUp"]; onActivated: console_.switchTo(-1) }
    Shortcut { sequence: "Ctrl+W"; enabled: console_.current.open; onActivated: chat.askClose() }
    Shortcut { sequence: "Ctrl+,"; onActivated: console_.settingsOpen = !console_.settingsOpen }
    Shortcut { sequence: "Ctrl+F"; onActivated: { console_.section = 3; sidebar.focusSearch() } }
    Repeater {
        model: 9
        delegate: Item {
            id: slot
            required property int index
            Shortcut {
                sequence: "Ctrl+" + (slot.index + 1)
                onActivated: {
                    const id = sidebar.currentModel.conversationIdAt(slot.index)
                    if (id > 0)
                        console_.openConversation(id)
                }
            }
        }
    }

    header: ToolBar {
        Material.background: Material.theme === Material.Dark ? "#111827" : "#ffffff"
        Material.foreground: Material.theme === Material.Dark ? "#f3f4f6" : "#111827"
        Material.elevation: 1
        height: 56

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.pad
            anchors.rightMargin: Theme.gap
            spacing: Theme.gap

            Rectangle {
                width: 28; height: 28; radius: 8
                color: Theme.accent
                PlainLabel { anchors.centerIn: parent; text: "F"; color: "white"; font.bold: true; font.pixelSize: 16 }
            }
            PlainLabel {
                text: siteSettings.name || qsTr("Frontdesk")
                font.pixelSize: Theme.titleText
                font.bold: true
                elide: Text.ElideRight
                Layout.maximumWidth: 280
            }
            Rectangle {
                visible: console_.client.state !== AgentConnection.Online && console_.client.presence !== "offline"
                radius: 12
                color: Theme.waiting
                implicitHeight: 24
                implicitWidth: reconnectLabel.implicitWidth + 20
                PlainLabel {
                    id: reconnectLabel
                    anchors.centerIn: parent
                    text: qsTr("Reconnecting…")
                    color: "white"
                    font.pixelSize: Theme.smallText
                }
            }
            // The mail server refused an email: its sentence is in Settings → Email.
            Button {
                objectName: "mailProblemButton"
                visible: console_.client.mailProblem !== ""
                flat: true
                Material.foreground: Material.Red
                text: qsTr("Email failing")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("An email could not be sent: the mail server's answer is in Settings, Email.")
                onClicked: {
                    console_.settingsOpen = true
                    console_.settingsTab = 9
                }
            }
            Item { Layout.fillWidth: true }
            PlainLabel {
                text: console_.client.agentsOnline === 1 ? qsTr("1 agent online") : qsTr("%1 agents online").arg(console_.client.agentsOnline)
                color: Material.hintTextColor
                font.pixelSize: Theme.smallText + 1
            }
            PresenceSelector {
                objectName: "presenceSelector"
                client: console_.client
            }
            ToolButton {
                objectName: "settingsButton"
                text: "⚙"
                font.pixelSize: 20
                checkable: true
                checked: console_.settingsOpen
                onClicked: console_.settingsOpen = checked
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Settings (Ctrl+,)")
            }
            // The app's menu: where closing to the tray and quitting are, with their keys.
            ToolButton {
                id: appMenuButton
                objectName: "appMenuButton"
                text: "☰"
                font.pixelSize: 18
                onClicked: appMenu.open()
                ToolTip.visible: hovered && !appMenu.visible
                ToolTip.text: qsTr("Menu")
                Menu {
                    id: appMenu
                    objectName: "appMenu"
                    y: appMenuButton.height
                    AppMenuItem { text: qsTr("Settings"); keys: qsTr("Ctrl+,"); onTriggered: console_.settingsOpen = true }
                    AppMenuItem { text: qsTr("Close window (keeps running)"); onTriggered: Window.window.close() }
                    MenuSeparator {}
                    AppMenuItem { objectName: "quitMenuItem"; text: qsTr("Quit Frontdesk"); keys: qsTr("Ctrl+Q")
                        onTriggered: console_.lifecycle.requestQuit() }
                }
            }
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: console_.settingsOpen ? 1 : 0

        RowLayout {
            spacing: 0

            Sidebar {
                id: sidebar
                Layout.preferredWidth: 330
                Layout.fillHeight: true
                queueModel: queueModel
                mineModel: mineModel
                openModel: openModel
                historyModel: historyModel
                currentConversationId: console_.currentConversationId
                onConversationClicked: id => console_.openConversation(id)
                onAcceptClicked: id => { console_.client.accept(id); console_.section = 1; console_.openConversation(id) }
            }
            ChatPane {
                id: chat
                Layout.fillWidth: true
                Layout.fillHeight: true
                client: console_.client
                conversation: console_.current
                conversationId: console_.currentConversationId
                agents: agentsModel
                canned: cannedModel
                // Qt 6.4's qmllint reads Qt.application as QQmlApplication, without QQuickApplication's state.
                inView: Qt.application.state === Qt.ApplicationActive && !console_.settingsOpen // qmllint disable type
                onTakeNext: console_.takeNextWaiting()
            }
            VisitorPanel {
                Layout.preferredWidth: 300
                Layout.fillHeight: true
                client: console_.client
                visitorId: console_.current.visitorId
                onOpenConversation: id => {
                    historyModel.search("")
                    console_.section = 3
                    console_.openConversation(id)
                }
            }
        }
        SettingsView {
            id: settingsView
            client: console_.client
            site: siteSettings
            settings: console_.settings
            notifier: console_.notifier
            session: console_.session
            lifecycle: console_.lifecycle
            agents: agentsModel
            canned: cannedModel
            onDone: console_.settingsOpen = false
        }
    }

    // Errors the server sends back for a user's action, readable and brief.
    ToolTip {
        id: toast
        timeout: 5000
        x: (parent.width - width) / 2
        y: parent.height - height - 24
        width: Math.min(implicitWidth, parent.width - 48)
        // The message can quote what a user typed: plain, like everything else.
        contentItem: PlainLabel {
            text: toast.text
            font: toast.font
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            color: toast.Material.foreground
        }
    }
    Connections {
        target: console_.client
        function onCommandFailed(command, message) {
            toast.text = message
            toast.open()
        }
    }
}
