#pragma once

// Core-private: checks of the numbers in a study cell's result JSON, shared by the study types'
// cell validation (every cell merged from a file may be hostile).
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <string>

namespace wb::core::detail {

// Why j[key] is not a number in [lo, hi] (a whole number when `integral`, or null when
// `nullable`); empty when it is.
inline std::string numberError(const nlohmann::json &j, const char *key, double lo, double hi, bool nullable,
                        bool integral = false)
{
    if (!j.contains(key))
        return std::string("'") + key + "' is missing";
    const auto &v = j.at(key);
    if (nullable && v.is_null())
        return {};
    if (!v.is_number())
        return std::string("'") + key + "': expected a number, got " + v.dump();
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < lo || d > hi)
        return std::string("'") + key + "': " + v.dump() + " is outside [" + nlohmann::json(lo).dump() + ", "
               + (std::isinf(hi) ? "∞" : nlohmann::json(hi).dump()) + "]";
    if (integral && std::floor(d) != d)
        return std::string("'") + key + "': expected a whole number, got " + v.dump();
    return {};
}

// Why j is not an array of `n` (or at most `n` when !exact) numbers in [lo, hi] or nulls.
inline std::string numbersError(const nlohmann::json &j, const char *key, std::size_t n, bool exact, double lo, double hi,
                         bool integral = false)
{
    if (!j.contains(key) || !j.at(key).is_array())
        return std::string("'") + key + "' is not an array";
    const auto &a = j.at(key);
    if (exact ? a.size() != n : a.size() > n)
        return std::string("'") + key + "' has " + std::to_string(a.size()) + " entries, expected "
               + (exact ? "" : "at most ") + std::to_string(n);
    for (const auto &v : a) {
        if (v.is_null() && !integral)
            continue;
        if (!v.is_number())
            return std::string("'") + key + "': expected numbers, got " + v.dump();
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < lo || d > hi || (integral && std::floor(d) != d))
            return std::string("'") + key + "': " + v.dump() + " is out of range";
    }
    return {};
}

} // namespace wb::core::detail
