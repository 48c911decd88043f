#include "protocol/protocolerror.h"
#include "protocol/wirecodec.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QtTest/QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Frontdesk;

namespace {

// Expected outcome columns hold an ErrorCode as int; this means "no error".
constexpr int succeeds = -1;

int fails(ErrorCode code)
{
    return int(code);
}

constexpr qint64 maxSafeInteger = 9007199254740991; // 2^53 - 1, JavaScript's Number.MAX_SAFE_INTEGER

QJsonObject object(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test data is not a JSON object: %s", json.constData());
    return document.object();
}

QStringList sortedKeys(const QJsonObject &json)
{
    QStringList keys = json.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Compares by wire name, so a failure prints "missing_field" rather than a number.
void compareError(const ProtocolError &actual, int expected)
{
    QCOMPARE(errorCodeName(actual.code), errorCodeName(ErrorCode(expected)));
    QVERIFY2(!actual.message.isEmpty(), "every error carries a sentence");
}

template<typename T> void checkOutcome(const std::variant<T, ProtocolError> &result, int expectedError, const T &expectedValue)
{
    if (expectedError == succeeds) {
        if (const auto *error = std::get_if<ProtocolError>(&result))
            QFAIL(qPrintable(u"unexpected %1: %2"_s.arg(errorCodeName(error->code), error->message)));
        QCOMPARE(std::get<T>(result), expectedValue);
    } else {
        QVERIFY2(std::holds_alternative<ProtocolError>(result), "the codec accepted a value it must refuse");
        compareError(std::get<ProtocolError>(result), expectedError);
    }
}

MessageRecord agentMessage()
{
    MessageRecord message;
    message.id = 41;
    message.conversationId = 7;
    message.authorKind = AuthorKind::Agent;
    message.authorAgentId = 3;
    message.authorName = u"Ada"_s;
    message.body = u"How can I help?"_s;
    message.clientId = u"c-1"_s;
    message.createdAt = 1'700'000'000'123;
    return message;
}

MessageRecord visitorMessage()
{
    MessageRecord message;
    message.id = 40;
    message.conversationId = 7;
    message.authorKind = AuthorKind::Visitor;
    message.body = u"Hello"_s;
    message.clientId = u"v-1"_s;
    message.createdAt = 1'700'000'000'000;
    return message;
}

MessageRecord systemMessage()
{
    MessageRecord message;
    message.id = 42;
    message.conversationId = 7;
    message.authorKind = AuthorKind::System;
    message.body = u"Ada joined the chat"_s;
    message.createdAt = 1'700'000'000'200;
    return message;
}

ConversationRecord conversation(ConversationStatus status)
{
    ConversationRecord record;
    record.id = 7;
    record.siteId = 2;
    record.visitorId = u"4b0e5a8e-0000-4000-8000-000000000001"_s;
    record.status = status;
    record.createdAt = 1'700'000'000'000;
    record.updatedAt = 1'700'000'000'200;
    if (status != ConversationStatus::Waiting) {
        record.assignedAgentId = 3;
        record.assignedAgentName = u"Ada"_s;
    }
    if (status == ConversationStatus::Closed)
        record.closedAt = 1'700'000'009'000;
    record.visitorReadUpTo = 41;
    record.agentReadUpTo = 40;
    return record;
}

VisitorRecord visitor()
{
    VisitorRecord record;
    record.id = u"4b0e5a8e-0000-4000-8000-000000000001"_s;
    record.siteId = 2;
    record.name = u"Grace"_s;
    record.email = u"grace@example.com"_s;
    record.attributes = QVariantMap{{u"locale"_s, u"en-GB"_s}};
    record.createdAt = 1'699'000'000'000;
    record.lastSeenAt = 1'700'000'000'000;
    return record;
}

AgentRecord agent()
{
    AgentRecord record;
    record.id = 3;
    record.email = u"ada@example.com"_s;
    record.name = u"Ada"_s;
    record.role = AgentRole::Admin;
    record.passwordHash = "$argon2id$v=19$m=65536,t=2,p=1$secret";
    record.createdAt = 1'600'000'000'000;
    return record;
}

const QStringList visitorMessageKeys{u"id"_s,   u"conversationId"_s, u"author"_s,   u"authorName"_s,
                                     u"body"_s, u"clientId"_s,       u"createdAt"_s};
const QStringList visitorConversationKeys{u"id"_s,       u"status"_s,          u"agentName"_s,     u"createdAt"_s,
                                          u"closedAt"_s, u"visitorReadUpTo"_s, u"agentReadUpTo"_s, u"rating"_s};

} // namespace

/// @brief WireCodec and the error table: the parts of protocol v1 that need
/// no server (docs/protocol.md).
class tst_WireCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isValidUtf8_data();
    void isValidUtf8();
    void decode_data();
    void decode();
    void decodeRequestId_data();
    void decodeRequestId();
    void decodeObject_data();
    void decodeObject();
    void badJsonNamesTheOffset_data();
    void badJsonNamesTheOffset();
    void encodeIsCompactAndRoundTrips();

    void requiredString_data();
    void requiredString();
    void optionalString_data();
    void optionalString();
    void requiredId_data();
    void requiredId();
    void optionalId_data();
    void optionalId();
    void requiredBool_data();
    void requiredBool();
    void fieldErrorsNameTheField_data();
    void fieldErrorsNameTheField();

    void errorFrame_data();
    void errorFrame();

    void jsonShapes_data();
    void jsonShapes();
    void visitorJsonHidesAgentFields_data();
    void visitorJsonHidesAgentFields();
    void messageValues();
    void messageClientId_data();
    void messageClientId();
    void conversationValues();
    void summaryValues();
    void visitorAndAgentValues();

    void errorCodes_data();
    void errorCodes();
    void errorCodeTableCoversEveryCode();
    void errorCodeTableMatchesTheDocs();
    void errorCodeNamesAreDistinct();
    void protocolErrorMake();
};

// --- Decoding ---------------------------------------------------------------

