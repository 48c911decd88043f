#include "headerblockscanner.h"

namespace Frontdesk {

void HeaderBlockScanner::reset()
{
    m_state = State::BeforeRequestLine;
    m_afterCr = false;
    m_scanned = 0;
}

HeaderBlockScanner::Problem HeaderBlockScanner::scan(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (m_state == State::Complete)
            return Problem::None;
        ++m_scanned;
        const auto byte = static_cast<unsigned char>(c);
        if (m_afterCr) {
            m_afterCr = false;
            if (byte != '\n')
                return Problem::BareCr;
        }
        if (byte == '\r') {
            m_afterCr = true;
            continue;
        }
        if (byte == '\n') {
            switch (m_state) {
            case State::BeforeRequestLine:
                break;
            case State::RequestLine:
            case State::Line:
                m_state = State::LineStart;
                break;
            case State::LineStart:
                m_state = State::Complete;
                break;
            case State::Complete:
                break;
            }
            continue;
        }
        switch (m_state) {
        case State::BeforeRequestLine:
        case State::RequestLine:
            // Method, target and version are ASCII without controls; the
            // parser would take a tab or a byte above 127 into the target.
            if (byte < 0x20 || byte >= 0x7f)
                return Problem::RequestLineByte;
            m_state = State::RequestLine;
            break;
        case State::LineStart:
            // The parser would join this line to the previous header's value.
            if (byte == ' ' || byte == '\t')
                return Problem::ObsFold;
            m_state = State::Line;
            break;
        case State::Line:
        case State::Complete:
            break;
        }
    }
    return Problem::None;
}

} // namespace Frontdesk
