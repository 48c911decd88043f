import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Frontdesk.Client

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
        required property var modelData
        required property int index
        width: selector.width
        highlighted: selector.highlightedIndex === index
        contentItem: RowLayout {
            spacing: 10
            Rectangle { width: 10; height: 10; radius: 5; color: Theme.statusColor(modelData.value) }
            PlainLabel { text: modelData.label; Layout.fillWidth: true }
        }
    }
}
