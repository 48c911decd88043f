#include "mailcomposer.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Frontdesk::MailComposer {

namespace {

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd hh:mm"_s) + u" UTC"_s;
}

QString visitorLabel(const VisitorRecord &visitor)
{
    return visitor.name.trimmed().isEmpty() ? u"A visitor"_s : MailAddress::cleanName(visitor.name);
}

/// The page a visitor can come back to: only an http(s) URL, so the email
/// never carries a javascript: or data: link a visitor typed.
QString returnPage(const MailContext &context)
{
    const QUrl url(context.lastPage.url);
    if (url.isValid() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s))
        return url.toString();
    return {};
}

} // namespace

QString consoleLink(qint64 conversationId)
{
    return u"frontdesk://conversation/%1"_s.arg(conversationId);
}

QString transcriptText(const QList<MessageRecord> &messages, const QString &visitorName)
{
    QStringList lines;
    for (const MessageRecord &m : messages) {
        QString author;
        switch (m.authorKind) {
        case AuthorKind::Visitor:
            author = visitorName;
            break;
        case AuthorKind::Agent:
            author = m.authorName.isEmpty() ? u"Agent"_s : m.authorName;
            break;
        case AuthorKind::System:
            author = u"*"_s;
            break;
        }
        QString body = m.body;
        body.replace(u"\r\n"_s, u"\n"_s);
        body.replace(u'\n', u"\n    "_s);
        lines.append(u"[%1] %2: %3"_s.arg(when(m.createdAt), author, body));
    }
    return lines.join(u'\n');
}

MailMessage teamNotice(const MailContext &context, TeamReason reason, int minutes, const MailAddress &from, const MailAddress &to)
{
    const VisitorRecord &v = context.visitor;
    const qint64 id = context.conversation.id;
    MailMessage mail;
    mail.from = from;
    mail.to = to;
    if (MailAddress::isValidAddress(v.email.trimmed()))
        mail.replyTo = MailAddress{v.name, v.email.trimmed()};
    const QString who = visitorLabel(v);
    mail.subject = reason == TeamReason::Offline
        ? u"[%1] Message from %2 while nobody was online (chat #%3)"_s.arg(context.site.name, who).arg(id)
        : u"[%1] %2 has waited %3 minutes, nobody accepted (chat #%4)"_s.arg(context.site.name, who).arg(minutes).arg(id);
    QStringList body;
    body << (reason == TeamReason::Offline
                 ? u"%1 wrote on %2 while no agent was online."_s.arg(who, context.site.name)
                 : u"%1 started a chat on %2 that nobody accepted within %3 minutes."_s.arg(who, context.site.name).arg(minutes));
    body << QString();
    body << u"Conversation: #%1 (opened %2)"_s.arg(id).arg(when(context.conversation.createdAt));
    body << u"Open it in the console: %1"_s.arg(consoleLink(id));
    body << QString();
    body << u"Visitor"_s;
    body << u"  Name: %1"_s.arg(v.name.trimmed().isEmpty() ? u"(not given)"_s : MailAddress::cleanName(v.name));
    body << u"  Email: %1"_s.arg(v.email.trimmed().isEmpty() ? u"(not given)"_s : v.email.trimmed());
    if (!context.lastPage.url.isEmpty())
        body << u"  Page: %1%2"_s.arg(context.lastPage.url,
                                      context.lastPage.title.isEmpty() ? QString() : u" (" + context.lastPage.title + u')');
    const struct {
        QString key;
        QString label;
    } attributes[] = {{u"timezone"_s, u"Time zone"_s},
                      {u"locale"_s, u"Language"_s},
                      {u"referrer"_s, u"Came from"_s},
                      {u"userAgent"_s, u"Browser"_s}};
    for (const auto &attribute : attributes) {
        const QString value = v.attributes.value(attribute.key).toString();
        if (!value.isEmpty())
            body << u"  %1: %2"_s.arg(attribute.label, value);
    }
    body << QString();
    body << u"Transcript"_s;
    body << u"----------"_s;
    body << transcriptText(context.messages, who);
    body << QString();
    body << (mail.replyTo ? u"Replying to this email writes to the visitor directly; answering in the console keeps the "
                            "chat's history."_s
                          : u"The visitor left no email address: answer in the console."_s);
    mail.body = body.join(u'\n') + u'\n';
    return mail;
}

MailMessage replyToVisitor(const MailContext &context, const MessageRecord &reply, const MailAddress &from, const MailAddress &to)
{
    MailMessage mail;
    mail.from = from;
    mail.to = to;
    const QString agent = reply.authorName.isEmpty() ? u"The team"_s : reply.authorName;
    mail.subject = u"%1 replied to your chat with %2"_s.arg(agent, context.site.name);
    QStringList body;
    body << (context.visitor.name.trimmed().isEmpty() ? u"Hello,"_s
                                                      : u"Hello %1,"_s.arg(MailAddress::cleanName(context.visitor.name)));
    body << QString();
    body << u"%1 answered in your chat with %2 after you had left:"_s.arg(agent, context.site.name);
    body << QString();
    QString quoted = reply.body;
    quoted.replace(u"\r\n"_s, u"\n"_s);
    body << u"    "_s + quoted.replace(u'\n', u"\n    "_s);
    body << QString();
    const QString page = returnPage(context);
    body << (page.isEmpty() ? u"To go on with the chat, come back to the website and open the chat: the conversation is "
                              "still there."_s
                            : u"To go on with the chat, come back to %1 and open the chat: the conversation is still "
                              "there."_s.arg(page));
    body << u"This address does not take replies."_s;
    body << QString();
    body << u"The conversation so far"_s;
    body << u"-----------------------"_s;
    body << transcriptText(context.messages, u"You"_s);
    mail.body = body.join(u'\n') + u'\n';
    return mail;
}

MailMessage transcript(const MailContext &context, const MailAddress &from, const MailAddress &to)
{
    MailMessage mail;
    mail.from = from;
    mail.to = to;
    mail.subject = u"Your chat with %1"_s.arg(context.site.name);
    QStringList body;
    body << u"Here is the transcript of your chat with %1 of %2, as you asked."_s.arg(context.site.name,
                                                                                      when(context.conversation.createdAt));
    const QString page = returnPage(context);
    if (!page.isEmpty())
        body << u"You can start a new chat at %1."_s.arg(page);
    body << QString();
    body << transcriptText(context.messages, u"You"_s);
    mail.body = body.join(u'\n') + u'\n';
    return mail;
}

} // namespace Frontdesk::MailComposer
