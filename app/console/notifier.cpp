#include "notifier.h"

#include "agentclient.h"
#include "conversationmodel.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotify, "frontdesk.console.notify")

namespace Frontdesk {

namespace {

const QString notificationsService = u"org.freedesktop.Notifications"_s;
// The desktop file's name without ".desktop" (packaging/desktop): the daemon takes the icon,
// the name and the per-application settings (sounds, do-not-disturb) from it.
const QString desktopEntry = u"io.frontdesk.Frontdesk"_s;
const QString notificationsPath = u"/org/freedesktop/Notifications"_s;

} // namespace

Notifier::Notifier(QObject *parent) : QObject(parent), m_alertSound(new AlertSound(this))
{
    m_reminder.setSingleShot(false);
    connect(&m_reminder, &QTimer::timeout, this, &Notifier::remind);
}

Notifier::~Notifier() = default;

void Notifier::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    Q_EMIT clientChanged();
    if (!client)
        return;
    m_alertSound->prepare(); // on the sound thread: whether our sound can play is known before the first visitor
    connect(client, &AgentClient::snapshotReceived, this, [this](const AgentSnapshotView &snapshot) {
        m_waiting.clear();
        m_visitorGone.clear();
        for (const ConversationView &view : snapshot.conversations) {
            if (view.conversation.status == ConversationStatus::Waiting) {
                m_waiting.insert(int(view.conversation.id),
                                 ConversationModel::visitorDisplayName(view.visitor.visitor, view.conversation.visitorId));
                if (!view.visitor.online)
                    m_visitorGone.insert(int(view.conversation.id));
            }
        }
        Q_EMIT attentionCountChanged();
        if (!m_waiting.isEmpty() && m_repeatSeconds > 0)
            m_reminder.start(m_repeatSeconds * 1000);
    });
    connect(client, &AgentClient::conversationCreated, this, [this](const ConversationView &summary) {
        if (summary.conversation.status != ConversationStatus::Waiting)
            return;
        const int id = int(summary.conversation.id);
        const QString who = ConversationModel::visitorDisplayName(summary.visitor.visitor, summary.conversation.visitorId);
        m_waiting.insert(id, who);
        Q_EMIT attentionCountChanged();
        const QString first = summary.lastMessage.body.simplified();
        notify(id, tr("%1 is waiting").arg(who), first.isEmpty() ? tr("A visitor started a chat.") : first, true);
        ring();
        if (m_repeatSeconds > 0 && !m_reminder.isActive())
            m_reminder.start(m_repeatSeconds * 1000);
    });
    connect(client, &AgentClient::conversationUpdated, this, [this](const ConversationView &update) {
        const int id = int(update.conversation.id);
        const ConversationStatus status = update.conversation.status;
        if (status != ConversationStatus::Waiting && m_waiting.remove(id) > 0)
            Q_EMIT attentionCountChanged();
        if (status == ConversationStatus::Closed)
            forget(id);
        if (m_waiting.isEmpty())
            m_reminder.stop();
        if (status != ConversationStatus::Waiting)
            m_visitorGone.remove(id);
        if (m_waiting.size() == m_visitorGone.size())
            m_alertSound->stopRinging(); // accepted, by this console or another: the ring stops at once
    });
    connect(client, &AgentClient::visitorConnectionChanged, this, [this](const QString &, int conversationId, bool online) {
        // A visitor who closed the page while waiting is not rung for; one who comes back is again.
        if (!m_waiting.contains(conversationId))
            return;
        if (online)
            m_visitorGone.remove(conversationId);
        else
            m_visitorGone.insert(conversationId);
        if (m_waiting.size() == m_visitorGone.size())
            m_alertSound->stopRinging();
    });
    connect(client, &AgentClient::messageReceived, this, [this](const MessageRecord &message) {
        if (message.authorKind != AuthorKind::Visitor)
            return;
        const int id = int(message.conversationId);
        if (inView(id) || m_waiting.contains(id))
            return; // the waiting notification already covers it
        if (!m_unread.contains(id)) {
            m_unread.insert(id);
            Q_EMIT attentionCountChanged();
        }
        notify(id, tr("New message"), message.body.simplified(), false);
        if (m_sound)
            m_alertSound->play(AlertSound::Sound::Message);
    });
    connect(client, &AgentClient::readReceived, this, [this](int conversationId, AuthorKind by, qint64) {
        if (by != AuthorKind::Visitor && m_unread.remove(conversationId))
            Q_EMIT attentionCountChanged();
    });
}

