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

// The right column: who the visitor is, where they are on the site, where they came from.
Pane {
    id: panel
    objectName: "visitorPanel"

    required property AgentClient client
    property string visitorId: ""

    signal openConversation(int id)

    padding: 0
    Material.background: Material.theme === Material.Dark ? "#151b26" : "#f6f7f9"

    VisitorContext {
        id: visitor
        client: panel.client
        visitorId: panel.visitorId
    }

    component Field: ColumnLayout {
        id: field
        property string label
        property string value
        property string placeholder: qsTr("Unknown")
        /// Who vouches for the value (shown under it when there is one).
        property string note
        property color noteColor: Material.hintTextColor
        Layout.fillWidth: true
        spacing: 1
        PlainLabel {
            text: parent.label
            color: Material.hintTextColor
            font.pixelSize: Theme.smallText
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.5
        }
        PlainLabel {
            Layout.fillWidth: true
            text: parent.value !== "" ? parent.value : parent.placeholder
            opacity: parent.value !== "" ? 1 : 0.55
            font.pixelSize: Theme.bodyText
            wrapMode: Text.WrapAnywhere
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        PlainLabel {
            Layout.fillWidth: true
            visible: field.note !== "" && field.value !== ""
            text: field.note
            color: field.noteColor
            font.pixelSize: Theme.smallText
            wrapMode: Text.Wrap
        }
    }
    component Heading: PlainLabel {
        Layout.topMargin: 10
        font.pixelSize: Theme.smallText
        font.bold: true
        font.capitalization: Font.AllUppercase
        font.letterSpacing: 0.8
        color: Material.hintTextColor
    }

    Rectangle { width: 1; height: parent.height; color: Material.dividerColor }

    EmptyState {
        anchors.centerIn: parent
        width: parent.width - 48
        visible: panel.visitorId === ""
        title: qsTr("Visitor details")
        text: qsTr("Open a chat to see who you are talking to and what they are looking at.")
    }

    ScrollView {
        anchors.fill: parent
        visible: panel.visitorId !== ""
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 10

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: Theme.pad
                Layout.bottomMargin: 0
                spacing: 12
                Avatar {
                    width: 48; height: 48
                    name: visitor.displayName
                    key: panel.visitorId
                    showPresence: true
                    online: visitor.online
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    PlainLabel {
                        Layout.fillWidth: true
                        text: visitor.displayName
                        font.pixelSize: Theme.titleText - 2
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    PlainLabel {
                        text: visitor.online ? qsTr("On the site now") : qsTr("Left the site")
                        color: visitor.online ? Theme.online : Material.hintTextColor
                        font.pixelSize: Theme.smallText
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.pad
                Layout.rightMargin: Theme.pad
                spacing: 10

                // The site's HMAC signs the user id only: name and email are whatever the visitor's
                // browser sent, with or without a verified id, and the agent should know which is which.
                Field {
                    objectName: "visitorUserId"
                    visible: visitor.userId !== ""
                    label: qsTr("User ID")
                    value: visitor.userId
                    note: qsTr("✓ Verified by your site")
                    noteColor: Theme.online
                }
                Field {
                    objectName: "visitorName"
                    label: qsTr("Name")
                    value: visitor.name
                    placeholder: qsTr("Not given")
                    note: visitor.userId !== "" ? qsTr("Not signed by your site") : qsTr("Given by the visitor, not verified")
                }
                Field {
                    objectName: "visitorEmail"
                    label: qsTr("Email")
                    value: visitor.email
                    placeholder: qsTr("Not given")
                    note: visitor.userId !== "" ? qsTr("Not signed by your site") : qsTr("Given by the visitor, not verified")
                }

                Heading { text: qsTr("Now on") }
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: nowOn.implicitHeight + 16
                    radius: 8
                    color: Qt.rgba(0.145, 0.388, 0.922, 0.10)
                    ColumnLayout {
                        id: nowOn
                        anchors.fill: parent
                        anchors.margins: 8
                        spacing: 0
                        PlainLabel {
                            Layout.fillWidth: true
                            text: visitor.currentPageTitle || qsTr("No page reported yet")
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        PlainLabel {
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: visitor.currentPageUrl
                            color: Theme.accent
                            font.pixelSize: Theme.smallText
                            elide: Text.ElideMiddle
                        }
                    }
                }

                Heading { text: qsTr("Pages visited (%1)").arg(visitor.pages.length); visible: visitor.pages.length > 1 }
                Repeater {
                    // Qt 6.4's qmllint does not know that a QVariantList reaches QML as a JS array.
                    model: visitor.pages.slice(1, 8) // qmllint disable type
                    delegate: RowLayout {
                        id: visit
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: 8
                        PlainLabel {
                            text: visit.modelData.timeText
                            color: Material.hintTextColor
                            font.pixelSize: Theme.smallText
                        }
                        PlainLabel {
                            Layout.fillWidth: true
                            text: visit.modelData.title
                            elide: Text.ElideRight
                            font.pixelSize: Theme.smallText + 1
                        }
                    }
                }

                Heading { text: qsTr("Technology") }
                GridLayout {
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: 12
                    rowSpacing: 10
                    Field { label: qsTr("Browser"); value: visitor.browser }
                    Field { label: qsTr("System"); value: visitor.operatingSystem }
                    Field { label: qsTr("Language"); value: visitor.locale }
                    Field { label: qsTr("Local time"); value: visitor.localTime }
                }
                Field { label: qsTr("Came from"); value: visitor.referrer; placeholder: qsTr("Direct visit") }
                Field { label: qsTr("First seen"); value: visitor.firstSeen }

                Heading { text: qsTr("Earlier conversations") }
                PlainLabel {
                    visible: visitor.earlierConversations.length === 0
                    text: qsTr("This is the first conversation.")
                    color: Material.hintTextColor
                    font.pixelSize: Theme.smallText + 1
                }
                Repeater {
                    model: visitor.earlierConversations
                    delegate: ItemDelegate {
                        id: earlier
                        required property var modelData
                        Layout.fillWidth: true
                        padding: 4
                        text: modelData.dateText + (modelData.agentName ? "  ·  " + qsTr("with %1").arg(modelData.agentName) : "")
                        font.pixelSize: Theme.smallText + 1
                        contentItem: PlainLabel {
                            text: earlier.text
                            font: earlier.font
                            elide: Text.ElideRight
                            verticalAlignment: Text.AlignVCenter
                        }
                        onClicked: panel.openConversation(modelData.conversationId)
                    }
                }
                Item { Layout.preferredHeight: Theme.pad }
            }
        }
    }
}