void tst_WireCodec::isValidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii") << QByteArray("{\"type\":\"ping\"}") << true;
    QTest::newRow("two-byte é") << QByteArray("caf\xC3\xA9") << true;
    QTest::newRow("three-byte €") << QByteArray("\xE2\x82\xAC") << true;
    QTest::newRow("four-byte emoji") << QByteArray("\xF0\x9F\x98\x80") << true;
    QTest::newRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true;
    QTest::newRow("bad continuation C3 28") << QByteArray("\xC3\x28") << false;
    QTest::newRow("overlong slash C0 AF") << QByteArray("\xC0\xAF") << false;
    QTest::newRow("overlong three-byte E0 80 AF") << QByteArray("\xE0\x80\xAF") << false;
    QTest::newRow("lone high surrogate ED A0 80") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("lone low surrogate ED B0 80") << QByteArray("\xED\xB0\x80") << false;
    QTest::newRow("above U+10FFFF F4 90 80 80") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("stray continuation 80") << QByteArray("a\x80z") << false;
    QTest::newRow("FF byte") << QByteArray("\xFF") << false;
    QTest::newRow("truncated at end E2 82") << QByteArray("ab\xE2\x82") << false;
}

void tst_WireCodec::isValidUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(WireCodec::isValidUtf8(bytes), valid);
}

void tst_WireCodec::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expectedError");
    QTest::addColumn<QString>("expectedType");

    QTest::newRow("valid ping") << QByteArray("{\"type\":\"ping\"}") << succeeds << u"ping"_s;
    QTest::newRow("valid message") << QByteArray("{\"type\":\"message\",\"clientId\":\"c1\",\"body\":\"caf\xC3\xA9\"}")
                                   << succeeds << u"message"_s;
    QTest::newRow("whitespace around") << QByteArray(" \n{ \"type\" : \"hello\" }\n ") << succeeds << u"hello"_s;
    // Only emptiness is refused: a blank type decodes, and the channel answers unknown_type.
    QTest::newRow("blank type decodes") << QByteArray("{\"type\":\" \"}") << succeeds << u" "_s;

    QTest::newRow("C3 28 in a string") << QByteArray("{\"type\":\"message\",\"body\":\"\xC3\x28\"}")
                                       << fails(ErrorCode::InvalidUtf8) << QString();
    QTest::newRow("bare C3 28") << QByteArray("\xC3\x28") << fails(ErrorCode::InvalidUtf8) << QString();
    QTest::newRow("overlong C0 AF") << QByteArray("{\"type\":\"\xC0\xAF\"}") << fails(ErrorCode::InvalidUtf8) << QString();
    QTest::newRow("lone surrogate ED A0 80")
        << QByteArray("{\"type\":\"ping\",\"x\":\"\xED\xA0\x80\"}") << fails(ErrorCode::InvalidUtf8) << QString();
    // UTF-8 is checked before JSON: broken bytes in broken JSON are invalid_utf8.
    QTest::newRow("invalid UTF-8 wins over bad JSON")
        << QByteArray("{\"type\":\xFF") << fails(ErrorCode::InvalidUtf8) << QString();

    QTest::newRow("empty") << QByteArray() << fails(ErrorCode::BadJson) << QString();
    QTest::newRow("truncated") << QByteArray("{\"type\":") << fails(ErrorCode::BadJson) << QString();
    QTest::newRow("trailing comma") << QByteArray("{\"type\":\"ping\",}") << fails(ErrorCode::BadJson) << QString();
    QTest::newRow("single quotes") << QByteArray("{'type':'ping'}") << fails(ErrorCode::BadJson) << QString();
    QTest::newRow("garbage after") << QByteArray("{\"type\":\"ping\"} x") << fails(ErrorCode::BadJson) << QString();
    QTest::newRow("top-level array") << QByteArray("[{\"type\":\"ping\"}]") << fails(ErrorCode::BadJson) << QString();
    QTest::newRow("top-level number") << QByteArray("42") << fails(ErrorCode::BadJson) << QString();
    QTest::newRow("top-level string") << QByteArray("\"ping\"") << fails(ErrorCode::BadJson) << QString();
    QTest::newRow("top-level null") << QByteArray("null") << fails(ErrorCode::BadJson) << QString();

    QTest::newRow("missing type") << QByteArray("{\"id\":1}") << fails(ErrorCode::MissingField) << QString();
    QTest::newRow("empty object") << QByteArray("{}") << fails(ErrorCode::MissingField) << QString();
    QTest::newRow("type null") << QByteArray("{\"type\":null}") << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("type number") << QByteArray("{\"type\":1}") << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("type bool") << QByteArray("{\"type\":true}") << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("type object") << QByteArray("{\"type\":{}}") << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("type empty") << QByteArray("{\"type\":\"\"}") << fails(ErrorCode::InvalidField) << QString();
}

void tst_WireCodec::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expectedError);
    QFETCH(QString, expectedType);

    const auto result = WireCodec::decode(bytes);
    if (expectedError == succeeds) {
        if (const auto *error = std::get_if<ProtocolError>(&result))
            QFAIL(qPrintable(u"unexpected %1: %2"_s.arg(errorCodeName(error->code), error->message)));
        const WireMessage &message = std::get<WireMessage>(result);
        QCOMPARE(message.type, expectedType);
        QCOMPARE(message.object.value(u"type"_s).toString(), expectedType);
        QCOMPARE(message.object, QJsonDocument::fromJson(bytes).object());
    } else {
        QVERIFY2(std::holds_alternative<ProtocolError>(result), "decode accepted a frame it must refuse");
        compareError(std::get<ProtocolError>(result), expectedError);
    }
}

void tst_WireCodec::decodeRequestId_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QJsonValue>("expectedId");

    QTest::newRow("absent") << QByteArray("{\"type\":\"ping\"}") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("null") << QByteArray("{\"type\":\"ping\",\"id\":null}") << QJsonValue(QJsonValue::Null);
    QTest::newRow("number") << QByteArray("{\"type\":\"ping\",\"id\":7}") << QJsonValue(7);
    QTest::newRow("fraction") << QByteArray("{\"type\":\"ping\",\"id\":1.5}") << QJsonValue(1.5);
    QTest::newRow("string") << QByteArray("{\"id\":\"req-1\",\"type\":\"ping\"}") << QJsonValue(u"req-1"_s);
    QTest::newRow("object") << QByteArray("{\"type\":\"ping\",\"id\":{\"n\":1}}") << QJsonValue(QJsonObject{{u"n"_s, 1}});
}

