// Settings → Webhooks' models (WebhookListModel, WebhookDeliveryModel) fed
// with frames: the real AgentClient connects to a scripted agent endpoint on
// loopback, which answers each command with the frames a test gives it and
// pushes webhook_status / webhook_deleted events. Each model is watched by
// QAbstractItemModelTester. (tst_consolegui runs them against the real server.)
#include "agentclient.h"
#include "webhookdeliverymodel.h"
#include "webhooklistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QStandardPaths>
#include <QWebSocket>
#include <QWebSocketServer>
#include <QtTest>

#include <functional>
#include <optional>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

/// @brief The agent endpoint of a server, scripted: it takes one console's
/// socket, answers `auth` with a snapshot (an admin or an agent, two sites),
/// records every command, and answers each with what `answer` returns (an
/// empty result when it returns nothing; a held command gets no answer until
/// the test sends one).
class ScriptedAgentServer : public QObject
{
public:
    /// The answer to a command: the result's fields, or an error frame (its "type" is "error").
    using Answer = std::function<std::optional<QJsonObject>(const QJsonObject &command)>;

    ScriptedAgentServer() : m_server(u"scripted"_s, QWebSocketServer::NonSecureMode)
    {
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                // Ours to delete (Qt 6.4 leaves the socket without a parent):
                // the one it replaces now, the last with this object.
                socket->setParent(this);
                if (m_socket)
                    m_socket->deleteLater();
                m_socket = socket;
                connect(socket, &QWebSocket::textMessageReceived, this,
                        [this](const QString &text) { onFrame(QJsonDocument::fromJson(text.toUtf8()).object()); });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    [[nodiscard]] QUrl url() const { return QUrl(u"http://127.0.0.1:%1/"_s.arg(m_server.serverPort())); }

    QString role = u"admin"_s;
    Answer answer;
    /// Every command received (not auth or ping), oldest first.
    QList<QJsonObject> commands;

    [[nodiscard]] QList<QJsonObject> commandsOf(const QString &type) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &command : commands) {
            if (command.value(u"type"_s).toString() == type)
                found.append(command);
        }
        return found;
    }

    void send(const QJsonObject &frame)
    {
        if (m_socket)
            m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
    void reply(const QJsonObject &command, QJsonObject fields)
    {
        if (fields.value(u"type"_s).toString() != u"error"_s)
            fields.insert(u"type"_s, u"result"_s);
        fields.insert(u"command"_s, command.value(u"type"_s));
        fields.insert(u"ref"_s, command.value(u"id"_s));
        send(fields);
    }
    /// Drops the console's socket (it reconnects).
    void dropConsole()
    {
        if (m_socket)
            m_socket->abort();
    }

private:
    void onFrame(const QJsonObject &frame)
    {
        const QString type = frame.value(u"type"_s).toString();
        if (type == u"auth"_s) {
            const QJsonArray sites{QJsonObject{{u"id"_s, 1}, {u"siteKey"_s, u"site-one"_s}, {u"name"_s, u"Shop"_s}},
                                   QJsonObject{{u"id"_s, 2}, {u"siteKey"_s, u"site-two"_s}, {u"name"_s, u"Outlet"_s}}};
            send({{u"type"_s, u"snapshot"_s},
                  {u"agent"_s,
                   QJsonObject{{u"id"_s, 7}, {u"name"_s, u"Ada"_s}, {u"email"_s, u"ada@shop.test"_s}, {u"role"_s, role}}},
                  {u"agentsOnline"_s, 1},
                  {u"conversations"_s, QJsonArray()},
                  {u"sites"_s, sites},
                  {u"agents"_s, QJsonArray()}});
            return;
        }
        if (type == u"ping"_s)
            return;
        commands.append(frame);
        const std::optional<QJsonObject> fields = answer ? answer(frame) : std::optional<QJsonObject>(QJsonObject());
        if (fields)
            reply(frame, *fields);
    }

    QWebSocketServer m_server;
    QPointer<QWebSocket> m_socket;
};

