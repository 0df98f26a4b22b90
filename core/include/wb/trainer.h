#pragma once

#include "wb/dataset.h"
#include "wb/history.h"
#include "wb/metrics.h"
#include "wb/modelspec.h"
#include "wb/trainconfig.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wb::core {

class ProgressSink;

/// Serialised model and optimiser state at the end of an epoch.
struct Checkpoint
{
    int epoch = 0;         ///< epochs completed
    std::string model;     ///< Network::saveState bytes
    std::string optimizer; ///< LibTorch optimiser archive bytes
};

/// The data a run sees. References must outlive the call.
struct TrainData
{
    const ImageDataset *train = nullptr;   ///< pool the train/validation indices point into
    std::vector<std::size_t> trainIndices;
    std::vector<std::size_t> valIndices;   ///< may be empty
    const ImageDataset *test = nullptr;    ///< may be null
    std::vector<std::size_t> testIndices;  ///< empty = whole test set
    /// Start from these weights (Network::saveState bytes) instead of fresh ones.
    std::string initialState;
    /// Input normalisation to use; by default it is measured on the training indices.
    std::optional<ChannelStats> normalization;
    /// Return the final weights in TrainResult::finalState.
    bool keepFinalState = false;
};

/// Receives records as training goes; called on the training thread.
class TrainObserver
{
public:
    virtual ~TrainObserver() = default;
    virtual void onBatch(const BatchRecord &) {}
    /// Called once per completed epoch with that epoch's batches and its checkpoint.
    virtual void onEpoch(const EpochRecord &, const std::vector<BatchRecord> &,
                         const Checkpoint &) {}
};

/// State to continue an interrupted run from.
struct ResumeState
{
    Checkpoint checkpoint;
    History history;
};

/// Outcome of train().
struct TrainResult
{
    RunStatus status = RunStatus::Created;
    History history;
    std::optional<EvalResult> test; ///< final model on the test set (when given and not diverged)
    std::string device;             ///< the concrete device used ("cpu", "cuda:0")
    std::int64_t parameters = 0;
    double trainSeconds = 0;        ///< wall time of the epochs run by this call
    std::string message;            ///< why it stopped when not completed
    std::string finalState;         ///< final weights when TrainData::keepFinalState
};

/// Trains `spec` under `config` on `data`. The dataset is uploaded once as a uint8 tensor
/// to the device and batches are gathered by index. Batch order and dropout are seeded per
/// epoch, so a resumed run continues exactly as an uninterrupted one, and the same seed on
/// the CPU gives an identical history. Polls `progress` once per batch (cancel → status
/// Cancelled); a NaN/Inf loss stops with status Diverged. Runs on the calling thread and
/// sets that thread's LibTorch thread count to config.threads.
TrainResult train(const ModelSpec &spec, const TrainConfig &config, const TrainData &data,
                  ProgressSink &progress, TrainObserver *observer = nullptr,
                  const ResumeState *resume = nullptr);

} // namespace wb::core
