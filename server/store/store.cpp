#include "store.h"

#include "databaseworker.h"
#include "migrations.h"
#include "storejob.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

Store::Store(QObject *parent)
    : QObject(parent)
    , m_sites(m_writer)
    , m_agents(m_writer)
    , m_visitors(m_writer)
    , m_conversations(m_writer)
    , m_cannedResponses(m_writer)
    , m_visitorData(m_writer)
    , m_auditLog(m_writer)
    , m_mailOutbox(m_writer)
    , m_webhooks(m_writer)
{ }

Store::~Store()
{
    close();
}

QFuture<StoreResult<int>> Store::open(const DatabaseConfig &config)
{
    if (m_worker)
        return StoreJob<int>::failed(u"the store was already opened; a Store opens one database once"_s);
    m_worker = new DatabaseWorker(config, this);
    m_writer.attach(m_worker);
    connect(m_worker, &DatabaseWorker::databaseError, this, &Store::databaseError);
    m_worker->start();
    return m_worker->openFuture();
}

void Store::close()
{
    if (m_worker)
        m_worker->stop();
}

int Store::latestSchemaVersion()
{
    return Migrations::latestVersion();
}

qint64 Store::commitCount() const
{
    return m_worker ? m_worker->commitCount() : 0;
}

CommitLatency::Snapshot Store::commitLatency() const
{
    return m_worker ? m_worker->commitLatency() : CommitLatency::Snapshot{};
}

bool Store::isDatabaseAvailable() const
{
    return m_worker && m_worker->isDatabaseAvailable();
}

} // namespace Frontdesk
