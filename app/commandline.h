#pragma once

#include "configfile.h"
#include "core/records.h"
#include "serverconfig.h"

#include <QString>

class QCoreApplication;

namespace Frontdesk {

/// @brief What `frontdesk` was asked to do, parsed from its arguments.
struct CommandLine {
    enum class Mode {
        Gui, ///< the console, hosting the server in-process
        Headless, ///< the server alone, logging to stderr
        CreateAgent, ///< add an agent to the database and exit
        StorePassword, ///< save the database password in the secret store and exit
        StoreSmtpPassword, ///< save the SMTP password (--smtp-url, --smtp-user) in the secret store and exit
        SiteInfo, ///< print every site's key, origins and identity secret and exit
        CheckConfig, ///< report the configuration file's problems and exit
    };

    Mode mode = Mode::Gui;
    bool startMinimized = false; ///< the console starts hidden in the tray (--minimized, the autostart entry)
    ServerConfig server;
    QString agentEmail;
    QString agentName;
    AgentRole agentRole = AgentRole::Agent;
    QString configPath; ///< the configuration file read; empty: none
    QList<ConfigProblem> configProblems;

    /// Parses the application's arguments. Returns false with a sentence in
    /// @p error on bad input; --help and --version print and exit themselves.
    [[nodiscard]] static bool parse(const QCoreApplication &app, CommandLine *result, QString *error);
    /// The problems as lines "FILE:LINE: sentence".
    [[nodiscard]] static QString describeProblems(const QString &path, const QList<ConfigProblem> &problems);
    /// Picks the mode from the arguments alone: whether a GUI application is needed.
    [[nodiscard]] static bool wantsGui(int argc, char **argv);
};

} // namespace Frontdesk
