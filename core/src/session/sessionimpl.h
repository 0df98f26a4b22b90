#pragma once

// The private side of wb::core::Session shared by its two units: session.cpp (open,
// migrate, writes, copies) and sessionqueries.cpp (reads).
#include "wb/errors.h"
#include "wb/session.h"
#include "wb/study.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cmath>
#include <limits>
#include <memory>
#include <string>

namespace wb::core {

namespace detail::sessionio {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// SQLite stores NaN as NULL: map both ways explicitly.
inline void bindReal(SQLite::Statement &q, int index, double v)
{
    if (std::isnan(v))
        q.bind(index);
    else
        q.bind(index, v);
}

inline double real(const SQLite::Column &c) { return c.isNull() ? kNaN : c.getDouble(); }
inline std::string text(const SQLite::Column &c) { return c.isNull() ? std::string() : c.getString(); }
inline std::string blob(const SQLite::Column &c)
{
    return std::string(static_cast<const char *>(c.getBlob()), std::size_t(c.getBytes()));
}

// A stored status parsed with `parse`; one this build does not know (a newer version's, or
// damage) becomes `fallback` and a note for the row's message, so that one row cannot block
// every command on the session.
template <typename Status, typename Parse>
Status statusOr(const std::string &stored, Parse parse, Status fallback, std::string &note)
{
    try {
        return parse(stored);
    } catch (const Error &) {
        note = " [stored status '" + stored + "' is unknown; shown as failed]";
        return fallback;
    }
}

// Whether a run in `status` is held by the process `owner` names: a running run, or a created
// one whose process is still loading its data. A created run in a file written before runs had
// owners at creation (no owner) is held by nobody one can name: left as it is.
inline bool runIsHeld(RunStatus status, const std::string &owner)
{
    return status == RunStatus::Running || (status == RunStatus::Created && !owner.empty());
}

[[noreturn]] inline void sessionError(const std::string &path, const std::string &what)
{
    throw Error(ErrorCode::Session, path + ": " + what);
}

} // namespace detail::sessionio

namespace detail {
/// Migrates an open session file from `fromVersion` to kSessionSchemaVersion in one
/// transaction, keeping "<path>.v1-backup" until it has committed (sessionmigration.cpp).
void migrateSession(SQLite::Database &db, const std::string &path, int fromVersion);
} // namespace detail

struct Session::Impl
{
    std::string path;
    int version = 0;
    std::unique_ptr<SQLite::Database> db;

    // Wraps SQLite failures into Error(Session) naming the file.
    template <typename F>
    auto guarded(const char *what, F &&f) -> decltype(f())
    {
        try {
            return f();
        } catch (const SQLite::Exception &e) {
            detail::sessionio::sessionError(path, std::string(what) + " failed: " + e.what());
        }
    }
};

} // namespace wb::core
