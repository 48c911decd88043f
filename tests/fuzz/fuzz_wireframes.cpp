// Fuzzes the decoding and validation of every frame the server accepts from
// visitors and agents (docs/protocol.md §4, §5): each line of the input is
// one WebSocket text frame, handed to the production VisitorChannel (a
// visitor that has said hello) or AgentChannel (an authenticated admin) over
// a real ChatService and SQLite store, and the loop runs until the store has
// answered. Every answer must be well-formed JSON, and an error a known code
// other than storage_failed (no frame may make the database fail).
//
// Line format: "a<frame>" goes to the agent, "v<frame>" (or anything else,
// whole) to the visitor.

#include "chatfixture.h"
#include "fuzzcheck.h"
#include "protocol/agentchannel.h"
#include "protocol/visitorchannel.h"
#include "protocol/wirecodec.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <cstdint>

using namespace Frontdesk;
using namespace Qt::StringLiterals;

namespace {

// What a client receives must parse as it does in the widget and the console.
void checkSent(const QJsonObject &frame)
{
    const QByteArray bytes = WireCodec::encode(frame);
    FUZZ_CHECK(WireCodec::isValidUtf8(bytes));
    const auto decoded = WireCodec::decode(bytes);
    FUZZ_CHECK(std::holds_alternative<WireMessage>(decoded));
    const QString type = frame.value(u"type"_s).toString();
    FUZZ_CHECK(!type.isEmpty());
    if (type == u"error") {
        const QString code = frame.value(u"code"_s).toString();
        FUZZ_CHECK(errorCodeFromName(code).has_value());
        FUZZ_CHECK(!frame.value(u"message"_s).toString().isEmpty());
        // A bad frame is the client's fault: it never makes the database fail.
        FUZZ_CHECK(code != errorCodeName(ErrorCode::StorageFailed));
    }
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
        // Answers and events come encoded: they must parse back to an object.
        const auto push = [](const QByteArray &frame) {
            const QJsonDocument document = QJsonDocument::fromJson(frame);
            FUZZ_CHECK(document.isObject());
            checkSent(document.object());
        };
        // A visitor's answer as the WebSocket sends it (a refusal becomes an error frame).
        const auto answer = [push](const VisitorChannel::Answer &reply) { push(VisitorChannel::socketFrame(reply)); };
        const ClientContext client{QHostAddress::LocalHost, u"fuzz"_s};
        AgentChannel agent(fixture.chat(), client, push, push);
        const auto authenticate = [&] {
            agent.handleBytes(WireCodec::encode(QJsonObject{{u"type"_s, u"auth"_s}, {u"token"_s, fixture.adminToken()}}));
            fixture.settle();
        };
        authenticate();
        if (!agent.isAuthenticated()) {
            // The input before logged out or ended the session.
            fixture.renewAdminSession();
            authenticate();
        }
        VisitorChannel visitor(fixture.chat(), fixture.site(), client, push);
        visitor.adoptVisitor(fixture.visitor());
        FUZZ_CHECK(agent.isAuthenticated());

        const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
        for (const QByteArrayView line : QByteArray::fromRawData(input.data(), input.size()).split('\n')) {
            if (line.startsWith('a'))
                agent.handleBytes(line.sliced(1));
            else
                visitor.handleBytes(line.startsWith('v') ? line.sliced(1) : line, answer);
        }
        fixture.settle();
    }
    fixture.settle(); // what the channels' going away caused (visitor_left...)
    fixture.restore();
    return 0;
}
