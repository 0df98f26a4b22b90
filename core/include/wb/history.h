#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// One optimisation step: the mini-batch loss and accuracy, and the lr it used.
struct BatchRecord
{
    std::int64_t step = 0; ///< 0-based global batch index
    int epoch = 0;         ///< 1-based epoch the batch belongs to
    double loss = 0;
    double accuracy = 0;
    double lr = 0;
};

/// End-of-epoch summary. Train values are the means measured during the epoch; the
/// validation values are NaN when there is no validation split.
struct EpochRecord
{
    int epoch = 0; ///< 1-based
    double trainLoss = 0;
    double trainAccuracy = 0;
    double valLoss = 0;
    double valAccuracy = 0;
    double valSmoothedAccuracy = 0;
    double seconds = 0;
    double lr = 0; ///< lr of the epoch's last batch
};

/// The complete history of a run.
struct History
{
    std::vector<BatchRecord> batches;
    std::vector<EpochRecord> epochs;
};

/// How a run ended.
/// Interrupted is derived on read: stored as running, but the process that trained it is gone.
enum class RunStatus { Created, Running, Completed, Cancelled, Diverged, Failed, Interrupted };

const char *runStatusName(RunStatus status);
RunStatus runStatusFromName(const std::string &name);

} // namespace wb::core
