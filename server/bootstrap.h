#pragma once

#include "core/records.h"

#include <QFuture>
#include <QString>
#include <functional>

namespace Frontdesk {

class Store;

/// @brief First-start set-up: a database with no site gets one, a database
/// with no agent gets an admin, and the person starting it is told how to log in.
class Bootstrap
{
public:
    struct Report {
        bool ok = true;
        QString error;
        QStringList lines; ///< what was created, for the log
        QList<SiteRecord> sites; ///< every site after set-up
    };

    /// Ensures a site and an admin exist and adds @p extraOrigins to the first
    /// site. @p done runs on @p context's thread.
    static void ensure(Store *store, const QString &siteName, const QString &adminEmail, const QString &adminName,
                       const QString &adminPassword, const QStringList &extraOrigins, QObject *context,
                       std::function<void(Report)> done);

    /// Creates an agent (for `--create-agent` and the console).
    static void createAgent(Store *store, const QString &email, const QString &name, const QString &password, AgentRole role,
                            QObject *context, std::function<void(bool ok, QString message)> done);
};

} // namespace Frontdesk
