import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Host mode's window: where the server listens and the snippet to paste.
ApplicationWindow {
    id: window

    required property string serverUrl
    required property string snippet
    required property var setupLines

    width: 720
    height: 420
    visible: true
    title: qsTr("Frontdesk")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 24
        spacing: 16

        Label {
            text: qsTr("Frontdesk is running")
            font.pixelSize: 24
            font.bold: true
        }
        Label {
            text: qsTr("Listening on %1").arg(window.serverUrl)
            color: palette.placeholderText
        }
        Label {
            text: qsTr("Paste this into every page of your website, just before </body>:")
        }
        TextArea {
            id: snippetField
            Layout.fillWidth: true
            readOnly: true
            wrapMode: TextEdit.WrapAnywhere
            selectByMouse: true
            text: window.snippet
            font.family: "monospace"
        }
        Button {
            text: qsTr("Copy snippet")
            onClicked: {
                snippetField.selectAll()
                snippetField.copy()
                snippetField.deselect()
            }
        }
        Repeater {
            model: window.setupLines
            delegate: Label {
                required property string modelData
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: modelData
            }
        }
        Item { Layout.fillHeight: true }
    }
}