void tst_WireCodec::decodeRequestId()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QJsonValue, expectedId);

    const auto result = WireCodec::decode(bytes);
    QVERIFY(std::holds_alternative<WireMessage>(result));
    const WireMessage &message = std::get<WireMessage>(result);
    QCOMPARE(message.requestId.type(), expectedId.type());
    QCOMPARE(message.requestId, expectedId);
}

void tst_WireCodec::decodeObject_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expectedError");

    // The HTTP API's bodies need no "type".
    QTest::newRow("empty object") << QByteArray("{}") << succeeds;
    QTest::newRow("login body") << QByteArray("{\"email\":\"a@b.c\",\"password\":\"x\"}") << succeeds;
    QTest::newRow("nested") << QByteArray("{\"frame\":{\"type\":\"typing\",\"active\":true}}") << succeeds;
    QTest::newRow("C3 28") << QByteArray("{\"email\":\"\xC3\x28\"}") << fails(ErrorCode::InvalidUtf8);
    QTest::newRow("C0 AF") << QByteArray("\xC0\xAF") << fails(ErrorCode::InvalidUtf8);
    QTest::newRow("ED A0 80") << QByteArray("{\"a\":\"\xED\xA0\x80\"}") << fails(ErrorCode::InvalidUtf8);
    QTest::newRow("empty body") << QByteArray() << fails(ErrorCode::BadJson);
    QTest::newRow("malformed") << QByteArray("{\"email\"}") << fails(ErrorCode::BadJson);
    QTest::newRow("array") << QByteArray("[]") << fails(ErrorCode::BadJson);
    QTest::newRow("number") << QByteArray("3.14") << fails(ErrorCode::BadJson);
    QTest::newRow("string") << QByteArray("\"x\"") << fails(ErrorCode::BadJson);
}

void tst_WireCodec::decodeObject()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expectedError);
    checkOutcome(WireCodec::decodeObject(bytes), expectedError,
                 expectedError == succeeds ? QJsonDocument::fromJson(bytes).object() : QJsonObject());
}

void tst_WireCodec::badJsonNamesTheOffset_data()
{
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("truncated") << QByteArray("{\"type\":");
    QTest::newRow("missing colon") << QByteArray("{\"type\" \"ping\"}");
    QTest::newRow("trailing comma") << QByteArray("{\"type\":\"ping\",}");
    QTest::newRow("garbage after") << QByteArray("{\"type\":\"ping\"}]");
}

void tst_WireCodec::badJsonNamesTheOffset()
{
    QFETCH(QByteArray, bytes);

    // Qt's parser is the oracle for where it stopped; the codec must pass it on.
    QJsonParseError parseError;
    QJsonDocument::fromJson(bytes, &parseError);
    QVERIFY(parseError.error != QJsonParseError::NoError);

    const auto decoded = WireCodec::decode(bytes);
    const auto decodedObject = WireCodec::decodeObject(bytes);
    QVERIFY(std::holds_alternative<ProtocolError>(decoded));
    QVERIFY(std::holds_alternative<ProtocolError>(decodedObject));
    for (const ProtocolError &error : {std::get<ProtocolError>(decoded), std::get<ProtocolError>(decodedObject)}) {
        QCOMPARE(errorCodeName(error.code), u"bad_json"_s);
        QVERIFY2(error.message.contains(u"at offset %1"_s.arg(parseError.offset)), qPrintable(error.message));
        QVERIFY2(error.message.contains(parseError.errorString()), qPrintable(error.message));
    }
}

void tst_WireCodec::encodeIsCompactAndRoundTrips()
{
    const QJsonObject frame{{u"type"_s, u"message"_s}, {u"body"_s, u"caf\u00e9 \U0001F600"_s}, {u"n"_s, 12}};
    const QByteArray bytes = WireCodec::encode(frame);
    QVERIFY(!bytes.contains('\n'));
    QVERIFY(!bytes.contains(": "));
    QVERIFY(WireCodec::isValidUtf8(bytes));
    const auto decoded = WireCodec::decode(bytes);
    QVERIFY(std::holds_alternative<WireMessage>(decoded));
    QCOMPARE(std::get<WireMessage>(decoded).object, frame);
}

// --- Fields -----------------------------------------------------------------

void tst_WireCodec::requiredString_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<bool>("allowEmpty");
    QTest::addColumn<int>("expectedError");
    QTest::addColumn<QString>("expectedValue");

    QTest::newRow("present") << QByteArray("{\"f\":\"hello\"}") << 10 << false << succeeds << u"hello"_s;
    QTest::newRow("kept untrimmed") << QByteArray("{\"f\":\"  hi  \"}") << 10 << false << succeeds << u"  hi  "_s;
    QTest::newRow("missing") << QByteArray("{}") << 10 << false << fails(ErrorCode::MissingField) << QString();
    QTest::newRow("null") << QByteArray("{\"f\":null}") << 10 << false << fails(ErrorCode::MissingField) << QString();
    QTest::newRow("missing, allowEmpty") << QByteArray("{}") << 10 << true << fails(ErrorCode::MissingField) << QString();
    QTest::newRow("number") << QByteArray("{\"f\":1}") << 10 << false << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("bool") << QByteArray("{\"f\":false}") << 10 << false << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("array") << QByteArray("{\"f\":[\"a\"]}") << 10 << false << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("object") << QByteArray("{\"f\":{}}") << 10 << false << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("empty") << QByteArray("{\"f\":\"\"}") << 10 << false << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("whitespace only") << QByteArray("{\"f\":\" \\t\\n \"}") << 10 << false << fails(ErrorCode::InvalidField)
                                     << QString();
    QTest::newRow("empty, allowEmpty") << QByteArray("{\"f\":\"\"}") << 10 << true << succeeds << QString(u""_s);
    QTest::newRow("whitespace, allowEmpty") << QByteArray("{\"f\":\"   \"}") << 10 << true << succeeds << u"   "_s;
    QTest::newRow("at the limit") << QByteArray("{\"f\":\"0123456789\"}") << 10 << false << succeeds << u"0123456789"_s;
    QTest::newRow("one over") << QByteArray("{\"f\":\"0123456789a\"}") << 10 << false << fails(ErrorCode::TextTooLong)
                              << QString();
    QTest::newRow("one over, allowEmpty") << QByteArray("{\"f\":\"0123456789a\"}") << 10 << true << fails(ErrorCode::TextTooLong)
                                          << QString();
    // Emptiness is judged before length.
    QTest::newRow("whitespace over the limit")
        << QByteArray("{\"f\":\"            \"}") << 10 << false << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("non-ASCII at the limit") << QByteArray("{\"f\":\"\xC3\xA9\xC3\xA9\xC3\xA9\"}") << 3 << false << succeeds
                                            << u"\u00e9\u00e9\u00e9"_s;
    // Pins current behaviour: limits count UTF-16 code units (QString::size), so
    // a character outside the BMP counts twice (see docs/protocol.md, "Limits").
    QTest::newRow("emoji counts as two") << QByteArray("{\"f\":\"\xF0\x9F\x98\x80\xF0\x9F\x98\x80\"}") << 3 << false
                                         << fails(ErrorCode::TextTooLong) << QString();
    QTest::newRow("message body at 4000") << QByteArray("{\"f\":\"" + QByteArray(WireLimits::maxMessageChars, 'x') + "\"}")
                                          << WireLimits::maxMessageChars << false << succeeds
                                          << QString(WireLimits::maxMessageChars, u'x');
    QTest::newRow("message body at 4001") << QByteArray("{\"f\":\"" + QByteArray(WireLimits::maxMessageChars + 1, 'x') + "\"}")
                                          << WireLimits::maxMessageChars << false << fails(ErrorCode::TextTooLong) << QString();
}

