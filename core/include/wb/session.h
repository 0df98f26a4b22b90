#pragma once

#include "wb/history.h"
#include "wb/study.h"
#include "wb/trainer.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wb::core {

/// Schema version written by this build; files with a higher version are refused.
constexpr int kSessionSchemaVersion = 2;

struct DatasetRecord
{
    std::int64_t id = 0;
    std::string name;        ///< as the user named it ("fashion-mnist", a path)
    std::string path;        ///< resolved directory
    std::string fingerprint; ///< hex FNV-1a of train + test content
    std::int64_t trainCount = 0;
    std::int64_t testCount = 0;
    int channels = 0, height = 0, width = 0;
    std::vector<std::string> classNames;
};

struct ArchitectureRecord
{
    std::int64_t id = 0;
    std::string name;
    std::string specJson;
};

struct RunRecord
{
    std::int64_t id = 0;
    std::int64_t datasetId = 0;
    std::int64_t architectureId = 0;
    std::string name;
    std::string configJson;  ///< TrainConfig
    std::string dataJson;    ///< DataConfig
    RunStatus status = RunStatus::Created;
    std::string device;
    std::string created, started, finished; ///< ISO 8601 UTC
    int epochsDone = 0;
    double testLoss = 0, testAccuracy = 0, testSmoothedAccuracy = 0; ///< NaN until tested
    std::int64_t parameters = 0;
    double trainSeconds = 0;
    std::string message;
    std::string owner;       ///< "host:pid" while a process trains it (schema 2)
};

/// Stored output of an analysis or study (learning curves, LR tests, ...), JSON payload.
struct ResultRecord
{
    std::int64_t id = 0;
    std::string kind;
    std::int64_t runId = 0; ///< 0 when not tied to a run
    std::string name;
    std::string created;
    std::string payloadJson;
};

