#pragma once

#include "wb/trainer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

class Network;
class ProgressSink;

/// Options of the learning-rate range test (Smith, "Super-Convergence", Fig. 2a).
struct LrFindOptions
{
    double lrMin = 1e-5;
    double lrMax = 0.1;
    int batches = 0;            ///< 0 = one epoch of the training indices
    int repeats = 1;            ///< repeats with other seeds / batch orders
    double smoothing = 0.98;    ///< q of the debiased EWA of the loss
    double divergence = 4.0;    ///< stop once the smoothed loss exceeds this × its minimum
};

/// Learning-rate suggestions; NaN when a rule finds none.
struct LrSuggestions
{
    double minLossHalf;  ///< lr at the minimum of the smoothed loss, divided by 2
    double steepest;     ///< lr of the steepest descent of the smoothed loss over log(lr)
    double valley;       ///< lr partway (2/3) down the longest sustained descent before the minimum
};

/// Result: per repeat the lr and loss of every batch; the median curve over repeats with
/// its min–max band (on the lr grid of the longest repeat), and the suggestions made on the
/// median's smoothed curve.
struct LrFindResult
{
    std::vector<double> lr;                    ///< the schedule (longest repeat)
    std::vector<std::vector<double>> losses;   ///< [repeat][batch] raw losses (may stop early)
    std::vector<double> loss, smoothed;        ///< median raw loss and its debiased EWA
    std::vector<double> lossMin, lossMax;      ///< min–max band of the repeats' smoothed losses
    LrSuggestions suggestions{};
    bool stoppedEarly = false;
    int plannedBatches = 0;
};

/// lr of batch i of n: lrMin·(lrMax/lrMin)^(i/(n−1)), exactly lrMax at the last batch. Pure.
double lrFinderRate(const LrFindOptions &options, int batch, int batches);

/// Suggestions from a raw loss curve over a log-spaced lr grid, robust to NaN/Inf and
/// spikes: non-finite points are dropped, a running median of 5 removes isolated spikes,
/// then the debiased EWA with factor q smooths; the first 5% are ignored for the steepest
/// slope. Pure.
LrSuggestions suggestLearningRates(const std::vector<double> &lr, const std::vector<double> &loss,
                                   double q = 0.98);

/// Runs the test on `network` (its current weights are the start of every repeat and are
/// restored afterwards: the test leaves no trace), with a fresh optimiser of `config` per
/// repeat; `config.lr` is ignored. Uses data.trainIndices only. Polls `progress` per batch.
LrFindResult findLearningRate(Network &network, const TrainConfig &config, const TrainData &data,
                              const LrFindOptions &options, ProgressSink &progress);

/// Convenience: a fresh network of `spec` (seeded with config.seed, normalised on the
/// training indices), then findLearningRate.
LrFindResult findLearningRate(const ModelSpec &spec, const TrainConfig &config, const TrainData &data,
                              const LrFindOptions &options, ProgressSink &progress);

/// JSON of a result as the CLI prints it: {"lr", "loss", "smoothed", "loss_min", "loss_max",
/// "losses", "suggestions": {"min_loss_half", "steepest", "valley"}, "stopped_early"}.
std::string toJson(const LrFindResult &result);
LrFindResult lrFindResultFromJson(const std::string &json);

} // namespace wb::core