void tst_WireCodec::requiredString()
{
    QFETCH(QByteArray, json);
    QFETCH(int, maxChars);
    QFETCH(bool, allowEmpty);
    QFETCH(int, expectedError);
    QFETCH(QString, expectedValue);
    checkOutcome(WireCodec::requiredString(object(json), u"f"_s, maxChars, allowEmpty), expectedError, expectedValue);
}

void tst_WireCodec::optionalString_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<int>("expectedError");
    QTest::addColumn<QString>("expectedValue");

    QTest::newRow("present") << QByteArray("{\"f\":\"hello\"}") << 10 << succeeds << u"hello"_s;
    QTest::newRow("missing") << QByteArray("{}") << 10 << succeeds << QString();
    QTest::newRow("null") << QByteArray("{\"f\":null}") << 10 << succeeds << QString();
    QTest::newRow("empty") << QByteArray("{\"f\":\"\"}") << 10 << succeeds << QString();
    QTest::newRow("whitespace kept") << QByteArray("{\"f\":\"  \"}") << 10 << succeeds << u"  "_s;
    QTest::newRow("number") << QByteArray("{\"f\":0}") << 10 << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("object") << QByteArray("{\"f\":{\"url\":\"x\"}}") << 10 << fails(ErrorCode::InvalidField) << QString();
    QTest::newRow("at the limit") << QByteArray("{\"f\":\"0123456789\"}") << 10 << succeeds << u"0123456789"_s;
    QTest::newRow("one over") << QByteArray("{\"f\":\"0123456789a\"}") << 10 << fails(ErrorCode::TextTooLong) << QString();
    QTest::newRow("url at 2048") << QByteArray("{\"f\":\"" + QByteArray(WireLimits::maxUrlChars, 'u') + "\"}")
                                 << WireLimits::maxUrlChars << succeeds << QString(WireLimits::maxUrlChars, u'u');
    QTest::newRow("url at 2049") << QByteArray("{\"f\":\"" + QByteArray(WireLimits::maxUrlChars + 1, 'u') + "\"}")
                                 << WireLimits::maxUrlChars << fails(ErrorCode::TextTooLong) << QString();
}

void tst_WireCodec::optionalString()
{
    QFETCH(QByteArray, json);
    QFETCH(int, maxChars);
    QFETCH(int, expectedError);
    QFETCH(QString, expectedValue);
    checkOutcome(WireCodec::optionalString(object(json), u"f"_s, maxChars), expectedError, expectedValue);
}

