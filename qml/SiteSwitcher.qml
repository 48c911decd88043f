import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Frontdesk.Client

// Delegates here use ids of this file, which the QML engine allows; Qt 6.4's
// linter accepts that only under "pragma ComponentBehavior: Bound", which breaks
// Loader and ListView footers in Qt 6.4 (see SettingsView.qml), so:
// qmllint disable unqualified

// Which site the settings and the snippet show, for a server with several.
// Switching is blocked while an edit is not saved: it would be dropped.
ColumnLayout {
    id: switcher

    required property AgentClient client
    required property SiteSettings site

    visible: client.sites.length > 1
    spacing: 4

    function indexOfCurrentSite() {
        const sites = client.sites
        for (let i = 0; i < sites.length; ++i) {
            if (sites[i].id === client.currentSiteId)
                return i
        }
        return -1
    }

    RowLayout {
        spacing: 10
        PlainLabel { text: qsTr("Site") }
        ComboBox {
            id: box
            objectName: "siteSwitcher"
            Layout.preferredWidth: 280
            model: switcher.client.sites
            textRole: "name"
            valueRole: "id"
            enabled: !switcher.site.dirty
            // Read from the sites themselves, not the box's model, so the choice
            // follows a site added or deleted elsewhere, and outlives the box's
            // own write when the agent picks one.
            Binding on currentIndex {
                value: switcher.indexOfCurrentSite()
            }
            onActivated: index => switcher.client.currentSiteId = valueAt(index)
            // A site's name is whatever an admin typed: plain text here too.
            contentItem: PlainLabel {
                leftPadding: 12
                rightPadding: box.indicator.width + 8
                text: box.displayText
                elide: Text.ElideRight
                verticalAlignment: Text.AlignVCenter
            }
            delegate: ItemDelegate {
                id: choice
                required property var modelData
                required property int index
                width: box.width
                highlighted: box.highlightedIndex === index
                contentItem: PlainLabel { text: choice.modelData.name; elide: Text.ElideRight; verticalAlignment: Text.AlignVCenter }
            }
        }
    }
    PlainLabel {
        visible: switcher.site.dirty
        text: qsTr("Save or revert your changes to switch sites.")
        color: Material.hintTextColor
        font.pixelSize: Theme.smallText + 1
    }
}
