#include "trayicon.h"

#include "agentclient.h"
#include "conversationfiltermodel.h"
#include "conversationmodel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace Frontdesk {

TrayIcon::TrayIcon(AgentClient *client, ConversationModel *conversations, QObject *parent)
    : QObject(parent), m_client(client), m_queue(new ConversationFilterModel(this))
{
    m_queue->setConversations(conversations);
    m_queue->setFilter(ConversationFilterModel::Queue);
    // Everything that can change what the tray says, gathered for one pass of the event loop.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, &TrayIcon::refresh);
    connect(m_queue, &QAbstractItemModel::rowsInserted, this, &TrayIcon::scheduleRefresh);
    connect(m_queue, &QAbstractItemModel::rowsRemoved, this, &TrayIcon::scheduleRefresh);
    connect(m_queue, &QAbstractItemModel::rowsMoved, this, &TrayIcon::scheduleRefresh);
    connect(m_queue, &QAbstractItemModel::modelReset, this, &TrayIcon::scheduleRefresh);
    connect(m_queue, &QAbstractItemModel::layoutChanged, this, &TrayIcon::scheduleRefresh);
    // The wait time ticks every second: only a changed name or first message matters to the menu.
    connect(m_queue, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.isEmpty() || roles.contains(ConversationModel::VisitorNameRole)
                    || roles.contains(ConversationModel::LastMessageRole))
                    scheduleRefresh();
            });
    connect(client, &AgentClient::stateChanged, this, &TrayIcon::scheduleRefresh);
    connect(client, &AgentClient::presenceChanged, this, &TrayIcon::scheduleRefresh);

    if (qobject_cast<QApplication *>(QCoreApplication::instance())) {
        m_menu = new QMenu;
        m_menu->setObjectName(u"trayMenu"_s);
        m_header = m_menu->addAction(QString());
        m_header->setEnabled(false);
        m_visitorsEnd = m_menu->addSeparator();
        QAction *statusLabel = m_menu->addAction(tr("Your status"));
        statusLabel->setEnabled(false);
        m_presence = new QActionGroup(m_menu);
        m_presence->setExclusive(true);
        const std::pair<QString, QString> statuses[]
            = {{u"online"_s, tr("Online")}, {u"away"_s, tr("Away")}, {u"offline"_s, tr("Offline")}};
        for (const auto &[value, label] : statuses) {
            QAction *action = m_menu->addAction(label);
            action->setCheckable(true);
            action->setData(value);
            m_presence->addAction(action);
            // A copy: clang (unlike gcc) cannot capture a structured binding.
            connect(action, &QAction::triggered, this, [this, presence = value] {
                if (m_client)
                    m_client->setPresence(presence);
            });
        }
        m_menu->addSeparator();
        QAction *open = m_menu->addAction(tr("Open Frontdesk"));
        open->setObjectName(u"trayOpen"_s);
        connect(open, &QAction::triggered, this, &TrayIcon::openRequested);
        QAction *quit = m_menu->addAction(tr("Quit Frontdesk"));
        quit->setObjectName(u"trayQuit"_s);
        connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    }
    refresh();
}

TrayIcon::~TrayIcon()
{
    delete m_tray;
    delete m_menu; // a widget: no QObject parent to delete it
}

int TrayIcon::waitingCount() const
{
    return m_queue->rowCount();
}

void TrayIcon::show()
{
    if (m_tray || !m_menu)
        return;
    m_dbusMenu = hasStatusNotifierHost();
    rebuildVisitors(); // the labels' escaping may have changed
    m_tray = new QSystemTrayIcon(drawIcon(m_state, waitingCount()));
    m_tray->setToolTip(m_toolTip);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        // A left click (StatusNotifierItem: Activate) opens the window; the menu has its own click.
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT openRequested();
    });
    m_tray->show();
}

bool TrayIcon::hasStatusNotifierHost()
{
    // The question Qt asks, once, when it makes its first tray icon (QGenericUnixTheme).
    const QString watcher = u"org.kde.StatusNotifierWatcher"_s;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface() || !bus.interface()->isServiceRegistered(watcher))
        return false;
    QDBusMessage get
        = QDBusMessage::createMethodCall(watcher, u"/StatusNotifierWatcher"_s, u"org.freedesktop.DBus.Properties"_s, u"Get"_s);
    get << watcher << u"IsStatusNotifierHostRegistered"_s;
    const QDBusMessage reply = bus.call(get, QDBus::Block, 2'000);
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
        && reply.arguments().first().value<QDBusVariant>().variant().toBool();
}

void TrayIcon::scheduleRefresh()
{
    if (!m_refresh.isActive())
        m_refresh.start();
}

