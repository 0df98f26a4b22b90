#pragma once

// Core-private: checks of the numbers in a study cell's result JSON, shared by the study types'
// cell validation (every cell merged from a file may be hostile).
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace wb::core::detail {

// A value of a hostile file as a message quotes it: numbers and short texts as they are,
// longer texts cut, arrays and objects by their kind (a deeply nested one would overflow the
// stack of the serialiser).
inline std::string shownValue(const nlohmann::json &v)
{
    if (v.is_array())
        return "an array";
    if (v.is_object())
        return "an object";
    if (v.is_string() && v.get_ref<const std::string &>().size() > 40)
        return nlohmann::json(v.get_ref<const std::string &>().substr(0, 40)).dump() + "…";
    return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Whether `v` nests deeper than `limit` levels (checked without recursion).
inline bool nestsDeeperThan(const nlohmann::json &v, int limit)
{
    std::vector<std::pair<const nlohmann::json *, int>> stack{{&v, 1}};
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        if (depth > limit)
            return true;
        if (node->is_structured())
            for (const auto &child : *node)
                stack.push_back({&child, depth + 1});
    }
    return false;
}

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
        return std::string("'") + key + "': expected a number, got " + shownValue(v);
    const double d = v.get<double>();
    if (!std::isfinite(d) || d < lo || d > hi)
        return std::string("'") + key + "': " + shownValue(v) + " is outside [" + nlohmann::json(lo).dump() + ", "
               + (std::isinf(hi) ? "∞" : nlohmann::json(hi).dump()) + "]";
    if (integral && std::floor(d) != d)
        return std::string("'") + key + "': expected a whole number, got " + shownValue(v);
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
            return std::string("'") + key + "': expected numbers, got " + shownValue(v);
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < lo || d > hi || (integral && std::floor(d) != d))
            return std::string("'") + key + "': " + shownValue(v) + " is out of range";
    }
    return {};
}

} // namespace wb::core::detail
