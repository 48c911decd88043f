<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../qml/ChatPane.qml" line="61"/>
        <source>Waiting for %1</source>
        <translation>Wartet seit %1</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="62"/>
        <source>Chatting with %1</source>
        <translation>Im Chat mit %1</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="63"/>
        <source>Closed</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="71"/>
        <source>Accept chat</source>
        <translation>Chat annehmen</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="78"/>
        <source>Transfer</source>
        <translation>Weitergeben</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>away</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="112"/>
        <source>Copy transcript</source>
        <translation>Verlauf kopieren</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="114"/>
        <source>Transcript copied</source>
        <translation>Verlauf kopiert</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="119"/>
        <source>Close</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="123"/>
        <source>Close the chat (Ctrl+W)</source>
        <translation>Chat beenden (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="133"/>
        <source>No chat selected</source>
        <translation>Kein Chat ausgewählt</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="134"/>
        <source>Pick a conversation on the left, or press Ctrl+N to take the visitor who has waited longest. Ctrl+1…9 and Ctrl+Tab switch chats.</source>
        <translation>Wählen Sie links ein Gespräch aus oder drücken Sie Ctrl+N, um den Besucher zu übernehmen, der am längsten wartet. Mit Ctrl+1…9 und Ctrl+Tab wechseln Sie zwischen Chats.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="171"/>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="171"/>
        <source>The visitor</source>
        <translation>Der Besucher</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="193"/>
        <source>This chat is closed.</source>
        <translation>Dieser Chat ist beendet.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="203"/>
        <source>Close this chat?</source>
        <translation>Diesen Chat beenden?</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="205"/>
        <source>The visitor sees that the chat has ended.</source>
        <translation>Der Besucher sieht, dass der Chat beendet wurde.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="52"/>
        <source>This visitor is waiting. Replying does not accept the chat — accept it so the team knows it is yours.</source>
        <translation>Dieser Besucher wartet. Eine Antwort nimmt den Chat nicht an – nehmen Sie ihn an, damit das Team weiß, dass Sie ihn übernehmen.</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="103"/>
        <source>Write a reply…  (Enter sends, Shift+Enter for a new line, / for canned responses)</source>
        <translation>Antwort schreiben…  (Enter sendet, Shift+Enter für neue Zeile, / für Textbausteine)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="124"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <location filename="../qml/ConsoleView.qml" line="130"/>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="145"/>
        <source>Reconnecting…</source>
        <translation>Verbinde neu…</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="166"/>
        <source>1 agent online</source>
        <translation>1 Mitarbeiter online</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="166"/>
        <source>%1 agents online</source>
        <translation>%1 Mitarbeiter online</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="182"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Einstellungen (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="192"/>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="197"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="197"/>
        <source>Ctrl+,</source>
        <translation>Strg+,</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="198"/>
        <source>Close window (keeps running)</source>
        <translation>Fenster schließen (läuft weiter)</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="200"/>
        <source>Quit Frontdesk</source>
        <translation>Frontdesk beenden</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="200"/>
        <source>Ctrl+Q</source>
        <translation>Strg+Q</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="156"/>
        <source>Email failing</source>
        <translation>E-Mail-Versand gestört</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="158"/>
        <source>An email could not be sent: the mail server&apos;s answer is in Settings, Email.</source>
        <translation>Eine E-Mail konnte nicht gesendet werden: Die Antwort des Mailservers steht unter Einstellungen, E-Mail.</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="117"/>
        <source>typing…</source>
        <translation>schreibt…</translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="118"/>
        <source>You: </source>
        <translation>Sie: </translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="130"/>
        <location filename="../qml/ConversationDelegate.qml" line="131"/>
        <source>with %1</source>
        <translation>mit %1</translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="140"/>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AgentClient</name>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="147"/>
        <source>Could not reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="214"/>
        <location filename="../app/console/client/agentconnection.cpp" line="364"/>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="256"/>
        <source>The connection to the server was lost.</source>
        <translation>Die Verbindung zum Server wurde unterbrochen.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="285"/>
        <source>Not connected to the server.</source>
        <translation>Nicht mit dem Server verbunden.</translation>
    </message>
    <message>
        <location filename="../app/console/client/replysender.cpp" line="191"/>
        <source>The server refused this reply (%1).</source>
        <translation>Der Server hat diese Antwort abgelehnt (%1).</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="349"/>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="87"/>
        <source>Your password was changed on another computer. Please sign in again.</source>
        <translation>Ihr Passwort wurde auf einem anderen Computer geändert. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="90"/>
        <source>An admin reset your password. Please sign in with the new one.</source>
        <translation>Ein Administrator hat Ihr Passwort zurückgesetzt. Bitte melden Sie sich mit dem neuen an.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="93"/>
        <source>An admin disabled your account.</source>
        <translation>Ein Administrator hat Ihr Konto deaktiviert.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="95"/>
        <source>An admin removed your account.</source>
        <translation>Ein Administrator hat Ihr Konto entfernt.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="97"/>
        <source>You were signed out.</source>
        <translation>Sie wurden abgemeldet.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="98"/>
        <source>This session was ended from another computer. Please sign in again.</source>
        <translation>Diese Sitzung wurde von einem anderen Computer aus beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AlertSound</name>
    <message>
        <location filename="../app/console/alertsound.cpp" line="87"/>
        <source>A visitor wrote in a chat</source>
        <translation>Ein Besucher hat in einem Chat geschrieben</translation>
    </message>
    <message>
        <location filename="../app/console/alertsound.cpp" line="87"/>
        <source>A visitor is waiting</source>
        <translation>Ein Besucher wartet</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AutostartEntry</name>
    <message>
        <location filename="../app/console/autostartentry.cpp" line="121"/>
        <source>Cannot start &quot;%1&quot; at login: not an absolute path.</source>
        <translation>„%1“ kann nicht bei der Anmeldung starten: kein absoluter Pfad.</translation>
    </message>
    <message>
        <location filename="../app/console/autostartentry.cpp" line="128"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/console/autostartentry.cpp" line="136"/>
        <source>Could not remove %1: %2</source>
        <translation>%1 konnte nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>Frontdesk::CanberraPlayer</name>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="48"/>
        <source>No sound device: %1</source>
        <translation>Kein Audiogerät: %1</translation>
    </message>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="106"/>
        <source>The sound theme has none of %1</source>
        <translation>Das Klangthema enthält keinen dieser Klänge: %1</translation>
    </message>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="107"/>
        <source>Cannot play %1: %2</source>
        <translation>%1 kann nicht abgespielt werden: %2</translation>
    </message>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="155"/>
        <source>The sound stopped: %1</source>
        <translation>Der Ton wurde abgebrochen: %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::ConsoleLifecycle</name>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="63"/>
        <source>1 visitor is waiting.</source>
        <translation>1 Besucher wartet.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="63"/>
        <source>%1 visitors are waiting.</source>
        <translation>%1 Besucher warten.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="67"/>
        <source>1 chat is active.</source>
        <translation>1 Chat ist aktiv.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="67"/>
        <source>%1 chats are active.</source>
        <translation>%1 Chats sind aktiv.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="69"/>
        <source>You have 1 active chat.</source>
        <translation>Sie haben 1 aktiven Chat.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="69"/>
        <source>You have %1 active chats.</source>
        <translation>Sie haben %1 aktive Chats.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="71"/>
        <source>Quit anyway? The chat will be unavailable on your site.</source>
        <translation>Trotzdem beenden? Der Chat ist dann auf Ihrer Website nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="72"/>
        <source>Quit anyway? The server keeps running, but you will not be notified.</source>
        <translation>Trotzdem beenden? Der Server läuft weiter, aber Sie werden nicht mehr benachrichtigt.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="119"/>
        <source>Frontdesk is still running in the tray</source>
        <translation>Frontdesk läuft im Infobereich weiter</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="120"/>
        <source>The chat stays open on your site and you will be notified of new visitors. To stop Frontdesk, choose Quit in the tray menu or press Ctrl+Q.</source>
        <translation>Der Chat bleibt auf Ihrer Website offen, und Sie werden über neue Besucher benachrichtigt. Zum Beenden wählen Sie „Frontdesk beenden“ im Menü des Symbols oder drücken Strg+Q.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="122"/>
        <source>You will be notified of new visitors. To stop Frontdesk, choose Quit in the tray menu or press Ctrl+Q.</source>
        <translation>Sie werden über neue Besucher benachrichtigt. Zum Beenden wählen Sie „Frontdesk beenden“ im Menü des Symbols oder drücken Strg+Q.</translation>
    </message>
</context>
<context>
    <name>Frontdesk::ConversationListModel</name>
    <message>
        <location filename="../app/console/conversationmodel.cpp" line="28"/>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <location filename="../app/console/conversationmodel.cpp" line="49"/>
        <source>Visitor %1</source>
        <translation>Besucher %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::MessageListModel</name>
    <message>
        <location filename="../app/console/messagelistmodel.cpp" line="399"/>
        <source>Visitor</source>
        <translation>Besucher</translation>
    </message>
</context>
<context>
    <name>Frontdesk::Notifier</name>
    <message>
        <location filename="../app/console/notifier.cpp" line="72"/>
        <source>%1 is waiting</source>
        <translation>%1 wartet</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="72"/>
        <source>A visitor started a chat.</source>
        <translation>Ein Besucher hat einen Chat begonnen.</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="112"/>
        <source>New message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="183"/>
        <source>%1 is still waiting</source>
        <translation>%1 wartet noch</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="184"/>
        <source>1 visitor is waiting for an answer.</source>
        <translation>1 Besucher wartet auf eine Antwort.</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="185"/>
        <source>%1 visitors are waiting for an answer.</source>
        <translation>%1 Besucher warten auf eine Antwort.</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="277"/>
        <source>Open chat</source>
        <translation>Chat öffnen</translation>
    </message>
</context>
<context>
    <name>Frontdesk::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="20"/>
        <source>The chat server could not start: %1</source>
        <translation>Der Chat-Server konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="147"/>
        <source>%1 as %2</source>
        <translation>%1 als %2</translation>
    </message>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="191"/>
        <source>The SMTP server %1</source>
        <translation>Der SMTP-Server %1</translation>
    </message>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="193"/>
        <source>The From address %1</source>
        <translation>Die Absenderadresse %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::SessionListModel</name>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="154"/>
        <location filename="../app/console/sessionlistmodel.cpp" line="210"/>
        <source>Active now</source>
        <translation>Jetzt aktiv</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="158"/>
        <source>Last active a minute ago</source>
        <translation>Zuletzt aktiv vor einer Minute</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="158"/>
        <source>Last active %1 minutes ago</source>
        <translation>Zuletzt aktiv vor %1 Minuten</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="162"/>
        <source>Last active an hour ago</source>
        <translation>Zuletzt aktiv vor einer Stunde</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="162"/>
        <source>Last active %1 hours ago</source>
        <translation>Zuletzt aktiv vor %1 Stunden</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="166"/>
        <source>Last active a day ago</source>
        <translation>Zuletzt aktiv vor einem Tag</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="166"/>
        <source>Last active %1 days ago</source>
        <translation>Zuletzt aktiv vor %1 Tagen</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="168"/>
        <source>Last active on %1</source>
        <translation>Zuletzt aktiv am %1</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="175"/>
        <source>%1 on %2</source>
        <comment>browser on operating system</comment>
        <translation>%1 unter %2</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="181"/>
        <source>Unknown device</source>
        <translation>Unbekanntes Gerät</translation>
    </message>
</context>
<context>
    <name>Frontdesk::SingleInstance</name>
    <message>
        <location filename="../app/console/singleinstance.cpp" line="73"/>
        <source>Frontdesk is already running (process %1) but does not answer on %2. Stop that process, or remove %3 if it is not Frontdesk.</source>
        <translation>Frontdesk läuft bereits (Prozess %1), antwortet aber nicht auf %2. Beenden Sie diesen Prozess oder entfernen Sie %3, wenn es nicht Frontdesk ist.</translation>
    </message>
</context>
<context>
    <name>Frontdesk::TrayIcon</name>
    <message>
        <location filename="../app/console/trayicon.cpp" line="52"/>
        <source>Your status</source>
        <translation>Ihr Status</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="57"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="57"/>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="57"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="70"/>
        <source>Open Frontdesk</source>
        <translation>Frontdesk öffnen</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="73"/>
        <source>Quit Frontdesk</source>
        <translation>Frontdesk beenden</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="145"/>
        <source>Nobody is waiting</source>
        <translation>Niemand wartet</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="146"/>
        <source>1 visitor is waiting</source>
        <translation>1 Besucher wartet</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="147"/>
        <source>%1 visitors are waiting</source>
        <translation>%1 Besucher warten</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="148"/>
        <source>Not connected to the server</source>
        <translation>Nicht mit dem Server verbunden</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="159"/>
        <source>Frontdesk: offline, not connected to the chat server</source>
        <translation>Frontdesk: offline, nicht mit dem Chat-Server verbunden</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="162"/>
        <source>Frontdesk: nobody is waiting</source>
        <translation>Frontdesk: niemand wartet</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="163"/>
        <source>Frontdesk: 1 visitor is waiting</source>
        <translation>Frontdesk: 1 Besucher wartet</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="163"/>
        <source>Frontdesk: %1 visitors are waiting</source>
        <translation>Frontdesk: %1 Besucher warten</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="179"/>
        <source>and %1 more…</source>
        <translation>und %1 weitere…</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="188"/>
        <source>Accept this chat and open it</source>
        <translation>Diesen Chat annehmen und öffnen</translation>
    </message>
</context>
<context>
    <name>Frontdesk::WebhookDeliveryModel</name>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="297"/>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="299"/>
        <source>Failed</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="305"/>
        <source>Waiting, retry at %1</source>
        <translation>Wartet, neuer Versuch um %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="306"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="349"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="350"/>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
</context>
<context>
    <name>Frontdesk::WebhookListModel</name>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="25"/>
        <source>Delivered just now</source>
        <translation>Gerade eben zugestellt</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="28"/>
        <source>Delivered %1 min ago</source>
        <translation>Vor %1 Min. zugestellt</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="30"/>
        <source>Delivered %1 h ago</source>
        <translation>Vor %1 Std. zugestellt</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="31"/>
        <source>Delivered on %1</source>
        <translation>Zugestellt am %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="133"/>
        <source>This server does not support webhooks. Update Frontdesk on the server to use them.</source>
        <translation>Dieser Server unterstützt keine Webhooks. Aktualisieren Sie Frontdesk auf dem Server, um sie zu nutzen.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="248"/>
        <location filename="../app/console/webhooklistmodel.cpp" line="308"/>
        <source>Choose at least one event.</source>
        <translation>Wählen Sie mindestens ein Ereignis.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="250"/>
        <source>Only an admin can add webhooks.</source>
        <translation>Nur ein Admin kann Webhooks hinzufügen.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="250"/>
        <source>Not connected to the server.</source>
        <translation>Nicht mit dem Server verbunden.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="399"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="401"/>
        <source>Chat accepted</source>
        <translation>Chat angenommen</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="403"/>
        <source>Chat transferred</source>
        <translation>Chat übergeben</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="405"/>
        <source>Chat closed</source>
        <translation>Chat beendet</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="407"/>
        <source>Chat rated</source>
        <translation>Chat bewertet</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="409"/>
        <source>Visitor message</source>
        <translation>Nachricht des Besuchers</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="411"/>
        <source>Agent reply</source>
        <translation>Antwort des Agenten</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="419"/>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="430"/>
        <source>, </source>
        <comment>between event names</comment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="437"/>
        <source>Enter the address that should receive the events.</source>
        <translation>Geben Sie die Adresse ein, die die Ereignisse empfangen soll.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="440"/>
        <source>The address must start with http:// or https://.</source>
        <translation>Die Adresse muss mit http:// oder https:// beginnen.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="459"/>
        <source>%1 waiting, last failure: %2</source>
        <translation>%1 wartend, letzter Fehler: %2</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="461"/>
        <source>%1 waiting</source>
        <translation>%1 wartend</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="463"/>
        <source>Last attempt failed: %1</source>
        <translation>Letzter Versuch fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="467"/>
        <source>No deliveries yet</source>
        <translation>Noch keine Zustellungen</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="469"/>
        <source>%1 given up on</source>
        <translation>%1 aufgegeben</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="24"/>
        <source>(%1) Frontdesk</source>
        <translation>(%1) Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="24"/>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="152"/>
        <source>Waiting for the server…</source>
        <translation>Warte auf den Server…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="152"/>
        <source>Starting Frontdesk…</source>
        <translation>Frontdesk wird gestartet…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="104"/>
        <source>Quit Frontdesk?</source>
        <translation>Frontdesk beenden?</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="113"/>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119"/>
        <source>Quit anyway</source>
        <translation>Trotzdem beenden</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="86"/>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="87"/>
        <source>✓✓ read</source>
        <translation>✓✓ gelesen</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="88"/>
        <source>✓ sent</source>
        <translation>✓ gesendet</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="89"/>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="111"/>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="117"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>PresenceSelector</name>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="23"/>
        <location filename="../qml/PresenceSelector.qml" line="39"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="24"/>
        <location filename="../qml/PresenceSelector.qml" line="40"/>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="25"/>
        <location filename="../qml/PresenceSelector.qml" line="40"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../qml/SettingsView.qml" line="57"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <location filename="../qml/SettingsView.qml" line="111"/>
        <source>Website widget</source>
        <translation>Website-Widget</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <source>Snippet</source>
        <translation>Code-Schnipsel</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <location filename="../qml/SettingsView.qml" line="287"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <location filename="../qml/SettingsView.qml" line="445"/>
        <source>Canned responses</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <location filename="../qml/SettingsView.qml" line="510"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <location filename="../qml/SettingsView.qml" line="588"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <source>Account and language</source>
        <translation>Konto und Sprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <location filename="../qml/SettingsView.qml" line="653"/>
        <source>Your sessions</source>
        <translation>Ihre Sitzungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="89"/>
        <source>Back to chats</source>
        <translation>Zurück zu den Chats</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="113"/>
        <source>How the chat looks on your website. Changes reach visitors when you save.</source>
        <translation>So sieht der Chat auf Ihrer Website aus. Änderungen werden für Besucher sichtbar, sobald Sie speichern.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="114"/>
        <source>Only an admin can change the widget.</source>
        <translation>Nur ein Administrator kann das Widget ändern.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="115"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="116"/>
        <source>Chat with us</source>
        <translation>Chatten Sie mit uns</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="118"/>
        <source>Welcome message</source>
        <translation>Begrüßungsnachricht</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="119"/>
        <source>Hi! How can we help?</source>
        <translation>Hallo! Wie können wir helfen?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="121"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="137"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="139"/>
        <source>Bottom right</source>
        <translation>Unten rechts</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="141"/>
        <source>Bottom left</source>
        <translation>Unten links</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="144"/>
        <source>Ask before the chat starts</source>
        <translation>Vor Chatbeginn abfragen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="146"/>
        <location filename="../qml/SettingsView.qml" line="374"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="67"/>
        <location filename="../qml/SettingsView.qml" line="147"/>
        <location filename="../qml/SettingsView.qml" line="375"/>
        <location filename="../qml/SettingsView.qml" line="765"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="67"/>
        <location filename="../qml/SettingsView.qml" line="919"/>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="148"/>
        <source>Email required</source>
        <translation>E-Mail erforderlich</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="151"/>
        <source>When nobody is online</source>
        <translation>Wenn niemand online ist</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="154"/>
        <source>We are away right now. Leave a message and we will get back to you.</source>
        <translation>Wir sind gerade nicht da. Hinterlassen Sie eine Nachricht, wir melden uns bei Ihnen.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="155"/>
        <source>When an agent replies</source>
        <translation>Wenn ein Mitarbeiter antwortet</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="156"/>
        <source>Play a sound if the visitor&apos;s tab is in the background</source>
        <translation>Einen Ton abspielen, wenn der Tab des Besuchers im Hintergrund ist</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="160"/>
        <source>Save widget</source>
        <translation>Widget speichern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="173"/>
        <source>Preview as offline</source>
        <translation>Vorschau im Offline-Zustand</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="199"/>
        <source>Put the chat on your website</source>
        <translation>Chat auf Ihrer Website einbinden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="201"/>
        <source>Paste this line into every page of your website, just before &lt;/body&gt;. The chat button appears at once.</source>
        <translation>Fügen Sie diese Zeile in jede Seite Ihrer Website ein, direkt vor &lt;/body&gt;. Die Chat-Schaltfläche erscheint sofort.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="219"/>
        <source>The snippet appears once the console is connected.</source>
        <translation>Der Code erscheint, sobald die Konsole verbunden ist.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="225"/>
        <source>Copy snippet</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="229"/>
        <location filename="../qml/SettingsView.qml" line="1119"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="231"/>
        <source>Public address</source>
        <translation>Öffentliche Adresse</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="232"/>
        <source>Where your visitors&apos; browsers reach this server, if not at the address above: your domain or your reverse proxy, such as https://chat.example.com. Leave it empty to use the server&apos;s own public URL (its --public-url) or, without one, the address the console connects to.</source>
        <translation>Wo die Browser Ihrer Besucher diesen Server erreichen, falls nicht unter der Adresse oben: Ihre Domain oder Ihr Reverse-Proxy, etwa https://chat.example.com. Leer lassen, um die öffentliche Adresse des Servers (seine --public-url) zu verwenden oder, ohne sie, die Adresse, mit der sich die Konsole verbindet.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="245"/>
        <source>Use this address</source>
        <translation>Diese Adresse verwenden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="251"/>
        <source>This is not an http:// or https:// address, so the snippet keeps the console&apos;s address.</source>
        <translation>Das ist keine http://- oder https://-Adresse, daher behält das Snippet die Adresse der Konsole.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="256"/>
        <source>Allowed websites</source>
        <translation>Erlaubte Websites</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="257"/>
        <source>The widget only works on these origins (scheme://host[:port]), one per line.</source>
        <translation>Das Widget funktioniert nur auf diesen Origins (scheme://host[:port]), eine pro Zeile.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="267"/>
        <source>Save allowed websites</source>
        <translation>Erlaubte Websites speichern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="274"/>
        <source>What visitors on the internet need</source>
        <translation>Was Besucher aus dem Internet brauchen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="275"/>
        <source>Your website&apos;s visitors must reach this server: give it a public address, or put it behind a reverse proxy (nginx, Caddy) with an HTTPS certificate, and enter that https:// address as the public address above. A website on https cannot load a chat from plain http.</source>
        <translation>Die Besucher Ihrer Website müssen diesen Server erreichen: Geben Sie ihm eine öffentliche Adresse oder stellen Sie ihn hinter einen Reverse-Proxy (nginx, Caddy) mit HTTPS-Zertifikat, und tragen Sie diese https://-Adresse oben als öffentliche Adresse ein. Eine Website unter https kann keinen Chat über einfaches http laden.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="289"/>
        <source>Add the people who answer chats. Each signs in with their own email and password.</source>
        <translation>Fügen Sie die Personen hinzu, die Chats beantworten. Jede Person meldet sich mit eigener E-Mail-Adresse und eigenem Passwort an.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="290"/>
        <source>Only an admin can add or remove agents.</source>
        <translation>Nur ein Administrator kann Mitarbeiter hinzufügen oder entfernen.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="330"/>
        <source>(you)</source>
        <translation>(Sie)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="344"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="349"/>
        <location filename="../qml/SettingsView.qml" line="377"/>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="349"/>
        <source>Agent</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="351"/>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="353"/>
        <location filename="../qml/SettingsView.qml" line="434"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="356"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="360"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="370"/>
        <source>Add an agent</source>
        <translation>Mitarbeiter hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="376"/>
        <source>First password</source>
        <translation>Erstes Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="378"/>
        <location filename="../qml/SettingsView.qml" line="1230"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="389"/>
        <source>New password for %1</source>
        <translation>Neues Passwort für %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="402"/>
        <source>At least 8 characters</source>
        <translation>Mindestens 8 Zeichen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="412"/>
        <source>Disable %1?</source>
        <translation>%1 deaktivieren?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="428"/>
        <source>%1 is signed out at once and cannot sign in until you enable the account again.</source>
        <translation>%1 wird sofort abgemeldet und kann sich erst wieder anmelden, wenn Sie das Konto erneut aktivieren.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="433"/>
        <location filename="../qml/SettingsView.qml" line="1160"/>
        <location filename="../qml/SettingsView.qml" line="1272"/>
        <location filename="../qml/SettingsView.qml" line="1299"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="447"/>
        <source>Type /shortcut in a reply and it becomes the text. Shared by the whole team.</source>
        <translation>Tippen Sie /Kürzel in eine Antwort, und es wird durch den Text ersetzt. Für das ganze Team verfügbar.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="466"/>
        <location filename="../qml/SettingsView.qml" line="1300"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="473"/>
        <source>No canned responses yet</source>
        <translation>Noch keine Textbausteine</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="474"/>
        <source>Save answers you give often, like opening hours or shipping times.</source>
        <translation>Speichern Sie Antworten, die Sie oft geben, etwa Öffnungszeiten oder Lieferzeiten.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="481"/>
        <source>Edit /%1</source>
        <translation>/%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="481"/>
        <source>New canned response</source>
        <translation>Neuer Textbaustein</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="494"/>
        <source>shortcut, e.g. hours</source>
        <translation>Kürzel, z. B. zeiten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="495"/>
        <source>The text it expands to</source>
        <translation>Der Text, durch den es ersetzt wird</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="496"/>
        <location filename="../qml/SettingsView.qml" line="1154"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="511"/>
        <source>Show desktop notifications</source>
        <translation>Desktop-Benachrichtigungen anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="513"/>
        <source>Play a sound</source>
        <translation>Ton abspielen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="517"/>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="522"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="523"/>
        <source>Test sound</source>
        <translation>Ton testen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="526"/>
        <source>%1. Notifications ask the desktop for its own sound instead.</source>
        <translation>%1. Benachrichtigungen bitten stattdessen den Desktop um seinen eigenen Ton.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="528"/>
        <source>Remind me every</source>
        <translation>Erinnern alle</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="531"/>
        <source>seconds while a visitor waits (0: never)</source>
        <translation>Sekunden, solange ein Besucher wartet (0: nie)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="533"/>
        <source>Presence</source>
        <translation>Anwesenheit</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="535"/>
        <source>Show me as away after</source>
        <translation>Als abwesend anzeigen nach</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="538"/>
        <source>minutes without activity (0: never)</source>
        <translation>Minuten ohne Aktivität (0: nie)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="540"/>
        <source>Visitors see the chat as offline when no agent is online.</source>
        <translation>Besucher sehen den Chat als offline, wenn kein Mitarbeiter online ist.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="589"/>
        <source>This computer runs the chat server. Changes apply the next time Frontdesk starts.</source>
        <translation>Dieser Computer betreibt den Chat-Server. Änderungen gelten ab dem nächsten Start von Frontdesk.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="590"/>
        <source>Connected to %1. The server&apos;s own settings are made where it runs.</source>
        <translation>Verbunden mit %1. Die Einstellungen des Servers werden dort vorgenommen, wo er läuft.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="595"/>
        <source>Listen address</source>
        <translation>Listen-Adresse</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="597"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="599"/>
        <source>TLS certificate (PEM)</source>
        <translation>TLS-Zertifikat (PEM)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="600"/>
        <source>/etc/ssl/certs/chat.pem (empty: plain HTTP)</source>
        <translation>/etc/ssl/certs/chat.pem (leer: einfaches HTTP)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="601"/>
        <source>TLS private key (PEM)</source>
        <translation>Privater TLS-Schlüssel (PEM)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="603"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="604"/>
        <source>Empty: SQLite file on this computer; or mariadb://user@host:3306/frontdesk</source>
        <translation>Leer: SQLite-Datei auf diesem Computer; oder mariadb://user@host:3306/frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="607"/>
        <source>A MariaDB password is kept in the system keyring, never in a settings file: run &quot;frontdesk --store-database-password --database URL&quot; once.</source>
        <translation>Ein MariaDB-Passwort wird im Schlüsselbund des Systems gespeichert, nie in einer Einstellungsdatei: Führen Sie einmal „frontdesk --store-database-password --database URL“ aus.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="608"/>
        <source>Listening on 127.0.0.1 keeps the server private to this computer. Visitors on the internet need a public address (0.0.0.0 and an open port) or, better, a reverse proxy with HTTPS in front.</source>
        <translation>Mit 127.0.0.1 ist der Server nur von diesem Computer aus erreichbar. Besucher aus dem Internet brauchen eine öffentliche Adresse (0.0.0.0 und einen offenen Port) oder besser einen vorgeschalteten Reverse Proxy mit HTTPS.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="621"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="622"/>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="624"/>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="625"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="626"/>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="629"/>
        <location filename="../qml/SettingsView.qml" line="724"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="630"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="635"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="640"/>
        <source>The new language applies the next time Frontdesk starts.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Frontdesk.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="641"/>
        <source>Run the setup wizard again…</source>
        <translation>Einrichtungsassistenten erneut ausführen…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="655"/>
        <source>Every computer where your account is signed in. Sign out any you do not recognise or no longer use; it has to sign in again with your password.</source>
        <translation>Alle Computer, auf denen Ihr Konto angemeldet ist. Melden Sie jeden ab, den Sie nicht kennen oder nicht mehr verwenden; dort muss man sich dann erneut mit Ihrem Passwort anmelden.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="659"/>
        <source>Sign out everywhere else</source>
        <translation>Überall sonst abmelden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="713"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="721"/>
        <source>signed in %1</source>
        <translation>angemeldet am %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="741"/>
        <source>You are not signed in anywhere else.</source>
        <translation>Sie sind nirgendwo sonst angemeldet.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="748"/>
        <source>No sessions</source>
        <translation>Keine Sitzungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="748"/>
        <source>Your sessions appear once the console is connected</source>
        <translation>Ihre Sitzungen erscheinen, sobald die Konsole verbunden ist</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="809"/>
        <source>The SMTP server this computer sends through.</source>
        <translation>Der SMTP-Server, über den dieser Computer sendet.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="846"/>
        <source>Use these settings now</source>
        <translation>Diese Einstellungen jetzt verwenden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="852"/>
        <source>Sending no email now.</source>
        <translation>Derzeit werden keine E-Mails gesendet.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="853"/>
        <source>Sending through %1 now.</source>
        <translation>E-Mails gehen jetzt über %1.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="921"/>
        <source>A webhook sends the chat events you choose to an address of yours as a signed HTTP POST, so another system (a CRM, a help desk, a script) can act on them; docs/integrations.md describes the requests and how to check the signature.</source>
        <translation>Ein Webhook sendet die gewählten Chat-Ereignisse als signierten HTTP-POST an eine Adresse von Ihnen, damit ein anderes System (ein CRM, ein Helpdesk, ein Skript) darauf reagieren kann; docs/integrations.md beschreibt die Anfragen und wie man die Signatur prüft.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="925"/>
        <source>Only an admin can see and change a site&apos;s webhooks.</source>
        <translation>Nur ein Admin kann die Webhooks einer Website sehen und ändern.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="937"/>
        <source>The webhooks appear once the console is connected.</source>
        <translation>Die Webhooks erscheinen, sobald die Konsole verbunden ist.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="938"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="939"/>
        <source>This site has no webhooks yet. Add an endpoint below.</source>
        <translation>Diese Website hat noch keine Webhooks. Fügen Sie unten einen Endpunkt hinzu.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="989"/>
        <source>Send events</source>
        <translation>Ereignisse senden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1008"/>
        <source>Events: %1</source>
        <translation>Ereignisse: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1017"/>
        <source>Off: nothing is sent</source>
        <translation>Aus: nichts wird gesendet</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1041"/>
        <source>Hide secret</source>
        <translation>Geheimnis ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1034"/>
        <source>Show secret</source>
        <translation>Geheimnis zeigen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1047"/>
        <source>New secret…</source>
        <translation>Neues Geheimnis…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1058"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1065"/>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1071"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1116"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1131"/>
        <location filename="../qml/SettingsView.qml" line="1203"/>
        <source>https://example.com/hooks/frontdesk</source>
        <translation>https://example.com/hooks/frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1148"/>
        <source>Description (optional)</source>
        <translation>Beschreibung (optional)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1192"/>
        <source>Add an endpoint</source>
        <translation>Endpunkt hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1198"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1206"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1216"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1222"/>
        <source>Optional: what it is for, e.g. the CRM</source>
        <translation>Optional: wofür er ist, z. B. das CRM</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1248"/>
        <source>Each endpoint gets its own secret. Your receiver checks every request&apos;s signature with it and answers with a 2xx status within 10 seconds; anything else is retried for 24 hours.</source>
        <translation>Jeder Endpunkt erhält sein eigenes Geheimnis. Ihr Empfänger prüft damit die Signatur jeder Anfrage und antwortet innerhalb von 10 Sekunden mit einem 2xx-Status; alles andere wird 24 Stunden lang erneut versucht.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1262"/>
        <source>Make a new secret?</source>
        <translation>Ein neues Geheimnis erstellen?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1268"/>
        <source>Requests to %1 are signed with the new secret at once, and the old one stops working: give the new one to the receiver.</source>
        <translation>Anfragen an %1 werden sofort mit dem neuen Geheimnis signiert, und das alte gilt nicht mehr: Geben Sie das neue dem Empfänger.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1273"/>
        <source>New secret</source>
        <translation>Neues Geheimnis</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1290"/>
        <source>Delete this endpoint?</source>
        <translation>Diesen Endpunkt löschen?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1296"/>
        <source>%1 gets no more events, and its delivery log is deleted with it.</source>
        <translation>%1 erhält keine Ereignisse mehr, und sein Zustellprotokoll wird mitgelöscht.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1326"/>
        <source>Deliveries to %1</source>
        <translation>Zustellungen an %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1352"/>
        <source>This endpoint is off: what waits here is sent once you turn it on again.</source>
        <translation>Dieser Endpunkt ist aus: Was hier wartet, wird gesendet, sobald Sie ihn wieder einschalten.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1358"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1359"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1360"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1361"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1425"/>
        <source>Resend</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1455"/>
        <source>No deliveries yet</source>
        <translation>Noch keine Zustellungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1456"/>
        <source>Each event this endpoint subscribed to appears here once it happens.</source>
        <translation>Jedes abonnierte Ereignis dieses Endpunkts erscheint hier, sobald es eintritt.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1468"/>
        <source>Load older deliveries</source>
        <translation>Ältere Zustellungen laden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1476"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <source>Sites</source>
        <translation>Websites</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="168"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="543"/>
        <source>Tray and login</source>
        <translation>Infobereich und Anmeldung</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="547"/>
        <source>Start Frontdesk when I log in</source>
        <translation>Frontdesk bei der Anmeldung starten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="551"/>
        <source>It starts in the tray, without a window: visitors are noticed from the moment you log in.</source>
        <translation>Es startet im Infobereich, ohne Fenster: Besucher werden ab der Anmeldung bemerkt.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="563"/>
        <source>This desktop has no system tray, so closing the window minimises it instead: Frontdesk keeps running until you quit it (Ctrl+Q).</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich, daher minimiert das Schließen das Fenster: Frontdesk läuft weiter, bis Sie es beenden (Strg+Q).</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="570"/>
        <source>Closing the window keeps Frontdesk in the tray, and the chat on your site. Quit from the tray menu or with Ctrl+Q.</source>
        <translation>Nach dem Schließen des Fensters bleibt Frontdesk im Infobereich und der Chat auf Ihrer Website. Beenden über das Menü des Symbols oder mit Strg+Q.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="571"/>
        <source>Closing the window keeps Frontdesk in the tray, and you are still notified. Quit from the tray menu or with Ctrl+Q.</source>
        <translation>Nach dem Schließen des Fensters bleibt Frontdesk im Infobereich, und Sie werden weiter benachrichtigt. Beenden über das Menü des Symbols oder mit Strg+Q.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="780"/>
        <source>An email to a visitor could not be sent (%1). The mail server said:</source>
        <translation>Eine E-Mail an einen Besucher konnte nicht gesendet werden (%1). Der Mailserver antwortete:</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="781"/>
        <source>An email to your team could not be sent (%1). The mail server said:</source>
        <translation>Eine E-Mail an Ihr Team konnte nicht gesendet werden (%1). Der Mailserver antwortete:</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="787"/>
        <source>This server sends no email: no SMTP server is set.</source>
        <translation>Dieser Server sendet keine E-Mails: Es ist kein SMTP-Server eingestellt.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="788"/>
        <source>%1 emails waiting to be sent, %2 given up on.</source>
        <translation>%1 E-Mails warten auf den Versand, %2 aufgegeben.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="791"/>
        <source>Email for this site</source>
        <translation>E-Mail für diese Website</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="792"/>
        <source>Messages left while nobody is online, and chats nobody accepts in time, go to the team&apos;s address. Visitors never see it.</source>
        <translation>Nachrichten, die hinterlassen werden, während niemand online ist, und Chats, die niemand rechtzeitig annimmt, gehen an die Adresse des Teams. Besucher sehen sie nie.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="797"/>
        <source>Team&apos;s address</source>
        <translation>Adresse des Teams</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="798"/>
        <source>support@example.com (empty: none)</source>
        <translation>support@example.com (leer: keine)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="800"/>
        <source>Email a chat nobody accepted after (minutes, 0: never)</source>
        <translation>Nicht angenommenen Chat per E-Mail melden nach (Minuten, 0: nie)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="804"/>
        <source>Email an agent&apos;s reply to a visitor who left (if they gave an email)</source>
        <translation>Antworten per E-Mail an Besucher senden, die gegangen sind (wenn sie eine E-Mail angegeben haben)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="806"/>
        <source>Save email settings</source>
        <translation>E-Mail-Einstellungen speichern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="808"/>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="810"/>
        <source>Set on the server with --smtp-url, --smtp-user and --smtp-from.</source>
        <translation>Wird auf dem Server mit --smtp-url, --smtp-user und --smtp-from eingestellt.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="815"/>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="816"/>
        <source>smtp://mail.example.com:587 or smtps://mail.example.com:465</source>
        <translation>smtp://mail.example.com:587 oder smtps://mail.example.com:465</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="818"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="820"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="822"/>
        <source>Kept in the system keyring</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="823"/>
        <source>Save password</source>
        <translation>Passwort speichern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="826"/>
        <source>From</source>
        <translation>Absender</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="827"/>
        <source>chat@example.com (a display name may come first)</source>
        <translation>chat@example.com (davor ein Anzeigename, wenn gewünscht)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="830"/>
        <source>Allow a mail server without TLS (only one on this computer)</source>
        <translation>Mailserver ohne TLS erlauben (nur einer auf diesem Computer)</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../qml/SetupWizard.qml" line="37"/>
        <source>Welcome to Frontdesk</source>
        <translation>Willkommen bei Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="38"/>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="46"/>
        <source>Where should the chat server run?</source>
        <translation>Wo soll der Chat-Server laufen?</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="47"/>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="48"/>
        <source>Frontdesk runs the server for you. Best for one shop and one computer that stays on.</source>
        <translation>Frontdesk betreibt den Server für Sie. Ideal für einen Shop und einen Computer, der eingeschaltet bleibt.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="49"/>
        <source>On a server I already run</source>
        <translation>Auf einem vorhandenen Server</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="50"/>
        <source>Connect to &quot;frontdesk --headless&quot; on another machine with its address, your email and password.</source>
        <translation>Mit „frontdesk --headless“ auf einem anderen Rechner verbinden – über dessen Adresse, Ihre E-Mail-Adresse und Ihr Passwort.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="54"/>
        <source>You and your website</source>
        <translation>Sie und Ihre Website</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="55"/>
        <source>Your name, as visitors will see it</source>
        <translation>Ihr Name, wie Besucher ihn sehen</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="56"/>
        <source>Your email (you sign in with it)</source>
        <translation>Ihre E-Mail-Adresse (für die Anmeldung)</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="57"/>
        <source>A password, at least 8 characters</source>
        <translation>Ein Passwort mit mindestens 8 Zeichen</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="58"/>
        <source>Your website&apos;s name, e.g. Anna&apos;s Bakery</source>
        <translation>Name Ihrer Website, z. B. Annas Bäckerei</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="59"/>
        <source>Your website&apos;s address, e.g. https://www.example.com (one per line)</source>
        <translation>Adresse Ihrer Website, z. B. https://www.example.com (eine pro Zeile)</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="60"/>
        <source>The chat only appears on these websites.</source>
        <translation>Der Chat erscheint nur auf diesen Websites.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="64"/>
        <source>How visitors reach the server</source>
        <translation>Wie Besucher den Server erreichen</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="70"/>
        <source>127.0.0.1 means only this computer can connect: right for trying it out, or behind a reverse proxy on the same machine.</source>
        <translation>127.0.0.1 bedeutet, dass nur dieser Computer sich verbinden kann: passend zum Ausprobieren oder hinter einem Reverse Proxy auf demselben Rechner.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="71"/>
        <source>Visitors on the internet need to reach this address. Either give the computer a public address (listen on 0.0.0.0 and open the port in your router), or — better — put a reverse proxy with HTTPS (nginx, Caddy) in front. A website on https:// can only load the chat from an https:// address.</source>
        <translation>Besucher aus dem Internet müssen diese Adresse erreichen. Geben Sie dem Computer entweder eine öffentliche Adresse (auf 0.0.0.0 lauschen und den Port im Router freigeben) oder – besser – schalten Sie einen Reverse Proxy mit HTTPS (nginx, Caddy) davor. Eine Website unter https:// kann den Chat nur von einer https://-Adresse laden.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="77"/>
        <source>Connect to your server</source>
        <translation>Mit Ihrem Server verbinden</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="78"/>
        <source>Server address, e.g. https://chat.example.com</source>
        <translation>Serveradresse, z. B. https://chat.example.com</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="79"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="80"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="95"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="101"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="101"/>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="73"/>
        <location filename="../qml/SetupWizard.qml" line="81"/>
        <source>Start Frontdesk when I log in (in the tray)</source>
        <translation>Frontdesk bei der Anmeldung starten (im Infobereich)</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>My chats</source>
        <translation>Meine Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>All active</source>
        <translation>Alle aktiven</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="87"/>
        <source>Search by text, name or email</source>
        <translation>Nach Text, Name oder E-Mail suchen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="115"/>
        <source>Nobody is waiting</source>
        <translation>Niemand wartet</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="115"/>
        <source>No chats yet</source>
        <translation>Noch keine Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="115"/>
        <source>No open chats</source>
        <translation>Keine offenen Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="116"/>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="116"/>
        <source>Nothing found</source>
        <translation>Nichts gefunden</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="117"/>
        <source>New visitors appear here. You will get a notification too.</source>
        <translation>Neue Besucher erscheinen hier. Sie erhalten auch eine Benachrichtigung.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="118"/>
        <source>Accept a visitor from the Queue (Ctrl+N takes the next one).</source>
        <translation>Nehmen Sie einen Besucher aus der Warteschlange an (Ctrl+N übernimmt den nächsten).</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="119"/>
        <source>Every waiting and active chat of the team shows here.</source>
        <translation>Hier erscheinen alle wartenden und aktiven Chats des Teams.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="120"/>
        <source>Closed chats whose messages, visitor name or email contain the search.</source>
        <translation>Beendete Chats, deren Nachrichten, Besuchername oder E-Mail den Suchbegriff enthalten.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="26"/>
        <source>Sign in to Frontdesk</source>
        <translation>Bei Frontdesk anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="32"/>
        <source>This computer runs your chat server.</source>
        <translation>Dieser Computer betreibt Ihren Chat-Server.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="33"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="41"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="49"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="64"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="64"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="72"/>
        <source>Set up again…</source>
        <translation>Neu einrichten…</translation>
    </message>
</context>
<context>
    <name>SiteSwitcher</name>
    <message>
        <location filename="../qml/SiteSwitcher.qml" line="34"/>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../qml/SiteSwitcher.qml" line="70"/>
        <source>Save or revert your changes to switch sites.</source>
        <translation>Speichern oder verwerfen Sie Ihre Änderungen, um die Website zu wechseln.</translation>
    </message>
</context>
<context>
    <name>SitesTab</name>
    <message>
        <location filename="../qml/SitesTab.qml" line="25"/>
        <source>Sites</source>
        <translation>Websites</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="38"/>
        <source>Each website has its own widget, snippet and queue; every agent answers the chats of every site. The site you pick here is the one the widget and snippet settings show.</source>
        <translation>Jede Website hat ihr eigenes Widget, ihr eigenes Snippet und ihre eigene Warteschlange; jeder Agent beantwortet die Chats aller Websites. Die hier gewählte Website zeigen die Widget- und Snippet-Einstellungen.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="39"/>
        <source>Each website has its own widget, snippet and queue. Only an admin can add, rename or delete sites.</source>
        <translation>Jede Website hat ihr eigenes Widget, ihr eigenes Snippet und ihre eigene Warteschlange. Nur ein Admin kann Websites hinzufügen, umbenennen oder löschen.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="66"/>
        <source>Site key %1</source>
        <translation>Website-Schlüssel %1</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="69"/>
        <source>Shown in settings</source>
        <translation>In den Einstellungen gezeigt</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="72"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="95"/>
        <source>Rename the site shown in settings</source>
        <translation>Die in den Einstellungen gezeigte Website umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="107"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="119"/>
        <source>Add a site</source>
        <translation>Eine Website hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="126"/>
        <source>The website&apos;s name, e.g. Outlet store</source>
        <translation>Name der Website, z. B. Outlet-Shop</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="130"/>
        <source>Add site</source>
        <translation>Website hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="145"/>
        <source>A new site allows no website yet: add its address under Snippet, then paste its snippet into that website.</source>
        <translation>Eine neue Website erlaubt noch keine Adresse: Fügen Sie ihre Adresse unter „Snippet“ hinzu und fügen Sie dann ihr Snippet in diese Website ein.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="158"/>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="176"/>
        <source>This deletes the site with all its conversations, messages, visitors and bans, for good. Its snippet stops working at once and its visitors are disconnected.</source>
        <translation>Dies löscht die Website mit allen Unterhaltungen, Nachrichten, Besuchern und Sperren endgültig. Ihr Snippet funktioniert sofort nicht mehr und ihre Besucher werden getrennt.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="181"/>
        <source>Type the site key %1 to confirm.</source>
        <translation>Geben Sie zur Bestätigung den Website-Schlüssel %1 ein.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="187"/>
        <source>Site key</source>
        <translation>Website-Schlüssel</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="193"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="194"/>
        <source>Delete site</source>
        <translation>Website löschen</translation>
    </message>
</context>
<context>
    <name>VisitorPanel</name>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="36"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="82"/>
        <source>Visitor details</source>
        <translation>Besucherdetails</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="83"/>
        <source>Open a chat to see who you are talking to and what they are looking at.</source>
        <translation>Öffnen Sie einen Chat, um zu sehen, mit wem Sie sprechen und was die Person gerade ansieht.</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="118"/>
        <source>On the site now</source>
        <translation>Gerade auf der Website</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="118"/>
        <source>Left the site</source>
        <translation>Hat die Website verlassen</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="136"/>
        <source>User ID</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="138"/>
        <source>✓ Verified by your site</source>
        <translation>✓ Von Ihrer Website bestätigt</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="143"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="145"/>
        <location filename="../qml/VisitorPanel.qml" line="152"/>
        <source>Not given</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="146"/>
        <location filename="../qml/VisitorPanel.qml" line="153"/>
        <source>Not signed by your site</source>
        <translation>Nicht von Ihrer Website signiert</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="146"/>
        <location filename="../qml/VisitorPanel.qml" line="153"/>
        <source>Given by the visitor, not verified</source>
        <translation>Vom Besucher angegeben, nicht geprüft</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="150"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="156"/>
        <source>Now on</source>
        <translation>Gerade auf</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="169"/>
        <source>No page reported yet</source>
        <translation>Noch keine Seite gemeldet</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="184"/>
        <source>Pages visited (%1)</source>
        <translation>Besuchte Seiten (%1)</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="207"/>
        <source>Technology</source>
        <translation>Technik</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="213"/>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="214"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="215"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="216"/>
        <source>Local time</source>
        <translation>Ortszeit</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="218"/>
        <source>Came from</source>
        <translation>Kam von</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="218"/>
        <source>Direct visit</source>
        <translation>Direkter Aufruf</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="219"/>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="221"/>
        <source>Earlier conversations</source>
        <translation>Frühere Gespräche</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="224"/>
        <source>This is the first conversation.</source>
        <translation>Dies ist das erste Gespräch.</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="235"/>
        <source>with %1</source>
        <translation>mit %1</translation>
    </message>
</context>
<context>
    <name>WidgetPreview</name>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="60"/>
        <source>Chat with us</source>
        <translation>Chatten Sie mit uns</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="84"/>
        <source>We are away right now. Leave a message and we will get back to you.</source>
        <translation>Wir sind gerade nicht da. Hinterlassen Sie eine Nachricht, wir melden uns bei Ihnen.</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="97"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="97"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="112"/>
        <source>Type a message…</source>
        <translation>Nachricht eingeben…</translation>
    </message>
</context>
</TS>
