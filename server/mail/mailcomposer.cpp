#include "mailcomposer.h"

#include "maillanguage.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Frontdesk::MailComposer {

namespace {

/// The words of one email, in its language. Each source string is marked
/// with QT_TRANSLATE_NOOP so that lupdate finds it (`ninja frontdesk_mail_lupdate`).
class Words
{
public:
    explicit Words(QString language) : m_language(std::move(language)) { }
    [[nodiscard]] QString operator()(const char *source) const { return MailLanguage::translate(m_language, source); }

private:
    QString m_language;
};

QString when(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(u"yyyy-MM-dd hh:mm"_s) + u" UTC"_s;
}

QString visitorLabel(const VisitorRecord &visitor, const Words &t)
{
    return visitor.name.trimmed().isEmpty() ? t(QT_TRANSLATE_NOOP("MailComposer", "A visitor"))
                                            : MailAddress::cleanName(visitor.name);
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

QString transcriptIn(const QList<MessageRecord> &messages, const QString &visitorName, const Words &t)
{
    QStringList lines;
    for (const MessageRecord &m : messages) {
        QString author;
        switch (m.authorKind) {
        case AuthorKind::Visitor:
            author = visitorName;
            break;
        case AuthorKind::Agent:
            author = m.authorName.isEmpty() ? t(QT_TRANSLATE_NOOP("MailComposer", "Agent")) : m.authorName;
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

/// A heading and its underline, as long as the heading.
QStringList heading(const QString &title)
{
    return {title, QString(title.size(), u'-')};
}

} // namespace

// Every %N of a sentence is filled in one arg() call: a visitor's name that
// holds "%1" would otherwise be filled in by the next call.

QString consoleLink(qint64 conversationId)
{
    return u"frontdesk://conversation/%1"_s.arg(conversationId);
}

MailMessage teamNotice(const MailContext &context, TeamReason reason, int minutes, const MailAddress &from, const MailAddress &to)
{
    const Words t(MailLanguage::forTeam(context));
    const VisitorRecord &v = context.visitor;
    const qint64 id = context.conversation.id;
    MailMessage mail;
    mail.from = from;
    mail.to = to;
    if (MailAddress::isValidAddress(v.email.trimmed()))
        mail.replyTo = MailAddress{v.name, v.email.trimmed()};
    const QString who = visitorLabel(v, t);
    const QString site = context.site.name;
    mail.subject = reason == TeamReason::Offline
        ? t(QT_TRANSLATE_NOOP("MailComposer", "[%1] Message from %2 while nobody was online (chat #%3)"))
              .arg(site, who, QString::number(id))
        : t(QT_TRANSLATE_NOOP("MailComposer", "[%1] %2 has waited %3 minutes, nobody accepted (chat #%4)"))
              .arg(site, who, QString::number(minutes), QString::number(id));
    const QString notGiven = t(QT_TRANSLATE_NOOP("MailComposer", "(not given)"));
    QStringList body;
    body << (reason == TeamReason::Offline
                 ? t(QT_TRANSLATE_NOOP("MailComposer", "%1 wrote on %2 while no agent was online.")).arg(who, site)
                 : t(QT_TRANSLATE_NOOP("MailComposer", "%1 started a chat on %2 that nobody accepted within %3 minutes."))
                       .arg(who, site, QString::number(minutes)));
    body << QString();
    body << t(QT_TRANSLATE_NOOP("MailComposer", "Conversation: #%1 (opened %2)"))
                .arg(QString::number(id), when(context.conversation.createdAt));
    body << t(QT_TRANSLATE_NOOP("MailComposer", "Open it in the console: %1")).arg(consoleLink(id));
    body << QString();
    body << t(QT_TRANSLATE_NOOP("MailComposer", "Visitor"));
    body << u"  %1: %2"_s.arg(t(QT_TRANSLATE_NOOP("MailComposer", "Name")),
                              v.name.trimmed().isEmpty() ? notGiven : MailAddress::cleanName(v.name));
    body << u"  %1: %2"_s.arg(t(QT_TRANSLATE_NOOP("MailComposer", "Email")),
                              v.email.trimmed().isEmpty() ? notGiven : v.email.trimmed());
    if (!context.lastPage.url.isEmpty())
        body << u"  %1: %2%3"_s.arg(t(QT_TRANSLATE_NOOP("MailComposer", "Page")), context.lastPage.url,
                                    context.lastPage.title.isEmpty() ? QString() : u" (" + context.lastPage.title + u')');
    const struct {
        QString key;
        const char *label;
    } attributes[] = {{u"timezone"_s, QT_TRANSLATE_NOOP("MailComposer", "Time zone")},
                      {u"locale"_s, QT_TRANSLATE_NOOP("MailComposer", "Language")},
                      {u"referrer"_s, QT_TRANSLATE_NOOP("MailComposer", "Came from")},
                      {u"userAgent"_s, QT_TRANSLATE_NOOP("MailComposer", "Browser")}};
    for (const auto &attribute : attributes) {
        const QString value = v.attributes.value(attribute.key).toString();
        if (!value.isEmpty())
            body << u"  %1: %2"_s.arg(t(attribute.label), value);
    }
    body << QString();
    body << heading(t(QT_TRANSLATE_NOOP("MailComposer", "Transcript")));
    body << transcriptIn(context.messages, who, t);
    body << QString();
    body << (mail.replyTo ? t(QT_TRANSLATE_NOOP("MailComposer",
                                                "Replying to this email writes to the visitor directly; "
                                                "answering in the console keeps the chat's history."))
                          : t(QT_TRANSLATE_NOOP("MailComposer", "The visitor left no email address: answer in the console.")));
    mail.body = body.join(u'\n') + u'\n';
    return mail;
}

MailMessage replyToVisitor(const MailContext &context, const MessageRecord &reply, const MailAddress &from, const MailAddress &to)
{
    const Words t(MailLanguage::forVisitor(context));
    MailMessage mail;
    mail.from = from;
    mail.to = to;
    const QString site = context.site.name;
    const QString agent = reply.authorName.isEmpty() ? t(QT_TRANSLATE_NOOP("MailComposer", "The team")) : reply.authorName;
    mail.subject = t(QT_TRANSLATE_NOOP("MailComposer", "%1 replied to your chat with %2")).arg(agent, site);
    QStringList body;
    body << (context.visitor.name.trimmed().isEmpty()
                 ? t(QT_TRANSLATE_NOOP("MailComposer", "Hello,"))
                 : t(QT_TRANSLATE_NOOP("MailComposer", "Hello %1,")).arg(MailAddress::cleanName(context.visitor.name)));
    body << QString();
    body << t(QT_TRANSLATE_NOOP("MailComposer", "%1 answered in your chat with %2 after you had left:")).arg(agent, site);
    body << QString();
    QString quoted = reply.body;
    quoted.replace(u"\r\n"_s, u"\n"_s);
    body << u"    "_s + quoted.replace(u'\n', u"\n    "_s);
    body << QString();
    const QString page = returnPage(context);
    body << (page.isEmpty() ? t(QT_TRANSLATE_NOOP("MailComposer",
                                                  "To go on with the chat, come back to the website and open the "
                                                  "chat: the conversation is still there."))
                            : t(QT_TRANSLATE_NOOP("MailComposer",
                                                  "To go on with the chat, come back to %1 and open the chat: the "
                                                  "conversation is still there."))
                                  .arg(page));
    body << t(QT_TRANSLATE_NOOP("MailComposer", "This address does not take replies."));
    body << QString();
    body << heading(t(QT_TRANSLATE_NOOP("MailComposer", "The conversation so far")));
    body << transcriptIn(context.messages, t(QT_TRANSLATE_NOOP("MailComposer", "You")), t);
    mail.body = body.join(u'\n') + u'\n';
    return mail;
}

MailMessage transcript(const MailContext &context, const MailAddress &from, const MailAddress &to)
{
    const Words t(MailLanguage::forVisitor(context));
    MailMessage mail;
    mail.from = from;
    mail.to = to;
    mail.subject = t(QT_TRANSLATE_NOOP("MailComposer", "Your chat with %1")).arg(context.site.name);
    QStringList body;
    body << t(QT_TRANSLATE_NOOP("MailComposer", "Here is the transcript of your chat with %1 of %2, as you asked."))
                .arg(context.site.name, when(context.conversation.createdAt));
    const QString page = returnPage(context);
    if (!page.isEmpty())
        body << t(QT_TRANSLATE_NOOP("MailComposer", "You can start a new chat at %1.")).arg(page);
    body << QString();
    body << transcriptIn(context.messages, t(QT_TRANSLATE_NOOP("MailComposer", "You")), t);
    mail.body = body.join(u'\n') + u'\n';
    return mail;
}

} // namespace Frontdesk::MailComposer
