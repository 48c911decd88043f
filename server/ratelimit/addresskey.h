#pragma once

#include <QHostAddress>
#include <QString>

namespace Frontdesk {

/// @brief The key a client address is counted under by every per-address limit.
///
/// IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d and count as
/// a.b.c.d; an IPv6 client usually owns a whole /64, so counting single IPv6
/// addresses would be no limit at all: they count per /64.
class AddressKey
{
public:
    [[nodiscard]] static QHostAddress of(const QHostAddress &peer);
    /// The same key as text ("192.0.2.7", "2001:db8:1:2::/64"), for maps and logs.
    [[nodiscard]] static QString text(const QHostAddress &peer);
};

} // namespace Frontdesk
