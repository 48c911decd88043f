import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Frontdesk.Client

// The console's window: the first-run wizard, sign-in, or the console itself,
// as SessionController decides.
ApplicationWindow {
    id: window

    required property AgentClient client
    required property ConsoleSettings settings
    required property Notifier notifier
    required property SessionController session

    width: 1280
    height: 800
    minimumWidth: 900
    minimumHeight: 560
    visible: true
    title: notifier.attentionCount > 0 ? qsTr("(%1) Frontdesk").arg(notifier.attentionCount) : qsTr("Frontdesk")

    font.capitalization: Font.MixedCase
    Material.theme: Material.System
    Material.accent: Theme.accent
    Material.primary: Theme.accent

    Binding {
        target: window.notifier
        property: "windowActive"
        value: window.active
    }
    Connections {
        target: window.notifier
        function onShowWindowRequested() {
            window.show()
            window.raise()
            window.requestActivate()
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: {
            switch (window.session.phase) {
            case SessionController.Setup: return 0
            case SessionController.Starting: return 1
            case SessionController.SignIn: return 2
            default: return 3
            }
        }

        SetupWizard {
            session: window.session
            settings: window.settings
        }
        Item {
            ColumnLayout {
                anchors.centerIn: parent
                spacing: Theme.pad
                BusyIndicator { Layout.alignment: Qt.AlignHCenter; running: visible }
                PlainLabel {
                    Layout.alignment: Qt.AlignHCenter
                    text: window.client.state === AgentConnection.Reconnecting
                          ? qsTr("Waiting for the server…") : qsTr("Starting Frontdesk…")
                    color: Material.hintTextColor
                }
            }
        }
        SignInPage {
            client: window.client
            session: window.session
            settings: window.settings
        }
        Loader {
            active: window.session.phase === SessionController.Console
            // Qt 6.4's Loader refuses a ComponentBehavior: Bound component ("cannot instantiate
            // bound component outside its creation context"), so this file stays unbound, and
            // then the linter cannot prove that window is in scope here. It is: the Loader
            // creates the component in this file's context.
            sourceComponent: ConsoleView {
                client: window.client // qmllint disable unqualified
                settings: window.settings // qmllint disable unqualified
                notifier: window.notifier // qmllint disable unqualified
                session: window.session // qmllint disable unqualified
            }
        }
    }
}