void tst_WireCodec::requiredId_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("minimum");
    QTest::addColumn<int>("expectedError");
    QTest::addColumn<qint64>("expectedValue");

    QTest::newRow("one") << QByteArray("{\"f\":1}") << qint64(1) << succeeds << qint64(1);
    QTest::newRow("large") << QByteArray("{\"f\":123456789012}") << qint64(1) << succeeds << qint64(123456789012);
    QTest::newRow("written as 5.0") << QByteArray("{\"f\":5.0}") << qint64(1) << succeeds << qint64(5);
    QTest::newRow("exponent 1e3") << QByteArray("{\"f\":1e3}") << qint64(1) << succeeds << qint64(1000);
    QTest::newRow("2^53 - 1") << QByteArray("{\"f\":9007199254740991}") << qint64(1) << succeeds << maxSafeInteger;
    QTest::newRow("2^53") << QByteArray("{\"f\":9007199254740992}") << qint64(1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("2^63") << QByteArray("{\"f\":9223372036854775808}") << qint64(1) << fails(ErrorCode::InvalidField)
                          << qint64(0);
    QTest::newRow("1e300") << QByteArray("{\"f\":1e300}") << qint64(1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("zero below minimum 1") << QByteArray("{\"f\":0}") << qint64(1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("zero with minimum 0") << QByteArray("{\"f\":0}") << qint64(0) << succeeds << qint64(0);
    QTest::newRow("negative") << QByteArray("{\"f\":-1}") << qint64(0) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("negative zero") << QByteArray("{\"f\":-0}") << qint64(0) << succeeds << qint64(0);
    QTest::newRow("fraction") << QByteArray("{\"f\":1.5}") << qint64(1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("tiny fraction") << QByteArray("{\"f\":2.000001}") << qint64(1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("numeric string") << QByteArray("{\"f\":\"5\"}") << qint64(1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("bool") << QByteArray("{\"f\":true}") << qint64(1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("array") << QByteArray("{\"f\":[1]}") << qint64(1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("missing") << QByteArray("{}") << qint64(1) << fails(ErrorCode::MissingField) << qint64(0);
    QTest::newRow("null") << QByteArray("{\"f\":null}") << qint64(1) << fails(ErrorCode::MissingField) << qint64(0);
}

void tst_WireCodec::requiredId()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, minimum);
    QFETCH(int, expectedError);
    QFETCH(qint64, expectedValue);
    checkOutcome(WireCodec::requiredId(object(json), u"f"_s, minimum), expectedError, expectedValue);
}

void tst_WireCodec::optionalId_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("fallback");
    QTest::addColumn<int>("expectedError");
    QTest::addColumn<qint64>("expectedValue");

    QTest::newRow("missing gives fallback") << QByteArray("{}") << qint64(50) << succeeds << qint64(50);
    QTest::newRow("null gives fallback") << QByteArray("{\"f\":null}") << qint64(50) << succeeds << qint64(50);
    // The fallback is not checked: hello and poll use -1 for "absent".
    QTest::newRow("negative fallback") << QByteArray("{}") << qint64(-1) << succeeds << qint64(-1);
    QTest::newRow("zero allowed") << QByteArray("{\"f\":0}") << qint64(-1) << succeeds << qint64(0);
    QTest::newRow("present") << QByteArray("{\"f\":42}") << qint64(-1) << succeeds << qint64(42);
    QTest::newRow("2^53 - 1") << QByteArray("{\"f\":9007199254740991}") << qint64(-1) << succeeds << maxSafeInteger;
    QTest::newRow("2^53") << QByteArray("{\"f\":9007199254740992}") << qint64(-1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("explicit -1") << QByteArray("{\"f\":-1}") << qint64(-1) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("fraction") << QByteArray("{\"f\":0.5}") << qint64(0) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("string") << QByteArray("{\"f\":\"10\"}") << qint64(0) << fails(ErrorCode::InvalidField) << qint64(0);
    QTest::newRow("empty string") << QByteArray("{\"f\":\"\"}") << qint64(0) << fails(ErrorCode::InvalidField) << qint64(0);
}

void tst_WireCodec::optionalId()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, fallback);
    QFETCH(int, expectedError);
    QFETCH(qint64, expectedValue);
    checkOutcome(WireCodec::optionalId(object(json), u"f"_s, fallback), expectedError, expectedValue);
}

void tst_WireCodec::requiredBool_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("expectedError");
    QTest::addColumn<bool>("expectedValue");

    QTest::newRow("true") << QByteArray("{\"f\":true}") << succeeds << true;
    QTest::newRow("false") << QByteArray("{\"f\":false}") << succeeds << false;
    QTest::newRow("missing") << QByteArray("{}") << fails(ErrorCode::MissingField) << false;
    QTest::newRow("null") << QByteArray("{\"f\":null}") << fails(ErrorCode::MissingField) << false;
    QTest::newRow("one") << QByteArray("{\"f\":1}") << fails(ErrorCode::InvalidField) << false;
    QTest::newRow("zero") << QByteArray("{\"f\":0}") << fails(ErrorCode::InvalidField) << false;
    QTest::newRow("string true") << QByteArray("{\"f\":\"true\"}") << fails(ErrorCode::InvalidField) << false;
    QTest::newRow("object") << QByteArray("{\"f\":{}}") << fails(ErrorCode::InvalidField) << false;
}

void tst_WireCodec::requiredBool()
{
    QFETCH(QByteArray, json);
    QFETCH(int, expectedError);
    QFETCH(bool, expectedValue);
    checkOutcome(WireCodec::requiredBool(object(json), u"f"_s), expectedError, expectedValue);
}

void tst_WireCodec::fieldErrorsNameTheField_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("missing") << QByteArray("{}");
    QTest::newRow("wrong type") << QByteArray("{\"clientId\":[]}");
    QTest::newRow("empty") << QByteArray("{\"clientId\":\"\"}");
    QTest::newRow("too long") << QByteArray("{\"clientId\":\"" + QByteArray(WireLimits::maxClientIdChars + 1, 'c') + "\"}");
}

void tst_WireCodec::fieldErrorsNameTheField()
{
    QFETCH(QByteArray, json);
    const auto result = WireCodec::requiredString(object(json), u"clientId"_s, WireLimits::maxClientIdChars);
    QVERIFY(std::holds_alternative<ProtocolError>(result));
    const QString message = std::get<ProtocolError>(result).message;
    QVERIFY2(message.contains(u"\"clientId\""_s), qPrintable(message));
}

// --- Frames -----------------------------------------------------------------

void tst_WireCodec::errorFrame_data()
{
    QTest::addColumn<QJsonValue>("ref");
    QTest::addColumn<bool>("hasRef");

    QTest::newRow("no ref") << QJsonValue(QJsonValue::Undefined) << false;
    QTest::newRow("null ref is left out") << QJsonValue(QJsonValue::Null) << false;
    QTest::newRow("number ref") << QJsonValue(7) << true;
    QTest::newRow("string ref") << QJsonValue(u"req-7"_s) << true;
    QTest::newRow("zero ref") << QJsonValue(0) << true;
    QTest::newRow("false ref") << QJsonValue(false) << true;
    QTest::newRow("object ref") << QJsonValue(QJsonObject{{u"n"_s, 1}}) << true;
}

void tst_WireCodec::errorFrame()
{
    QFETCH(QJsonValue, ref);
    QFETCH(bool, hasRef);

    const ProtocolError error = ProtocolError::make(ErrorCode::TextTooLong, u"Too long."_s);
    const QJsonObject frame = WireCodec::errorFrame(error, ref);
    QCOMPARE(frame.value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(frame.value(u"code"_s).toString(), u"text_too_long"_s);
    QCOMPARE(frame.value(u"message"_s).toString(), u"Too long."_s);
    QCOMPARE(frame.contains(u"ref"_s), hasRef);
    QCOMPARE(frame.size(), hasRef ? 4 : 3);
    if (hasRef)
        QCOMPARE(frame.value(u"ref"_s), ref);

    // The default argument is "no ref".
    QVERIFY(!WireCodec::errorFrame(error).contains(u"ref"_s));
}

void tst_WireCodec::jsonShapes_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QStringList>("expectedKeys");

    const QStringList agentMessageKeys = visitorMessageKeys + QStringList{u"authorAgentId"_s};
    const QStringList agentConversationKeys = visitorConversationKeys
        + QStringList{u"siteId"_s, u"visitorId"_s, u"assignedAgentId"_s, u"updatedAt"_s, u"ratingComment"_s};

    QTest::newRow("message, agent view") << WireCodec::toJson(agentMessage()) << agentMessageKeys;
    QTest::newRow("system message, agent view") << WireCodec::toJson(systemMessage()) << agentMessageKeys;
    QTest::newRow("message, visitor view") << WireCodec::toVisitorJson(agentMessage()) << visitorMessageKeys;
    QTest::newRow("conversation, agent view")
        << WireCodec::toJson(conversation(ConversationStatus::Active)) << agentConversationKeys;
    QTest::newRow("conversation, visitor view")
        << WireCodec::toVisitorJson(conversation(ConversationStatus::Active)) << visitorConversationKeys;
    QTest::newRow("summary") << WireCodec::toJson(
        ConversationSummary{conversation(ConversationStatus::Waiting), visitor(), visitorMessage()}, true)
                             << agentConversationKeys + QStringList{u"visitor"_s, u"lastMessage"_s};
    QTest::newRow("visitor") << WireCodec::toJson(visitor(), false)
                             << QStringList{u"id"_s,     u"name"_s,      u"email"_s,     u"attributes"_s,
                                            u"online"_s, u"createdAt"_s, u"lastSeenAt"_s};
    QTest::newRow("agent") << WireCodec::toJson(agent()) << QStringList{u"id"_s, u"name"_s, u"email"_s, u"role"_s, u"disabled"_s};
    QTest::newRow("page") << WireCodec::toJson(PageView{u"v"_s, u"https://shop.example/a"_s, u"A"_s, 5})
                          << QStringList{u"url"_s, u"title"_s, u"at"_s};
}

void tst_WireCodec::jsonShapes()
{
    QFETCH(QJsonObject, json);
    QFETCH(QStringList, expectedKeys);
    QCOMPARE(sortedKeys(json), sorted(expectedKeys));
}

void tst_WireCodec::visitorJsonHidesAgentFields_data()
{
    QTest::addColumn<QJsonObject>("json");

    QTest::newRow("agent message") << WireCodec::toVisitorJson(agentMessage());
    QTest::newRow("visitor message") << WireCodec::toVisitorJson(visitorMessage());
    QTest::newRow("system message") << WireCodec::toVisitorJson(systemMessage());
    QTest::newRow("waiting conversation") << WireCodec::toVisitorJson(conversation(ConversationStatus::Waiting));
    QTest::newRow("active conversation") << WireCodec::toVisitorJson(conversation(ConversationStatus::Active));
    QTest::newRow("closed conversation") << WireCodec::toVisitorJson(conversation(ConversationStatus::Closed));
}

void tst_WireCodec::visitorJsonHidesAgentFields()
{
    QFETCH(QJsonObject, json);
    for (const QString &key : {u"authorAgentId"_s, u"assignedAgentId"_s, u"siteId"_s, u"email"_s, u"visitorId"_s})
        QVERIFY2(!json.contains(key), qPrintable(u"a visitor would see \"%1\""_s.arg(key)));
    // Nor anywhere below the top level.
    const QByteArray text = WireCodec::encode(json);
    QVERIFY(!text.contains("AgentId"));
    QVERIFY(!text.contains("siteId"));
}

void tst_WireCodec::messageValues()
{
    const QJsonObject agentView = WireCodec::toJson(agentMessage());
    QVERIFY(agentView.value(u"id"_s).isDouble());
    QCOMPARE(agentView.value(u"id"_s).toInteger(), 41);
    QCOMPARE(agentView.value(u"conversationId"_s).toInteger(), 7);
    QCOMPARE(agentView.value(u"author"_s).toString(), u"agent"_s);
    QCOMPARE(agentView.value(u"authorName"_s).toString(), u"Ada"_s);
    QCOMPARE(agentView.value(u"body"_s).toString(), u"How can I help?"_s);
    QCOMPARE(agentView.value(u"clientId"_s).toString(), u"c-1"_s);
    QCOMPARE(agentView.value(u"createdAt"_s).toInteger(), 1'700'000'000'123);
    QCOMPARE(agentView.value(u"authorAgentId"_s).toInteger(), 3);

    // The visitor view is the agent view minus authorAgentId, with clientId
    // only for the visitor's own messages (messageClientId checks that).
    QJsonObject withoutAgent = agentView;
    withoutAgent.remove(u"authorAgentId"_s);
    withoutAgent.insert(u"clientId"_s, QJsonValue::Null);
    QCOMPARE(WireCodec::toVisitorJson(agentMessage()), withoutAgent);

    const QJsonObject system = WireCodec::toJson(systemMessage());
    QCOMPARE(system.value(u"author"_s).toString(), u"system"_s);
    QVERIFY(system.value(u"clientId"_s).isNull());
    QVERIFY(system.value(u"authorAgentId"_s).isNull());
    QCOMPARE(system.value(u"authorName"_s).toString(), QString());
    QCOMPARE(WireCodec::toJson(visitorMessage()).value(u"author"_s).toString(), u"visitor"_s);
}

void tst_WireCodec::messageClientId_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QJsonValue>("expectedClientId");

    QTest::newRow("visitor message, visitor view") << WireCodec::toVisitorJson(visitorMessage()) << QJsonValue(u"v-1"_s);
    QTest::newRow("agent message, visitor view") << WireCodec::toVisitorJson(agentMessage()) << QJsonValue(QJsonValue::Null);
    QTest::newRow("system message, visitor view") << WireCodec::toVisitorJson(systemMessage()) << QJsonValue(QJsonValue::Null);
    QTest::newRow("visitor message, agent view") << WireCodec::toJson(visitorMessage()) << QJsonValue(u"v-1"_s);
    QTest::newRow("agent message, agent view") << WireCodec::toJson(agentMessage()) << QJsonValue(u"c-1"_s);
    QTest::newRow("system message, agent view") << WireCodec::toJson(systemMessage()) << QJsonValue(QJsonValue::Null);
}

