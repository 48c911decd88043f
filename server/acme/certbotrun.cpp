#include "certbotrun.h"

#include "acmelogging.h"

#include <QDir>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// A run that takes longer has hung (a CA that accepts connections and never
// answers); certbot's own HTTP timeouts are 45 s per request.
constexpr int runDeadlineMs = 5 * 60 * 1000;

// certbot's last lines say what the CA answered ("Detail: ..."); the log
// folder keeps the rest.
QString lastLines(const QByteArray &output, int count)
{
    QStringList lines = QString::fromUtf8(output).split(u'\n', Qt::SkipEmptyParts);
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](const QString &line) { return line.trimmed().isEmpty(); }),
                lines.end());
    if (lines.size() > count)
        lines = lines.mid(lines.size() - count);
    for (QString &line : lines)
        line = line.trimmed();
    return lines.join(u" / "_s);
}

} // namespace

QString CertbotRun::Paths::challengeFolder() const
{
    return webroot + u"/.well-known/acme-challenge"_s;
}

CertbotRun::Paths CertbotRun::paths(const AcmeSettings &settings)
{
    Paths paths;
    paths.configFolder = settings.folder + u"/certbot"_s;
    paths.webroot = settings.folder + u"/webroot"_s;
    const QString live = paths.configFolder + u"/live/"_s + settings.domain;
    paths.fullChain = live + u"/fullchain.pem"_s;
    paths.privateKey = live + u"/privkey.pem"_s;
    return paths;
}

QStringList CertbotRun::arguments(const AcmeSettings &settings)
{
    const Paths where = paths(settings);
    QStringList arguments{u"certonly"_s, u"--non-interactive"_s, u"--agree-tos"_s, u"--server"_s,
                          settings.directoryUrl.toString(), u"--config-dir"_s, where.configFolder, u"--work-dir"_s,
                          settings.folder + u"/certbot-work"_s, u"--logs-dir"_s, settings.folder + u"/certbot-logs"_s,
                          u"--webroot"_s, u"--webroot-path"_s, where.webroot, u"--preferred-challenges"_s, u"http"_s,
                          // One lineage under one fixed name, so live/DOMAIN/ never becomes DOMAIN-0001/.
                          u"--cert-name"_s, settings.domain, u"--domain"_s, settings.domain, u"--key-type"_s, u"ecdsa"_s,
                          u"--force-renewal"_s};
    if (settings.email.isEmpty())
        arguments << u"--register-unsafely-without-email"_s;
    else
        arguments << u"--email"_s << settings.email << u"--no-eff-email"_s;
    return arguments;
}

CertbotRun::CertbotRun(const AcmeSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_process(this), m_deadline(this)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(runDeadlineMs);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_process.kill();
        finish(false, u"certbot did not finish within %1 minutes; stopped it."_s.arg(runDeadlineMs / 60'000));
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(false,
                   u"Could not run %1 (%2); install certbot (apt install certbot)."_s.arg(m_settings.certbot,
                                                                                          m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        const QString output = lastLines(m_process.readAll(), 6);
        if (status != QProcess::NormalExit)
            finish(false, u"certbot crashed: %1"_s.arg(output));
        else if (exitCode != 0)
            finish(false, u"certbot exited with code %1: %2"_s.arg(QString::number(exitCode), output));
        else
            finish(true, {});
    });
}

CertbotRun::~CertbotRun()
{
    if (m_process.state() != QProcess::NotRunning) {
        // SIGTERM: certbot removes its challenge files and locks on the way out.
        m_process.terminate();
        if (!m_process.waitForFinished(5'000))
            m_process.kill();
        m_process.waitForFinished(1'000);
    }
}

void CertbotRun::start()
{
    const Paths where = paths(m_settings);
    if (!QDir().mkpath(where.challengeFolder())) {
        finish(false, u"Could not create the challenge folder %1."_s.arg(where.challengeFolder()));
        return;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // certbot talks to the CA through Python requests, which trusts this bundle instead of the system's.
    if (!m_settings.caBundlePath.isEmpty())
        environment.insert(u"REQUESTS_CA_BUNDLE"_s, m_settings.caBundlePath);
    m_process.setProcessEnvironment(environment);
    m_deadline.start();
    qCInfo(lcAcme).noquote() << u"Asking %1 for a certificate for %2 (certbot)."_s.arg(m_settings.directoryUrl.toString(),
                                                                                       m_settings.domain);
    m_process.start(m_settings.certbot, arguments(m_settings));
}

void CertbotRun::finish(bool ok, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    Q_EMIT finished(ok, message);
}

} // namespace Frontdesk
