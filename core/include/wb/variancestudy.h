#pragma once

#include "wb/imagefolder.h"
#include "wb/modelspec.h"
#include "wb/repeatstats.h"
#include "wb/studyengine.h"
#include "wb/trainconfig.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wb::core {

class Session;

/// The variance study: every setup trained `runs` times. Repeat r of every setup uses the
/// same seed (weights, batch order, dropout), so setups are compared in pairs.
struct VarianceConfig
{
    int runs = 5;
    std::vector<double> betas = {1, 2, 3, 5, 10}; ///< β of the smoothed accuracies, ascending
    /// Validation images per class, moved from the training images (seeded, stratified); the
    /// metrics are measured on them. 0: on the test images.
    std::int64_t valPerClass = 0;
    bool resplit = false;          ///< every repeat draws its own validation images (valPerClass > 0)
    std::int64_t trainSize = 0;    ///< training images used (before the validation images move; 0 = all)
    std::int64_t testSize = 0;     ///< test images (0 = all)
    std::string limitMode = "random"; ///< how trainSize/testSize pick images: random or first
    std::uint64_t seed = 1;        ///< master seed: data draws and every repeat's seed
    int workers = 0;               ///< concurrent cells (0 = automatic)
};

void validate(const VarianceConfig &config);
std::string toJson(const VarianceConfig &config);
VarianceConfig varianceConfigFromJson(const std::string &json);

/// One setup: a name ("A"), the network and the training settings (its seed is replaced by
/// the repeat's).
struct VarianceSetup
{
    std::string name;
    std::string model;  ///< a preset or a spec file's stem, or "run 12"
    ModelSpec spec;
    TrainConfig train;
};

/// Everything a stored variance study needs besides its data.
struct VarianceStudySetup
{
    VarianceConfig variance;
    std::vector<VarianceSetup> setups; ///< 1 (repeat) or more (compare; the first is the reference)
    std::string dataset;
    ImageFolderOptions image;
};
std::string varianceStudyConfigJson(const VarianceStudySetup &setup);
/// Throws Error(Session) naming the field.
VarianceStudySetup varianceStudySetup(const std::string &configJson);

/// Cell of (setup s, repeat r): s · runs + r.
int varianceCellCount(const VarianceStudySetup &setup);
/// The seed of repeat r (the same for every setup).
std::uint64_t varianceRunSeed(const VarianceConfig &config, int run);
/// The evaluation-set sizes of the validation-size view: nested stratified prefixes of 1/8,
/// 1/4, 1/2 and all of `total` images (sizes below 1 and repeats dropped).
std::vector<std::int64_t> varianceSubsetSizes(std::int64_t total);

std::unique_ptr<StudyPlan> variancePlan(const VarianceStudySetup &setup, const DatasetPair &data);
/// Why `resultJson` is not a valid result of `setup`'s cell `cell`; empty when it is.
std::string varianceCellError(const VarianceStudySetup &setup, int cell, const std::string &resultJson);
std::int64_t createVarianceStudy(Session &session, const VarianceStudySetup &setup, const DatasetPair &data,
                                 const std::string &name = {});

/// The metrics of one repeat, keyed "accuracy", "loss", "smoothed_accuracy@3", ... (NaN:
/// diverged), plus the accuracy on the nested evaluation subsets.
struct VarianceRun
{
    int run = 0;
    std::uint64_t seed = 0;
    std::map<std::string, double> metrics;
    std::vector<double> subsetAccuracy; ///< per varianceSubsetSizes entry
    std::int64_t evalImages = 0, trainImages = 0;
    double seconds = 0;
    std::string message;
};

/// A setup's finished repeats and their summary per metric.
struct VarianceSetupResult
{
    std::string name, model;
    TrainConfig train;
    std::vector<VarianceRun> runs;                 ///< in repeat order
    std::map<std::string, MetricSummary> summary;  ///< per metric
    std::map<double, double> bias;                 ///< β → mean(smoothed@β − accuracy)
    std::vector<MetricSummary> subsetSummary;      ///< accuracy per evaluation-subset size
};

/// The stored study read back: per setup its repeats and summaries, the metric names in
/// order, the noise ranking, and each setup compared with the first on `metric`.
struct VarianceStudyResult
{
    VarianceStudySetup setup;
    StudyRecord study;
    std::vector<std::string> metricNames;     ///< accuracy, smoothed_accuracy@β..., loss
    std::vector<std::int64_t> subsetSizes;    ///< evaluation images of the validation-size view
    std::vector<VarianceSetupResult> setups;
    /// Per metric: its noise relative to the setups' spread (pooled std / (max − min of the
    /// means)), or its std with one setup (accuracy-like metrics only). Lowest first.
    std::vector<std::pair<std::string, double>> relativeNoise;
    std::string metric = "accuracy";          ///< the compared metric
    std::vector<std::optional<Comparison>> comparisons; ///< setup i vs setup 0 (none for 0, or too few pairs)
    std::vector<std::string> verdicts;        ///< per comparison
    std::string message;                      ///< cells ignored, and why
};
/// Reads study `id`; compares on `metric` (a name of metricNames; throws InvalidArgument
/// otherwise); `detect` > 0: the difference whose repeats are counted.
VarianceStudyResult varianceResultFromStudy(const Session &session, std::int64_t id,
                                            const std::string &metric = "accuracy", double detect = 0);
/// The metric names of a config: accuracy, smoothed_accuracy@β for every β ("@3", "@0.5"), loss.
std::vector<std::string> varianceMetricNames(const VarianceConfig &config);
std::string varianceBetaMetric(double beta);
/// Whether a metric is accuracy-like (a fraction, higher is better) rather than a loss.
bool varianceMetricIsAccuracy(const std::string &metric);

/// The JSON of `repeat run --json` (one setup) or `compare --json` (two or more).
std::string varianceResultJson(const VarianceStudyResult &result);

} // namespace wb::core
