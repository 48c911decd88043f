#include "bootstrap.h"

#include "auth/originpolicy.h"
#include "auth/tokens.h"
#include "chat/agentaccounts.h"
#include "core/continuewith.h"
#include "protocol/sitesettings.h"
#include "store/store.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

void ensureAdmin(Store *store, const QString &adminEmail, const QString &adminName, const QString &adminPassword,
                 QObject *context, Bootstrap::Report report, const std::function<void(Bootstrap::Report)> &done)
{
    continueWith(store->agents().listAgents(), context, [=](const StoreResult<QList<AgentRecord>> &listed) mutable {
        if (!listed.ok()) {
            done(Bootstrap::Report{false, u"Could not read the agents: %1"_s.arg(listed.message), {}, {}});
            return;
        }
        if (!listed.value.isEmpty()) {
            done(report);
            return;
        }
        const QString password = adminPassword.isEmpty() ? Tokens::generate(12) : adminPassword;
        Bootstrap::createAgent(
            store, adminEmail, adminName.trimmed().isEmpty() ? u"Admin"_s : adminName.trimmed(), password, AgentRole::Admin,
            context, [=](bool ok, const QString &message) mutable {
                if (!ok) {
                    done(Bootstrap::Report{false, message, {}, {}});
                    return;
                }
                report.lines.append(
                    adminPassword.isEmpty()
                        ? u"Created the admin agent: log in as %1 with password %2 (shown once; change it in Settings)."_s.arg(
                            adminEmail, password)
                        : u"Created the admin agent %1 with the password you gave."_s.arg(adminEmail));
                done(report);
            });
    });
}

} // namespace

void Bootstrap::ensure(Store *store, const QString &siteName, const QString &adminEmail, const QString &adminName,
                       const QString &adminPassword, const QStringList &extraOrigins, QObject *context,
                       std::function<void(Report)> done)
{
    for (const QString &origin : extraOrigins) {
        const QString problem = OriginPolicy::validateEntry(origin);
        if (!problem.isEmpty()) {
            done(Report{false, u"--allow-origin %1: %2"_s.arg(origin, problem), {}, {}});
            return;
        }
    }

    continueWith(store->sites().listSites(), context, [=](const StoreResult<QList<SiteRecord>> &listed) {
        if (!listed.ok()) {
            done(Report{false, u"Could not read the sites: %1"_s.arg(listed.message), {}, {}});
            return;
        }
        // With sites already there, only new origins may need adding to the first one.
        auto withSite = [=](SiteRecord site, Report report) {
            QStringList origins = site.allowedOrigins;
            for (const QString &origin : extraOrigins) {
                const QString normalized = OriginPolicy::normalize(origin).value_or(origin);
                if (!origins.contains(normalized))
                    origins.append(normalized);
            }
            if (origins == site.allowedOrigins) {
                report.sites = listed.value.isEmpty() ? QList<SiteRecord>{site} : listed.value;
                ensureAdmin(store, adminEmail, adminName, adminPassword, context, report, done);
                return;
            }
            site.allowedOrigins = origins;
            continueWith(store->sites().updateSite(site), context, [=](const StoreResult<SiteRecord> &saved) mutable {
                if (!saved.ok()) {
                    done(Report{false, u"Could not save the allowed origins: %1"_s.arg(saved.message), {}, {}});
                    return;
                }
                report.lines.append(u"Site \"%1\" now accepts the origins: %2"_s.arg(saved.value.name, origins.join(u", "_s)));
                report.sites = listed.value;
                for (SiteRecord &known : report.sites) {
                    if (known.id == saved.value.id)
                        known = saved.value;
                }
                if (report.sites.isEmpty())
                    report.sites.append(saved.value);
                ensureAdmin(store, adminEmail, adminName, adminPassword, context, report, done);
            });
        };

        if (!listed.value.isEmpty()) {
            withSite(listed.value.first(), Report{});
            return;
        }
        SiteRecord site;
        site.siteKey = Tokens::newSiteKey();
        site.name = siteName;
        site.widgetSettings = SiteSettings::defaultWidget();
        site.identitySecret = Tokens::newIdentitySecret();
        site.createdAt = QDateTime::currentMSecsSinceEpoch();
        continueWith(store->sites().createSite(site), context, [=](const StoreResult<SiteRecord> &stored) {
            if (!stored.ok()) {
                done(Report{false, u"Could not create the site: %1"_s.arg(stored.message), {}, {}});
                return;
            }
            Report report;
            report.lines.append(u"Created the site \"%1\" with site key %2."_s.arg(stored.value.name, stored.value.siteKey));
            if (extraOrigins.isEmpty())
                report.lines.append(u"No website may embed it yet: start with --allow-origin https://your-site.example "
                                    "or add the origin in the console's settings."_s);
            withSite(stored.value, report);
        });
    });
}

void Bootstrap::createAgent(Store *store, const QString &email, const QString &name, const QString &password, AgentRole role,
                            QObject *context, std::function<void(bool, QString)> done)
{
    AgentAccounts::create(&store->agents(), email, name, password, role, context,
                          [done](const AccountOutcome &outcome) { done(outcome.ok, outcome.message); });
}

} // namespace Frontdesk
