#pragma once

#include <QString>

namespace Frontdesk {

/// @brief Browser and operating system read from a User-Agent header, for people to read.
struct UserAgent {
    QString browser; ///< e.g. "Firefox 121", "" if unknown
    QString os; ///< e.g. "Windows 10/11", "macOS", "Android 14", "" if unknown

    /// Recognises the common browsers and systems; order matters because
    /// Chromium-based browsers also claim to be Chrome and Safari.
    [[nodiscard]] static UserAgent parse(const QString &header);
};

} // namespace Frontdesk
