#include "protocol/agentviewreader.h"
#include "protocol/wirecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;
using namespace Frontdesk;

namespace {

// JSON written with single quotes, for readable fixtures (moc cannot read raw string literals).
QJsonObject object(QByteArray json)
{
    return QJsonDocument::fromJson(json.replace('\'', '"')).object();
}

VisitorRecord aVisitor()
{
    VisitorRecord visitor;
    visitor.id = u"4f0c2d6e-1b8a-4c1f-9a52-6a0e3b7d9c11"_s;
    visitor.siteId = 2;
    visitor.name = u"Ada <b>Lovelace</b>"_s;
    visitor.email = u"ada@example.com"_s;
    visitor.attributes
        = QVariantMap{{u"locale"_s, u"en-GB"_s}, {u"utcOffset"_s, -60.0}, {u"custom"_s, QVariantMap{{u"plan"_s, u"pro"_s}}}};
    visitor.createdAt = 1700000000000;
    visitor.lastSeenAt = 1700000123000;
    return visitor;
}

MessageRecord aMessage()
{
    MessageRecord message;
    message.id = 9007199254740000; // near 2^53: ids travel as JSON numbers
    message.conversationId = 77;
    message.authorKind = AuthorKind::Agent;
    message.authorAgentId = 3;
    message.authorName = u"Bob"_s;
    message.body = u"Line one\nline two \u00e9\U0001F600"_s;
    message.clientId = u"c-1"_s;
    message.createdAt = 1700000200000;
    return message;
}

ConversationRecord aConversation()
{
    ConversationRecord conversation;
    conversation.id = 77;
    conversation.siteId = 2;
    conversation.visitorId = aVisitor().id;
    conversation.status = ConversationStatus::Active;
    conversation.assignedAgentId = 3;
    conversation.assignedAgentName = u"Bob"_s;
    conversation.createdAt = 1700000100000;
    conversation.updatedAt = 1700000200000;
    conversation.closedAt = 0;
    conversation.visitorReadUpTo = 10;
    conversation.agentReadUpTo = 12;
    conversation.rating = 4;
    conversation.ratingComment = u"Quick, thanks"_s;
    return conversation;
}

void compare(const MessageRecord &read, const MessageRecord &sent)
{
    QCOMPARE(read.id, sent.id);
    QCOMPARE(read.conversationId, sent.conversationId);
    QVERIFY(read.authorKind == sent.authorKind);
    QCOMPARE(read.authorAgentId, sent.authorAgentId);
    QCOMPARE(read.authorName, sent.authorName);
    QCOMPARE(read.body, sent.body);
    QCOMPARE(read.clientId, sent.clientId);
    QCOMPARE(read.createdAt, sent.createdAt);
}

} // namespace

