<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>MailComposer</name>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="33"/>
        <source>A visitor</source>
        <translation>Un visitante</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="57"/>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="100"/>
        <source>[%1] Message from %2 while nobody was online (chat #%3)</source>
        <translation>[%1] Mensaje de %2 mientras nadie estaba en línea (chat #%3)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="102"/>
        <source>[%1] %2 has waited %3 minutes, nobody accepted (chat #%4)</source>
        <translation>[%1] %2 lleva %3 minutos esperando y nadie ha aceptado (chat #%4)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="104"/>
        <source>(not given)</source>
        <translation>(no indicado)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="107"/>
        <source>%1 wrote on %2 while no agent was online.</source>
        <translation>%1 escribió en %2 mientras ningún agente estaba en línea.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="108"/>
        <source>%1 started a chat on %2 that nobody accepted within %3 minutes.</source>
        <translation>%1 inició un chat en %2 que nadie aceptó en %3 minutos.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="111"/>
        <source>Conversation: #%1 (opened %2)</source>
        <translation>Conversación: #%1 (abierta %2)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="113"/>
        <source>Open it in the console: %1</source>
        <translation>Ábrala en la consola: %1</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="115"/>
        <source>Visitor</source>
        <translation>Visitante</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="116"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="118"/>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="121"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="126"/>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="127"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="128"/>
        <source>Came from</source>
        <translation>Llegó desde</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="129"/>
        <source>Browser</source>
        <translation>Navegador</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="136"/>
        <source>Transcript</source>
        <translation>Transcripción</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="139"/>
        <source>Replying to this email writes to the visitor directly; answering in the console keeps the chat&apos;s history.</source>
        <translation>Responder a este correo escribe directamente al visitante; responder en la consola conserva el historial del chat.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="142"/>
        <source>The visitor left no email address: answer in the console.</source>
        <translation>El visitante no dejó dirección de correo: responda en la consola.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="154"/>
        <source>The team</source>
        <translation>El equipo</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="155"/>
        <source>%1 replied to your chat with %2</source>
        <translation>%1 respondió a su chat con %2</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="158"/>
        <source>Hello,</source>
        <translation>Hola:</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="159"/>
        <source>Hello %1,</source>
        <translation>Hola, %1:</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="161"/>
        <source>%1 answered in your chat with %2 after you had left:</source>
        <translation>%1 respondió en su chat con %2 después de que usted se fuera:</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="168"/>
        <source>To go on with the chat, come back to the website and open the chat: the conversation is still there.</source>
        <translation>Para seguir con el chat, vuelva al sitio web y abra el chat: la conversación sigue ahí.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="171"/>
        <source>To go on with the chat, come back to %1 and open the chat: the conversation is still there.</source>
        <translation>Para seguir con el chat, vuelva a %1 y abra el chat: la conversación sigue ahí.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="175"/>
        <source>This address does not take replies.</source>
        <translation>Esta dirección no admite respuestas.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="177"/>
        <source>The conversation so far</source>
        <translation>La conversación hasta ahora</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="178"/>
        <location filename="../server/mail/mailcomposer.cpp" line="197"/>
        <source>You</source>
        <translation>Usted</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="189"/>
        <source>Your chat with %1</source>
        <translation>Su chat con %1</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="191"/>
        <source>Here is the transcript of your chat with %1 of %2, as you asked.</source>
        <translation>Aquí tiene, como pidió, la transcripción de su chat con %1 del %2.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="195"/>
        <source>You can start a new chat at %1.</source>
        <translation>Puede iniciar un nuevo chat en %1.</translation>
    </message>
</context>
</TS>
