#include "proxytrust.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace Frontdesk {

namespace {

// Splits on @p separator outside RFC 7230 quoted strings (a `Forwarded` value
// may quote an IPv6 address, and a hostile one may quote a separator).
QList<QByteArray> splitOutsideQuotes(const QByteArray &text, char separator)
{
    QList<QByteArray> parts;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (quoted && c == '\\' && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        if (c == separator && !quoted) {
            parts.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    parts.append(current.trimmed());
    return parts;
}

QByteArray unquoted(QByteArray value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"')) {
        QByteArray plain;
        for (qsizetype i = 1; i + 1 < value.size(); ++i) {
            if (value.at(i) == '\\' && i + 2 < value.size())
                ++i;
            plain += value.at(i);
        }
        return plain;
    }
    return value;
}

// One hop of a chain: "192.0.2.1", "192.0.2.1:4711", "2001:db8::1",
// "[2001:db8::1]:4711"; anything else ("unknown", "_hidden") is no address.
std::optional<QHostAddress> nodeAddress(const QByteArray &node)
{
    QByteArray text = unquoted(node);
    if (text.startsWith('[')) {
        const qsizetype close = text.indexOf(']');
        if (close < 0)
            return std::nullopt;
        text = text.mid(1, close - 1);
    } else if (text.count(':') == 1) {
        text = text.left(text.indexOf(':')); // IPv4 with a port
    }
    QHostAddress address;
    if (text.isEmpty() || !address.setAddress(QString::fromLatin1(text)))
        return std::nullopt;
    // A v4 client seen through a v6 socket is the same client.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4);
    return address;
}

QByteArray schemeOf(const QByteArray &value)
{
    const QByteArray scheme = unquoted(value).toLower();
    return scheme == "http" || scheme == "https" ? scheme : QByteArray();
}

struct Hop {
    QByteArray node;
    QByteArray proto;
};

QList<Hop> hopsOf(ProxyTrust::Header header, const QByteArray &value)
{
    QList<Hop> hops;
    if (value.trimmed().isEmpty())
        return hops;
    for (const QByteArray &element : splitOutsideQuotes(value, ',')) {
        if (header == ProxyTrust::Header::XForwardedFor) {
            hops.append({element, {}});
            continue;
        }
        Hop hop;
        for (const QByteArray &pair : splitOutsideQuotes(element, ';')) {
            const qsizetype equals = pair.indexOf('=');
            if (equals <= 0)
                continue;
            const QByteArray key = pair.left(equals).trimmed().toLower();
            if (key == "for")
                hop.node = pair.mid(equals + 1);
            else if (key == "proto")
                hop.proto = pair.mid(equals + 1);
        }
        hops.append(hop);
    }
    return hops;
}

} // namespace

bool ProxyTrust::trusts(const QHostAddress &peer) const
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    const QHostAddress address = isV4 ? QHostAddress(v4) : peer;
    for (const auto &proxy : proxies) {
        if (address.isInSubnet(proxy))
            return true;
    }
    return false;
}

QByteArray ProxyTrust::headerName() const
{
    return header == Header::Forwarded ? QByteArrayLiteral("forwarded") : QByteArrayLiteral("x-forwarded-for");
}

ProxyTrust::Client ProxyTrust::resolve(const QHostAddress &peer, const QByteArray &forwardingHeader,
                                       const QByteArray &protoHeader) const
{
    if (!trusts(peer))
        return Client{peer, {}};
    Client client{peer, {}};
    if (header == Header::XForwardedFor) {
        // Set by the nearest proxy, which we trust; a client's own value would be further left.
        client.scheme = schemeOf(splitOutsideQuotes(protoHeader, ',').constLast());
    }
    const QList<Hop> hops = hopsOf(header, forwardingHeader);
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        const std::optional<QHostAddress> address = nodeAddress(hop->node);
        if (!address)
            break; // the chain says nothing we can check beyond this point
        client.address = *address;
        if (header == Header::Forwarded) {
            const QByteArray scheme = schemeOf(hop->proto);
            if (!scheme.isEmpty())
                client.scheme = scheme;
        }
        if (!trusts(*address))
            break;
    }
    return client;
}

bool ProxyTrust::parseProxy(const QString &text, QPair<QHostAddress, int> *proxy, QString *error)
{
    const QString trimmed = text.trimmed();
    QPair<QHostAddress, int> parsed
        = trimmed.contains(u'/') ? QHostAddress::parseSubnet(trimmed) : QPair<QHostAddress, int>(QHostAddress(trimmed), -1);
    if (parsed.first.isNull()) {
        *error = u"\"%1\" is not an address or a network such as 10.0.0.0/8 or fd00::/8."_s.arg(text);
        return false;
    }
    if (parsed.second < 0)
        parsed.second = parsed.first.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
    *proxy = parsed;
    return true;
}

bool ProxyTrust::parseHeader(const QString &text, Header *header, QString *error)
{
    const QString name = text.trimmed().toLower();
    if (name == u"x-forwarded-for") {
        *header = Header::XForwardedFor;
        return true;
    }
    if (name == u"forwarded") {
        *header = Header::Forwarded;
        return true;
    }
    *error = u"The proxy header is \"x-forwarded-for\" (nginx, Caddy) or \"forwarded\" (RFC 7239), not \"%1\"."_s.arg(text);
    return false;
}

} // namespace Frontdesk
