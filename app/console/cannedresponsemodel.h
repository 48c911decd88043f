#pragma once

#include "agentcommands.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

namespace Frontdesk {

class AgentClient;

/**
 * @brief The team's canned responses (shortcut → text), shared on the server,
 * and the rule that expands `/shortcut` in the composer.
 */
class CannedResponseModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client that feeds the list (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief How many canned responses there are.
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        CannedIdRole = Qt::UserRole + 1, ///< number
        ShortcutRole, ///< without the slash, e.g. "hours"
        BodyRole, ///< the text it expands to
    };
    Q_ENUM(Role)

    explicit CannedResponseModel(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// @brief Asks the server for the list again.
    Q_INVOKABLE void refresh();
    /// @brief Creates (id 0) or changes a canned response.
    Q_INVOKABLE void save(int cannedId, const QString &shortcut, const QString &body);
    /// @brief Deletes a canned response.
    Q_INVOKABLE void remove(int cannedId);
    /// @brief Replaces every `/shortcut` word in @p text with its response; unknown shortcuts stay.
    Q_INVOKABLE QString expand(const QString &text) const;
    /// @brief Shortcuts that start with the `/word` being typed at the end of @p text (for suggestions).
    Q_INVOKABLE QVariantList suggestions(const QString &text) const;

Q_SIGNALS:
    void clientChanged();
    void countChanged();

private:
    void replace(const QList<CannedResponse> &canned);
    /// After a change: read the list again, or report why the change failed (@p type names the command).
    [[nodiscard]] AgentCommands::Finished refreshOrReport(const QString &type);

    QPointer<AgentClient> m_client;
    QList<CannedResponse> m_canned;
};

} // namespace Frontdesk