QJsonObject webhookJson(int id, int siteId, const QString &url, const QStringList &events = WebhookEvents::all())
{
    return {{u"id"_s, id},
            {u"siteId"_s, siteId},
            {u"url"_s, url},
            {u"events"_s, QJsonArray::fromStringList(events)},
            {u"enabled"_s, true},
            {u"description"_s, QString()},
            {u"secret"_s, u"whsec_%1"_s.arg(id)},
            {u"createdAt"_s, 1'700'000'000'000.0},
            {u"queued"_s, 0},
            {u"failed"_s, 0},
            {u"lastDeliveredAt"_s, 0},
            {u"lastFailureAt"_s, 0},
            {u"lastFailure"_s, QString()}};
}

QJsonObject deliveryJson(int id, int webhookId, const QString &status, int statusCode = 0, const QString &error = {})
{
    return {{u"id"_s, id},
            {u"webhookId"_s, webhookId},
            {u"eventId"_s, u"evt_%1"_s.arg(100 + id)},
            {u"event"_s, u"message.visitor"_s},
            {u"status"_s, status},
            {u"attempts"_s, status == u"queued"_s ? 0 : 1},
            {u"statusCode"_s, statusCode},
            {u"error"_s, error},
            {u"createdAt"_s, 1'700'000'000'000.0},
            {u"lastAttemptAt"_s, 0},
            {u"nextAttemptAt"_s, 0},
            {u"deliveredAt"_s, status == u"delivered"_s ? 1'700'000'001'000.0 : 0.0}};
}

QJsonObject errorFrame(const QString &code, const QString &message)
{
    return {{u"type"_s, u"error"_s}, {u"code"_s, code}, {u"message"_s, message}};
}

QString urlAt(const QAbstractItemModel &model, int row)
{
    return model.index(row, 0).data(WebhookListModel::UrlRole).toString();
}

} // namespace

class WebhookModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_server = std::make_unique<ScriptedAgentServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<AgentClient>(u"frontdesk-test-webhookmodels"_s, nullptr);
        m_client->setOutboxFolder(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/outbox"_s);
    }
    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void listFollowsTheSiteAndReconnects()
    {
        m_server->answer = [](const QJsonObject &command) -> std::optional<QJsonObject> {
            if (command.value(u"type"_s) != u"list_webhooks"_s)
                return QJsonObject();
            const int siteId = command.value(u"siteId"_s).toInt();
            QJsonArray list;
            if (siteId == 1) {
                list.append(webhookJson(3, 1, u"https://crm.shop.test/hook"_s));
                list.append(
                    webhookJson(5, 1, u"https://example.org/<b>x</b>"_s, {u"message.visitor"_s, u"conversation.created"_s}));
            } else {
                list.append(webhookJson(9, 2, u"http://outlet.test/in"_s, {u"conversation.rated"_s}));
            }
            return QJsonObject{{u"webhooks"_s, list}};
        };
        WebhookListModel webhooks;
        QAbstractItemModelTester tester(&webhooks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        webhooks.setClient(m_client.get());
        webhooks.setActive(true);
        connectConsole();

        QTRY_VERIFY(webhooks.isLoaded());
        QCOMPARE(webhooks.siteId(), 1);
        QCOMPARE(m_server->commandsOf(u"list_webhooks"_s).first().value(u"siteId"_s).toInt(), 1);
        QCOMPARE(webhooks.rowCount(), 2);
        QCOMPARE(urlAt(webhooks, 0), u"https://crm.shop.test/hook"_s);
        const QModelIndex first = webhooks.index(0, 0);
        QCOMPARE(first.data(WebhookListModel::WebhookIdRole).toInt(), 3);
        QCOMPARE(first.data(WebhookListModel::EventNamesRole).toString(), u"All events"_s);
        QCOMPARE(first.data(WebhookListModel::EnabledRole).toBool(), true);
        QCOMPARE(first.data(WebhookListModel::SecretRole).toString(), u"whsec_3"_s);
        QCOMPARE(first.data(WebhookListModel::StatusLineRole).toString(), u"No deliveries yet"_s);
        QCOMPARE(first.data(WebhookListModel::StatusKindRole).toString(), u"none"_s);
        QVERIFY(first.data(WebhookListModel::CreatedAtRole).toDateTime().isValid());
        // The docs' order, whatever order the server sent them in.
        QCOMPARE(webhooks.index(1, 0).data(WebhookListModel::EventNamesRole).toString(), u"New chat, Visitor message"_s);
        QCOMPARE(webhooks.roleNames().value(WebhookListModel::EnabledRole), "isEnabled");

        // Another site: its own endpoints, never the first one's.
        m_client->setCurrentSiteId(2);
        QTRY_COMPARE(webhooks.siteId(), 2);
        QTRY_VERIFY(webhooks.isLoaded());
        QCOMPARE(webhooks.rowCount(), 1);
        QCOMPARE(urlAt(webhooks, 0), u"http://outlet.test/in"_s);
        QCOMPARE(m_server->commandsOf(u"list_webhooks"_s).last().value(u"siteId"_s).toInt(), 2);

        // A reconnect reads the list again.
        const qsizetype lists = m_server->commandsOf(u"list_webhooks"_s).size();
        m_server->dropConsole();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->commandsOf(u"list_webhooks"_s).size(), lists + 1, 10'000);
        QTRY_COMPARE(m_client->state(), AgentClient::Online);
        QTRY_COMPARE(webhooks.rowCount(), 1);

        // An older server knows no such command: a sentence that says so.
        m_server->answer = [](const QJsonObject &command) -> std::optional<QJsonObject> {
            if (command.value(u"type"_s) == u"list_webhooks"_s)
                return errorFrame(u"unknown_type"_s, u"\"list_webhooks\" is not an agent command."_s);
            return QJsonObject();
        };
        webhooks.refresh();
        QTRY_VERIFY(webhooks.listError().contains(u"does not support webhooks"_s));
    }

    void eventsKeepTheListLive()
    {
        m_server->answer = [](const QJsonObject &command) -> std::optional<QJsonObject> {
            if (command.value(u"type"_s) == u"list_webhooks"_s)
                return QJsonObject{{u"webhooks"_s, QJsonArray{webhookJson(4, 1, u"https://a.test/"_s)}}};
            return QJsonObject();
        };
        WebhookListModel webhooks;
        QAbstractItemModelTester tester(&webhooks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        webhooks.setClient(m_client.get());
        webhooks.setActive(true);
        connectConsole();
        QTRY_COMPARE(webhooks.rowCount(), 1);

        // Created elsewhere: it comes in at its place (id order).
        m_server->send({{u"type"_s, u"webhook_status"_s}, {u"webhook"_s, webhookJson(2, 1, u"https://b.test/"_s)}});
        QTRY_COMPARE(webhooks.rowCount(), 2);
        QCOMPARE(urlAt(webhooks, 0), u"https://b.test/"_s);
        // Another site's endpoint is not this list's.
        m_server->send({{u"type"_s, u"webhook_status"_s}, {u"webhook"_s, webhookJson(8, 2, u"https://other.test/"_s)}});
        // An attempt failed: the row changes in place.
        QJsonObject failing = webhookJson(4, 1, u"https://a.test/"_s);
        failing.insert(u"queued"_s, 3);
        failing.insert(u"lastFailureAt"_s, 1'700'000'100'000.0);
        failing.insert(u"lastFailure"_s, u"Connection refused"_s);
        QSignalSpy changed(&webhooks, &QAbstractItemModel::dataChanged);
        m_server->send({{u"type"_s, u"webhook_status"_s}, {u"webhook"_s, failing}});
        QVERIFY(changed.wait());
        QCOMPARE(webhooks.rowCount(), 2);
        QCOMPARE(webhooks.index(1, 0).data(WebhookListModel::StatusLineRole).toString(),
                 u"3 waiting, last failure: Connection refused"_s);
        QCOMPARE(webhooks.index(1, 0).data(WebhookListModel::StatusKindRole).toString(), u"failing"_s);
        QCOMPARE(webhooks.index(1, 0).data(WebhookListModel::QueuedRole).toInt(), 3);

        m_server->send({{u"type"_s, u"webhook_deleted"_s}, {u"webhookId"_s, 2}, {u"siteId"_s, 1}});
        QTRY_COMPARE(webhooks.rowCount(), 1);
        QCOMPARE(urlAt(webhooks, 0), u"https://a.test/"_s);
    }

    void createChecksFirstAndShowsTheServersSentence()
    {
        m_server->answer = [this](const QJsonObject &command) -> std::optional<QJsonObject> {
            const QString type = command.value(u"type"_s).toString();
            if (type == u"list_webhooks"_s)
                return QJsonObject{{u"webhooks"_s, QJsonArray()}};
            if (type == u"create_webhook"_s) {
                if (command.value(u"url"_s).toString().contains(u"user:pw@"_s))
                    return errorFrame(u"invalid_field"_s, u"A webhook URL must not contain a user name or password."_s);
                // The event before the result, as the server sends them.
                QJsonObject made = webhookJson(11, command.value(u"siteId"_s).toInt(), command.value(u"url"_s).toString(),
                                               command.value(u"events"_s).toVariant().toStringList());
                made.insert(u"description"_s, command.value(u"description"_s));
                m_server->send({{u"type"_s, u"webhook_status"_s}, {u"webhook"_s, made}});
                return QJsonObject{{u"webhook"_s, made}};
            }
            return QJsonObject();
        };
        WebhookListModel webhooks;
        QAbstractItemModelTester tester(&webhooks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        webhooks.setClient(m_client.get());
        webhooks.setActive(true);
        connectConsole();
        QTRY_VERIFY(webhooks.isLoaded());

        // Refused here: nothing goes to the server.
        QVERIFY(!webhooks.create(u"ftp://files.test/"_s, {u"message.visitor"_s}, {}));
        QCOMPARE(webhooks.createError(), u"The address must start with http:// or https://."_s);
        QVERIFY(!webhooks.create(u"https://crm.test/"_s, {}, {}));
        QCOMPARE(webhooks.createError(), u"Choose at least one event."_s);
        QVERIFY(m_server->commandsOf(u"create_webhook"_s).isEmpty());

        // Refused by the server: its sentence, as it is.
        QVERIFY(webhooks.create(u"https://user:pw@crm.test/"_s, {u"message.visitor"_s}, {}));
        QTRY_COMPARE(webhooks.createError(), u"A webhook URL must not contain a user name or password."_s);
        QVERIFY(!webhooks.isCreating());
        QCOMPARE(webhooks.rowCount(), 0);

        QSignalSpy created(&webhooks, &WebhookListModel::created);
        QVERIFY(webhooks.create(u"  https://crm.test/in  "_s, {u"conversation.created"_s, u"message.agent"_s}, u"CRM"_s));
        QVERIFY(webhooks.isCreating());
        QVERIFY(created.wait());
        QCOMPARE(created.first().first().toInt(), 11);
        QCOMPARE(webhooks.createError(), QString());
        QCOMPARE(webhooks.rowCount(), 1); // the event and the result: one row
        const QJsonObject sent = m_server->commandsOf(u"create_webhook"_s).last();
        QCOMPARE(sent.value(u"url"_s).toString(), u"https://crm.test/in"_s);
        QCOMPARE(sent.value(u"siteId"_s).toInt(), 1);
        QCOMPARE(sent.value(u"events"_s).toArray(), (QJsonArray{u"conversation.created"_s, u"message.agent"_s}));
        QCOMPARE(sent.value(u"description"_s).toString(), u"CRM"_s);
        QCOMPARE(webhooks.index(0, 0).data(WebhookListModel::DescriptionRole).toString(), u"CRM"_s);
        QCOMPARE(webhooks.index(0, 0).data(WebhookListModel::EventNamesRole).toString(), u"New chat, Agent reply"_s);
    }

    void rowCommandsAndTheirErrors()
    {
        bool refuse = true;
        m_server->answer = [&refuse](const QJsonObject &command) -> std::optional<QJsonObject> {
            const QString type = command.value(u"type"_s).toString();
            if (type == u"list_webhooks"_s)
                return QJsonObject{{u"webhooks"_s, QJsonArray{webhookJson(6, 1, u"https://a.test/"_s)}}};
            if (refuse && type != u"list_agents"_s)
                return errorFrame(u"storage_busy"_s, u"The database is busy. Try again in a moment."_s);
            QJsonObject hook = webhookJson(6, 1, command.value(u"url"_s).toString(u"https://a.test/"_s));
            if (type == u"update_webhook"_s && command.contains(u"enabled"_s))
                hook.insert(u"enabled"_s, command.value(u"enabled"_s));
            if (type == u"rotate_webhook_secret"_s)
                hook.insert(u"secret"_s, u"whsec_new"_s);
            if (type == u"delete_webhook"_s)
                return QJsonObject{{u"webhookId"_s, 6}};
            return QJsonObject{{u"webhook"_s, hook}};
        };
        WebhookListModel webhooks;
        QAbstractItemModelTester tester(&webhooks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        webhooks.setClient(m_client.get());
        webhooks.setActive(true);
        connectConsole();
        QTRY_COMPARE(webhooks.rowCount(), 1);
        const auto row = [&webhooks](int role) { return webhooks.index(0, 0).data(role); };

        // The switch shows the choice at once and goes back when refused, with the sentence.
        webhooks.setEnabled(6, false);
        QCOMPARE(row(WebhookListModel::EnabledRole).toBool(), false);
        QCOMPARE(row(WebhookListModel::BusyRole).toBool(), true);
        QTRY_COMPARE(row(WebhookListModel::ErrorRole).toString(), u"The database is busy. Try again in a moment."_s);
        QCOMPARE(row(WebhookListModel::ErrorActionRole).toString(), u"enabled"_s);
        QCOMPARE(row(WebhookListModel::EnabledRole).toBool(), true);
        QCOMPARE(row(WebhookListModel::BusyRole).toBool(), false);
        QCOMPARE(m_server->commandsOf(u"update_webhook"_s).last(),
                 (QJsonObject{{u"type"_s, u"update_webhook"_s},
                              {u"id"_s, m_server->commandsOf(u"update_webhook"_s).last().value(u"id"_s)},
                              {u"webhookId"_s, 6},
                              {u"enabled"_s, false}}));

        webhooks.rotateSecret(6);
        QTRY_COMPARE(row(WebhookListModel::ErrorActionRole).toString(), u"rotate"_s);
        webhooks.remove(6);
        QTRY_COMPARE(row(WebhookListModel::ErrorActionRole).toString(), u"delete"_s);
        QCOMPARE(webhooks.rowCount(), 1);
        // The editor's own checks, on the row.
        QVERIFY(!webhooks.update(6, u"mailto:a@b.test"_s, {u"message.agent"_s}, {}));
        QCOMPARE(row(WebhookListModel::ErrorActionRole).toString(), u"update"_s);
        QCOMPARE(row(WebhookListModel::ErrorRole).toString(), u"The address must start with http:// or https://."_s);

        refuse = false;
        webhooks.setEnabled(6, false);
        QCOMPARE(row(WebhookListModel::ErrorRole).toString(), QString()); // a new try clears the old sentence
        QTRY_VERIFY(!row(WebhookListModel::BusyRole).toBool());
        QCOMPARE(row(WebhookListModel::EnabledRole).toBool(), false);
        QSignalSpy updated(&webhooks, &WebhookListModel::updated);
        QVERIFY(webhooks.update(6, u"https://b.test/new"_s, {u"message.agent"_s}, u"note"_s));
        QVERIFY(updated.wait());
        QCOMPARE(row(WebhookListModel::UrlRole).toString(), u"https://b.test/new"_s);
        QCOMPARE(row(WebhookListModel::ErrorRole).toString(), QString());
        const QJsonObject edit = m_server->commandsOf(u"update_webhook"_s).last();
        QCOMPARE(edit.value(u"events"_s).toArray(), QJsonArray{u"message.agent"_s});
        QCOMPARE(edit.value(u"description"_s).toString(), u"note"_s);
        webhooks.rotateSecret(6);
        QTRY_COMPARE(row(WebhookListModel::SecretRole).toString(), u"whsec_new"_s);
        webhooks.remove(6);
        QTRY_COMPARE(webhooks.rowCount(), 0);
        QCOMPARE(m_server->commandsOf(u"delete_webhook"_s).last().value(u"webhookId"_s).toInt(), 6);
    }

    void agentsAskNothing()
    {
        m_server->role = u"agent"_s;
        WebhookListModel webhooks;
        QAbstractItemModelTester tester(&webhooks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        webhooks.setClient(m_client.get());
        webhooks.setActive(true);
        connectConsole();
        QVERIFY(!m_client->isAdmin());
        webhooks.refresh();
        QTest::qWait(200);
        QVERIFY(m_server->commandsOf(u"list_webhooks"_s).isEmpty());
        QVERIFY(!webhooks.create(u"https://a.test/"_s, {u"message.agent"_s}, {}));
        QCOMPARE(webhooks.createError(), u"Only an admin can add webhooks."_s);
        // An event meant for admins (it should not come) adds nothing either.
        QCOMPARE(webhooks.rowCount(), 0);
    }

    void deliveryLogPagesMergesAndResends()
    {
        QList<QJsonObject> newest{deliveryJson(5, 4, u"queued"_s), deliveryJson(4, 4, u"failed"_s, 500, u"HTTP 500"_s)};
        m_server->answer = [&newest](const QJsonObject &command) -> std::optional<QJsonObject> {
            const QString type = command.value(u"type"_s).toString();
            if (type == u"list_webhook_deliveries"_s) {
                QJsonArray page;
                if (command.value(u"beforeId"_s).toInt() == 4)
                    page.append(deliveryJson(3, 4, u"delivered"_s, 204));
                else
                    for (const QJsonObject &delivery : newest)
                        page.append(delivery);
                return QJsonObject{{u"deliveries"_s, page}};
            }
            if (type == u"resend_webhook_delivery"_s) {
                if (command.value(u"deliveryId"_s).toInt() == 3)
                    return errorFrame(u"not_found"_s, u"Delivery 3 does not exist."_s);
                QJsonObject again = deliveryJson(command.value(u"deliveryId"_s).toInt(), 4, u"queued"_s);
                again.insert(u"attempts"_s, 1);
                return QJsonObject{{u"delivery"_s, again}};
            }
            return QJsonObject();
        };
        WebhookDeliveryModel log;
        QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.setPageSize(2);
        log.setClient(m_client.get());
        connectConsole();
        QVERIFY(m_server->commandsOf(u"list_webhook_deliveries"_s).isEmpty()); // no endpoint chosen yet

        log.setWebhookId(4);
        QTRY_VERIFY(log.isLoaded());
        const QJsonObject asked = m_server->commandsOf(u"list_webhook_deliveries"_s).first();
        QCOMPARE(asked.value(u"webhookId"_s).toInt(), 4);
        QCOMPARE(asked.value(u"limit"_s).toInt(), 2);
        QVERIFY(!asked.contains(u"beforeId"_s));
        QCOMPARE(log.rowCount(), 2);
        QVERIFY(log.canLoadMore());
        QCOMPARE(log.index(0, 0).data(WebhookDeliveryModel::DeliveryIdRole).toInt(), 5);
        QCOMPARE(log.index(0, 0).data(WebhookDeliveryModel::StatusTextRole).toString(), u"Waiting"_s);
        QCOMPARE(log.index(0, 0).data(WebhookDeliveryModel::StatusCodeTextRole).toString(), QString());
        QCOMPARE(log.index(0, 0).data(WebhookDeliveryModel::EventNameRole).toString(), u"Visitor message"_s);
        QCOMPARE(log.index(0, 0).data(WebhookDeliveryModel::EventIdRole).toString(), u"evt_105"_s);
        QCOMPARE(log.index(1, 0).data(WebhookDeliveryModel::StatusTextRole).toString(), u"Failed"_s);
        QCOMPARE(log.index(1, 0).data(WebhookDeliveryModel::StatusCodeTextRole).toString(), u"HTTP 500"_s);
        QCOMPARE(log.index(1, 0).data(WebhookDeliveryModel::ErrorRole).toString(), u"HTTP 500"_s);

        // Load more: the page before the oldest row; a short page is the end.
        log.loadMore();
        QTRY_COMPARE(log.rowCount(), 3);
        QCOMPARE(m_server->commandsOf(u"list_webhook_deliveries"_s).last().value(u"beforeId"_s).toInt(), 4);
        QCOMPARE(log.index(2, 0).data(WebhookDeliveryModel::StatusTextRole).toString(), u"Delivered"_s);
        QVERIFY(!log.canLoadMore());

        // A burst of webhook_status about this endpoint: one or two reads, merged
        // (5 delivered now, 6 new on top), the older page kept.
        newest = {deliveryJson(6, 4, u"queued"_s), deliveryJson(5, 4, u"delivered"_s, 200)};
        const qsizetype reads = m_server->commandsOf(u"list_webhook_deliveries"_s).size();
        for (int i = 0; i < 5; ++i)
            m_server->send({{u"type"_s, u"webhook_status"_s}, {u"webhook"_s, webhookJson(4, 1, u"https://a.test/"_s)}});
        // Another endpoint's news is not this log's.
        m_server->send({{u"type"_s, u"webhook_status"_s}, {u"webhook"_s, webhookJson(9, 1, u"https://b.test/"_s)}});
        QTRY_COMPARE(log.rowCount(), 4);
        QTest::qWait(400);
        QVERIFY(m_server->commandsOf(u"list_webhook_deliveries"_s).size() - reads <= 2);
        QCOMPARE(log.index(0, 0).data(WebhookDeliveryModel::DeliveryIdRole).toInt(), 6);
        QCOMPARE(log.index(1, 0).data(WebhookDeliveryModel::StatusRole).toString(), u"delivered"_s);
        QCOMPARE(log.index(3, 0).data(WebhookDeliveryModel::DeliveryIdRole).toInt(), 3);

        // Resend: the answer replaces the row; a refusal stays on its row as a sentence.
        log.resend(4);
        QCOMPARE(log.index(2, 0).data(WebhookDeliveryModel::ResendingRole).toBool(), true);
        QTRY_COMPARE(log.index(2, 0).data(WebhookDeliveryModel::StatusRole).toString(), u"queued"_s);
        QCOMPARE(log.index(2, 0).data(WebhookDeliveryModel::ResendingRole).toBool(), false);
        QCOMPARE(m_server->commandsOf(u"resend_webhook_delivery"_s).last().value(u"deliveryId"_s).toInt(), 4);
        log.resend(3);
        QTRY_COMPARE(log.index(3, 0).data(WebhookDeliveryModel::ResendErrorRole).toString(), u"Delivery 3 does not exist."_s);

        // Deleted: the log is gone with it.
        QSignalSpy closed(&log, &WebhookDeliveryModel::webhookIdChanged);
        m_server->send({{u"type"_s, u"webhook_deleted"_s}, {u"webhookId"_s, 4}, {u"siteId"_s, 1}});
        QVERIFY(closed.wait());
        QCOMPARE(log.webhookId(), 0);
        QCOMPARE(log.rowCount(), 0);
    }

    void deliveryLogStartsOverAfterAGap()
    {
        // More new deliveries than a page since the last read: the page replaces the log.
        int top = 2;
        m_server->answer = [&top](const QJsonObject &command) -> std::optional<QJsonObject> {
            if (command.value(u"type"_s) != u"list_webhook_deliveries"_s)
                return QJsonObject();
            return QJsonObject{
                {u"deliveries"_s,
                 QJsonArray{deliveryJson(top, 1, u"delivered"_s, 200), deliveryJson(top - 1, 1, u"delivered"_s, 200)}}};
        };
        WebhookDeliveryModel log;
        QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.setPageSize(2);
        log.setClient(m_client.get());
        connectConsole();
        log.setWebhookId(1);
        QTRY_COMPARE(log.rowCount(), 2);
        top = 10;
        log.refresh();
        QTRY_COMPARE(log.index(0, 0).data(WebhookDeliveryModel::DeliveryIdRole).toInt(), 10);
        QCOMPARE(log.rowCount(), 2);
        QVERIFY(log.canLoadMore());
    }

    void statusLine_data()
    {
        QTest::addColumn<int>("queued");
        QTest::addColumn<int>("failed");
        QTest::addColumn<qint64>("deliveredAgo"); // ms before now; -1: never
        QTest::addColumn<QString>("lastFailure"); // "" : none since the last delivery
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("kind");
        QTest::newRow("nothing yet") << 0 << 0 << qint64(-1) << QString() << u"No deliveries yet"_s << u"none"_s;
        QTest::newRow("just now") << 0 << 0 << qint64(5'000) << QString() << u"Delivered just now"_s << u"delivered"_s;
        QTest::newRow("minutes") << 0 << 0 << qint64(130'000) << QString() << u"Delivered 2 min ago"_s << u"delivered"_s;
        QTest::newRow("hours") << 0 << 0 << qint64(3 * 3'600'000 + 5) << QString() << u"Delivered 3 h ago"_s << u"delivered"_s;
        QTest::newRow("waiting") << 2 << 0 << qint64(-1) << QString() << u"2 waiting"_s << u"waiting"_s;
        QTest::newRow("retrying") << 3 << 0 << qint64(60'000) << u"Connection refused"_s
                                  << u"3 waiting, last failure: Connection refused"_s << u"failing"_s;
        QTest::newRow("placeholder in the sentence")
            << 1 << 0 << qint64(-1) << u"HTTP 500: %1 %2"_s << u"1 waiting, last failure: HTTP 500: %1 %2"_s << u"failing"_s;
        QTest::newRow("given up") << 0 << 2 << qint64(-1) << u"Timed out after 10 s"_s
                                  << u"Last attempt failed: Timed out after 10 s  ·  2 given up on"_s << u"failing"_s;
    }

    void statusLine()
    {
        QFETCH(int, queued);
        QFETCH(int, failed);
        QFETCH(qint64, deliveredAgo);
        QFETCH(QString, lastFailure);
        const QDateTime now = QDateTime::currentDateTime();
        WebhookRecord webhook;
        webhook.queued = queued;
        webhook.failed = failed;
        webhook.lastDeliveredAt = deliveredAgo >= 0 ? now.toMSecsSinceEpoch() - deliveredAgo : 0;
        webhook.lastFailureAt = lastFailure.isEmpty() ? 0 : now.toMSecsSinceEpoch() - 1000;
        webhook.lastFailure = lastFailure;
        QTEST(WebhookListModel::statusLine(webhook, now), "line");
        QTEST(WebhookListModel::statusKind(webhook), "kind");
    }

    void deliveryStatusText()
    {
        const QDateTime now = QDateTime::currentDateTime();
        WebhookDelivery delivery;
        QCOMPARE(WebhookDeliveryModel::statusText(delivery, now), u"Waiting"_s);
        delivery.attempts = 2;
        const QDateTime retry = now.addSecs(120);
        delivery.nextAttemptAt = retry.toMSecsSinceEpoch();
        QVERIFY(WebhookDeliveryModel::statusText(delivery, now).startsWith(u"Waiting, retry at "_s));
        QVERIFY(WebhookDeliveryModel::statusText(delivery, now).endsWith(WebhookDeliveryModel::timeText(retry, now)));
        delivery.status = DeliveryStatus::Failed;
        QCOMPARE(WebhookDeliveryModel::statusText(delivery, now), u"Failed"_s);
        delivery.status = DeliveryStatus::Delivered;
        QCOMPARE(WebhookDeliveryModel::statusText(delivery, now), u"Delivered"_s);
        // Another day's time carries its date.
        QVERIFY(WebhookDeliveryModel::timeText(now.addDays(-3), now).size() > WebhookDeliveryModel::timeText(now, now).size());
        QCOMPARE(WebhookDeliveryModel::timeText({}, now), QString());
    }

    void urlCheck_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("fine");
        QTest::newRow("https") << u"https://crm.test/in"_s << true;
        QTest::newRow("http, capitals") << u"HTTP://crm.test"_s << true;
        QTest::newRow("spaces around") << u"  https://crm.test  "_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("scheme only") << u"https://"_s << false;
        QTest::newRow("no scheme") << u"crm.test/in"_s << false;
        QTest::newRow("ftp") << u"ftp://crm.test"_s << false;
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
    }

    void urlCheck()
    {
        QFETCH(QString, url);
        QFETCH(bool, fine);
        QCOMPARE(WebhookListModel::urlProblem(url).isEmpty(), fine);
    }

private:
    void connectConsole()
    {
        m_client->connectWithToken(m_server->url(), u"scripted-token"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), AgentClient::Online, 10'000);
    }

    std::unique_ptr<ScriptedAgentServer> m_server;
    std::unique_ptr<AgentClient> m_client;
};

QTEST_GUILESS_MAIN(WebhookModelsTest)
#include "tst_webhookmodels.moc"
