#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

namespace Frontdesk {

class AgentClient;

/**
 * @brief Sets the agent "away" after a stretch without keyboard or mouse input
 * in the console, and back "online" on the next input, unless the agent chose
 * "away" by hand.
 */
class IdleMonitor : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client whose presence is managed (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief Minutes without input before "away"; 0 turns this off.
    Q_PROPERTY(int idleMinutes READ idleMinutes WRITE setIdleMinutes NOTIFY idleMinutesChanged)
    /// @brief True while the monitor has set the agent away.
    Q_PROPERTY(bool autoAway READ isAutoAway NOTIFY autoAwayChanged)

public:
    explicit IdleMonitor(QObject *parent = nullptr);
    ~IdleMonitor() override;

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] int idleMinutes() const { return m_idleMinutes; }
    void setIdleMinutes(int minutes);
    [[nodiscard]] bool isAutoAway() const { return m_autoAway; }

    /// Counts as input (tests, and input the event filter cannot see).
    void noteActivity();

Q_SIGNALS:
    void clientChanged();
    void idleMinutesChanged();
    void autoAwayChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void becameIdle();

    QPointer<AgentClient> m_client;
    int m_idleMinutes = 10;
    bool m_autoAway = false;
    QTimer m_timer;
};

} // namespace Frontdesk
