#pragma once

#include "wb/imagefolder.h"
#include "wb/modelspec.h"
#include "wb/scalinglaw.h"
#include "wb/studyengine.h"
#include "wb/trainconfig.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace wb::core {

class Session;

/// The scaling grid: model widths × data fractions × seeds, one training per cell.
struct GridConfig
{
    std::vector<int> widths;       ///< the preset's width knob, ascending
    std::vector<double> fractions; ///< of the training set, in (0, 1], descending
    int seeds = 1;                 ///< trainings per (width, fraction)
    /// "steps": every cell takes as many optimisation steps as the full-data cell (small
    /// fractions repeat their images), "epochs": every cell the same epochs over its own images.
    std::string budget = "steps";
    std::int64_t trainSize = 0;    ///< training images the fractions are taken of (0 = all)
    std::int64_t testSize = 0;     ///< test images (0 = all)
    std::string limitMode = "random"; ///< how trainSize/testSize pick images: random or first
    std::uint64_t seed = 1;        ///< master seed: data order, and every cell's seed
    int workers = 0;               ///< concurrent cells (0 = automatic)
};

/// floor(base · √2^k), k = 0 .. steps − 1, repeats dropped (width 1 and 2 repeat): the
/// published family whose forward compute doubles per step. Throws InvalidArgument.
std::vector<int> gridWidths(int base, int steps);
/// 1, 1/2, 1/4, … (steps fractions). Throws InvalidArgument.
std::vector<double> gridFractions(int steps);
/// Checks ranges; throws Error(InvalidArgument) naming the field.
void validate(const GridConfig &config);
std::string toJson(const GridConfig &config);
GridConfig gridConfigFromJson(const std::string &json);

/// Everything a stored grid study needs besides its data.
struct GridStudySetup
{
    GridConfig grid;
    TrainConfig train;
    std::string model;        ///< a preset with a width: mlp, lenet5, tutorial-cnn, cnn, resnet18
    /// The user's own family of model sizes (TorchScript specs, smallest first): the grid's
    /// widths are then 1 .. N, positions in this list, and `model` names the family.
    std::vector<ModelSpec> modelFiles;
    std::string dataset;      ///< as the user named it
    ImageFolderOptions image; ///< how image folders are read
};

/// A seeded, stratified permutation of `labels`' positions: every prefix holds each class in
/// proportion (to within one image), so the fractions' subsets are nested prefixes of it.
std::vector<std::size_t> stratifiedOrder(const std::vector<std::int64_t> &labels, std::uint64_t seed);

/// The cell index of (width w, fraction f, seed s) and back: cell = (w · F + f) · S + s.
struct GridCellKey
{
    int width = 0, fraction = 0, seed = 0; ///< indices into the config's lists / seeds
};
GridCellKey gridCellKey(const GridConfig &config, int cell);

/// One finished cell's measurements (stored as its result JSON).
struct GridCellResult
{
    int cell = 0;
    int width = 0;
    double fraction = 0;
    std::uint64_t seed = 0;        ///< the training seed of this cell
    std::int64_t params = 0;
    std::int64_t samples = 0;      ///< distinct training images
    std::int64_t flops = 0;        ///< forward FLOPs per sample (ShapeReport::totalFlops)
    double trainFlops = 0;         ///< 3 × flops × images processed in training
    std::int64_t steps = 0;        ///< optimisation steps taken
    int epochs = 0;                ///< passes over the cell's (possibly repeated) image list
    double trainLoss = 0, testLoss = 0, trainAccuracy = 0, testAccuracy = 0;
    double trainSmoothedAccuracy = 0, testSmoothedAccuracy = 0;
    double seconds = 0;
    std::string message;           ///< e.g. "diverged at step 31"; metrics are then NaN
};

/// The stored config (studies.config_json) of a setup.
std::string gridStudyConfigJson(const GridStudySetup &setup);
/// The setup back from a stored config; throws Error(Session) naming the field.
GridStudySetup gridStudySetup(const std::string &configJson);

/// The study's plan on `data`: selection, order, normalisation and the specs of every width
/// are prepared once. Throws core::Error on bad input (a fraction leaving no image, a width
/// the preset refuses, a model that does not fit the data).
std::unique_ptr<StudyPlan> gridPlan(const GridStudySetup &setup, const DatasetPair &data);

/// Why `resultJson` is not a valid cell result of `config`; empty when it is.
std::string gridCellError(const GridConfig &config, const std::string &resultJson);

/// Creates a stored grid study (dataset registered, Running owned by this process, no cells)
/// and returns its id; run it with runStoredStudy.
std::int64_t createGridStudy(Session &session, const GridStudySetup &setup, const DatasetPair &data,
                             const std::string &name = {});

/// A stored grid study: its setup, status and finished cells (in cell order; cells not done
/// are missing, invalid ones left out and named in `message`).
struct GridStudyResult
{
    GridStudySetup setup;
    StudyRecord study;
    std::vector<GridCellResult> cells;
    std::string message;
};
GridStudyResult gridResultFromStudy(const Session &session, std::int64_t id);

/// The finished cells as points of a scaling-law fit (test loss; cells whose test loss is not
/// finite or above 1e12 — diverged in effect — are left out).
std::vector<ScalingPoint> gridScalingPoints(const std::vector<GridCellResult> &cells);

/// The cells as JSON objects {"width", "fraction", "seed", "params", "samples", "flops",
/// "train_flops", "steps", "epochs", "train_loss", "test_loss", "train_accuracy",
/// "test_accuracy", "train_smoothed_accuracy", "test_smoothed_accuracy", "seconds"} (NaN as null).
std::string gridCellsJson(const std::vector<GridCellResult> &cells);

} // namespace wb::core
