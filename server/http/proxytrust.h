#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace Frontdesk {

/**
 * @brief Which peers are reverse proxies of ours, and who the client behind
 * one of them is.
 *
 * Behind a proxy every connection comes from the proxy's address, so without
 * this the per-address limits (sockets, new visitors, password guesses) and
 * the bans would treat all visitors as one. The forwarding headers are read
 * only from a peer on the list: from anyone else they are what an attacker
 * typed, and believing them would let one client pose as any address (and
 * slip past a ban or a login throttle by changing a header).
 *
 * Only the one header the proxy is told to write counts. A proxy passes on
 * the headers it does not manage: nginx and Caddy write X-Forwarded-For and
 * leave a client's own `Forwarded:` untouched, so trusting `Forwarded` behind
 * them would hand the choice of address back to the client.
 */
struct ProxyTrust {
    enum class Header { XForwardedFor, Forwarded };

    QList<QPair<QHostAddress, int>> proxies; ///< addresses and networks (an address is a /32 or /128)
    Header header = Header::XForwardedFor;

    /// The client behind a request, and the scheme it used.
    struct Client {
        QHostAddress address;
        QByteArray scheme; ///< "http" or "https" as the proxy says; empty: as on our own socket
    };

    [[nodiscard]] bool isEmpty() const { return proxies.isEmpty(); }
    [[nodiscard]] bool trusts(const QHostAddress &peer) const;
    /// @p peer itself unless it is a trusted proxy; then the right-most
    /// address of the forwarding chain that is not itself trusted (so a
    /// client cannot prepend addresses of its choice). A chain that ends in
    /// something other than an address ("unknown", an obfuscated name, no
    /// header at all) gives the nearest proxy: never a guess.
    /// Header values are all the lines of that header, in order, joined with ", ".
    [[nodiscard]] Client resolve(const QHostAddress &peer, const QByteArray &forwardingHeader,
                                 const QByteArray &protoHeader) const;
    /// The header resolve() reads, lower-case: "x-forwarded-for" or "forwarded".
    [[nodiscard]] QByteArray headerName() const;

    /// Parses one `--trusted-proxy` value: an address or a CIDR network.
    [[nodiscard]] static bool parseProxy(const QString &text, QPair<QHostAddress, int> *proxy, QString *error);
    /// Parses `--proxy-header`: "x-forwarded-for" or "forwarded".
    [[nodiscard]] static bool parseHeader(const QString &text, Header *header, QString *error);
};

} // namespace Frontdesk
