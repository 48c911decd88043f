#pragma once

#include "agentcommands.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

namespace Frontdesk {

class AgentClient;

/**
 * @brief The team: every agent with role and status (online, away, offline),
 * for transfers and, for admins, managing accounts.
 */
class AgentListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client that feeds the list (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief How many agents there are.
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        AgentIdRole = Qt::UserRole + 1, ///< number
        NameRole, ///< display name
        EmailRole,
        RoleRole, ///< "agent" or "admin"
        StatusRole, ///< "online", "away" or "offline"
        IsSelfRole, ///< bool: the signed-in agent
        DisabledRole, ///< bool: cannot sign in until an admin enables the account again
    };
    Q_ENUM(Role)

    explicit AgentListModel(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// @brief Asks the server for the list again.
    Q_INVOKABLE void refresh();
    /// @brief Admin: adds an agent with a first password.
    Q_INVOKABLE void addAgent(const QString &email, const QString &name, const QString &password, bool admin);
    /// @brief Admin: removes an agent.
    Q_INVOKABLE void removeAgent(int agentId);
    /// @brief Admin: sets a new password for an agent.
    Q_INVOKABLE void resetPassword(int agentId, const QString &password);
    /// @brief Admin: disables an agent (signed out at once, cannot sign in) or enables it again.
    Q_INVOKABLE void setDisabled(int agentId, bool disabled);

Q_SIGNALS:
    void clientChanged();
    void countChanged();
    /// An admin command finished; @p error is empty on success (a failure is also AgentClient::commandFailed).
    void commandFinished(const QString &command, const QString &error);

private:
    void replace(const QList<Frontdesk::TeamMember> &agents);
    /// What an admin command's handler does with its outcome (@p type names it in the messages).
    [[nodiscard]] AgentCommands::Finished adminCommandDone(const QString &type);

    QPointer<AgentClient> m_client;
    QList<TeamMember> m_agents;
};

} // namespace Frontdesk
