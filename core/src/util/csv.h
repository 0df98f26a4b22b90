#pragma once

// Core-private: one CSV field as RFC 4180 writes it.
#include <string>

namespace wb::core::detail {

/// `text` as one CSV field: quoted (inner quotes doubled) when it holds a comma, quote or line break.
/// With `flattenLineBreaks` a line break becomes a space, for files that line-based tools read.
inline std::string csvField(const std::string &text, bool flattenLineBreaks = false)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += "\"\"";
        else if (flattenLineBreaks && (c == '\n' || c == '\r'))
            out += ' ';
        else
            out += c;
    }
    return out + "\"";
}

} // namespace wb::core::detail
