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

// The agent's status: online, away or offline, with a coloured dot.
ComboBox {
    id: selector
    required property AgentClient client

    implicitWidth: 150
    flat: true
    textRole: "label"
    valueRole: "value"
    model: [
        { value: "online", label: qsTr("Online") },
        { value: "away", label: qsTr("Away") },
        { value: "offline", label: qsTr("Offline") }
    ]
    currentIndex: indexOfValue(client.presence)
    onActivated: client.setPresence(currentValue)

    contentItem: RowLayout {
        spacing: 8
        Item { width: 4 }
        Rectangle {
            width: 10; height: 10; radius: 5
            color: Theme.statusColor(selector.client.presence)
        }
        PlainLabel {
            Layout.fillWidth: true
            text: selector.client.presence === "online" ? qsTr("Online")
                  : selector.client.presence === "away" ? qsTr("Away") : qsTr("Offline")
            verticalAlignment: Text.AlignVCenter
        }
    }
    delegate: ItemDelegate {
        id: choice
        required property var modelData
        required property int index
        width: selector.width
        highlighted: selector.highlightedIndex === index
        contentItem: RowLayout {
            spacing: 10
            Rectangle { width: 10; height: 10; radius: 5; color: Theme.statusColor(choice.modelData.value) }
            PlainLabel { text: choice.modelData.label; Layout.fillWidth: true }
        }
    }
}
