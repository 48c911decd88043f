#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace Frontdesk {

/// @brief An email address with an optional display name, checked strictly:
/// whatever a visitor typed can become a header only through this.
///
/// The address is plain ASCII `local@domain` (RFC 5321's dot-atom, no quoted
/// local parts, no comments, no IP literals, a domain of labels with a dot),
/// at most 254 characters: nothing in it can end a header line or add a
/// recipient. The name may be anything; control characters are dropped and
/// the rest is RFC 2047-encoded when it is not plain printable ASCII.
struct MailAddress {
    QString name;
    QString address;

    /// Whether @p address is one address this class accepts (see above).
    [[nodiscard]] static bool isValidAddress(const QString &address);
    /// "a@b.example" or "Display Name <a@b.example>"; std::nullopt for anything else.
    [[nodiscard]] static std::optional<MailAddress> parse(const QString &text);
    /// @p name without control characters (CR, LF, tabs, ...) and trimmed, at most 100 characters.
    [[nodiscard]] static QString cleanName(const QString &name);

    [[nodiscard]] QString domain() const { return address.mid(address.lastIndexOf(u'@') + 1); }
    /// The header value: `<a@b>`, `"Name" <a@b>` or `=?UTF-8?B?...?= <a@b>`.
    [[nodiscard]] QByteArray toHeader() const;
    /// As a person reads it: "Name <a@b>" or "a@b".
    [[nodiscard]] QString toString() const;
};

} // namespace Frontdesk
