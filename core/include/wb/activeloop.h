#pragma once

#include "wb/dataconfig.h"
#include "wb/dataset.h"
#include "wb/poolpick.h"
#include "wb/session.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wb::core {

/// One image labelled in the loop: where it came from, its class, and its pixels decoded as the
/// dataset's images (kept in the session, so the labelled set never depends on the files).
struct LoopLabel
{
    std::string path;
    std::string fileHash;
    std::int64_t label = 0;
    int round = 0;
    std::vector<std::uint8_t> pixels; ///< [C, H, W]
};

/// A network trained on the labelled set of the moment, and its test accuracy.
struct LoopModel
{
    std::int64_t labelled = 0;  ///< labelled images it was trained on
    std::int64_t runId = 0;
    double testAccuracy = 0;    ///< NaN when it was not tested
};

/// One round of the real loop: the picks of a strategy, then the labels that came back.
struct LoopRound
{
    int index = 0;
    std::string strategy, pool, picked;     ///< picked: ISO 8601 UTC
    std::int64_t runId = 0;                 ///< the run that scored the pool
    std::int64_t labelledBefore = 0;
    std::size_t poolImages = 0, scored = 0, alreadyLabelled = 0;
    int perClassCap = 0;
    std::vector<PoolPick> picks;
    std::string added;                      ///< when the labels came back ("" while pending)
    std::int64_t labelsAdded = 0;
    std::vector<std::string> notAdded;      ///< picks skipped at `add`, each "path: why"
};

/// The real active-learning loop of a session: the base labelled set (a dataset as a run's data
/// config selects it), the images labelled since, the rounds, and the networks trained on the way.
struct ActiveLoop
{
    std::string datasetName;       ///< as the user named it
    std::string baseFingerprint;   ///< of the base dataset (train + test)
    DataConfig data;               ///< the base selection (poolLabels 0)
    std::vector<std::string> classNames;
    int channels = 0, height = 0, width = 0;
    std::string modelName, specJson, trainJson; ///< how each round's network is trained
    std::vector<LoopLabel> labels;
    std::vector<LoopRound> rounds;
    std::vector<LoopModel> models;
    /// The stored JSON this loop was read from ("" for a new loop): saveActiveLoop writes only
    /// over that, so two processes cannot overwrite each other's rounds. Not serialised.
    std::string storedJson;

    /// The round waiting for labels, if any.
    const LoopRound *pending() const;
    /// Labelled images: the base selection's plus every label added.
    std::int64_t labelledCount(std::int64_t baseCount) const;
};

std::string toJson(const ActiveLoop &loop);
ActiveLoop activeLoopFromJson(const std::string &json);

/// The session's loop (none before the first `active pick`). Throws Error(Session) when the
/// stored loop is damaged.
std::optional<ActiveLoop> loadActiveLoop(const Session &session);
/// Stores the loop (one transaction, replacing the state it was read from). Throws
/// Error(Session) — nothing written — when another process changed the stored loop since.
void saveActiveLoop(Session &session, ActiveLoop &loop);

/// `base` with the loop's first `count` labels appended to its training set (the data of a run
/// whose DataConfig::poolLabels is `count`). Throws BadData when `base` is not the loop's dataset.
DatasetPair withLoopLabels(DatasetPair base, const ActiveLoop &loop, std::int64_t count);

/// The data run `runId` was trained on: its dataset loaded as it names it, plus the session
/// loop's labels when it is a loop run. Skipped files go to `skipped`.
DatasetPair loadRunData(const Session &session, const RunRecord &run, std::vector<SkippedFile> &skipped,
                        ProgressSink *progress = nullptr);

/// The base labelled images of `data` under `config` (train + validation selection), as a
/// dataset, followed by the loop's labels: the images a pick must never offer again.
ImageDataset labelledImages(const DatasetPair &data, const DataConfig &config);

/// A labelled pick as it came back from the annotators.
struct LabelEntry
{
    std::string path;   ///< as written in the labels file, or the file in a labelled folder
    std::string label;  ///< class name (or index) as written
    int line = 0;       ///< line in a CSV (0 for a folder)
};

