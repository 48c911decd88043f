#include "smtpclient.h"

#include <QLoggingCategory>

#include <curl/curl.h>

#include <cstring>
#include <mutex>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSmtp, "frontdesk.mail.smtp")

namespace Frontdesk {

namespace {

struct Transfer {
    QByteArray message;
    qsizetype sent = 0;
    QList<QByteArray> replies; ///< the server's reply lines, as received
    const std::atomic_bool *abort = nullptr;
};

size_t readBody(char *buffer, size_t size, size_t count, void *userData)
{
    auto *transfer = static_cast<Transfer *>(userData);
    const size_t room = size * count;
    const size_t left = size_t(transfer->message.size() - transfer->sent);
    const size_t n = std::min(room, left);
    std::memcpy(buffer, transfer->message.constData() + transfer->sent, n);
    transfer->sent += qsizetype(n);
    return n;
}

int debug(CURL *, curl_infotype type, char *data, size_t size, void *userData)
{
    if (type == CURLINFO_HEADER_IN) {
        // Each reply line of the server (a multi-line reply comes as several).
        auto *transfer = static_cast<Transfer *>(userData);
        QByteArray line(data, qsizetype(size));
        transfer->replies.append(line.trimmed());
    }
    return 0;
}

int progress(void *userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *transfer = static_cast<Transfer *>(userData);
    return transfer->abort && transfer->abort->load() ? 1 : 0;
}

// The last reply of the server that says something failed (4xx or 5xx),
// joined when it spans lines ("550-5.1.1 ..." then "550 5.1.1 ...").
QString failureSentence(const QList<QByteArray> &replies)
{
    for (qsizetype i = replies.size() - 1; i >= 0; --i) {
        const QByteArray &line = replies.at(i);
        if (line.size() < 3 || (line.at(0) != '4' && line.at(0) != '5'))
            continue;
        const QByteArray code = line.left(3);
        QStringList texts{QString::fromUtf8(line.mid(4))};
        const QByteArray continued = code + '-';
        for (qsizetype j = i - 1; j >= 0 && replies.at(j).startsWith(continued); --j)
            texts.prepend(QString::fromUtf8(replies.at(j).mid(4)));
        QString sentence = QString::fromLatin1(code) + u' ' + texts.join(u' ');
        // Control characters from the server go no further than this.
        for (QChar &c : sentence) {
            if (c.category() == QChar::Other_Control)
                c = u' ';
        }
        return sentence.simplified().left(500);
    }
    return {};
}

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

} // namespace

SmtpOutcome SmtpClient::send(const MailSettings &settings, const QString &envelopeFrom, const QString &recipient,
                             const QByteArray &message, const std::atomic_bool *abort)
{
    globalInit();
    SmtpOutcome outcome;
    CURL *curl = curl_easy_init();
    if (!curl) {
        outcome.sentence = u"libcurl could not start a transfer"_s;
        return outcome;
    }
    Transfer transfer{message, 0, {}, abort};
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const QByteArray url = settings.smtpUrl.toString(QUrl::FullyEncoded).toUtf8();
    const QByteArray from = '<' + envelopeFrom.toLatin1() + '>';
    const QByteArray to = '<' + recipient.toLatin1() + '>';
    const QByteArray user = settings.user.toUtf8();
    const QByteArray password = settings.password.toUtf8();
    const QByteArray caBundle = settings.caBundlePath.toLocal8Bit();
    curl_slist *recipients = curl_slist_append(nullptr, to.constData());

    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readBody);
    curl_easy_setopt(curl, CURLOPT_READDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
    // STARTTLS is required on smtp:// unless plain was asked for explicitly;
    // smtps:// is TLS from the first byte whatever this says.
    curl_easy_setopt(curl, CURLOPT_USE_SSL, settings.allowPlain ? long(CURLUSESSL_NONE) : long(CURLUSESSL_ALL));
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!caBundle.isEmpty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, caBundle.constData());
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(std::min<qint64>(settings.smtpTimeoutMs, 15000)));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(settings.smtpTimeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // a worker thread: no SIGALRM for DNS timeouts
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L); // for the debug function only; it prints nothing itself
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, debug);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);

    const CURLcode result = curl_easy_perform(curl);
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);

    outcome.code = int(code);
    if (result == CURLE_OK) {
        outcome.kind = SmtpOutcome::Kind::Sent;
        return outcome;
    }
    const QString server = failureSentence(transfer.replies);
    const QString curlSentence = QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(result));
    outcome.sentence = server.isEmpty() ? curlSentence : server;
    if (!server.isEmpty())
        outcome.code = server.left(3).toInt();
    // A 5xx about the message or its recipient is final. A refused login
    // (535) is 5xx too, but it is the server's settings that are wrong, not
    // this message: it is retried until someone fixes the password.
    const bool loginRefused = result == CURLE_LOGIN_DENIED;
    outcome.kind
        = outcome.code >= 500 && outcome.code < 600 && !loginRefused ? SmtpOutcome::Kind::Rejected : SmtpOutcome::Kind::Retry;
    qCInfo(lcSmtp).noquote() << "SMTP attempt to" << recipient << "via" << settings.smtpUrl.toString()
                             << "failed:" << outcome.sentence
                             << (outcome.kind == SmtpOutcome::Kind::Rejected ? "(final)" : "(will retry)");
    return outcome;
}

} // namespace Frontdesk
