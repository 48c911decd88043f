#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace Frontdesk {

/// @brief Who may read `/metrics`: the listed addresses, or anyone with the token.
struct MetricsAccess {
    /// Loopback by default: a scraper on the same machine needs nothing else.
    QList<QPair<QHostAddress, int>> allowed{{QHostAddress(QHostAddress::LocalHost), 32},
                                            {QHostAddress(QHostAddress::LocalHostIPv6), 128}};
    QByteArray token; ///< FRONTDESK_METRICS_TOKEN: `Authorization: Bearer <token>` from anywhere; empty: none
};

} // namespace Frontdesk
