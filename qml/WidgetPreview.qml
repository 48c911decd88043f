import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Delegates here use ids of this file, which the QML engine allows. The linter of
// Qt 6.4 accepts that only under "pragma ComponentBehavior: Bound", and Qt 6.4's
// Bound components break Loader and silently hide ListView footers, so the
// unqualified-access check is off for this file: a Qt 6.4 limitation.
// qmllint disable unqualified

// A live, simplified picture of the website widget with the settings being edited.
Rectangle {
    id: preview
    property string title
    property string welcome
    property color accent: Theme.accent
    property string position: "right"
    property bool offline: false
    property string offlineText
    property var preChatFields: []

    color: "#e5e7eb"
    radius: 12
    implicitWidth: 360
    implicitHeight: 480
    clip: true

    // A page behind the widget, so the position reads at a glance.
    Column {
        x: 20; y: 20
        spacing: 10
        Repeater {
            model: [0.7, 0.5, 0.85, 0.4]
            delegate: Rectangle { required property real modelData; width: preview.width * modelData - 40; height: 10; radius: 5; color: "#d1d5db" }
        }
    }

    Rectangle {
        id: panel
        width: Math.min(300, preview.width - 40)
        height: preview.height - 110
        anchors.bottom: launcher.top
        anchors.bottomMargin: 12
        x: preview.position === "left" ? 20 : preview.width - width - 20
        radius: 14
        color: "white"
        border.color: "#d1d5db"

        Rectangle {
            id: head
            width: parent.width
            height: 54
            radius: 14
            color: preview.accent
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 14; color: preview.accent }
            PlainLabel {
                anchors.verticalCenter: parent.verticalCenter
                x: 16
                width: parent.width - 32
                text: preview.title || qsTr("Chat with us")
                color: "white"
                font.bold: true
                font.pixelSize: 15
                elide: Text.ElideRight
            }
        }
        Column {
            anchors.top: head.bottom
            anchors.topMargin: 14
            x: 14
            width: parent.width - 28
            spacing: 10
            Rectangle {
                visible: !preview.offline && preview.welcome !== ""
                width: Math.min(welcomeLabel.implicitWidth + 24, parent.width * 0.85)
                height: welcomeLabel.implicitHeight + 16
                radius: 12
                color: "#f3f4f6"
                PlainLabel { id: welcomeLabel; anchors.fill: parent; anchors.margins: 8; anchors.leftMargin: 12; text: preview.welcome; wrapMode: Text.Wrap; color: "#111827" }
            }
            PlainLabel {
                visible: preview.offline
                width: parent.width
                text: preview.offlineText || qsTr("We are away right now. Leave a message and we will get back to you.")
                wrapMode: Text.Wrap
                color: "#374151"
            }
            Repeater {
                model: preview.offline ? [] : preview.preChatFields
                delegate: Rectangle {
                    id: field
                    required property var modelData
                    width: parent.width; height: 34; radius: 8
                    border.color: "#d1d5db"; color: "white"
                    PlainLabel {
                        anchors.verticalCenter: parent.verticalCenter; x: 10
                        text: (field.modelData.name === "email" ? qsTr("Email") : qsTr("Name")) + (field.modelData.required ? " *" : "")
                        color: "#9ca3af"
                    }
                }
            }
        }
        Rectangle {
            anchors.bottom: parent.bottom
            anchors.margins: 12
            x: 12
            width: parent.width - 24
            height: 38
            radius: 19
            border.color: "#d1d5db"
            color: "white"
            PlainLabel { anchors.verticalCenter: parent.verticalCenter; x: 14; text: qsTr("Type a message…"); color: "#9ca3af" }
        }
    }
    Rectangle {
        id: launcher
        width: 56; height: 56; radius: 28
        color: preview.accent
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 20
        x: preview.position === "left" ? 20 : preview.width - width - 20
        Rectangle { anchors.centerIn: parent; width: 26; height: 20; radius: 6; color: "white" }
    }
}
