import QtQuick
import QtQuick.Controls

// A small pill with a number; hidden at zero.
Rectangle {
    id: badge
    property int count: 0
    property color tint: Theme.danger
    visible: count > 0
    implicitHeight: 20
    implicitWidth: Math.max(20, countLabel.implicitWidth + 12)
    radius: 10
    color: tint
    PlainLabel {
        id: countLabel
        anchors.centerIn: parent
        text: badge.count > 99 ? "99+" : badge.count
        color: "white"
        font.pixelSize: 11
        font.bold: true
    }
}
