#pragma once

#include <QByteArrayView>

namespace Frontdesk {

/// @brief Reads a request's start line and header block ahead of
/// libhttp-parser and finds what the parser, built non-strict, lets through
/// although RFC 9112 says to reject it.
///
/// Each is a way for two parsers (ours and a proxy's) to disagree about where
/// a header or a request ends: obs-fold (a line starting with whitespace,
/// §5.2), a bare CR (§2.2), and control or non-ASCII bytes in the request line
/// (§3). Stops at the empty line that ends the header block, so a body is
/// never looked at. Bytes may arrive in any number of pieces.
class HeaderBlockScanner
{
public:
    enum class Problem {
        None,
        ObsFold, ///< a header line continued on the next line
        BareCr, ///< a CR not followed by LF
        RequestLineByte, ///< a control or non-ASCII byte in the request line
    };

    void reset();
    /// Scans @p bytes, which continue the request right after the bytes already scanned.
    [[nodiscard]] Problem scan(QByteArrayView bytes);
    [[nodiscard]] bool isComplete() const { return m_state == State::Complete; }
    /// Bytes of the request scanned so far.
    [[nodiscard]] qsizetype scannedBytes() const { return m_scanned; }

private:
    enum class State {
        BeforeRequestLine, ///< empty lines before the request line are allowed (RFC 9112 §2.2)
        RequestLine,
        LineStart, ///< just after a line feed inside the header block
        Line, ///< inside a header line
        Complete, ///< the empty line that ends the block was seen
    };

    State m_state = State::BeforeRequestLine;
    bool m_afterCr = false;
    qsizetype m_scanned = 0;
};

} // namespace Frontdesk