/// Reads labels: a CSV of `path,label` (or with a header naming a `path` and a `label` column,
/// e.g. a picks file with its label column filled in; rows with an empty label are counted in
/// `unlabelled` and left out; paths relative to the file's folder) or an image folder
/// root/<class>/file. Throws BadData naming file and line.
std::vector<LabelEntry> readLabels(const std::string &csvOrFolder, std::size_t *unlabelled = nullptr);

/// The outcome of adding labels to the pending round.
struct AddedLabels
{
    std::vector<LoopLabel> added;
    std::vector<std::string> skipped;  ///< "path: why" (vanished, changed since scored, unreadable)
};

/// Checks `entries` against the pending round of `loop` and decodes them as the dataset's
/// images: every path must be a pick (by path, or by the content of a copy), each once, and
/// every label a class of the loop (a new class is refused by name). Picks whose file vanished
/// or changed since scoring are skipped and reported. Throws Error(InvalidArgument) naming the
/// first offending entry; nothing is added then.
AddedLabels matchLabels(const ActiveLoop &loop, const std::vector<LabelEntry> &entries);

/// A new loop on `base` (the dataset as loaded, `data` its base selection) whose rounds train
/// `spec` under `trainJson` (a TrainConfig). Throws InvalidArgument when data.poolLabels != 0.
ActiveLoop startActiveLoop(const DatasetPair &base, const std::string &datasetName, const DataConfig &data,
                           const std::string &modelName, const ModelSpec &spec, const std::string &trainJson);

/// Trains a run of the loop's network on its labelled set of the moment (base + every label),
/// recorded in the session ("active loop: N labelled", DataConfig::poolLabels = the labels) and
/// tested; appends it to loop.models (the caller saves the loop). Returns the run id. Throws
/// Error(Runtime) when the run does not complete (cancelled or diverged: the run keeps why).
std::int64_t trainLoopModel(Session &session, ActiveLoop &loop, const DatasetPair &base, ProgressSink &progress);

/// Scores the pool with run `runId` of the session (its last checkpoint) and appends the round
/// of picks to `loop` (not saved). Refuses a run of other classes or input, and a loop whose
/// last round still waits for labels. `base` is the loop's dataset as loaded.
const LoopRound &pickLoopRound(const Session &session, ActiveLoop &loop, std::int64_t runId, const DatasetPair &base,
                               const ImagePool &pool, const PoolPickOptions &options, ProgressSink &progress,
                               PoolPickResult *result = nullptr);

/// Adds checked labels to the pending round of `loop` (not saved): the labels, the round's
/// count, what was skipped.
void addLoopLabels(ActiveLoop &loop, const AddedLabels &labels);

/// Writes a round's picks as CSV — rank,path,label,predicted,p_predicted,second,p_second,score,
/// file_hash, the label column empty for the annotators — atomically (a temporary file renamed:
/// an interrupted write leaves no partial file). Throws Error(Io) naming the file.
void writePicksCsv(const std::string &path, const LoopRound &round, const std::vector<std::string> &classNames);
/// Checks, before any work, that writePicksCsv can write `path`: its folder exists, and it is a
/// regular file or nothing (a symbolic link is written through; a folder, device or pipe is
/// refused). Returns the file to write. Throws Error(Io) naming it.
std::string checkPicksOutput(const std::string &path);

/// Copies (never moves) a round's picks into `folder` (created if missing) as
/// "<rank>_<file name>", so the ranking is kept; refuses, before copying anything, a name that
/// exists there already. Returns the copies' paths. Throws Error(Io).
std::vector<std::string> copyPicks(const LoopRound &round, const std::string &folder);
/// The copies' paths copyPicks would make; throws Error(Io) as it would, before copying anything.
std::vector<std::string> copyNames(const LoopRound &round, const std::string &folder);

/// The strategy that needed the fewest labels in the session's active-learning studies on the
/// dataset with `fingerprint`, and why ("margin: 250 labels to 0.90 in study 3, uniform > 400").
struct StrategyAdvice
{
    std::string strategy;   ///< "" when no study can say
    std::string reason;
    std::int64_t studyId = 0;
};
StrategyAdvice adviseStrategy(const Session &session, const std::string &fingerprint);

} // namespace wb::core
