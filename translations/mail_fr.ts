<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>MailComposer</name>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="33"/>
        <source>A visitor</source>
        <translation>Un visiteur</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="57"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="100"/>
        <source>[%1] Message from %2 while nobody was online (chat #%3)</source>
        <translation>[%1] Message de %2 alors que personne n&apos;était en ligne (chat #%3)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="102"/>
        <source>[%1] %2 has waited %3 minutes, nobody accepted (chat #%4)</source>
        <translation>[%1] %2 attend depuis %3 minutes, personne n&apos;a accepté (chat #%4)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="104"/>
        <source>(not given)</source>
        <translation>(non indiqué)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="107"/>
        <source>%1 wrote on %2 while no agent was online.</source>
        <translation>%1 a écrit sur %2 alors qu&apos;aucun agent n&apos;était en ligne.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="108"/>
        <source>%1 started a chat on %2 that nobody accepted within %3 minutes.</source>
        <translation>%1 a commencé sur %2 un chat que personne n&apos;a accepté en %3 minutes.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="111"/>
        <source>Conversation: #%1 (opened %2)</source>
        <translation>Conversation : #%1 (ouverte le %2)</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="113"/>
        <source>Open it in the console: %1</source>
        <translation>L&apos;ouvrir dans la console : %1</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="115"/>
        <source>Visitor</source>
        <translation>Visiteur</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="116"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="118"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="121"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="126"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="127"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="128"/>
        <source>Came from</source>
        <translation>Venu de</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="129"/>
        <source>Browser</source>
        <translation>Navigateur</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="136"/>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="139"/>
        <source>Replying to this email writes to the visitor directly; answering in the console keeps the chat&apos;s history.</source>
        <translation>Répondre à cet e-mail écrit directement au visiteur ; répondre dans la console garde l&apos;historique du chat.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="142"/>
        <source>The visitor left no email address: answer in the console.</source>
        <translation>Le visiteur n&apos;a pas laissé d&apos;adresse e-mail : répondez dans la console.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="154"/>
        <source>The team</source>
        <translation>L&apos;équipe</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="155"/>
        <source>%1 replied to your chat with %2</source>
        <translation>%1 a répondu à votre chat avec %2</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="158"/>
        <source>Hello,</source>
        <translation>Bonjour,</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="159"/>
        <source>Hello %1,</source>
        <translation>Bonjour %1,</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="161"/>
        <source>%1 answered in your chat with %2 after you had left:</source>
        <translation>%1 a répondu dans votre chat avec %2 après votre départ :</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="168"/>
        <source>To go on with the chat, come back to the website and open the chat: the conversation is still there.</source>
        <translation>Pour continuer le chat, revenez sur le site et ouvrez le chat : la conversation est toujours là.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="171"/>
        <source>To go on with the chat, come back to %1 and open the chat: the conversation is still there.</source>
        <translation>Pour continuer le chat, revenez sur %1 et ouvrez le chat : la conversation est toujours là.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="175"/>
        <source>This address does not take replies.</source>
        <translation>Cette adresse ne reçoit pas de réponses.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="177"/>
        <source>The conversation so far</source>
        <translation>La conversation jusqu&apos;ici</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="178"/>
        <location filename="../server/mail/mailcomposer.cpp" line="197"/>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="189"/>
        <source>Your chat with %1</source>
        <translation>Votre chat avec %1</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="191"/>
        <source>Here is the transcript of your chat with %1 of %2, as you asked.</source>
        <translation>Voici, comme demandé, la transcription de votre chat avec %1 du %2.</translation>
    </message>
    <message>
        <location filename="../server/mail/mailcomposer.cpp" line="195"/>
        <source>You can start a new chat at %1.</source>
        <translation>Vous pouvez commencer un nouveau chat sur %1.</translation>
    </message>
</context>
</TS>
