#pragma once
// Text of the grid study's messages, shared by its config checks and its plan.
#include <cstdio>
#include <string>

namespace wb::core::detail {

/// A data fraction as messages print it: 0.5, 0.001, 1 (6 significant digits).
inline std::string fractionText(double f)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", f);
    return text;
}

} // namespace wb::core::detail
