#include "cannedresponsemodel.h"

#include "agentclient.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

CannedResponseModel::CannedResponseModel(QObject *parent) : QAbstractListModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &CannedResponseModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &CannedResponseModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &CannedResponseModel::countChanged);
}

void CannedResponseModel::setClient(AgentClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    Q_EMIT clientChanged();
    if (!client)
        return;
    connect(client, &AgentClient::snapshotReceived, this, &CannedResponseModel::refresh);
    connect(client, &AgentClient::cannedChanged, this, &CannedResponseModel::refresh);
    refresh();
}

void CannedResponseModel::replace(const QJsonArray &canned)
{
    beginResetModel();
    m_canned.clear();
    for (const QJsonValue &value : canned)
        m_canned.append(value.toObject());
    std::sort(m_canned.begin(), m_canned.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"shortcut"_s).toString() < b.value(u"shortcut"_s).toString();
    });
    endResetModel();
}

void CannedResponseModel::refresh()
{
    if (!m_client || !m_client->isOnline())
        return;
    m_client->request(u"list_canned"_s, {}, this, [this](const CommandReply &answer) {
        if (answer.ok())
            replace(answer.frame.value(u"canned"_s).toArray());
    });
}

void CannedResponseModel::save(int cannedId, const QString &shortcut, const QString &body)
{
    if (!m_client)
        return;
    QString key = shortcut.trimmed();
    if (key.startsWith(u'/'))
        key.remove(0, 1);
    QJsonObject fields{{u"shortcut"_s, key}, {u"body"_s, body}};
    if (cannedId > 0)
        fields.insert(u"id"_s, cannedId);
    m_client->request(u"save_canned"_s, fields, this, [this](const CommandReply &answer) {
        if (answer.ok())
            refresh();
        else if (m_client)
            Q_EMIT m_client->commandFailed(u"save_canned"_s, answer.errorMessage);
    });
}

void CannedResponseModel::remove(int cannedId)
{
    if (!m_client)
        return;
    m_client->request(u"delete_canned"_s, {{u"id"_s, cannedId}}, this, [this](const CommandReply &answer) {
        if (answer.ok())
            refresh();
        else if (m_client)
            Q_EMIT m_client->commandFailed(u"delete_canned"_s, answer.errorMessage);
    });
}

QString CannedResponseModel::expand(const QString &text) const
{
    static const QRegularExpression word(u"(^|\\s)/([\\w-]+)"_s);
    QString result;
    qsizetype last = 0;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString key = match.captured(2);
        const auto found = std::find_if(m_canned.cbegin(), m_canned.cend(), [&](const QJsonObject &canned) {
            return canned.value(u"shortcut"_s).toString().compare(key, Qt::CaseInsensitive) == 0;
        });
        if (found == m_canned.cend())
            continue;
        result += QStringView(text).mid(last, match.capturedStart(2) - 1 - last);
        result += found->value(u"body"_s).toString();
        last = match.capturedEnd(2);
    }
    result += QStringView(text).mid(last);
    return result;
}

QVariantList CannedResponseModel::suggestions(const QString &text) const
{
    static const QRegularExpression tail(u"(?:^|\\s)/([\\w-]*)$"_s);
    const QRegularExpressionMatch match = tail.match(text);
    QVariantList result;
    if (!match.hasMatch())
        return result;
    const QString prefix = match.captured(1);
    for (const QJsonObject &canned : m_canned) {
        const QString shortcut = canned.value(u"shortcut"_s).toString();
        if (shortcut.startsWith(prefix, Qt::CaseInsensitive))
            result.append(QVariantMap{{u"shortcut"_s, shortcut}, {u"body"_s, canned.value(u"body"_s).toString()}});
    }
    return result;
}

int CannedResponseModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_canned.size());
}

QVariant CannedResponseModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &canned = m_canned[index.row()];
    switch (role) {
    case CannedIdRole:
        return canned.value(u"id"_s).toInt();
    case Qt::DisplayRole:
    case ShortcutRole:
        return canned.value(u"shortcut"_s).toString();
    case BodyRole:
        return canned.value(u"body"_s).toString();
    }
    return {};
}

QHash<int, QByteArray> CannedResponseModel::roleNames() const
{
    return {{CannedIdRole, "cannedId"}, {ShortcutRole, "shortcut"}, {BodyRole, "body"}};
}

} // namespace Frontdesk
