#pragma once

// The sample-size answer of a sufficiency study ("how many images for accuracy X?"): it never
// contradicts a measurement, leaves out fits that miss the data, fits the part of the curve
// that back-tests best, and takes its 50/80/95% bands from a calibration on real learning
// curves measured by the workbench (bench/corpus, README "How the answer is calibrated").
#include "wb/learningcurve.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace wb::core {

/// Coverage levels of every band: 50%, 80% and 95%.
inline constexpr std::array<double, 3> kBandLevels = {0.50, 0.80, 0.95};

/// Quantiles of r = ln(e_measured / e_fitted), e = 1 − accuracy, of fits projected `ratio`
/// times beyond the largest measured size, on a corpus of real learning curves: per ratio the
/// lower and upper quantile of each level (lo50, hi50, lo80, hi80, lo95, hi95) and the median.
/// At ratio ρ the answer is e·exp(median) and its bands e·exp(q) (interpolated linearly in
/// ln ρ, shrinking to 0 at ρ = 1; beyond the last ratio the bands widen along the last two
/// rows and the median stays).
struct BandCalibration
{
    std::vector<double> ratios;                     ///< ascending, all > 1
    std::vector<std::array<double, 6>> quantiles;   ///< one row per ratio
    std::vector<double> median;                     ///< one per ratio (0: no correction)
    int curves = 0, groups = 0;                     ///< what it was calibrated on
    std::string source;                             ///< "built-in" or the file it came from
};

/// The calibration compiled in (bench/corpus_calibrate.py wrote it from bench/corpus).
const BandCalibration &builtInCalibration();
/// A calibration from JSON {"ratios": [...], "quantiles": [[6 numbers], ...], "median":
/// [...] (optional), "curves", "groups"}; throws Error(BadData) naming `where` and the field when it is not one.
BandCalibration calibrationFromJson(const std::string &text, const std::string &where);

/// One family's fit on the fitted sizes, and whether it misses the measured points.
struct FamilyCheck
{
    CurveFit fit;
    bool missesData = false;
    double at = 0;         ///< the size where it misses most (or the largest one checked)
    double measured = 0;   ///< the mean accuracy measured there
    double fitted = 0;     ///< the fit's accuracy there
    double allowed = 0;    ///< the gap allowed there: 2 standard errors + kMissTolerance
};

/// The gap beyond two standard errors over runs that makes a fit miss the data.
inline constexpr double kMissTolerance = 0.01;

/// Everything an answer needs, built once per study and metric (about 0.1–0.5 s); every
/// query below is then instant (a slider can call it). Accuracy-like metrics only.
struct SampleSizeModel
{
    std::vector<double> steps, mean, stderr_; ///< per measured size: mean and its standard error
    std::vector<double> monotone;             ///< the means made non-decreasing (isotonic)
    std::size_t runs = 0;
    std::size_t firstFitted = 0;              ///< index of the smallest size in the fit
    std::vector<double> backtestError;        ///< per candidate first size; NaN = not tried
    std::vector<FamilyCheck> families;        ///< every family on the fitted sizes
    CurveFit curve;                           ///< mean of the families that fit (family "calibrated")
    bool hasCurve = false;                    ///< false when every family misses the data, or `falling`
    /// The metric gets worse with more data over the measured sizes (warning curve_rises): there
    /// is no learning curve to project, so no answer beyond the measurements (a fit to the noise
    /// promised an asymptote far above every measured point).
    bool falling = false;
    BandCalibration calibration;
    std::vector<CurveWarning> warnings;       ///< misses_data per family, all_families_miss
};

/// Builds the model from per-run measurements (`perRun[r][k]`, accuracy-like, complete runs).
/// Weights each size by 1/(se² + 0.005²); chooses the first fitted size by back-testing (fit
/// without the largest one or two sizes, predict them; the smallest mean error wins; at most
/// 16 starts, evenly spread); checks
/// each family at the two largest sizes. Throws Error(InvalidArgument) on fewer than 3 sizes.
SampleSizeModel buildSampleSizeModel(const std::vector<double> &steps,
                                     const std::vector<std::vector<double>> &perRun,
                                     const BandCalibration &calibration = builtInCalibration());

/// `fit` checked against the model's two largest measured sizes: it misses the data where
/// its accuracy differs from the mean by more than 2 standard errors + kMissTolerance.
FamilyCheck checkFit(const SampleSizeModel &model, const CurveFit &fit);
/// The misses_data warning of a check that missed, with its numbers; `leftOut`: the fit is
/// left out of the answer (else its projections are reported and contradict the data).
CurveWarning missesDataWarning(const FamilyCheck &check, bool leftOut = true);

/// The accuracy the answer's curve levels off at (never below the largest measured mean);
/// NaN when every family misses the data.
double projectedLevel(const SampleSizeModel &model);

/// Where a number comes from.
enum class AnswerSource { Measured, Projected, None };
const char *answerSourceName(AnswerSource s); ///< "measured", "projected", "none"

/// The accuracy at n: interpolated between measured sizes (in ln n, on the non-decreasing
/// means), projected beyond them (never below the largest measured mean), with its bands;
/// below the smallest measured size none (NaN, source None).
struct Projection
{
    double n = 0, value = 0;
    AnswerSource source = AnswerSource::None;
    std::array<double, 3> lo{}, hi{}; ///< per kBandLevels
};
Projection projectAccuracy(const SampleSizeModel &model, double n);

/// What to do next for a target (from the calibration table).
struct NextStep
{
    double collectTo = 0;     ///< images to have measured next (0: nothing to collect)
    double widthNow = 0;      ///< width of the 80% accuracy band at the answer now
    double widthAfter = 0;    ///< typical width once measured up to collectTo
};

/// Samples needed for an accuracy target. Reached: the target is at or below some measured
/// mean — answered from the measurements (interpolated between the two sizes around it).
/// Projected: above every measured mean — more than the largest measured size, and so is
/// every band end. Unreachable: the curve levels off below it (the bands may still reach it).
/// NoAnswer: every family misses the measured points.
struct SampleSizeAnswer
{
    enum class Status { Reached, Projected, Unreachable, NoAnswer };
    double target = 0;
    Status status = Status::NoAnswer;
    double n = 0;                    ///< the answer (reached/projected); 0 otherwise
    std::array<double, 3> lo{}, hi{};///< bands of n per kBandLevels; +inf = never in that band
    double measuredAt = 0;           ///< reached: the first measured size at or above the target
    double measuredValue = 0;        ///< its mean
    double asymptote = 0;            ///< the curve's level as n → ∞
    NextStep next;
};
const char *answerStatusName(SampleSizeAnswer::Status s); ///< reached, projected, unreachable, no_answer
SampleSizeAnswer answerTarget(const SampleSizeModel &model, double target);

/// The next step for an answer, as a sentence (English; the app words its own).
std::string nextStepText(const SampleSizeModel &model, const SampleSizeAnswer &answer);

/// JSON text of the model and its answers: method, first_fitted_size, excluded_sizes,
/// backtest_error, families (params, misses_data, …), fitting_families, asymptote,
/// projections [{n, value, source, lo50…hi95}] at `project`, targets [{target, status, n,
/// lo50…hi95, measured_at, measured_value, next_step}], warnings, calibration.
std::string sampleSizeJson(const SampleSizeModel &model, const std::vector<double> &project,
                           const std::vector<SampleSizeAnswer> &answers);

} // namespace wb::core
