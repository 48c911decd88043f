#include "acmecertificatemanager.h"

#include "acmelogging.h"
#include "certbotrun.h"
#include "renewalpolicy.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// QTimer counts in int milliseconds (24 days at most); a renewal months away
// is reached in steps, each one checking again.
constexpr qint64 longestWaitSeconds = 24 * 3600;

} // namespace

AcmeCertificateManager::AcmeCertificateManager(const AcmeSettings &settings, QObject *parent)
    : QObject(parent), m_settings(settings), m_timer(this) // a child, so it follows the manager to the network thread
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AcmeCertificateManager::checkDue);
}

AcmeCertificateManager::~AcmeCertificateManager()
{
    stop();
}

void AcmeCertificateManager::start()
{
    // The account key and every certificate key live here: the owner only.
    if (!QDir().mkpath(m_settings.folder)
        || !QFile::setPermissions(m_settings.folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        qCCritical(lcAcme).noquote() << u"Could not create the ACME folder %1 (mode 0700); trying again later."_s.arg(
            m_settings.folder);
    }
    QString why;
    m_current = readFiles(&why);
    if (m_current) {
        protectKey();
        qCInfo(lcAcme).noquote() << u"Serving the certificate for %1 from %2, valid until %3."_s.arg(
            m_settings.domain, CertbotRun::paths(m_settings).fullChain,
            m_current->chain.first().expiryDate().toString(Qt::ISODate));
        Q_EMIT certificateChanged(*m_current);
    } else {
        qCInfo(lcAcme).noquote() << u"No valid certificate for %1 yet (%2); HTTPS starts once %3 issues one."_s.arg(
            m_settings.domain, why, m_settings.directoryUrl.host());
    }
    checkDue();
}

void AcmeCertificateManager::stop()
{
    m_timer.stop();
    delete m_run; // stops certbot, which cleans up after itself
    m_run = nullptr;
}

std::optional<TlsCredentials> AcmeCertificateManager::readFiles(QString *why) const
{
    const CertbotRun::Paths where = CertbotRun::paths(m_settings);
    if (!QFileInfo::exists(where.fullChain)) {
        *why = u"there is no %1"_s.arg(where.fullChain);
        return std::nullopt;
    }
    std::optional<TlsCredentials> credentials = TlsCredentials::load(where.fullChain, where.privateKey, why);
    if (!credentials)
        return std::nullopt;
    const QSslCertificate &leaf = credentials->chain.first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (leaf.expiryDate() <= now || leaf.effectiveDate() > now) {
        *why = u"the one in %1 is valid from %2 to %3 only"_s.arg(where.fullChain, leaf.effectiveDate().toString(Qt::ISODate),
                                                                  leaf.expiryDate().toString(Qt::ISODate));
        return std::nullopt;
    }
    const QStringList names = leaf.subjectAlternativeNames().values(QSsl::DnsEntry);
    if (!names.contains(m_settings.domain)) {
        *why = u"the one in %1 is for %2"_s.arg(where.fullChain, names.join(u", "_s));
        return std::nullopt;
    }
    return credentials;
}

void AcmeCertificateManager::checkDue()
{
    if (m_run)
        return;
    if (!m_current) {
        runClient();
        return;
    }
    const QSslCertificate &leaf = m_current->chain.first();
    const QDateTime due = RenewalPolicy::renewAt(leaf.effectiveDate(), leaf.expiryDate());
    if (due <= QDateTime::currentDateTimeUtc()) {
        qCInfo(lcAcme).noquote() << u"The certificate for %1 expires on %2: renewing it."_s.arg(
            m_settings.domain, leaf.expiryDate().toString(Qt::ISODate));
        runClient();
        return;
    }
    scheduleAt(due);
}

void AcmeCertificateManager::scheduleAt(const QDateTime &when)
{
    m_nextAttempt = when;
    const qint64 seconds = std::clamp<qint64>(QDateTime::currentDateTimeUtc().secsTo(when), 0, longestWaitSeconds);
    m_timer.start(int(seconds * 1000));
}

void AcmeCertificateManager::runClient()
{
    m_nextAttempt = {};
    m_run = new CertbotRun(m_settings, this);
    connect(m_run, &CertbotRun::finished, this, &AcmeCertificateManager::clientFinished);
    m_run->start();
}

void AcmeCertificateManager::clientFinished(bool ok, const QString &message)
{
    m_run->deleteLater();
    m_run = nullptr;
    QString why = message;
    std::optional<TlsCredentials> issued;
    if (ok) {
        issued = readFiles(&why);
        // certbot reported success but left nothing new: as good as a failure.
        if (issued && m_current && issued->chain.first() == m_current->chain.first()) {
            issued.reset();
            why = u"certbot succeeded but the certificate on disk is the old one"_s;
        }
    }
    if (issued) {
        m_failures = 0;
        m_current = issued;
        protectKey();
        const QSslCertificate &leaf = m_current->chain.first();
        qCInfo(lcAcme).noquote() << u"New certificate for %1 (serial %2), valid until %3, key in %4; new connections get it."_s
                                        .arg(m_settings.domain, QString::fromLatin1(leaf.serialNumber()),
                                             leaf.expiryDate().toString(Qt::ISODate),
                                             QFileInfo(CertbotRun::paths(m_settings).privateKey).canonicalFilePath());
        Q_EMIT certificateChanged(*m_current);
        checkDue();
        return;
    }
    ++m_failures;
    const qint64 delay = RenewalPolicy::retryDelaySeconds(m_failures);
    const QString serving = m_current
        ? u"still serving the current one, valid until %1"_s.arg(m_current->chain.first().expiryDate().toString(Qt::ISODate))
        : u"HTTPS is not serving yet"_s;
    qCWarning(lcAcme).noquote() << u"Could not get a certificate for %1 from %2 (attempt %3): %4. %5; trying again in %6 s."_s
                                       .arg(m_settings.domain, m_settings.directoryUrl.toString(), QString::number(m_failures),
                                            why, serving, QString::number(delay));
    scheduleAt(QDateTime::currentDateTimeUtc().addSecs(delay));
}

void AcmeCertificateManager::protectKey() const
{
    const QString key = QFileInfo(CertbotRun::paths(m_settings).privateKey).canonicalFilePath();
    const QFile::Permissions ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    if (key.isEmpty() || (QFile::permissions(key) & ~(ownerOnly | QFile::ReadUser | QFile::WriteUser)) == 0)
        return;
    if (QFile::setPermissions(key, ownerOnly))
        qCWarning(lcAcme).noquote() << u"The private key %1 was readable by others; made it 0600."_s.arg(key);
    else
        qCCritical(lcAcme).noquote() << u"The private key %1 is readable by others and could not be made 0600."_s.arg(key);
}

} // namespace Frontdesk
