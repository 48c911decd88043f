<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../qml/ChatPane.qml" line="61"/>
        <source>Waiting for %1</source>
        <translation>En attente depuis %1</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="62"/>
        <source>Chatting with %1</source>
        <translation>En discussion avec %1</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="63"/>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="71"/>
        <source>Accept chat</source>
        <translation>Accepter la discussion</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="78"/>
        <source>Transfer</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>away</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>offline</source>
        <translation>hors ligne</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="112"/>
        <source>Copy transcript</source>
        <translation>Copier la transcription</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="114"/>
        <source>Transcript copied</source>
        <translation>Transcription copiée</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="119"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="123"/>
        <source>Close the chat (Ctrl+W)</source>
        <translation>Fermer la discussion (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="133"/>
        <source>No chat selected</source>
        <translation>Aucune discussion sélectionnée</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="134"/>
        <source>Pick a conversation on the left, or press Ctrl+N to take the visitor who has waited longest. Ctrl+1…9 and Ctrl+Tab switch chats.</source>
        <translation>Choisissez une conversation à gauche ou appuyez sur Ctrl+N pour prendre le visiteur qui attend depuis le plus longtemps. Ctrl+1…9 et Ctrl+Tab permettent de changer de discussion.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="171"/>
        <source>%1 is typing…</source>
        <translation>%1 est en train d&apos;écrire…</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="171"/>
        <source>The visitor</source>
        <translation>Le visiteur</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="193"/>
        <source>This chat is closed.</source>
        <translation>Cette discussion est fermée.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="203"/>
        <source>Close this chat?</source>
        <translation>Fermer cette discussion ?</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="205"/>
        <source>The visitor sees that the chat has ended.</source>
        <translation>Le visiteur verra que la discussion est terminée.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="52"/>
        <source>This visitor is waiting. Replying does not accept the chat — accept it so the team knows it is yours.</source>
        <translation>Ce visiteur attend. Répondre n&apos;accepte pas la discussion — acceptez-la pour que l&apos;équipe sache qu&apos;elle est à vous.</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="103"/>
        <source>Write a reply…  (Enter sends, Shift+Enter for a new line, / for canned responses)</source>
        <translation>Écrivez une réponse…  (Entrée pour envoyer, Maj+Entrée pour un saut de ligne, / pour les réponses prédéfinies)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="124"/>
        <source>Send</source>
        <translation>Envoyer</translation>
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
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="166"/>
        <source>1 agent online</source>
        <translation>1 agent en ligne</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="166"/>
        <source>%1 agents online</source>
        <translation>%1 agents en ligne</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="182"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="192"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="197"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="197"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="198"/>
        <source>Close window (keeps running)</source>
        <translation>Fermer la fenêtre (continue de tourner)</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="200"/>
        <source>Quit Frontdesk</source>
        <translation>Quitter Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="200"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="156"/>
        <source>Email failing</source>
        <translation>Envoi d&apos;e-mails en échec</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="158"/>
        <source>An email could not be sent: the mail server&apos;s answer is in Settings, Email.</source>
        <translation>Un e-mail n&apos;a pas pu être envoyé : la réponse du serveur de messagerie est dans Paramètres, E-mail.</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="117"/>
        <source>typing…</source>
        <translation>écrit…</translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="118"/>
        <source>You: </source>
        <translation>Vous : </translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="130"/>
        <location filename="../qml/ConversationDelegate.qml" line="131"/>
        <source>with %1</source>
        <translation>avec %1</translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="140"/>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AgentClient</name>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="147"/>
        <source>Could not reach %1: %2</source>
        <translation>Impossible de joindre %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="214"/>
        <location filename="../app/console/client/agentconnection.cpp" line="364"/>
        <source>Signed out.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="256"/>
        <source>The connection to the server was lost.</source>
        <translation>La connexion au serveur a été perdue.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="285"/>
        <source>Not connected to the server.</source>
        <translation>Non connecté au serveur.</translation>
    </message>
    <message>
        <location filename="../app/console/client/replysender.cpp" line="191"/>
        <source>The server refused this reply (%1).</source>
        <translation>Le serveur a refusé cette réponse (%1).</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="349"/>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Votre session a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="87"/>
        <source>Your password was changed on another computer. Please sign in again.</source>
        <translation>Votre mot de passe a été modifié sur un autre ordinateur. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="90"/>
        <source>An admin reset your password. Please sign in with the new one.</source>
        <translation>Un administrateur a réinitialisé votre mot de passe. Veuillez vous connecter avec le nouveau.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="93"/>
        <source>An admin disabled your account.</source>
        <translation>Un administrateur a désactivé votre compte.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="95"/>
        <source>An admin removed your account.</source>
        <translation>Un administrateur a supprimé votre compte.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="97"/>
        <source>You were signed out.</source>
        <translation>Vous avez été déconnecté.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="98"/>
        <source>This session was ended from another computer. Please sign in again.</source>
        <translation>Cette session a été fermée depuis un autre ordinateur. Veuillez vous reconnecter.</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AlertSound</name>
    <message>
        <location filename="../app/console/alertsound.cpp" line="87"/>
        <source>A visitor wrote in a chat</source>
        <translation>Un visiteur a écrit dans une discussion</translation>
    </message>
    <message>
        <location filename="../app/console/alertsound.cpp" line="87"/>
        <source>A visitor is waiting</source>
        <translation>Un visiteur attend</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AutostartEntry</name>
    <message>
        <location filename="../app/console/autostartentry.cpp" line="121"/>
        <source>Cannot start &quot;%1&quot; at login: not an absolute path.</source>
        <translation>Impossible de lancer « %1 » à la connexion : ce n’est pas un chemin absolu.</translation>
    </message>
    <message>
        <location filename="../app/console/autostartentry.cpp" line="128"/>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/console/autostartentry.cpp" line="136"/>
        <source>Could not remove %1: %2</source>
        <translation>Impossible de supprimer %1 : %2</translation>
    </message>
</context>
<context>
    <name>Frontdesk::CanberraPlayer</name>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="48"/>
        <source>No sound device: %1</source>
        <translation>Aucun périphérique audio : %1</translation>
    </message>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="106"/>
        <source>The sound theme has none of %1</source>
        <translation>Le thème sonore ne contient aucun de ces sons : %1</translation>
    </message>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="107"/>
        <source>Cannot play %1: %2</source>
        <translation>Impossible de jouer %1 : %2</translation>
    </message>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="155"/>
        <source>The sound stopped: %1</source>
        <translation>Le son s’est interrompu : %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::ConsoleLifecycle</name>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="63"/>
        <source>1 visitor is waiting.</source>
        <translation>1 visiteur attend.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="63"/>
        <source>%1 visitors are waiting.</source>
        <translation>%1 visiteurs attendent.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="67"/>
        <source>1 chat is active.</source>
        <translation>1 chat est en cours.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="67"/>
        <source>%1 chats are active.</source>
        <translation>%1 chats sont en cours.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="69"/>
        <source>You have 1 active chat.</source>
        <translation>Vous avez 1 chat en cours.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="69"/>
        <source>You have %1 active chats.</source>
        <translation>Vous avez %1 chats en cours.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="71"/>
        <source>Quit anyway? The chat will be unavailable on your site.</source>
        <translation>Quitter quand même ? Le chat sera indisponible sur votre site.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="72"/>
        <source>Quit anyway? The server keeps running, but you will not be notified.</source>
        <translation>Quitter quand même ? Le serveur continue de tourner, mais vous ne serez plus averti.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="119"/>
        <source>Frontdesk is still running in the tray</source>
        <translation>Frontdesk tourne toujours dans la zone de notification</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="120"/>
        <source>The chat stays open on your site and you will be notified of new visitors. To stop Frontdesk, choose Quit in the tray menu or press Ctrl+Q.</source>
        <translation>Le chat reste ouvert sur votre site et vous serez averti des nouveaux visiteurs. Pour arrêter Frontdesk, choisissez Quitter dans le menu de l’icône ou appuyez sur Ctrl+Q.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="122"/>
        <source>You will be notified of new visitors. To stop Frontdesk, choose Quit in the tray menu or press Ctrl+Q.</source>
        <translation>Vous serez averti des nouveaux visiteurs. Pour arrêter Frontdesk, choisissez Quitter dans le menu de l’icône ou appuyez sur Ctrl+Q.</translation>
    </message>
</context>
<context>
    <name>Frontdesk::ConversationListModel</name>
    <message>
        <location filename="../app/console/conversationmodel.cpp" line="28"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../app/console/conversationmodel.cpp" line="49"/>
        <source>Visitor %1</source>
        <translation>Visiteur %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::MessageListModel</name>
    <message>
        <location filename="../app/console/messagelistmodel.cpp" line="399"/>
        <source>Visitor</source>
        <translation>Visiteur</translation>
    </message>
</context>
<context>
    <name>Frontdesk::Notifier</name>
    <message>
        <location filename="../app/console/notifier.cpp" line="72"/>
        <source>%1 is waiting</source>
        <translation>%1 attend</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="72"/>
        <source>A visitor started a chat.</source>
        <translation>Un visiteur a lancé une discussion.</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="112"/>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="183"/>
        <source>%1 is still waiting</source>
        <translation>%1 attend toujours</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="184"/>
        <source>1 visitor is waiting for an answer.</source>
        <translation>1 visiteur attend une réponse.</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="185"/>
        <source>%1 visitors are waiting for an answer.</source>
        <translation>%1 visiteurs attendent une réponse.</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="277"/>
        <source>Open chat</source>
        <translation>Ouvrir la discussion</translation>
    </message>
</context>
<context>
    <name>Frontdesk::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="20"/>
        <source>The chat server could not start: %1</source>
        <translation>Le serveur de discussion n&apos;a pas pu démarrer : %1</translation>
    </message>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="147"/>
        <source>%1 as %2</source>
        <translation>%1 en tant que %2</translation>
    </message>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="191"/>
        <source>The SMTP server %1</source>
        <translation>Le serveur SMTP %1</translation>
    </message>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="193"/>
        <source>The From address %1</source>
        <translation>L&apos;adresse d&apos;expéditeur %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::SessionListModel</name>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="154"/>
        <location filename="../app/console/sessionlistmodel.cpp" line="210"/>
        <source>Active now</source>
        <translation>Actif maintenant</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="158"/>
        <source>Last active a minute ago</source>
        <translation>Dernière activité il y a une minute</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="158"/>
        <source>Last active %1 minutes ago</source>
        <translation>Dernière activité il y a %1 minutes</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="162"/>
        <source>Last active an hour ago</source>
        <translation>Dernière activité il y a une heure</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="162"/>
        <source>Last active %1 hours ago</source>
        <translation>Dernière activité il y a %1 heures</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="166"/>
        <source>Last active a day ago</source>
        <translation>Dernière activité il y a un jour</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="166"/>
        <source>Last active %1 days ago</source>
        <translation>Dernière activité il y a %1 jours</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="168"/>
        <source>Last active on %1</source>
        <translation>Dernière activité le %1</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="175"/>
        <source>%1 on %2</source>
        <comment>browser on operating system</comment>
        <translation>%1 sous %2</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="181"/>
        <source>Unknown device</source>
        <translation>Appareil inconnu</translation>
    </message>
</context>
<context>
    <name>Frontdesk::SingleInstance</name>
    <message>
        <location filename="../app/console/singleinstance.cpp" line="73"/>
        <source>Frontdesk is already running (process %1) but does not answer on %2. Stop that process, or remove %3 if it is not Frontdesk.</source>
        <translation>Frontdesk tourne déjà (processus %1) mais ne répond pas sur %2. Arrêtez ce processus, ou supprimez %3 si ce n’est pas Frontdesk.</translation>
    </message>
</context>
<context>
    <name>Frontdesk::TrayIcon</name>
    <message>
        <location filename="../app/console/trayicon.cpp" line="52"/>
        <source>Your status</source>
        <translation>Votre statut</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="57"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="57"/>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="57"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="70"/>
        <source>Open Frontdesk</source>
        <translation>Ouvrir Frontdesk</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="73"/>
        <source>Quit Frontdesk</source>
        <translation>Quitter Frontdesk</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="145"/>
        <source>Nobody is waiting</source>
        <translation>Personne n’attend</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="146"/>
        <source>1 visitor is waiting</source>
        <translation>1 visiteur attend</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="147"/>
        <source>%1 visitors are waiting</source>
        <translation>%1 visiteurs attendent</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="148"/>
        <source>Not connected to the server</source>
        <translation>Non connecté au serveur</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="159"/>
        <source>Frontdesk: offline, not connected to the chat server</source>
        <translation>Frontdesk : hors ligne, non connecté au serveur de chat</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="162"/>
        <source>Frontdesk: nobody is waiting</source>
        <translation>Frontdesk : personne n’attend</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="163"/>
        <source>Frontdesk: 1 visitor is waiting</source>
        <translation>Frontdesk : 1 visiteur attend</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="163"/>
        <source>Frontdesk: %1 visitors are waiting</source>
        <translation>Frontdesk : %1 visiteurs attendent</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="179"/>
        <source>and %1 more…</source>
        <translation>et %1 de plus…</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="188"/>
        <source>Accept this chat and open it</source>
        <translation>Accepter ce chat et l’ouvrir</translation>
    </message>
</context>
<context>
    <name>Frontdesk::WebhookDeliveryModel</name>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="297"/>
        <source>Delivered</source>
        <translation>Livré</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="299"/>
        <source>Failed</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="305"/>
        <source>Waiting, retry at %1</source>
        <translation>En attente, nouvel essai à %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="306"/>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="349"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="350"/>
        <source>No answer</source>
        <translation>Pas de réponse</translation>
    </message>
</context>
<context>
    <name>Frontdesk::WebhookListModel</name>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="25"/>
        <source>Delivered just now</source>
        <translation>Livré à l’instant</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="28"/>
        <source>Delivered %1 min ago</source>
        <translation>Livré il y a %1 min</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="30"/>
        <source>Delivered %1 h ago</source>
        <translation>Livré il y a %1 h</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="31"/>
        <source>Delivered on %1</source>
        <translation>Livré le %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="133"/>
        <source>This server does not support webhooks. Update Frontdesk on the server to use them.</source>
        <translation>Ce serveur ne prend pas en charge les webhooks. Mettez Frontdesk à jour sur le serveur pour les utiliser.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="248"/>
        <location filename="../app/console/webhooklistmodel.cpp" line="308"/>
        <source>Choose at least one event.</source>
        <translation>Choisissez au moins un événement.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="250"/>
        <source>Only an admin can add webhooks.</source>
        <translation>Seul un administrateur peut ajouter des webhooks.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="250"/>
        <source>Not connected to the server.</source>
        <translation>Pas connecté au serveur.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="399"/>
        <source>New chat</source>
        <translation>Nouvelle discussion</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="401"/>
        <source>Chat accepted</source>
        <translation>Discussion acceptée</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="403"/>
        <source>Chat transferred</source>
        <translation>Discussion transférée</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="405"/>
        <source>Chat closed</source>
        <translation>Discussion fermée</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="407"/>
        <source>Chat rated</source>
        <translation>Discussion notée</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="409"/>
        <source>Visitor message</source>
        <translation>Message du visiteur</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="411"/>
        <source>Agent reply</source>
        <translation>Réponse de l’agent</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="419"/>
        <source>All events</source>
        <translation>Tous les événements</translation>
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
        <translation>Saisissez l’adresse qui doit recevoir les événements.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="440"/>
        <source>The address must start with http:// or https://.</source>
        <translation>L’adresse doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="459"/>
        <source>%1 waiting, last failure: %2</source>
        <translation>%1 en attente, dernier échec : %2</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="461"/>
        <source>%1 waiting</source>
        <translation>%1 en attente</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="463"/>
        <source>Last attempt failed: %1</source>
        <translation>Dernière tentative échouée : %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="467"/>
        <source>No deliveries yet</source>
        <translation>Aucune livraison pour l’instant</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="469"/>
        <source>%1 given up on</source>
        <translation>%1 abandonnées</translation>
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
        <translation>En attente du serveur…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="152"/>
        <source>Starting Frontdesk…</source>
        <translation>Démarrage de Frontdesk…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="104"/>
        <source>Quit Frontdesk?</source>
        <translation>Quitter Frontdesk ?</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="113"/>
        <source>Keep running</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119"/>
        <source>Quit anyway</source>
        <translation>Quitter quand même</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="86"/>
        <source>sending…</source>
        <translation>envoi…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="87"/>
        <source>✓✓ read</source>
        <translation>✓✓ lu</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="88"/>
        <source>✓ sent</source>
        <translation>✓ envoyé</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="89"/>
        <source>not sent</source>
        <translation>non envoyé</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="111"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="117"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
</context>
<context>
    <name>PresenceSelector</name>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="23"/>
        <location filename="../qml/PresenceSelector.qml" line="39"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="24"/>
        <location filename="../qml/PresenceSelector.qml" line="40"/>
        <source>Away</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="25"/>
        <location filename="../qml/PresenceSelector.qml" line="40"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../qml/SettingsView.qml" line="57"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <location filename="../qml/SettingsView.qml" line="111"/>
        <source>Website widget</source>
        <translation>Widget du site</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <source>Snippet</source>
        <translation>Extrait de code</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <location filename="../qml/SettingsView.qml" line="287"/>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <location filename="../qml/SettingsView.qml" line="445"/>
        <source>Canned responses</source>
        <translation>Réponses prédéfinies</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <location filename="../qml/SettingsView.qml" line="510"/>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <location filename="../qml/SettingsView.qml" line="588"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <source>Account and language</source>
        <translation>Compte et langue</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <location filename="../qml/SettingsView.qml" line="653"/>
        <source>Your sessions</source>
        <translation>Vos sessions</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="89"/>
        <source>Back to chats</source>
        <translation>Retour aux discussions</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="113"/>
        <source>How the chat looks on your website. Changes reach visitors when you save.</source>
        <translation>L&apos;apparence de la discussion sur votre site. Les modifications sont visibles par les visiteurs dès que vous enregistrez.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="114"/>
        <source>Only an admin can change the widget.</source>
        <translation>Seul un administrateur peut modifier le widget.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="115"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="116"/>
        <source>Chat with us</source>
        <translation>Discutez avec nous</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="118"/>
        <source>Welcome message</source>
        <translation>Message d&apos;accueil</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="119"/>
        <source>Hi! How can we help?</source>
        <translation>Bonjour ! Comment pouvons-nous vous aider ?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="121"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="137"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="139"/>
        <source>Bottom right</source>
        <translation>En bas à droite</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="141"/>
        <source>Bottom left</source>
        <translation>En bas à gauche</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="144"/>
        <source>Ask before the chat starts</source>
        <translation>Demander avant le début de la discussion</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="146"/>
        <location filename="../qml/SettingsView.qml" line="374"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="67"/>
        <location filename="../qml/SettingsView.qml" line="147"/>
        <location filename="../qml/SettingsView.qml" line="375"/>
        <location filename="../qml/SettingsView.qml" line="765"/>
        <source>Email</source>
        <translation>E-mail</translation>
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
        <translation>E-mail obligatoire</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="151"/>
        <source>When nobody is online</source>
        <translation>Quand personne n&apos;est en ligne</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="154"/>
        <source>We are away right now. Leave a message and we will get back to you.</source>
        <translation>Nous sommes absents pour le moment. Laissez un message et nous vous répondrons.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="155"/>
        <source>When an agent replies</source>
        <translation>Quand un agent répond</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="156"/>
        <source>Play a sound if the visitor&apos;s tab is in the background</source>
        <translation>Jouer un son si l&apos;onglet du visiteur est en arrière-plan</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="160"/>
        <source>Save widget</source>
        <translation>Enregistrer le widget</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="173"/>
        <source>Preview as offline</source>
        <translation>Aperçu hors ligne</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="199"/>
        <source>Put the chat on your website</source>
        <translation>Ajouter la discussion à votre site</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="201"/>
        <source>Paste this line into every page of your website, just before &lt;/body&gt;. The chat button appears at once.</source>
        <translation>Collez cette ligne dans chaque page de votre site, juste avant &lt;/body&gt;. Le bouton de discussion apparaît aussitôt.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="219"/>
        <source>The snippet appears once the console is connected.</source>
        <translation>Le code apparaît dès que la console est connectée.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="225"/>
        <source>Copy snippet</source>
        <translation>Copier le code</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="229"/>
        <location filename="../qml/SettingsView.qml" line="1119"/>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="231"/>
        <source>Public address</source>
        <translation>Adresse publique</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="232"/>
        <source>Where your visitors&apos; browsers reach this server, if not at the address above: your domain or your reverse proxy, such as https://chat.example.com. Leave it empty to use the server&apos;s own public URL (its --public-url) or, without one, the address the console connects to.</source>
        <translation>L&apos;adresse à laquelle les navigateurs de vos visiteurs joignent ce serveur, si ce n&apos;est pas celle ci-dessus : votre domaine ou votre proxy inverse, par exemple https://chat.example.com. Laissez vide pour utiliser l&apos;adresse publique du serveur (son --public-url) ou, à défaut, l&apos;adresse à laquelle la console se connecte.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="245"/>
        <source>Use this address</source>
        <translation>Utiliser cette adresse</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="251"/>
        <source>This is not an http:// or https:// address, so the snippet keeps the console&apos;s address.</source>
        <translation>Ce n&apos;est pas une adresse http:// ou https:// : l&apos;extrait garde donc l&apos;adresse de la console.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="256"/>
        <source>Allowed websites</source>
        <translation>Sites autorisés</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="257"/>
        <source>The widget only works on these origins (scheme://host[:port]), one per line.</source>
        <translation>Le widget ne fonctionne que sur ces origines (scheme://host[:port]), une par ligne.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="267"/>
        <source>Save allowed websites</source>
        <translation>Enregistrer les sites autorisés</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="274"/>
        <source>What visitors on the internet need</source>
        <translation>Ce dont les visiteurs sur Internet ont besoin</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="275"/>
        <source>Your website&apos;s visitors must reach this server: give it a public address, or put it behind a reverse proxy (nginx, Caddy) with an HTTPS certificate, and enter that https:// address as the public address above. A website on https cannot load a chat from plain http.</source>
        <translation>Les visiteurs de votre site doivent pouvoir joindre ce serveur : donnez-lui une adresse publique, ou placez-le derrière un proxy inverse (nginx, Caddy) avec un certificat HTTPS, et saisissez cette adresse https:// comme adresse publique ci-dessus. Un site en https ne peut pas charger un chat en http simple.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="289"/>
        <source>Add the people who answer chats. Each signs in with their own email and password.</source>
        <translation>Ajoutez les personnes qui répondent aux discussions. Chacune se connecte avec son propre e-mail et mot de passe.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="290"/>
        <source>Only an admin can add or remove agents.</source>
        <translation>Seul un administrateur peut ajouter ou supprimer des agents.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="330"/>
        <source>(you)</source>
        <translation>(vous)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="344"/>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="349"/>
        <location filename="../qml/SettingsView.qml" line="377"/>
        <source>Admin</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="349"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="351"/>
        <source>Reset password</source>
        <translation>Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="353"/>
        <location filename="../qml/SettingsView.qml" line="434"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="356"/>
        <source>Enable</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="360"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="370"/>
        <source>Add an agent</source>
        <translation>Ajouter un agent</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="376"/>
        <source>First password</source>
        <translation>Mot de passe initial</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="378"/>
        <location filename="../qml/SettingsView.qml" line="1230"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="389"/>
        <source>New password for %1</source>
        <translation>Nouveau mot de passe pour %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="402"/>
        <source>At least 8 characters</source>
        <translation>Au moins 8 caractères</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="412"/>
        <source>Disable %1?</source>
        <translation>Désactiver %1 ?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="428"/>
        <source>%1 is signed out at once and cannot sign in until you enable the account again.</source>
        <translation>%1 est déconnecté immédiatement et ne pourra plus se connecter tant que vous n&apos;aurez pas réactivé le compte.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="433"/>
        <location filename="../qml/SettingsView.qml" line="1160"/>
        <location filename="../qml/SettingsView.qml" line="1272"/>
        <location filename="../qml/SettingsView.qml" line="1299"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="447"/>
        <source>Type /shortcut in a reply and it becomes the text. Shared by the whole team.</source>
        <translation>Tapez /raccourci dans une réponse pour le remplacer par le texte. Partagé avec toute l&apos;équipe.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="466"/>
        <location filename="../qml/SettingsView.qml" line="1300"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="473"/>
        <source>No canned responses yet</source>
        <translation>Aucune réponse prédéfinie</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="474"/>
        <source>Save answers you give often, like opening hours or shipping times.</source>
        <translation>Enregistrez les réponses que vous donnez souvent, comme les horaires d&apos;ouverture ou les délais de livraison.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="481"/>
        <source>Edit /%1</source>
        <translation>Modifier /%1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="481"/>
        <source>New canned response</source>
        <translation>Nouvelle réponse prédéfinie</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="494"/>
        <source>shortcut, e.g. hours</source>
        <translation>raccourci, p. ex. horaires</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="495"/>
        <source>The text it expands to</source>
        <translation>Le texte qui le remplace</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="496"/>
        <location filename="../qml/SettingsView.qml" line="1154"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="511"/>
        <source>Show desktop notifications</source>
        <translation>Afficher les notifications du bureau</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="513"/>
        <source>Play a sound</source>
        <translation>Émettre un son</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="517"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="522"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="523"/>
        <source>Test sound</source>
        <translation>Tester le son</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="526"/>
        <source>%1. Notifications ask the desktop for its own sound instead.</source>
        <translation>%1. Les notifications demandent à la place au bureau de jouer son propre son.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="528"/>
        <source>Remind me every</source>
        <translation>Me rappeler toutes les</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="531"/>
        <source>seconds while a visitor waits (0: never)</source>
        <translation>secondes tant qu&apos;un visiteur attend (0 : jamais)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="533"/>
        <source>Presence</source>
        <translation>Présence</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="535"/>
        <source>Show me as away after</source>
        <translation>M&apos;afficher comme absent après</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="538"/>
        <source>minutes without activity (0: never)</source>
        <translation>minutes d&apos;inactivité (0 : jamais)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="540"/>
        <source>Visitors see the chat as offline when no agent is online.</source>
        <translation>Les visiteurs voient la discussion hors ligne quand aucun agent n&apos;est en ligne.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="589"/>
        <source>This computer runs the chat server. Changes apply the next time Frontdesk starts.</source>
        <translation>Cet ordinateur héberge le serveur de discussion. Les modifications s&apos;appliquent au prochain démarrage de Frontdesk.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="590"/>
        <source>Connected to %1. The server&apos;s own settings are made where it runs.</source>
        <translation>Connecté à %1. Les paramètres du serveur se règlent sur la machine où il s&apos;exécute.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="595"/>
        <source>Listen address</source>
        <translation>Adresse d&apos;écoute</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="597"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="599"/>
        <source>TLS certificate (PEM)</source>
        <translation>Certificat TLS (PEM)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="600"/>
        <source>/etc/ssl/certs/chat.pem (empty: plain HTTP)</source>
        <translation>/etc/ssl/certs/chat.pem (vide : HTTP simple)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="601"/>
        <source>TLS private key (PEM)</source>
        <translation>Clé privée TLS (PEM)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="603"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="604"/>
        <source>Empty: SQLite file on this computer; or mariadb://user@host:3306/frontdesk</source>
        <translation>Vide : fichier SQLite sur cet ordinateur ; ou mariadb://user@host:3306/frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="607"/>
        <source>A MariaDB password is kept in the system keyring, never in a settings file: run &quot;frontdesk --store-database-password --database URL&quot; once.</source>
        <translation>Un mot de passe MariaDB est conservé dans le trousseau du système, jamais dans un fichier de paramètres : exécutez une fois « frontdesk --store-database-password --database URL ».</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="608"/>
        <source>Listening on 127.0.0.1 keeps the server private to this computer. Visitors on the internet need a public address (0.0.0.0 and an open port) or, better, a reverse proxy with HTTPS in front.</source>
        <translation>En écoutant sur 127.0.0.1, le serveur reste privé à cet ordinateur. Les visiteurs sur Internet ont besoin d&apos;une adresse publique (0.0.0.0 et un port ouvert) ou, mieux, d&apos;un proxy inverse avec HTTPS en amont.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="621"/>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="622"/>
        <source>Signed in as %1 (%2)</source>
        <translation>Connecté en tant que %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="624"/>
        <source>Current password</source>
        <translation>Mot de passe actuel</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="625"/>
        <source>New password</source>
        <translation>Nouveau mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="626"/>
        <source>Change password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="629"/>
        <location filename="../qml/SettingsView.qml" line="724"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="630"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="635"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="640"/>
        <source>The new language applies the next time Frontdesk starts.</source>
        <translation>La nouvelle langue s&apos;applique au prochain démarrage de Frontdesk.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="641"/>
        <source>Run the setup wizard again…</source>
        <translation>Relancer l&apos;assistant de configuration…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="655"/>
        <source>Every computer where your account is signed in. Sign out any you do not recognise or no longer use; it has to sign in again with your password.</source>
        <translation>Tous les ordinateurs où votre compte est connecté. Déconnectez ceux que vous ne reconnaissez pas ou n&apos;utilisez plus ; il faudra s&apos;y reconnecter avec votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="659"/>
        <source>Sign out everywhere else</source>
        <translation>Se déconnecter partout ailleurs</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="713"/>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="721"/>
        <source>signed in %1</source>
        <translation>connecté le %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="741"/>
        <source>You are not signed in anywhere else.</source>
        <translation>Vous n&apos;êtes connecté nulle part ailleurs.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="748"/>
        <source>No sessions</source>
        <translation>Aucune session</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="748"/>
        <source>Your sessions appear once the console is connected</source>
        <translation>Vos sessions s&apos;affichent dès que la console est connectée</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="809"/>
        <source>The SMTP server this computer sends through.</source>
        <translation>Le serveur SMTP par lequel cet ordinateur envoie.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="846"/>
        <source>Use these settings now</source>
        <translation>Utiliser ces réglages maintenant</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="852"/>
        <source>Sending no email now.</source>
        <translation>Aucun e-mail n’est envoyé pour le moment.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="853"/>
        <source>Sending through %1 now.</source>
        <translation>Les e-mails passent maintenant par %1.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="921"/>
        <source>A webhook sends the chat events you choose to an address of yours as a signed HTTP POST, so another system (a CRM, a help desk, a script) can act on them; docs/integrations.md describes the requests and how to check the signature.</source>
        <translation>Un webhook envoie les événements de discussion choisis à une adresse à vous, en HTTP POST signé, pour qu’un autre système (un CRM, un service d’assistance, un script) puisse y réagir ; docs/integrations.md décrit les requêtes et la vérification de la signature.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="925"/>
        <source>Only an admin can see and change a site&apos;s webhooks.</source>
        <translation>Seul un administrateur peut voir et modifier les webhooks d’un site.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="937"/>
        <source>The webhooks appear once the console is connected.</source>
        <translation>Les webhooks apparaissent une fois la console connectée.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="938"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="939"/>
        <source>This site has no webhooks yet. Add an endpoint below.</source>
        <translation>Ce site n’a pas encore de webhook. Ajoutez un point de terminaison ci-dessous.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="989"/>
        <source>Send events</source>
        <translation>Envoyer les événements</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1008"/>
        <source>Events: %1</source>
        <translation>Événements : %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1017"/>
        <source>Off: nothing is sent</source>
        <translation>Désactivé : rien n’est envoyé</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1041"/>
        <source>Hide secret</source>
        <translation>Masquer le secret</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1034"/>
        <source>Show secret</source>
        <translation>Afficher le secret</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1047"/>
        <source>New secret…</source>
        <translation>Nouveau secret…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1058"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1065"/>
        <source>Deliveries</source>
        <translation>Livraisons</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1071"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1116"/>
        <source>Copy</source>
        <translation>Copier</translation>
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
        <translation>Description (facultative)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1192"/>
        <source>Add an endpoint</source>
        <translation>Ajouter un point de terminaison</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1198"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1206"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1216"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1222"/>
        <source>Optional: what it is for, e.g. the CRM</source>
        <translation>Facultatif : à quoi il sert, p. ex. le CRM</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1248"/>
        <source>Each endpoint gets its own secret. Your receiver checks every request&apos;s signature with it and answers with a 2xx status within 10 seconds; anything else is retried for 24 hours.</source>
        <translation>Chaque point de terminaison a son propre secret. Votre récepteur vérifie avec lui la signature de chaque requête et répond par un statut 2xx en moins de 10 secondes ; sinon, l’envoi est réessayé pendant 24 heures.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1262"/>
        <source>Make a new secret?</source>
        <translation>Créer un nouveau secret ?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1268"/>
        <source>Requests to %1 are signed with the new secret at once, and the old one stops working: give the new one to the receiver.</source>
        <translation>Les requêtes vers %1 sont aussitôt signées avec le nouveau secret, et l’ancien ne fonctionne plus : donnez le nouveau au récepteur.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1273"/>
        <source>New secret</source>
        <translation>Nouveau secret</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1290"/>
        <source>Delete this endpoint?</source>
        <translation>Supprimer ce point de terminaison ?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1296"/>
        <source>%1 gets no more events, and its delivery log is deleted with it.</source>
        <translation>%1 ne reçoit plus d’événements, et son journal de livraisons est supprimé avec lui.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1326"/>
        <source>Deliveries to %1</source>
        <translation>Livraisons vers %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1352"/>
        <source>This endpoint is off: what waits here is sent once you turn it on again.</source>
        <translation>Ce point de terminaison est désactivé : ce qui attend ici part dès que vous le réactivez.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1358"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1359"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1360"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1361"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1425"/>
        <source>Resend</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1455"/>
        <source>No deliveries yet</source>
        <translation>Aucune livraison pour l’instant</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1456"/>
        <source>Each event this endpoint subscribed to appears here once it happens.</source>
        <translation>Chaque événement auquel ce point de terminaison est abonné apparaît ici dès qu’il se produit.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1468"/>
        <source>Load older deliveries</source>
        <translation>Charger les livraisons plus anciennes</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1476"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="168"/>
        <source>Revert</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="543"/>
        <source>Tray and login</source>
        <translation>Zone de notification et connexion</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="547"/>
        <source>Start Frontdesk when I log in</source>
        <translation>Lancer Frontdesk à l’ouverture de session</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="551"/>
        <source>It starts in the tray, without a window: visitors are noticed from the moment you log in.</source>
        <translation>Il démarre dans la zone de notification, sans fenêtre : les visiteurs sont remarqués dès l’ouverture de session.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="563"/>
        <source>This desktop has no system tray, so closing the window minimises it instead: Frontdesk keeps running until you quit it (Ctrl+Q).</source>
        <translation>Ce bureau n’a pas de zone de notification : fermer la fenêtre la réduit donc. Frontdesk continue de tourner jusqu’à ce que vous le quittiez (Ctrl+Q).</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="570"/>
        <source>Closing the window keeps Frontdesk in the tray, and the chat on your site. Quit from the tray menu or with Ctrl+Q.</source>
        <translation>Fermer la fenêtre garde Frontdesk dans la zone de notification, et le chat sur votre site. Quittez depuis le menu de l’icône ou avec Ctrl+Q.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="571"/>
        <source>Closing the window keeps Frontdesk in the tray, and you are still notified. Quit from the tray menu or with Ctrl+Q.</source>
        <translation>Fermer la fenêtre garde Frontdesk dans la zone de notification, et vous restez averti. Quittez depuis le menu de l’icône ou avec Ctrl+Q.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="780"/>
        <source>An email to a visitor could not be sent (%1). The mail server said:</source>
        <translation>Un e-mail à un visiteur n&apos;a pas pu être envoyé (%1). Le serveur de messagerie a répondu :</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="781"/>
        <source>An email to your team could not be sent (%1). The mail server said:</source>
        <translation>Un e-mail à votre équipe n&apos;a pas pu être envoyé (%1). Le serveur de messagerie a répondu :</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="787"/>
        <source>This server sends no email: no SMTP server is set.</source>
        <translation>Ce serveur n&apos;envoie pas d&apos;e-mails : aucun serveur SMTP n&apos;est configuré.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="788"/>
        <source>%1 emails waiting to be sent, %2 given up on.</source>
        <translation>%1 e-mails en attente d&apos;envoi, %2 abandonnés.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="791"/>
        <source>Email for this site</source>
        <translation>E-mails de ce site</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="792"/>
        <source>Messages left while nobody is online, and chats nobody accepts in time, go to the team&apos;s address. Visitors never see it.</source>
        <translation>Les messages laissés quand personne n&apos;est en ligne et les chats que personne n&apos;accepte à temps vont à l&apos;adresse de l&apos;équipe. Les visiteurs ne la voient jamais.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="797"/>
        <source>Team&apos;s address</source>
        <translation>Adresse de l&apos;équipe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="798"/>
        <source>support@example.com (empty: none)</source>
        <translation>support@example.com (vide : aucune)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="800"/>
        <source>Email a chat nobody accepted after (minutes, 0: never)</source>
        <translation>Signaler par e-mail un chat non accepté après (minutes, 0 : jamais)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="804"/>
        <source>Email an agent&apos;s reply to a visitor who left (if they gave an email)</source>
        <translation>Envoyer par e-mail la réponse à un visiteur parti (s&apos;il a donné son e-mail)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="806"/>
        <source>Save email settings</source>
        <translation>Enregistrer les réglages e-mail</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="808"/>
        <source>Mail server</source>
        <translation>Serveur de messagerie</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="810"/>
        <source>Set on the server with --smtp-url, --smtp-user and --smtp-from.</source>
        <translation>Se règle sur le serveur avec --smtp-url, --smtp-user et --smtp-from.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="815"/>
        <source>SMTP server</source>
        <translation>Serveur SMTP</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="816"/>
        <source>smtp://mail.example.com:587 or smtps://mail.example.com:465</source>
        <translation>smtp://mail.example.com:587 ou smtps://mail.example.com:465</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="818"/>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="820"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="822"/>
        <source>Kept in the system keyring</source>
        <translation>Conservé dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="823"/>
        <source>Save password</source>
        <translation>Enregistrer le mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="826"/>
        <source>From</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="827"/>
        <source>chat@example.com (a display name may come first)</source>
        <translation>chat@example.com (un nom peut le précéder)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="830"/>
        <source>Allow a mail server without TLS (only one on this computer)</source>
        <translation>Autoriser un serveur de messagerie sans TLS (uniquement sur cet ordinateur)</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../qml/SetupWizard.qml" line="37"/>
        <source>Welcome to Frontdesk</source>
        <translation>Bienvenue dans Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="38"/>
        <source>Step %1 of %2</source>
        <translation>Étape %1 sur %2</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="46"/>
        <source>Where should the chat server run?</source>
        <translation>Où le serveur de discussion doit-il s&apos;exécuter ?</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="47"/>
        <source>On this computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="48"/>
        <source>Frontdesk runs the server for you. Best for one shop and one computer that stays on.</source>
        <translation>Frontdesk exécute le serveur pour vous. Idéal pour une boutique et un ordinateur qui reste allumé.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="49"/>
        <source>On a server I already run</source>
        <translation>Sur un serveur que j&apos;ai déjà</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="50"/>
        <source>Connect to &quot;frontdesk --headless&quot; on another machine with its address, your email and password.</source>
        <translation>Se connecter à « frontdesk --headless » sur une autre machine avec son adresse, votre e-mail et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="54"/>
        <source>You and your website</source>
        <translation>Vous et votre site</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="55"/>
        <source>Your name, as visitors will see it</source>
        <translation>Votre nom, tel que les visiteurs le verront</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="56"/>
        <source>Your email (you sign in with it)</source>
        <translation>Votre e-mail (pour vous connecter)</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="57"/>
        <source>A password, at least 8 characters</source>
        <translation>Un mot de passe d&apos;au moins 8 caractères</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="58"/>
        <source>Your website&apos;s name, e.g. Anna&apos;s Bakery</source>
        <translation>Nom de votre site, p. ex. Boulangerie Anna</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="59"/>
        <source>Your website&apos;s address, e.g. https://www.example.com (one per line)</source>
        <translation>Adresse de votre site, p. ex. https://www.example.com (une par ligne)</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="60"/>
        <source>The chat only appears on these websites.</source>
        <translation>La discussion n&apos;apparaît que sur ces sites.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="64"/>
        <source>How visitors reach the server</source>
        <translation>Comment les visiteurs joignent le serveur</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="70"/>
        <source>127.0.0.1 means only this computer can connect: right for trying it out, or behind a reverse proxy on the same machine.</source>
        <translation>127.0.0.1 signifie que seul cet ordinateur peut se connecter : idéal pour essayer, ou derrière un proxy inverse sur la même machine.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="71"/>
        <source>Visitors on the internet need to reach this address. Either give the computer a public address (listen on 0.0.0.0 and open the port in your router), or — better — put a reverse proxy with HTTPS (nginx, Caddy) in front. A website on https:// can only load the chat from an https:// address.</source>
        <translation>Les visiteurs sur Internet doivent pouvoir joindre cette adresse. Donnez à l&apos;ordinateur une adresse publique (écoute sur 0.0.0.0 et port ouvert dans votre routeur) ou — mieux — placez devant un proxy inverse avec HTTPS (nginx, Caddy). Un site en https:// ne peut charger la discussion que depuis une adresse https://.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="77"/>
        <source>Connect to your server</source>
        <translation>Connexion à votre serveur</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="78"/>
        <source>Server address, e.g. https://chat.example.com</source>
        <translation>Adresse du serveur, p. ex. https://chat.example.com</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="79"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="80"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="95"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="101"/>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="101"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="73"/>
        <location filename="../qml/SetupWizard.qml" line="81"/>
        <source>Start Frontdesk when I log in (in the tray)</source>
        <translation>Lancer Frontdesk à l’ouverture de session (dans la zone de notification)</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>My chats</source>
        <translation>Mes discussions</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>All active</source>
        <translation>Toutes actives</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="87"/>
        <source>Search by text, name or email</source>
        <translation>Rechercher par texte, nom ou e-mail</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="115"/>
        <source>Nobody is waiting</source>
        <translation>Personne n&apos;attend</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="115"/>
        <source>No chats yet</source>
        <translation>Aucune discussion pour l&apos;instant</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="115"/>
        <source>No open chats</source>
        <translation>Aucune discussion ouverte</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="116"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="116"/>
        <source>Nothing found</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="117"/>
        <source>New visitors appear here. You will get a notification too.</source>
        <translation>Les nouveaux visiteurs apparaissent ici. Vous recevrez aussi une notification.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="118"/>
        <source>Accept a visitor from the Queue (Ctrl+N takes the next one).</source>
        <translation>Acceptez un visiteur depuis la file d&apos;attente (Ctrl+N prend le suivant).</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="119"/>
        <source>Every waiting and active chat of the team shows here.</source>
        <translation>Toutes les discussions en attente et actives de l&apos;équipe s&apos;affichent ici.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="120"/>
        <source>Closed chats whose messages, visitor name or email contain the search.</source>
        <translation>Discussions fermées dont les messages, le nom ou l&apos;e-mail du visiteur contiennent la recherche.</translation>
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
        <translation>Cet ordinateur héberge votre serveur de discussion.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="33"/>
        <source>Server: %1</source>
        <translation>Serveur : %1</translation>
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
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="64"/>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="72"/>
        <source>Set up again…</source>
        <translation>Reconfigurer…</translation>
    </message>
</context>
<context>
    <name>SiteSwitcher</name>
    <message>
        <location filename="../qml/SiteSwitcher.qml" line="34"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../qml/SiteSwitcher.qml" line="70"/>
        <source>Save or revert your changes to switch sites.</source>
        <translation>Enregistrez ou annulez vos modifications pour changer de site.</translation>
    </message>
</context>
<context>
    <name>SitesTab</name>
    <message>
        <location filename="../qml/SitesTab.qml" line="25"/>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="38"/>
        <source>Each website has its own widget, snippet and queue; every agent answers the chats of every site. The site you pick here is the one the widget and snippet settings show.</source>
        <translation>Chaque site a son widget, son extrait de code et sa file d&apos;attente ; chaque agent répond aux discussions de tous les sites. Le site choisi ici est celui que montrent les réglages du widget et de l&apos;extrait.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="39"/>
        <source>Each website has its own widget, snippet and queue. Only an admin can add, rename or delete sites.</source>
        <translation>Chaque site a son widget, son extrait de code et sa file d&apos;attente. Seul un administrateur peut ajouter, renommer ou supprimer des sites.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="66"/>
        <source>Site key %1</source>
        <translation>Clé du site %1</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="69"/>
        <source>Shown in settings</source>
        <translation>Affiché dans les réglages</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="72"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="95"/>
        <source>Rename the site shown in settings</source>
        <translation>Renommer le site affiché dans les réglages</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="107"/>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="119"/>
        <source>Add a site</source>
        <translation>Ajouter un site</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="126"/>
        <source>The website&apos;s name, e.g. Outlet store</source>
        <translation>Nom du site, p. ex. Boutique outlet</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="130"/>
        <source>Add site</source>
        <translation>Ajouter le site</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="145"/>
        <source>A new site allows no website yet: add its address under Snippet, then paste its snippet into that website.</source>
        <translation>Un nouveau site n&apos;autorise encore aucune adresse : ajoutez son adresse sous « Extrait », puis collez son extrait dans ce site.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="158"/>
        <source>Delete %1?</source>
        <translation>Supprimer %1 ?</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="176"/>
        <source>This deletes the site with all its conversations, messages, visitors and bans, for good. Its snippet stops working at once and its visitors are disconnected.</source>
        <translation>Cela supprime définitivement le site avec toutes ses conversations, messages, visiteurs et bannissements. Son extrait cesse aussitôt de fonctionner et ses visiteurs sont déconnectés.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="181"/>
        <source>Type the site key %1 to confirm.</source>
        <translation>Saisissez la clé du site %1 pour confirmer.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="187"/>
        <source>Site key</source>
        <translation>Clé du site</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="193"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="194"/>
        <source>Delete site</source>
        <translation>Supprimer le site</translation>
    </message>
</context>
<context>
    <name>VisitorPanel</name>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="36"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="82"/>
        <source>Visitor details</source>
        <translation>Détails du visiteur</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="83"/>
        <source>Open a chat to see who you are talking to and what they are looking at.</source>
        <translation>Ouvrez une discussion pour voir avec qui vous parlez et ce que cette personne consulte.</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="118"/>
        <source>On the site now</source>
        <translation>Sur le site en ce moment</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="118"/>
        <source>Left the site</source>
        <translation>A quitté le site</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="136"/>
        <source>User ID</source>
        <translation>ID utilisateur</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="138"/>
        <source>✓ Verified by your site</source>
        <translation>✓ Vérifié par votre site</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="143"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="145"/>
        <location filename="../qml/VisitorPanel.qml" line="152"/>
        <source>Not given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="146"/>
        <location filename="../qml/VisitorPanel.qml" line="153"/>
        <source>Not signed by your site</source>
        <translation>Non signé par votre site</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="146"/>
        <location filename="../qml/VisitorPanel.qml" line="153"/>
        <source>Given by the visitor, not verified</source>
        <translation>Indiqué par le visiteur, non vérifié</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="150"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="156"/>
        <source>Now on</source>
        <translation>Actuellement sur</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="169"/>
        <source>No page reported yet</source>
        <translation>Aucune page signalée</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="184"/>
        <source>Pages visited (%1)</source>
        <translation>Pages visitées (%1)</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="207"/>
        <source>Technology</source>
        <translation>Technologie</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="213"/>
        <source>Browser</source>
        <translation>Navigateur</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="214"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="215"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="216"/>
        <source>Local time</source>
        <translation>Heure locale</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="218"/>
        <source>Came from</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="218"/>
        <source>Direct visit</source>
        <translation>Visite directe</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="219"/>
        <source>First seen</source>
        <translation>Première visite</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="221"/>
        <source>Earlier conversations</source>
        <translation>Conversations précédentes</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="224"/>
        <source>This is the first conversation.</source>
        <translation>C&apos;est la première conversation.</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="235"/>
        <source>with %1</source>
        <translation>avec %1</translation>
    </message>
</context>
<context>
    <name>WidgetPreview</name>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="60"/>
        <source>Chat with us</source>
        <translation>Discutez avec nous</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="84"/>
        <source>We are away right now. Leave a message and we will get back to you.</source>
        <translation>Nous sommes absents pour le moment. Laissez un message et nous vous répondrons.</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="97"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="97"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="112"/>
        <source>Type a message…</source>
        <translation>Écrivez un message…</translation>
    </message>
</context>
</TS>
