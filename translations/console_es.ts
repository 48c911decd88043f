<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../qml/ChatPane.qml" line="61"/>
        <source>Waiting for %1</source>
        <translation>Esperando desde hace %1</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="62"/>
        <source>Chatting with %1</source>
        <translation>En conversación con %1</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="63"/>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="71"/>
        <source>Accept chat</source>
        <translation>Aceptar chat</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="78"/>
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>away</source>
        <translation>ausente</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="95"/>
        <source>offline</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="112"/>
        <source>Copy transcript</source>
        <translation>Copiar transcripción</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="114"/>
        <source>Transcript copied</source>
        <translation>Transcripción copiada</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="119"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="123"/>
        <source>Close the chat (Ctrl+W)</source>
        <translation>Cerrar el chat (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="133"/>
        <source>No chat selected</source>
        <translation>Ningún chat seleccionado</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="134"/>
        <source>Pick a conversation on the left, or press Ctrl+N to take the visitor who has waited longest. Ctrl+1…9 and Ctrl+Tab switch chats.</source>
        <translation>Elija una conversación a la izquierda o pulse Ctrl+N para atender al visitante que lleva más tiempo esperando. Ctrl+1…9 y Ctrl+Tab cambian de chat.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="171"/>
        <source>%1 is typing…</source>
        <translation>%1 está escribiendo…</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="171"/>
        <source>The visitor</source>
        <translation>El visitante</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="193"/>
        <source>This chat is closed.</source>
        <translation>Este chat está cerrado.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="203"/>
        <source>Close this chat?</source>
        <translation>¿Cerrar este chat?</translation>
    </message>
    <message>
        <location filename="../qml/ChatPane.qml" line="205"/>
        <source>The visitor sees that the chat has ended.</source>
        <translation>El visitante verá que el chat ha terminado.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="52"/>
        <source>This visitor is waiting. Replying does not accept the chat — accept it so the team knows it is yours.</source>
        <translation>Este visitante está esperando. Responder no acepta el chat: acéptelo para que el equipo sepa que es suyo.</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="103"/>
        <source>Write a reply…  (Enter sends, Shift+Enter for a new line, / for canned responses)</source>
        <translation>Escriba una respuesta…  (Intro envía, Mayús+Intro para una nueva línea, / para respuestas predefinidas)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="124"/>
        <source>Send</source>
        <translation>Enviar</translation>
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
        <translation>Reconectando…</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="166"/>
        <source>1 agent online</source>
        <translation>1 agente en línea</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="166"/>
        <source>%1 agents online</source>
        <translation>%1 agentes en línea</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="182"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Ajustes (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="192"/>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="197"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="197"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="198"/>
        <source>Close window (keeps running)</source>
        <translation>Cerrar la ventana (sigue en marcha)</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="200"/>
        <source>Quit Frontdesk</source>
        <translation>Salir de Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="200"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="156"/>
        <source>Email failing</source>
        <translation>Envío de correo fallido</translation>
    </message>
    <message>
        <location filename="../qml/ConsoleView.qml" line="158"/>
        <source>An email could not be sent: the mail server&apos;s answer is in Settings, Email.</source>
        <translation>No se pudo enviar un correo: la respuesta del servidor de correo está en Ajustes, Correo.</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="117"/>
        <source>typing…</source>
        <translation>escribiendo…</translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="118"/>
        <source>You: </source>
        <translation>Usted: </translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="130"/>
        <location filename="../qml/ConversationDelegate.qml" line="131"/>
        <source>with %1</source>
        <translation>con %1</translation>
    </message>
    <message>
        <location filename="../qml/ConversationDelegate.qml" line="140"/>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AgentClient</name>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="147"/>
        <source>Could not reach %1: %2</source>
        <translation>No se pudo conectar con %1: %2</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="214"/>
        <location filename="../app/console/client/agentconnection.cpp" line="364"/>
        <source>Signed out.</source>
        <translation>Sesión cerrada.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="256"/>
        <source>The connection to the server was lost.</source>
        <translation>Se perdió la conexión con el servidor.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="285"/>
        <source>Not connected to the server.</source>
        <translation>No hay conexión con el servidor.</translation>
    </message>
    <message>
        <location filename="../app/console/client/replysender.cpp" line="191"/>
        <source>The server refused this reply (%1).</source>
        <translation>El servidor rechazó esta respuesta (%1).</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="349"/>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Su sesión ha caducado. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="87"/>
        <source>Your password was changed on another computer. Please sign in again.</source>
        <translation>Su contraseña se cambió en otro equipo. Inicie sesión de nuevo.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="90"/>
        <source>An admin reset your password. Please sign in with the new one.</source>
        <translation>Un administrador ha restablecido su contraseña. Inicie sesión con la nueva.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="93"/>
        <source>An admin disabled your account.</source>
        <translation>Un administrador ha desactivado su cuenta.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="95"/>
        <source>An admin removed your account.</source>
        <translation>Un administrador ha eliminado su cuenta.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="97"/>
        <source>You were signed out.</source>
        <translation>Se ha cerrado su sesión.</translation>
    </message>
    <message>
        <location filename="../app/console/client/agentconnection.cpp" line="98"/>
        <source>This session was ended from another computer. Please sign in again.</source>
        <translation>Esta sesión se cerró desde otro equipo. Inicie sesión de nuevo.</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AlertSound</name>
    <message>
        <location filename="../app/console/alertsound.cpp" line="87"/>
        <source>A visitor wrote in a chat</source>
        <translation>Un visitante escribió en un chat</translation>
    </message>
    <message>
        <location filename="../app/console/alertsound.cpp" line="87"/>
        <source>A visitor is waiting</source>
        <translation>Un visitante está esperando</translation>
    </message>
</context>
<context>
    <name>Frontdesk::AutostartEntry</name>
    <message>
        <location filename="../app/console/autostartentry.cpp" line="121"/>
        <source>Cannot start &quot;%1&quot; at login: not an absolute path.</source>
        <translation>No se puede iniciar «%1» al iniciar sesión: no es una ruta absoluta.</translation>
    </message>
    <message>
        <location filename="../app/console/autostartentry.cpp" line="128"/>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <location filename="../app/console/autostartentry.cpp" line="136"/>
        <source>Could not remove %1: %2</source>
        <translation>No se pudo eliminar %1: %2</translation>
    </message>
</context>
<context>
    <name>Frontdesk::CanberraPlayer</name>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="48"/>
        <source>No sound device: %1</source>
        <translation>No hay dispositivo de sonido: %1</translation>
    </message>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="106"/>
        <source>The sound theme has none of %1</source>
        <translation>El tema de sonido no tiene ninguno de estos sonidos: %1</translation>
    </message>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="107"/>
        <source>Cannot play %1: %2</source>
        <translation>No se puede reproducir %1: %2</translation>
    </message>
    <message>
        <location filename="../app/console/canberraplayer.cpp" line="155"/>
        <source>The sound stopped: %1</source>
        <translation>El sonido se interrumpió: %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::ConsoleLifecycle</name>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="63"/>
        <source>1 visitor is waiting.</source>
        <translation>1 visitante está esperando.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="63"/>
        <source>%1 visitors are waiting.</source>
        <translation>%1 visitantes están esperando.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="67"/>
        <source>1 chat is active.</source>
        <translation>1 chat está activo.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="67"/>
        <source>%1 chats are active.</source>
        <translation>%1 chats están activos.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="69"/>
        <source>You have 1 active chat.</source>
        <translation>Tienes 1 chat activo.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="69"/>
        <source>You have %1 active chats.</source>
        <translation>Tienes %1 chats activos.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="71"/>
        <source>Quit anyway? The chat will be unavailable on your site.</source>
        <translation>¿Salir de todos modos? El chat no estará disponible en tu sitio.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="72"/>
        <source>Quit anyway? The server keeps running, but you will not be notified.</source>
        <translation>¿Salir de todos modos? El servidor sigue en marcha, pero no recibirás avisos.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="119"/>
        <source>Frontdesk is still running in the tray</source>
        <translation>Frontdesk sigue en marcha en la bandeja del sistema</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="120"/>
        <source>The chat stays open on your site and you will be notified of new visitors. To stop Frontdesk, choose Quit in the tray menu or press Ctrl+Q.</source>
        <translation>El chat sigue abierto en tu sitio y recibirás avisos de nuevos visitantes. Para detener Frontdesk, elige Salir en el menú del icono o pulsa Ctrl+Q.</translation>
    </message>
    <message>
        <location filename="../app/console/consolelifecycle.cpp" line="122"/>
        <source>You will be notified of new visitors. To stop Frontdesk, choose Quit in the tray menu or press Ctrl+Q.</source>
        <translation>Recibirás avisos de nuevos visitantes. Para detener Frontdesk, elige Salir en el menú del icono o pulsa Ctrl+Q.</translation>
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
        <translation>Visitante %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::MessageListModel</name>
    <message>
        <location filename="../app/console/messagelistmodel.cpp" line="399"/>
        <source>Visitor</source>
        <translation>Visitante</translation>
    </message>
</context>
<context>
    <name>Frontdesk::Notifier</name>
    <message>
        <location filename="../app/console/notifier.cpp" line="72"/>
        <source>%1 is waiting</source>
        <translation>%1 está esperando</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="72"/>
        <source>A visitor started a chat.</source>
        <translation>Un visitante ha iniciado un chat.</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="112"/>
        <source>New message</source>
        <translation>Mensaje nuevo</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="183"/>
        <source>%1 is still waiting</source>
        <translation>%1 sigue esperando</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="184"/>
        <source>1 visitor is waiting for an answer.</source>
        <translation>1 visitante está esperando una respuesta.</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="185"/>
        <source>%1 visitors are waiting for an answer.</source>
        <translation>%1 visitantes están esperando una respuesta.</translation>
    </message>
    <message>
        <location filename="../app/console/notifier.cpp" line="277"/>
        <source>Open chat</source>
        <translation>Abrir chat</translation>
    </message>
</context>
<context>
    <name>Frontdesk::SessionController</name>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="20"/>
        <source>The chat server could not start: %1</source>
        <translation>No se pudo iniciar el servidor de chat: %1</translation>
    </message>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="147"/>
        <source>%1 as %2</source>
        <translation>%1 como %2</translation>
    </message>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="191"/>
        <source>The SMTP server %1</source>
        <translation>El servidor SMTP %1</translation>
    </message>
    <message>
        <location filename="../app/console/sessioncontroller.cpp" line="193"/>
        <source>The From address %1</source>
        <translation>La dirección del remitente %1</translation>
    </message>
</context>
<context>
    <name>Frontdesk::SessionListModel</name>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="154"/>
        <location filename="../app/console/sessionlistmodel.cpp" line="210"/>
        <source>Active now</source>
        <translation>Activa ahora</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="158"/>
        <source>Last active a minute ago</source>
        <translation>Última actividad hace un minuto</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="158"/>
        <source>Last active %1 minutes ago</source>
        <translation>Última actividad hace %1 minutos</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="162"/>
        <source>Last active an hour ago</source>
        <translation>Última actividad hace una hora</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="162"/>
        <source>Last active %1 hours ago</source>
        <translation>Última actividad hace %1 horas</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="166"/>
        <source>Last active a day ago</source>
        <translation>Última actividad hace un día</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="166"/>
        <source>Last active %1 days ago</source>
        <translation>Última actividad hace %1 días</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="168"/>
        <source>Last active on %1</source>
        <translation>Última actividad el %1</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="175"/>
        <source>%1 on %2</source>
        <comment>browser on operating system</comment>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <location filename="../app/console/sessionlistmodel.cpp" line="181"/>
        <source>Unknown device</source>
        <translation>Dispositivo desconocido</translation>
    </message>
</context>
<context>
    <name>Frontdesk::SingleInstance</name>
    <message>
        <location filename="../app/console/singleinstance.cpp" line="73"/>
        <source>Frontdesk is already running (process %1) but does not answer on %2. Stop that process, or remove %3 if it is not Frontdesk.</source>
        <translation>Frontdesk ya está en marcha (proceso %1) pero no responde en %2. Detén ese proceso, o elimina %3 si no es Frontdesk.</translation>
    </message>
</context>
<context>
    <name>Frontdesk::TrayIcon</name>
    <message>
        <location filename="../app/console/trayicon.cpp" line="52"/>
        <source>Your status</source>
        <translation>Tu estado</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="57"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="57"/>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="57"/>
        <source>Offline</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="70"/>
        <source>Open Frontdesk</source>
        <translation>Abrir Frontdesk</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="73"/>
        <source>Quit Frontdesk</source>
        <translation>Salir de Frontdesk</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="145"/>
        <source>Nobody is waiting</source>
        <translation>Nadie está esperando</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="146"/>
        <source>1 visitor is waiting</source>
        <translation>1 visitante está esperando</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="147"/>
        <source>%1 visitors are waiting</source>
        <translation>%1 visitantes están esperando</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="148"/>
        <source>Not connected to the server</source>
        <translation>Sin conexión con el servidor</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="159"/>
        <source>Frontdesk: offline, not connected to the chat server</source>
        <translation>Frontdesk: desconectado, sin conexión con el servidor de chat</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="162"/>
        <source>Frontdesk: nobody is waiting</source>
        <translation>Frontdesk: nadie está esperando</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="163"/>
        <source>Frontdesk: 1 visitor is waiting</source>
        <translation>Frontdesk: 1 visitante está esperando</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="163"/>
        <source>Frontdesk: %1 visitors are waiting</source>
        <translation>Frontdesk: %1 visitantes están esperando</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="179"/>
        <source>and %1 more…</source>
        <translation>y %1 más…</translation>
    </message>
    <message>
        <location filename="../app/console/trayicon.cpp" line="188"/>
        <source>Accept this chat and open it</source>
        <translation>Aceptar este chat y abrirlo</translation>
    </message>
</context>
<context>
    <name>Frontdesk::WebhookDeliveryModel</name>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="297"/>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="299"/>
        <source>Failed</source>
        <translation>Abandonado</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="305"/>
        <source>Waiting, retry at %1</source>
        <translation>En espera, nuevo intento a las %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="306"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="349"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhookdeliverymodel.cpp" line="350"/>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
</context>
<context>
    <name>Frontdesk::WebhookListModel</name>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="25"/>
        <source>Delivered just now</source>
        <translation>Entregado ahora mismo</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="28"/>
        <source>Delivered %1 min ago</source>
        <translation>Entregado hace %1 min</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="30"/>
        <source>Delivered %1 h ago</source>
        <translation>Entregado hace %1 h</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="31"/>
        <source>Delivered on %1</source>
        <translation>Entregado el %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="133"/>
        <source>This server does not support webhooks. Update Frontdesk on the server to use them.</source>
        <translation>Este servidor no admite webhooks. Actualice Frontdesk en el servidor para usarlos.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="248"/>
        <location filename="../app/console/webhooklistmodel.cpp" line="308"/>
        <source>Choose at least one event.</source>
        <translation>Elija al menos un evento.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="250"/>
        <source>Only an admin can add webhooks.</source>
        <translation>Solo un administrador puede añadir webhooks.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="250"/>
        <source>Not connected to the server.</source>
        <translation>No conectado al servidor.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="399"/>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="401"/>
        <source>Chat accepted</source>
        <translation>Chat aceptado</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="403"/>
        <source>Chat transferred</source>
        <translation>Chat transferido</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="405"/>
        <source>Chat closed</source>
        <translation>Chat cerrado</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="407"/>
        <source>Chat rated</source>
        <translation>Chat valorado</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="409"/>
        <source>Visitor message</source>
        <translation>Mensaje del visitante</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="411"/>
        <source>Agent reply</source>
        <translation>Respuesta del agente</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="419"/>
        <source>All events</source>
        <translation>Todos los eventos</translation>
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
        <translation>Escriba la dirección que debe recibir los eventos.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="440"/>
        <source>The address must start with http:// or https://.</source>
        <translation>La dirección debe empezar por http:// o https://.</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="459"/>
        <source>%1 waiting, last failure: %2</source>
        <translation>%1 en espera, último fallo: %2</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="461"/>
        <source>%1 waiting</source>
        <translation>%1 en espera</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="463"/>
        <source>Last attempt failed: %1</source>
        <translation>El último intento falló: %1</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="467"/>
        <source>No deliveries yet</source>
        <translation>Aún no hay entregas</translation>
    </message>
    <message>
        <location filename="../app/console/webhooklistmodel.cpp" line="469"/>
        <source>%1 given up on</source>
        <translation>%1 abandonadas</translation>
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
        <translation>Esperando al servidor…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="152"/>
        <source>Starting Frontdesk…</source>
        <translation>Iniciando Frontdesk…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="104"/>
        <source>Quit Frontdesk?</source>
        <translation>¿Salir de Frontdesk?</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="113"/>
        <source>Keep running</source>
        <translation>Seguir en marcha</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="119"/>
        <source>Quit anyway</source>
        <translation>Salir de todos modos</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="86"/>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="87"/>
        <source>✓✓ read</source>
        <translation>✓✓ leído</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="88"/>
        <source>✓ sent</source>
        <translation>✓ enviado</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="89"/>
        <source>not sent</source>
        <translation>no enviado</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="111"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="117"/>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>PresenceSelector</name>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="23"/>
        <location filename="../qml/PresenceSelector.qml" line="39"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="24"/>
        <location filename="../qml/PresenceSelector.qml" line="40"/>
        <source>Away</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <location filename="../qml/PresenceSelector.qml" line="25"/>
        <location filename="../qml/PresenceSelector.qml" line="40"/>
        <source>Offline</source>
        <translation>Desconectado</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../qml/SettingsView.qml" line="57"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <location filename="../qml/SettingsView.qml" line="111"/>
        <source>Website widget</source>
        <translation>Widget del sitio web</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <source>Snippet</source>
        <translation>Fragmento</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <location filename="../qml/SettingsView.qml" line="287"/>
        <source>Team</source>
        <translation>Equipo</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <location filename="../qml/SettingsView.qml" line="445"/>
        <source>Canned responses</source>
        <translation>Respuestas predefinidas</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <location filename="../qml/SettingsView.qml" line="510"/>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <location filename="../qml/SettingsView.qml" line="588"/>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <source>Account and language</source>
        <translation>Cuenta e idioma</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="66"/>
        <location filename="../qml/SettingsView.qml" line="653"/>
        <source>Your sessions</source>
        <translation>Sus sesiones</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="89"/>
        <source>Back to chats</source>
        <translation>Volver a los chats</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="113"/>
        <source>How the chat looks on your website. Changes reach visitors when you save.</source>
        <translation>Cómo se ve el chat en su sitio web. Los visitantes verán los cambios al guardar.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="114"/>
        <source>Only an admin can change the widget.</source>
        <translation>Solo un administrador puede cambiar el widget.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="115"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="116"/>
        <source>Chat with us</source>
        <translation>Chatee con nosotros</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="118"/>
        <source>Welcome message</source>
        <translation>Mensaje de bienvenida</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="119"/>
        <source>Hi! How can we help?</source>
        <translation>¡Hola! ¿En qué podemos ayudarle?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="121"/>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="137"/>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="139"/>
        <source>Bottom right</source>
        <translation>Abajo a la derecha</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="141"/>
        <source>Bottom left</source>
        <translation>Abajo a la izquierda</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="144"/>
        <source>Ask before the chat starts</source>
        <translation>Preguntar antes de iniciar el chat</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="146"/>
        <location filename="../qml/SettingsView.qml" line="374"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="67"/>
        <location filename="../qml/SettingsView.qml" line="147"/>
        <location filename="../qml/SettingsView.qml" line="375"/>
        <location filename="../qml/SettingsView.qml" line="765"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
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
        <translation>Correo electrónico obligatorio</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="151"/>
        <source>When nobody is online</source>
        <translation>Cuando no hay nadie en línea</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="154"/>
        <source>We are away right now. Leave a message and we will get back to you.</source>
        <translation>Ahora mismo no estamos disponibles. Deje un mensaje y le responderemos.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="155"/>
        <source>When an agent replies</source>
        <translation>Cuando un agente responde</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="156"/>
        <source>Play a sound if the visitor&apos;s tab is in the background</source>
        <translation>Reproducir un sonido si la pestaña del visitante está en segundo plano</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="160"/>
        <source>Save widget</source>
        <translation>Guardar widget</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="173"/>
        <source>Preview as offline</source>
        <translation>Vista previa sin conexión</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="199"/>
        <source>Put the chat on your website</source>
        <translation>Añada el chat a su sitio web</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="201"/>
        <source>Paste this line into every page of your website, just before &lt;/body&gt;. The chat button appears at once.</source>
        <translation>Pegue esta línea en cada página de su sitio web, justo antes de &lt;/body&gt;. El botón del chat aparece al instante.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="219"/>
        <source>The snippet appears once the console is connected.</source>
        <translation>El fragmento aparece cuando la consola está conectada.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="225"/>
        <source>Copy snippet</source>
        <translation>Copiar fragmento</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="229"/>
        <location filename="../qml/SettingsView.qml" line="1119"/>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="231"/>
        <source>Public address</source>
        <translation>Dirección pública</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="232"/>
        <source>Where your visitors&apos; browsers reach this server, if not at the address above: your domain or your reverse proxy, such as https://chat.example.com. Leave it empty to use the server&apos;s own public URL (its --public-url) or, without one, the address the console connects to.</source>
        <translation>Dónde llegan los navegadores de sus visitantes a este servidor, si no es la dirección de arriba: su dominio o su proxy inverso, por ejemplo https://chat.example.com. Déjelo vacío para usar la dirección pública del propio servidor (su --public-url) o, si no tiene, la dirección a la que se conecta la consola.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="245"/>
        <source>Use this address</source>
        <translation>Usar esta dirección</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="251"/>
        <source>This is not an http:// or https:// address, so the snippet keeps the console&apos;s address.</source>
        <translation>No es una dirección http:// ni https://, así que el fragmento conserva la dirección de la consola.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="256"/>
        <source>Allowed websites</source>
        <translation>Sitios web permitidos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="257"/>
        <source>The widget only works on these origins (scheme://host[:port]), one per line.</source>
        <translation>El widget solo funciona en estos orígenes (scheme://host[:port]), uno por línea.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="267"/>
        <source>Save allowed websites</source>
        <translation>Guardar sitios web permitidos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="274"/>
        <source>What visitors on the internet need</source>
        <translation>Lo que necesitan los visitantes de Internet</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="275"/>
        <source>Your website&apos;s visitors must reach this server: give it a public address, or put it behind a reverse proxy (nginx, Caddy) with an HTTPS certificate, and enter that https:// address as the public address above. A website on https cannot load a chat from plain http.</source>
        <translation>Los visitantes de su sitio deben poder llegar a este servidor: dele una dirección pública o póngalo detrás de un proxy inverso (nginx, Caddy) con un certificado HTTPS, e introduzca esa dirección https:// como dirección pública arriba. Un sitio en https no puede cargar un chat por http simple.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="289"/>
        <source>Add the people who answer chats. Each signs in with their own email and password.</source>
        <translation>Añada a las personas que responden los chats. Cada una inicia sesión con su propio correo electrónico y contraseña.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="290"/>
        <source>Only an admin can add or remove agents.</source>
        <translation>Solo un administrador puede añadir o quitar agentes.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="330"/>
        <source>(you)</source>
        <translation>(usted)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="344"/>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="349"/>
        <location filename="../qml/SettingsView.qml" line="377"/>
        <source>Admin</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="349"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="351"/>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="353"/>
        <location filename="../qml/SettingsView.qml" line="434"/>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="356"/>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="360"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="370"/>
        <source>Add an agent</source>
        <translation>Añadir un agente</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="376"/>
        <source>First password</source>
        <translation>Contraseña inicial</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="378"/>
        <location filename="../qml/SettingsView.qml" line="1230"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="389"/>
        <source>New password for %1</source>
        <translation>Nueva contraseña para %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="402"/>
        <source>At least 8 characters</source>
        <translation>Al menos 8 caracteres</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="412"/>
        <source>Disable %1?</source>
        <translation>¿Desactivar a %1?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="428"/>
        <source>%1 is signed out at once and cannot sign in until you enable the account again.</source>
        <translation>%1 cierra sesión de inmediato y no podrá volver a iniciarla hasta que usted active la cuenta de nuevo.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="433"/>
        <location filename="../qml/SettingsView.qml" line="1160"/>
        <location filename="../qml/SettingsView.qml" line="1272"/>
        <location filename="../qml/SettingsView.qml" line="1299"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="447"/>
        <source>Type /shortcut in a reply and it becomes the text. Shared by the whole team.</source>
        <translation>Escriba /atajo en una respuesta y se sustituye por el texto. Compartido con todo el equipo.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="466"/>
        <location filename="../qml/SettingsView.qml" line="1300"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="473"/>
        <source>No canned responses yet</source>
        <translation>Aún no hay respuestas predefinidas</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="474"/>
        <source>Save answers you give often, like opening hours or shipping times.</source>
        <translation>Guarde las respuestas que da a menudo, como el horario de apertura o los plazos de envío.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="481"/>
        <source>Edit /%1</source>
        <translation>Editar /%1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="481"/>
        <source>New canned response</source>
        <translation>Nueva respuesta predefinida</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="494"/>
        <source>shortcut, e.g. hours</source>
        <translation>atajo, p. ej. horario</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="495"/>
        <source>The text it expands to</source>
        <translation>El texto por el que se sustituye</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="496"/>
        <location filename="../qml/SettingsView.qml" line="1154"/>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="511"/>
        <source>Show desktop notifications</source>
        <translation>Mostrar notificaciones de escritorio</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="513"/>
        <source>Play a sound</source>
        <translation>Reproducir un sonido</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="517"/>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="522"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="523"/>
        <source>Test sound</source>
        <translation>Probar el sonido</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="526"/>
        <source>%1. Notifications ask the desktop for its own sound instead.</source>
        <translation>%1. En su lugar, las notificaciones piden al escritorio su propio sonido.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="528"/>
        <source>Remind me every</source>
        <translation>Recordarme cada</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="531"/>
        <source>seconds while a visitor waits (0: never)</source>
        <translation>segundos mientras un visitante espera (0: nunca)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="533"/>
        <source>Presence</source>
        <translation>Presencia</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="535"/>
        <source>Show me as away after</source>
        <translation>Mostrarme como ausente tras</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="538"/>
        <source>minutes without activity (0: never)</source>
        <translation>minutos sin actividad (0: nunca)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="540"/>
        <source>Visitors see the chat as offline when no agent is online.</source>
        <translation>Los visitantes ven el chat como desconectado cuando no hay ningún agente en línea.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="589"/>
        <source>This computer runs the chat server. Changes apply the next time Frontdesk starts.</source>
        <translation>Este equipo ejecuta el servidor de chat. Los cambios se aplicarán la próxima vez que se inicie Frontdesk.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="590"/>
        <source>Connected to %1. The server&apos;s own settings are made where it runs.</source>
        <translation>Conectado a %1. Los ajustes del servidor se configuran donde se ejecuta.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="595"/>
        <source>Listen address</source>
        <translation>Dirección de escucha</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="597"/>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="599"/>
        <source>TLS certificate (PEM)</source>
        <translation>Certificado TLS (PEM)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="600"/>
        <source>/etc/ssl/certs/chat.pem (empty: plain HTTP)</source>
        <translation>/etc/ssl/certs/chat.pem (vacío: HTTP sin cifrar)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="601"/>
        <source>TLS private key (PEM)</source>
        <translation>Clave privada TLS (PEM)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="603"/>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="604"/>
        <source>Empty: SQLite file on this computer; or mariadb://user@host:3306/frontdesk</source>
        <translation>Vacío: archivo SQLite en este equipo; o mariadb://user@host:3306/frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="607"/>
        <source>A MariaDB password is kept in the system keyring, never in a settings file: run &quot;frontdesk --store-database-password --database URL&quot; once.</source>
        <translation>La contraseña de MariaDB se guarda en el llavero del sistema, nunca en un archivo de configuración: ejecute una vez «frontdesk --store-database-password --database URL».</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="608"/>
        <source>Listening on 127.0.0.1 keeps the server private to this computer. Visitors on the internet need a public address (0.0.0.0 and an open port) or, better, a reverse proxy with HTTPS in front.</source>
        <translation>Escuchar en 127.0.0.1 mantiene el servidor privado en este equipo. Los visitantes de Internet necesitan una dirección pública (0.0.0.0 y un puerto abierto) o, mejor, un proxy inverso con HTTPS delante.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="621"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="622"/>
        <source>Signed in as %1 (%2)</source>
        <translation>Sesión iniciada como %1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="624"/>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="625"/>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="626"/>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="629"/>
        <location filename="../qml/SettingsView.qml" line="724"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="630"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="635"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="640"/>
        <source>The new language applies the next time Frontdesk starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie Frontdesk.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="641"/>
        <source>Run the setup wizard again…</source>
        <translation>Volver a ejecutar el asistente de configuración…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="655"/>
        <source>Every computer where your account is signed in. Sign out any you do not recognise or no longer use; it has to sign in again with your password.</source>
        <translation>Todos los equipos en los que su cuenta tiene la sesión iniciada. Cierre la sesión en los que no reconozca o ya no use; allí habrá que volver a iniciarla con su contraseña.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="659"/>
        <source>Sign out everywhere else</source>
        <translation>Cerrar sesión en los demás equipos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="713"/>
        <source>This computer</source>
        <translation>Este equipo</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="721"/>
        <source>signed in %1</source>
        <translation>sesión iniciada el %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="741"/>
        <source>You are not signed in anywhere else.</source>
        <translation>No tiene la sesión iniciada en ningún otro equipo.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="748"/>
        <source>No sessions</source>
        <translation>No hay sesiones</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="748"/>
        <source>Your sessions appear once the console is connected</source>
        <translation>Sus sesiones aparecen en cuanto la consola está conectada</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="809"/>
        <source>The SMTP server this computer sends through.</source>
        <translation>El servidor SMTP por el que envía este equipo.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="846"/>
        <source>Use these settings now</source>
        <translation>Usar estos ajustes ahora</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="852"/>
        <source>Sending no email now.</source>
        <translation>Ahora no se envía ningún correo.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="853"/>
        <source>Sending through %1 now.</source>
        <translation>Los correos salen ahora por %1.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="921"/>
        <source>A webhook sends the chat events you choose to an address of yours as a signed HTTP POST, so another system (a CRM, a help desk, a script) can act on them; docs/integrations.md describes the requests and how to check the signature.</source>
        <translation>Un webhook envía los eventos de chat que elija a una dirección suya como un HTTP POST firmado, para que otro sistema (un CRM, un servicio de ayuda, un script) pueda actuar; docs/integrations.md describe las peticiones y cómo comprobar la firma.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="925"/>
        <source>Only an admin can see and change a site&apos;s webhooks.</source>
        <translation>Solo un administrador puede ver y cambiar los webhooks de un sitio.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="937"/>
        <source>The webhooks appear once the console is connected.</source>
        <translation>Los webhooks aparecen cuando la consola está conectada.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="938"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="939"/>
        <source>This site has no webhooks yet. Add an endpoint below.</source>
        <translation>Este sitio aún no tiene webhooks. Añada un punto de destino abajo.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="989"/>
        <source>Send events</source>
        <translation>Enviar eventos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1008"/>
        <source>Events: %1</source>
        <translation>Eventos: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1017"/>
        <source>Off: nothing is sent</source>
        <translation>Desactivado: no se envía nada</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1041"/>
        <source>Hide secret</source>
        <translation>Ocultar el secreto</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1034"/>
        <source>Show secret</source>
        <translation>Mostrar el secreto</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1047"/>
        <source>New secret…</source>
        <translation>Nuevo secreto…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1058"/>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1065"/>
        <source>Deliveries</source>
        <translation>Entregas</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1071"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1116"/>
        <source>Copy</source>
        <translation>Copiar</translation>
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
        <translation>Descripción (opcional)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1192"/>
        <source>Add an endpoint</source>
        <translation>Añadir un punto de destino</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1198"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1206"/>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1216"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1222"/>
        <source>Optional: what it is for, e.g. the CRM</source>
        <translation>Opcional: para qué es, p. ej. el CRM</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1248"/>
        <source>Each endpoint gets its own secret. Your receiver checks every request&apos;s signature with it and answers with a 2xx status within 10 seconds; anything else is retried for 24 hours.</source>
        <translation>Cada punto de destino tiene su propio secreto. Su receptor comprueba con él la firma de cada petición y responde con un estado 2xx en menos de 10 segundos; si no, se reintenta durante 24 horas.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1262"/>
        <source>Make a new secret?</source>
        <translation>¿Crear un nuevo secreto?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1268"/>
        <source>Requests to %1 are signed with the new secret at once, and the old one stops working: give the new one to the receiver.</source>
        <translation>Las peticiones a %1 se firman al instante con el nuevo secreto y el antiguo deja de valer: dé el nuevo al receptor.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1273"/>
        <source>New secret</source>
        <translation>Nuevo secreto</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1290"/>
        <source>Delete this endpoint?</source>
        <translation>¿Eliminar este punto de destino?</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1296"/>
        <source>%1 gets no more events, and its delivery log is deleted with it.</source>
        <translation>%1 no recibe más eventos y su registro de entregas se elimina con él.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1326"/>
        <source>Deliveries to %1</source>
        <translation>Entregas a %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1352"/>
        <source>This endpoint is off: what waits here is sent once you turn it on again.</source>
        <translation>Este punto de destino está desactivado: lo que espera aquí se envía cuando lo vuelva a activar.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1358"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1359"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1360"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1361"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1425"/>
        <source>Resend</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1455"/>
        <source>No deliveries yet</source>
        <translation>Aún no hay entregas</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1456"/>
        <source>Each event this endpoint subscribed to appears here once it happens.</source>
        <translation>Cada evento al que está suscrito este punto de destino aparece aquí en cuanto ocurre.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1468"/>
        <source>Load older deliveries</source>
        <translation>Cargar entregas anteriores</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="1476"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="65"/>
        <source>Sites</source>
        <translation>Sitios</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="168"/>
        <source>Revert</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="543"/>
        <source>Tray and login</source>
        <translation>Bandeja y inicio de sesión</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="547"/>
        <source>Start Frontdesk when I log in</source>
        <translation>Iniciar Frontdesk al iniciar sesión</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="551"/>
        <source>It starts in the tray, without a window: visitors are noticed from the moment you log in.</source>
        <translation>Se inicia en la bandeja, sin ventana: los visitantes se notan desde que inicias sesión.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="563"/>
        <source>This desktop has no system tray, so closing the window minimises it instead: Frontdesk keeps running until you quit it (Ctrl+Q).</source>
        <translation>Este escritorio no tiene bandeja del sistema, así que cerrar la ventana la minimiza: Frontdesk sigue en marcha hasta que salgas (Ctrl+Q).</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="570"/>
        <source>Closing the window keeps Frontdesk in the tray, and the chat on your site. Quit from the tray menu or with Ctrl+Q.</source>
        <translation>Al cerrar la ventana, Frontdesk sigue en la bandeja y el chat en tu sitio. Sal desde el menú del icono o con Ctrl+Q.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="571"/>
        <source>Closing the window keeps Frontdesk in the tray, and you are still notified. Quit from the tray menu or with Ctrl+Q.</source>
        <translation>Al cerrar la ventana, Frontdesk sigue en la bandeja y sigues recibiendo avisos. Sal desde el menú del icono o con Ctrl+Q.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="780"/>
        <source>An email to a visitor could not be sent (%1). The mail server said:</source>
        <translation>No se pudo enviar un correo a un visitante (%1). El servidor de correo respondió:</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="781"/>
        <source>An email to your team could not be sent (%1). The mail server said:</source>
        <translation>No se pudo enviar un correo a tu equipo (%1). El servidor de correo respondió:</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="787"/>
        <source>This server sends no email: no SMTP server is set.</source>
        <translation>Este servidor no envía correos: no hay ningún servidor SMTP configurado.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="788"/>
        <source>%1 emails waiting to be sent, %2 given up on.</source>
        <translation>%1 correos esperando envío, %2 abandonados.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="791"/>
        <source>Email for this site</source>
        <translation>Correo de este sitio</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="792"/>
        <source>Messages left while nobody is online, and chats nobody accepts in time, go to the team&apos;s address. Visitors never see it.</source>
        <translation>Los mensajes que se dejan cuando no hay nadie conectado y los chats que nadie acepta a tiempo van a la dirección del equipo. Los visitantes nunca la ven.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="797"/>
        <source>Team&apos;s address</source>
        <translation>Dirección del equipo</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="798"/>
        <source>support@example.com (empty: none)</source>
        <translation>support@example.com (vacío: ninguna)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="800"/>
        <source>Email a chat nobody accepted after (minutes, 0: never)</source>
        <translation>Avisar por correo de un chat no aceptado tras (minutos, 0: nunca)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="804"/>
        <source>Email an agent&apos;s reply to a visitor who left (if they gave an email)</source>
        <translation>Enviar por correo la respuesta a un visitante que se fue (si dio su correo)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="806"/>
        <source>Save email settings</source>
        <translation>Guardar ajustes de correo</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="808"/>
        <source>Mail server</source>
        <translation>Servidor de correo</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="810"/>
        <source>Set on the server with --smtp-url, --smtp-user and --smtp-from.</source>
        <translation>Se configura en el servidor con --smtp-url, --smtp-user y --smtp-from.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="815"/>
        <source>SMTP server</source>
        <translation>Servidor SMTP</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="816"/>
        <source>smtp://mail.example.com:587 or smtps://mail.example.com:465</source>
        <translation>smtp://mail.example.com:587 o smtps://mail.example.com:465</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="818"/>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="820"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="822"/>
        <source>Kept in the system keyring</source>
        <translation>Se guarda en el llavero del sistema</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="823"/>
        <source>Save password</source>
        <translation>Guardar contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="826"/>
        <source>From</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="827"/>
        <source>chat@example.com (a display name may come first)</source>
        <translation>chat@example.com (puede ir precedido de un nombre)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsView.qml" line="830"/>
        <source>Allow a mail server without TLS (only one on this computer)</source>
        <translation>Permitir un servidor de correo sin TLS (solo uno en este equipo)</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../qml/SetupWizard.qml" line="37"/>
        <source>Welcome to Frontdesk</source>
        <translation>Bienvenido a Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="38"/>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="46"/>
        <source>Where should the chat server run?</source>
        <translation>¿Dónde debe ejecutarse el servidor de chat?</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="47"/>
        <source>On this computer</source>
        <translation>En este equipo</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="48"/>
        <source>Frontdesk runs the server for you. Best for one shop and one computer that stays on.</source>
        <translation>Frontdesk ejecuta el servidor por usted. Ideal para una tienda y un equipo que permanece encendido.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="49"/>
        <source>On a server I already run</source>
        <translation>En un servidor que ya tengo</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="50"/>
        <source>Connect to &quot;frontdesk --headless&quot; on another machine with its address, your email and password.</source>
        <translation>Conectarse a «frontdesk --headless» en otro equipo con su dirección, su correo electrónico y su contraseña.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="54"/>
        <source>You and your website</source>
        <translation>Usted y su sitio web</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="55"/>
        <source>Your name, as visitors will see it</source>
        <translation>Su nombre, tal como lo verán los visitantes</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="56"/>
        <source>Your email (you sign in with it)</source>
        <translation>Su correo electrónico (para iniciar sesión)</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="57"/>
        <source>A password, at least 8 characters</source>
        <translation>Una contraseña de al menos 8 caracteres</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="58"/>
        <source>Your website&apos;s name, e.g. Anna&apos;s Bakery</source>
        <translation>Nombre de su sitio web, p. ej. Panadería Anna</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="59"/>
        <source>Your website&apos;s address, e.g. https://www.example.com (one per line)</source>
        <translation>Dirección de su sitio web, p. ej. https://www.example.com (una por línea)</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="60"/>
        <source>The chat only appears on these websites.</source>
        <translation>El chat solo aparece en estos sitios web.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="64"/>
        <source>How visitors reach the server</source>
        <translation>Cómo llegan los visitantes al servidor</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="70"/>
        <source>127.0.0.1 means only this computer can connect: right for trying it out, or behind a reverse proxy on the same machine.</source>
        <translation>127.0.0.1 significa que solo este equipo puede conectarse: adecuado para probar o detrás de un proxy inverso en el mismo equipo.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="71"/>
        <source>Visitors on the internet need to reach this address. Either give the computer a public address (listen on 0.0.0.0 and open the port in your router), or — better — put a reverse proxy with HTTPS (nginx, Caddy) in front. A website on https:// can only load the chat from an https:// address.</source>
        <translation>Los visitantes de Internet deben poder llegar a esta dirección. Asigne al equipo una dirección pública (escuchar en 0.0.0.0 y abrir el puerto en su router) o —mejor— coloque delante un proxy inverso con HTTPS (nginx, Caddy). Un sitio web en https:// solo puede cargar el chat desde una dirección https://.</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="77"/>
        <source>Connect to your server</source>
        <translation>Conectar con su servidor</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="78"/>
        <source>Server address, e.g. https://chat.example.com</source>
        <translation>Dirección del servidor, p. ej. https://chat.example.com</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="79"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="80"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="95"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="101"/>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="101"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../qml/SetupWizard.qml" line="73"/>
        <location filename="../qml/SetupWizard.qml" line="81"/>
        <source>Start Frontdesk when I log in (in the tray)</source>
        <translation>Iniciar Frontdesk al iniciar sesión (en la bandeja)</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>My chats</source>
        <translation>Mis chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>All active</source>
        <translation>Todas activas</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="50"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="87"/>
        <source>Search by text, name or email</source>
        <translation>Buscar por texto, nombre o correo electrónico</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="115"/>
        <source>Nobody is waiting</source>
        <translation>Nadie está esperando</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="115"/>
        <source>No chats yet</source>
        <translation>Aún no hay chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="115"/>
        <source>No open chats</source>
        <translation>No hay chats abiertos</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="116"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="116"/>
        <source>Nothing found</source>
        <translation>No se encontró nada</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="117"/>
        <source>New visitors appear here. You will get a notification too.</source>
        <translation>Los nuevos visitantes aparecen aquí. También recibirá una notificación.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="118"/>
        <source>Accept a visitor from the Queue (Ctrl+N takes the next one).</source>
        <translation>Acepte un visitante de la cola (Ctrl+N atiende al siguiente).</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="119"/>
        <source>Every waiting and active chat of the team shows here.</source>
        <translation>Aquí aparecen todos los chats en espera y activos del equipo.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="120"/>
        <source>Closed chats whose messages, visitor name or email contain the search.</source>
        <translation>Chats cerrados cuyos mensajes, nombre o correo electrónico del visitante contienen la búsqueda.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="26"/>
        <source>Sign in to Frontdesk</source>
        <translation>Iniciar sesión en Frontdesk</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="32"/>
        <source>This computer runs your chat server.</source>
        <translation>Este equipo ejecuta su servidor de chat.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="33"/>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="41"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="49"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="64"/>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="64"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="72"/>
        <source>Set up again…</source>
        <translation>Volver a configurar…</translation>
    </message>
</context>
<context>
    <name>SiteSwitcher</name>
    <message>
        <location filename="../qml/SiteSwitcher.qml" line="34"/>
        <source>Site</source>
        <translation>Sitio</translation>
    </message>
    <message>
        <location filename="../qml/SiteSwitcher.qml" line="70"/>
        <source>Save or revert your changes to switch sites.</source>
        <translation>Guarde o descarte sus cambios para cambiar de sitio.</translation>
    </message>
</context>
<context>
    <name>SitesTab</name>
    <message>
        <location filename="../qml/SitesTab.qml" line="25"/>
        <source>Sites</source>
        <translation>Sitios</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="38"/>
        <source>Each website has its own widget, snippet and queue; every agent answers the chats of every site. The site you pick here is the one the widget and snippet settings show.</source>
        <translation>Cada sitio tiene su propio widget, fragmento y cola; cada agente atiende los chats de todos los sitios. El sitio que elija aquí es el que muestran los ajustes del widget y del fragmento.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="39"/>
        <source>Each website has its own widget, snippet and queue. Only an admin can add, rename or delete sites.</source>
        <translation>Cada sitio tiene su propio widget, fragmento y cola. Solo un administrador puede añadir, renombrar o eliminar sitios.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="66"/>
        <source>Site key %1</source>
        <translation>Clave del sitio %1</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="69"/>
        <source>Shown in settings</source>
        <translation>Mostrado en los ajustes</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="72"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="95"/>
        <source>Rename the site shown in settings</source>
        <translation>Renombrar el sitio mostrado en los ajustes</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="107"/>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="119"/>
        <source>Add a site</source>
        <translation>Añadir un sitio</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="126"/>
        <source>The website&apos;s name, e.g. Outlet store</source>
        <translation>Nombre del sitio, p. ej. Tienda outlet</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="130"/>
        <source>Add site</source>
        <translation>Añadir sitio</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="145"/>
        <source>A new site allows no website yet: add its address under Snippet, then paste its snippet into that website.</source>
        <translation>Un sitio nuevo aún no permite ninguna dirección: añada su dirección en «Fragmento» y pegue luego su fragmento en ese sitio web.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="158"/>
        <source>Delete %1?</source>
        <translation>¿Eliminar %1?</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="176"/>
        <source>This deletes the site with all its conversations, messages, visitors and bans, for good. Its snippet stops working at once and its visitors are disconnected.</source>
        <translation>Esto elimina para siempre el sitio con todas sus conversaciones, mensajes, visitantes y bloqueos. Su fragmento deja de funcionar al instante y sus visitantes se desconectan.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="181"/>
        <source>Type the site key %1 to confirm.</source>
        <translation>Escriba la clave del sitio %1 para confirmar.</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="187"/>
        <source>Site key</source>
        <translation>Clave del sitio</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="193"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../qml/SitesTab.qml" line="194"/>
        <source>Delete site</source>
        <translation>Eliminar sitio</translation>
    </message>
</context>
<context>
    <name>VisitorPanel</name>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="36"/>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="82"/>
        <source>Visitor details</source>
        <translation>Detalles del visitante</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="83"/>
        <source>Open a chat to see who you are talking to and what they are looking at.</source>
        <translation>Abra un chat para ver con quién habla y qué está mirando.</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="118"/>
        <source>On the site now</source>
        <translation>En el sitio ahora</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="118"/>
        <source>Left the site</source>
        <translation>Ha salido del sitio</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="136"/>
        <source>User ID</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="138"/>
        <source>✓ Verified by your site</source>
        <translation>✓ Verificado por su sitio</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="143"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="145"/>
        <location filename="../qml/VisitorPanel.qml" line="152"/>
        <source>Not given</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="146"/>
        <location filename="../qml/VisitorPanel.qml" line="153"/>
        <source>Not signed by your site</source>
        <translation>No firmado por su sitio</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="146"/>
        <location filename="../qml/VisitorPanel.qml" line="153"/>
        <source>Given by the visitor, not verified</source>
        <translation>Indicado por el visitante, sin verificar</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="150"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="156"/>
        <source>Now on</source>
        <translation>Ahora en</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="169"/>
        <source>No page reported yet</source>
        <translation>Aún no se ha indicado ninguna página</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="184"/>
        <source>Pages visited (%1)</source>
        <translation>Páginas visitadas (%1)</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="207"/>
        <source>Technology</source>
        <translation>Tecnología</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="213"/>
        <source>Browser</source>
        <translation>Navegador</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="214"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="215"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="216"/>
        <source>Local time</source>
        <translation>Hora local</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="218"/>
        <source>Came from</source>
        <translation>Procedencia</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="218"/>
        <source>Direct visit</source>
        <translation>Visita directa</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="219"/>
        <source>First seen</source>
        <translation>Primera visita</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="221"/>
        <source>Earlier conversations</source>
        <translation>Conversaciones anteriores</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="224"/>
        <source>This is the first conversation.</source>
        <translation>Es la primera conversación.</translation>
    </message>
    <message>
        <location filename="../qml/VisitorPanel.qml" line="235"/>
        <source>with %1</source>
        <translation>con %1</translation>
    </message>
</context>
<context>
    <name>WidgetPreview</name>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="60"/>
        <source>Chat with us</source>
        <translation>Chatee con nosotros</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="84"/>
        <source>We are away right now. Leave a message and we will get back to you.</source>
        <translation>Ahora mismo no estamos disponibles. Deje un mensaje y le responderemos.</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="97"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="97"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../qml/WidgetPreview.qml" line="112"/>
        <source>Type a message…</source>
        <translation>Escriba un mensaje…</translation>
    </message>
</context>
</TS>
