#pragma once

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantMap>

namespace Frontdesk {

class AgentClient;

/**
 * @brief The current site's settings as the settings page edits them: its
 * name, the websites allowed to show the widget, and the widget's texts,
 * colour, position, pre-chat questions and reply sound.
 *
 * Each property starts as the server has it and follows `site_updated`
 * until the agent edits it; an edit stays a draft (the live preview shows it)
 * until saveName(), saveWidget(), saveAllowedOrigins() or saveMail() sends it with
 * `update_site`. Only an admin may save (`editable`). Widget keys this
 * console does not know are sent back as the server gave them. When the
 * console switches to another site (AgentClient::currentSiteId), every
 * field is that site's and the drafts are dropped: the settings page lets
 * nobody switch while `dirty`.
 */
class SiteSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /// @brief The agent client that reads and saves the site (required).
    Q_PROPERTY(Frontdesk::AgentClient *client READ client WRITE setClient NOTIFY clientChanged REQUIRED)
    /// @brief Whether the signed-in agent may save (admins only).
    Q_PROPERTY(bool editable READ isEditable NOTIFY editableChanged)
    /// @brief The site's id (0 while none is known).
    Q_PROPERTY(int siteId READ siteId NOTIFY changed)
    /// @brief The site's public key (what the snippet carries, and what deleting it asks for).
    Q_PROPERTY(QString siteKey READ siteKey NOTIFY changed)
    /// @brief The site's name (the console's header shows the server's; an edit is a draft until saveName()).
    Q_PROPERTY(QString name READ name WRITE setName NOTIFY changed)
    /// @brief Whether any field has an edit not saved yet.
    Q_PROPERTY(bool dirty READ isDirty NOTIFY changed)
    /// @brief The origins (scheme://host[:port]) whose pages may show the widget.
    Q_PROPERTY(QStringList allowedOrigins READ allowedOrigins WRITE setAllowedOrigins NOTIFY changed)
    /// @brief The widget's title ("" for the widget's default).
    Q_PROPERTY(QString widgetTitle READ widgetTitle WRITE setWidgetTitle NOTIFY changed)
    /// @brief The greeting a visitor sees when opening the chat.
    Q_PROPERTY(QString welcome READ welcome WRITE setWelcome NOTIFY changed)
    /// @brief The widget's accent colour as "#rrggbb" (default "#2563eb").
    Q_PROPERTY(QString color READ color WRITE setColor NOTIFY changed)
    /// @brief Where the chat button sits: "right" or "left" (bottom corner).
    Q_PROPERTY(QString position READ position WRITE setPosition NOTIFY changed)
    /// @brief What the widget says while no agent is online.
    Q_PROPERTY(QString offlineText READ offlineText WRITE setOfflineText NOTIFY changed)
    /// @brief Whether the widget asks for the visitor's name before the chat starts.
    Q_PROPERTY(bool askName READ askName WRITE setAskName NOTIFY changed)
    /// @brief Whether the widget asks for the visitor's email before the chat starts.
    Q_PROPERTY(bool askEmail READ askEmail WRITE setAskEmail NOTIFY changed)
    /// @brief Whether the email must be given (only while askEmail).
    Q_PROPERTY(bool emailRequired READ emailRequired WRITE setEmailRequired NOTIFY changed)
    /// @brief Whether the widget chimes when an agent replies while the visitor's tab is hidden (on unless the site says false).
    Q_PROPERTY(bool replySound READ replySound WRITE setReplySound NOTIFY changed)
    /// @brief The pre-chat questions as the widget takes them: maps with name and required.
    Q_PROPERTY(QVariantList preChatFields READ preChatFields NOTIFY changed)
    /// @brief Where offline-form messages and unanswered chats are emailed ("" for none); never shown to visitors.
    Q_PROPERTY(QString mailTeamAddress READ mailTeamAddress WRITE setMailTeamAddress NOTIFY changed)
    /// @brief Email the team a chat nobody accepted within this many minutes (0: off).
    Q_PROPERTY(int mailUnansweredMinutes READ mailUnansweredMinutes WRITE setMailUnansweredMinutes NOTIFY changed)
    /// @brief Email an agent's reply to a visitor who left and gave an email.
    Q_PROPERTY(
        bool mailRepliesToAbsentVisitors READ mailRepliesToAbsentVisitors WRITE setMailRepliesToAbsentVisitors NOTIFY changed)

public:
    explicit SiteSettings(QObject *parent = nullptr);

