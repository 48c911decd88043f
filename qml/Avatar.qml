import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A round badge with a person's initials; a dot shows whether they are online.
Rectangle {
    id: avatar
    property string name
    property string key: name
    property bool showPresence: false
    property bool online: false
    implicitWidth: 36
    implicitHeight: 36
    radius: width / 2
    color: Theme.avatarColor(key)

    PlainLabel {
        anchors.centerIn: parent
        text: Theme.initials(avatar.name)
        color: "white"
        font.pixelSize: avatar.width * 0.38
        font.bold: true
    }
    Rectangle {
        visible: avatar.showPresence
        width: avatar.width * 0.32
        height: width
        radius: width / 2
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        color: avatar.online ? Theme.online : Theme.offline
        border.width: 2
        border.color: avatar.parent ? avatar.Material.background : "white"
    }
}
