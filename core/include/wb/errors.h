#pragma once

#include <stdexcept>
#include <string>

namespace wb::core {

/// Machine-readable category of a core failure; the CLI maps it to an exit code.
enum class ErrorCode {
    InvalidArgument, ///< a parameter or option is out of range (usage error)
    BadData,         ///< a dataset file is unreadable, corrupt or inconsistent
    BadSpec,         ///< a model spec is malformed or its shapes do not fit
    Session,         ///< a session file is missing, locked, corrupt or too new
    Io,              ///< a file could not be read or written
    Runtime,         ///< anything else that went wrong while running
};

/// The one exception type core throws: a code plus a message a user understands
/// (which file, which field, what was expected).
class Error : public std::runtime_error
{
public:
    Error(ErrorCode code, const std::string &message)
        : std::runtime_error(message), m_code(code) {}
    ErrorCode code() const { return m_code; }

private:
    ErrorCode m_code;
};

/// Short lowercase name of an error code ("bad-data", ...), for JSON output.
const char *errorCodeName(ErrorCode code);

} // namespace wb::core
