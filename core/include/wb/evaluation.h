#pragma once

#include "wb/dataset.h"
#include "wb/metrics.h"
#include "wb/session.h"

#include <cstdint>
#include <optional>
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
    std::string featuresProblem;           ///< why there are none (a TorchScript model without them)
    int epoch = 0;
    std::vector<float> logits;             ///< [n, classes] as evaluated (what is stored)
    int classes = 0;
    double beta = 3.0;                     ///< of the smoothed accuracy
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

/// The subset of an evaluation accepted at confidence threshold α (c > α): its count, confusion,
/// accuracy and per-class accuracy (NaN for a class with no accepted image); no loss.
EvalResult acceptedSubset(const Evaluation &evaluation, double threshold, int classes);

/// The evaluation as stored in a session (result kind "evaluation"): run, epoch, β, test
/// indices, labels and the float32 logits (base64), from which everything else is recomputed
/// exactly. Features are not stored.
std::string evaluationToJson(const Evaluation &evaluation, std::int64_t runId);
/// Reads a stored evaluation back; hostile text (wrong sizes, labels out of range, non-finite
/// logits, bad base64) throws Error(Session) naming `what` and the field.
Evaluation evaluationFromJson(const std::string &text, const std::string &what);
/// Stores `evaluation` of run `runId` as the run's last evaluation (older ones are replaced).
void storeEvaluation(Session &session, std::int64_t runId, const Evaluation &evaluation);
/// The run's last stored evaluation, if any (throws Error(Session) for a damaged one).
std::optional<Evaluation> storedEvaluation(const Session &session, std::int64_t runId);

struct TsneResult;
struct TsneOptions;
/// Stores a t-SNE of run `runId`'s features at `epoch` (result kind "tsne": run, epoch, KL,
/// seconds, method, perplexity, iterations, seed, points); the app and the CLI alike.
void storeTsne(Session &session, std::int64_t runId, int epoch, const TsneResult &result, const TsneOptions &options);
/// The newest stored t-SNE points [x0, y0, x1, y1, …] of run `runId` at `epoch` with `count`
/// points; empty when there is none (damaged payloads are skipped).
std::vector<double> storedTsnePoints(const Session &session, std::int64_t runId, int epoch, std::size_t count);

} // namespace wb::core
