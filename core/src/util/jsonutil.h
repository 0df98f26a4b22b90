#pragma once

#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <set>
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
    return m;
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