void tst_WireCodec::messageClientId()
{
    QFETCH(QJsonObject, json);
    QFETCH(QJsonValue, expectedClientId);
    // Always present, so a client can tell "no client id" from an old server.
    QVERIFY(json.contains(u"clientId"_s));
    QCOMPARE(json.value(u"clientId"_s), expectedClientId);
}

void tst_WireCodec::conversationValues()
{
    const QJsonObject waiting = WireCodec::toJson(conversation(ConversationStatus::Waiting));
    QCOMPARE(waiting.value(u"status"_s).toString(), u"waiting"_s);
    QVERIFY(waiting.value(u"agentName"_s).isNull());
    QVERIFY(waiting.value(u"assignedAgentId"_s).isNull());
    QVERIFY(waiting.value(u"closedAt"_s).isNull());
    QCOMPARE(waiting.value(u"siteId"_s).toInteger(), 2);
    QCOMPARE(waiting.value(u"visitorId"_s).toString(), u"4b0e5a8e-0000-4000-8000-000000000001"_s);
    QCOMPARE(waiting.value(u"visitorReadUpTo"_s).toInteger(), 41);
    QCOMPARE(waiting.value(u"agentReadUpTo"_s).toInteger(), 40);
    QCOMPARE(waiting.value(u"updatedAt"_s).toInteger(), 1'700'000'000'200);

    const QJsonObject closed = WireCodec::toJson(conversation(ConversationStatus::Closed));
    QCOMPARE(closed.value(u"status"_s).toString(), u"closed"_s);
    QCOMPARE(closed.value(u"agentName"_s).toString(), u"Ada"_s);
    QCOMPARE(closed.value(u"assignedAgentId"_s).toInteger(), 3);
    QCOMPARE(closed.value(u"closedAt"_s).toInteger(), 1'700'000'009'000);

    const QJsonObject visitorView = WireCodec::toVisitorJson(conversation(ConversationStatus::Active));
    QCOMPARE(visitorView.value(u"status"_s).toString(), u"active"_s);
    QCOMPARE(visitorView.value(u"agentName"_s).toString(), u"Ada"_s);
    for (const QString &key : visitorConversationKeys)
        QCOMPARE(visitorView.value(key), WireCodec::toJson(conversation(ConversationStatus::Active)).value(key));
}

