// The CannedResponseStore's jobs about canned responses.
#include "cannedresponsestore.h"

#include "storerows.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

using namespace StoreRows;

QFuture<StoreResult<QList<CannedResponse>>> CannedResponseStore::listCannedResponses()
{
    return submit<QList<CannedResponse>>(m_writer, [](SqlSession &s) -> StoreResult<QList<CannedResponse>> {
        PreparedQuery q;
        if (!s.exec(q, u"SELECT id, shortcut, body, updated_at FROM canned_responses ORDER BY shortcut"_s, {},
                    u"list canned responses"_s))
            return failed<QList<CannedResponse>>(s);
        QList<CannedResponse> responses;
        while (q.next())
            responses.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
        return StoreResult<QList<CannedResponse>>::success(responses);
    });
}

QFuture<StoreResult<CannedResponse>> CannedResponseStore::saveCannedResponse(const CannedResponse &response)
{
    return submit<CannedResponse>(m_writer, [response](SqlSession &s) -> StoreResult<CannedResponse> {
        const QString what = u"canned response /%1"_s.arg(response.shortcut);
        const auto taken = exists(s, u"SELECT 1 FROM canned_responses WHERE shortcut = ? AND id <> ?"_s,
                                  {response.shortcut, response.id}, u"look up "_s + what);
        if (!taken)
            return failed<CannedResponse>(s);
        if (*taken)
            return conflict<CannedResponse>(u"the shortcut /%1 is taken"_s.arg(response.shortcut));
        CannedResponse saved = response;
        saved.updatedAt = nowOr(response.updatedAt);
        PreparedQuery q;
        if (response.id == 0) {
            if (!s.exec(q, u"INSERT INTO canned_responses (shortcut, body, updated_at) VALUES (?, ?, ?)"_s,
                        {saved.shortcut, saved.body, saved.updatedAt}, u"insert "_s + what))
                return failed<CannedResponse>(s);
            saved.id = q.lastInsertId().toLongLong();
            return StoreResult<CannedResponse>::success(saved);
        }
        if (!s.exec(q, u"UPDATE canned_responses SET shortcut = ?, body = ?, updated_at = ? WHERE id = ?"_s,
                    {saved.shortcut, saved.body, saved.updatedAt, saved.id}, u"update "_s + what))
            return failed<CannedResponse>(s);
        if (q.numRowsAffected() == 0) {
            // MariaDB counts only changed rows: tell "unchanged" from "missing".
            const auto known = exists(s, u"SELECT 1 FROM canned_responses WHERE id = ?"_s, {saved.id}, u"look up "_s + what);
            if (!known)
                return failed<CannedResponse>(s);
            if (!*known)
                return notFound<CannedResponse>(u"canned response %1 does not exist"_s.arg(saved.id));
        }
        return StoreResult<CannedResponse>::success(saved);
    });
}

QFuture<StoreResult<Done>> CannedResponseStore::deleteCannedResponse(qint64 id)
{
    return submit<Done>(m_writer, [id](SqlSession &s) -> StoreResult<Done> {
        PreparedQuery q;
        if (!s.exec(q, u"DELETE FROM canned_responses WHERE id = ?"_s, {id}, u"delete canned response %1"_s.arg(id)))
            return failed<Done>(s);
        if (q.numRowsAffected() == 0)
            return notFound<Done>(u"canned response %1 does not exist"_s.arg(id));
        return StoreResult<Done>::success({});
    });
}

} // namespace Frontdesk
