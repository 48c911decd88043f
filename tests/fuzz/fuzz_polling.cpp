// Fuzzes the long-polling request bodies (docs/protocol.md §8): each record
// of the input is one POST to /v1/sites/{siteKey}/visitor/{hello,send,poll},
// dispatched through the production HttpRouter to a VisitorPollingController
// over a real ChatService and SQLite store, from an allowed origin, so every
// body reaches the controller's decoding and the VisitorChannel behind it.
// Records of one input share the controller (and so its channels).
//
// Record format: the endpoint's name on the first line ("hello", "send",
// "poll"; anything else is "send"), the body after it; records are separated
// by a line "=====".

#include "api/visitorpollingcontroller.h"
#include "chatfixture.h"
#include "fuzzcheck.h"
#include "http/httprouter.h"

#include <cstdint>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

HttpRequest pollingRequest(QByteArrayView record)
{
    const qsizetype newline = record.indexOf('\n');
    const QByteArrayView name = newline < 0 ? record : record.first(newline);
    QByteArrayView endpoint = "send";
    for (const QByteArrayView known : {QByteArrayView("hello"), QByteArrayView("send"), QByteArrayView("poll")}) {
        if (name == known)
            endpoint = known;
    }
    HttpRequest request;
    request.method = "POST";
    request.path = u"/v1/sites/%1/visitor/%2"_s.arg(ChatFixture::siteKey, QString::fromLatin1(endpoint));
    request.headers = {{"host", "127.0.0.1"},
                       {"origin", ChatFixture::origin.toLatin1()},
                       {"content-type", "application/json"},
                       {"user-agent", "fuzz"}};
    request.body = (newline < 0 ? QByteArrayView() : record.sliced(newline + 1)).toByteArray();
    request.peerAddress = QHostAddress::LocalHost;
    return request;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ChatFixture::initializeProcess(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ChatFixture &fixture = ChatFixture::instance();
    {
        VisitorPollingController controller(fixture.chat(), RealtimeLimits{});
        HttpRouter router;
        controller.registerRoutes(router);
        const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
        qsizetype start = 0;
        while (start <= input.size()) {
            qsizetype end = input.indexOf("\n=====\n", start);
            if (end < 0)
                end = input.size();
            HttpRequest request = pollingRequest(QByteArrayView(input).sliced(start, end - start));
            // The listener would have refused a larger body before reading it.
            if (request.body.size() <= router.maxBodyBytes(request.method, request.path)) {
                // The answer goes nowhere: no connection stands behind this responder.
                router.dispatch(std::move(request), HttpResponder());
                fixture.settle();
            }
            start = end + 7;
        }
        // One channel per hello at most, and none without a request.
        FUZZ_CHECK(controller.pollingChannelCount() <= input.count("\n=====\n") + 1);
    }
    fixture.settle();
    fixture.restore();
    return 0;
}
