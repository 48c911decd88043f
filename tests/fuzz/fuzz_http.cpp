// Fuzzes the HTTP request reader as the listener drives it: the bytes a client
// sends, fed to HttpRequestParser the way HttpConnection feeds it from its
// socket (peek what the reader accepts, consume what it parsed, begin the next
// request after a complete one: pipelining), with small limits so the header
// and body ceilings are within reach. The same bytes are fed whole, one byte at
// a time and in uneven pieces: how a client's bytes are segmented must never
// change which requests come out, nor which error.

#include "fuzzcheck.h"
#include "http/httprequestparser.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <cstdint>
#include <functional>
#include <limits>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

HttpLimits fuzzLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 2048;
    limits.defaultMaxBodyBytes = 1024;
    return limits;
}

// Routes with their own body limit, below and above the default, as the
// polling endpoints have.
qsizetype routeBodyLimit(const QByteArray &method, const QString &path)
{
    if (method == "POST" && path.startsWith(u"/small"))
        return 64;
    if (method == "POST" && path.startsWith(u"/large"))
        return 4096;
    return -1;
}

struct Outcome {
    QList<HttpRequest> requests;
    int rejectedWith = 0; ///< status, 0 when nothing was refused
    QString rejectionCode;

    bool operator==(const Outcome &other) const
    {
        if (requests.size() != other.requests.size() || rejectedWith != other.rejectedWith
            || rejectionCode != other.rejectionCode)
            return false;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            const HttpRequest &a = requests.at(i);
            const HttpRequest &b = other.requests.at(i);
            if (a.method != b.method || a.path != b.path || a.query != b.query || a.headers != b.headers || a.body != b.body
                || a.keepAlive != b.keepAlive || a.upgrade != b.upgrade)
                return false;
        }
        return true;
    }
};

// The next piece of the client's stream: @p sizeOf says how long it is.
using Segmenter = std::function<qsizetype(qsizetype offset)>;

void checkRequest(const HttpRequest &request, const HttpLimits &limits)
{
    FUZZ_CHECK(!request.method.isEmpty());
    const qsizetype route = routeBodyLimit(request.method, request.path);
    FUZZ_CHECK(request.body.size() <= (route >= 0 ? route : limits.defaultMaxBodyBytes));
    FUZZ_CHECK(!request.upgrade || request.body.isEmpty());
    for (const auto &[name, value] : request.headers) {
        FUZZ_CHECK(!name.isEmpty());
        FUZZ_CHECK(name == name.toLower());
        FUZZ_CHECK(!value.contains('\r') && !value.contains('\n'));
    }
}

Outcome run(QByteArrayView stream, const Segmenter &pieceSize)
{
    const HttpLimits limits = fuzzLimits();
    HttpRequestParser reader(limits, &routeBodyLimit);
    Outcome outcome;
    QByteArray buffered; // what the socket holds and the reader has not consumed
    qsizetype received = 0;
    const auto receive = [&] {
        if (received >= stream.size())
            return false;
        const qsizetype size = qBound<qsizetype>(1, pieceSize(received), stream.size() - received);
        buffered.append(stream.sliced(received, size));
        received += size;
        return true;
    };

    reader.begin(QHostAddress::LocalHost);
    if (!receive())
        return outcome;
    while (true) {
        const qsizetype acceptable = reader.acceptable(buffered.size());
        FUZZ_CHECK(acceptable >= 0 && acceptable <= buffered.size());
        const qsizetype parsed = reader.feed(QByteArrayView(buffered).first(acceptable));
        FUZZ_CHECK(parsed >= 0 && parsed <= acceptable);
        buffered.remove(0, parsed);
        if (const auto &rejection = reader.rejection()) {
            FUZZ_CHECK(rejection->status >= 400 && rejection->status < 600);
            FUZZ_CHECK(!rejection->code.isEmpty() && !rejection->message.isEmpty() && !rejection->reason.isEmpty());
            outcome.rejectedWith = rejection->status;
            outcome.rejectionCode = rejection->code;
            return outcome;
        }
        (void)reader.takeBodyStart();
        if (reader.isComplete()) {
            HttpRequest request = reader.takeRequest();
            checkRequest(request, limits);
            const bool goesOn = request.keepAlive && !request.upgrade;
            outcome.requests.append(std::move(request));
            // The connection closes after an answer without keep-alive, and
            // hands an upgrade's socket on: nothing more is read.
            if (!goesOn)
                return outcome;
            reader.begin(QHostAddress::LocalHost);
            if (buffered.isEmpty() && !receive())
                return outcome;
        } else if (parsed == 0 || buffered.isEmpty()) {
            if (!receive())
                return outcome; // the client stopped mid-request: a timeout's business
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView stream(reinterpret_cast<const char *>(data), qsizetype(size));
    const Outcome whole = run(stream, [](qsizetype) { return std::numeric_limits<qsizetype>::max(); });
    const Outcome bytewise = run(stream, [](qsizetype) { return 1; });
    FUZZ_CHECK(whole == bytewise);
    // Uneven pieces that depend on the input, so the fuzzer can steer them.
    const Outcome uneven = run(stream, [stream](qsizetype offset) { return 1 + qsizetype(uint8_t(stream.at(offset)) % 23) * 7; });
    FUZZ_CHECK(whole == uneven);
    return 0;
}
