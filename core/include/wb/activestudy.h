#pragma once

#include "wb/activescores.h"
#include "wb/imagefolder.h"
#include "wb/modelspec.h"
#include "wb/studyengine.h"
#include "wb/trainconfig.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wb::core {

class Session;

/// The active-learning protocol: rounds of train → test → score the unlabelled pool → label the
/// top `budget`, from `initial` to `maxLabels` labels, per trial and strategy. Every trial has
/// one seeded initial labelled set and one seeded initial weight set shared by all strategies;
/// every round retrains from those weights with a fresh optimiser for `stepsPerRound` steps.
struct ActiveConfig
{
    /// uniform, least-confidence, margin, entropy, bald, coreset, adversarial
    std::vector<std::string> strategies = {"uniform", "margin"};
    std::int64_t initial = 100;      ///< labelled images of round 0 (seeded, shared per trial)
    std::int64_t budget = 100;       ///< images labelled per round
    std::int64_t maxLabels = 1000;   ///< the last round has this many labels
    int trials = 3;
    std::int64_t stepsPerRound = 200; ///< optimisation steps of every round, every strategy
    int mcPasses = 10;               ///< bald: dropout passes K
    double marginWeight = 1.0;       ///< adversarial: query score = margin weight · margin score
    double discriminatorWeight = 1.0; ///<   + discriminator weight · the discriminator's "unlabelled" score
    double adversarialLossWeight = 0.1; ///< adversarial: weight of the fool-the-discriminator loss
    int baselineSeeds = 3;           ///< full-data trainings (0 = none)
    std::int64_t poolSize = 0;       ///< training images used as the pool (0 = all)
    std::int64_t testSize = 0;       ///< test images (0 = all)
    std::string limitMode = "random"; ///< how poolSize/testSize pick images: random or first
    std::uint64_t seed = 1;          ///< master seed: initial sets, weights, batch orders
    int workers = 0;                 ///< concurrent cells (0 = automatic)
};

/// The strategy names, in the order of the documentation.
const std::vector<std::string> &activeStrategyNames();
/// Checks ranges and names; throws Error(InvalidArgument) naming the field.
void validate(const ActiveConfig &config);
std::string toJson(const ActiveConfig &config);
ActiveConfig activeConfigFromJson(const std::string &json);

/// Labelled images at each round: initial, initial + budget, … capped at maxLabels.
std::vector<std::int64_t> activeRoundLabels(const ActiveConfig &config);
/// Optimisation steps of one full-data baseline training: the final round's steps per labelled
/// image times the pool size, at least stepsPerRound.
std::int64_t activeBaselineSteps(const ActiveConfig &config, std::int64_t poolSize);

/// Everything a stored active-learning study needs besides its data.
struct ActiveStudySetup
{
    ActiveConfig active;
    TrainConfig train;         ///< optimiser, lr, schedule (over one round), batch size, device
    ModelSpec spec;            ///< the network every round trains
    std::string model;         ///< its name (a preset or a spec file's stem)
    std::string dataset;       ///< as the user named it
    ImageFolderOptions image;  ///< how image folders are read
};
std::string activeStudyConfigJson(const ActiveStudySetup &setup);
/// The setup back from a stored config; throws Error(Session) naming the field.
ActiveStudySetup activeStudySetup(const std::string &configJson);

/// Cells: strategy s, trial t at s · trials + t; then the baseline seeds.
struct ActiveCellKey
{
    int strategy = -1; ///< index into config.strategies, −1 for a baseline cell
    int trial = 0;     ///< the trial, or the baseline seed index
};
ActiveCellKey activeCellKey(const ActiveConfig &config, int cell);
int activeCellCount(const ActiveConfig &config);

/// The study's plan on `data` (pool, test set, normalisation and spec prepared once). Throws
/// core::Error on bad input: more labels than pool images, bald with a model without dropout.
std::unique_ptr<StudyPlan> activePlan(const ActiveStudySetup &setup, const DatasetPair &data);
/// Why `resultJson` is not a valid result of cell `cell` of `config` with a model of `classes`
/// outputs (picked labels below it, no image picked twice); empty when it is.
std::string activeCellError(const ActiveConfig &config, int classes, int cell, const std::string &resultJson);

/// Creates a stored active-learning study (dataset registered, Running owned by this process,
/// no cells) and returns its id; run it with runStoredStudy.
std::int64_t createActiveStudy(Session &session, const ActiveStudySetup &setup, const DatasetPair &data,
                               const std::string &name = {});

/// One trial of one strategy: per round its test accuracy and loss, and the images it picked
/// after that round (positions in the training split) with their labels and scores.
struct ActiveTrial
{
    int trial = 0;
    std::vector<double> accuracy, loss;                ///< per round (NaN: diverged)
    std::vector<std::vector<std::int64_t>> picked;     ///< per round but the last
    std::vector<std::vector<std::int64_t>> pickedLabels;
    std::vector<std::vector<double>> pickedScores;     ///< NaN for uniform
    std::int64_t steps = 0;                            ///< optimisation steps per round
    double seconds = 0;
    std::string message;
};

/// A strategy's trials and their summary per round.
struct ActiveStrategyResult
{
    std::string name;
    std::vector<ActiveTrial> trials;                  ///< finished trials, in trial order
    std::vector<double> median, q25, q75;             ///< per round over the finished trials
    std::vector<LabelsNeeded> needed;                 ///< per accuracy level
    double aulc = 0;  ///< area under the median curve over labels, divided by the label range
};

struct ActiveBaselineRun
{
    int seed = 0;
    double accuracy = 0, loss = 0;
    std::int64_t samples = 0, steps = 0;
    double seconds = 0;
};

/// A stored active-learning study: setup, status, per-strategy results and the baseline.
struct ActiveStudyResult
{
    ActiveStudySetup setup;
    StudyRecord study;
    std::vector<std::int64_t> labels;                 ///< per round
    std::vector<ActiveStrategyResult> strategies;     ///< in config order
    std::vector<ActiveBaselineRun> baseline;
    std::vector<double> levels;                       ///< accuracy levels of `needed`
    std::string message;                              ///< cells ignored, and why
};
/// Reads study `id`; `levels` empty: 0.90, 0.91, … 1.00 (levels above every measured accuracy
/// stay in, every trial censored).
ActiveStudyResult activeResultFromStudy(const Session &session, std::int64_t id,
                                        const std::vector<double> &levels = {});

/// The q-quantile (0 ≤ q ≤ 1) of the finite values by linear interpolation; NaN when none.
double quantile(std::vector<double> values, double q);

/// The study result as the JSON of `workbench-cli active run --json`.
std::string activeResultJson(const ActiveStudyResult &result);

} // namespace wb::core
