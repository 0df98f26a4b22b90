#pragma once

#include "wb/dataset.h"
#include "wb/imagefolder.h"
#include "wb/study.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace wb::core {

class ProgressSink;
class Session;

/// A study's plan with its data prepared: `cellCount()` independent cells. runCell is
/// thread-safe and its result a pure function of (config, cell index): the seeds derive
/// from the study seed and the index, never from threads, timing or order.
class StudyPlan
{
public:
    virtual ~StudyPlan() = default;
    virtual int cellCount() const = 0;
    /// Runs one cell; returns its result as JSON, or an empty string when cancelled (polls
    /// `progress` at least once per batch). Throws core::Error on failure.
    virtual std::string runCell(int cell, ProgressSink &progress) const = 0;
    /// "run 3", shown in progress lines.
    virtual std::string cellLabel(int cell) const = 0;
    /// Concurrent cells when 0 (automatic) is asked for.
    virtual int automaticWorkers() const = 0;
    /// The device cells run on ("cpu", "cuda:0").
    virtual std::string device() const = 0;
};

struct CellRunSummary
{
    int done = 0, failed = 0;
    bool cancelled = false;
    std::string firstError; ///< the first failed cell's message
};

/// Runs `cells` of `plan` on `workers` threads (0 = plan.automaticWorkers()), calling
/// `commit` — serialised — with every cell that finished (status done, or failed with
/// {"error": ...}). A cancelled cell is not committed. Stops starting cells on cancel and
/// after the first failure; an exception from `commit` (disk full) stops it too and is
/// rethrown once the cells in flight have ended.
CellRunSummary runCells(const StudyPlan &plan, const std::vector<int> &cells, int workers,
                        const std::function<void(const StudyCell &)> &commit, ProgressSink &progress);

/// The cells of stored study `id` that are not done (missing or failed), in order.
std::vector<int> pendingCells(const Session &session, std::int64_t id);

/// Runs the pending cells of stored study `id` here, committing each as it finishes. The
/// study is Running (owned by this process) meanwhile and ends Complete, Cancelled (by
/// `progress`, or by `study cancel` from another process) or Failed; if this process dies,
/// readers see it Interrupted with its finished cells kept.
CellRunSummary runStoredStudy(Session &session, std::int64_t id, const StudyPlan &plan, int workers,
                              ProgressSink &progress);

/// A study type: makes the plan of a stored config on its data, and checks a finished cell's
/// result against the config (shape, ranges) before it is merged from a file.
struct StudyType
{
    std::string name;
    std::function<std::unique_ptr<StudyPlan>(const std::string &configJson, const DatasetPair &data)> plan;
    /// Empty when `resultJson` is a valid result of cell `cell` of this config, else why not.
    std::function<std::string(const std::string &configJson, int cell, const std::string &resultJson)> checkCell;
};
/// The study types this build knows (studies/studytypes.cpp).
const std::vector<StudyType> &studyTypes();
/// Throws Error(InvalidArgument) naming the known types when `name` is not one.
const StudyType &studyType(const std::string &name);

/// What a study needs to load its data again: the dataset as the user named it and the
/// image-folder resize options, stored in every study config under "dataset" and "image".
struct StudyDataRef
{
    std::string dataset;
    ImageFolderOptions image;
};
StudyDataRef studyDataRef(const std::string &configJson);

/// Loads study `id`'s dataset and checks it is the content the study was created with
/// (fingerprint); throws Error(BadData) naming both when it changed.
DatasetPair loadStudyData(const Session &session, std::int64_t id, ProgressSink *progress = nullptr);

/// Resumes stored study `id` here: loads and checks its data, makes its plan and runs its
/// pending cells (runStoredStudy). Refuses a study running in another live process.
CellRunSummary resumeStudy(Session &session, std::int64_t id, int workers, ProgressSink &progress);

/// Cancels study `id`: a Slurm job it was submitted as is cancelled (finished cell files stay,
/// to be collected), and the stored status becomes Cancelled — a process running it here reads
/// that within a second and stops after its cells in flight. Refuses a complete study.
void cancelStudy(Session &session, std::int64_t id);

/// A study's finished cells as CSV: cell,status,seconds,host,device,started,finished,
/// result_json (one line per cell, RFC 4180 quoting).
std::string studyCellsCsv(const Session &session, std::int64_t id);

} // namespace wb::core
