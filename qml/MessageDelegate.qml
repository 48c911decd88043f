import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One message: visitor on the left, agents on the right, system lines centred.
// A reply the server refused shows why, with Retry and Discard: it is never
// dropped silently.
Item {
    id: message

    required property string author
    required property string authorName
    required property string body
    required property string timeText
    required property string delivery
    required property bool isOwn
    required property bool firstInGroup
    required property string error
    required property string clientId

    signal retryRequested(string clientId)
    signal discardRequested(string clientId)

    readonly property bool system: author === "system"
    readonly property bool fromAgent: author === "agent"
    readonly property bool failed: delivery === "failed"

    implicitHeight: system ? systemLine.implicitHeight + 16 : bubbleColumn.implicitHeight + (firstInGroup ? 10 : 2)

    PlainLabel {
        id: systemLine
        visible: message.system
        anchors.centerIn: parent
        width: Math.min(implicitWidth, parent.width - 64)
        horizontalAlignment: Text.AlignHCenter
        text: message.body + "  ·  " + message.timeText
        color: Material.hintTextColor
        font.pixelSize: Theme.smallText
        wrapMode: Text.Wrap
    }

    ColumnLayout {
        id: bubbleColumn
        visible: !message.system
        anchors.bottom: parent.bottom
        anchors.left: message.fromAgent ? undefined : parent.left
        anchors.right: message.fromAgent ? parent.right : undefined
        anchors.leftMargin: Theme.pad + 4
        anchors.rightMargin: Theme.pad + 4
        width: Math.min(Math.max(bubbleText.implicitWidth + 28, metaLine.implicitWidth,
                                 message.failed ? failureActions.implicitWidth : 0), message.width * 0.7)
        spacing: 2

        PlainLabel {
            visible: message.firstInGroup && message.fromAgent && !message.isOwn
            Layout.alignment: Qt.AlignRight
            text: message.authorName
            font.pixelSize: Theme.smallText
            color: Material.hintTextColor
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: bubbleText.implicitHeight + 18
            radius: 14
            color: message.fromAgent ? Theme.accent
                                     : (Material.theme === Material.Dark ? "#283244" : "#eef1f5")
            opacity: message.delivery === "sending" || message.failed ? 0.7 : 1
            border.width: message.failed ? 2 : 0
            border.color: Theme.danger
            PlainLabel {
                id: bubbleText
                anchors.fill: parent
                anchors.margins: 9
                anchors.leftMargin: 14
                anchors.rightMargin: 14
                text: message.body
                wrapMode: Text.Wrap
                color: message.fromAgent ? "white" : Material.foreground
                font.pixelSize: Theme.bodyText
            }
        }
        PlainLabel {
            id: metaLine
            Layout.alignment: message.fromAgent ? Qt.AlignRight : Qt.AlignLeft
            text: message.timeText + (message.delivery === "sending" ? "  ·  " + qsTr("sending…")
                                      : message.delivery === "read" ? "  ·  " + qsTr("✓✓ read")
                                      : message.delivery === "sent" ? "  ·  " + qsTr("✓ sent")
                                      : message.failed ? "  ·  " + qsTr("not sent") : "")
            color: message.failed ? Theme.danger : Material.hintTextColor
            font.pixelSize: 11
        }
        PlainLabel {
            id: failureReason
            objectName: "failureReason"
            visible: message.failed
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
            wrapMode: Text.Wrap
            text: message.error
            color: Theme.danger
            font.pixelSize: Theme.smallText
        }
        RowLayout {
            id: failureActions
            visible: message.failed
            Layout.alignment: Qt.AlignRight
            spacing: 0
            Button {
                objectName: "retryReplyButton"
                text: qsTr("Retry")
                flat: true
                onClicked: message.retryRequested(message.clientId)
            }
            Button {
                objectName: "discardReplyButton"
                text: qsTr("Discard")
                flat: true
                onClicked: message.discardRequested(message.clientId)
            }
        }
    }
}
