#pragma once

#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <type_traits>
#include <string>
#include <vector>

namespace wb::core::json {

/// A JSON library error as a user reads it: without the "[json.exception.parse_error.101] "
/// prefix.
inline std::string message(const nlohmann::json::exception &e)
{
    std::string m = e.what();
    if (m.rfind("[json.exception.", 0) == 0)
        if (const auto end = m.find("] "); end != std::string::npos)
            m.erase(0, end + 2);
    // The library writes control characters as "<U+000A>": show them as JSON escapes ("\n").
    for (auto at = m.find("<U+"); at != std::string::npos; at = m.find("<U+", at + 1))
        if (const auto close = m.find('>', at); close != std::string::npos && close - at == 7) {
            const std::string hex = m.substr(at + 3, 4);
            const std::string shown = hex == "000A" ? "\\n" : hex == "000D" ? "\\r" : hex == "0009" ? "\\t" : "\\u" + hex;
            m.replace(at, 8, shown);
        }
    return m;
}

/// `v` as an integer of type T: a JSON integer, or a number with an integral value, within T's
/// range. Anything else (3.3e31, 2.5, "7", an integer beyond T) throws Error(code) as
/// "<context>: field '<field>' must be an integer from MIN to MAX, got <v>" — never the silent
/// narrowing or undefined float-to-integer conversion of a plain get<T>().
template <typename T>
T integer(const nlohmann::json &v, const std::string &field, const std::string &context,
          ErrorCode code = ErrorCode::Session)
{
    static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
    using L = std::numeric_limits<T>;
    bool ok = false;
    long double x = 0;
    if (v.is_number_unsigned()) {
        x = static_cast<long double>(v.get<std::uint64_t>());
        ok = true;
    } else if (v.is_number_integer()) {
        x = static_cast<long double>(v.get<std::int64_t>());
        ok = true;
    } else if (v.is_number_float()) {
        const double d = v.get<double>();
        ok = std::isfinite(d) && std::floor(d) == d;
        x = d;
    }
    if (!ok || x < static_cast<long double>(L::min()) || x > static_cast<long double>(L::max()))
        throw Error(code, context + ": field '" + field + "' must be an integer from " + std::to_string(L::min())
                              + " to " + std::to_string(L::max()) + ", got " + v.dump());
    if (v.is_number_unsigned())
        return static_cast<T>(v.get<std::uint64_t>());
    if (v.is_number_integer())
        return static_cast<T>(v.get<std::int64_t>());
    return static_cast<T>(x);
}

/// object[key] as an integer (see integer()), or `fallback` when the key is absent.
template <typename T>
T integerOr(const nlohmann::json &object, const char *key, T fallback, const std::string &context,
            ErrorCode code = ErrorCode::Session)
{
    if (!object.is_object() || !object.contains(key))
        return fallback;
    return integer<T>(object.at(key), key, context, code);
}

/// A JSON array of integers (see integer()).
template <typename T>
std::vector<T> integers(const nlohmann::json &array, const std::string &field, const std::string &context,
                        ErrorCode code = ErrorCode::Session)
{
    if (!array.is_array())
        throw Error(code, context + ": field '" + field + "' must be an array of integers, got " + array.dump());
    std::vector<T> out;
    for (const auto &v : array)
        out.push_back(integer<T>(v, field, context, code));
    return out;
}

/// Reads typed fields from a JSON object with messages that name the field, and refuses
/// keys nobody asked for (typos must not be silently ignored).
class Reader
{
public:
    Reader(const std::string &text, std::string what) : m_what(std::move(what))
    {
        try {
            m_json = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception &e) { // parse errors, and numbers out of range (1e400)
            throw Error(ErrorCode::InvalidArgument, m_what + ": invalid JSON (" + json::message(e) + ")");
        }
        if (!m_json.is_object())
            throw Error(ErrorCode::InvalidArgument, m_what + ": expected a JSON object");
    }

    template <typename T>
    void get(const char *key, T &out)
    {
        m_seen.insert(key);
        auto it = m_json.find(key);
        if (it == m_json.end())
            return;
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
            out = integer<T>(*it, key, m_what, ErrorCode::InvalidArgument);
            return;
        }
        try {
            out = it->template get<T>();
        } catch (const nlohmann::json::exception &) {
            throw Error(ErrorCode::InvalidArgument,
                        m_what + ": field '" + key + "' has the wrong type (" + it->dump() + ")");
        }
    }

    void finish() const
    {
        for (auto it = m_json.begin(); it != m_json.end(); ++it)
            if (!m_seen.count(it.key()))
                throw Error(ErrorCode::InvalidArgument,
                            m_what + ": unknown field '" + it.key() + "'");
    }

private:
    nlohmann::json m_json;
    std::string m_what;
    std::set<std::string> m_seen;
};

/// Numbers as JSON, NaN/Inf as null (JSON has no NaN), and back.
inline nlohmann::json numbers(const std::vector<double> &values)
{
    nlohmann::json out = nlohmann::json::array();
    for (double x : values)
        out.push_back(std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr));
    return out;
}
inline std::vector<double> fromNumbers(const nlohmann::json &array)
{
    std::vector<double> out;
    for (const auto &x : array)
        out.push_back(x.is_null() ? std::numeric_limits<double>::quiet_NaN() : x.get<double>());
    return out;
}

} // namespace wb::core::json
