import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One conversation in a list: who, how long they have waited, what they said, where they are.
ItemDelegate {
    id: row

    required property int conversationId
    required property string status
    required property string visitorId
    required property string visitorName
    required property bool visitorOnline
    required property string agentName
    required property string waitText
    required property string lastMessage
    required property string lastMessageAuthor
    required property var lastActivity
    required property string currentPage
    required property int unread
    required property bool visitorTyping
    required property var closedAt
    required property string siteLabel // the site's name when the server has several; "" with one
    property bool selected: false
    property bool history: false

    signal acceptClicked()

    implicitHeight: implicitContentHeight + 20
    padding: 0
    leftPadding: Theme.pad
    rightPadding: Theme.pad
    background: Rectangle {
        color: row.selected ? Qt.rgba(0.145, 0.388, 0.922, 0.13)
                            : row.hovered ? Qt.rgba(0.5, 0.5, 0.5, 0.08) : "transparent"
        Rectangle {
            visible: row.selected
            width: 3
            height: parent.height
            color: Theme.accent
        }
        Rectangle {
            anchors.bottom: parent.bottom
            anchors.left: parent.left
            anchors.leftMargin: 64
            anchors.right: parent.right
            height: 1
            color: Material.dividerColor
            opacity: 0.6
        }
    }

    contentItem: RowLayout {
        spacing: 12

        Avatar {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 10
            name: row.visitorName
            key: row.visitorId
            showPresence: !row.history
            online: row.visitorOnline
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.topMargin: 10
            Layout.bottomMargin: 10
            spacing: 2

            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                PlainLabel {
                    Layout.fillWidth: true
                    text: row.visitorName
                    font.pixelSize: Theme.bodyText
                    font.bold: row.unread > 0 || row.status === "waiting"
                    elide: Text.ElideRight
                }
                // No ids in here: this contentItem stays deferred (one per row of the queue).
                PlainLabel {
                    objectName: "siteTag"
                    visible: row.siteLabel !== ""
                    Layout.maximumWidth: 120
                    leftPadding: 6
                    rightPadding: 6
                    topPadding: 2
                    bottomPadding: 2
                    text: row.siteLabel
                    font.pixelSize: Theme.smallText - 1
                    color: Material.hintTextColor
                    elide: Text.ElideRight
                    background: Rectangle { radius: height / 2; color: Qt.rgba(0.5, 0.5, 0.5, 0.14) }
                }
                PlainLabel {
                    visible: row.status === "waiting"
                    text: row.waitText
                    color: Theme.waiting
                    font.pixelSize: Theme.smallText
                    font.bold: true
                }
                PlainLabel {
                    visible: row.status !== "waiting"
                    text: row.history ? Qt.formatDate(row.closedAt, Qt.locale(), Locale.ShortFormat)
                                      : Qt.formatTime(row.lastActivity, "hh:mm")
                    color: Material.hintTextColor
                    font.pixelSize: Theme.smallText
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                PlainLabel {
                    Layout.fillWidth: true
                    text: row.visitorTyping ? qsTr("typing…")
                          : (row.lastMessageAuthor === "agent" ? qsTr("You: ") : "") + row.lastMessage
                    font.italic: row.visitorTyping
                    color: row.visitorTyping ? Theme.accent : (row.unread > 0 ? Material.foreground : Material.hintTextColor)
                    font.pixelSize: Theme.smallText + 1
                    elide: Text.ElideRight
                    maximumLineCount: 1
                }
                CountBadge { count: row.unread; tint: Theme.accent }
            }
            PlainLabel {
                Layout.fillWidth: true
                visible: text !== ""
                text: row.history ? (row.agentName ? qsTr("with %1").arg(row.agentName) : "")
                      : row.status === "active" ? qsTr("with %1").arg(row.agentName) + (row.currentPage ? " · " + row.currentPage : "")
                      : (row.currentPage ? "↗ " + row.currentPage : "")
                color: Material.hintTextColor
                font.pixelSize: Theme.smallText
                elide: Text.ElideRight
            }
            AccentButton {
                visible: row.status === "waiting"
                objectName: "acceptButton"
                text: qsTr("Accept")
                
                font.pixelSize: Theme.smallText
                Layout.topMargin: 4
                implicitHeight: 34
                onClicked: row.acceptClicked()
            }
        }
    }
}
