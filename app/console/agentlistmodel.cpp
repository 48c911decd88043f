#include "agentlistmodel.h"

#include "agentclient.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

AgentListModel::AgentListModel(QObject *parent) : QAbstractListModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &AgentListModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &AgentListModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &AgentListModel::countChanged);
}

void AgentListModel::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    Q_EMIT clientChanged();
    if (!client)
        return;
    connect(client, &AgentClient::agentsReceived, this, &AgentListModel::replace);
    connect(client, &AgentClient::teamChanged, this, &AgentListModel::refresh);
    connect(client, &AgentClient::agentStatusReceived, this, [this](int agentId, const QString &name, AgentStatus status) {
        for (int i = 0; i < m_agents.size(); ++i) {
            if (m_agents[i].agent.id == agentId) {
                m_agents[i].status = status;
                Q_EMIT dataChanged(index(i), index(i), {StatusRole});
                return;
            }
        }
        // An agent created since the list was read.
        Q_UNUSED(name);
        refresh();
    });
    refresh();
}

void AgentListModel::replace(const QList<TeamMember> &agents)
{
    beginResetModel();
    m_agents = agents;
    std::sort(m_agents.begin(), m_agents.end(),
              [](const TeamMember &a, const TeamMember &b) { return a.agent.name.localeAwareCompare(b.agent.name) < 0; });
    endResetModel();
}

void AgentListModel::refresh()
{
    if (!m_client || !m_client->isOnline())
        return;
    m_client->commands()->listAgents(this, [this](const CommandResult<QList<TeamMember>> &answer) {
        if (answer.ok())
            replace(answer.value);
    });
}

AgentCommands::Finished AgentListModel::adminCommandDone(const QString &type)
{
    return [this, type](const CommandOutcome &answer) {
        // The console shows command errors in one place (the toast on AgentClient::commandFailed).
        if (!answer.ok() && m_client)
            Q_EMIT m_client->commandFailed(type, answer.errorMessage);
        Q_EMIT commandFinished(type, answer.ok() ? QString() : answer.errorMessage);
        if (answer.ok())
            refresh();
    };
}

void AgentListModel::addAgent(const QString &email, const QString &name, const QString &password, bool admin)
{
    if (m_client)
        m_client->commands()->createAgent(email.trimmed(), name.trimmed(), password, admin ? AgentRole::Admin : AgentRole::Agent,
                                          this, adminCommandDone(u"create_agent"_s));
}

void AgentListModel::removeAgent(int agentId)
{
    if (m_client)
        m_client->commands()->deleteAgent(agentId, this, adminCommandDone(u"delete_agent"_s));
}

void AgentListModel::resetPassword(int agentId, const QString &password)
{
    if (m_client)
        m_client->commands()->setAgentPassword(agentId, password, this, adminCommandDone(u"set_agent_password"_s));
}

void AgentListModel::setDisabled(int agentId, bool disabled)
{
    if (m_client)
        m_client->commands()->setAgentDisabled(agentId, disabled, this, adminCommandDone(u"set_agent_disabled"_s));
}

int AgentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_agents.size());
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TeamMember &member = m_agents[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return member.agent.name;
    case AgentIdRole:
        return int(member.agent.id);
    case EmailRole:
        return member.agent.email;
    case RoleRole:
        return toString(member.agent.role);
    case StatusRole:
        return toString(member.status);
    case IsSelfRole:
        return m_client && member.agent.id == m_client->agentId();
    case DisabledRole:
        return member.agent.disabled;
    }
    return {};
}

QHash<int, QByteArray> AgentListModel::roleNames() const
{
    return {{AgentIdRole, "agentId"}, {NameRole, "name"},     {EmailRole, "email"},      {RoleRole, "role"},
            {StatusRole, "status"},   {IsSelfRole, "isSelf"}, {DisabledRole, "disabled"}};
}

} // namespace Frontdesk
