#include "consolelifecycle.h"

#include "agentclient.h"
#include "consolesettings.h"
#include "conversationmodel.h"
#include "notifier.h"
#include "sessioncontroller.h"
#include "trayicon.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLifecycle, "frontdesk.console.lifecycle")

namespace Frontdesk {

ConsoleLifecycle::ConsoleLifecycle(AgentClient *client, ConversationModel *conversations, SessionController *session,
                                   ConsoleSettings *settings, Notifier *notifier, TrayIcon *tray, bool startMinimized,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_conversations(conversations)
    , m_session(session)
    , m_settings(settings)
    , m_notifier(notifier)
    , m_tray(tray)
    , m_startMinimized(startMinimized)
{
    // The window is not the program: closing it hides it, and only quit() ends the program.
    QGuiApplication::setQuitOnLastWindowClosed(false);
    m_trayAvailable = qobject_cast<QApplication *>(QCoreApplication::instance()) && QSystemTrayIcon::isSystemTrayAvailable();
    qCInfo(lcLifecycle) << (m_trayAvailable ? "the desktop has a tray" : "the desktop has no tray: closing minimises");
    connect(tray, &TrayIcon::openRequested, this, &ConsoleLifecycle::showWindow);
    connect(tray, &TrayIcon::quitRequested, this, &ConsoleLifecycle::requestQuit);
    connect(tray, &TrayIcon::conversationChosen, this, &ConsoleLifecycle::openConversationRequested);
}

bool ConsoleLifecycle::checkTray()
{
    // Each check opens a D-Bus connection in Qt (QDBusTrayIcon): asked when it matters, never polled.
    const bool available = qobject_cast<QApplication *>(QCoreApplication::instance()) && QSystemTrayIcon::isSystemTrayAvailable();
    if (available != m_trayAvailable) {
        m_trayAvailable = available;
        Q_EMIT trayAvailableChanged();
    }
    return available;
}

void ConsoleLifecycle::showWindow()
{
    Q_EMIT showWindowRequested();
}

QString ConsoleLifecycle::quitQuestion(bool hostMode, int waiting, int active)
{
    if (waiting <= 0 && active <= 0)
        return {};
    QStringList sentences;
    if (waiting > 0)
        sentences.append(waiting == 1 ? tr("1 visitor is waiting.") : tr("%1 visitors are waiting.").arg(waiting));
    if (active > 0) {
        // Host mode: every chat on the server ends. Remote mode: only this agent's own are left alone.
        if (hostMode)
            sentences.append(active == 1 ? tr("1 chat is active.") : tr("%1 chats are active.").arg(active));
        else
            sentences.append(active == 1 ? tr("You have 1 active chat.") : tr("You have %1 active chats.").arg(active));
    }
    sentences.append(hostMode ? tr("Quit anyway? The chat will be unavailable on your site.")
                              : tr("Quit anyway? The server keeps running, but you will not be notified."));
    return sentences.join(u' ');
}

QString ConsoleLifecycle::quitQuestion() const
{
    if (!m_client || !m_conversations || m_client->state() != AgentClient::Online)
        return {};
    const bool hostMode = m_session && m_session->hostMode();
    int waiting = 0;
    int active = 0;
    // Once per quit, not per event: a walk over the open conversations is fine here.
    const int rows = m_conversations->rowCount();
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_conversations->index(row, 0);
        const QString status = index.data(ConversationModel::StatusRole).toString();
        if (status == u"waiting"_s)
            ++waiting;
        else if (status == u"active"_s && (hostMode || index.data(ConversationModel::IsMineRole).toBool()))
            ++active;
    }
    return quitQuestion(hostMode, waiting, active);
}

void ConsoleLifecycle::requestQuit()
{
    const QString question = quitQuestion();
    if (question.isEmpty()) {
        quit();
        return;
    }
    Q_EMIT quitConfirmationRequested(question);
}

void ConsoleLifecycle::quit()
{
    qCInfo(lcLifecycle) << "quitting on request";
    Q_EMIT quitting();
    QCoreApplication::quit();
}

void ConsoleLifecycle::windowHidden()
{
    // Without a tray the window was minimised, which needs no explaining.
    if (!m_trayAvailable || !m_settings || m_settings->trayHintShown() || !m_notifier || !m_notifier->isEnabled())
        return;
    const bool hostMode = m_session && m_session->hostMode();
    m_notifier->inform(tr("Frontdesk is still running in the tray"),
                       hostMode ? tr("The chat stays open on your site and you will be notified of new visitors. "
                                     "To stop Frontdesk, choose Quit in the tray menu or press Ctrl+Q.")
                                : tr("You will be notified of new visitors. To stop Frontdesk, choose Quit in the tray "
                                     "menu or press Ctrl+Q."));
    m_settings->setTrayHintShown(true);
}

} // namespace Frontdesk
