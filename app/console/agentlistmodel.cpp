#include "agentlistmodel.h"

#include "agentclient.h"

#include <QJsonArray>

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
    connect(client, &AgentClient::agentStatusReceived, this, [this](int agentId, const QString &name, const QString &status) {
        for (int i = 0; i < m_agents.size(); ++i) {
            if (m_agents[i].value(u"id"_s).toInt() == agentId) {
                m_agents[i].insert(u"status"_s, status);
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

void AgentListModel::replace(const QJsonArray &agents)
{
    beginResetModel();
    m_agents.clear();
    for (const QJsonValue &value : agents)
        m_agents.append(value.toObject());
    std::sort(m_agents.begin(), m_agents.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"name"_s).toString().localeAwareCompare(b.value(u"name"_s).toString()) < 0;
    });
    endResetModel();
}

void AgentListModel::refresh()
{
    if (!m_client || !m_client->isOnline())
        return;
    m_client->request(u"list_agents"_s, {}, this, [this](const CommandReply &answer) {
        if (answer.ok())
            replace(answer.frame.value(u"agents"_s).toArray());
    });
}

void AgentListModel::adminCommand(const QString &type, const QJsonObject &fields)
{
    if (!m_client)
        return;
    m_client->request(type, fields, this, [this, type](const CommandReply &answer) {
        // The console shows command errors in one place (the toast on AgentClient::commandFailed).
        if (!answer.ok() && m_client)
            Q_EMIT m_client->commandFailed(type, answer.errorMessage);
        Q_EMIT commandFinished(type, answer.ok() ? QString() : answer.errorMessage);
        if (answer.ok())
            refresh();
    });
}

void AgentListModel::addAgent(const QString &email, const QString &name, const QString &password, bool admin)
{
    adminCommand(u"create_agent"_s,
                 {{u"email"_s, email.trimmed()},
                  {u"name"_s, name.trimmed()},
                  {u"password"_s, password},
                  {u"role"_s, admin ? u"admin"_s : u"agent"_s}});
}

void AgentListModel::removeAgent(int agentId)
{
    adminCommand(u"delete_agent"_s, {{u"agentId"_s, agentId}});
}

void AgentListModel::resetPassword(int agentId, const QString &password)
{
    adminCommand(u"set_agent_password"_s, {{u"agentId"_s, agentId}, {u"password"_s, password}});
}

void AgentListModel::setDisabled(int agentId, bool disabled)
{
    adminCommand(u"set_agent_disabled"_s, {{u"agentId"_s, agentId}, {u"disabled"_s, disabled}});
}

int AgentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_agents.size());
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &agent = m_agents[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return agent.value(u"name"_s).toString();
    case AgentIdRole:
        return agent.value(u"id"_s).toInt();
    case EmailRole:
        return agent.value(u"email"_s).toString();
    case RoleRole:
        return agent.value(u"role"_s).toString();
    case StatusRole:
        return agent.value(u"status"_s).toString(u"offline"_s);
    case IsSelfRole:
        return m_client && agent.value(u"id"_s).toInt() == m_client->agentId();
    case DisabledRole:
        return agent.value(u"disabled"_s).toBool();
    }
    return {};
}

QHash<int, QByteArray> AgentListModel::roleNames() const
{
    return {{AgentIdRole, "agentId"}, {NameRole, "name"},     {EmailRole, "email"},      {RoleRole, "role"},
            {StatusRole, "status"},   {IsSelfRole, "isSelf"}, {DisabledRole, "disabled"}};
}

} // namespace Frontdesk
