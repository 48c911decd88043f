import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Frontdesk.Client

// The console's window: the first-run wizard, sign-in, or the console itself,
// as SessionController decides. Closing it hides it in the tray (ConsoleLifecycle).
ApplicationWindow {
    id: window

    required property AgentClient client
    required property ConsoleSettings settings
    required property Notifier notifier
    required property SessionController session
    required property ConsoleLifecycle lifecycle

    width: 1280
    height: 800
    minimumWidth: 900
    minimumHeight: 560
    // Shown in Component.onCompleted: --minimized starts hidden in the tray.
    visible: false
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
        function onShowWindowRequested() { window.bringToFront() }
    }

    // --- Closing is not quitting (ConsoleLifecycle) ---
    function bringToFront() {
        if (!window.visible || window.visibility === Window.Minimized)
            window.showNormal()
        window.raise()
        window.requestActivate()
    }
    // Hidden in the tray, or minimised where the desktop has none (hidden, it would be out of reach).
    function closeToTray() {
        if (window.lifecycle.checkTray()) {
            window.hide()
            window.lifecycle.windowHidden()
        } else {
            window.showMinimized()
        }
    }
    Component.onCompleted: {
        if (!window.lifecycle.startMinimized)
            window.show()
        else if (!window.lifecycle.trayAvailable)
            window.showMinimized()
    }
    onClosing: function(close) {
        // Before the wizard is done nothing runs yet that the tray could keep.
        if (window.session.phase === SessionController.Setup) {
            window.lifecycle.quit()
            return
        }
        close.accepted = false
        window.closeToTray()
    }
    Connections {
        target: window.session
        // Started minimised, but someone must type: the wizard or a sign-in shows the window.
        function onPhaseChanged() {
            if (!window.visible && (window.session.phase === SessionController.Setup
                                    || window.session.phase === SessionController.SignIn))
                window.bringToFront()
        }
    }
    Connections {
        target: window.lifecycle
        function onShowWindowRequested() { window.bringToFront() }
        function onQuitConfirmationRequested(question) {
            window.bringToFront()
            quitQuestion.question = question
            quitQuestion.open()
        }
    }
    Shortcut {
        // Ctrl+Q on Linux. Qt 6.4's qmllint does not know the StandardKey enum the engine provides.
        sequences: [StandardKey.Quit] // qmllint disable unqualified
        context: Qt.ApplicationShortcut
        onActivated: window.lifecycle.requestQuit()
    }
    Dialog {
        id: quitQuestion
        objectName: "quitQuestion"
        property string question
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(480, window.width - 48)
        modal: true
        title: qsTr("Quit Frontdesk?")
        contentItem: PlainLabel {
            text: quitQuestion.question
            wrapMode: Text.Wrap
        }
        footer: DialogButtonBox {
            // Qt 6.4's qmltypes do not give DialogButtonBox the ButtonRole enum it has at run time.
            Button {
                objectName: "quitCancel"
                text: qsTr("Keep running")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole // qmllint disable type
            }
            Button {
                objectName: "quitAnyway"
                text: qsTr("Quit anyway")
                flat: true
                Material.foreground: Theme.danger
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole // qmllint disable type
            }
        }
        onAccepted: window.lifecycle.quit()
    }
    // --- end of closing and quitting ---

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
                lifecycle: window.lifecycle // qmllint disable unqualified
            }
        }
    }
}
