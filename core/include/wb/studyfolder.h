#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace wb::core {

class ProgressSink;
class Session;

/// Format of plan.json and of cell files written by this build; newer ones are refused.
constexpr int kStudyFolderFormat = 1;

/// How a study's cells are submitted as one Slurm job array.
struct SlurmOptions
{
    std::string partition;               ///< --partition (empty: the cluster's default)
    std::string time;                    ///< --time per array task, e.g. "01:00:00"
    int cpusPerTask = 1;                 ///< --cpus-per-task; cells of a task run this many at once
    std::string gres;                    ///< --gres, e.g. "gpu:1"
    int cellsPerTask = 1;                ///< cells packed into one array task (amortises start-up)
    std::vector<std::string> sbatchArgs; ///< further #SBATCH lines, e.g. "--account=lab"
};

/// One submission of a study: a folder with plan.json (everything a task needs: config,
/// dataset reference and fingerprint, the cells and how they are packed) and submit.sbatch.
/// Cells are written into the study's shared cells/ folder.
struct StudySubmission
{
    int number = 0;          ///< 1, 2, ... per study
    std::string folder;      ///< .../<session>.studies/study-<id>/submission-<n>
    std::string planPath, scriptPath, cellsDir;
    std::vector<int> cells;  ///< the cells submitted
    int cellsPerTask = 1;
    int tasks = 0;           ///< array tasks: ceil(cells / cellsPerTask)
    std::string jobId;       ///< Slurm's, once submitted
};

/// The folder of study `id`'s submissions and cells: "<session dir>/<session stem>.studies/study-<id>".
std::string studyFolder(const std::string &sessionPath, std::int64_t id);
/// Hash of what makes a cell comparable: the study's type, config and cell count.
std::string studyFingerprint(const Session &session, std::int64_t id);

/// Writes a submission folder for `cells` of stored study `id` (plan.json, submit.sbatch
/// calling `cliPath study work`). Throws Error(Io) naming the path that cannot be written.
StudySubmission writeStudySubmission(const Session &session, std::int64_t id, const std::vector<int> &cells,
                                     const SlurmOptions &options, const std::string &cliPath);

/// Submits the pending cells of stored study `id` as one Slurm job array: refuses a complete
/// study, one running in another process, one whose previous job still has tasks queued or
/// running, and (unless `retryFailed`) one already submitted; collects finished cell files
/// first; writes the submission folder; calls sbatch unless `noSubmit`; stores the submission
/// and status Submitted. `cliPath` is the workbench-cli the tasks run. Returns the submission
/// (no cells when every cell was already done). `collected` (optional) receives the collect.
StudySubmission submitStudy(Session &session, std::int64_t id, const SlurmOptions &options, bool retryFailed,
                            bool noSubmit, const std::string &cliPath, struct CollectReport *collected = nullptr);

/// What `study work` did for one array task.
struct StudyTaskSummary
{
    std::vector<int> cells;   ///< the task's cells
    int done = 0, skipped = 0, failed = 0;
    bool cancelled = false;
    std::string firstError; ///< the first failed cell's message
};

/// Runs array task `task` of a plan: loads and checks the dataset (fingerprint), and writes each
/// finished cell atomically (temporary file + rename) into the cells folder; cells with a
/// finished file already are skipped. Never touches the session. `workers` 0: the task's CPUs
/// ($SLURM_CPUS_PER_TASK, else 1). Throws Error naming the plan's field on bad input.
StudyTaskSummary runStudyTask(const std::string &planPath, int task, int workers, ProgressSink &progress);

/// What collecting cell files into the session did.
struct CollectReport
{
    int merged = 0;                                       ///< cells committed now
    int alreadyKnown = 0;                                 ///< files whose cell was already done
    std::vector<std::pair<std::string, std::string>> rejected; ///< file, reason
    bool complete = false;                                ///< every cell done afterwards
};

/// Merges the finished cell files of study `id` into the session, idempotently. A file that is
/// truncated, from another study or plan (fingerprint), or out of range is rejected with its
/// reason and nothing of it is merged. Marks the study Complete once every cell is done.
CollectReport collectStudyCells(Session &session, std::int64_t id);

/// Cell files of study `id` (cell -> "done" | "failed"), valid ones only.
std::map<int, std::string> studyCellFiles(const Session &session, std::int64_t id);

} // namespace wb::core