void Notifier::setViewedConversationId(int conversationId)
{
    if (m_viewed == conversationId)
        return;
    m_viewed = conversationId;
    Q_EMIT viewedConversationIdChanged();
    if (inView(conversationId) && m_unread.remove(conversationId))
        Q_EMIT attentionCountChanged();
}

void Notifier::setWindowActive(bool active)
{
    if (m_windowActive == active)
        return;
    m_windowActive = active;
    Q_EMIT windowActiveChanged();
    if (inView(m_viewed) && m_unread.remove(m_viewed))
        Q_EMIT attentionCountChanged();
}

void Notifier::setRepeatSeconds(int seconds)
{
    seconds = std::max(0, seconds);
    if (m_repeatSeconds == seconds)
        return;
    m_repeatSeconds = seconds;
    Q_EMIT repeatSecondsChanged();
    if (seconds == 0)
        m_reminder.stop();
    else if (!m_waiting.isEmpty())
        m_reminder.start(seconds * 1000);
}

void Notifier::setSoundEnabled(bool enabled)
{
    if (m_sound == enabled)
        return;
    m_sound = enabled;
    Q_EMIT soundEnabledChanged();
    if (!enabled)
        m_alertSound->stopRinging();
}

void Notifier::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    Q_EMIT enabledChanged();
}

void Notifier::remind()
{
    if (m_waiting.isEmpty()) {
        m_reminder.stop();
        return;
    }
    ring(); // once per period, however many wait
    // One reminder for the longest-waiting visitor; it replaces its earlier notification.
    const int oldest = *std::min_element(m_waiting.keyBegin(), m_waiting.keyEnd());
    const QString who = m_waiting.value(oldest);
    notify(oldest, tr("%1 is still waiting").arg(who),
           m_waiting.size() == 1 ? tr("1 visitor is waiting for an answer.")
                                 : tr("%1 visitors are waiting for an answer.").arg(m_waiting.size()),
           true);
}

void Notifier::ring()
{
    if (m_sound && m_waiting.size() > m_visitorGone.size())
        m_alertSound->play(AlertSound::Sound::Waiting);
}

void Notifier::forget(int conversationId)
{
    if (m_unread.remove(conversationId))
        Q_EMIT attentionCountChanged();
    const uint notificationId = m_notificationFor.take(conversationId);
    if (notificationId != 0) {
        m_conversationOf.remove(notificationId);
        QDBusMessage close = QDBusMessage::createMethodCall(notificationsService, notificationsPath, notificationsService,
                                                            u"CloseNotification"_s);
        close << notificationId;
        QDBusConnection::sessionBus().asyncCall(close);
    }
}

void Notifier::notify(int conversationId, const QString &title, const QString &body, bool urgent)
{
    ++m_notificationCount;
    Q_EMIT notified(conversationId, title, body);
    if (!m_enabled)
        return;

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        if (m_tray && m_tray->isVisible()) {
            m_trayConversation = conversationId;
            m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10'000);
        }
        if (m_sound && !m_alertSound->isAvailable())
            QApplication::beep();
        return;
    }
    if (m_bodyMarkup == BodyMarkup::Unknown) {
        // Markup in a body is for servers that say they render it; the others show the body as
        // typed, where entities would show as "&lt;". Ask once; notifications wait for the answer.
        m_bodyMarkup = BodyMarkup::Asking;
        const QDBusMessage ask
            = QDBusMessage::createMethodCall(notificationsService, notificationsPath, notificationsService, u"GetCapabilities"_s);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(ask), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
            watcher->deleteLater();
            const QDBusPendingReply<QStringList> reply = *watcher;
            // No answer: escape anyway, the safe way to be wrong.
            m_bodyMarkup = reply.isError() || reply.value().contains(u"body-markup"_s) ? BodyMarkup::Yes : BodyMarkup::No;
            const QList<Pending> pending = std::exchange(m_pending, {});
            for (const Pending &p : pending)
                send(p.conversationId, p.title, p.body, p.urgent);
        });
    }
    if (m_bodyMarkup == BodyMarkup::Asking) {
        m_pending.append({conversationId, title, body, urgent});
        return;
    }
    send(conversationId, title, body, urgent);
}