void tst_WireCodec::summaryValues()
{
    const QJsonObject withMessage
        = WireCodec::toJson(ConversationSummary{conversation(ConversationStatus::Waiting), visitor(), visitorMessage()}, true);
    QCOMPARE(withMessage.value(u"visitor"_s).toObject(), WireCodec::toJson(visitor(), true));
    QCOMPARE(withMessage.value(u"lastMessage"_s).toObject(), WireCodec::toJson(visitorMessage()));

    const QJsonObject empty
        = WireCodec::toJson(ConversationSummary{conversation(ConversationStatus::Waiting), visitor(), {}}, false);
    QVERIFY(empty.value(u"lastMessage"_s).isNull());
    QCOMPARE(empty.value(u"visitor"_s).toObject().value(u"online"_s).toBool(), false);
}

void tst_WireCodec::visitorAndAgentValues()
{
    const QJsonObject online = WireCodec::toJson(visitor(), true);
    // Visitor ids are UUID strings, unlike every other id.
    QVERIFY(online.value(u"id"_s).isString());
    QCOMPARE(online.value(u"online"_s).toBool(), true);
    QCOMPARE(online.value(u"name"_s).toString(), u"Grace"_s);
    QCOMPARE(online.value(u"attributes"_s).toObject().value(u"locale"_s).toString(), u"en-GB"_s);
    QCOMPARE(online.value(u"lastSeenAt"_s).toInteger(), 1'700'000'000'000);

    const QJsonObject agentJson = WireCodec::toJson(agent());
    QCOMPARE(agentJson.value(u"id"_s).toInteger(), 3);
    QCOMPARE(agentJson.value(u"role"_s).toString(), u"admin"_s);
    QCOMPARE(agentJson.value(u"email"_s).toString(), u"ada@example.com"_s);
    QVERIFY(!WireCodec::encode(agentJson).contains("argon2"));

    const QJsonObject page = WireCodec::toJson(PageView{u"v"_s, u"https://shop.example/a"_s, u"A"_s, 5});
    QCOMPARE(page.value(u"url"_s).toString(), u"https://shop.example/a"_s);
    QCOMPARE(page.value(u"at"_s).toInteger(), 5);
}

// --- Error codes ------------------------------------------------------------