/// A session: one SQLite file in WAL mode holding datasets, architectures, runs, their
/// per-batch and per-epoch metrics, checkpoints and analysis results (schema in README).
/// Every write is its own transaction; appendEpoch commits a whole epoch atomically.
/// One Session object per thread; several may open the same file.
class Session
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    /// Opens (or with Create, creates if missing) a session. Refuses — without touching the
    /// file — a missing file (unless Create), a non-session or corrupt file, and a newer
    /// schema. Throws Error(Session). A version 1 file opened for writing is migrated to
    /// version 2 in one transaction; a copy of the original ("<path>.v1-backup") is kept
    /// until the migration has committed. Read-only, a version 1 file is read as it is.
    explicit Session(const std::string &path, Mode mode = Mode::ReadWrite);
    ~Session();
    Session(Session &&) noexcept;
    Session &operator=(Session &&) noexcept;

    const std::string &path() const;
    int schemaVersion() const;

    /// Adds a dataset, or returns the id of an identical one (same path and fingerprint).
    std::int64_t addDataset(const DatasetRecord &record);
    /// Adds an architecture, or returns the id of one with the same name and JSON.
    std::int64_t addArchitecture(const std::string &name, const std::string &specJson);
    std::int64_t createRun(const RunRecord &record);
    /// Marks the run as being trained by this process, atomically; throws Error(InvalidArgument)
    /// when a live process (of this host, or any of another) trains it already.
    void setRunStarted(std::int64_t runId, const std::string &device, std::int64_t parameters);
    /// Commits one epoch: its batch records, the epoch summary and the checkpoint.
    void appendEpoch(std::int64_t runId, const EpochRecord &epoch,
                     const std::vector<BatchRecord> &batches, const Checkpoint &checkpoint);
    /// Records the final status, test metrics (NaN when untested) and message.
    void finishRun(std::int64_t runId, RunStatus status, const std::optional<EvalResult> &test,
                   double trainSeconds, const std::string &message);
    /// Marks a run that was created but never started as failed with `message` (a check before
    /// training refused it); a run in any other state is left as it is.
    void failUnstartedRun(std::int64_t runId, const std::string &message);
    /// Renames run `id`; throws Error(InvalidArgument) when there is no such run.
    void renameRun(std::int64_t id, const std::string &name);
    /// Deletes run `id` with its metrics, checkpoints and results, in one transaction; refuses
    /// (Error(InvalidArgument)) a run a live process is training.
    void deleteRun(std::int64_t id);

    std::vector<DatasetRecord> datasets() const;
    DatasetRecord dataset(std::int64_t id) const;
    std::vector<ArchitectureRecord> architectures() const;
    ArchitectureRecord architecture(std::int64_t id) const;
    std::vector<RunRecord> runs() const;
    RunRecord run(std::int64_t id) const;      ///< throws Error(InvalidArgument) if absent
    History history(std::int64_t runId) const;
    /// The checkpoint after `epoch` (the latest when epoch <= 0), if stored.
    std::optional<Checkpoint> checkpoint(std::int64_t runId, int epoch = 0) const;
    /// The epochs of the run's stored checkpoints, ascending.
    std::vector<int> checkpointEpochs(std::int64_t runId) const;

    /// Free-form named values (e.g. the GUI's page state as JSON), kept in `meta` under
    /// "value:<key>". value() returns `fallback` when absent.
    void setValue(const std::string &key, const std::string &value);
    std::string value(const std::string &key, const std::string &fallback = {}) const;

    /// Copies the whole session to `path` (a consistent snapshot, WAL included); refuses to
    /// overwrite an existing file unless `overwrite`.
    void saveCopy(const std::string &path, bool overwrite = false) const;

    std::int64_t addResult(const ResultRecord &record);
    /// Adds `record` and deletes the older results of its kind and run, in one transaction
    /// (e.g. the last evaluation of a run).
    std::int64_t replaceResult(const ResultRecord &record);
    /// replaceResult, but only when the latest result of its kind and run still holds
    /// `expectedPayload` ("" : when there is none), checked in the same transaction: false, and
    /// nothing written, when another process changed it meanwhile.
    bool replaceResultIf(const ResultRecord &record, const std::string &expectedPayload);
    std::vector<ResultRecord> results(const std::string &kind = {}) const;
    /// The results of `kind` tied to run `runId`, oldest first (one query, not every run's).
    std::vector<ResultRecord> runResults(const std::string &kind, std::int64_t runId) const;

    // Studies (schema version 2; a version 1 file opened read-only has none).
    /// Creates a study (status Running unless given, owner as given). Returns its id.
    std::int64_t createStudy(const StudyRecord &record);
    /// Every study with its cell counts, oldest first; Interrupted derived (see StudyStatus).
    std::vector<StudyRecord> studies() const;
    StudyRecord study(std::int64_t id) const; ///< throws Error(InvalidArgument) if absent
    std::vector<StudyCell> studyCells(std::int64_t studyId) const;
    /// Commits one finished cell at once (its own transaction). A "done" cell already stored
    /// is kept (cells are pure functions of config and index; collect may meet one twice);
    /// a "failed" one is replaced. Returns whether the stored cell changed.
    bool commitCell(std::int64_t studyId, const StudyCell &cell);
    /// Claims study `id` for the process `owner` (status Running), atomically: false when a
    /// live process of this host — or any process of another host — runs it already.
    bool claimStudy(std::int64_t id, const std::string &owner);
    /// Sets the stored status, owner and message; Complete/Cancelled/Failed stamp `finished`.
    void setStudyStatus(std::int64_t id, StudyStatus status, const std::string &owner,
                        const std::string &message);
    void addStudyWallSeconds(std::int64_t id, double seconds);
    void setStudySubmission(std::int64_t id, const std::string &submissionJson);
    void renameStudy(std::int64_t id, const std::string &name);
    /// Deletes a study and its cells.
    void deleteStudy(std::int64_t id);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// ISO 8601 UTC timestamp of now, e.g. "2026-11-22T08:15:00Z".
std::string utcNow();

} // namespace wb::core
