#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wb::core {

/// Dataset sizes of a sufficiency study: floor(geomspace(0.01·L, L, S)), the endpoints
/// exact (L = 2000, S = 10 → 20, 33, 55, 92, 154, 258, 430, 718, 1198, 2000). Sizes below 1
/// become 1; duplicates are kept so that the list always has S entries. Pure.
std::vector<std::int64_t> sufficiencySteps(std::int64_t trainSize, int substeps);

/// Learning-curve families, fitted to an error-like quantity f(n) (1 − accuracy, or loss):
/// - "power": f = c·n^(−m) + c0, params [c, m, c0] (the established method's family)
/// - "power4": f = c·(n + b)^(−m) + c0, params [c, m, c0, b]
/// - "exp": f = c·exp(−m·n/N) + c0 with N the largest measured n, params [c, m, c0]
/// - "mmf": f = (a·b + c·n^d)/(b + n^d) (Morgan–Mercer–Flodin), params [a, b, c, d]
const std::vector<std::string> &curveFamilies();

/// Family choices beyond one family: "auto" picks the family that extrapolates best within
/// the measured steps (bestExtrapolatingFamily); "ensemble" is the median, at every n, of
/// the bounded fits of every family the points can determine; "calibrated" is the
/// sample-size answer of sufficiencyanswer.h (weighted fits of the sizes that back-test best,
/// families that miss the data left out, calibrated bands; fitCurve takes it as "ensemble").
const std::vector<std::string> &curveChoices(); ///< curveFamilies() + auto, ensemble, calibrated

struct CurveFit
{
    std::string family;    ///< a family, or "ensemble"
    std::vector<double> params;
    double sse = 0;        ///< sum of squared residuals on the fitted points
    double scale = 1;      ///< N of the "exp" family (largest n fitted)
    std::vector<CurveFit> members; ///< the ensemble's fits, one per family
};

/// Evaluates a fitted curve at n (an ensemble: the median of its members; "calibrated": their mean).
double curveValue(const CurveFit &fit, double n);

/// The floor bound of error-like quantities: 1 − accuracy lies in [0, 1]; a loss has no
/// upper bound.
inline constexpr double kAccuracyFloorMax = 1.0;
double floorMaxFor(bool accuracyLike);

/// Least-squares fit of a family to (n, f), under bounds that make it a learning curve:
/// the curve falls (c ≥ 0; mmf: a ≥ c) and its floor lies in [0, floorMax] (c0 for power,
/// power4, exp; a and c for mmf). Unbounded, 41% of real curves fitted c0 < 0 and projected
/// accuracies above 1. Separable: for fixed nonlinear parameters (m; m,b; b,d) the linear
/// ones come from an exact bounded linear least-squares solve (interior, edge and vertex
/// candidates of the feasible polygon), so the search is over 1 or 2 dimensions only — a
/// dense log grid (global) followed by golden-section or Nelder–Mead refinement of the best
/// cells. `start` (nonlinear params, optional) is added as one more starting point. Needs at
/// least as many points as parameters. Pure.
/// `family` may also be "auto" (the result names the family chosen) or "ensemble".
CurveFit fitCurve(const std::string &family, const std::vector<double> &n,
                  const std::vector<double> &f, const std::vector<double> *start = nullptr,
                  double floorMax = kAccuracyFloorMax);

/// A reason not to trust a projection: a machine-readable code and a sentence.
/// Codes: not_leveling_off, curve_rises, floor_at_bound, exponent_at_bound,
/// far_extrapolation, families_disagree.
struct CurveWarning
{
    std::string code;
    std::string text;
};

/// What makes extrapolations of `fit` (fitted to (n, f)) unsupported by the data: the
/// curve is still about as well described by a straight line in log n as by the fit
/// (it has not started to level off; not said of a flat curve), the error grows with n
/// beyond its scatter, or a parameter sits at a bound of its range. Pure.
std::vector<CurveWarning> curveWarnings(const CurveFit &fit, const std::vector<double> &n,
                                        const std::vector<double> &f, bool accuracyLike);

/// How far beyond the largest measured size a projection is still supported (4x).
inline constexpr double kSupportedExtrapolation = 4.0;

/// The far_extrapolation warning for a value read off the curve at `at` samples (a
/// projection, or the samples needed for a target), or nullopt within
/// kSupportedExtrapolation times the largest measured size.
std::optional<CurveWarning> extrapolationWarning(const std::string &what, double at,
                                                 double largestMeasured);

/// The fit of family choice `choice` (curveChoices()) taken from `ensemble`, an ensemble fit
/// of the same points whose members are the families' fits: "ensemble" is itself, "auto"
/// the member of `bestFamily`, a family its member (fitted anew only if the ensemble lacks
/// it). Saves fitting the same family twice. Pure.
CurveFit fitFromEnsemble(const CurveFit &ensemble, const std::string &choice,
                         const std::string &bestFamily, const std::vector<double> &n,
                         const std::vector<double> &f, double floorMax = kAccuracyFloorMax);

