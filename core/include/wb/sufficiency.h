#pragma once

#include "wb/dataconfig.h"
#include "wb/dataset.h"
#include "wb/history.h"
#include "wb/learningcurve.h"
#include "wb/modelspec.h"
#include "wb/sufficiencyanswer.h"
#include "wb/trainconfig.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace wb::core {

class ProgressSink;

/// A data-sufficiency study (compatible with the established "Sufficiency" protocol).
struct SufficiencyConfig
{
    std::int64_t trainSize = 0;        ///< L: images in the training set (0 = all)
    std::int64_t testSize = 0;         ///< T: test images (0 = all)
    std::string limitMode = "random";  ///< how L and T are picked: random (seeded) | first
    int runs = 5;                      ///< R
    int substeps = 10;                 ///< S (steps = floor(geomspace(0.01·L, L, S)))
    std::vector<std::int64_t> steps;   ///< explicit sizes (override substeps)
    std::string mode = "warm";         ///< warm: weights carry over between steps | fresh
    /// Metrics measured on the test set after every step: accuracy (always), loss,
    /// smoothed_accuracy, per_class.
    std::vector<std::string> metrics = {"accuracy"};
    std::uint64_t seed = 1;
    int workers = 0;                   ///< concurrent runs; 0 = one per CPU core (4 on a GPU)
};

void validate(const SufficiencyConfig &config);
std::string toJson(const SufficiencyConfig &config);
/// The config back from toJson's text; throws Error(Session) when it is damaged.
SufficiencyConfig sufficiencyConfigFromJson(const std::string &json);

/// Measurements of a study: metric → [run][step]; per_class → [run][step][class].
struct SufficiencyResult
{
    std::vector<std::int64_t> steps;
    std::map<std::string, std::vector<std::vector<double>>> perRun;
    std::vector<std::vector<std::vector<double>>> perClass;
    RunStatus status = RunStatus::Completed;
    std::string message;
    double seconds = 0;
    std::string device;
};

/// Seed of run r's initial weights (and of step k's in fresh mode: runSeed + k).
std::uint64_t sufficiencyRunSeed(std::uint64_t seed, int run);
/// Run r's draw: L positions into the training pool, uniformly with replacement; step k
/// trains on the first n_k of them (nested prefixes).
std::vector<std::size_t> sufficiencyDraw(std::size_t poolSize, std::int64_t trainSize,
                                         std::uint64_t seed, int run);

/// Runs the study in memory (the session-backed, resumable form is in sufficiencystudy.h):
/// for each run, one draw; for each step, train config.epochs epochs on the draw's first n_k
/// images (warm: continuing from the previous step's weights; fresh: from new weights), then
/// evaluate on the test set. Runs execute concurrently on `workers` threads with one LibTorch
/// thread each. The input normalisation is measured once on the training set. Progress is
/// reported per (run, step); cancellation stops within a batch and returns the runs that
/// finished (status Cancelled). Throws core::Error on bad input.
SufficiencyResult runSufficiencyStudy(const ModelSpec &spec, const TrainConfig &train,
                                      const DatasetPair &data, const SufficiencyConfig &config,
                                      ProgressSink &progress);

/// Fit, projections and bands of one metric of a study.
struct SufficiencyAnalysis
{
    std::string metric;
    bool accuracyLike = true;
    std::vector<double> steps, mean, stddev;
    CurveFit power;                  ///< the established method's fit (always the power law)
    double asymptote = 0;            ///< 1 − c0 (accuracy-like) or c0
    std::string bestFamily;          ///< family that extrapolates best within the steps
    CurveFit best;
    std::string choice = "power";    ///< the family choice asked for (curveChoices())
    CurveFit chosen;                 ///< its fit: curve, bands and samples needed come from it
                                     ///< ("calibrated": the median of the families that fit)
    /// The calibrated answer (sufficiencyanswer.h), built for every accuracy-like metric; the
    /// "calibrated" choice takes curve, bands and samples needed from it.
    bool hasModel = false;
    SampleSizeModel model;
    std::vector<SampleSizeAnswer> answers; ///< per target, from the model
    std::vector<double> curveN;      ///< dense n from the first step to 4·L
    std::vector<double> curve;       ///< projection of the chosen fit at curveN
    Band band;                       ///< bootstrap bands at curveN ("calibrated": calibrated bands)
    std::vector<CurveFit> draws;     ///< the bootstrap fits behind the bands (for any target)
    std::size_t runs = 0;            ///< complete runs the analysis used
    std::vector<double> targets;
    std::vector<double> needed;      ///< samples needed per target; NaN = unreachable
    std::vector<double> neededLo95, neededHi95, neededLo80, neededHi80;
    std::vector<double> neededLo50, neededHi50; ///< "calibrated" only
    /// Why the fit's extrapolations are not earned by the data (curveWarnings), and
    /// far_extrapolation for each target whose samples needed lie beyond 4x the largest step.
    std::vector<CurveWarning> warnings;
};

/// Analyses `metric` of a study with the family choice `family` (the power law by default,
/// the established method's); targets only apply to accuracy-like metrics.
SufficiencyAnalysis analyzeSufficiency(const SufficiencyResult &result, const std::string &metric,
                                       const std::vector<double> &targets, int resamples = 300,
                                       std::uint64_t seed = 1, const std::string &family = "power");

/// JSON text of a study (config, steps, per-run values, mean/std, fits, bands) for the
/// session's results table and the CLI; and the result back from that JSON.
std::string sufficiencyJson(const SufficiencyConfig &config, const SufficiencyResult &result,
                            const std::vector<SufficiencyAnalysis> &analyses);
SufficiencyResult sufficiencyResultFromJson(const std::string &json, SufficiencyConfig *config = nullptr);

} // namespace wb::core
