#include "wb/errors.h"
#include "wb/history.h"

namespace wb::core {

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "invalid-argument";
    case ErrorCode::BadData: return "bad-data";
    case ErrorCode::BadSpec: return "bad-spec";
    case ErrorCode::Session: return "session";
    case ErrorCode::Io: return "io";
    case ErrorCode::Runtime: return "runtime";
    }
    return "runtime";
}

const char *runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Created: return "created";
    case RunStatus::Running: return "running";
    case RunStatus::Completed: return "completed";
    case RunStatus::Cancelled: return "cancelled";
    case RunStatus::Diverged: return "diverged";
    case RunStatus::Failed: return "failed";
    case RunStatus::Interrupted: return "interrupted";
    }
    return "failed";
}

RunStatus runStatusFromName(const std::string &name)
{
    for (auto s : {RunStatus::Created, RunStatus::Running, RunStatus::Completed,
                   RunStatus::Cancelled, RunStatus::Diverged, RunStatus::Failed, RunStatus::Interrupted}) {
        if (name == runStatusName(s))
            return s;
    }
    throw Error(ErrorCode::Session, "unknown run status '" + name + "'");
}

} // namespace wb::core
