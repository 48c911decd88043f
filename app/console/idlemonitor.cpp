#include "idlemonitor.h"

#include "agentclient.h"

#include <QCoreApplication>
#include <QEvent>

using namespace Qt::StringLiterals;

namespace Frontdesk {

IdleMonitor::IdleMonitor(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleMonitor::becameIdle);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    m_timer.start(m_idleMinutes * 60'000);
}

IdleMonitor::~IdleMonitor()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleMonitor::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    m_client = client;
    Q_EMIT clientChanged();
}

void IdleMonitor::setIdleMinutes(int minutes)
{
    minutes = std::max(0, minutes);
    if (m_idleMinutes == minutes)
        return;
    m_idleMinutes = minutes;
    Q_EMIT idleMinutesChanged();
    if (minutes == 0)
        m_timer.stop();
    else
        m_timer.start(minutes * 60'000);
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleMonitor::noteActivity()
{
    if (m_idleMinutes > 0 && (!m_timer.isActive() || m_timer.remainingTime() < m_idleMinutes * 60'000 - 1000))
        m_timer.start(m_idleMinutes * 60'000);
    if (m_autoAway) {
        m_autoAway = false;
        Q_EMIT autoAwayChanged();
        if (m_client && m_client->presence() == u"away"_s)
            m_client->setPresence(u"online"_s);
    }
}

void IdleMonitor::becameIdle()
{
    if (!m_client || m_client->presence() != u"online"_s)
        return; // away or offline by choice: leave it
    m_autoAway = true;
    Q_EMIT autoAwayChanged();
    m_client->setPresence(u"away"_s);
}

} // namespace Frontdesk
