#pragma once

#include "wb/dataset.h"
#include "wb/imagefolder.h"
#include "wb/imagepool.h"
#include "wb/modelspec.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

class ProgressSink;

/// The strategies that pick from a real pool: margin, least-confidence, entropy, bald, coreset,
/// uniform.
const std::vector<std::string> &poolStrategyNames();
/// Throws Error(InvalidArgument) naming the strategies when `name` is not one of them.
void checkPoolStrategy(const std::string &name);

/// How the next images to label are picked.
struct PoolPickOptions
{
    std::string strategy = "margin";
    std::size_t count = 100;    ///< images to pick
    int perClassCap = 0;        ///< at most this many picks per predicted class (0 = no cap)
    int mcPasses = 10;          ///< bald: dropout passes per image
    std::uint64_t seed = 1;     ///< uniform's draw and bald's dropout masks
    std::size_t batch = 1024;   ///< pool images decoded and scored at once
    int threads = 0;            ///< CPU threads of the scoring (0 = all cores; see cpuThreads)
};

/// Checks the options against the network before any work: a known strategy, a count of at
/// least 1, cap >= 0, passes and batch >= 1, bald only with dropout. Throws
/// Error(InvalidArgument) naming the option.
void checkPoolPick(const ModelSpec &spec, const PoolPickOptions &options);

/// One picked image: where it is, its content, and what the model thinks of it.
struct PoolPick
{
    std::string path;
    std::string fileHash;        ///< hashHex of the file's bytes when scored
    double score = 0;            ///< the strategy's score (higher is picked first; uniform: a random draw)
    std::int64_t predicted = 0;  ///< most probable class
    std::int64_t second = 0;     ///< second most probable class
    double p1 = 0, p2 = 0;       ///< their probabilities
};

/// What scoring the pool found.
struct PoolPickResult
{
    std::vector<PoolPick> picks;      ///< ranked, best first
    std::size_t listed = 0;           ///< image files in the pool
    std::size_t scored = 0;           ///< decoded, new images scored
    std::size_t alreadyLabelled = 0;  ///< pixel-identical to a labelled image: never picked
    std::size_t duplicates = 0;       ///< pixel-identical to an earlier pool image: scored once
    std::size_t converted = 0;        ///< of another channel count, converted as for datasets
    std::vector<SkippedFile> skipped; ///< unreadable files, and why
    double seconds = 0;
};

/// Scores every image of `pool` with the trained network (`spec`, Network::saveState `weights`)
/// in batches of options.batch (the pool is never in memory at once) and returns the
/// options.count images to label next. Images pixel-identical to one of `labelled` (the
/// labelled set, decoded as the dataset) are never picked; coreset measures distances to them
/// in the network's feature space. Throws Error: BadData when no pool image is readable or every
/// one is labelled already (naming why), InvalidArgument for a count of 0, a strategy the model
/// cannot run (bald without dropout, coreset without features), Runtime when cancelled.
PoolPickResult pickFromPool(const ModelSpec &spec, const std::string &weights, const ImageDataset &labelled,
                            const ImagePool &pool, const PoolPickOptions &options, ProgressSink &progress);

} // namespace wb::core
