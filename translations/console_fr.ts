<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../qml/ChatPane.qml" line="53"/>
        <source>Waiting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="54"/>
        <source>Chatting with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="55"/>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="63"/>
        <source>Accept chat</source>
        <translation>Accepter la discussion</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="70"/>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="84"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="84"/>
        <source>away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="84"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="93"/>
        <source>Copy transcript</source>
        <translation>Copier la transcription</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>Transcript copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="100"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="104"/>
        <source>Close the chat (Ctrl+W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="114"/>
        <source>No chat selected</source>
        <translation>Aucune discussion sélectionnée</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="115"/>
        <source>Pick a conversation on the left, or press Ctrl+N to take the visitor who has waited longest. Ctrl+1…9 and Ctrl+Tab switch chats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="145"/>
        <source>%1 is typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="145"/>
        <source>The visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="167"/>
        <source>This chat is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="177"/>
        <source>Close this chat?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="179"/>
        <source>The visitor sees that the chat has ended.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="39"/>
        <source>This visitor is waiting. Replying does not accept the chat — accept it so the team knows it is yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="81"/>
        <source>Write a reply…  (Enter sends, Shift+Enter for a new line, / for canned responses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="102"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <location filename="../qml/ConsoleView.qml" line="106"/>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="121"/>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="128"/>
        <source>1 agent online</source>
        <translation>1 agent en ligne</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="128"/>
        <source>%1 agents online</source>
        <translation>%1 agents en ligne</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="144"/>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="102"/>
        <source>typing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="103"/>
        <source>You: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="115"/>
        <location filename="../qml/ConversationDelegate.qml" line="116"/>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="125"/>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AgentClient</name>
    <message>
        <location filename="../app/console/agentclient.cpp" line="134"/>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/agentclient.cpp" line="198"/>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/agentclient.cpp" line="264"/>
        <source>The connection to the server was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/agentclient.cpp" line="293"/>
        <source>Not connected to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/agentclient.cpp" line="441"/>
        <source>Your session has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Frontdesk::ConversationListModel</name>
    <message>
        <location filename="../app/console/conversationlistmodel.cpp" line="32"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/conversationlistmodel.cpp" line="71"/>
        <source>Visitor %1</source>
        <translation>Visiteur %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::MessageListModel</name>
    <message>
        <location filename="../app/console/messagelistmodel.cpp" line="355"/>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Frontdesk::Notifier</name>
    <message>
        <location filename="../app/console/notifier.cpp" line="96"/>
        <source>%1 is waiting</source>
        <translation>%1 attend</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="96"/>
        <source>A visitor started a chat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="120"/>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="186"/>
        <source>%1 is still waiting</source>
        <translation>%1 attend toujours</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="187"/>
        <source>1 visitor is waiting for an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="188"/>
        <source>%1 visitors are waiting for an answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="237"/>
        <source>Open chat</source>
        <translation>Ouvrir la discussion</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="281"/>
        <location filename="../app/console/notifier.cpp" line="298"/>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="298"/>
        <source>Frontdesk: %1 need you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Frontdesk::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="23"/>
        <source>The chat server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="22"/>
        <source>(%1) Frontdesk</source>
        <translation>(%1) Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="22"/>
        <source>Frontdesk</source>
        <translation>Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="66"/>
        <source>Waiting for the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="66"/>
        <source>Starting Frontdesk…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="76"/>
        <source>sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="77"/>
        <source>✓✓ read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="78"/>
        <source>✓ sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresenceSelector</name>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="17"/>
        <location filename="../qml/PresenceSelector.qml" line="33"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="18"/>
        <location filename="../qml/PresenceSelector.qml" line="34"/>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="19"/>
        <location filename="../qml/PresenceSelector.qml" line="34"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../qml/SettingsView.qml" line="50"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="58"/>
        <location filename="../qml/SettingsView.qml" line="95"/>
        <source>Website widget</source>
        <translation>Widget du site</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="58"/>
        <source>Snippet</source>
        <translation>Extrait de code</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="58"/>
        <location filename="../qml/SettingsView.qml" line="229"/>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="58"/>
        <location filename="../qml/SettingsView.qml" line="299"/>
        <source>Canned responses</source>
        <translation>Réponses prédéfinies</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="59"/>
        <location filename="../qml/SettingsView.qml" line="354"/>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="59"/>
        <location filename="../qml/SettingsView.qml" line="385"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="59"/>
        <source>Account and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="73"/>
        <source>Back to chats</source>
        <translation>Retour aux discussions</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="96"/>
        <source>How the chat looks on your website. Changes reach visitors when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="97"/>
        <source>Only an admin can change the widget.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="98"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="99"/>
        <source>Chat with us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="100"/>
        <source>Welcome message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="101"/>
        <source>Hi! How can we help?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="102"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="118"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="120"/>
        <source>Bottom right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="121"/>
        <source>Bottom left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="123"/>
        <source>Ask before the chat starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="125"/>
        <location filename="../qml/SettingsView.qml" line="274"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="126"/>
        <location filename="../qml/SettingsView.qml" line="275"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="127"/>
        <source>Email required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="130"/>
        <source>When nobody is online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="132"/>
        <source>We are away right now. Leave a message and we will get back to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="135"/>
        <source>Save widget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="149"/>
        <source>Preview as offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="176"/>
        <source>Put the chat on your website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="177"/>
        <source>Paste this line into every page of your website, just before &lt;/body&gt;. The chat button appears at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="194"/>
        <source>The snippet appears once the console is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="200"/>
        <source>Copy snippet</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="204"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="206"/>
        <source>Allowed websites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="207"/>
        <source>The widget only works on these origins (scheme://host[:port]), one per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="215"/>
        <source>Save allowed websites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="219"/>
        <source>What visitors on the internet need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="220"/>
        <source>Your website&apos;s visitors must reach this server: give it a public address, or put it behind a reverse proxy (nginx, Caddy) with an HTTPS certificate, and use that https:// address in the snippet. A website on https cannot load a chat from plain http.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="231"/>
        <source>Add the people who answer chats. Each signs in with their own email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="232"/>
        <source>Only an admin can add or remove agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="255"/>
        <source>(you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="256"/>
        <location filename="../qml/SettingsView.qml" line="277"/>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="256"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="258"/>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="260"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="270"/>
        <source>Add an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="276"/>
        <source>First password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="278"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="288"/>
        <source>New password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="290"/>
        <source>At least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="301"/>
        <source>Type /shortcut in a reply and it becomes the text. Shared by the whole team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="319"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="326"/>
        <source>No canned responses yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="327"/>
        <source>Save answers you give often, like opening hours or shipping times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="333"/>
        <source>Edit /%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="333"/>
        <source>New canned response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="338"/>
        <source>shortcut, e.g. hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="339"/>
        <source>The text it expands to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="340"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="355"/>
        <source>Show desktop notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="357"/>
        <source>Play a sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="360"/>
        <source>Remind me every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="363"/>
        <source>seconds while a visitor waits (0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="365"/>
        <source>Presence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="367"/>
        <source>Show me as away after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="370"/>
        <source>minutes without activity (0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="372"/>
        <source>Visitors see the chat as offline when no agent is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="386"/>
        <source>This computer runs the chat server. Changes apply the next time Frontdesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="387"/>
        <source>Connected to %1. The server&apos;s own settings are made where it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="392"/>
        <source>Listen address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="394"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="396"/>
        <source>TLS certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="397"/>
        <source>/etc/ssl/certs/chat.pem (empty: plain HTTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="398"/>
        <source>TLS private key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="400"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="401"/>
        <source>Empty: SQLite file on this computer; or mariadb://user@host:3306/frontdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="404"/>
        <source>A MariaDB password is kept in the system keyring, never in a settings file: run &quot;frontdesk --store-database-password --database URL&quot; once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="405"/>
        <source>Listening on 127.0.0.1 keeps the server private to this computer. Visitors on the internet need a public address (0.0.0.0 and an open port) or, better, a reverse proxy with HTTPS in front.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="418"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="419"/>
        <source>Signed in as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="421"/>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="422"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="423"/>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="426"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="427"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="432"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="437"/>
        <source>The new language applies the next time Frontdesk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="438"/>
        <source>Run the setup wizard again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../qml/SetupWizard.qml" line="34"/>
        <source>Welcome to Frontdesk</source>
        <translation>Bienvenue dans Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="35"/>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="43"/>
        <source>Where should the chat server run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="44"/>
        <source>On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="45"/>
        <source>Frontdesk runs the server for you. Best for one shop and one computer that stays on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="46"/>
        <source>On a server I already run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="47"/>
        <source>Connect to &quot;frontdesk --headless&quot; on another machine with its address, your email and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="51"/>
        <source>You and your website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="52"/>
        <source>Your email (you sign in with it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="53"/>
        <source>A password, at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="54"/>
        <source>Your website&apos;s name, e.g. Anna&apos;s Bakery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="55"/>
        <source>Your website&apos;s address, e.g. https://www.example.com (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="56"/>
        <source>The chat only appears on these websites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="60"/>
        <source>How visitors reach the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="66"/>
        <source>127.0.0.1 means only this computer can connect: right for trying it out, or behind a reverse proxy on the same machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="67"/>
        <source>Visitors on the internet need to reach this address. Either give the computer a public address (listen on 0.0.0.0 and open the port in your router), or — better — put a reverse proxy with HTTPS (nginx, Caddy) in front. A website on https:// can only load the chat from an https:// address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="71"/>
        <source>Connect to your server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="72"/>
        <source>Server address, e.g. https://chat.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="73"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="74"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="88"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="94"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="94"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="44"/>
        <source>Queue</source>
        <translation>File d'attente</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="44"/>
        <source>My chats</source>
        <translation>Mes discussions</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="44"/>
        <source>All active</source>
        <translation>Toutes actives</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="44"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="81"/>
        <source>Search by text, name or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="109"/>
        <source>Nobody is waiting</source>
        <translation>Personne n'attend</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="109"/>
        <source>No chats yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="109"/>
        <source>No open chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="110"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="110"/>
        <source>Nothing found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="111"/>
        <source>New visitors appear here. You will get a notification too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="112"/>
        <source>Accept a visitor from the Queue (Ctrl+N takes the next one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="113"/>
        <source>Every waiting and active chat of the team shows here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="114"/>
        <source>Closed chats whose messages, visitor name or email contain the search.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="26"/>
        <source>Sign in to Frontdesk</source>
        <translation>Se connecter à Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="32"/>
        <source>This computer runs your chat server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="33"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="41"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="49"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="64"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="64"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="72"/>
        <source>Set up again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitorPanel</name>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="29"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="64"/>
        <source>Visitor details</source>
        <translation>Détails du visiteur</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="65"/>
        <source>Open a chat to see who you are talking to and what they are looking at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="100"/>
        <source>On the site now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="100"/>
        <source>Left the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="113"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="113"/>
        <location filename="../qml/VisitorPanel.qml" line="114"/>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="114"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="116"/>
        <source>Now on</source>
        <translation>Actuellement sur</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="129"/>
        <source>No page reported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="144"/>
        <source>Pages visited (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="165"/>
        <source>Technology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="171"/>
        <source>Browser</source>
        <translation>Navigateur</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="172"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="173"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="174"/>
        <source>Local time</source>
        <translation>Heure locale</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="176"/>
        <source>Came from</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="176"/>
        <source>Direct visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="177"/>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="179"/>
        <source>Earlier conversations</source>
        <translation>Conversations précédentes</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="182"/>
        <source>This is the first conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="192"/>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WidgetPreview</name>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="54"/>
        <source>Chat with us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="78"/>
        <source>We are away right now. Leave a message and we will get back to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="90"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="90"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="105"/>
        <source>Type a message…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
