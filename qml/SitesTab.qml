import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Frontdesk.Client

// Delegates here use ids of this file, which the QML engine allows; Qt 6.4's
// linter accepts that only under "pragma ComponentBehavior: Bound", which breaks
// Loader and ListView footers in Qt 6.4 (see SettingsView.qml), so:
// qmllint disable unqualified

// The sites this server serves: each has its own widget, snippet and queue.
// Admins add, rename and delete them; deleting asks for the site key typed back.
ColumnLayout {
    id: sitesTab
    objectName: "sitesTab"

    required property AgentClient client
    required property SiteSettings site

    spacing: 12

    Item { height: 16 }
    PlainLabel {
        text: qsTr("Sites")
        font.pixelSize: Theme.titleText + 2
        font.bold: true
        Layout.leftMargin: 28
    }
    PlainLabel {
        Layout.leftMargin: 28
        Layout.rightMargin: 28
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Material.hintTextColor
        font.pixelSize: Theme.smallText + 1
        text: sitesTab.client.isAdmin
              ? qsTr("Each website has its own widget, snippet and queue; every agent answers the chats of every site. The site you pick here is the one the widget and snippet settings show.")
              : qsTr("Each website has its own widget, snippet and queue. Only an admin can add, rename or delete sites.")
    }

    ListView {
        id: siteList
        objectName: "siteList"
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(contentHeight, 360)
        Layout.leftMargin: 20
        Layout.rightMargin: 20
        clip: true
        model: sitesTab.client.sites
        delegate: ItemDelegate {
            id: siteRow
            objectName: "siteRow"
            required property var modelData
            readonly property bool current: siteRow.modelData.id === sitesTab.client.currentSiteId
            width: siteList.width
            highlighted: current
            enabled: !sitesTab.site.dirty || current
            onClicked: sitesTab.client.currentSiteId = modelData.id
            contentItem: RowLayout {
                spacing: 12
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    PlainLabel { Layout.fillWidth: true; text: siteRow.modelData.name; font.bold: true; elide: Text.ElideRight }
                    PlainLabel { Layout.fillWidth: true; text: qsTr("Site key %1").arg(siteRow.modelData.siteKey)
                        color: Material.hintTextColor; font.pixelSize: Theme.smallText; elide: Text.ElideRight }
                }
                PlainLabel { visible: siteRow.current; text: qsTr("Shown in settings"); color: Theme.accent; font.pixelSize: Theme.smallText }
                Button {
                    objectName: "deleteSiteButton"
                    text: qsTr("Delete…")
                    flat: true
                    visible: sitesTab.client.isAdmin
                    // The server keeps at least one site: a server without one serves nobody.
                    enabled: sitesTab.client.sites.length > 1
                    Material.foreground: Theme.danger
                    onClicked: {
                        deleteDialog.siteId = siteRow.modelData.id
                        deleteDialog.siteName = siteRow.modelData.name
                        deleteDialog.siteKey = siteRow.modelData.siteKey
                        confirmKey.clear()
                        deleteDialog.open()
                    }
                }
            }
        }
    }

    GroupBox {
        visible: sitesTab.client.isAdmin
        Layout.fillWidth: true
        Layout.leftMargin: 20
        Layout.rightMargin: 20
        title: qsTr("Rename the site shown in settings")
        RowLayout {
            anchors.fill: parent
            TextField {
                id: renameField
                objectName: "renameSiteField"
                Layout.fillWidth: true
                text: sitesTab.site.name
                onTextEdited: sitesTab.site.name = text
            }
            Button {
                objectName: "renameSiteButton"
                text: qsTr("Rename")
                enabled: renameField.text.trim() !== ""
                onClicked: sitesTab.site.saveName()
            }
        }
    }

    GroupBox {
        visible: sitesTab.client.isAdmin
        Layout.fillWidth: true
        Layout.leftMargin: 20
        Layout.rightMargin: 20
        title: qsTr("Add a site")
        RowLayout {
            anchors.fill: parent
            TextField {
                id: newSiteName
                objectName: "newSiteName"
                Layout.fillWidth: true
                placeholderText: qsTr("The website's name, e.g. Outlet store")
            }
            AccentButton {
                objectName: "addSiteButton"
                text: qsTr("Add site")
                // A new site's fields replace the drafts of the one shown now.
                enabled: newSiteName.text.trim() !== "" && !sitesTab.site.dirty
                onClicked: { sitesTab.client.createSite(newSiteName.text.trim()); newSiteName.clear() }
            }
        }
    }
    PlainLabel {
        visible: sitesTab.client.isAdmin
        Layout.leftMargin: 28
        Layout.rightMargin: 28
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Material.hintTextColor
        font.pixelSize: Theme.smallText + 1
        text: qsTr("A new site allows no website yet: add its address under Snippet, then paste its snippet into that website.")
    }
    Item { Layout.fillHeight: true }

    Dialog {
        id: deleteDialog
        objectName: "deleteSiteDialog"
        property int siteId
        property string siteName
        property string siteKey
        anchors.centerIn: parent
        modal: true
        width: Math.min(480, sitesTab.width - 48)
        title: qsTr("Delete %1?").arg(siteName)
        background: Rectangle { radius: 2; color: deleteDialog.Material.dialogColor }
        // A site's name goes in the title: plain, and it elides instead of widening the dialog.
        header: PlainLabel {
            text: deleteDialog.title
            elide: Text.ElideRight
            padding: 24
            bottomPadding: 0
            font.bold: true
            font.pixelSize: 16
            background: Rectangle { radius: 2; color: deleteDialog.Material.dialogColor }
        }
        // confirmKey's id makes this contentItem immediate: harmless for one dialog.
        contentItem: ColumnLayout { // qmllint disable deferred-property-id
            spacing: 10
            PlainLabel {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("This deletes the site with all its conversations, messages, visitors and bans, for good. Its snippet stops working at once and its visitors are disconnected.")
            }
            PlainLabel {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Type the site key %1 to confirm.").arg(deleteDialog.siteKey)
            }
            TextField {
                id: confirmKey
                objectName: "confirmSiteKey"
                Layout.fillWidth: true
                placeholderText: qsTr("Site key") // a literal: placeholders render rich text, and the key is in the line above
            }
        }
        footer: DialogButtonBox {
            // Qt 6.4's qmltypes do not give DialogButtonBox the ButtonRole enum it
            // takes from QPlatformDialogHelper at run time.
            Button { text: qsTr("Cancel"); flat: true; DialogButtonBox.buttonRole: DialogButtonBox.RejectRole } // qmllint disable type
            Button { objectName: "confirmDeleteSiteButton"; text: qsTr("Delete site"); flat: true
                enabled: confirmKey.text.trim() === deleteDialog.siteKey
                Material.foreground: Theme.danger; DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole } // qmllint disable type
        }
        onAccepted: sitesTab.client.deleteSite(siteId, confirmKey.text.trim())
    }
}
