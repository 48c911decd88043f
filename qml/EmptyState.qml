import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// What a list or pane shows when it has nothing: a symbol, a title and one helpful sentence.
ColumnLayout {
    id: empty
    property string title
    property string text
    spacing: 6

    // A speech bubble drawn with shapes, so no emoji font is needed.
    Item {
        Layout.alignment: Qt.AlignHCenter
        Layout.bottomMargin: 6
        implicitWidth: 64
        implicitHeight: 56
        Rectangle { anchors.fill: parent; anchors.bottomMargin: 10; radius: 16; color: Theme.accent; opacity: 0.14 }
        Rectangle { x: 14; y: 38; width: 16; height: 16; rotation: 45; color: Theme.accent; opacity: 0.14 }
        Row {
            anchors.centerIn: parent
            anchors.verticalCenterOffset: -5
            spacing: 7
            Repeater {
                model: 3
                delegate: Rectangle { width: 8; height: 8; radius: 4; color: Theme.accent; opacity: 0.6 }
            }
        }
    }
    PlainLabel {
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: empty.width
        text: empty.title
        font.pixelSize: Theme.bodyText + 1
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
    PlainLabel {
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: Math.min(empty.width, 340)
        text: empty.text
        visible: text !== ""
        color: Material.hintTextColor
        font.pixelSize: Theme.smallText + 1
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
}
