#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// Where a study stands. Stored: Running (a process here runs it), Submitted (cells run as a
/// Slurm job array), Complete, Cancelled, Failed. Derived on read: Interrupted (stored as
/// Running, but the process that ran it is gone: killed, crashed, power loss).
enum class StudyStatus { Running, Submitted, Complete, Cancelled, Failed, Interrupted };

const char *studyStatusName(StudyStatus status);
/// Parses a name of studyStatusName; throws Error(Session) naming `value` otherwise.
StudyStatus studyStatusFromName(const std::string &value);

/// One study of a session: a type ("sufficiency", ...), its config and a plan of
/// `cellCount` independent cells (config_json holds everything a cell needs but the data).
struct StudyRecord
{
    std::int64_t id = 0;
    std::string type;
    std::string name;
    std::int64_t datasetId = 0;  ///< 0: no dataset recorded (studies migrated from version 1)
    std::string configJson;
    int cellCount = 0;
    StudyStatus status = StudyStatus::Running; ///< Interrupted derived from owner
    std::string owner;           ///< "host:pid" of the process running it here, else empty
    std::string created, finished;
    double wallSeconds = 0;      ///< wall-clock time of all executions here, summed
    std::string message;
    std::string submissionJson;  ///< the Slurm submission (folder, job id), if any
    int cellsDone = 0;           ///< cells with status "done"
    int cellsFailed = 0;         ///< cells with status "failed"
};

/// A finished cell: its result (JSON, a pure function of config and cell index) and where and
/// how long it ran. status "done" or "failed" (result_json then holds {"error": ...}).
struct StudyCell
{
    int cell = 0;
    std::string status = "done";
    std::string resultJson;
    double seconds = 0;
    std::string host, device, started, finished;
};

/// "host:pid" of this process, as stored in StudyRecord::owner.
std::string thisProcessOwner();
/// Whether `owner` names a process of this host that no longer runs (false for another
/// host's, which cannot be checked from here).
bool ownerIsGone(const std::string &owner);
/// This machine's host name.
std::string hostName();

} // namespace wb::core