void Notifier::send(int conversationId, const QString &title, const QString &body, bool urgent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!m_busWatched) {
        m_busWatched = true;
        bus.connect(notificationsService, notificationsPath, notificationsService, u"ActionInvoked"_s, this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(notificationsService, notificationsPath, notificationsService, u"NotificationClosed"_s, this,
                    SLOT(onNotificationClosed(uint, uint)));
    }
    QVariantMap hints{{u"desktop-entry"_s, desktopEntry},
                      {u"category"_s, u"im.received"_s},
                      {u"urgency"_s, QVariant::fromValue(uchar(urgent ? 2 : 1))}};
    // Our own sound plays (or the user turned sounds off): the daemon must not add one. Only
    // when ours cannot play is the daemon asked for its own.
    if (m_sound && !m_alertSound->isAvailable())
        hints.insert(u"sound-name"_s, u"message-new-instant"_s);
    else
        hints.insert(u"suppress-sound"_s, true);
    QDBusMessage call
        = QDBusMessage::createMethodCall(notificationsService, notificationsPath, notificationsService, u"Notify"_s);
    // A server with "body-markup" (dunst with markup, GNOME, Plasma) would render a visitor's <b>,
    // <a href> or <img src>: escaped. The summary is plain text in the spec and servers show it as
    // such (dunst escapes it itself), so an escaped summary would show "&lt;" instead of "<". The tray
    // balloon below takes both as plain text (QBalloonTip's labels are Qt::PlainText).
    const QString shownBody = m_bodyMarkup == BodyMarkup::No ? body : escapeMarkup(body);
    call << u"Frontdesk"_s << m_notificationFor.value(conversationId) << u"frontdesk"_s << title << shownBody
         << QStringList{u"default"_s, tr("Open chat")} << hints << int(urgent ? 0 : 10'000);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, conversationId, title, body] {
        watcher->deleteLater();
        QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            qCInfo(lcNotify).noquote() << "no desktop notification service (" << reply.error().message() << "); using the tray";
            if (m_tray && m_tray->isVisible()) {
                m_trayConversation = conversationId;
                m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10'000);
            }
            if (m_sound && !m_alertSound->isAvailable())
                QApplication::beep();
            return;
        }
        const uint id = reply.value();
        m_notificationFor.insert(conversationId, id);
        m_conversationOf.insert(id, conversationId);
    });
}

QString Notifier::escapeMarkup(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            escaped += u"&amp;"_s;
            break;
        case u'<':
            escaped += u"&lt;"_s;
            break;
        case u'>':
            escaped += u"&gt;"_s;
            break;
        case u'"':
            escaped += u"&quot;"_s;
            break;
        case u'\'':
            escaped += u"&apos;"_s; // not &#39;: GNOME Shell re-escapes numeric entities
            break;
        default:
            escaped += c;
        }
    }
    return escaped;
}

void Notifier::onActionInvoked(uint notificationId, const QString &actionKey)
{
    Q_UNUSED(actionKey);
    const auto it = m_conversationOf.constFind(notificationId);
    if (it == m_conversationOf.constEnd())
        return;
    Q_EMIT openConversationRequested(it.value());
}

void Notifier::onNotificationClosed(uint notificationId, uint reason)
{
    Q_UNUSED(reason);
    const int conversationId = m_conversationOf.take(notificationId);
    if (conversationId != 0 && m_notificationFor.value(conversationId) == notificationId)
        m_notificationFor.remove(conversationId);
}

// --- The tray (TrayIcon owns it) and messages about the console itself ------------------------

void Notifier::setTrayIcon(QSystemTrayIcon *tray)
{
    if (m_tray == tray)
        return;
    if (m_tray)
        m_tray->disconnect(this);
    m_tray = tray;
    if (!tray)
        return;
    connect(tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_trayConversation != 0)
            Q_EMIT openConversationRequested(m_trayConversation);
        else
            Q_EMIT showWindowRequested();
    });
}

void Notifier::inform(const QString &title, const QString &body)
{
    if (!m_enabled)
        return;
    // About the console, not a visitor: no sound, no action, normal urgency, gone after 10 s. Our own
    // text, escaped where the server renders markup (a translation's apostrophe is no tag).
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage call
        = QDBusMessage::createMethodCall(notificationsService, notificationsPath, notificationsService, u"Notify"_s);
    call << u"Frontdesk"_s << uint(0) << u"frontdesk"_s << title << (m_bodyMarkup == BodyMarkup::No ? body : escapeMarkup(body))
         << QStringList() << QVariantMap{{u"urgency"_s, QVariant::fromValue(uchar(1))}, {u"desktop-entry"_s, desktopEntry}}
         << int(10'000);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, title, body] {
        watcher->deleteLater();
        if (!watcher->isError())
            return;
        if (m_tray && m_tray->isVisible()) {
            m_trayConversation = 0;
            m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10'000);
        }
    });
}
// --- end of the tray block ------------------------------------------------------------------------

} // namespace Frontdesk