void TrayIcon::refresh()
{
    const bool online = m_client && m_client->state() == AgentClient::Online;
    const int waiting = waitingCount();
    const State state = !online ? Offline : waiting > 0 ? Attention : Normal;
    const QString toolTip = describe();
    const bool changedState = state != m_state || (state == Attention && waiting != m_shownCount);
    if (changedState && m_tray)
        m_tray->setIcon(drawIcon(state, waiting));
    if (toolTip != m_toolTip && m_tray)
        m_tray->setToolTip(toolTip);
    const bool changedAnything = changedState || toolTip != m_toolTip;
    m_state = state;
    m_shownCount = state == Attention ? waiting : -1;
    m_toolTip = toolTip;
    if (m_menu) {
        m_header->setText(online ? (waiting == 0       ? tr("Nobody is waiting")
                                        : waiting == 1 ? tr("1 visitor is waiting")
                                                       : tr("%1 visitors are waiting").arg(waiting))
                                 : tr("Not connected to the server"));
        rebuildVisitors();
        updatePresence();
    }
    if (changedAnything)
        Q_EMIT changed();
}

QString TrayIcon::describe() const
{
    if (!m_client || m_client->state() != AgentClient::Online)
        return tr("Frontdesk: offline, not connected to the chat server");
    const int waiting = waitingCount();
    if (waiting == 0)
        return tr("Frontdesk: nobody is waiting");
    return waiting == 1 ? tr("Frontdesk: 1 visitor is waiting") : tr("Frontdesk: %1 visitors are waiting").arg(waiting);
}

void TrayIcon::rebuildVisitors()
{
    const bool online = m_client && m_client->state() == AgentClient::Online;
    QList<QPair<int, QString>> listed;
    const int rows = online ? m_queue->rowCount() : 0;
    for (int row = 0; row < std::min(rows, maxListed); ++row) {
        const QModelIndex index = m_queue->index(row, 0);
        const QString name = index.data(ConversationModel::VisitorNameRole).toString();
        const QString first = index.data(ConversationModel::LastMessageRole).toString().simplified();
        listed.append({index.data(ConversationModel::ConversationIdRole).toInt(),
                       first.isEmpty() ? label(name, 48) : label(name, 28) + u": "_s + label(first, 40)});
    }
    if (rows > maxListed)
        listed.append({0, tr("and %1 more…").arg(rows - maxListed)});
    if (listed == m_listed)
        return; // a menu host re-reads the whole layout on every change: only real ones
    m_listed = listed;
    qDeleteAll(m_visitorActions);
    m_visitorActions.clear();
    for (const auto &[conversationId, label] : std::as_const(listed)) {
        auto *action = new QAction(label, m_menu);
        if (conversationId > 0) {
            action->setToolTip(tr("Accept this chat and open it"));
            connect(action, &QAction::triggered, this, [this, id = conversationId] {
                if (m_client)
                    m_client->accept(id);
                Q_EMIT conversationChosen(id);
            });
        } else {
            connect(action, &QAction::triggered, this, &TrayIcon::openRequested);
        }
        m_menu->insertAction(m_visitorsEnd, action);
        m_visitorActions.append(action);
    }
}

void TrayIcon::updatePresence()
{
    const bool online = m_client && m_client->state() == AgentClient::Online;
    const QString presence = m_client ? m_client->presence() : QString();
    for (QAction *action : m_presence->actions()) {
        action->setEnabled(online);
        const bool checked = action->data().toString() == presence;
        if (action->isChecked() != checked)
            action->setChecked(checked);
    }
}

QString TrayIcon::menuLabel(const QString &text, int maxLength, bool dbusMenu)
{
    QString line = text.simplified();
    if (line.size() > maxLength)
        line = line.left(maxLength - 1).trimmed() + u'…';
    // '&' marks a mnemonic in a menu: a visitor's "Tom & Jerry" stays as typed.
    line.replace(u'&', u"&&"_s);
    if (dbusMenu)
        line.replace(u'_', u"__"_s);
    return line;
}

QIcon TrayIcon::drawIcon(State state, int count)
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(size / 64.0, size / 64.0);
        painter.setPen(Qt::NoPen);
        // The speech bubble: the app's blue, grey when offline.
        painter.setBrush(state == Offline ? QColor(0x9c, 0xa3, 0xaf) : QColor(0x25, 0x63, 0xeb));
        painter.drawRoundedRect(QRectF(4, 8, 56, 42), 12, 12);
        QPolygonF tail;
        tail << QPointF(16, 46) << QPointF(14, 60) << QPointF(30, 48);
        painter.drawPolygon(tail);
        if (state == Offline) {
            // A bar across the bubble: no connection.
            painter.setPen(QPen(Qt::white, 7, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(20, 29), QPointF(44, 29));
        } else if (state == Attention && count > 0) {
            painter.setBrush(QColor(0xd9, 0x2d, 0x20));
            painter.drawEllipse(QRectF(26, 0, 38, 38));
            painter.setPen(Qt::white);
            QFont font = painter.font();
            font.setBold(true);
            font.setPixelSize(count > 99 ? 16 : count > 9 ? 22 : 30);
            painter.setFont(font);
            painter.drawText(QRectF(26, 0, 38, 38), Qt::AlignCenter, count > 99 ? u"99+"_s : QString::number(count));
        } else {
            // Three dots: the chat is open and nobody waits.
            painter.setBrush(Qt::white);
            for (const qreal x : {20.0, 32.0, 44.0})
                painter.drawEllipse(QPointF(x, 29), 4, 4);
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace Frontdesk
