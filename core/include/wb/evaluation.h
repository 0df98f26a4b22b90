#pragma once

#include "wb/dataset.h"
#include "wb/metrics.h"
#include "wb/session.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// Reject-option curves from confidences c_i (max softmax probability) and error flags
/// e_i. With the confidences sorted ascending, rejecting every point with c ≤ α = c_(i)
/// leaves sum(e) − cumsum(e)_i errors among the accepted — exact at every distinct
/// confidence, no grid. The first entry is "reject nothing" (threshold below the minimum).
struct RejectCurve
{
    std::vector<double> threshold;   ///< α
    std::vector<std::int64_t> errors; ///< errors among accepted points (c > α)
    std::vector<std::int64_t> rejected; ///< points with c ≤ α
    std::vector<double> errorRate;   ///< errors / accepted; NaN when nothing is accepted
};
RejectCurve rejectCurve(const std::vector<double> &confidence, const std::vector<bool> &error);

/// Reliability diagram with equal-width confidence bins on [0, 1] and the expected
/// calibration error ECE = Σ_b (n_b/n)·|accuracy_b − confidence_b|.
struct Calibration
{
    std::vector<double> binLow, binHigh, meanConfidence, accuracy; ///< NaN for empty bins
    std::vector<std::int64_t> count;
    double ece = 0;
};
Calibration calibration(const std::vector<double> &confidence, const std::vector<bool> &correct, int bins = 15);

/// A (true, predicted) pair off the diagonal and how often it occurs.
struct ConfusedPair
{
    int truth = 0, predicted = 0;
    std::int64_t count = 0;
};
/// The largest off-diagonal counts (both directions are separate pairs), largest first.
std::vector<ConfusedPair> mostConfused(const std::vector<std::vector<std::int64_t>> &confusion, int limit = 10);

/// Everything the evaluation views show for one model on one test set.
struct Evaluation
{
    EvalResult metrics;
    std::vector<std::size_t> testIndices;  ///< into DatasetPair::test
    std::vector<std::int64_t> labels, predicted;
    std::vector<double> confidence, loss;  ///< per test image
    std::vector<ConfusedPair> confused;
    std::vector<std::size_t> topLosses;    ///< positions into testIndices, largest loss first
    RejectCurve reject;
    Calibration calibrated;
    std::vector<float> features;           ///< penultimate features [n, featureDim] when asked
    std::int64_t featureDim = 0;
    int epoch = 0;
};

/// Evaluates logits [n, classes] against labels (pure): metrics, predictions, confidences,
/// per-image losses, most confused pairs, top losses, reject curves and calibration.
Evaluation evaluatePredictions(const std::vector<float> &logits, const std::vector<std::int64_t> &labels,
                               int classes, double beta = 3.0);

/// Evaluates run `runId` of a session at checkpoint `epoch` (0 = last) on the run's test
/// selection of `data` (the run's dataset), on the CPU. With `features`, also returns the
/// penultimate-layer features. Throws Error when the run has no checkpoint or the data does
/// not match.
Evaluation evaluateRun(const Session &session, std::int64_t runId, int epoch, const DatasetPair &data,
                       double beta = 3.0, bool features = false);

/// The subset of an evaluation accepted at confidence threshold α (c > α): its metrics.
EvalResult acceptedSubset(const Evaluation &evaluation, double threshold, int classes);

} // namespace wb::core
