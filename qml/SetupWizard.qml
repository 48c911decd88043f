import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Frontdesk.Client

// First run: run the server here (host) or connect to one elsewhere (remote).
Page {
    id: wizard
    objectName: "setupWizard"
    required property SessionController session
    required property ConsoleSettings settings
    property int step: 0
    property bool host: true

    // "Start Frontdesk when I log in", asked on the last page.
    AutostartEntry { id: autostart }

    component Hint: PlainLabel {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Material.hintTextColor
        font.pixelSize: Theme.smallText + 1
    }

    Pane {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 620)
        Material.elevation: 2
        padding: 32

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 12

            PlainLabel { text: qsTr("Welcome to Frontdesk"); font.pixelSize: 24; font.bold: true }
            PlainLabel { text: qsTr("Step %1 of %2").arg(wizard.step + 1).arg(wizard.host ? 3 : 2); color: Material.hintTextColor }

            StackLayout {
                Layout.fillWidth: true
                currentIndex: wizard.step === 0 ? 0 : wizard.host ? wizard.step : 3

                ColumnLayout {
                    spacing: 10
                    PlainLabel { text: qsTr("Where should the chat server run?"); font.bold: true; font.pixelSize: 16 }
                    RadioButton { id: hostChoice; objectName: "hostChoice"; checked: true; text: qsTr("On this computer") }
                    Hint { Layout.leftMargin: 36; text: qsTr("Frontdesk runs the server for you. Best for one shop and one computer that stays on.") }
                    RadioButton { id: remoteChoice; objectName: "remoteChoice"; text: qsTr("On a server I already run") }
                    Hint { Layout.leftMargin: 36; text: qsTr("Connect to \"frontdesk --headless\" on another machine with its address, your email and password.") }
                }
                ColumnLayout {
                    spacing: 10
                    PlainLabel { text: qsTr("You and your website"); font.bold: true; font.pixelSize: 16 }
                    TextField { id: hostName; objectName: "hostName"; Layout.fillWidth: true; placeholderText: qsTr("Your name, as visitors will see it") }
                    TextField { id: hostEmail; objectName: "hostEmail"; Layout.fillWidth: true; placeholderText: qsTr("Your email (you sign in with it)") }
                    TextField { id: hostPassword; objectName: "hostPassword"; Layout.fillWidth: true; placeholderText: qsTr("A password, at least 8 characters"); echoMode: TextInput.Password }
                    TextField { id: siteName; objectName: "siteName"; Layout.fillWidth: true; placeholderText: qsTr("Your website's name, e.g. Anna's Bakery") }
                    TextArea { id: origins; objectName: "origins"; Layout.fillWidth: true; placeholderText: qsTr("Your website's address, e.g. https://www.example.com (one per line)") }
                    Hint { text: qsTr("The chat only appears on these websites.") }
                }
                ColumnLayout {
                    spacing: 10
                    PlainLabel { text: qsTr("How visitors reach the server"); font.bold: true; font.pixelSize: 16 }
                    RowLayout {
                        TextField { id: listenAddress; objectName: "listenAddress"; Layout.fillWidth: true; text: "127.0.0.1" }
                        PlainLabel { text: ":" }
                        SpinBox { id: listenPort; from: 1; to: 65535; value: 8080; editable: true }
                    }
                    Hint { text: qsTr("127.0.0.1 means only this computer can connect: right for trying it out, or behind a reverse proxy on the same machine.") }
                    Hint { text: qsTr("Visitors on the internet need to reach this address. Either give the computer a public address (listen on 0.0.0.0 and open the port in your router), or — better — put a reverse proxy with HTTPS (nginx, Caddy) in front. A website on https:// can only load the chat from an https:// address.") }
                    // On by default here: the chat on the site is only there while this computer runs Frontdesk.
                    CheckBox { id: hostAutostart; objectName: "hostAutostart"; checked: true; text: qsTr("Start Frontdesk when I log in (in the tray)") }
                }
                ColumnLayout {
                    spacing: 10
                    PlainLabel { text: qsTr("Connect to your server"); font.bold: true; font.pixelSize: 16 }
                    TextField { id: remoteUrl; objectName: "remoteUrl"; Layout.fillWidth: true; placeholderText: qsTr("Server address, e.g. https://chat.example.com") }
                    TextField { id: remoteEmail; objectName: "remoteEmail"; Layout.fillWidth: true; placeholderText: qsTr("Email") }
                    TextField { id: remotePassword; objectName: "remotePassword"; Layout.fillWidth: true; placeholderText: qsTr("Password"); echoMode: TextInput.Password }
                    CheckBox { id: remoteAutostart; objectName: "remoteAutostart"; checked: false; text: qsTr("Start Frontdesk when I log in (in the tray)") }
                }
            }

            PlainLabel {
                Layout.fillWidth: true
                visible: text !== ""
                text: wizard.session.errorString
                color: Theme.danger
                wrapMode: Text.Wrap
            }

            RowLayout {
                Layout.topMargin: 8
                Button { text: qsTr("Back"); flat: true; visible: wizard.step > 0; onClicked: wizard.step-- }
                Item { Layout.fillWidth: true }
                AccentButton {
                    objectName: "wizardNext"
                    
                    readonly property bool last: wizard.step === (wizard.host ? 2 : 1)
                    text: last ? qsTr("Start") : qsTr("Next")
                    enabled: wizard.step === 0 ? true
                           : wizard.host && wizard.step === 1 ? hostEmail.text.indexOf("@") > 0 && hostPassword.text.length >= 8
                           : wizard.host ? listenAddress.text !== ""
                           : remoteUrl.text !== "" && remoteEmail.text !== ""
                    onClicked: {
                        if (wizard.step === 0) {
                            wizard.host = hostChoice.checked
                            wizard.step = 1
                        } else if (!last) {
                            wizard.step++
                        } else if (wizard.host) {
                            autostart.enabled = hostAutostart.checked
                            wizard.session.finishHostSetup(hostName.text, hostEmail.text, hostPassword.text, siteName.text,
                                                           origins.text, listenAddress.text, listenPort.value)
                        } else {
                            autostart.enabled = remoteAutostart.checked
                            wizard.session.finishRemoteSetup(remoteUrl.text, remoteEmail.text, remotePassword.text)
                        }
                    }
                }
            }
        }
    }
}