    [[nodiscard]] AgentClient *client() const { return m_client; }
    void setClient(AgentClient *client);
    [[nodiscard]] bool isEditable() const;

    [[nodiscard]] int siteId() const { return m_siteId; }
    [[nodiscard]] QString siteKey() const { return m_siteKey; }
    [[nodiscard]] QString name() const { return m_name; }
    void setName(const QString &name);
    [[nodiscard]] bool isDirty() const { return m_nameEdited || m_widgetEdited || m_originsEdited || m_mailEdited; }
    [[nodiscard]] QStringList allowedOrigins() const { return m_allowedOrigins; }
    void setAllowedOrigins(const QStringList &origins);
    [[nodiscard]] QString widgetTitle() const { return m_title; }
    void setWidgetTitle(const QString &title);
    [[nodiscard]] QString welcome() const { return m_welcome; }
    void setWelcome(const QString &welcome);
    [[nodiscard]] QString color() const { return m_color; }
    void setColor(const QString &color);
    [[nodiscard]] QString position() const { return m_position; }
    void setPosition(const QString &position);
    [[nodiscard]] QString offlineText() const { return m_offlineText; }
    void setOfflineText(const QString &offlineText);
    [[nodiscard]] bool askName() const { return m_askName; }
    void setAskName(bool ask);
    [[nodiscard]] bool askEmail() const { return m_askEmail; }
    void setAskEmail(bool ask);
    [[nodiscard]] bool emailRequired() const { return m_emailRequired; }
    void setEmailRequired(bool required);
    [[nodiscard]] bool replySound() const { return m_replySound; }
    void setReplySound(bool on);
    [[nodiscard]] QVariantList preChatFields() const;
    [[nodiscard]] QString mailTeamAddress() const { return m_mailTeamAddress; }
    void setMailTeamAddress(const QString &address);
    [[nodiscard]] int mailUnansweredMinutes() const { return m_mailUnansweredMinutes; }
    void setMailUnansweredMinutes(int minutes);
    [[nodiscard]] bool mailRepliesToAbsentVisitors() const { return m_mailReplies; }
    void setMailRepliesToAbsentVisitors(bool on);

    /// @brief Renames the site as edited (admin).
    Q_INVOKABLE void saveName();
    /// @brief Sends the widget's fields as edited (admin).
    Q_INVOKABLE void saveWidget();
    /// @brief Sends the allowed origins as edited (admin).
    Q_INVOKABLE void saveAllowedOrigins();
    /// @brief Sends the mail settings (team address, unanswered minutes, replies) as edited (admin).
    Q_INVOKABLE void saveMail();
    /// @brief Drops every draft: the properties show the server's values again.
    Q_INVOKABLE void revert();

    /// The widget settings `update_site` gets for the fields as they are now.
    [[nodiscard]] QVariantMap widgetSettings() const;

Q_SIGNALS:
    void clientChanged();
    void editableChanged();
    void changed();

private:
    /// Reads the site from the client; @p all: drafts too (else only what was not edited).
    void load(bool all);
    template<typename T> void edit(T &member, const T &value, bool &edited);

    QPointer<AgentClient> m_client;
    QVariantMap m_widget; ///< the server's widget settings, unknown keys included
    int m_siteId = 0;
    QString m_siteKey;
    QString m_name;
    QStringList m_allowedOrigins;
    QString m_title;
    QString m_welcome;
    QString m_color;
    QString m_position;
    QString m_offlineText;
    bool m_askName = false;
    bool m_askEmail = false;
    bool m_emailRequired = false;
    bool m_replySound = true;
    bool m_nameEdited = false;
    bool m_widgetEdited = false;
    bool m_originsEdited = false;
    QString m_mailTeamAddress;
    int m_mailUnansweredMinutes = 0;
    bool m_mailReplies = true;
    bool m_mailEdited = false;
};

} // namespace Frontdesk
