import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// The console's primary action: a filled accent button that draws the same on
// every renderer (Material's highlighted button relies on shader effects).
Button {
    id: control
    property color tint: Theme.accent
    font.capitalization: Font.MixedCase
    font.bold: true
    implicitHeight: 38
    leftPadding: 18
    rightPadding: 18
    contentItem: PlainLabel {
        text: control.text
        font: control.font
        color: "white"
        opacity: control.enabled ? 1 : 0.75
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: 8
        color: !control.enabled ? Qt.rgba(control.tint.r, control.tint.g, control.tint.b, 0.4)
             : control.down ? Qt.darker(control.tint, 1.2)
             : control.hovered ? Qt.darker(control.tint, 1.08) : control.tint
    }
}
