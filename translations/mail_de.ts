<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>MailComposer</name>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="33"/>
        <source>A visitor</source>
        <translation>Ein Besucher</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="57"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="100"/>
        <source>[%1] Message from %2 while nobody was online (chat #%3)</source>
        <translation>[%1] Nachricht von %2, während niemand online war (Chat #%3)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="102"/>
        <source>[%1] %2 has waited %3 minutes, nobody accepted (chat #%4)</source>
        <translation>[%1] %2 wartet seit %3 Minuten, niemand hat angenommen (Chat #%4)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="104"/>
        <source>(not given)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="107"/>
        <source>%1 wrote on %2 while no agent was online.</source>
        <translation>%1 hat auf %2 geschrieben, während kein Agent online war.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="108"/>
        <source>%1 started a chat on %2 that nobody accepted within %3 minutes.</source>
        <translation>%1 hat auf %2 einen Chat begonnen, den niemand innerhalb von %3 Minuten angenommen hat.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="111"/>
        <source>Conversation: #%1 (opened %2)</source>
        <translation>Gespräch: #%1 (begonnen %2)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="113"/>
        <source>Open it in the console: %1</source>
        <translation>In der Konsole öffnen: %1</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="115"/>
        <source>Visitor</source>
        <translation>Besucher</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="116"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="118"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="121"/>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="126"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="127"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="128"/>
        <source>Came from</source>
        <translation>Kam von</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="129"/>
        <source>Browser</source>
        <translation>Browser</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="136"/>
        <source>Transcript</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="139"/>
        <source>Replying to this email writes to the visitor directly; answering in the console keeps the chat&apos;s history.</source>
        <translation>Eine Antwort auf diese E-Mail geht direkt an den Besucher; in der Konsole zu antworten behält den Verlauf des Chats.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="142"/>
        <source>The visitor left no email address: answer in the console.</source>
        <translation>Der Besucher hat keine E-Mail-Adresse hinterlassen: Antworten Sie in der Konsole.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="154"/>
        <source>The team</source>
        <translation>Das Team</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="155"/>
        <source>%1 replied to your chat with %2</source>
        <translation>%1 hat auf Ihren Chat mit %2 geantwortet</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="158"/>
        <source>Hello,</source>
        <translation>Hallo,</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="159"/>
        <source>Hello %1,</source>
        <translation>Hallo %1,</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="161"/>
        <source>%1 answered in your chat with %2 after you had left:</source>
        <translation>%1 hat in Ihrem Chat mit %2 geantwortet, nachdem Sie gegangen waren:</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="168"/>
        <source>To go on with the chat, come back to the website and open the chat: the conversation is still there.</source>
        <translation>Um den Chat fortzusetzen, kommen Sie zurück auf die Website und öffnen Sie den Chat: Das Gespräch ist noch da.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="171"/>
        <source>To go on with the chat, come back to %1 and open the chat: the conversation is still there.</source>
        <translation>Um den Chat fortzusetzen, kommen Sie zurück auf %1 und öffnen Sie den Chat: Das Gespräch ist noch da.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="175"/>
        <source>This address does not take replies.</source>
        <translation>An diese Adresse können Sie nicht antworten.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="177"/>
        <source>The conversation so far</source>
        <translation>Das bisherige Gespräch</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="178"/>
        <location filename="../server/mail/mailcomposer.cpp" line="197"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="189"/>
        <source>Your chat with %1</source>
        <translation>Ihr Chat mit %1</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="191"/>
        <source>Here is the transcript of your chat with %1 of %2, as you asked.</source>
        <translation>Hier ist, wie gewünscht, der Verlauf Ihres Chats mit %1 vom %2.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="195"/>
        <source>You can start a new chat at %1.</source>
        <translation>Einen neuen Chat können Sie auf %1 beginnen.</translation>
    </message>
</context>
</TS>