namespace {

struct ErrorCodeRow {
    ErrorCode code;
    QString name;
    int status;
    QString sentence;
};

// The table of docs/protocol.md, "Protocol error codes": every code, the
// last one too (errorCodeTableCoversEveryCode fails when one is added without a row).
QList<ErrorCodeRow> errorCodeTable()
{
    return {
        {ErrorCode::BadJson, u"bad_json"_s, 400, u"The message is not a JSON object."_s},
        {ErrorCode::InvalidUtf8, u"invalid_utf8"_s, 400, u"The message is not valid UTF-8."_s},
        {ErrorCode::UnknownType, u"unknown_type"_s, 400, u"The message type is not part of this protocol."_s},
        {ErrorCode::MissingField, u"missing_field"_s, 400, u"A required field is missing."_s},
        {ErrorCode::InvalidField, u"invalid_field"_s, 400, u"A field has a value of the wrong kind."_s},
        {ErrorCode::TextTooLong, u"text_too_long"_s, 413, u"The text is longer than allowed."_s},
        {ErrorCode::NotAuthenticated, u"not_authenticated"_s, 401, u"Say hello (visitor) or auth (agent) first."_s},
        {ErrorCode::InvalidToken, u"invalid_token"_s, 401, u"The token is unknown or has expired."_s},
        {ErrorCode::InvalidCredentials, u"invalid_credentials"_s, 401, u"The email or password is wrong."_s},
        {ErrorCode::UnknownSite, u"unknown_site"_s, 404, u"No site has this site key."_s},
        {ErrorCode::OriginNotAllowed, u"origin_not_allowed"_s, 403, u"This website is not allowed to use this site key."_s},
        {ErrorCode::NotFound, u"not_found"_s, 404, u"There is no such conversation."_s},
        {ErrorCode::Conflict, u"conflict"_s, 409, u"The conversation's state does not allow this."_s},
        {ErrorCode::Forbidden, u"forbidden"_s, 403, u"Your role does not allow this."_s},
        {ErrorCode::RateLimited, u"rate_limited"_s, 429, u"Too many requests; wait a moment and try again."_s},
        {ErrorCode::StorageFailed, u"storage_failed"_s, 503, u"The server could not store this; nothing was saved. Try again."_s},
        {ErrorCode::UnsupportedVersion, u"unsupported_version"_s, 400, u"This server speaks protocol version 1."_s},
        {ErrorCode::IdentityRejected, u"identity_rejected"_s, 403,
         u"The identity hash does not match this user id; compute it on your server with the site's identity secret."_s},
        {ErrorCode::StorageBusy, u"storage_busy"_s, 503, u"The server is busy; nothing was stored. Try again in a moment."_s},
        {ErrorCode::Banned, u"banned"_s, 403, u"This chat is not available to you."_s},
        {ErrorCode::UnsupportedMediaType, u"unsupported_media_type"_s, 415,
         u"Send the body as JSON, with Content-Type: application/json."_s},
    };
}

// The rows of the "Protocol error codes" table in docs/protocol.md, by code name.
QHash<QString, ErrorCodeRow> documentedErrorCodes(QString *error)
{
    QFile file(QStringLiteral(FRONTDESK_PROTOCOL_DOC));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString());
        return {};
    }
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf(u"### Protocol error codes"_s);
    const qsizetype end = text.indexOf(u"### Transport error codes"_s, start);
    if (start < 0 || end < 0) {
        *error = u"docs/protocol.md has no \"Protocol error codes\" section"_s;
        return {};
    }
    QHash<QString, ErrorCodeRow> rows;
    static const QRegularExpression row(uR"(^\| `([a-z0-9_]+)` \| (\d{3}) \| ([^|]*) \|)"_s, QRegularExpression::MultilineOption);
    for (const QRegularExpressionMatch &match : row.globalMatch(QStringView(text).mid(start, end - start)))
        rows.insert(match.captured(1),
                    ErrorCodeRow{ErrorCode::BadJson, match.captured(1), match.captured(2).toInt(), match.captured(3).trimmed()});
    return rows;
}

} // namespace

void tst_WireCodec::errorCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("sentence");
    for (const ErrorCodeRow &row : errorCodeTable())
        QTest::newRow(qPrintable(row.name)) << int(row.code) << row.name << row.status << row.sentence;
}

void tst_WireCodec::errorCodes()
{
    QFETCH(int, code);
    QFETCH(QString, name);
    QFETCH(int, status);
    QFETCH(QString, sentence);

    QCOMPARE(errorCodeName(ErrorCode(code)), name);
    QCOMPARE(httpStatus(ErrorCode(code)), status);
    QCOMPARE(defaultErrorSentence(ErrorCode(code)), sentence);
    QCOMPARE(errorCodeFromName(name).value_or(ErrorCode::LastCode), ErrorCode(code));
}

void tst_WireCodec::errorCodeTableCoversEveryCode()
{
    QList<int> listed;
    for (const ErrorCodeRow &row : errorCodeTable())
        listed.append(int(row.code));
    std::sort(listed.begin(), listed.end());
    QList<int> every;
    for (int code = int(ErrorCode::BadJson); code <= int(ErrorCode::LastCode); ++code)
        every.append(code);
    QCOMPARE(listed, every);
}

void tst_WireCodec::errorCodeTableMatchesTheDocs()
{
    QString error;
    const QHash<QString, ErrorCodeRow> documented = documentedErrorCodes(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const ErrorCodeRow &row : errorCodeTable()) {
        QVERIFY2(documented.contains(row.name), qPrintable(u"docs/protocol.md does not list %1"_s.arg(row.name)));
        QCOMPARE(documented.value(row.name).status, row.status);
        QCOMPARE(documented.value(row.name).sentence, row.sentence);
    }
    QCOMPARE(documented.size(), errorCodeTable().size());
}

void tst_WireCodec::errorCodeNamesAreDistinct()
{
    // Every code up to LastCode, the range errorCodeFromName() searches (the
    // polling API looks a frame's status up through it).
    QSet<QString> names;
    QSet<QString> sentences;
    int count = 0;
    for (int code = int(ErrorCode::BadJson); code <= int(ErrorCode::LastCode); ++code, ++count) {
        const QString name = errorCodeName(ErrorCode(code));
        QVERIFY2(!name.isEmpty(), qPrintable(u"code %1 has no name"_s.arg(code)));
        QVERIFY2(!defaultErrorSentence(ErrorCode(code)).isEmpty(), qPrintable(u"%1 has no sentence"_s.arg(name)));
        const int status = httpStatus(ErrorCode(code));
        QVERIFY2(status >= 400 && status <= 599, qPrintable(u"%1 maps to HTTP %2"_s.arg(name).arg(status)));
        names.insert(name);
        sentences.insert(defaultErrorSentence(ErrorCode(code)));
    }
    QCOMPARE(count, int(errorCodeTable().size()));
    QCOMPARE(names.size(), count);
    QCOMPARE(sentences.size(), count);
}

void tst_WireCodec::protocolErrorMake()
{
    const ProtocolError withDefault = ProtocolError::make(ErrorCode::RateLimited);
    QVERIFY(withDefault.code == ErrorCode::RateLimited);
    QCOMPARE(withDefault.message, defaultErrorSentence(ErrorCode::RateLimited));

    const ProtocolError specific = ProtocolError::make(ErrorCode::NotFound, u"There is no visitor x."_s);
    QCOMPARE(specific.message, u"There is no visitor x."_s);

    // An empty sentence means "the default", never an empty message on the wire.
    QCOMPARE(ProtocolError::make(ErrorCode::Conflict, QString()).message, defaultErrorSentence(ErrorCode::Conflict));
}

QTEST_GUILESS_MAIN(tst_WireCodec)
#include "tst_wirecodec.moc"
