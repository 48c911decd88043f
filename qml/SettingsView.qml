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

// Settings: the website widget, the snippet, the sites, the team, canned responses,
// notifications, the server (host mode), the account and language, the
// agent's own sessions, email and webhooks.
Page {
    id: settingsPage
    objectName: "settingsView"

    required property AgentClient client
    required property SiteSettings site
    required property ConsoleSettings settings
    required property Notifier notifier
    required property SessionController session
    required property ConsoleLifecycle lifecycle
    required property AgentListModel agents
    required property CannedResponseModel canned
    property alias currentTab: tabs.currentIndex

    signal done()

    component SectionTitle: PlainLabel {
        font.pixelSize: Theme.titleText + 2
        font.bold: true
        Layout.bottomMargin: 4
    }
    component Hint: PlainLabel {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Material.hintTextColor
        font.pixelSize: Theme.smallText + 1
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            Layout.preferredWidth: 230
            Layout.fillHeight: true
            Material.background: Material.theme === Material.Dark ? "#151b26" : "#f6f7f9"
            padding: Theme.gap
            ColumnLayout {
                anchors.fill: parent
                spacing: 2
                PlainLabel {
                    text: qsTr("Settings")
                    font.pixelSize: Theme.titleText
                    font.bold: true
                    Layout.margins: Theme.gap
                }
                Repeater {
                    id: tabs
                    property int currentIndex: 0
                    model: [qsTr("Website widget"), qsTr("Snippet"), qsTr("Sites"), qsTr("Team"), qsTr("Canned responses"),
                            qsTr("Notifications"), qsTr("Server"), qsTr("Account and language"), qsTr("Your sessions"),
                            qsTr("Email"), qsTr("Webhooks")]
                    delegate: ItemDelegate {
                        id: tab
                        required property string modelData
                        required property int index
                        objectName: "settingsTab" + index
                        Layout.fillWidth: true
                        text: modelData
                        highlighted: tabs.currentIndex === index
                        contentItem: PlainLabel {
                            text: tab.text
                            font: tab.font
                            color: tab.highlighted ? tab.Material.accentColor : tab.Material.foreground
                            elide: Text.ElideRight
                            verticalAlignment: Text.AlignVCenter
                        }
                        onClicked: tabs.currentIndex = index
                    }
                }
                Item { Layout.fillHeight: true }
                Button {
                    Layout.fillWidth: true
                    text: qsTr("Back to chats")
                    onClicked: settingsPage.done()
                }
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            // 0: widget designer with live preview
            ScrollView {
                contentWidth: availableWidth
                RowLayout {
                    width: parent.width
                    spacing: 32
                    ColumnLayout {
                        Layout.margins: 28
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        spacing: 10
                        SectionTitle { text: qsTr("Website widget") }
                        SiteSwitcher { client: settingsPage.client; site: settingsPage.site }
                        Hint { text: settingsPage.site.editable ? qsTr("How the chat looks on your website. Changes reach visitors when you save.")
                                                                : qsTr("Only an admin can change the widget.") }
                        PlainLabel { text: qsTr("Title") }
                        TextField { id: wTitle; objectName: "widgetTitle"; Layout.fillWidth: true; text: settingsPage.site.widgetTitle; placeholderText: qsTr("Chat with us")
                            onTextEdited: settingsPage.site.widgetTitle = text }
                        PlainLabel { text: qsTr("Welcome message") }
                        TextField { id: wWelcome; Layout.fillWidth: true; text: settingsPage.site.welcome; placeholderText: qsTr("Hi! How can we help?")
                            onTextEdited: settingsPage.site.welcome = text }
                        PlainLabel { text: qsTr("Colour") }
                        RowLayout {
                            spacing: 8
                            Repeater {
                                model: ["#2563eb", "#7c3aed", "#db2777", "#dc2626", "#ea580c", "#16a34a", "#0d9488", "#111827"]
                                delegate: Rectangle {
                                    required property string modelData
                                    width: 30; height: 30; radius: 15
                                    color: modelData
                                    border.width: settingsPage.site.color.toLowerCase() === modelData ? 3 : 0
                                    border.color: Material.foreground
                                    MouseArea { anchors.fill: parent; onClicked: settingsPage.site.color = parent.modelData }
                                }
                            }
                            TextField { id: wColor; Layout.preferredWidth: 100; text: settingsPage.site.color; onTextEdited: settingsPage.site.color = text }
                        }
                        PlainLabel { text: qsTr("Position") }
                        RowLayout {
                            RadioButton { text: qsTr("Bottom right"); checked: settingsPage.site.position !== "left"
                                onToggled: if (checked) settingsPage.site.position = "right" }
                            RadioButton { text: qsTr("Bottom left"); checked: settingsPage.site.position === "left"
                                onToggled: if (checked) settingsPage.site.position = "left" }
                        }
                        PlainLabel { text: qsTr("Ask before the chat starts") }
                        RowLayout {
                            CheckBox { text: qsTr("Name"); checked: settingsPage.site.askName; onToggled: settingsPage.site.askName = checked }
                            CheckBox { text: qsTr("Email"); checked: settingsPage.site.askEmail; onToggled: settingsPage.site.askEmail = checked }
                            CheckBox { text: qsTr("Email required"); enabled: settingsPage.site.askEmail
                                checked: settingsPage.site.emailRequired; onToggled: settingsPage.site.emailRequired = checked }
                        }
                        PlainLabel { text: qsTr("When nobody is online") }
                        TextArea { id: wOffline; Layout.fillWidth: true; wrapMode: TextEdit.Wrap; textFormat: TextEdit.PlainText; text: settingsPage.site.offlineText
                            onTextChanged: settingsPage.site.offlineText = text
                            placeholderText: qsTr("We are away right now. Leave a message and we will get back to you.") }
                        PlainLabel { text: qsTr("When an agent replies") }
                        CheckBox { objectName: "replySound"; text: qsTr("Play a sound if the visitor's tab is in the background")
                            checked: settingsPage.site.replySound; onToggled: settingsPage.site.replySound = checked }
                        RowLayout {
                            AccentButton {
                                text: qsTr("Save widget")
                                
                                objectName: "saveWidgetButton"
                                enabled: settingsPage.site.editable
                                onClicked: settingsPage.site.saveWidget()
                            }
                            Button {
                                objectName: "revertWidgetButton"
                                text: qsTr("Revert")
                                flat: true
                                enabled: settingsPage.site.dirty
                                onClicked: settingsPage.site.revert()
                            }
                            CheckBox { id: previewOffline; text: qsTr("Preview as offline") }
                        }
                    }
                    WidgetPreview {
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: 28
                        Layout.rightMargin: 28
                        title: settingsPage.site.widgetTitle
                        welcome: settingsPage.site.welcome
                        accent: /^#[0-9a-fA-F]{6}$/.test(settingsPage.site.color) ? settingsPage.site.color : Theme.accent
                        position: settingsPage.site.position
                        offline: previewOffline.checked
                        offlineText: settingsPage.site.offlineText
                        preChatFields: settingsPage.site.preChatFields
                    }
                }
            }

            // 1: snippet
            ScrollView {
                contentWidth: availableWidth
                ColumnLayout {
                    width: parent.width - 56
                    x: 28
                    spacing: 12
                    Item { height: 16 }
                    SectionTitle { text: qsTr("Put the chat on your website") }
                    SiteSwitcher { client: settingsPage.client; site: settingsPage.site }
                    Hint { text: qsTr("Paste this line into every page of your website, just before </body>. The chat button appears at once.") }
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: snippetText.implicitHeight + 28
                        radius: 8
                        color: Material.theme === Material.Dark ? "#0b1220" : "#111827"
                        TextEdit {
                            id: snippetText
                            objectName: "snippetText"
                            anchors.fill: parent
                            anchors.margins: 14
                            readOnly: true
                            selectByMouse: true
                            wrapMode: TextEdit.WrapAnywhere
                            textFormat: TextEdit.PlainText
                            color: "#e5e7eb"
                            font.family: "monospace"
                            font.pixelSize: 13
                            text: settingsPage.client.snippet || qsTr("The snippet appears once the console is connected.")
                        }
                    }
                    RowLayout {
                        AccentButton {
                            objectName: "copySnippetButton"
                            text: qsTr("Copy snippet")
                            
                            onClicked: { snippetText.selectAll(); snippetText.copy(); snippetText.deselect(); copiedLabel.visible = true }
                        }
                        PlainLabel { id: copiedLabel; visible: false; text: qsTr("Copied"); color: Theme.online }
                    }
                    SectionTitle { text: qsTr("Public address"); Layout.topMargin: 12 }
                    Hint { text: qsTr("Where your visitors' browsers reach this server, if not at the address above: your domain or your reverse proxy, such as https://chat.example.com. Leave it empty to use the server's own public URL (its --public-url) or, without one, the address the console connects to.") }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: publicUrlField
                            objectName: "publicUrlField"
                            Layout.fillWidth: true
                            placeholderText: "https://chat.example.com"
                            text: settingsPage.settings.publicUrl
                            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                        }
                        Button {
                            objectName: "savePublicUrlButton"
                            text: qsTr("Use this address")
                            onClicked: settingsPage.settings.publicUrl = publicUrlField.text.trim()
                        }
                    }
                    PlainLabel {
                        visible: publicUrlField.text.trim() !== "" && settingsPage.client.publicUrl === "" && settingsPage.settings.publicUrl === publicUrlField.text.trim()
                        text: qsTr("This is not an http:// or https:// address, so the snippet keeps the console's address.")
                        color: Theme.danger
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    SectionTitle { text: qsTr("Allowed websites"); Layout.topMargin: 12 }
                    Hint { text: qsTr("The widget only works on these origins (scheme://host[:port]), one per line.") }
                    TextArea {
                        id: originsField
                        Layout.fillWidth: true
                        textFormat: TextEdit.PlainText
                        enabled: settingsPage.site.editable
                        // A QStringList is a JavaScript array here; Qt 6.4's qmllint does not know its join().
                        text: settingsPage.site.allowedOrigins.join("\n") // qmllint disable type
                    }
                    Button {
                        text: qsTr("Save allowed websites")
                        enabled: settingsPage.site.editable
                        onClicked: {
                            settingsPage.site.allowedOrigins = settingsPage.session.parseOrigins(originsField.text)
                            settingsPage.site.saveAllowedOrigins()
                        }
                    }
                    SectionTitle { text: qsTr("What visitors on the internet need"); Layout.topMargin: 12 }
                    Hint { text: qsTr("Your website's visitors must reach this server: give it a public address, or put it behind a reverse proxy (nginx, Caddy) with an HTTPS certificate, and enter that https:// address as the public address above. A website on https cannot load a chat from plain http.") }
                    Item { height: 16 }
                }
            }

            // 2: sites
            SitesTab { client: settingsPage.client; site: settingsPage.site }

            // 3: team
            ColumnLayout {
                spacing: 12
                Item { height: 16 }
                SectionTitle { text: qsTr("Team"); Layout.leftMargin: 28 }
                Hint { Layout.leftMargin: 28; Layout.rightMargin: 28
                    text: settingsPage.client.isAdmin ? qsTr("Add the people who answer chats. Each signs in with their own email and password.")
                                                     : qsTr("Only an admin can add or remove agents.") }
                ListView {
                    id: agentList
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.leftMargin: 20
                    Layout.rightMargin: 20
                    clip: true
                    model: settingsPage.agents
                    delegate: ItemDelegate {
                        id: agentRow
                        objectName: "agentRow"
                        required property int agentId
                        required property string name
                        required property string email
                        required property string role
                        required property string status
                        required property bool isSelf
                        required property bool disabled
                        width: agentList.width
                        // The ids below put the tag right after an elided name. They make this
                        // contentItem immediate instead of deferred: harmless for a few rows.
                        contentItem: RowLayout { // qmllint disable deferred-property-id
                            spacing: 12
                            Avatar { Layout.preferredWidth: 36; Layout.preferredHeight: 36
                                // A disabled agent is greyed: no colour, no presence dot.
                                opacity: agentRow.disabled ? 0.45 : 1
                                color: agentRow.disabled ? Theme.offline : Theme.avatarColor(key)
                                name: agentRow.name; showPresence: !agentRow.disabled; online: agentRow.status === "online" }
                            ColumnLayout {
                                spacing: 0
                                Layout.fillWidth: true
                                // What the buttons leave, however long a name or email is.
                                Layout.preferredWidth: 100
                                // The name as wide as it needs, the tag right after it; a long name elides before the tag.
                                Item {
                                    Layout.fillWidth: true
                                    implicitHeight: nameText.implicitHeight
                                    PlainLabel { id: nameText; width: Math.min(implicitWidth, parent.width - (disabledTag.visible ? disabledTag.width + 8 : 0))
                                        elide: Text.ElideRight; horizontalAlignment: Text.AlignLeft
                                        text: agentRow.name + (agentRow.isSelf ? " " + qsTr("(you)") : ""); font.bold: true
                                        color: agentRow.disabled ? Material.hintTextColor : Material.foreground }
                                    Rectangle {
                                        id: disabledTag
                                        objectName: "disabledTag"
                                        x: nameText.width + 8
                                        anchors.verticalCenter: nameText.verticalCenter
                                        visible: agentRow.disabled
                                        radius: 4
                                        color: "transparent"
                                        border.width: 1
                                        border.color: Material.hintTextColor
                                        width: disabledText.implicitWidth + 12
                                        height: disabledText.implicitHeight + 4
                                        PlainLabel { id: disabledText; anchors.centerIn: parent; text: qsTr("Disabled")
                                            color: Material.hintTextColor; font.pixelSize: Theme.smallText - 1; font.bold: true }
                                    }
                                }
                                PlainLabel { Layout.fillWidth: true; elide: Text.ElideRight; horizontalAlignment: Text.AlignLeft
                                    text: agentRow.email + "  ·  " + (agentRow.role === "admin" ? qsTr("Admin") : qsTr("Agent")); color: Material.hintTextColor; font.pixelSize: Theme.smallText }
                            }
                            Button { text: qsTr("Reset password"); flat: true; visible: settingsPage.client.isAdmin
                                onClicked: { resetDialog.agentId = agentRow.agentId; resetDialog.agentName = agentRow.name; resetDialog.open() } }
                            Button { objectName: "disableAgentButton"; text: qsTr("Disable"); flat: true
                                visible: settingsPage.client.isAdmin && !agentRow.isSelf && !agentRow.disabled
                                onClicked: { disableDialog.agentId = agentRow.agentId; disableDialog.agentName = agentRow.name; disableDialog.open() } }
                            Button { objectName: "enableAgentButton"; text: qsTr("Enable"); flat: true
                                visible: settingsPage.client.isAdmin && !agentRow.isSelf && agentRow.disabled
                                Material.foreground: Theme.accent
                                onClicked: settingsPage.agents.setDisabled(agentRow.agentId, false) }
                            Button { text: qsTr("Remove"); flat: true; visible: settingsPage.client.isAdmin && !agentRow.isSelf
                                Material.foreground: Theme.danger
                                onClicked: settingsPage.agents.removeAgent(agentRow.agentId) }
                        }
                    }
                }
                GroupBox {
                    visible: settingsPage.client.isAdmin
                    Layout.fillWidth: true
                    Layout.margins: 20
                    title: qsTr("Add an agent")
                    GridLayout {
                        anchors.fill: parent
                        columns: 5
                        TextField { id: newName; placeholderText: qsTr("Name"); Layout.fillWidth: true }
                        TextField { id: newEmail; placeholderText: qsTr("Email"); Layout.fillWidth: true }
                        TextField { id: newPassword; placeholderText: qsTr("First password"); echoMode: TextInput.Password; Layout.fillWidth: true }
                        CheckBox { id: newAdmin; text: qsTr("Admin") }
                        AccentButton { text: qsTr("Add"); enabled: newEmail.text !== "" && newPassword.text.length >= 8
                            onClicked: { settingsPage.agents.addAgent(newEmail.text, newName.text, newPassword.text, newAdmin.checked); newPassword.clear() } }
                    }
                }
                Dialog {
                    id: resetDialog
                    objectName: "resetPasswordDialog"
                    property int agentId
                    property string agentName
                    anchors.centerIn: parent
                    modal: true
                    title: qsTr("New password for %1").arg(agentName)
                    // An agent's name goes in the title: plain, and it elides instead of widening the dialog.
                    width: Math.min(440, settingsPage.width - 48)
                    header: PlainLabel {
                        text: resetDialog.title
                        elide: Text.ElideRight
                        padding: 24
                        bottomPadding: 0
                        font.bold: true
                        font.pixelSize: 16
                        background: Rectangle { radius: 2; color: resetDialog.Material.dialogColor }
                    }
                    standardButtons: Dialog.Ok | Dialog.Cancel
                    TextField { id: resetPassword; echoMode: TextInput.Password; width: 280; placeholderText: qsTr("At least 8 characters") }
                    onAccepted: { settingsPage.agents.resetPassword(agentId, resetPassword.text); resetPassword.clear() }
                }
                Dialog {
                    id: disableDialog
                    objectName: "disableAgentDialog"
                    property int agentId
                    property string agentName
                    anchors.centerIn: parent
                    modal: true
                    title: qsTr("Disable %1?").arg(agentName)
                    width: Math.min(460, settingsPage.width - 48)
                    background: Rectangle { radius: 2; color: disableDialog.Material.dialogColor }
                    header: PlainLabel {
                        text: disableDialog.title
                        elide: Text.ElideRight
                        padding: 24
                        bottomPadding: 0
                        font.bold: true
                        font.pixelSize: 16
                        background: Rectangle { radius: 2; color: disableDialog.Material.dialogColor }
                    }
                    contentItem: PlainLabel {
                        wrapMode: Text.Wrap
                        maximumLineCount: 6
                        elide: Text.ElideRight
                        text: qsTr("%1 is signed out at once and cannot sign in until you enable the account again.").arg(disableDialog.agentName)
                    }
                    footer: DialogButtonBox {
                        // Qt 6.4's qmltypes do not give DialogButtonBox the ButtonRole enum it
                        // takes from QPlatformDialogHelper at run time.
                        Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole } // qmllint disable type
                        Button { objectName: "confirmDisableButton"; text: qsTr("Disable"); flat: true
                            Material.foreground: Theme.danger; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole } // qmllint disable type
                    }
                    onAccepted: settingsPage.agents.setDisabled(agentId, true)
                }
            }

            // 4: canned responses
            ColumnLayout {
                spacing: 12
                Item { height: 16 }
                SectionTitle { text: qsTr("Canned responses"); Layout.leftMargin: 28 }
                Hint { Layout.leftMargin: 28; Layout.rightMargin: 28
                    text: qsTr("Type /shortcut in a reply and it becomes the text. Shared by the whole team.") }
                ListView {
                    id: cannedList
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.leftMargin: 20
                    Layout.rightMargin: 20
                    clip: true
                    model: settingsPage.canned
                    delegate: ItemDelegate {
                        id: cannedRow
                        required property int cannedId
                        required property string shortcut
                        required property string body
                        width: cannedList.width
                        onClicked: { cannedId_.value = cannedId; cannedShortcut.text = shortcut; cannedBody.text = body }
                        contentItem: RowLayout {
                            PlainLabel { text: "/" + cannedRow.shortcut; font.bold: true; color: Theme.accent; Layout.preferredWidth: 140 }
                            PlainLabel { text: cannedRow.body; Layout.fillWidth: true; elide: Text.ElideRight; maximumLineCount: 1 }
                            Button { text: qsTr("Delete"); flat: true; Material.foreground: Theme.danger; onClicked: settingsPage.canned.remove(cannedRow.cannedId) }
                        }
                    }
                    EmptyState {
                        anchors.centerIn: parent
                        width: parent.width - 40
                        visible: cannedList.count === 0
                        title: qsTr("No canned responses yet")
                        text: qsTr("Save answers you give often, like opening hours or shipping times.")
                    }
                }
                GroupBox {
                    id: cannedEditor
                    Layout.fillWidth: true
                    Layout.margins: 20
                    title: cannedId_.value > 0 ? qsTr("Edit /%1").arg(cannedShortcut.text) : qsTr("New canned response")
                    label: PlainLabel {
                        x: cannedEditor.leftPadding
                        width: cannedEditor.availableWidth
                        text: cannedEditor.title
                        font: cannedEditor.font
                        elide: Text.ElideRight
                        verticalAlignment: Text.AlignVCenter
                    }
                    QtObject { id: cannedId_; property int value: 0 }
                    GridLayout {
                        anchors.fill: parent
                        columns: 3
                        TextField { id: cannedShortcut; placeholderText: qsTr("shortcut, e.g. hours"); Layout.preferredWidth: 180 }
                        TextField { id: cannedBody; placeholderText: qsTr("The text it expands to"); Layout.fillWidth: true }
                        AccentButton { text: qsTr("Save"); enabled: cannedShortcut.text !== "" && cannedBody.text !== ""
                            onClicked: { settingsPage.canned.save(cannedId_.value, cannedShortcut.text, cannedBody.text); cannedId_.value = 0; cannedShortcut.clear(); cannedBody.clear() } }
                    }
                }
            }

            // 5: notifications and presence
            ColumnLayout {
                spacing: 10
                Item { height: 16 }
                ColumnLayout {
                    Layout.leftMargin: 28
                    Layout.rightMargin: 28
                    spacing: 10
                    SectionTitle { text: qsTr("Notifications") }
                    Switch { text: qsTr("Show desktop notifications"); checked: settingsPage.settings.notificationsEnabled
                        onToggled: { settingsPage.settings.notificationsEnabled = checked; settingsPage.notifier.enabled = checked } }
                    Switch { text: qsTr("Play a sound"); checked: settingsPage.settings.soundEnabled
                        onToggled: { settingsPage.settings.soundEnabled = checked; settingsPage.notifier.soundEnabled = checked } }
                    // Sound (AlertSound): its volume, a test, and why it cannot play.
                    RowLayout {
                        PlainLabel { text: qsTr("Volume") }
                        Slider { id: soundVolume; objectName: "soundVolumeSlider"; from: 0; to: 100; stepSize: 5
                            enabled: settingsPage.settings.soundEnabled
                            value: settingsPage.settings.soundVolume
                            onMoved: { settingsPage.settings.soundVolume = value; settingsPage.notifier.alertSound.volume = value } }
                        PlainLabel { text: qsTr("%1 %").arg(Math.round(soundVolume.value)); Layout.preferredWidth: 48 }
                        Button { objectName: "testSoundButton"; text: qsTr("Test sound"); onClicked: settingsPage.notifier.alertSound.test() }
                    }
                    Hint { visible: !settingsPage.notifier.alertSound.available
                        text: qsTr("%1. Notifications ask the desktop for its own sound instead.").arg(settingsPage.notifier.alertSound.errorString) }
                    RowLayout {
                        PlainLabel { text: qsTr("Remind me every") }
                        SpinBox { from: 0; to: 600; stepSize: 15; value: settingsPage.settings.repeatSeconds; editable: true
                            onValueModified: { settingsPage.settings.repeatSeconds = value; settingsPage.notifier.repeatSeconds = value } }
                        PlainLabel { text: qsTr("seconds while a visitor waits (0: never)") }
                    }
                    SectionTitle { text: qsTr("Presence"); Layout.topMargin: 16 }
                    RowLayout {
                        PlainLabel { text: qsTr("Show me as away after") }
                        SpinBox { from: 0; to: 120; value: settingsPage.settings.idleMinutes; editable: true
                            onValueModified: settingsPage.settings.idleMinutes = value }
                        PlainLabel { text: qsTr("minutes without activity (0: never)") }
                    }
                    Hint { text: qsTr("Visitors see the chat as offline when no agent is online.") }

                    // --- The tray and starting at login (ConsoleLifecycle, AutostartEntry) ---
                    SectionTitle { text: qsTr("Tray and login"); Layout.topMargin: 16 }
                    AutostartEntry { id: autostart }
                    Switch {
                        objectName: "startAtLogin"
                        text: qsTr("Start Frontdesk when I log in")
                        checked: autostart.enabled
                        onToggled: { autostart.enabled = checked; checked = Qt.binding(() => autostart.enabled) }
                    }
                    Hint { text: qsTr("It starts in the tray, without a window: visitors are noticed from the moment you log in.") }
                    PlainLabel {
                        Layout.fillWidth: true
                        visible: autostart.errorString !== ""
                        text: autostart.errorString
                        color: Theme.danger
                        wrapMode: Text.Wrap
                    }
                    PlainLabel {
                        objectName: "noTrayLine"
                        Layout.fillWidth: true
                        visible: !settingsPage.lifecycle.trayAvailable
                        text: qsTr("This desktop has no system tray, so closing the window minimises it instead: Frontdesk keeps running until you quit it (Ctrl+Q).")
                        color: Theme.waiting
                        wrapMode: Text.Wrap
                    }
                    Hint {
                        visible: settingsPage.lifecycle.trayAvailable
                        text: settingsPage.session.hostMode
                              ? qsTr("Closing the window keeps Frontdesk in the tray, and the chat on your site. Quit from the tray menu or with Ctrl+Q.")
                              : qsTr("Closing the window keeps Frontdesk in the tray, and you are still notified. Quit from the tray menu or with Ctrl+Q.")
                    }
                    // --- end of the tray block ---
                }
                // The tray may have come or gone since the console started.
                onVisibleChanged: if (visible) { settingsPage.lifecycle.checkTray(); autostart.refresh() }
                Item { Layout.fillHeight: true }
            }

            // 6: server (host mode)
            ScrollView {
                contentWidth: availableWidth
                ColumnLayout {
                    x: 28
                    width: parent.width - 56
                    spacing: 10
                    Item { height: 16 }
                    SectionTitle { text: qsTr("Server") }
                    Hint { text: settingsPage.session.hostMode ? qsTr("This computer runs the chat server. Changes apply the next time Frontdesk starts.")
                                                               : qsTr("Connected to %1. The server's own settings are made where it runs.").arg(settingsPage.client.serverUrl) }
                    GridLayout {
                        enabled: settingsPage.session.hostMode
                        columns: 2
                        columnSpacing: 16
                        PlainLabel { text: qsTr("Listen address") }
                        TextField { Layout.preferredWidth: 260; text: settingsPage.settings.listenAddress; onEditingFinished: settingsPage.settings.listenAddress = text }
                        PlainLabel { text: qsTr("Port") }
                        SpinBox { from: 1; to: 65535; editable: true; value: settingsPage.settings.listenPort; onValueModified: settingsPage.settings.listenPort = value }
                        PlainLabel { text: qsTr("TLS certificate (PEM)") }
                        TextField { Layout.preferredWidth: 360; placeholderText: qsTr("/etc/ssl/certs/chat.pem (empty: plain HTTP)"); text: settingsPage.settings.tlsCertificate; onEditingFinished: settingsPage.settings.tlsCertificate = text }
                        PlainLabel { text: qsTr("TLS private key (PEM)") }
                        TextField { Layout.preferredWidth: 360; text: settingsPage.settings.tlsPrivateKey; onEditingFinished: settingsPage.settings.tlsPrivateKey = text }
                        PlainLabel { text: qsTr("Database") }
                        TextField { Layout.preferredWidth: 360; placeholderText: qsTr("Empty: SQLite file on this computer; or mariadb://user@host:3306/frontdesk")
                            text: settingsPage.settings.databaseUrl; onEditingFinished: settingsPage.settings.databaseUrl = text }
                    }
                    Hint { text: qsTr("A MariaDB password is kept in the system keyring, never in a settings file: run \"frontdesk --store-database-password --database URL\" once.") }
                    Hint { text: qsTr("Listening on 127.0.0.1 keeps the server private to this computer. Visitors on the internet need a public address (0.0.0.0 and an open port) or, better, a reverse proxy with HTTPS in front.") }
                    Item { height: 16 }
                }
            }

            // 7: account and language
            ColumnLayout {
                spacing: 10
                Item { height: 16 }
                ColumnLayout {
                    Layout.leftMargin: 28
                    Layout.rightMargin: 28
                    spacing: 10
                    SectionTitle { text: qsTr("Account") }
                    PlainLabel { text: qsTr("Signed in as %1 (%2)").arg(settingsPage.client.agentName).arg(settingsPage.client.agentEmail) }
                    RowLayout {
                        TextField { id: currentPassword; placeholderText: qsTr("Current password"); echoMode: TextInput.Password }
                        TextField { id: newOwnPassword; placeholderText: qsTr("New password"); echoMode: TextInput.Password }
                        Button { text: qsTr("Change password"); enabled: newOwnPassword.text.length >= 8
                            onClicked: { settingsPage.client.changePassword(currentPassword.text, newOwnPassword.text); currentPassword.clear(); newOwnPassword.clear() } }
                    }
                    Button { text: qsTr("Sign out"); onClicked: settingsPage.session.signOut() }
                    SectionTitle { text: qsTr("Language"); Layout.topMargin: 16 }
                    ComboBox {
                        Layout.preferredWidth: 240
                        textRole: "label"
                        valueRole: "value"
                        model: [{ value: "", label: qsTr("System language") }, { value: "en", label: "English" },
                                { value: "de", label: "Deutsch" }, { value: "fr", label: "Français" }, { value: "es", label: "Español" }]
                        Component.onCompleted: currentIndex = indexOfValue(settingsPage.settings.language)
                        onActivated: settingsPage.settings.language = currentValue
                    }
                    Hint { text: qsTr("The new language applies the next time Frontdesk starts.") }
                    Button { text: qsTr("Run the setup wizard again…"); flat: true; onClicked: settingsPage.session.runSetupAgain() }
                }
                Item { Layout.fillHeight: true }
            }

            // 8: your sessions (every console signed in to this account)
            ColumnLayout {
                id: sessionsTab
                spacing: 12
                // Read again each time the tab shows, and on every reconnect while it does.
                SessionListModel { id: sessionsModel; client: settingsPage.client; active: sessionsTab.visible }
                Item { height: 16 }
                SectionTitle { text: qsTr("Your sessions"); Layout.leftMargin: 28 }
                Hint { Layout.leftMargin: 28; Layout.rightMargin: 28
                    text: qsTr("Every computer where your account is signed in. Sign out any you do not recognise or no longer use; it has to sign in again with your password.") }
                Button {
                    objectName: "endOtherSessionsButton"
                    Layout.leftMargin: 20
                    text: qsTr("Sign out everywhere else")
                    enabled: sessionsModel.count > 1
                    onClicked: sessionsModel.endOtherSessions()
                }
                ListView {
                    id: sessionList
                    objectName: "sessionList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.leftMargin: 20
                    Layout.rightMargin: 20
                    clip: true
                    model: sessionsModel
                    delegate: ItemDelegate {
                        id: sessionRow
                        required property string sessionId
                        required property string device
                        required property string address
                        required property var createdAt
                        required property string lastActive
                        required property bool isCurrent
                        width: sessionList.width
                        // Rows with and without a Sign out button are the same height.
                        implicitHeight: Math.max(60, implicitContentHeight + topPadding + bottomPadding)
                        // As for the agents: ids for the tag after the name, a few rows only.
                        contentItem: RowLayout { // qmllint disable deferred-property-id
                            spacing: 12
                            // A screen drawn with shapes: no icon font needed.
                            Item {
                                Layout.preferredWidth: 36
                                Layout.preferredHeight: 36
                                Rectangle { x: 4; y: 7; width: 28; height: 18; radius: 3; color: "transparent"; border.width: 2
                                    border.color: sessionRow.isCurrent ? Theme.accent : Material.hintTextColor }
                                Rectangle { x: 12; y: 27; width: 12; height: 2; radius: 1
                                    color: sessionRow.isCurrent ? Theme.accent : Material.hintTextColor }
                            }
                            ColumnLayout {
                                spacing: 0
                                Layout.fillWidth: true
                                Layout.preferredWidth: 100
                                Item {
                                    Layout.fillWidth: true
                                    implicitHeight: deviceText.implicitHeight
                                    PlainLabel { id: deviceText; width: Math.min(implicitWidth, parent.width - (currentTag.visible ? currentTag.width + 8 : 0))
                                        elide: Text.ElideRight; horizontalAlignment: Text.AlignLeft; text: sessionRow.device; font.bold: true }
                                    Rectangle {
                                        id: currentTag
                                        x: deviceText.width + 8
                                        anchors.verticalCenter: deviceText.verticalCenter
                                        visible: sessionRow.isCurrent
                                        radius: 4
                                        color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.12)
                                        width: currentText.implicitWidth + 12
                                        height: currentText.implicitHeight + 4
                                        PlainLabel { id: currentText; anchors.centerIn: parent; text: qsTr("This computer")
                                            color: Theme.accent; font.pixelSize: Theme.smallText - 1; font.bold: true }
                                    }
                                }
                                PlainLabel { Layout.fillWidth: true; elide: Text.ElideRight; horizontalAlignment: Text.AlignLeft
                                    color: Material.hintTextColor; font.pixelSize: Theme.smallText
                                    // Joined, not chained .arg(): a wire string must not feed the next placeholder.
                                    text: [sessionRow.address,
                                           qsTr("signed in %1").arg(sessionRow.createdAt ? sessionRow.createdAt.toLocaleDateString(Qt.locale(), Locale.ShortFormat) : ""),
                                           sessionRow.lastActive].filter(part => part !== "").join("  ·  ") }
                            }
                            Button { objectName: "endSessionButton"; text: qsTr("Sign out"); flat: true; visible: !sessionRow.isCurrent
                                Material.foreground: Theme.danger
                                onClicked: sessionsModel.endSession(sessionRow.sessionId) }
                        }
                    }
                    footer: Item {
                        width: sessionList.width
                        visible: sessionsModel.count === 1
                        height: visible ? aloneText.implicitHeight + 16 : 0
                        PlainLabel {
                            id: aloneText
                            x: 12
                            y: 12
                            width: parent.width - 24
                            wrapMode: Text.Wrap
                            color: Material.hintTextColor
                            font.pixelSize: Theme.smallText + 1
                            text: qsTr("You are not signed in anywhere else.")
                        }
                    }
                    EmptyState {
                        anchors.centerIn: parent
                        width: parent.width - 40
                        visible: sessionList.count === 0
                        title: sessionsModel.loaded ? qsTr("No sessions") : qsTr("Your sessions appear once the console is connected")
                        text: ""
                    }
                }
            }

            // 9: email. The outbox's state first (the SMTP server's own
            // sentence when it refused something), then this site's mail
            // settings (admins), then the SMTP server (host mode).
            ScrollView {
                objectName: "emailSettings"
                contentWidth: availableWidth
                ColumnLayout {
                    x: 28
                    width: parent.width - 56
                    spacing: 10
                    Item { height: 16 }
                    SectionTitle { text: qsTr("Email") }
                    Rectangle {
                        objectName: "mailProblemBanner"
                        visible: settingsPage.client.mailProblem !== ""
                        Layout.fillWidth: true
                        implicitHeight: mailProblemText.implicitHeight + 20
                        radius: 6
                        color: Material.theme === Material.Dark ? "#4a1d1d" : "#fdecea"
                        PlainLabel {
                            id: mailProblemText
                            x: 12
                            y: 10
                            width: parent.width - 24
                            wrapMode: Text.Wrap
                            text: (settingsPage.client.mailProblemRecipient === "visitor"
                                   ? qsTr("An email to a visitor could not be sent (%1). The mail server said:")
                                   : qsTr("An email to your team could not be sent (%1). The mail server said:"))
                                  .arg(settingsPage.client.mailProblemAt.toLocaleString(Qt.locale(), Locale.ShortFormat))
                                  + "\n" + settingsPage.client.mailProblem
                        }
                    }
                    Hint {
                        text: !settingsPage.client.mailEnabled ? qsTr("This server sends no email: no SMTP server is set.")
                              : qsTr("%1 emails waiting to be sent, %2 given up on.").arg(settingsPage.client.mailQueued).arg(settingsPage.client.mailFailed)
                    }

                    SectionTitle { text: qsTr("Email for this site"); Layout.topMargin: 12 }
                    Hint { text: qsTr("Messages left while nobody is online, and chats nobody accepts in time, go to the team's address. Visitors never see it.") }
                    GridLayout {
                        enabled: settingsPage.site.editable
                        columns: 2
                        columnSpacing: 16
                        PlainLabel { text: qsTr("Team's address") }
                        TextField { objectName: "mailTeamAddressField"; Layout.preferredWidth: 320; placeholderText: qsTr("support@example.com (empty: none)")
                            text: settingsPage.site.mailTeamAddress; onEditingFinished: settingsPage.site.mailTeamAddress = text.trim() }
                        PlainLabel { text: qsTr("Email a chat nobody accepted after (minutes, 0: never)") }
                        SpinBox { from: 0; to: 1440; editable: true; value: settingsPage.site.mailUnansweredMinutes
                            onValueModified: settingsPage.site.mailUnansweredMinutes = value }
                    }
                    Switch { enabled: settingsPage.site.editable; text: qsTr("Email an agent's reply to a visitor who left (if they gave an email)")
                        checked: settingsPage.site.mailRepliesToAbsentVisitors; onToggled: settingsPage.site.mailRepliesToAbsentVisitors = checked }
                    Button { enabled: settingsPage.site.editable; text: qsTr("Save email settings"); onClicked: settingsPage.site.saveMail() }

                    SectionTitle { text: qsTr("Mail server"); Layout.topMargin: 12 }
                    Hint { text: settingsPage.session.hostMode ? qsTr("The SMTP server this computer sends through.")
                                                               : qsTr("Set on the server with --smtp-url, --smtp-user and --smtp-from.") }
                    GridLayout {
                        visible: settingsPage.session.hostMode
                        columns: 2
                        columnSpacing: 16
                        PlainLabel { text: qsTr("SMTP server") }
                        TextField { Layout.preferredWidth: 360; placeholderText: qsTr("smtp://mail.example.com:587 or smtps://mail.example.com:465")
                            text: settingsPage.settings.smtpUrl; onEditingFinished: settingsPage.settings.smtpUrl = text }
                        PlainLabel { text: qsTr("User") }
                        TextField { Layout.preferredWidth: 260; text: settingsPage.settings.smtpUser; onEditingFinished: settingsPage.settings.smtpUser = text }
                        PlainLabel { text: qsTr("Password") }
                        RowLayout {
                            TextField { id: smtpPassword; Layout.preferredWidth: 260; echoMode: TextInput.Password; placeholderText: qsTr("Kept in the system keyring") }
                            Button { text: qsTr("Save password"); enabled: smtpPassword.text !== ""
                                onClicked: { settingsPage.session.saveSmtpPassword(smtpPassword.text); smtpPassword.text = "" } }
                        }
                        PlainLabel { text: qsTr("From") }
                        TextField { Layout.preferredWidth: 360; placeholderText: qsTr("chat@example.com (a display name may come first)")
                            text: settingsPage.settings.smtpFrom; onEditingFinished: settingsPage.settings.smtpFrom = text }
                    }
                    Switch { visible: settingsPage.session.hostMode; text: qsTr("Allow a mail server without TLS (only one on this computer)")
                        checked: settingsPage.settings.smtpAllowPlain; onToggled: settingsPage.settings.smtpAllowPlain = checked }
                    Hint {
                        id: smtpProblem
                        visible: settingsPage.session.hostMode && text !== ""
                        color: Material.color(Material.Red)
                        text: settingsPage.session.checkSmtpSettings(settingsPage.settings.smtpUrl, settingsPage.settings.smtpUser,
                                                                     settingsPage.settings.smtpFrom, settingsPage.settings.smtpAllowPlain)
                    }
                    // What the running server uses, next to the button that
                    // makes it use the form: the two can differ until applied.
                    RowLayout {
                        visible: settingsPage.session.hostMode
                        spacing: 12
                        Button {
                            objectName: "applySmtpButton"
                            text: qsTr("Use these settings now")
                            enabled: smtpProblem.text === ""
                            onClicked: settingsPage.session.applySmtpSettings()
                        }
                        Hint {
                            Layout.fillWidth: true
                            text: settingsPage.session.smtpInUse === "" ? qsTr("Sending no email now.")
                                  : qsTr("Sending through %1 now.").arg(settingsPage.session.smtpInUse)
                        }
                    }
                    Item { height: 16 }
                }
            }

            // 10: webhooks (admins). The current site's endpoints, each with
            // its status, secret and delivery log, then the form that adds one.
            // URLs, notes and failure sentences come from the wire: plain text.
            Item {
                id: webhooksTab
                objectName: "webhooksTab"
                // One endpoint's secret shown, one edited, at a time.
                property int shownSecretId: 0
                property int editingId: 0

                WebhookListModel { id: webhooks; client: settingsPage.client; active: webhooksTab.visible }
                Connections {
                    target: webhooks
                    function onCreated(webhookId) {
                        newWebhookUrl.clear()
                        newWebhookDescription.clear()
                        for (let i = 0; i < newWebhookEvents.count; ++i)
                            newWebhookEvents.itemAt(i).checked = true
                    }
                    function onUpdated(webhookId) {
                        if (webhooksTab.editingId === webhookId)
                            webhooksTab.editingId = 0
                    }
                }

                // A checkbox per event type, its label in words (the model's, so the list and the boxes agree).
                component EventCheck: CheckBox {
                    id: eventBox
                    required property string modelData
                    readonly property string eventType: modelData
                    objectName: "webhookEvent_" + modelData
                    text: webhooks.eventName(modelData)
                    contentItem: PlainLabel {
                        leftPadding: eventBox.indicator && !eventBox.mirrored ? eventBox.indicator.width + eventBox.spacing : 0
                        rightPadding: eventBox.indicator && eventBox.mirrored ? eventBox.indicator.width + eventBox.spacing : 0
                        text: eventBox.text
                        font: eventBox.font
                        color: eventBox.enabled ? eventBox.Material.foreground : eventBox.Material.hintTextColor
                        verticalAlignment: Text.AlignVCenter
                    }
                }
                function checkedEvents(repeater) {
                    const chosen = []
                    for (let i = 0; i < repeater.count; ++i) {
                        const box = repeater.itemAt(i)
                        if (box && box.checked)
                            chosen.push(box.eventType)
                    }
                    return chosen
                }

                ScrollView {
                    anchors.fill: parent
                    contentWidth: availableWidth
                    ColumnLayout {
                        x: 28
                        width: parent.width - 56
                        spacing: 10
                        Item { height: 16 }
                        SectionTitle { text: qsTr("Webhooks") }
                        SiteSwitcher { client: settingsPage.client; site: settingsPage.site }
                        Hint { text: qsTr("A webhook sends the chat events you choose to an address of yours as a signed HTTP POST, so another system (a CRM, a help desk, a script) can act on them; docs/integrations.md describes the requests and how to check the signature.") }
                        Hint {
                            objectName: "webhooksAdminOnly"
                            visible: !settingsPage.client.isAdmin
                            text: qsTr("Only an admin can see and change a site's webhooks.")
                        }
                        PlainLabel {
                            objectName: "webhooksListError"
                            Layout.fillWidth: true
                            visible: settingsPage.client.isAdmin && webhooks.listError !== ""
                            text: webhooks.listError
                            color: Theme.danger
                            wrapMode: Text.Wrap
                        }
                        Hint {
                            visible: settingsPage.client.isAdmin && webhooks.listError === ""
                            text: !settingsPage.client.online ? qsTr("The webhooks appear once the console is connected.")
                                  : !webhooks.loaded ? qsTr("Loading…")
                                  : webhooks.count === 0 ? qsTr("This site has no webhooks yet. Add an endpoint below.") : ""
                        }

                        Repeater {
                            id: webhookList
                            objectName: "webhookList"
                            model: settingsPage.client.isAdmin ? webhooks : null
                            delegate: Rectangle {
                                id: hookRow
                                objectName: "webhookRow"
                                required property int webhookId
                                required property string url
                                required property var events
                                required property string eventNames
                                required property bool isEnabled
                                required property string description
                                required property string secret
                                required property string statusLine
                                required property string statusKind
                                required property string error
                                required property string errorAction
                                required property bool busy
                                readonly property bool secretShown: webhooksTab.shownSecretId === webhookId
                                readonly property bool editing: webhooksTab.editingId === webhookId
                                Layout.fillWidth: true
                                implicitHeight: hookColumn.implicitHeight + 24
                                radius: 8
                                color: "transparent"
                                border.width: 1
                                border.color: Material.theme === Material.Dark ? "#2a3342" : "#e3e6eb"

                                ColumnLayout {
                                    id: hookColumn
                                    x: 14
                                    y: 12
                                    width: parent.width - 28
                                    spacing: 4
                                    RowLayout {
                                        Layout.fillWidth: true
                                        spacing: 12
                                        PlainLabel {
                                            objectName: "webhookUrl"
                                            Layout.fillWidth: true
                                            text: hookRow.url
                                            font.bold: true
                                            elide: Text.ElideMiddle
                                            opacity: hookRow.isEnabled ? 1 : 0.6
                                        }
                                        Switch {
                                            objectName: "webhookEnabledSwitch"
                                            text: qsTr("Send events")
                                            checked: hookRow.isEnabled
                                            onToggled: {
                                                webhooks.setEnabled(hookRow.webhookId, checked)
                                                checked = Qt.binding(() => hookRow.isEnabled)
                                            }
                                        }
                                    }
                                    PlainLabel {
                                        Layout.fillWidth: true
                                        visible: hookRow.description !== ""
                                        text: hookRow.description
                                        wrapMode: Text.Wrap
                                        maximumLineCount: 3
                                        elide: Text.ElideRight
                                    }
                                    PlainLabel {
                                        objectName: "webhookEvents"
                                        Layout.fillWidth: true
                                        text: qsTr("Events: %1").arg(hookRow.eventNames)
                                        color: Material.hintTextColor
                                        font.pixelSize: Theme.smallText + 1
                                        wrapMode: Text.Wrap
                                    }
                                    PlainLabel {
                                        objectName: "webhookStatus"
                                        Layout.fillWidth: true
                                        // Joined, not chained .arg(): the status line holds a sentence from the wire.
                                        text: (hookRow.isEnabled ? "" : qsTr("Off: nothing is sent") + "  ·  ") + hookRow.statusLine
                                        color: hookRow.statusKind === "failing" ? Theme.danger
                                             : hookRow.statusKind === "waiting" ? Theme.waiting
                                             : hookRow.statusKind === "delivered" ? Theme.online : Material.hintTextColor
                                        font.pixelSize: Theme.smallText + 1
                                        wrapMode: Text.Wrap
                                        maximumLineCount: 3
                                        elide: Text.ElideRight
                                    }
                                    RowLayout {
                                        spacing: 4
                                        Layout.leftMargin: -8
                                        // Two buttons, not one with a text that switches: each label a literal (the plain-text rule).
                                        Button {
                                            objectName: "webhookShowSecretButton"
                                            visible: !hookRow.secretShown
                                            flat: true
                                            text: qsTr("Show secret")
                                            onClicked: webhooksTab.shownSecretId = hookRow.webhookId
                                        }
                                        Button {
                                            objectName: "webhookHideSecretButton"
                                            visible: hookRow.secretShown
                                            flat: true
                                            text: qsTr("Hide secret")
                                            onClicked: webhooksTab.shownSecretId = 0
                                        }
                                        Button {
                                            objectName: "webhookRotateButton"
                                            flat: true
                                            text: qsTr("New secret…")
                                            enabled: !hookRow.busy
                                            onClicked: {
                                                rotateWebhookDialog.webhookId = hookRow.webhookId
                                                rotateWebhookDialog.url = hookRow.url
                                                rotateWebhookDialog.open()
                                            }
                                        }
                                        Button {
                                            objectName: "webhookEditButton"
                                            flat: true
                                            text: qsTr("Edit")
                                            enabled: !hookRow.editing
                                            onClicked: webhooksTab.editingId = hookRow.webhookId
                                        }
                                        Button {
                                            objectName: "webhookDeliveriesButton"
                                            flat: true
                                            text: qsTr("Deliveries")
                                            onClicked: webhookDeliveriesDialog.show(hookRow.webhookId, hookRow.url, hookRow.isEnabled)
                                        }
                                        Button {
                                            objectName: "webhookDeleteButton"
                                            flat: true
                                            text: qsTr("Delete…")
                                            enabled: !hookRow.busy
                                            Material.foreground: Theme.danger
                                            onClicked: {
                                                deleteWebhookDialog.webhookId = hookRow.webhookId
                                                deleteWebhookDialog.url = hookRow.url
                                                deleteWebhookDialog.open()
                                            }
                                        }
                                    }
                                    // The switch's, the new secret's or the delete's refusal, under those controls.
                                    PlainLabel {
                                        objectName: "webhookRowError"
                                        Layout.fillWidth: true
                                        visible: hookRow.error !== "" && hookRow.errorAction !== "update"
                                        text: hookRow.error
                                        color: Theme.danger
                                        wrapMode: Text.Wrap
                                    }
                                    RowLayout {
                                        visible: hookRow.secretShown
                                        Layout.fillWidth: true
                                        spacing: 8
                                        Rectangle {
                                            Layout.fillWidth: true
                                            implicitHeight: secretText.implicitHeight + 16
                                            radius: 6
                                            color: Material.theme === Material.Dark ? "#0b1220" : "#111827"
                                            TextEdit {
                                                id: secretText
                                                objectName: "webhookSecretText"
                                                anchors.fill: parent
                                                anchors.margins: 8
                                                readOnly: true
                                                selectByMouse: true
                                                wrapMode: TextEdit.WrapAnywhere
                                                textFormat: TextEdit.PlainText
                                                color: "#e5e7eb"
                                                font.family: "monospace"
                                                font.pixelSize: 13
                                                text: hookRow.secretShown ? hookRow.secret : ""
                                            }
                                        }
                                        Button {
                                            objectName: "webhookCopySecretButton"
                                            text: qsTr("Copy")
                                            onClicked: { secretText.selectAll(); secretText.copy(); secretText.deselect(); secretCopied.visible = true }
                                        }
                                        PlainLabel { id: secretCopied; visible: false; text: qsTr("Copied"); color: Theme.online }
                                    }
                                    // The editor: address, events and note; its refusal next to Save.
                                    ColumnLayout {
                                        visible: hookRow.editing
                                        Layout.fillWidth: true
                                        Layout.topMargin: 6
                                        spacing: 6
                                        TextField {
                                            id: editUrl
                                            objectName: "webhookEditUrlField"
                                            Layout.fillWidth: true
                                            placeholderText: qsTr("https://example.com/hooks/frontdesk")
                                            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                                        }
                                        Flow {
                                            Layout.fillWidth: true
                                            spacing: 4
                                            Repeater {
                                                id: editEvents
                                                model: webhooks.eventTypes
                                                delegate: EventCheck { }
                                            }
                                        }
                                        TextField {
                                            id: editDescription
                                            objectName: "webhookEditDescriptionField"
                                            Layout.fillWidth: true
                                            maximumLength: 200
                                            placeholderText: qsTr("Description (optional)")
                                        }
                                        RowLayout {
                                            spacing: 8
                                            AccentButton {
                                                objectName: "webhookEditSaveButton"
                                                text: qsTr("Save")
                                                enabled: !hookRow.busy
                                                onClicked: webhooks.update(hookRow.webhookId, editUrl.text,
                                                                           webhooksTab.checkedEvents(editEvents), editDescription.text)
                                            }
                                            Button {
                                                text: qsTr("Cancel")
                                                flat: true
                                                onClicked: webhooksTab.editingId = 0
                                            }
                                            PlainLabel {
                                                objectName: "webhookEditError"
                                                Layout.fillWidth: true
                                                visible: hookRow.errorAction === "update"
                                                text: hookRow.error
                                                color: Theme.danger
                                                wrapMode: Text.Wrap
                                            }
                                        }
                                    }
                                }
                                // The editor starts from the endpoint as it is each time it opens.
                                onEditingChanged: {
                                    if (!editing)
                                        return
                                    editUrl.text = url
                                    editDescription.text = description
                                    for (let i = 0; i < editEvents.count; ++i)
                                        editEvents.itemAt(i).checked = events.indexOf(editEvents.itemAt(i).eventType) >= 0
                                }
                            }
                        }

                        GroupBox {
                            objectName: "addWebhookForm"
                            visible: settingsPage.client.isAdmin
                            Layout.fillWidth: true
                            Layout.topMargin: 8
                            title: qsTr("Add an endpoint")
                            GridLayout {
                                anchors.fill: parent
                                columns: 2
                                columnSpacing: 16
                                rowSpacing: 6
                                PlainLabel { text: qsTr("Address") }
                                TextField {
                                    id: newWebhookUrl
                                    objectName: "webhookUrlField"
                                    Layout.fillWidth: true
                                    placeholderText: qsTr("https://example.com/hooks/frontdesk")
                                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                                }
                                PlainLabel { text: qsTr("Events"); Layout.alignment: Qt.AlignTop; Layout.topMargin: 12 }
                                Flow {
                                    Layout.fillWidth: true
                                    spacing: 4
                                    Repeater {
                                        id: newWebhookEvents
                                        model: webhooks.eventTypes
                                        delegate: EventCheck { checked: true }
                                    }
                                }
                                PlainLabel { text: qsTr("Description") }
                                TextField {
                                    id: newWebhookDescription
                                    objectName: "webhookDescriptionField"
                                    Layout.fillWidth: true
                                    maximumLength: 200
                                    placeholderText: qsTr("Optional: what it is for, e.g. the CRM")
                                }
                                Item { width: 1; height: 1 }
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: 12
                                    AccentButton {
                                        objectName: "addWebhookButton"
                                        text: qsTr("Add")
                                        enabled: !webhooks.creating && newWebhookUrl.text.trim() !== ""
                                        onClicked: webhooks.create(newWebhookUrl.text, webhooksTab.checkedEvents(newWebhookEvents),
                                                                   newWebhookDescription.text)
                                    }
                                    PlainLabel {
                                        objectName: "webhookCreateError"
                                        Layout.fillWidth: true
                                        visible: webhooks.createError !== ""
                                        text: webhooks.createError
                                        color: Theme.danger
                                        wrapMode: Text.Wrap
                                    }
                                }
                            }
                        }
                        Hint {
                            visible: settingsPage.client.isAdmin
                            text: qsTr("Each endpoint gets its own secret. Your receiver checks every request's signature with it and answers with a 2xx status within 10 seconds; anything else is retried for 24 hours.")
                        }
                        Item { height: 16 }
                    }
                }

                Dialog {
                    id: rotateWebhookDialog
                    objectName: "rotateWebhookDialog"
                    property int webhookId
                    property string url
                    anchors.centerIn: parent
                    modal: true
                    width: Math.min(480, webhooksTab.width - 48)
                    title: qsTr("Make a new secret?")
                    background: Rectangle { radius: 2; color: rotateWebhookDialog.Material.dialogColor }
                    // No elide here: an elided wrapping label's height feeds the dialog's (a binding loop).
                    contentItem: PlainLabel {
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                        maximumLineCount: 8
                        text: qsTr("Requests to %1 are signed with the new secret at once, and the old one stops working: give the new one to the receiver.").arg(rotateWebhookDialog.url)
                    }
                    footer: DialogButtonBox {
                        // Qt 6.4's qmltypes lack DialogButtonBox's ButtonRole enum (see the team's dialogs).
                        Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole } // qmllint disable type
                        Button { objectName: "confirmRotateWebhookButton"; text: qsTr("New secret"); flat: true
                            Material.foreground: Theme.danger; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole } // qmllint disable type
                    }
                    onAccepted: {
                        webhooks.rotateSecret(webhookId)
                        webhooksTab.shownSecretId = webhookId
                    }
                }

                Dialog {
                    id: deleteWebhookDialog
                    objectName: "deleteWebhookDialog"
                    property int webhookId
                    property string url
                    anchors.centerIn: parent
                    modal: true
                    width: Math.min(480, webhooksTab.width - 48)
                    title: qsTr("Delete this endpoint?")
                    background: Rectangle { radius: 2; color: deleteWebhookDialog.Material.dialogColor }
                    // No elide here: an elided wrapping label's height feeds the dialog's (a binding loop).
                    contentItem: PlainLabel {
                        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                        maximumLineCount: 8
                        text: qsTr("%1 gets no more events, and its delivery log is deleted with it.").arg(deleteWebhookDialog.url)
                    }
                    footer: DialogButtonBox {
                        Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole } // qmllint disable type
                        Button { objectName: "confirmDeleteWebhookButton"; text: qsTr("Delete"); flat: true
                            Material.foreground: Theme.danger; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole } // qmllint disable type
                    }
                    onAccepted: {
                        if (webhooksTab.shownSecretId === webhookId)
                            webhooksTab.shownSecretId = 0
                        webhooks.remove(webhookId)
                    }
                }

                // One endpoint's log, newest first; it follows the endpoint's webhook_status while open.
                Dialog {
                    id: webhookDeliveriesDialog
                    objectName: "webhookDeliveriesDialog"
                    property string url
                    property bool endpointOn: true
                    function show(webhookId, url, endpointOn) {
                        webhookDeliveriesDialog.url = url
                        webhookDeliveriesDialog.endpointOn = endpointOn
                        webhookDeliveries.webhookId = webhookId
                        open()
                    }
                    anchors.centerIn: parent
                    modal: true
                    width: Math.min(900, webhooksTab.width - 48)
                    height: Math.min(600, webhooksTab.height - 48)
                    title: qsTr("Deliveries to %1").arg(url)
                    background: Rectangle { radius: 2; color: webhookDeliveriesDialog.Material.dialogColor }
                    header: PlainLabel {
                        text: webhookDeliveriesDialog.title
                        elide: Text.ElideMiddle
                        padding: 24
                        bottomPadding: 0
                        font.bold: true
                        font.pixelSize: 16
                        background: Rectangle { radius: 2; color: webhookDeliveriesDialog.Material.dialogColor }
                    }
                    onClosed: webhookDeliveries.webhookId = 0

                    WebhookDeliveryModel {
                        id: webhookDeliveries
                        client: settingsPage.client
                        // The endpoint was deleted (here or elsewhere): its log is gone.
                        onWebhookIdChanged: if (webhookId === 0 && webhookDeliveriesDialog.opened) webhookDeliveriesDialog.close()
                    }

                    contentItem: ColumnLayout { // qmllint disable deferred-property-id
                        spacing: 6
                        Hint {
                            Layout.bottomMargin: 6
                            objectName: "webhookDeliveriesOffHint"
                            visible: !webhookDeliveriesDialog.endpointOn
                            text: qsTr("This endpoint is off: what waits here is sent once you turn it on again.")
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            Layout.rightMargin: 96
                            spacing: 12
                            PlainLabel { text: qsTr("Event"); font.bold: true; Layout.fillWidth: true; Layout.preferredWidth: 160 }
                            PlainLabel { text: qsTr("Status"); font.bold: true; Layout.preferredWidth: 200 }
                            PlainLabel { text: qsTr("HTTP"); font.bold: true; Layout.preferredWidth: 90 }
                            PlainLabel { text: qsTr("Time"); font.bold: true; Layout.preferredWidth: 110 }
                        }
                        Rectangle { Layout.fillWidth: true; height: 1; color: Material.dividerColor }
                        PlainLabel {
                            objectName: "webhookDeliveriesError"
                            Layout.fillWidth: true
                            visible: webhookDeliveries.error !== ""
                            text: webhookDeliveries.error
                            color: Theme.danger
                            wrapMode: Text.Wrap
                        }
                        ListView {
                            id: deliveryList
                            objectName: "webhookDeliveryList"
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            clip: true
                            model: webhookDeliveries
                            spacing: 2
                            delegate: Item {
                                id: deliveryRow
                                objectName: "webhookDeliveryRow"
                                required property int deliveryId
                                required property string eventId
                                required property string eventName
                                required property string status
                                required property string statusText
                                required property string statusCodeText
                                required property string timeText
                                required property string error
                                required property string resendError
                                required property bool resending
                                width: deliveryList.width
                                implicitHeight: deliveryColumn.implicitHeight + 10
                                ColumnLayout {
                                    id: deliveryColumn
                                    y: 5
                                    width: parent.width
                                    spacing: 2
                                    RowLayout {
                                        Layout.fillWidth: true
                                        spacing: 12
                                        ColumnLayout {
                                            spacing: 0
                                            Layout.fillWidth: true
                                            Layout.preferredWidth: 160
                                            PlainLabel { Layout.fillWidth: true; text: deliveryRow.eventName; elide: Text.ElideRight }
                                            PlainLabel { Layout.fillWidth: true; text: deliveryRow.eventId; elide: Text.ElideRight
                                                color: Material.hintTextColor; font.pixelSize: Theme.smallText }
                                        }
                                        PlainLabel {
                                            objectName: "webhookDeliveryStatus"
                                            Layout.preferredWidth: 200
                                            text: deliveryRow.statusText
                                            elide: Text.ElideRight
                                            color: deliveryRow.status === "delivered" ? Theme.online
                                                 : deliveryRow.status === "failed" ? Theme.danger : Theme.waiting
                                        }
                                        PlainLabel { Layout.preferredWidth: 90; text: deliveryRow.statusCodeText; elide: Text.ElideRight }
                                        PlainLabel { Layout.preferredWidth: 110; text: deliveryRow.timeText; elide: Text.ElideRight }
                                        Button {
                                            objectName: "webhookResendButton"
                                            Layout.preferredWidth: 84
                                            flat: true
                                            text: qsTr("Resend")
                                            enabled: !deliveryRow.resending
                                            onClicked: webhookDeliveries.resend(deliveryRow.deliveryId)
                                        }
                                    }
                                    PlainLabel {
                                        Layout.fillWidth: true
                                        visible: deliveryRow.error !== ""
                                        text: deliveryRow.error
                                        color: Material.hintTextColor
                                        font.pixelSize: Theme.smallText
                                        wrapMode: Text.Wrap
                                        maximumLineCount: 3
                                        elide: Text.ElideRight
                                    }
                                    PlainLabel {
                                        objectName: "webhookResendError"
                                        Layout.fillWidth: true
                                        visible: deliveryRow.resendError !== ""
                                        text: deliveryRow.resendError
                                        color: Theme.danger
                                        font.pixelSize: Theme.smallText
                                        wrapMode: Text.Wrap
                                    }
                                }
                            }
                            EmptyState {
                                anchors.centerIn: parent
                                width: parent.width - 40
                                visible: deliveryList.count === 0 && webhookDeliveries.loaded
                                title: qsTr("No deliveries yet")
                                text: qsTr("Each event this endpoint subscribed to appears here once it happens.")
                            }
                        }
                    }
                    footer: RowLayout {
                        spacing: 8
                        Item { Layout.fillWidth: true }
                        Button {
                            objectName: "webhookLoadMoreButton"
                            visible: webhookDeliveries.canLoadMore
                            enabled: !webhookDeliveries.loading
                            flat: true
                            text: qsTr("Load older deliveries")
                            onClicked: webhookDeliveries.loadMore()
                        }
                        Button {
                            objectName: "closeWebhookDeliveriesButton"
                            Layout.rightMargin: 16
                            Layout.bottomMargin: 8
                            flat: true
                            text: qsTr("Close")
                            onClicked: webhookDeliveriesDialog.close()
                        }
                    }
                }
            }
        }
    }
}