/// The level f approaches as n → ∞ (c0; mmf's c; an ensemble's median member floor).
double curveFloor(const CurveFit &fit);

/// Metric predicted at n for an accuracy-like metric (1 − f(n), clipped to [0, 1]) or a
/// loss-like one (f(n), at least 0).
double projectMetric(const CurveFit &fit, double n, bool accuracyLike);

/// Samples needed to reach `target` of an accuracy-like metric: the smallest n with
/// 1 − f(n) ≥ target. The power law in closed form, n = ceil(((1 − t − c0)/c)^(−1/m));
/// other families (falling by their bounds) by bisection in log n up to 1e15. nullopt
/// when the target is at or beyond the asymptote (or the curve does not fall).
std::optional<std::int64_t> samplesNeeded(const CurveFit &fit, double target);

/// The families_disagree warning when the fits' projections of an accuracy-like metric (or
/// loss) at `at` span more than 0.05 (relative 10% for loss), else nullopt.
std::optional<CurveWarning> familyDisagreement(const std::vector<CurveFit> &fits, double at,
                                               bool accuracyLike);

/// Extrapolation check: fits on the first k points and measures the mean absolute error on
/// the rest, for k from ⌈S/2⌉ to S−1; the family with the lowest error extrapolates best.
double extrapolationError(const std::string &family, const std::vector<double> &n,
                          const std::vector<double> &f, double floorMax = kAccuracyFloorMax);

/// The family (of curveFamilies()) that extrapolates best within the measured steps.
std::string bestExtrapolatingFamily(const std::vector<double> &n, const std::vector<double> &f,
                                    double floorMax = kAccuracyFloorMax);

/// Percentile bands from a bootstrap over runs.
struct Band
{
    std::vector<double> lo80, hi80, lo95, hi95;
    std::vector<double> lo50, hi50; ///< calibrated bands only (sufficiencyanswer.h)
};

/// Bootstrap over runs: `perRun[r][k]` is run r's metric at step k. Draws `resamples` sets
/// of runs with replacement, fits the power law to each mean (as 1 − metric when
/// accuracyLike), and returns bands of the projected metric at `at` and of the samples
/// needed for each target (unreachable draws count as +∞). The percentile bands are
/// widened around the median by sqrt(R/(R−1))·t(R−1)/z, the small-sample correction for a
/// mean of R runs; plain percentiles under-cover with few runs (measured: 66% and 84% for
/// nominal 80% and 95% with 8 runs). Seeded; pure.
struct BootstrapResult
{
    Band curve;                                    ///< at each of `at`
    std::vector<double> neededLo80, neededHi80, neededLo95, neededHi95; ///< per target; inf = unreachable
};
/// The fits of `resamples` bootstrap draws of runs (as used by bootstrapPowerLaw; `family`
/// as in fitCurve, "auto" resolved once on the mean curve), kept so that bands for any
/// target can be computed instantly (e.g. under a slider).
std::vector<CurveFit> bootstrapFits(const std::vector<double> &steps,
                                    const std::vector<std::vector<double>> &perRun, bool accuracyLike,
                                    int resamples, std::uint64_t seed,
                                    const std::string &family = "power");
/// Band [lo, hi] of the samples needed for an accuracy `target` over bootstrap fits of
/// `runs` runs at `coverage` (0.8 or 0.95): where the calibrated band of the curve
/// (projectionBand) crosses the target — lo where its upper edge reaches it, hi where its
/// lower edge does; +∞ where that edge never does (up to 1e15). So the band agrees with the
/// plotted one and grows with the target. (Widening the distribution of the needed n
/// itself gave lower ends below sizes the data already refute.)
std::pair<double, double> neededBand(const std::vector<CurveFit> &fits, double target, std::size_t runs,
                                     double coverage);

/// Calibrated band [lo, hi] of the projected metric at n over bootstrap fits of `runs` runs.
std::pair<double, double> projectionBand(const std::vector<CurveFit> &fits, double n, bool accuracyLike,
                                         std::size_t runs, double coverage);

/// The bands of BootstrapResult from bootstrap fits already made (bootstrapFits) of `runs`
/// runs. Pure.
BootstrapResult bootstrapBands(const std::vector<CurveFit> &fits, std::size_t runs,
                               bool accuracyLike, const std::vector<double> &at,
                               const std::vector<double> &targets);

BootstrapResult bootstrapPowerLaw(const std::vector<double> &steps,
                                  const std::vector<std::vector<double>> &perRun, bool accuracyLike,
                                  const std::vector<double> &at, const std::vector<double> &targets,
                                  int resamples, std::uint64_t seed,
                                  const std::string &family = "power");

} // namespace wb::core
