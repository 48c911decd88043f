#include "addresskey.h"

using namespace Qt::StringLiterals;

namespace Frontdesk {

QHostAddress AddressKey::of(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4);
    if (peer.protocol() != QAbstractSocket::IPv6Protocol || peer.isLoopback())
        return peer;
    Q_IPV6ADDR v6 = peer.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        v6[i] = 0;
    return QHostAddress(v6);
}

QString AddressKey::text(const QHostAddress &peer)
{
    const QHostAddress key = of(peer);
    if (key.protocol() == QAbstractSocket::IPv6Protocol && !key.isLoopback())
        return key.toString() + u"/64"_s;
    return key.toString();
}

} // namespace Frontdesk
