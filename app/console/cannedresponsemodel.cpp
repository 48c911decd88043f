#include "cannedresponsemodel.h"

#include "agentclient.h"

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

void CannedResponseModel::replace(const QList<CannedResponse> &canned)
{
    beginResetModel();
    m_canned = canned;
    std::sort(m_canned.begin(), m_canned.end(),
              [](const CannedResponse &a, const CannedResponse &b) { return a.shortcut < b.shortcut; });
    endResetModel();
}

void CannedResponseModel::refresh()
{
    if (!m_client || !m_client->isOnline())
        return;
    m_client->commands()->listCanned(this, [this](const CommandResult<QList<CannedResponse>> &answer) {
        if (answer.ok())
            replace(answer.value);
    });
}

AgentCommands::Finished CannedResponseModel::refreshOrReport(const QString &type)
{
    return [this, type](const CommandOutcome &answer) {
        if (answer.ok())
            refresh();
        else if (m_client)
            Q_EMIT m_client->commandFailed(type, answer.errorMessage);
    };
}

void CannedResponseModel::save(int cannedId, const QString &shortcut, const QString &body)
{
    if (!m_client)
        return;
    CannedResponse response;
    response.id = cannedId > 0 ? cannedId : 0;
    response.shortcut = shortcut.trimmed();
    if (response.shortcut.startsWith(u'/'))
        response.shortcut.remove(0, 1);
    response.body = body;
    m_client->commands()->saveCanned(response, this, refreshOrReport(u"save_canned"_s));
}

void CannedResponseModel::remove(int cannedId)
{
    if (m_client)
        m_client->commands()->deleteCanned(cannedId, this, refreshOrReport(u"delete_canned"_s));
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
        const auto found = std::find_if(m_canned.cbegin(), m_canned.cend(), [&](const CannedResponse &canned) {
            return canned.shortcut.compare(key, Qt::CaseInsensitive) == 0;
        });
        if (found == m_canned.cend())
            continue;
        result += QStringView(text).mid(last, match.capturedStart(2) - 1 - last);
        result += found->body;
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
    for (const CannedResponse &canned : m_canned) {
        if (canned.shortcut.startsWith(prefix, Qt::CaseInsensitive))
            result.append(QVariantMap{{u"shortcut"_s, canned.shortcut}, {u"body"_s, canned.body}});
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
    const CannedResponse &canned = m_canned[index.row()];
    switch (role) {
    case CannedIdRole:
        return int(canned.id);
    case Qt::DisplayRole:
    case ShortcutRole:
        return canned.shortcut;
    case BodyRole:
        return canned.body;
    }
    return {};
}

QHash<int, QByteArray> CannedResponseModel::roleNames() const
{
    return {{CannedIdRole, "cannedId"}, {ShortcutRole, "shortcut"}, {BodyRole, "body"}};
}

} // namespace Frontdesk
