#pragma once

#include "wb/errors.h"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace wb::core::json {

/// Reads typed fields from a JSON object with messages that name the field, and refuses
/// keys nobody asked for (typos must not be silently ignored).
class Reader
{
public:
    Reader(const std::string &text, std::string what) : m_what(std::move(what))
    {
        try {
            m_json = nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error &e) {
            throw Error(ErrorCode::InvalidArgument, m_what + ": invalid JSON (" + e.what() + ")");
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

} // namespace wb::core::json
