import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Frontdesk.Client

// Sign in again when the saved session is gone or expired.
Page {
    id: page
    required property AgentClient client
    required property SessionController session
    required property ConsoleSettings settings

    Pane {
        anchors.centerIn: parent
        width: 380
        Material.elevation: 2
        padding: 28

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 12

            PlainLabel {
                text: qsTr("Sign in to Frontdesk")
                font.pixelSize: 22
                font.bold: true
            }
            PlainLabel {
                Layout.fillWidth: true
                text: page.session.hostMode ? qsTr("This computer runs your chat server.")
                                            : qsTr("Server: %1").arg(page.settings.serverUrl)
                color: Material.hintTextColor
                wrapMode: Text.Wrap
            }
            TextField {
                id: email
                objectName: "signInEmail"
                Layout.fillWidth: true
                placeholderText: qsTr("Email")
                text: page.settings.email
                inputMethodHints: Qt.ImhEmailCharactersOnly
            }
            TextField {
                id: password
                objectName: "signInPassword"
                Layout.fillWidth: true
                placeholderText: qsTr("Password")
                echoMode: TextInput.Password
                focus: true
                onAccepted: signInButton.clicked()
            }
            PlainLabel {
                Layout.fillWidth: true
                visible: text !== ""
                text: page.client.errorString || page.session.errorString
                color: Theme.danger
                wrapMode: Text.Wrap
            }
            AccentButton {
                id: signInButton
                Layout.fillWidth: true
                text: page.client.state === AgentConnection.LoggingIn ? qsTr("Signing in…") : qsTr("Sign in")
                
                enabled: email.text !== "" && page.client.state !== AgentConnection.LoggingIn
                onClicked: page.session.signIn(email.text, password.text)
            }
            Button {
                Layout.alignment: Qt.AlignHCenter
                flat: true
                text: qsTr("Set up again…")
                onClicked: page.session.runSetupAgain()
            }
        }
    }
}