/// The console reads back what the server writes (WireCodec::toJson), field by
/// field, and reads anything malformed as defaults instead of failing.
class tst_AgentViewReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageRoundTrip()
    {
        const MessageRecord sent = aMessage();
        compare(AgentViewReader::message(WireCodec::toJson(sent)), sent);
    }

    void conversationSummaryRoundTrip()
    {
        ConversationSummary summary{aConversation(), aVisitor(), aMessage()};
        const ConversationView read = AgentViewReader::conversationView(WireCodec::toJson(summary, true));
        const ConversationRecord &c = read.conversation;
        const ConversationRecord sent = aConversation();
        QCOMPARE(c.id, sent.id);
        QCOMPARE(c.siteId, sent.siteId);
        QCOMPARE(c.visitorId, sent.visitorId);
        QVERIFY(c.status == sent.status);
        QCOMPARE(c.assignedAgentId, sent.assignedAgentId);
        QCOMPARE(c.assignedAgentName, sent.assignedAgentName);
        QCOMPARE(c.createdAt, sent.createdAt);
        QCOMPARE(c.updatedAt, sent.updatedAt);
        QCOMPARE(c.closedAt, sent.closedAt);
        QCOMPARE(c.visitorReadUpTo, sent.visitorReadUpTo);
        QCOMPARE(c.agentReadUpTo, sent.agentReadUpTo);
        QCOMPARE(c.rating, sent.rating);
        QCOMPARE(c.ratingComment, sent.ratingComment);
        QCOMPARE(read.visitor.visitor.id, summary.visitor.id);
        QCOMPARE(read.visitor.visitor.name, summary.visitor.name);
        QCOMPARE(read.visitor.visitor.email, summary.visitor.email);
        QCOMPARE(read.visitor.visitor.attributes, summary.visitor.attributes);
        QCOMPARE(read.visitor.visitor.createdAt, summary.visitor.createdAt);
        QCOMPARE(read.visitor.visitor.lastSeenAt, summary.visitor.lastSeenAt);
        QVERIFY(read.visitor.online);
        compare(read.lastMessage, summary.lastMessage);
    }

    void conversationAloneHasNoVisitorOrMessage()
    {
        // conversation_updated carries the conversation only: the console keeps what it knew.
        ConversationRecord waiting = aConversation();
        waiting.status = ConversationStatus::Waiting;
        waiting.assignedAgentId = 0;
        waiting.assignedAgentName.clear();
        waiting.rating = 0;
        const ConversationView read = AgentViewReader::conversationView(WireCodec::toJson(waiting));
        QVERIFY(read.conversation.status == ConversationStatus::Waiting);
        QCOMPARE(read.conversation.assignedAgentId, 0);
        QCOMPARE(read.conversation.assignedAgentName, QString());
        QCOMPARE(read.conversation.rating, 0);
        QVERIFY(read.visitor.visitor.id.isEmpty());
        QCOMPARE(read.lastMessage.id, 0);
        // A summary of a conversation without messages: lastMessage is null.
        const ConversationView empty
            = AgentViewReader::conversationView(WireCodec::toJson(ConversationSummary{waiting, aVisitor(), {}}, false));
        QCOMPARE(empty.lastMessage.id, 0);
        QVERIFY(!empty.visitor.online);
    }

    void siteRoundTripKeepsTheSecretOnlyWhenSent()
    {
        SiteRecord site;
        site.id = 2;
        site.siteKey = u"k_abc"_s;
        site.name = u"Anna's Outlet"_s;
        site.allowedOrigins = {u"https://shop.example"_s, u"https://*.shop.example"_s};
        site.widgetSettings
            = QVariantMap{{u"title"_s, u"Hi"_s},
                          {u"preChatFields"_s, QVariantList{QVariantMap{{u"name"_s, u"email"_s}, {u"required"_s, true}}}}};
        site.identitySecret = QByteArray::fromHex("00ff10ab");
        site.closedRetentionDays = 30;
        site.mailTeamAddress = u"team@shop.example"_s;
        site.mailUnansweredMinutes = 7;
        site.mailRepliesToAbsentVisitors = false;
        const SiteRecord admin = AgentViewReader::site(WireCodec::toJson(site, true));
        QCOMPARE(admin.mailTeamAddress, site.mailTeamAddress);
        QCOMPARE(admin.mailUnansweredMinutes, 7);
        QCOMPARE(admin.mailRepliesToAbsentVisitors, false);
        QCOMPARE(admin.id, site.id);
        QCOMPARE(admin.siteKey, site.siteKey);
        QCOMPARE(admin.name, site.name);
        QCOMPARE(admin.allowedOrigins, site.allowedOrigins);
        QCOMPARE(admin.widgetSettings, site.widgetSettings);
        QCOMPARE(admin.identitySecret, site.identitySecret);
        QCOMPARE(admin.closedRetentionDays, site.closedRetentionDays);
        QVERIFY(AgentViewReader::site(WireCodec::toJson(site, false)).identitySecret.isEmpty());
    }

    void mailStatusRoundTrip()
    {
        MailStatus status;
        status.enabled = true;
        status.queued = 3;
        status.failed = 1;
        status.lastSentAt = 1700000001000;
        status.lastFailureAt = 1700000005000;
        status.lastFailureRecipientKind = MailRecipientKind::Visitor;
        status.lastFailure = u"550 5.1.1 <x@example.com>: Recipient address rejected"_s;
        QCOMPARE(AgentViewReader::mailStatus(WireCodec::toJson(status)), status);
        status.lastFailureAt = 0;
        status.lastFailure.clear();
        status.lastFailureRecipientKind = MailRecipientKind::Team;
        const QJsonObject working = WireCodec::toJson(status);
        QVERIFY(working.value(u"lastFailure"_s).isNull());
        QCOMPARE(AgentViewReader::mailStatus(working), status);
        // An older server's snapshot has no "mail": mail shows as off.
        QCOMPARE(AgentViewReader::snapshot(QJsonObject{{u"type"_s, u"snapshot"_s}}).mail, MailStatus{});
    }

    void teamCannedSessionsAndPages()
    {
        AgentRecord agent;
        agent.id = 5;
        agent.email = u"eve@example.com"_s;
        agent.name = u"Eve"_s;
        agent.role = AgentRole::Admin;
        agent.disabled = true;
        const TeamMember member = AgentViewReader::teamMember(WireCodec::toJson(TeamMember{agent, AgentStatus::Away}));
        QCOMPARE(member.agent.id, agent.id);
        QCOMPARE(member.agent.email, agent.email);
        QCOMPARE(member.agent.name, agent.name);
        QVERIFY(member.agent.role == AgentRole::Admin);
        QVERIFY(member.agent.disabled);
        QVERIFY(member.status == AgentStatus::Away);

        const CannedResponse canned
            = AgentViewReader::cannedResponse(WireCodec::toJson(CannedResponse{8, u"hours"_s, u"9 to 5"_s, 1}));
        QCOMPARE(canned.id, 8);
        QCOMPARE(canned.shortcut, u"hours"_s);
        QCOMPARE(canned.body, u"9 to 5"_s);

        LoginSession session{u"s-1"_s, 5, 1000, 2000, 3000, u"Frontdesk/0.1.0"_s, u"127.0.0.2"_s};
        QJsonObject sessionJson = WireCodec::toJson(session);
        sessionJson.insert(u"current"_s, true);
        const SessionView readSession = AgentViewReader::session(sessionJson);
        QCOMPARE(readSession.session.id, session.id);
        QCOMPARE(readSession.session.createdAt, session.createdAt);
        QCOMPARE(readSession.session.lastUsedAt, session.lastUsedAt);
        QCOMPARE(readSession.session.expiresAt, session.expiresAt);
        QCOMPARE(readSession.session.userAgent, session.userAgent);
        QCOMPARE(readSession.session.address, session.address);
        QVERIFY(readSession.current);

        const PageView page
            = AgentViewReader::page(WireCodec::toJson(PageView{{}, u"https://shop.example/cart"_s, u"Cart"_s, 42}));
        QCOMPARE(page.url, u"https://shop.example/cart"_s);
        QCOMPARE(page.title, u"Cart"_s);
        QCOMPARE(page.at, 42);
    }

    void snapshotOfThisServerAndOfAnOlderOne()
    {
        const AgentSnapshotView now = AgentViewReader::snapshot(
            object("{'type':'snapshot',"
                   "'agent':{'id':3,'name':'Bob','email':'bob@example.com','role':'agent'},"
                   "'conversations':[{'id':1,'status':'waiting','visitorId':'v','visitor':{'id':'v'}}, 7, 'x'],"
                   "'agentsOnline':2, 'agents':[{'id':3,'name':'Bob','status':'online'}],"
                   "'site':{'id':1,'siteKey':'a'}, 'sites':[{'id':1,'siteKey':'a'},{'id':2,'siteKey':'b'}],"
                   "'publicUrl':'https://chat.example/prefix'}"));
        QCOMPARE(now.agent.id, 3);
        QVERIFY(now.agent.role == AgentRole::Agent);
        QCOMPARE(now.agentsOnline, 2);
        QCOMPARE(now.conversations.size(), 1); // the elements that are not objects are skipped
        QVERIFY(now.sites.has_value());
        QCOMPARE(now.sites->size(), 2);
        QCOMPARE(now.sites->at(1).siteKey, u"b"_s);
        QVERIFY(now.team.has_value());
        QVERIFY(now.team->first().status == AgentStatus::Online);
        QCOMPARE(now.publicUrl, QUrl(u"https://chat.example/prefix"_s));

        // Before several sites: one "site", no "agents", no "publicUrl".
        const AgentSnapshotView older = AgentViewReader::snapshot(
            object("{'type':'snapshot','agent':{'id':1},'conversations':[],'site':{'id':1,'siteKey':'a'}}"));
        QVERIFY(older.sites.has_value());
        QCOMPARE(older.sites->size(), 1);
        QVERIFY(!older.team.has_value());
        QVERIFY(older.publicUrl.isEmpty());
        // Older still: no site at all, so the console asks get_site.
        QVERIFY(!AgentViewReader::snapshot(object("{'type':'snapshot','agent':{'id':1}}")).sites.has_value());
    }

    void malformedFieldsReadAsDefaults()
    {
        const MessageRecord message
            = AgentViewReader::message(object("{'id':'12','conversationId':null,'author':'robot','authorAgentId':[],'body':{'x':"
                                              "1},'clientId':7,'createdAt':true}"));
        QCOMPARE(message.id, 0);
        QCOMPARE(message.conversationId, 0);
        QVERIFY(message.authorKind == AuthorKind::System); // unknown authors are nobody's words
        QCOMPARE(message.authorAgentId, 0);
        QCOMPARE(message.body, QString());
        QCOMPARE(message.clientId, QString());
        QCOMPARE(message.createdAt, 0);

        const SiteRecord site = AgentViewReader::site(
            object("{'id':2,'allowedOrigins':['https://a.example',3,null],'widget':'red','identitySecret':'zz'}"));
        QCOMPARE(site.allowedOrigins, QStringList{u"https://a.example"_s});
        QVERIFY(site.widgetSettings.isEmpty());
        QVERIFY(site.identitySecret.isEmpty());

        const ConversationView view
            = AgentViewReader::conversationView(object("{'id':1,'status':'lost','visitor':'v','lastMessage':5}"));
        QVERIFY(view.conversation.status == ConversationStatus::Waiting);
        QVERIFY(view.visitor.visitor.id.isEmpty());
        QCOMPARE(view.lastMessage.id, 0);

        QVERIFY(AgentViewReader::agentStatus(u"busy"_s) == AgentStatus::Offline);
        QVERIFY(AgentViewReader::agent(object("{'role':'root'}")).role == AgentRole::Agent);
        const VisitorDetails details
            = AgentViewReader::visitorDetails(object("{'visitor':[],'pages':{},'conversations':[1,{'id':4}]}"));
        QVERIFY(details.pages.isEmpty());
        QCOMPARE(details.conversations.size(), 1);
        QCOMPARE(details.conversations.first().id, 4);
    }
};

QTEST_APPLESS_MAIN(tst_AgentViewReader)
#include "tst_agentviewreader.moc"
